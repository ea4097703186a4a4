"""The Python API for notebooks and scripts: one object per store folder, each method one library call.

    >>> from kg.api import KnowledgeGraph
    >>> graph = KnowledgeGraph("kg-store")                 # doctest: +SKIP
    >>> graph.build(["data/reports"])                      # doctest: +SKIP
    >>> graph.frame("weaknesses", weakness="police-only-strategy-discussions")   # doctest: +SKIP

Every read opens the store read-only for that call (about 25 ms) and closes it, so a notebook always sees
the latest build and never holds the store's lock. Nothing here is logic of its own: building is
kg.pipeline, queries kg.query, views kg.network, pages kg.html, reports kg.reports.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path

from pyoxigraph import Literal, NamedNode

from kg.query import XSD, NamedQuery, named_queries, run_query, run_sparql, to_term
from kg.store import GraphStore, default_store_dir, open_store

__all__ = ["BUNDLED_REPORTS", "KnowledgeGraph", "as_term", "notebook_store_dir", "reports_dir"]

BUNDLED_REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"  # the seed reports of the repository


def reports_dir() -> Path:
    """The folder of reports a notebook reads: $KG_REPORTS (e.g. ../shared/corpus/pdf), else the bundled seeds."""
    return Path(os.environ.get("KG_REPORTS") or BUNDLED_REPORTS)


def notebook_store_dir() -> Path:
    """The store a notebook builds: $KG_NOTEBOOK_STORE (to share one between notebooks), else a new temp folder."""
    if os.environ.get("KG_NOTEBOOK_STORE"):
        return Path(os.environ["KG_NOTEBOOK_STORE"])
    return Path(tempfile.mkdtemp(prefix="kg-notebook-")) / "store"


def as_term(value: object) -> NamedNode | Literal:
    """A Python value as the RDF term SPARQL compares it with: str, int, float, Decimal, bool, date.

    >>> as_term(3)
    <Literal value=3 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>
    """
    if isinstance(value, NamedNode | Literal):
        return value
    if isinstance(value, bool):  # before int: bool is an int in Python
        return Literal("true" if value else "false", datatype=NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return to_term("integer", value)
    if isinstance(value, Decimal):
        return to_term("decimal", value)
    if isinstance(value, float):
        return Literal(repr(value), datatype=NamedNode(XSD + "double"))
    if isinstance(value, date):
        return to_term("date", value.isoformat())
    return Literal(str(value))


class KnowledgeGraph:
    """A graph store folder: build it, query it into rows or DataFrames, draw it, report on it."""

    def __init__(self, store_dir: Path | str | None = None) -> None:
        self.store_dir = Path(store_dir) if store_dir is not None else default_store_dir()
        self._nlp = None

    def __repr__(self) -> str:
        return f"KnowledgeGraph({str(self.store_dir)!r})"

    # --- building -----------------------------------------------------------------------------------

    def build(
        self, paths: Iterable[Path | str], jobs: int = 1, force: bool = False, findings: bool = True, wait: float = 0.0
    ):
        """Read report files (or folders of them) into the store; the BuildOutcome (added, unchanged, errors).

        Bad files do not stop the batch: each one is an error in the outcome. `findings=False` reads grades
        and dates only. The spaCy pipeline is built once per KnowledgeGraph and reused.
        """
        from kg.pipeline import add_reports, expand_paths

        nlp = self._pipeline() if findings else None
        with open_store(self.store_dir, wait=wait) as store:
            return add_reports(store, expand_paths(Path(p) for p in paths), nlp=nlp, jobs=jobs, force=force)

    # --- questions ----------------------------------------------------------------------------------

    @staticmethod
    def queries() -> dict[str, NamedQuery]:
        """The named queries by name, each with its question, parameters and columns."""
        return named_queries()

    def query(self, name: str | Path, **params: object) -> list[dict[str, object]]:
        """Rows of a named query (or a .rq file), parameters bound as RDF terms of their declared types."""
        with self.reading() as store:
            return run_query(store, name, **params)

    def frame(self, name: str | Path, **params: object):
        """A named query as a pandas DataFrame, columns in the order the query's header declares."""
        import pandas as pd

        rows = self.query(name, **params)
        declared = named_queries().get(str(name).removesuffix(".rq"))
        columns = [c for c in declared.columns if c] if declared else None
        if rows and columns and set(columns) != set(rows[0]):
            columns = list(rows[0])  # a header out of step with its SELECT: trust the SELECT
        frame = pd.DataFrame(rows, columns=columns or (list(rows[0]) if rows else None))
        # whole numbers with gaps (a page not stated) stay whole, 12 and <NA>, where pandas would make them 12.0
        # and NaN; only the columns pandas made float are looked at again
        for column in frame.columns[(frame.dtypes == "float64").to_numpy()]:
            values = [row.get(column) for row in rows]
            if all(value is None or type(value) is int for value in values):
                frame[column] = pd.array(values, dtype="Int64")
        return frame

    def sparql(self, text: str, **values: object) -> list[dict[str, object]] | bool:
        """Rows (or a boolean for ASK) of SPARQL text; each keyword binds ?name to the value as an RDF term.

        Prefixes ofk:, concept:, skos: and the others of kg.namespaces are declared. Concept ids are not
        guessed from strings: pass `graph.concept("good")` to bind a concept.
        """
        with self.reading() as store:
            return run_sparql(store, text, **{name: as_term(value) for name, value in values.items()})

    @staticmethod
    def concept(concept_id: str) -> NamedNode:
        """The IRI of a concept id from the ontology (raises UnknownName, with suggestions, for a typo)."""
        return to_term("concept", concept_id)

    # --- networks and pages -------------------------------------------------------------------------

    def view(self, name: str = "authority-weakness", authority: str | None = None, **filters: object):
        """A networkx view (see kg.network.VIEW_NAMES); filters are kg.network.ViewFilter fields."""
        from kg.network import ViewFilter, build_view

        with self.reading() as store:
            return build_view(store, name, ViewFilter(**filters), authority=authority)

    def write_html(
        self,
        path: Path | str,
        view: object = "authority-weakness",
        title: str | None = None,
        authority: str | None = None,
        **filters: object,
    ) -> Path:
        """Write a view (a name, or a networkx graph made earlier) as one offline HTML page; its path."""
        from kg.html import write_html

        graph = self.view(view, authority=authority, **filters) if isinstance(view, str) else view
        name = view if isinstance(view, str) else graph.graph.get("view", "network")
        return write_html(graph, Path(path), title=title or f"Ofsted findings: {name} view")

    # --- reports ------------------------------------------------------------------------------------

    def theme_report(self, theme: str, path: Path | str | None = None, fmt: str = "md", **filters: object) -> str:
        """The report (Markdown or HTML) on a theme, weakness, service or partner, by id, label or acronym.

        Written to path if given (Markdown gets its charts as PNG files beside it). Filters: since, until,
        region, framework, authority.
        """
        from kg.reports import write_theme_report

        with self.reading() as store:
            return write_theme_report(store, theme, fmt, Path(path) if path else None, **filters)

    def authority_report(self, authority: str, path: Path | str | None = None, fmt: str = "md") -> str:
        """The report (Markdown or HTML) on one authority's inspections over time; written to path if given."""
        from kg.reports import write_authority_report

        with self.reading() as store:
            return write_authority_report(store, authority, fmt, Path(path) if path else None)

    # --- plumbing -----------------------------------------------------------------------------------

    @contextmanager
    def reading(self) -> Iterator[GraphStore]:
        """The store opened read-only for a with-block, for what this class does not wrap."""
        with open_store(self.store_dir, read_only=True) as store:
            yield store

    def _pipeline(self):
        if self._nlp is None:
            from loaders.nlp import build_nlp

            self._nlp = build_nlp()
        return self._nlp
