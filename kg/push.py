"""Publish the store to an external SPARQL 1.1 server: every report graph and the reference graph, replaced whole.

Two ways in, whichever the server offers:

* Graph Store HTTP Protocol (`graph_store` URL): one PUT of N-Triples per graph. The server swaps the graph in
  one request, so readers never see half a report, and a second push changes nothing.
* SPARQL Update (`endpoint` only): the graph is written into a staging graph in requests of at most
  `UPDATE_BATCH` triples (Virtuoso refuses INSERT DATA of about 2,000 triples), then swapped in with MOVE.

Credentials come from the caller (the CLI reads KG_PUSH_USER / KG_PUSH_PASSWORD from the environment, never the
command line) and are offered to digest or basic challenges, whichever the server sends. Only the standard
library is used, so push adds no runtime dependency.
"""

from __future__ import annotations

import logging
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from pyoxigraph import BlankNode, RdfFormat, Triple, serialize

from kg import iris
from kg.store import GraphStore
from loaders.errors import KgError

__all__ = ["PushOutcome", "UPDATE_BATCH", "credentials_from_env", "push_store"]

log = logging.getLogger(__name__)

UPDATE_BATCH = 1000  # triples per SPARQL Update request: well under Virtuoso's ~2,000 limit
USER_VARIABLE, PASSWORD_VARIABLE = "KG_PUSH_USER", "KG_PUSH_PASSWORD"
_TIMEOUT = 300.0  # seconds per request: a large report graph takes a few seconds on a busy server
_STAGING_SUFFIX = "/push-staging"


@dataclass(frozen=True, slots=True)
class PushOutcome:
    """What a push sent: how many graphs and triples, and by which protocol."""

    graphs: int
    triples: int
    protocol: str  # "graph-store" or "update"

    def summary(self) -> str:
        how = "Graph Store HTTP Protocol" if self.protocol == "graph-store" else "SPARQL Update"
        return f"{self.graphs} graphs ({self.triples} triples) pushed by {how}"


def credentials_from_env(environ: Mapping[str, str] = os.environ) -> tuple[str, str] | None:
    """(user, password) from KG_PUSH_USER and KG_PUSH_PASSWORD, or None when no user is set."""
    user = environ.get(USER_VARIABLE)
    if not user:
        return None
    return user, environ.get(PASSWORD_VARIABLE, "")


def push_store(
    store: GraphStore,
    endpoint: str,
    graph_store: str | None = None,
    credentials: tuple[str, str] | None = None,
    on_graph: Callable[[str], None] | None = None,
) -> PushOutcome:
    """Replace, on the server, the reference graph and every report graph with the store's version of it."""
    opener = _opener([url for url in (endpoint, graph_store) if url], credentials)
    _check_access(opener, endpoint, graph_store)
    graphs = [iris.REFERENCE_GRAPH, *store.report_graphs()]
    triples = 0
    for graph_iri in graphs:
        graph_triples = [quad.triple for quad in store.graph_quads(graph_iri)]
        _push_graph(opener, graph_iri, graph_triples, endpoint, graph_store)
        triples += len(graph_triples)
        log.info("pushed %s (%d triples)", graph_iri, len(graph_triples))
        if on_graph:
            on_graph(graph_iri)
    return PushOutcome(len(graphs), triples, "graph-store" if graph_store else "update")


def _push_graph(
    opener: urllib.request.OpenerDirector,
    graph_iri: str,
    triples: list[Triple],
    endpoint: str,
    graph_store: str | None = None,
) -> None:
    """Make the server's graph hold exactly these triples: by GSP PUT if a graph store URL is given, else Update."""
    if graph_store:
        separator = "&" if "?" in graph_store else "?"
        url = f"{graph_store}{separator}{urllib.parse.urlencode({'graph': graph_iri})}"
        body = serialize(triples, format=RdfFormat.N_TRIPLES)
        _send(
            opener,
            urllib.request.Request(url, data=body, method="PUT", headers={"Content-Type": "application/n-triples"}),
        )
        return
    staging = graph_iri + _STAGING_SUFFIX
    _update(opener, endpoint, f"DROP SILENT GRAPH <{staging}>")
    for request in _insert_requests(staging, triples):
        _update(opener, endpoint, request)
    # One request swaps the staged copy in: a push that dies before this leaves the old graph whole.
    _update(opener, endpoint, f"MOVE SILENT <{staging}> TO <{graph_iri}>")


def _insert_requests(graph_iri: str, triples: list[Triple]) -> Iterator[str]:
    """SPARQL Update texts adding the triples in batches; triples sharing a blank node stay in one request.

    A blank node label means one node only within one request, and Virtuoso refuses blank nodes in INSERT
    DATA, so batches with blank nodes use INSERT {…} WHERE {}, which makes fresh nodes as SPARQL intends.
    """
    plain = [t for t in triples if not _has_blank(t)]
    for start in range(0, len(plain), UPDATE_BATCH):
        body = " ".join(f"{t.subject} {t.predicate} {t.object} ." for t in plain[start : start + UPDATE_BATCH])
        yield f"INSERT DATA {{ GRAPH <{graph_iri}> {{ {body} }} }}"
    batch: list[Triple] = []
    for component in _blank_components(t for t in triples if _has_blank(t)):
        if batch and len(batch) + len(component) > UPDATE_BATCH:
            yield _insert_template(graph_iri, batch)
            batch = []
        batch.extend(component)
    if batch:
        yield _insert_template(graph_iri, batch)


