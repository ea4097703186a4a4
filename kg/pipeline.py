"""Build: report files -> records (in worker processes) -> one named graph per report in the store."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from kg import iris
from kg.build import SOFTWARE_VERSION, reference_quads, report_nquads
from kg.reconcile import link_undated_inspections
from kg.store import GraphStore
from loaders import REPORT_SUFFIXES, load_report
from loaders.errors import KgError, ReportError

__all__ = ["BuildCache", "BuildOutcome", "add_reports", "expand_paths", "ensure_reference"]

log = logging.getLogger(__name__)

# A build that writes at least 1/OPTIMIZE_SHARE of the store's reports compacts the store at its end (about 2 s
# for a million quads): queries on the many small files that bulk loads leave take up to twice as long.
OPTIMIZE_SHARE = 4


@dataclass(slots=True)
class BuildOutcome:
    """What a build did: counts, and one error per failed file."""

    added: list[str] = field(default_factory=list)  # file names read into the store
    unchanged: list[str] = field(default_factory=list)  # skipped: same content, same software version
    errors: list[KgError] = field(default_factory=list)

    def summary(self) -> str:
        return f"{len(self.added)} reports added, {len(self.unchanged)} unchanged, {len(self.errors)} failed"


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named, plus report files (.pdf .txt .md) found by recursing into folders, sorted."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in REPORT_SUFFIXES
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        else:
            found.append(path)
    unique = list(dict.fromkeys(p.resolve() for p in found))
    return unique


def ensure_reference(store: GraphStore) -> bool:
    """Load the ontology, schemes and authorities into the reference graph if they changed; True if loaded."""
    if store.reference_version() == SOFTWARE_VERSION:
        return False
    graph = NamedNode(iris.REFERENCE_GRAPH)
    quads = reference_quads()
    quads.append(
        Quad(graph, NamedNode("https://w3id.org/ofsted-kg/ontology#softwareVersion"), Literal(SOFTWARE_VERSION), graph)
    )
    store.replace_graph(iris.REFERENCE_GRAPH, quads)
    return True


# --- what a build remembers between runs, beside the store ------------------------------------------


class BuildCache:
    """<store>/.kg-build-cache.json: each file's sha256 by its stat, and the files that failed, by content.

    So that an unchanged rebuild neither reads nor hashes an unchanged file (a changed size, mtime, ctime or
    inode means read it again), nor rereads a file that failed before with the same content and extractor
    version: its error is given again from here. RocksDB leaves files of other names in its folder alone.
    """

    NAME = ".kg-build-cache.json"
    RACY_NS = 2_000_000_000  # a file modified this recently may change again within one mtime tick: not cached

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.files: dict[str, list] = {}  # resolved path -> [size, mtime_ns, ctime_ns, inode, sha256]
        self.failed: dict[str, list[str]] = {}  # sha256 -> [software version, reason]
        self.changed = False
        if path is not None and path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                self.files, self.failed = dict(data["files"]), dict(data["failed"])
            except (OSError, ValueError, KeyError, TypeError) as error:  # damaged: start again, it is only a cache
                log.warning("%s: ignored (%s)", path, error)

    @classmethod
    def of(cls, store: GraphStore) -> BuildCache:
        return cls(None if store.path is None or store.read_only else Path(store.path) / cls.NAME)

    def sha256(self, path: Path) -> str:
        """The file's sha256: from the cache if its stat is unchanged, else read (OSError if it cannot be)."""
        stat = path.stat()
        key = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]
        entry = self.files.get(str(path))
        if entry is not None and entry[:4] == key:
            return entry[4]
        sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
        if time.time_ns() - max(stat.st_mtime_ns, stat.st_ctime_ns) > self.RACY_NS:
            self.files[str(path)] = [*key, sha256]
            self.changed = True
        return sha256

    def failure(self, sha256: str, version: str) -> str | None:
        """Why this content failed before with this extractor version, if it did."""
        entry = self.failed.get(sha256)
        return entry[1] if entry is not None and entry[0] == version else None

    def remember_failure(self, sha256: str, version: str, reason: str) -> None:
        self.failed[sha256] = [version, reason]
        self.changed = True

    def forget_failure(self, sha256: str) -> None:
        if self.failed.pop(sha256, None) is not None:
            self.changed = True

    def save(self) -> None:
        if self.path is None or not self.changed:
            return
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            temporary.write_text(json.dumps({"files": self.files, "failed": self.failed}), encoding="utf-8")
            os.replace(temporary, self.path)  # readers see the old cache or the new one
        except OSError as error:
            log.warning("%s: not saved (%s)", self.path, error)
        self.changed = False


