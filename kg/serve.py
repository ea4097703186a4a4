"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the store, and a plain query page at /.

Queries run in worker processes (`python -m kg.serve STORE`), each holding the store open read-only, because
pyoxigraph cannot cancel a running query: a worker that overruns the time limit is killed and replaced, so a
runaway cross join costs one process for `timeout` seconds and not a thread (and a core) for ever. The HTTP side
is the standard library's ThreadingHTTPServer; parent and workers speak JSON and bytes over a pipe, no pickle.

Updates (form field `update`, application/sparql-update, PUT/DELETE) and SERVICE clauses (the endpoint never
fetches from the network) are refused with 403. Results past the row limit are refused with 400, never cut
short silently. The store is read as it was when the server started: restart it after `kg build`.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import subprocess
import sys
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from kg.serve_worker import READ_ONLY_MESSAGE, Job
from loaders.errors import KgError

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "Answer", "QueryPool", "ServeSettings", "make_server", "render_page"]

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"  # loopback only: a research tool, not a public service
DEFAULT_PORT = 7878  # Oxigraph's own server port; Virtuoso (8890) and Fuseki (3030) keep theirs
MAX_BODY = 1_000_000  # bytes of POST body: far above any hand-written query
WORKER_START_TIMEOUT = 60.0  # seconds for a worker to import and open the store on a busy machine


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """How `kg serve` runs: where the store is, where to listen, and the limits a user can raise."""

    store_dir: Path
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    timeout: float = 30.0  # seconds per query, then the worker is killed
    max_rows: int = 10_000  # solutions (or triples) per answer; more is refused, not truncated
    workers: int = 2  # queries that can run at once


