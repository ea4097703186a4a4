"""`kg serve`: a real server on a free loopback port, queried with SPARQLWrapper and requests."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import threading

import pytest
import requests
from SPARQLWrapper import CSV, JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.query import named_queries, run_query
from kg.serve import ServeSettings, make_server
from kg.serve_worker import READ_ONLY_MESSAGE

pytestmark = pytest.mark.server

CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # about 10^16 rows
GRADE_RANKS = "SELECT ?grade ?rank WHERE { ?grade ofk:rank ?rank } ORDER BY ?rank ?grade"
ROW_LIMIT = 500


@pytest.fixture(scope="module")
def endpoint(seed_store_dir):
    """URL of a server over the seed store, run in a thread; stopped (workers too) after the module."""
    server = make_server(ServeSettings(seed_store_dir, port=0, max_rows=ROW_LIMIT, workers=2))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.url
    server.shutdown()
    server.server_close()
    thread.join()


def _wrapper(endpoint: str, query: str, fmt: str = JSON) -> SPARQLWrapper:
    sparql = SPARQLWrapper(endpoint + "sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def test_serve_named_query_gives_the_rows_run_query_gives(endpoint, seed_store):
    results = _wrapper(endpoint, named_queries()["judgements"].text).queryAndConvert()
    served = {
        (b["file"]["value"], b["area"]["value"].rsplit("/", 1)[1], b["grade"]["value"].rsplit("/", 1)[1])
        for b in results["results"]["bindings"]
    }
    expected = {(r["file"], r["area"], r["grade"]) for r in run_query(seed_store, "judgements")}
    assert served == expected
    assert len(served) > 0


def test_serve_answers_csv_by_accept_header(endpoint):
    response = requests.get(endpoint + "sparql", params={"query": GRADE_RANKS}, headers={"Accept": "text/csv"})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.text)))
    concept = "https://w3id.org/ofsted-kg/id/concept/"
    assert rows == [
        ["grade", "rank"],
        [concept + "outstanding", "1"],
        [concept + "good", "2"],
        [concept + "adequate", "3"],
        [concept + "requires-improvement", "3"],
        [concept + "inadequate", "4"],
    ]


def test_serve_csv_through_sparqlwrapper_post(endpoint):
    sparql = _wrapper(endpoint, GRADE_RANKS, CSV)
    sparql.setMethod(POST)
    text = sparql.queryAndConvert().decode("utf-8")
    assert text.splitlines()[:2] == ["grade,rank", "https://w3id.org/ofsted-kg/id/concept/outstanding,1"]


@pytest.mark.parametrize(
    ("accept", "media", "first_line"),
    [
        ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8", "?grade\t?rank"),
        ("application/sparql-results+xml", "application/sparql-results+xml", '<?xml version="1.0"?><sparql'),
    ],
)
def test_serve_answers_other_formats_by_accept_header(endpoint, accept, media, first_line):
    response = requests.get(endpoint + "sparql", params={"query": GRADE_RANKS}, headers={"Accept": accept})
    assert (response.status_code, response.headers["Content-Type"]) == (200, media)
    assert response.text.startswith(first_line)


def test_serve_ask_and_construct(endpoint):
    ask = requests.post(
        endpoint + "sparql",
        data="ASK { concept:good ofk:rank 2 }",
        headers={"Content-Type": "application/sparql-query", "Accept": "application/json"},
    )
    assert ask.json() == {"head": {}, "boolean": True}
    graph = _wrapper(endpoint, "CONSTRUCT { concept:good ofk:rank ?r } WHERE { concept:good ofk:rank ?r }", TURTLE)
    assert b"concept:good ofk:rank 2 ." in graph.queryAndConvert()


@pytest.mark.parametrize(
    ("how", "request_args"),
    [
        ("form update", {"data": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}}),
        ("update in the query field", {"data": {"query": "PREFIX x: <urn:x#> DELETE WHERE { ?s ?p ?o }"}}),
        ("sparql-update body", {"data": "CLEAR ALL", "headers": {"Content-Type": "application/sparql-update"}}),
    ],
)
def test_serve_refuses_updates(endpoint, how, request_args):
    response = requests.post(endpoint + "sparql", **request_args)
    assert (response.status_code, response.text) == (403, READ_ONLY_MESSAGE + "\n"), how


def test_serve_refuses_updates_through_sparqlwrapper(endpoint, seed_store):
    sparql = SPARQLWrapper(endpoint + "sparql")
    sparql.setMethod(POST)
    sparql.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(Exception, match="403"):
        sparql.query()
    assert run_query(seed_store, "inspections")  # the store is as it was


def test_serve_refuses_service_clauses(endpoint):
    query = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    response = requests.get(endpoint + "sparql", params={"query": query})
    assert response.status_code == 403
    assert response.text.startswith("SERVICE (federated query) is refused")


def test_serve_refuses_results_over_the_row_limit(endpoint):
    with pytest.raises(QueryBadFormed, match=f"results exceed the row limit of {ROW_LIMIT} rows"):
        _wrapper(endpoint, "SELECT * WHERE { ?s ?p ?o }").query()


def test_serve_reports_bad_sparql_in_one_line(endpoint):
    response = requests.get(endpoint + "sparql", params={"query": "SELEC ?x WHERE {}"})
    assert response.status_code == 400
    assert response.text.startswith("query is not valid SPARQL: ")
    assert response.text.count("\n") == 1


def test_serve_page_lists_named_queries_and_escapes_results(endpoint):
    page = requests.get(endpoint)
    assert page.status_code == 200
    assert page.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert all(f'<option value="{name}"' in page.text for name in named_queries())
    assert "<script" not in page.text and "http://" not in page.text.replace("http://127.0.0.1", "")
    hostile = 'SELECT ?x WHERE { BIND("</textarea></td><script>alert(1)</script>" AS ?x) }'
    answer = requests.post(endpoint, data={"kg-page": "1", "query": hostile})
    assert answer.status_code == 200
    assert "<script>" not in answer.text
    assert "<td>&lt;/textarea&gt;&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td>" in answer.text


def test_serve_page_loads_a_named_query(endpoint):
    answer = requests.post(endpoint, data={"kg-page": "1", "named": "trajectory", "load": "1"})
    assert "# Question: how have an authority&#39;s grades moved" in answer.text


def test_serve_command_stops_a_query_at_the_time_limit(seed_store_dir):
    """The CLI on a free port with a 1 s limit: a cross join is answered 503, and the next query still works."""
    command = [
        sys.executable,
        "-m",
        "kg.cli",
        "serve",
        "--store",
        str(seed_store_dir),
        "--port",
        "0",
        "--timeout",
        "1",
        "--workers",
        "1",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        banner = process.stdout.readline()
        assert banner.startswith("SPARQL endpoint http://127.0.0.1:"), process.stderr.read()
        url = banner.split()[2]
        slow = requests.get(url, params={"query": CROSS_JOIN}, headers={"Accept": "application/json"})
        assert (slow.status_code, slow.text) == (
            503,
            "query exceeded the time limit of 1 s; narrow it, add LIMIT, or restart kg serve with a larger --timeout\n",
        )
        after = requests.get(url, params={"query": "ASK { concept:good ofk:rank 2 }"}, timeout=60)
        assert json.loads(after.text)["boolean"] is True
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == 0