# --- worker side: one report file -> (file name, graph IRI, N-Quads bytes) or a failure ---------------

_worker_nlp = None


@dataclass(slots=True)
class _Failure:
    """A file that could not be read; `remember` if the same content and version will always fail so."""

    error: KgError
    remember: bool


def _init_worker(with_nlp: bool) -> None:
    global _worker_nlp
    if with_nlp and _worker_nlp is None:
        from loaders.nlp import build_nlp

        _worker_nlp = build_nlp()


def _extract(path: Path, started: datetime, version: str) -> tuple[str, str, bytes] | _Failure:
    """Read one report into N-Quads text, which crosses the process boundary as one bytes object."""
    try:
        report = load_report(path, _worker_nlp)
        graph, nquads = report_nquads(report, started, version)
        return path.name, graph, nquads
    except ReportError as error:  # what the file is (not a PDF, not a report ...): the same every time
        return _Failure(error, remember=True)
    except KgError as error:
        return _Failure(error, remember=False)
    except Exception as error:  # a bug: keep the batch going, but say so loudly with the traceback
        log.error("%s: unexpected error\n%s", path.name, traceback.format_exc())
        return _Failure(_bug(path, error), remember=False)


def _bug(path: Path, error: Exception) -> ReportError:
    return ReportError(path, f"unexpected error (a bug, please report it): {type(error).__name__}: {error}")


# --- parent side: results -> the store, in batches ----------------------------------------------------


class _Writer:
    """Writes the reports the workers read: new graphs in batches, each batch one atomic bulk load.

    A batch is written when it holds BATCH_QUADS quads or its first report has waited BATCH_SECONDS, so a
    killed build loses at most about that much work, and every report it did write is whole. A report whose
    graph is already in the store (read again) is written on its own, by one update of what differs.
    """

    BATCH_QUADS = 200_000  # far below the million quads at which Oxigraph would split one bulk load in two
    BATCH_SECONDS = 1.0

    def __init__(self, store, outcome, on_error, on_progress, graphs_of_file, cache, shas, version) -> None:
        self.store, self.outcome, self.on_error, self.on_progress = store, outcome, on_error, on_progress
        self.graphs_of_file, self.cache, self.shas, self.version = graphs_of_file, cache, shas, version
        self.pending: list[tuple[Path, str, bytes]] = []  # (path, graph, N-Quads)
        self.pending_quads = 0
        self.pending_since = 0.0

    def seconds_left(self) -> float | None:
        """How long the pending batch may still wait for more reports; None if nothing is pending."""
        if not self.pending:
            return None
        return max(0.0, self.pending_since + self.BATCH_SECONDS - time.monotonic())

    def put(self, path: Path, result: tuple[str, str, bytes] | _Failure) -> None:
        if isinstance(result, _Failure):
            if result.remember and isinstance(result.error, ReportError):
                self.cache.remember_failure(self.shas[path], self.version, result.error.reason)
            self._done(path, result.error)
            return
        name, graph, nquads = result
        replaces = self.graphs_of_file.get(name, ())
        if any(iri != graph for iri in replaces) or self.store.oxigraph.contains_named_graph(NamedNode(graph)):
            self.flush()  # in order: a replacement never overtakes a report read before it
            try:
                self.store.add_graph_nquads(graph, nquads, replaces=replaces)
            except (SyntaxError, ValueError) as error:
                self._done(path, _bug(path, error))
            else:
                self._done(path)
            return
        if not self.pending:
            self.pending_since = time.monotonic()
        self.pending.append((path, graph, nquads))
        self.pending_quads += nquads.count(b"\n")
        if self.pending_quads >= self.BATCH_QUADS or self.seconds_left() == 0.0:
            self.flush()

    def flush(self) -> None:
        """Write the pending batch (if one bad report sinks it, each of the others alone)."""
        batch, self.pending, self.pending_quads = self.pending, [], 0
        if not batch:
            return
        try:
            self.store.add_new_graphs_nquads(b"".join(nquads for _, _, nquads in batch))
        except (SyntaxError, ValueError) as error:  # text the store cannot parse (a bad IRI): a bug
            if len(batch) == 1:
                self._done(batch[0][0], _bug(batch[0][0], error))
                return
            for path, _, nquads in batch:
                try:
                    self.store.add_new_graphs_nquads(nquads)
                except (SyntaxError, ValueError) as error:
                    self._done(path, _bug(path, error))
                else:
                    self._done(path)
            return
        for path, _, _ in batch:
            self._done(path)

    def _done(self, path: Path, error: KgError | None = None) -> None:
        if error is None:
            self.outcome.added.append(path.name)
            self.cache.forget_failure(self.shas[path])
        else:
            _fail(self.outcome, error, self.on_error)
        if self.on_progress:
            self.on_progress(path)


