"""The persistent graph store: Oxigraph on disk, one named graph per report file.

Every change to a report is atomic (one transaction, or one bulk load of a batch of new reports), so a crash
or a bad file never leaves a report half-written, and one writer at a time holds the store's lock file so that
two builds never interleave.
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pyoxigraph import NamedNode, Quad, RdfFormat, Store, Variable, parse, serialize

from kg import iris
from kg.namespaces import PREFIXES
from loaders.errors import KgError

__all__ = ["DEFAULT_STORE", "GraphStore", "StoreBusy", "default_store_dir", "open_store"]

log = logging.getLogger(__name__)

DEFAULT_STORE = "kg-store"
STAGING_SUFFIX = "/staging"
_PREFIXES = {name: str(ns) for name, ns in PREFIXES.items()}
_REPORT_VERSIONS = """
SELECT ?graph ?sha ?version ?file WHERE {
  GRAPH ?graph { ?report ofk:sha256 ?sha ; ofk:sourceFile ?file ; ofk:extractedBy ?run .
                 ?run ofk:softwareVersion ?version . }
}"""


class StoreBusy(KgError):
    """Another process is writing the store."""


def default_store_dir() -> Path:
    """The store folder: $KG_STORE, else ./kg-store."""
    return Path(os.environ.get("KG_STORE", DEFAULT_STORE))


class GraphStore:
    """An open store: queries over all graphs, and whole-graph replacement of one report."""

    def __init__(self, store: Store, path: Path | None, read_only: bool) -> None:
        self._store, self.path, self.read_only = store, path, read_only

    @property
    def oxigraph(self) -> Store:
        """The underlying pyoxigraph Store, for what this class does not wrap."""
        return self._store

    def query(self, sparql: str, bindings: dict[str, object] | None = None, union: bool = True):
        """Run SPARQL with values bound as RDF terms (never pasted into the text)."""
        substitutions = {Variable(name): value for name, value in (bindings or {}).items()}
        return self._store.query(
            sparql, prefixes=_PREFIXES, substitutions=substitutions, use_default_graph_as_union=union
        )

    def report_versions(self) -> dict[str, tuple[str, str, str]]:
        """sha256 -> (graph IRI, software version, source file) of every report in the store."""
        return {
            row["sha"].value: (row["graph"].value, row["version"].value, row["file"].value)
            for row in self.query(_REPORT_VERSIONS, union=False)
        }

    def replace_graph(self, graph_iri: str, quads: Iterable[Quad], replaces: Iterable[str] = ()) -> None:
        """Make the named graph hold exactly these quads, dropping the `replaces` graphs, atomically."""
        self.add_graph_nquads(graph_iri, serialize(quads, format=RdfFormat.N_QUADS), replaces)

    def add_graph_nquads(self, graph_iri: str, nquads: bytes, replaces: Iterable[str] = ()) -> None:
        """Like replace_graph, from N-Quads of that one graph: readers see the old state or the new, never a mix.

        A new graph is bulk-loaded (see add_new_graphs_nquads). A graph read again (a new extractor version,
        or --force) mostly holds the quads it held before: one SPARQL update drops the `replaces` graphs and
        deletes and inserts only the lines that differ. With blank nodes, which DELETE DATA cannot name,
        the quads are staged in a graph of their own and one update MOVEs it into place (a crash before
        the MOVE leaves only the staging graph, which the next writer removes).
        """
        self._check_writable()
        graph = NamedNode(graph_iri)
        olds = [NamedNode(iri) for iri in replaces if iri != graph_iri]
        exists = self._store.contains_named_graph(graph)
        if not olds and not exists:
            self.add_new_graphs_nquads(nquads)
            return
        # Graph IRIs here are minted by kg.iris from hex digests, never read from report text.
        drops = "".join(f"DROP SILENT GRAPH {old} ;\n" for old in olds)
        end = f" {graph} .\n".encode()  # how each line of this graph's N-Quads ends
        in_graph = nquads.count(end) == nquads.count(b"\n")
        if in_graph and b"_:" not in nquads:
            new = set(nquads.replace(end, b" .\n").splitlines())
            old = set(self._store.dump(format=RdfFormat.N_TRIPLES, from_graph=graph).splitlines()) if exists else set()
            removed, added = old - new, new - old
            if not any(b"_:" in line for line in removed):
                # Lines are compared as text: a quad written two ways (escapes, number forms) is deleted and
                # inserted again, which leaves it as it was. N-Triples lines are valid SPARQL data, their
                # literals escaped by the writer of the line: no report text is pasted in unescaped.
                delete, insert = (b"\n".join(sorted(lines)).decode() for lines in (removed, added))
                self._store.update(
                    f"{drops}DELETE DATA {{ GRAPH {graph} {{\n{delete}\n}} }} ;\n"
                    f"INSERT DATA {{ GRAPH {graph} {{\n{insert}\n}} }}"
                )
                return
        staging = NamedNode(graph_iri + STAGING_SUFFIX)
        self._store.remove_graph(staging)
        if in_graph:  # one byte replacement moves every line to the staging graph
            self._store.bulk_load(nquads.replace(end, f" {staging} .\n".encode()), format=RdfFormat.N_QUADS)
        else:  # quads written for another graph (or another way): all of them go into this one
            quads = parse(nquads, format=RdfFormat.N_QUADS)
            self._store.extend(Quad(q.subject, q.predicate, q.object, staging) for q in quads)
        self._store.update(f"{drops}MOVE SILENT {staging} TO {graph}")

    def add_new_graphs_nquads(self, nquads: bytes) -> None:
        """Add N-Quads of named graphs that are not in the store yet, all of them or (after a crash) none.

        A bulk load: the quads are sorted into new index files that RocksDB takes in with one atomic
        ingestion (Oxigraph ingests once per million quads: keep each call well under that). It costs
        about a third of a transactional load and leaves a much smaller store.
        """
        self._check_writable()
        self._store.bulk_load(nquads, format=RdfFormat.N_QUADS)

    def remove_graph(self, graph_iri: str) -> None:
        self._check_writable()
        self._store.remove_graph(NamedNode(graph_iri))

    def report_graphs(self) -> list[str]:
        """IRIs of the report graphs in the store."""
        prefix = iris.ID + "report/"
        return sorted(
            g.value for g in self._store.named_graphs() if isinstance(g, NamedNode) and g.value.startswith(prefix)
        )

    def graph_quads(self, graph_iri: str) -> list[Quad]:
        return list(self._store.quads_for_pattern(None, None, None, NamedNode(graph_iri)))

    def dump(self, fmt: RdfFormat, graph_iri: str | None = None) -> bytes:
        """Serialise the whole store (or one graph) in an RDF format."""
        if graph_iri is not None:
            triples = [q.triple for q in self.graph_quads(graph_iri)]
            return serialize(triples, format=fmt, prefixes=_PREFIXES)
        if fmt.supports_datasets:
            return self._store.dump(format=fmt, prefixes=_PREFIXES if fmt != RdfFormat.N_QUADS else None)
        return self._store.dump(format=fmt, from_graph=NamedNode(iris.REFERENCE_GRAPH))

    def reference_version(self) -> str | None:
        rows = list(
            self.query(
                "SELECT ?v ?g WHERE { GRAPH ?g { ?g ofk:softwareVersion ?v } }",
                {"g": NamedNode(iris.REFERENCE_GRAPH)},
                union=False,
            )
        )
        return rows[0]["v"].value if rows else None

    def clean_staging(self) -> None:
        """Drop staging graphs, and bulk-load files, left by a build that was killed mid-way."""
        for graph in list(self._store.named_graphs()):
            if isinstance(graph, NamedNode) and graph.value.endswith(STAGING_SUFFIX):
                log.info("removing leftover %s", graph.value)
                self._store.remove_graph(graph)
        if self.path is not None:  # sorted index files written for a bulk load that was never ingested
            for leftover in self.path.glob("bulk-*.sst"):
                log.info("removing leftover %s", leftover)
                leftover.unlink(missing_ok=True)

    def optimize(self) -> None:
        """Compact the store's files: bulk loads leave many small overlapping ones, which slow queries down."""
        self._check_writable()
        self._store.optimize()

    def flush(self) -> None:
        if not self.read_only and self.path is not None:
            self._store.flush()

    def _check_writable(self) -> None:
        if self.read_only:
            raise KgError(f"{self.path}: store is open read-only")


