"""The `kg` command: parse, call one library function, print. Nothing here that a notebook would miss."""

from __future__ import annotations

import json
import logging
import signal
import sys
from pathlib import Path

import click

from loaders.errors import KgError

__all__ = ["cli", "main"]


def _store_option(function):
    return click.option(
        "--store",
        "store_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Folder of the graph store [default: $KG_STORE, else ./kg-store].",
    )(function)


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
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for reading reports [default: number of cores].",
)
@click.option("--force", is_flag=True, help="Re-read reports even when their content is already in the store.")
@click.option("--no-findings", is_flag=True, help="Read structure only (grades, dates), no sentence analysis.")
@click.option(
    "--wait",
    type=float,
    default=0.0,
    show_default=True,
    help="Seconds to wait for another build on the same store to finish.",
)
def build(
    paths: tuple[Path, ...], store_dir: Path | None, jobs: int | None, force: bool, no_findings: bool, wait: float
) -> None:
    """Read report files (PDF or text, or folders of them) into the graph store.

    Each report becomes one named graph, written in one transaction. Files already in the store with
    the same content are skipped. One error line per bad file; the rest of the batch goes on.
    """
    from kg.pipeline import add_reports, cpu_count, expand_paths
    from kg.store import open_store

    def build_nlp():  # imported and built only if a report must be read (spaCy takes a second to import)
        from loaders.nlp import build_nlp as build

        return build()

    nlp = None if no_findings else build_nlp
    files = expand_paths(paths)
    with open_store(store_dir, wait=wait) as store:
        if sys.stderr.isatty():
            with click.progressbar(length=len(files), label="Reading reports", file=sys.stderr) as bar:
                outcome = add_reports(
                    store,
                    files,
                    nlp=nlp,
                    jobs=jobs or cpu_count(),
                    force=force,
                    on_error=_error,
                    on_progress=lambda _: bar.update(1),
                )
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
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A query parameter, bound as an RDF term (repeatable).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file.")
@_store_option
def query(name: str, params: tuple[str, ...], fmt: str, output: Path | None, store_dir: Path | None) -> None:
    """Run a named query (see `kg queries`) or a .rq file, with --param values bound, never pasted."""
    from kg.query import find_query, run_query
    from kg.store import open_store
    from kg.tables import format_rows

    named = find_query(name)
    with open_store(store_dir, read_only=True) as store:
        rows = run_query(store, name, **_parse_params(params))
    text = format_rows(rows, fmt, columns=[c for c in named.columns if c] or None)
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"{len(rows)} rows written to {output}")
    else:
        click.echo(text, nl=False)


@cli.command()
@click.option(
    "--file",
    "rdf_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Validate this RDF file instead of the store.",
)
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
def ontology() -> None:
    """Check the ontology and concept schemes, and write their reference."""


@ontology.command("check")
def ontology_check() -> None:
    """Lint ontology/*.ttl and ask HermiT whether it is consistent; exit 1 if inconsistent."""
    from kg.ontology_check import check_ontology

    result = check_ontology()
    click.echo(f"{result.triples} triples; owlready2 {'loaded' if result.owlready_loaded else 'failed to load'}")
    verdict = {True: "consistent", False: "INCONSISTENT", None: f"not run ({result.skipped})"}[result.consistent]
    click.echo(f"HermiT: {verdict}")
    for problem in result.problems:
        click.echo(f"problem: {problem}")
    click.echo(f"{len(result.problems)} problems")
    if result.consistent is False or not result.owlready_loaded:
        sys.exit(1)


@ontology.command("doc")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write [default: docs/ontology.md].",
)
def ontology_doc(output: Path | None) -> None:
    """Write the ontology reference (classes, properties, concept schemes) as Markdown."""
    from kg.ontology_doc import write_ontology_reference

    click.echo(f"wrote {write_ontology_reference(output)}")


@cli.group()
def export() -> None:
    """Write the graph out: RDF, CSV tables, interactive HTML."""


RDF_FORMATS = {"ttl": "TURTLE", "trig": "TRIG", "nq": "N_QUADS", "nt": "N_TRIPLES", "jsonld": "JSON_LD"}


@export.command("rdf")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(sorted(RDF_FORMATS)),
    default="trig",
    show_default=True,
    help="RDF syntax: trig and nq keep each report's named graph; ttl and nt merge all graphs.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="File to write.")