def _insert_template(graph_iri: str, triples: list[Triple]) -> str:
    body = " ".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
    return f"INSERT {{ GRAPH <{graph_iri}> {{ {body} }} }} WHERE {{}}"


def _has_blank(triple: Triple) -> bool:
    return isinstance(triple.subject, BlankNode) or isinstance(triple.object, BlankNode)


def _blank_components(triples: Iterable[Triple]) -> list[list[Triple]]:
    """Triples grouped so that every blank node's triples are in one group (union-find over node labels)."""
    parent: dict[str, str] = {}

    def root(label: str) -> str:
        while parent.setdefault(label, label) != label:
            parent[label] = parent[parent[label]]
            label = parent[label]
        return label

    triples = list(triples)
    for triple in triples:
        labels = [term.value for term in (triple.subject, triple.object) if isinstance(term, BlankNode)]
        for label in labels[1:]:
            parent[root(label)] = root(labels[0])
    groups: dict[str, list[Triple]] = {}
    for triple in triples:
        term = triple.subject if isinstance(triple.subject, BlankNode) else triple.object
        groups.setdefault(root(term.value), []).append(triple)
    return list(groups.values())


def _opener(urls: list[str], credentials: tuple[str, str] | None) -> urllib.request.OpenerDirector:
    """A urllib opener that answers digest or basic challenges from these URLs with the credentials."""
    if credentials is None:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    for url in urls:
        passwords.add_password(None, url, *credentials)
    return urllib.request.build_opener(_DigestAuth(passwords), urllib.request.HTTPBasicAuthHandler(passwords))


class _DigestAuth(urllib.request.HTTPDigestAuthHandler):
    """Digest auth that answers the server's last challenge up front on every later request.

    urllib's handler sends each request unauthenticated first; Virtuoso then answers 401 and closes the
    connection while a large PUT body is still being sent, which shows as a broken pipe.
    """

    _challenge: dict[str, str] | None = None

    def http_error_401(self, req, fp, code, msg, headers):
        fp.close()  # urllib leaves each refused response open while it retries with a new nonce
        return super().http_error_401(req, fp, code, msg, headers)

    def retry_http_digest_auth(self, req, auth):
        _, challenge = auth.split(" ", 1)
        self._challenge = urllib.request.parse_keqv_list(filter(None, urllib.request.parse_http_list(challenge)))
        return super().retry_http_digest_auth(req, auth)

    def http_request(self, req):
        if self._challenge and not req.has_header("Authorization"):
            authorization = self.get_authorization(req, self._challenge)
            if authorization:
                req.add_unredirected_header("Authorization", f"Digest {authorization}")
        return req

    https_request = http_request


def _check_access(opener: urllib.request.OpenerDirector, endpoint: str, graph_store: str | None) -> None:
    """Ask the server something cheap first, so that a wrong login fails clearly before any data is sent.

    (Virtuoso closes the connection mid-upload on a rejected login, which would show as a broken pipe.)
    """
    query = urllib.parse.urlencode({"query": "ASK {}"}).encode("utf-8")
    _send(
        opener,
        urllib.request.Request(
            endpoint, data=query, method="POST", headers={"Content-Type": "application/x-www-form-urlencoded"}
        ),
    )
    if graph_store:
        separator = "&" if "?" in graph_store else "?"
        url = f"{graph_store}{separator}{urllib.parse.urlencode({'graph': iris.REFERENCE_GRAPH})}"
        _send(
            opener,
            urllib.request.Request(url, method="GET", headers={"Accept": "application/n-triples"}),
            missing_ok=True,
        )


def _update(opener: urllib.request.OpenerDirector, endpoint: str, update: str) -> None:
    body = urllib.parse.urlencode({"update": update}).encode("utf-8")
    _send(
        opener,
        urllib.request.Request(
            endpoint, data=body, method="POST", headers={"Content-Type": "application/x-www-form-urlencoded"}
        ),
    )


def _send(opener: urllib.request.OpenerDirector, request: urllib.request.Request, missing_ok: bool = False) -> None:
    """Send one request; a refusal or an unreachable server becomes one KgError line."""
    where = request.full_url.split("?")[0]
    try:
        with opener.open(request, timeout=_TIMEOUT) as response:
            response.read()
    except urllib.error.HTTPError as error:
        with error:  # it holds the connection open until closed
            if missing_ok and error.code == 404:
                return
            detail = _first_line(error.read().decode("utf-8", "replace"))
        hint = ""
        if error.code == 401:
            hint = f"; set {USER_VARIABLE} and {PASSWORD_VARIABLE} to an account allowed to write"
        elif error.code == 403:
            hint = '; the account may not write (Virtuoso: GRANT SPARQL_UPDATE TO "SPARQL" in isql)'
        raise KgError(f"{where}: server refused the push (HTTP {error.code} {error.reason}: {detail}){hint}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise KgError(f"{where}: cannot reach the server ({reason})") from None


def _first_line(text: str) -> str:
    """The message of an error page (Virtuoso puts it in <xmp>), without HTML tags, at most 200 characters."""
    if match := re.search(r"<xmp>(.*?)</xmp>", text, re.DOTALL):
        text = match.group(1)
    lines = [re.sub(r"<[^>]+>", "", line).strip() for line in text.splitlines()]
    meaningful = [line for line in lines if line and not line.startswith("HTTP/")]
    return (meaningful[0] if meaningful else "no details")[:200]
