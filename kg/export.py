"""Exports for other tools: RDF dumps and one CSV per table-like named query."""

from __future__ import annotations

import json
from pathlib import Path

from pyoxigraph import RdfFormat

from kg.query import named_queries, run_query
from kg.store import GraphStore
from kg.tables import write_csv

__all__ = ["export_csv", "export_rdf"]

_FORMATS = {"ttl": RdfFormat.TURTLE, "trig": RdfFormat.TRIG, "nq": RdfFormat.N_QUADS, "nt": RdfFormat.N_TRIPLES}


def export_rdf(store: GraphStore, path: Path, fmt: str) -> int:
    """Write the store as RDF; Turtle and N-Triples merge every graph. Returns the number of quads."""
    count = len(store.oxigraph)
    if fmt == "jsonld":
        import rdflib

        dataset = rdflib.Dataset()
        dataset.parse(data=store.oxigraph.dump(format=RdfFormat.N_QUADS), format="nquads")
        path.write_text(dataset.serialize(format="json-ld"), encoding="utf-8")
        return count
    rdf_format = _FORMATS[fmt]
    if rdf_format.supports_datasets:
        store.oxigraph.dump(str(path), format=rdf_format)
    else:
        _dump_merged(store, path, rdf_format)
    return count


def _dump_merged(store: GraphStore, path: Path, rdf_format: RdfFormat) -> None:
    from pyoxigraph import serialize

    triples = dict.fromkeys(quad.triple for quad in store.oxigraph)  # merge graphs, keep one copy
    with path.open("wb") as out:
        serialize(triples, out, format=rdf_format)


def export_csv(store: GraphStore, out_dir: Path) -> list[tuple[Path, int]]:
    """One CSV per named query that needs no parameter value; returns (path, row count) pairs."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for query in named_queries().values():
        if any(param.required for param in query.params):
            continue  # a question about one concept: not a table for the whole graph
        rows = run_query(store, query.name)
        path = out_dir / f"{query.name}.csv"
        write_csv(rows, path, columns=[c for c in query.columns if c] or None)
        written.append((path, len(rows)))
    (out_dir / "README.json").write_text(
        json.dumps({q.name: q.question for q in named_queries().values()}, indent=2), encoding="utf-8"
    )
    return written