@_store_option
def export_rdf(fmt: str, output: Path, store_dir: Path | None) -> None:
    """Export the whole store as RDF."""
    from kg.export import export_rdf as write_rdf
    from kg.store import open_store

    with open_store(store_dir, read_only=True) as store:
        count = write_rdf(store, output, fmt)
    click.echo(f"{count} triples written to {output}")


@export.command("csv")
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write one CSV per table-like named query into.",
)
@_store_option
def export_csv(out_dir: Path, store_dir: Path | None) -> None:
    """Export every parameter-free named query as a CSV file, for Excel and R."""
    from kg.export import export_csv as write_tables
    from kg.store import open_store

    with open_store(store_dir, read_only=True) as store:
        written = write_tables(store, out_dir)
    for path, count in written:
        click.echo(f"{path}  ({count} rows)")


def _view_options(function):
    """--view, --authority and the filters every network view takes."""
    from kg.network import VIEW_NAMES

    date_type = click.DateTime(formats=["%Y-%m-%d"])
    options = [
        click.option("--view", type=click.Choice(VIEW_NAMES), default="authority-weakness", show_default=True,
                     help="authority-weakness (bipartite), authorities / weaknesses (its projections), themes "
                          "(co-occurrence), service-theme-partner, authority (one authority's ego view)."),
        click.option("--authority", default=None, help="Authority name or GSS code, for --view authority."),
        click.option("--polarity", type=click.Choice(["strength", "weakness", "mixed", "neutral"]), default=None,
                     help="Only findings of this polarity."),
        click.option("--framework", type=click.Choice(["sif", "ilacs", "pre-2013"]), default=None,
                     help="Only inspections under this framework."),
        click.option("--since", type=date_type, default=None, help="Only inspections started on or after this day."),
        click.option("--until", type=date_type, default=None, help="Only inspections started on or before this day."),
        click.option("--region", default=None, help="Only authorities in this region, e.g. London."),
        click.option("--grade", default=None, help="Only inspections with this overall grade id, e.g. inadequate."),
        click.option("--min-weight", type=click.IntRange(min=1), default=1, show_default=True,
                     help="Drop links backed by fewer findings."),
        _store_option,
    ]  # fmt: skip
    for option in reversed(options):
        function = option(function)
    return function


def _build_network(store_dir: Path | None, view: str, authority: str | None, **filters):
    from kg.network import ViewFilter, build_view
    from kg.store import open_store

    for key in ("since", "until"):
        filters[key] = filters[key].date() if filters[key] else None
    with open_store(store_dir, read_only=True) as store:
        return build_view(store, view, ViewFilter(**filters), authority=authority)


@export.command("html")
@_view_options
@click.option("--title", default=None, help="Page title [default: named for the view].")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="HTML file to write: one self-contained page that works offline.",
)
def export_html(
    output: Path, title: str | None, store_dir: Path | None, view: str, authority: str | None, **filters
) -> None:
    """Write an interactive network view as one offline HTML page (search, filters, evidence)."""
    from kg.html import write_html

    graph = _build_network(store_dir, view, authority, **filters)
    output.parent.mkdir(parents=True, exist_ok=True)
    write_html(graph, output, title=title or f"Ofsted findings: {view} view" + (f" ({authority})" if authority else ""))
    click.echo(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} links written to {output}")


@export.command("network-csv")
@_view_options
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="CSV file to write: node, label, kind, degree, weighted_degree, betweenness, community.",
)
def export_network_csv(output: Path, store_dir: Path | None, view: str, authority: str | None, **filters) -> None:
    """Write the centrality and community figures of a network view as CSV."""
    from kg.network import write_centrality_csv

    graph = _build_network(store_dir, view, authority, **filters)
    output.parent.mkdir(parents=True, exist_ok=True)
    write_centrality_csv(graph, output)
    click.echo(f"{graph.number_of_nodes()} nodes written to {output}")


@cli.command()
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one JSON object per line; table: for people.",
)
@click.option("--section", default=None, help="Section kind the sentences come from (e.g. improvements).")
def annotate(file, fmt: str, section: str | None) -> None:
    """Read sentences (one per line, from FILE or standard input) and print their concepts and polarity."""
    from kg.tables import format_rows
    from loaders.findings import annotate_texts
    from loaders.nlp import build_nlp

    texts = [line.strip() for line in file if line.strip()]
    results = annotate_texts(texts, build_nlp(), section=section)
    if fmt == "jsonl":
        for result in results:
            click.echo(json.dumps(result, ensure_ascii=False))
    else:
        rows = [{k: " ".join(v) if isinstance(v, list | tuple) else v for k, v in r.items()} for r in results]
        click.echo(format_rows(rows, "table", width=70), nl=False)


