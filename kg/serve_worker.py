"""The query worker of `kg serve`: `python -m kg.serve_worker STORE` answers jobs read from its stdin pipe.

It opens the store read-only once, then for each job (JSON) runs the query and writes back a JSON head
(status, media type) and the body bytes. The parent kills it when a query overruns the time limit.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
import time
from dataclasses import asdict, dataclass
from itertools import islice
from multiprocessing.connection import Connection

from pyoxigraph import NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, serialize

from kg.sparql_results import RESULT_MEDIA_TYPES, write_solutions

__all__ = ["READ_ONLY_MESSAGE", "SOLUTION_TYPES", "Job", "negotiate", "run_job"]

READ_ONLY_MESSAGE = (
    "this SPARQL endpoint is read-only: updates are refused; change the graph with `kg build`, then restart `kg serve`"
)
SERVICE_MESSAGE = "SERVICE (federated query) is refused: this endpoint never fetches from the network"
# media type -> results format key; the first entry of each table is the default for */*
SOLUTION_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "ttl",
    "application/turtle": "ttl",
    "application/x-turtle": "ttl",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/rdf+xml": "rdf",
    "application/ld+json": "jsonld",
}
_FORMAT_ALIASES = {
    "turtle": "ttl",
    "ntriples": "nt",
    "n-triples": "nt",
    "rdfxml": "rdf",
    "rdf+xml": "rdf",
    "xml+rdf": "rdf",
    "json-ld": "jsonld",
}
_RDF_FORMATS = {
    "ttl": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "rdf": RdfFormat.RDF_XML,
    "jsonld": RdfFormat.JSON_LD,
}
_BOOLEAN_FORMATS = {
    "json": QueryResultsFormat.JSON,
    "xml": QueryResultsFormat.XML,
    "csv": QueryResultsFormat.CSV,
    "tsv": QueryResultsFormat.TSV,
}
# strings, IRIs and comments, matched left to right so that a '#' in an IRI or a quote in a comment is no trap
_LEXEMES = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*',
    re.S,
)
_UPDATE = re.compile(
    r"\s*(?:(?:PREFIX\s+[\w.-]*:|BASE)\s*)*(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY"
    r"|WITH)\b",
    re.I,
)
_SERVICE = re.compile(r"(?<![?$\w:-])SERVICE(?![\w:-])", re.I)


@dataclass(frozen=True, slots=True)
class Job:
    """One protocol request: the query text, what the client accepts, the limits and the dataset."""

    query: str
    accept: str = ""
    fmt: str = ""  # a `format` parameter (json, xml, csv, tsv, ttl, nt, rdf, jsonld) wins over the Accept header
    max_rows: int = 10_000
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return asdict(self)


def negotiate(accept: str, table: dict[str, str], fmt: str = "") -> str | None:
    """The format key the client prefers among table's media types; None when it accepts none of them.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+json", SOLUTION_TYPES)
    'json'
    >>> negotiate("text/html, */*;q=0.8", GRAPH_TYPES)
    'ttl'
    """
    fmt = _FORMAT_ALIASES.get(fmt.lower(), fmt.lower())
    if fmt in table.values():  # a `format` parameter that fits this query form; otherwise the Accept header
        return fmt
    default = next(iter(table.values()))
    ranked = []
    for position, item in enumerate(accept.split(",")):
        media, *options = (part.strip() for part in item.split(";"))
        quality = 1.0
        for option in options:
            if option.startswith("q="):
                try:
                    quality = float(option[2:])
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, position, media.lower()))
    if not ranked:
        return default
    for _, _, media in sorted(ranked):
        if media in table:
            return table[media]
        if media in ("*/*", "application/*", "text/*"):
            return default
    return None


def run_job(store, job: Job) -> tuple[int, str, bytes]:
    """(HTTP status, media type, body) of one query over a pyoxigraph Store (the default graph: all graphs)."""
    from kg.namespaces import PREFIXES

    bare = _LEXEMES.sub(" ", job.query)
    if _UPDATE.match(bare):
        return _text(403, READ_ONLY_MESSAGE)
    if _SERVICE.search(bare):
        return _text(403, SERVICE_MESSAGE)
    options: dict[str, object] = {"prefixes": {name: str(ns) for name, ns in PREFIXES.items()}}
    if job.default_graphs:
        options["default_graph"] = [NamedNode(iri) for iri in job.default_graphs]
    else:
        options["use_default_graph_as_union"] = True  # the named queries read report graphs and reference alike
    if job.named_graphs:
        options["named_graphs"] = [NamedNode(iri) for iri in job.named_graphs]
    try:
        result = store.query(job.query, **options)
        if isinstance(result, QueryBoolean | QuerySolutions):
            fmt = negotiate(job.accept, SOLUTION_TYPES, job.fmt)
            if fmt is None:
                return _text(406, f"{job.accept}: results can be {', '.join(RESULT_MEDIA_TYPES.values())}")
            if isinstance(result, QueryBoolean):
                return 200, RESULT_MEDIA_TYPES[fmt], result.serialize(format=_BOOLEAN_FORMATS[fmt])
            variables = [variable.value for variable in result.variables]
            rows = list(islice(result, job.max_rows + 1))
            if len(rows) > job.max_rows:
                return _text(400, _too_many("rows", job.max_rows))
            return 200, RESULT_MEDIA_TYPES[fmt], write_solutions(variables, rows, fmt)
        fmt = negotiate(job.accept, GRAPH_TYPES, job.fmt)
        if fmt is None:
            return _text(406, f"{job.accept}: graphs can be {', '.join(sorted(GRAPH_TYPES))}")
        triples = list(islice(result, job.max_rows + 1))
        if len(triples) > job.max_rows:
            return _text(400, _too_many("triples", job.max_rows))
        media = next(media for media, key in GRAPH_TYPES.items() if key == fmt)
        return (
            200,
            f"{media}; charset=utf-8",
            serialize(triples, format=_RDF_FORMATS[fmt], prefixes=options["prefixes"]),
        )
    except SyntaxError as error:
        return _text(400, f"query is not valid SPARQL: {error}")
    except (OSError, RuntimeError, ValueError, TypeError) as error:
        return _text(500, f"query failed: {error}")


def _too_many(what: str, limit: int) -> str:
    return (
        f"results exceed the row limit of {limit} {what}; add LIMIT (and OFFSET to page), "
        "or restart kg serve with a larger --max-rows"
    )


def _text(status: int, message: str) -> tuple[int, str, bytes]:
    return status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8")


def _exit_with_parent(parent: int) -> None:
    """End this process when the server that started it is gone, even in the middle of a query."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def _main(store_dir: str) -> None:
    """Serve jobs from stdin until it closes; stray output goes to stderr, never into the pipe."""
    send = Connection(os.dup(sys.stdout.fileno()), readable=False)
    receive = Connection(os.dup(sys.stdin.fileno()), writable=False)
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    from kg.store import open_store
    from loaders.errors import KgError

    try:
        with open_store(store_dir, read_only=True) as store:
            send.send_bytes(json.dumps({"error": None}).encode("utf-8"))
            while True:
                try:
                    request = json.loads(receive.recv_bytes())
                except EOFError:
                    return
                job = Job(
                    **{
                        **request,
                        "default_graphs": tuple(request["default_graphs"]),
                        "named_graphs": tuple(request["named_graphs"]),
                    }
                )
                status, media, body = run_job(store.oxigraph, job)
                send.send_bytes(json.dumps({"status": status, "content_type": media}).encode("utf-8"))
                send.send_bytes(body)
    except KgError as error:
        send.send_bytes(json.dumps({"error": str(error)}).encode("utf-8"))


if __name__ == "__main__":
    _main(sys.argv[1])
