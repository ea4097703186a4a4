"""The endpoint's own results writers give the bytes pyoxigraph gives for the same results."""

from __future__ import annotations

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, QueryResultsFormat, Store

from kg.sparql_results import write_solutions

XSD = "http://www.w3.org/2001/XMLSchema#"
QUERY = "SELECT ?s ?o ?none WHERE { ?s ?p ?o OPTIONAL { ?s <http://example.org/q> ?none } } ORDER BY ?o"


def _ex(name: str) -> NamedNode:
    return NamedNode(f"http://example.org/{name}")


@pytest.fixture(scope="module")
def tricky_store() -> Store:
    store = Store()
    for subject, value in [
        (_ex("a"), Literal('say "hi",\nthen\tgo', language="en")),
        (_ex("a"), Literal("3", datatype=NamedNode(XSD + "integer"))),
        (_ex("a"), Literal("2.50", datatype=NamedNode(XSD + "decimal"))),
        (_ex("a"), Literal("true", datatype=NamedNode(XSD + "boolean"))),
        (_ex("a"), Literal("2024-01-31", datatype=NamedNode(XSD + "date"))),
        (BlankNode("b1"), Literal("</td><script>alert(1)</script> & more")),
    ]:
        store.add(Quad(subject, _ex("p"), value))
    return store


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_write_solutions_matches_pyoxigraph(tricky_store, fmt):
    theirs = tricky_store.query(QUERY).serialize(format=getattr(QueryResultsFormat, fmt.upper()))
    ours = write_solutions(["s", "o", "none"], list(tricky_store.query(QUERY)), fmt)
    assert ours == theirs
