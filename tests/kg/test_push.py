"""`kg push` against a real Virtuoso: a throwaway database on free loopback ports, stopped by its PID."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic

from kg import iris
from kg.cli import cli
from kg.push import UPDATE_BATCH, _blank_components, _insert_requests, credentials_from_env, push_store
from kg.query import run_query, to_python

VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
MaxClientConnections = 5
ServerThreads = 5
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
ADMIN = ("dba", "dba")  # a fresh Virtuoso database's administrator; this one lives only in tmp_path
# ResultSetMaxRows: Virtuoso's default of 10,000 also cuts a Graph Store GET short, and a seed report graph
# holds up to about 17,000 triples; the tests read whole graphs back to compare them.


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_http(url: str, process: subprocess.Popen, log_path: Path, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"virtuoso-t exited with {process.returncode}: {log_path.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    pytest.fail(f"Virtuoso did not answer at {url} within {seconds} s")


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """Base URL of a Virtuoso with its own database, bound to 127.0.0.1, updates granted to anonymous SPARQL."""
    missing = [name for name in ("virtuoso-t", "isql-vt") if shutil.which(name) is None]
    if missing:
        pytest.skip(
            f"{' and '.join(missing)} not installed (Debian package virtuoso-opensource; "
            "scripts/install-test-deps installs it)"
        )
    db_dir = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = _free_port(), _free_port()
    ini = db_dir / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=db_dir, sql_port=sql_port, http_port=http_port), encoding="utf-8")
    log_path = db_dir / "stdout.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            ["virtuoso-t", "-c", str(ini), "+foreground"], cwd=db_dir, stdout=log, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{http_port}"
    try:
        _wait_for_http(f"{base}/sparql?query=ASK%7B%7D", process, db_dir / "virtuoso.log")
        # Anonymous /sparql and /sparql-graph-crud may not write until this grant.
        subprocess.run(
            ["isql-vt", f"127.0.0.1:{sql_port}", *ADMIN, 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
            check=True,
            capture_output=True,
            timeout=60,
        )
        yield base
    finally:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()


def _select(base: str, sparql: str) -> list[dict]:
    """Rows of a SELECT on the server, each value turned into the plain Python value run_query gives."""
    body = urllib.parse.urlencode({"query": sparql}).encode()
    request = urllib.request.Request(f"{base}/sparql", data=body, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        results = json.load(response)
    names = [name for name in results["head"]["vars"] if not name.startswith("param_")]
    return [{name: to_python(_term(row.get(name))) for name in names} for row in results["results"]["bindings"]]


def _term(value: dict | None):
    if value is None:
        return None
    if value["type"] == "uri":
        return NamedNode(value["value"])
    if value["type"] == "bnode":
        return BlankNode(value["value"])
    if "xml:lang" in value:
        return Literal(value["value"], language=value["xml:lang"])
    if value.get("datatype") == XSD_BOOLEAN:  # Virtuoso answers "1"/"0": valid xsd:boolean, not canonical
        return Literal({"1": "true", "0": "false"}.get(value["value"], value["value"]), datatype=NamedNode(XSD_BOOLEAN))
    if "datatype" in value:
        return Literal(value["value"], datatype=NamedNode(value["datatype"]))
    return Literal(value["value"])


def _graph_counts(base: str) -> dict[str, int]:
    rows = _select(
        base,
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/ofsted-kg/')) } GROUP BY ?g",
    )
    return {row["g"]: row["n"] for row in rows}


def _local_counts(store) -> dict[str, int]:
    return {graph: len(store.graph_quads(graph)) for graph in [iris.REFERENCE_GRAPH, *store.report_graphs()]}


def _server_graph(base: str, graph_iri: str) -> Graph:
    url = f"{base}/sparql-graph-crud?{urllib.parse.urlencode({'graph': graph_iri})}"
    request = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return Graph().parse(data=response.read().decode("utf-8"), format="nt")


def _local_graph(store, graph_iri: str) -> Graph:
    return Graph().parse(data=store.dump(RdfFormat.N_TRIPLES, graph_iri).decode("utf-8"), format="nt")


@pytest.mark.server
def test_push_graph_store_twice_changes_nothing(virtuoso, seed_store):
    outcome = push_store(seed_store, f"{virtuoso}/sparql", f"{virtuoso}/sparql-graph-crud")
    local = _local_counts(seed_store)
    assert outcome.graphs == len(local) == 6  # the reference graph and five seeds
    assert outcome.triples == sum(local.values())
    assert _graph_counts(virtuoso) == local
    push_store(seed_store, f"{virtuoso}/sparql", f"{virtuoso}/sparql-graph-crud")
    assert _graph_counts(virtuoso) == local


@pytest.mark.server
def test_push_graph_store_keeps_each_report_graph_exact(virtuoso, seed_store):
    push_store(seed_store, f"{virtuoso}/sparql", f"{virtuoso}/sparql-graph-crud")
    for graph_iri in [iris.REFERENCE_GRAPH, *seed_store.report_graphs()]:
        local, remote = _local_graph(seed_store, graph_iri), _server_graph(virtuoso, graph_iri)
        if not isomorphic(local, remote):
            _, only_local, only_remote = graph_diff(local, remote)
            pytest.fail(
                f"{graph_iri} differs:\nonly local:\n{only_local.serialize(format='nt')[:3000]}\n"
                f"only on the server:\n{only_remote.serialize(format='nt')[:3000]}"
            )


@pytest.mark.server
def test_push_update_replaces_graphs_whole(virtuoso, seed_store):
    """SPARQL Update (no graph store URL): batched into a staging graph, then MOVEd; twice changes nothing."""
    for _ in range(2):
        outcome = push_store(seed_store, f"{virtuoso}/sparql")
        assert outcome.protocol == "update"
        assert _graph_counts(virtuoso) == _local_counts(seed_store)
    staging = _select(
        virtuoso, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRENDS(STR(?g), '/push-staging')) }"
    )
    assert staging == []


@pytest.mark.server
@pytest.mark.parametrize("name", ["judgements", "inspections"])
def test_push_named_query_gives_same_rows_on_server(virtuoso, seed_store, name):
    from kg.namespaces import PREFIXES
    from kg.query import named_queries

    push_store(seed_store, f"{virtuoso}/sparql", f"{virtuoso}/sparql-graph-crud")
    prefixes = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())
    remote = _select(virtuoso, prefixes + named_queries()[name].text)
    local = run_query(seed_store, name)
    assert local  # the seeds give rows, so equality below means something
    assert remote == local


@pytest.mark.server
def test_push_cli_login_from_environment(virtuoso, seed_store_dir):
    args = [
        "push",
        "--store",
        str(seed_store_dir),
        "--endpoint",
        f"{virtuoso}/sparql-auth",
        "--graph-store",
        f"{virtuoso}/sparql-graph-crud-auth",
    ]
    result = CliRunner().invoke(cli, args, env={"KG_PUSH_USER": ADMIN[0], "KG_PUSH_PASSWORD": ADMIN[1]})
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("6 graphs (")
    assert result.stdout.endswith(" triples) pushed by Graph Store HTTP Protocol\n")


@pytest.mark.server
@pytest.mark.parametrize("password", ["wrong", None])
def test_push_cli_refused_login_is_one_line(virtuoso, seed_store_dir, password):
    args = [
        "push",
        "--store",
        str(seed_store_dir),
        "--endpoint",
        f"{virtuoso}/sparql-auth",
        "--graph-store",
        f"{virtuoso}/sparql-graph-crud-auth",
    ]
    env = {"KG_PUSH_USER": ADMIN[0] if password else None, "KG_PUSH_PASSWORD": password}
    result = CliRunner().invoke(cli, args, env=env)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {virtuoso}/sparql-auth: server refused the push (HTTP 401 ")
    assert result.stderr.endswith("; set KG_PUSH_USER and KG_PUSH_PASSWORD to an account allowed to write\n")
    assert result.stderr.count("\n") == 1


def test_push_unreachable_server_is_one_line(seed_store_dir):
    endpoint = f"http://127.0.0.1:{_free_port()}/sparql"  # nothing listens there
    result = CliRunner().invoke(cli, ["push", "--store", str(seed_store_dir), "--endpoint", endpoint])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {endpoint}: cannot reach the server ([Errno 111] Connection refused)\n"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, None),
        ({"KG_PUSH_USER": "kg", "KG_PUSH_PASSWORD": "s3cret"}, ("kg", "s3cret")),
        ({"KG_PUSH_USER": "kg"}, ("kg", "")),
        ({"KG_PUSH_PASSWORD": "s3cret"}, None),
    ],
)
def test_credentials_from_env_reads_both_variables(environ, expected):
    assert credentials_from_env(environ) == expected


def test_insert_requests_keep_blank_node_chains_in_one_request():
    """A chain of blank nodes longer than a batch goes in one INSERT…WHERE; plain triples in INSERT DATA batches."""
    p = NamedNode("http://example.org/p")
    chain = [Triple(BlankNode(f"b{i}"), p, BlankNode(f"b{i + 1}")) for i in range(UPDATE_BATCH + 5)]
    plain = [Triple(NamedNode(f"http://example.org/s{i}"), p, Literal(f"}}}} DROP ALL ; {i}")) for i in range(1500)]
    requests = list(_insert_requests("http://example.org/g", plain + chain))
    assert [r.split(" {", 1)[0] for r in requests] == ["INSERT DATA", "INSERT DATA", "INSERT"]
    assert [r.count(" .") for r in requests] == [UPDATE_BATCH, 500, UPDATE_BATCH + 5]
    assert requests[2].endswith("} } WHERE {}")
    assert len(_blank_components(chain)) == 1
