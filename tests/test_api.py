"""kg.api delegates to the modules and gives the same answers; the README's generated diagram is up to date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode

from kg.api import KnowledgeGraph, as_term
from kg.diagram import BEGIN_MARK, END_MARK, render_mermaid
from kg.network import build_view
from kg.query import named_queries, run_query
from kg.readme import QUERIES_BEGIN, QUERIES_END
from loaders.errors import UnknownName

ROOT = Path(__file__).resolve().parent.parent
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def seed_graph(seed_store_dir) -> KnowledgeGraph:
    return KnowledgeGraph(seed_store_dir)


@pytest.mark.parametrize("name", ["judgements", "inspections", "trajectory"])
def test_api_query_gives_the_rows_run_query_gives(seed_graph, seed_store, name):
    assert seed_graph.query(name) == run_query(seed_store, name)


def test_api_query_binds_parameters(seed_graph, seed_store):
    rows = seed_graph.query("judgements", area="overall-effectiveness")
    assert {row["area"] for row in rows} == {"overall-effectiveness"}
    assert rows == run_query(seed_store, "judgements", area="overall-effectiveness")


def test_api_frame_has_the_declared_columns_in_order(seed_graph):
    frame = seed_graph.frame("inspections")
    assert list(frame.columns) == list(named_queries()["inspections"].columns)
    assert len(frame) == len(seed_graph.query("inspections"))


def test_api_sparql_binds_python_values(seed_graph):
    rows = seed_graph.sparql("SELECT ?grade ?rank WHERE { ?grade ofk:rank ?rank }", rank=2)
    assert rows == [{"grade": "good", "rank": 2}]
    assert seed_graph.sparql("ASK { ?grade ofk:rank ?rank }", grade=seed_graph.concept("inadequate")) is True


def test_api_concept_refuses_an_unknown_id_with_suggestions(seed_graph):
    with pytest.raises(UnknownName, match="^inadequat: unknown concept; did you mean inadequate"):
        seed_graph.concept("inadequat")


@pytest.mark.parametrize(
    ("value", "term"),
    [
        (3, Literal("3", datatype=NamedNode(XSD + "integer"))),
        (True, Literal("true", datatype=NamedNode(XSD + "boolean"))),
        (date(2024, 1, 31), Literal("2024-01-31", datatype=NamedNode(XSD + "date"))),
        ("Leeds", Literal("Leeds")),
        (NamedNode("http://example.org/x"), NamedNode("http://example.org/x")),
    ],
)
def test_as_term_gives_the_rdf_term(value, term):
    assert as_term(value) == term


@pytest.mark.parametrize("view", ["authority-weakness", "themes"])
def test_api_view_is_the_network_module_view(seed_graph, seed_store, view):
    made = seed_graph.view(view)
    expected = build_view(seed_store, view)
    assert sorted(made.nodes(data="weight")) == sorted(expected.nodes(data="weight"))
    assert made.number_of_edges() == expected.number_of_edges()


def test_api_write_html_writes_one_page(seed_graph, tmp_path):
    path = seed_graph.write_html(tmp_path / "themes.html", view="themes", title="Themes <together>")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Themes &lt;together&gt;</title>" in page


def test_api_build_adds_then_skips_unchanged(tmp_path, seed_paths):
    graph = KnowledgeGraph(tmp_path / "store")
    first = graph.build(seed_paths[:1], findings=False)
    again = graph.build(seed_paths[:1], findings=False)
    assert (first.added, first.errors) == ([seed_paths[0].name], [])
    assert (again.added, again.unchanged) == ([], [seed_paths[0].name])
    assert [row["files"] for row in graph.query("inspections")] == [seed_paths[0].name]


def test_readme_class_diagram_is_generated_from_the_ontology():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"{BEGIN_MARK}\n{render_mermaid()}{END_MARK}" in readme, "run: python -m kg.diagram README.md"


def test_class_diagram_shows_the_main_links():
    diagram = render_mermaid()
    for line in [
        "Inspection --> LocalAuthority : inspectedAuthority",
        "Judgement --> Grade : grade",
        "Finding --> RecurringWeakness : weakness",
        "Finding --> SpecificResource : hasTarget",
        "SpecificResource --> InspectionReport : hasSource",
        "+integer rank",
    ]:
        assert line in diagram


def test_readme_names_every_named_query():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index(QUERIES_BEGIN) : readme.index(QUERIES_END)]
    assert [name for name in named_queries() if f"**`{name}`**" not in block] == []