def add_reports(
    store: GraphStore,
    paths: Iterable[Path],
    nlp=None,
    jobs: int = 1,
    force: bool = False,
    on_error: Callable[[KgError], None] | None = None,
    on_progress: Callable[[Path], None] | None = None,
) -> BuildOutcome:
    """Read report files into the store, each report whole or not at all; bad files are reported and skipped.

    Files whose content is already in the store from the same software version are skipped unless
    `force`, and so are files that failed before with the same content and version (their error is
    reported again). With jobs > 1, text extraction and NLP run in worker processes; writes stay here.
    `nlp` may be a pipeline or a function that builds one (called only if some report must be read). A
    pipeline does not cross into worker processes: with jobs > 1 each worker builds the default one
    (loaders.nlp.build_nlp()), so pass jobs=1 to read with a pipeline of your own.
    """
    global _worker_nlp
    outcome = BuildOutcome()
    # A structure-only build is a different extraction: a later full build must not skip its reports.
    version = SOFTWARE_VERSION if nlp is not None else f"{SOFTWARE_VERSION}-structure-only"
    ensure_reference(store)
    cache = BuildCache.of(store)
    known = store.report_versions()
    graphs_of_file: dict[str, list[str]] = {}  # a file read before with other content is replaced
    for graph, _, file_name in known.values():
        graphs_of_file.setdefault(file_name, []).append(graph)
    todo: list[Path] = []
    shas: dict[Path, str] = {}
    for path in expand_paths(paths):
        try:
            sha256 = cache.sha256(path)
        except OSError as error:
            _fail(outcome, ReportError(path, f"cannot read the file ({error.strerror})"), on_error)
            continue
        if not force and known.get(sha256, (None, None))[1] == version:
            outcome.unchanged.append(path.name)
            if on_progress:
                on_progress(path)
            continue
        reason = None if force else cache.failure(sha256, version)
        if reason is not None:
            _fail(outcome, ReportError(path, reason), on_error)
            if on_progress:
                on_progress(path)
            continue
        known[sha256] = ("", version, path.name)  # the same content twice in one batch: once
        todo.append(path)
        shas[path] = sha256
    started = datetime.now(UTC)
    writer = _Writer(store, outcome, on_error, on_progress, graphs_of_file, cache, shas, version)
    try:
        if jobs > 1 and len(todo) > 1:
            with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(nlp is not None,)) as pool:
                futures = [pool.submit(_extract, path, started, version) for path in todo]
                for path, future in zip(todo, futures, strict=True):
                    try:  # wait no longer than the pending batch may: a slow report does not hold it back
                        result = future.result(timeout=writer.seconds_left())
                    except FutureTimeout:
                        writer.flush()
                        result = future.result()
                    writer.put(path, result)
                writer.flush()
        elif todo:
            if nlp is not None and not hasattr(nlp, "pipe_names"):
                nlp = nlp()  # a factory: build the pipeline only now that there is something to read
            previous, _worker_nlp = _worker_nlp, nlp
            try:
                for path in todo:
                    writer.put(path, _extract(path, started, version))
                writer.flush()
            finally:
                _worker_nlp = previous
    finally:
        cache.save()
    if outcome.added:
        link_undated_inspections(store)
        if len(outcome.added) * OPTIMIZE_SHARE >= len(store.report_graphs()):
            store.optimize()  # most of the store was written now, in many small files: compact them
    return outcome


def _fail(outcome: BuildOutcome, error: KgError, on_error) -> None:
    outcome.errors.append(error)
    if on_error:
        on_error(error)


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