@cli.command()
@_store_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; the default answers this machine only.",
)
@click.option(
    "--port",
    type=click.IntRange(min=0, max=65535),
    default=7878,
    show_default=True,
    help="Port to listen on (0: any free port).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    help="Seconds a query may run before it is stopped (answered 503).",
)
@click.option(
    "--max-rows",
    type=click.IntRange(min=1),
    default=10_000,
    show_default=True,
    help="Most rows (or triples) one answer may hold; larger results are refused.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Queries that can run at once, each in its own process.",
)
def serve(store_dir: Path | None, host: str, port: int, timeout: float, max_rows: int, workers: int) -> None:
    """Serve the store read-only as a SPARQL 1.1 endpoint (/sparql) with a query page (/)."""
    from kg.serve import ServeSettings, make_server
    from kg.store import default_store_dir

    settings = ServeSettings(store_dir or default_store_dir(), host, port, timeout, max_rows, workers)
    server = make_server(settings)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"Warning: listening on {host}: anyone who can reach this address can query the graph", err=True)
    click.echo(f"SPARQL endpoint {server.url}sparql  (query page {server.url}; read-only; Ctrl-C stops it)")
    sys.stdout.flush()
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # `kill` stops the workers too, as Ctrl-C does
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@cli.command()
@click.option(
    "--endpoint",
    required=True,
    help="The server's SPARQL endpoint (query and update), e.g. "
    "http://host:8890/sparql (Virtuoso with a login: /sparql-auth).",
)
@click.option(
    "--graph-store",
    default=None,
    help="The server's Graph Store HTTP Protocol URL, e.g. "
    "http://host:8890/sparql-graph-crud (with a login: /sparql-graph-crud-auth); without it, SPARQL Update.",
)
@_store_option
def push(endpoint: str, graph_store: str | None, store_dir: Path | None) -> None:
    """Publish every report graph and the reference graph to a SPARQL server, replacing each whole.

    Pushing twice changes nothing. A login comes from the environment variables KG_PUSH_USER and
    KG_PUSH_PASSWORD (digest or basic authentication), never from the command line.
    """
    from kg.push import credentials_from_env, push_store
    from kg.store import open_store

    with open_store(store_dir, read_only=True) as store:
        outcome = push_store(store, endpoint, graph_store, credentials_from_env())
    click.echo(outcome.summary())


@cli.group()
def report() -> None:
    """Write a report for a briefing: one theme across authorities, or one authority over time."""


def _report_output(text: str, output: Path | None, fmt: str) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        click.echo(f"{fmt} report written to {output}", err=True)


_REPORT_FORMAT = click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["md", "html"]),
    default="md",
    show_default=True,
    help="Markdown, or one self-contained HTML page.",
)
_REPORT_OUTPUT = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to a file (Markdown charts go beside it as PNG) [default: stdout].",
)


@report.command("theme")
@click.argument("theme")
@_REPORT_FORMAT
@_REPORT_OUTPUT
@click.option("--since", metavar="YYYY-MM-DD", help="Only inspections from this date.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only inspections up to this date.")
@click.option("--region", help="Only authorities in this region, e.g. London.")
@click.option("--framework", help="Only inspections under this framework: sif, ilacs or pre-2013.")
@click.option("--authority", help="Only this authority (name or GSS code).")
@_store_option
def report_theme(theme: str, fmt: str, output: Path | None, store_dir: Path | None, **filters) -> None:
    """One theme across every authority.

    THEME is a theme, service area, recurring weakness or partner: its id, label or acronym (CSE, MASH).
    """
    from kg.reports import write_theme_report
    from kg.store import open_store

    with open_store(store_dir, read_only=True) as store:
        text = write_theme_report(store, theme, fmt, output, **filters)
    _report_output(text, output, fmt)


@report.command("authority")
@click.argument("name")
@_REPORT_FORMAT
@_REPORT_OUTPUT
@_store_option
def report_authority(name: str, fmt: str, output: Path | None, store_dir: Path | None) -> None:
    """One authority's inspections over time.

    NAME is an authority's name or GSS code. Grades by area, weaknesses kept or resolved, neighbours' grades.
    """
    from kg.reports import write_authority_report
    from kg.store import open_store

    with open_store(store_dir, read_only=True) as store:
        text = write_authority_report(store, name, fmt, output)
    _report_output(text, output, fmt)


def main() -> None:
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
