"""The `kg` command: parse, call one library function, print. Nothing here that a notebook would miss."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from kg.pipeline import cpu_count
from loaders.errors import KgError

__all__ = ["cli", "main"]


def _store_option(function):
    return click.option(
        "--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
        help="Folder of the graph store [default: $KG_STORE, else ./kg-store].")(function)


def _error(error: KgError) -> None:
    click.echo(f"Error: {error}", err=True)


class _Group(click.Group):
    """A group that prints expected errors as one line and exits 1, and lets bugs show their traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as error:
            _error(error)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="Say more (-v: progress notes, -vv: debug).")
@click.version_option(package_name="ofsted-kg")
def cli(verbose: int) -> None:
    """A knowledge graph of what Ofsted inspectors find in English children's services."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@_store_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for reading reports [default: number of cores].")
@click.option("--force", is_flag=True, help="Re-read reports even when their content is already in the store.")
@click.option("--no-findings", is_flag=True, help="Read structure only (grades, dates), no sentence analysis.")
@click.option("--wait", type=float, default=0.0, show_default=True,
              help="Seconds to wait for another build on the same store to finish.")
def build(paths: tuple[Path, ...], store_dir: Path | None, jobs: int | None, force: bool, no_findings: bool,
          wait: float) -> None:
    """Read report files (PDF or text, or folders of them) into the graph store.

    Each report becomes one named graph, written in one transaction. Files already in the store with
    the same content are skipped. One error line per bad file; the rest of the batch goes on.
    """
    from kg.pipeline import add_reports, expand_paths
    from kg.store import open_store

    nlp = None
    if not no_findings:
        from loaders.nlp import build_nlp

        nlp = build_nlp()
    files = expand_paths(paths)
    with open_store(store_dir, wait=wait) as store:
        if sys.stderr.isatty():
            with click.progressbar(length=len(files), label="Reading reports", file=sys.stderr) as bar:
                outcome = add_reports(store, files, nlp=nlp, jobs=jobs or cpu_count(), force=force,
                                      on_error=_error, on_progress=lambda _: bar.update(1))
        else:
            outcome = add_reports(store, files, nlp=nlp, jobs=jobs or cpu_count(), force=force, on_error=_error)
    click.echo(outcome.summary())
    if outcome.errors:
        sys.exit(1)


@cli.command("queries")
def list_queries() -> None:
    """List the named queries, each with the question it answers and its parameters."""
    from kg.query import named_queries

    for query in named_queries().values():
        click.echo(f"{query.name:34} {query.question}")
        for param in query.params:
            click.echo(f"{'':34}   --param {param.name}=…  ({param.kind}) {param.description}")


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{pair!r}: write it as name=value", param_hint="--param")
        params[name.strip()] = value
    return params


@cli.command()
@click.argument("name")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A query parameter, bound as an RDF term (repeatable).")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file.")
@_store_option
def query(name: str, params: tuple[str, ...], fmt: str, output: Path | None, store_dir: Path | None) -> None:
    """Run a named query (see `kg queries`) or a .rq file, with --param values bound, never pasted."""
    from kg.query import _find_query, run_query
    from kg.store import open_store
    from kg.tables import format_rows

    named = _find_query(name)
    with open_store(store_dir, read_only=True) as store:
        rows = run_query(store, name, **_parse_params(params))
    text = format_rows(rows, fmt, columns=[c for c in named.columns if c] or None)
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"{len(rows)} rows written to {output}")
    else:
        click.echo(text, nl=False)


@cli.command()
@click.option("--file", "rdf_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Validate this RDF file instead of the store.")
@_store_option
def validate(rdf_file: Path | None, store_dir: Path | None) -> None:
    """Check the store (or an RDF file) against the SHACL shapes; list violations, exit 1 if any."""
    from kg.store import open_store
    from kg.validate import validate_file, validate_store

    if rdf_file:
        result = validate_file(rdf_file)
    else:
        with open_store(store_dir, read_only=True) as store:
            result = validate_store(store)
    for violation in result.violations:
        click.echo(str(violation))
    click.echo(f"{result.graphs} graphs checked, {len(result.violations)} violations")
    if not result.conforms:
        sys.exit(1)


@cli.group()
def export() -> None:
    """Write the graph out: RDF, CSV tables, interactive HTML."""


RDF_FORMATS = {"ttl": "TURTLE", "trig": "TRIG", "nq": "N_QUADS", "nt": "N_TRIPLES", "jsonld": "JSON_LD"}


@export.command("rdf")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(RDF_FORMATS)), default="trig", show_default=True,
              help="RDF syntax: trig and nq keep each report's named graph; ttl and nt merge all graphs.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write.")
@_store_option
def export_rdf(fmt: str, output: Path, store_dir: Path | None) -> None:
    """Export the whole store as RDF."""
    from kg.export import export_rdf as write_rdf
    from kg.store import open_store

    with open_store(store_dir, read_only=True) as store:
        count = write_rdf(store, output, fmt)
    click.echo(f"{count} triples written to {output}")


@export.command("csv")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write one CSV per table-like named query into.")
@_store_option
def export_csv(out_dir: Path, store_dir: Path | None) -> None:
    """Export every parameter-free named query as a CSV file, for Excel and R."""
    from kg.export import export_csv as write_tables
    from kg.store import open_store

    with open_store(store_dir, read_only=True) as store:
        written = write_tables(store, out_dir)
    for path, count in written:
        click.echo(f"{path}  ({count} rows)")


@cli.command()
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-")
@click.option("-f", "--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="jsonl: one JSON object per line; table: for people.")
@click.option("--section", default=None, help="Section kind the sentences come from (e.g. improvements).")
def annotate(file, fmt: str, section: str | None) -> None:
    """Read sentences (one per line, from FILE or standard input) and print their concepts and polarity."""
    from loaders.findings import annotate_texts
    from loaders.nlp import build_nlp

    from kg.tables import format_rows

    texts = [line.strip() for line in file if line.strip()]
    results = annotate_texts(texts, build_nlp(), section=section)
    if fmt == "jsonl":
        for result in results:
            click.echo(json.dumps(result, ensure_ascii=False))
    else:
        rows = [{k: " ".join(v) if isinstance(v, list | tuple) else v for k, v in r.items()} for r in results]
        click.echo(format_rows(rows, "table", width=70), nl=False)


def main() -> None:
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