@dataclass(frozen=True, slots=True)
class Answer:
    """An HTTP answer: status, media type, body."""

    status: int
    content_type: str
    body: bytes

    @classmethod
    def text(cls, status: int, message: str) -> Answer:
        return cls(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


class _Worker:
    """One `python -m kg.serve_worker STORE` process and the pipe to it."""

    def __init__(self, store_dir: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg.serve_worker", str(store_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None,
            close_fds=True,
        )
        self._send = Connection(os.dup(self.process.stdin.fileno()), readable=False)
        self._recv = Connection(os.dup(self.process.stdout.fileno()), writable=False)
        self.process.stdin.close()
        self.process.stdout.close()
        if not self._recv.poll(WORKER_START_TIMEOUT):
            self.kill()
            raise KgError(f"{store_dir}: the query worker did not start within {WORKER_START_TIMEOUT:.0f} s")
        try:
            ready = json.loads(self._recv.recv_bytes())
        except EOFError:
            self.kill()
            raise KgError(f"{store_dir}: the query worker stopped while starting (see the lines above)") from None
        if ready.get("error"):
            self.kill()
            raise KgError(ready["error"])

    def ask(self, job: Job, timeout: float) -> Answer | None:
        """The worker's answer, or None when it did not answer within timeout seconds."""
        self._send.send_bytes(json.dumps(job.to_json()).encode("utf-8"))
        if not self._recv.poll(timeout):
            return None
        head = json.loads(self._recv.recv_bytes())
        return Answer(head["status"], head["content_type"], self._recv.recv_bytes())

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()
        for conn in (self._send, self._recv):
            conn.close()


class QueryPool:
    """Worker processes that run queries with a time limit; an overrunning worker is killed and replaced."""

    def __init__(self, store_dir: Path, size: int, timeout: float) -> None:
        self.store_dir, self.timeout = Path(store_dir), timeout
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(max(1, size)):
            self._add()

    def run(self, job: Job) -> Answer:
        """Run a job on an idle worker; 503 when it overruns the time limit or no worker frees up in time."""
        try:
            # a queued query may wait for one that overruns, then for its replacement to start
            worker = self._idle.get(timeout=self.timeout + WORKER_START_TIMEOUT)
        except queue.Empty:
            return Answer.text(503, "every query worker stayed busy; try again later")
        try:
            answer = worker.ask(job, self.timeout)
        except (EOFError, OSError) as error:  # the worker died (out of memory, killed from outside)
            log.warning("query worker %s died: %s", worker.process.pid, error)
            self._replace(worker)
            return Answer.text(500, "the query worker died while running this query; see the server log")
        if answer is None:
            self._replace(worker)
            return Answer.text(
                503,
                f"query exceeded the time limit of {self.timeout:g} s; narrow it, add LIMIT, "
                "or restart kg serve with a larger --timeout",
            )
        self._idle.put(worker)
        return answer

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            workers, self._all, self._closed = list(self._all), set(), True
        for worker in workers:
            worker.kill()

    def _add(self) -> None:
        worker = _Worker(self.store_dir)
        with self._lock:
            if self._closed:  # a replacement that finished starting after close()
                worker.kill()
                return
            self._all.add(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        """Kill worker and start another in the background, so that the 503 goes out at once."""
        log.info("killing query worker %s", worker.process.pid)
        worker.kill()
        with self._lock:
            self._all.discard(worker)
        threading.Thread(target=self._add_logged, daemon=True).start()

    def _add_logged(self) -> None:
        try:
            self._add()
        except KgError as error:
            log.error("could not start a query worker: %s", error)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, settings: ServeSettings, pool: QueryPool) -> None:
        self.settings, self.pool = settings, pool
        super().__init__((settings.host, settings.port), _Handler)

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"


def make_server(settings: ServeSettings) -> _Server:
    """A server bound to settings.host:port with its workers started (port 0: a free port; see .url)."""
    if not (Path(settings.store_dir) / "CURRENT").is_file():
        raise KgError(
            f"{settings.store_dir}: no graph store here; build one with `kg build --store {settings.store_dir} PATH`"
        )
    pool = QueryPool(settings.store_dir, settings.workers, settings.timeout)
    try:
        return _Server(settings, pool)
    except OSError as error:
        pool.close()
        raise KgError(
            f"{settings.host}:{settings.port}: cannot listen there ({error.strerror}); choose another --port"
        ) from None


EXAMPLE_QUERY = """SELECT ?authority ?start ?grade WHERE {
  ?inspection ofk:inspectedAuthority/skos:prefLabel ?authority ; ofk:startDate ?start ;
              ofk:hasJudgement [ ofk:area concept:overall-effectiveness ; ofk:grade/skos:prefLabel ?grade ] .
}
ORDER BY ?authority ?start
"""


def render_page(text: str, named: str, load: bool, answer: Answer | None, settings: ServeSettings) -> str:
    """The query page: the form (with a named query loaded if asked) and the answer as a table or an error."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from kg.namespaces import PREFIXES
    from kg.query import named_queries

    queries = named_queries()
    if load and named in queries:
        text = queries[named].text
    columns, rows, boolean, error = [], [], None, None
    if answer is not None and answer.status == 200:
        document = json.loads(answer.body)
        if "boolean" in document:
            boolean = document["boolean"]
        else:
            columns = document["head"]["vars"]
            rows = [[_cell(binding.get(name)) for name in columns] for binding in document["results"]["bindings"]]
    elif answer is not None:
        error = answer.body.decode("utf-8", errors="replace")
    environment = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=select_autoescape(default=True)
    )
    return environment.get_template("query-page.html").render(
        store=str(settings.store_dir),
        prefixes=", ".join(f"{name}:" for name in PREFIXES),
        timeout=f"{settings.timeout:g}",
        max_rows=f"{settings.max_rows:,}",
        queries=list(queries.values()),
        named=named,
        text=text or EXAMPLE_QUERY,
        columns=columns,
        rows=rows,
        boolean=boolean,
        error=error,
    )


def _cell(term: dict | None) -> str:
    """A results-JSON term as table text: concept IRIs as concept:<id>, literals as their text."""
    from kg.namespaces import CONCEPT

    if term is None:
        return ""
    value = term["value"]
    if term["type"] == "uri" and value.startswith(str(CONCEPT)):
        return "concept:" + value.removeprefix(str(CONCEPT))
    if term["type"] == "bnode":
        return "_:" + value
    return str(value)  # language tags (all "en" here) would only clutter the table


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "ofsted-kg"

    def do_GET(self) -> None:  # noqa: N802 (the http.server naming)
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path not in ("/", "/sparql", "/query"):
            return self._send(Answer.text(404, f"{url.path}: not here; the endpoint is /sparql, the page is /"))
        if "update" in params:
            return self._send(Answer.text(403, READ_ONLY_MESSAGE))
        if "query" in params:
            return self._send(self._run(params))
        if url.path == "/":
            return self._send(self._page({}))
        return self._send(Answer.text(400, "missing the `query` parameter (SPARQL 1.1 Protocol)"))

    do_HEAD = do_GET  # noqa: N815

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path not in ("/", "/sparql", "/query"):
            return self._send(Answer.text(404, f"{url.path}: not here; the endpoint is /sparql, the page is /"))
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            return self._send(Answer.text(400, "Content-Length is not a number"))
        if length > MAX_BODY:
            return self._send(Answer.text(413, f"request body over {MAX_BODY} bytes"))
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if media == "application/sparql-update":
            return self._send(Answer.text(403, READ_ONLY_MESSAGE))
        if media == "application/sparql-query":
            return self._send(self._run({**params, "query": [body]}))
        if media != "application/x-www-form-urlencoded":
            return self._send(
                Answer.text(
                    415,
                    f"{media or 'no content type'}: send application/sparql-query or "
                    "an application/x-www-form-urlencoded form",
                )
            )
        form = {**params, **parse_qs(body, keep_blank_values=True)}
        if "update" in form:
            return self._send(Answer.text(403, READ_ONLY_MESSAGE))
        if "kg-page" in form:
            return self._send(self._page(form))
        if "query" not in form:
            return self._send(Answer.text(400, "missing the `query` field (SPARQL 1.1 Protocol)"))
        return self._send(self._run(form))

    def do_PUT(self) -> None:  # noqa: N802 (Graph Store Protocol writes)
        self._send(Answer.text(403, READ_ONLY_MESSAGE))

    do_DELETE = do_PATCH = do_PUT  # noqa: N815

    def _run(self, params: dict[str, list[str]], accept: str | None = None) -> Answer:
        job = Job(
            query=params["query"][-1],
            accept=accept or self.headers.get("Accept") or "",
            fmt=(params.get("format") or [""])[-1],
            max_rows=self.server.settings.max_rows,
            default_graphs=tuple(params.get("default-graph-uri", ())),
            named_graphs=tuple(params.get("named-graph-uri", ())),
        )
        return self.server.pool.run(job)

    def _page(self, form: dict[str, list[str]]) -> Answer:
        text = (form.get("query") or [""])[-1]
        answer = None
        if text.strip() and "load" not in form:
            answer = self._run({"query": [text]}, accept="application/sparql-results+json")
        html = render_page(text, (form.get("named") or [""])[-1], "load" in form, answer, self.server.settings)
        return Answer(200 if answer is None else answer.status, "text/html; charset=utf-8", html.encode("utf-8"))

    def _send(self, answer: Answer) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if answer.content_type.startswith("text/html"):
            # the page is plain HTML and CSS: no script runs, nothing loads from anywhere else
            self.send_header(
                "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"
            )
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the http.server signature)
        log.info("%s %s", self.address_string(), format % args)