@contextmanager
def _write_lock(store_dir: Path, wait: float) -> Iterator[None]:
    """Hold <store>/.kg-write.lock; a second writer waits up to `wait` seconds, then fails clearly."""
    store_dir.mkdir(parents=True, exist_ok=True)
    lock_path = store_dir / ".kg-write.lock"
    with lock_path.open("a+") as lock:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    lock.seek(0)
                    holder = lock.read().strip() or "another process"
                    raise StoreBusy(
                        f"{store_dir}: store is being written by {holder}; wait for it to finish or use another --store"
                    ) from None
                time.sleep(0.2)
        lock.seek(0)
        lock.truncate()
        lock.write(f"kg (pid {os.getpid()})")
        lock.flush()
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@contextmanager
def open_store(store_dir: Path | str | None = None, read_only: bool = False, wait: float = 0.0) -> Iterator[GraphStore]:
    """Open (creating if needed) the store in a folder; None means the default folder.

    Writers take the store's lock: a second writer waits `wait` seconds, then raises StoreBusy.
    Readers open a read-only view and never block a writer.
    """
    store_dir = Path(store_dir) if store_dir is not None else default_store_dir()
    if read_only:
        if not (store_dir / "CURRENT").is_file():
            raise KgError(f"{store_dir}: no graph store here; build one with `kg build --store {store_dir} PATH`")
        store = None
        for attempt in range(5):  # a build writing at the same moment can make an open fail: try again
            try:
                store = Store.read_only(str(store_dir))
                break
            except (OSError, RuntimeError) as error:
                if attempt == 4:
                    raise KgError(
                        f"{store_dir}: cannot open the store read-only ({error}); try again when the build has finished"
                    ) from None
                time.sleep(0.2 * (attempt + 1))
        graph_store = GraphStore(store, store_dir, read_only=True)
        try:
            yield graph_store
        finally:
            graph_store._store = None  # drop the last reference, so RocksDB lets go of its files
        return
    with _write_lock(store_dir, wait):
        try:
            store = Store(str(store_dir))
        except OSError as error:
            raise StoreBusy(f"{store_dir}: cannot open the store for writing ({error})") from None
        graph_store = GraphStore(store, store_dir, read_only=False)
        graph_store.clean_staging()
        try:
            yield graph_store
        finally:
            graph_store.flush()
            graph_store._store = None  # pyoxigraph has no close(): the lock goes with the last reference
            del store
