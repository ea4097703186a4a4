"""Build: report files -> records (in worker processes) -> one named graph per report in the store."""

from __future__ import annotations

import hashlib
import logging
import os
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, serialize

from kg import iris
from kg.build import SOFTWARE_VERSION, reference_quads, report_quads
from kg.reconcile import link_undated_inspections
from kg.store import GraphStore
from loaders import REPORT_SUFFIXES, load_report
from loaders.errors import KgError, ReportError

__all__ = ["BuildOutcome", "add_reports", "expand_paths", "ensure_reference"]

log = logging.getLogger(__name__)


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


# --- worker side: one report file -> (graph IRI, N-Quads bytes) or an error line --------------------

_worker_nlp = None


def _init_worker(with_nlp: bool) -> None:
    global _worker_nlp
    if with_nlp and _worker_nlp is None:
        from loaders.nlp import build_nlp

        _worker_nlp = build_nlp()


def _extract(path: Path, started: datetime, version: str) -> tuple[str, str, bytes] | KgError:
    """Read one report into quads, serialised so that they cross the process boundary cheaply."""
    try:
        report = load_report(path, _worker_nlp)
        graph, quads = report_quads(report, started, version)
        return path.name, graph, serialize(quads, format=RdfFormat.N_QUADS)
    except KgError as error:
        return error
    except Exception as error:  # a bug: keep the batch going, but say so loudly with the traceback
        log.error("%s: unexpected error\n%s", path.name, traceback.format_exc())
        return ReportError(path, f"unexpected error (a bug, please report it): {type(error).__name__}: {error}")


def add_reports(
    store: GraphStore,
    paths: Iterable[Path],
    nlp=None,
    jobs: int = 1,
    force: bool = False,
    on_error: Callable[[KgError], None] | None = None,
    on_progress: Callable[[Path], None] | None = None,
) -> BuildOutcome:
    """Read report files into the store, one transaction per report; bad files are reported and skipped.

    Files whose content is already in the store from the same software version are skipped unless
    `force`. With jobs > 1, text extraction and NLP run in worker processes; writes stay here.
    `nlp` may be a pipeline or a function that builds one (called only if some report must be read).
    """
    global _worker_nlp
    outcome = BuildOutcome()
    # A structure-only build is a different extraction: a later full build must not skip its reports.
    version = SOFTWARE_VERSION if nlp is not None else f"{SOFTWARE_VERSION}-structure-only"
    ensure_reference(store)
    known = store.report_versions()
    graphs_of_file: dict[str, list[str]] = {}  # a file read before with other content is replaced
    for graph, _, file_name in known.values():
        graphs_of_file.setdefault(file_name, []).append(graph)
    todo: list[Path] = []
    for path in expand_paths(paths):
        try:
            sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as error:
            _fail(outcome, ReportError(path, f"cannot read the file ({error.strerror})"), on_error)
            continue
        if not force and known.get(sha256, (None, None))[1] == version:
            outcome.unchanged.append(path.name)
            if on_progress:
                on_progress(path)
            continue
        known[sha256] = ("", version, path.name)  # the same content twice in one batch: once
        todo.append(path)
    started = datetime.now(UTC)
    if jobs > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(nlp is not None,)) as pool:
            results = pool.map(_extract, todo, [started] * len(todo), [version] * len(todo), chunksize=1)
            for path, result in zip(todo, results, strict=True):
                _store_result(store, path, result, outcome, on_error, graphs_of_file)
                if on_progress:
                    on_progress(path)
    else:
        if nlp is not None and not hasattr(nlp, "pipe_names"):
            nlp = nlp()  # a factory: build the pipeline only now that there is something to read
        previous, _worker_nlp = _worker_nlp, nlp
        try:
            for path in todo:
                _store_result(store, path, _extract(path, started, version), outcome, on_error, graphs_of_file)
                if on_progress:
                    on_progress(path)
        finally:
            _worker_nlp = previous
    if outcome.added:
        link_undated_inspections(store)
    return outcome


def _store_result(
    store: GraphStore, path: Path, result, outcome: BuildOutcome, on_error, graphs_of_file: dict[str, list[str]]
) -> None:
    if isinstance(result, KgError):
        _fail(outcome, result, on_error)
        return
    name, graph, nquads = result
    store.add_graph_nquads(graph, nquads, replaces=graphs_of_file.get(name, ()))
    outcome.added.append(name)


def _fail(outcome: BuildOutcome, error: KgError, on_error) -> None:
    outcome.errors.append(error)
    if on_error:
        on_error(error)


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
