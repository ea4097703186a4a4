"""Theme and authority reports, as Markdown or a self-contained HTML page, from the graph store.

    write_theme_report(store, "CSE", fmt="html", region="London")       -> the page as text
    write_authority_report(store, "Wandsworth", path=Path("out/w.md"))  -> also writes the file

The content is built once as plain blocks (kg.report_doc) from named queries (kg/queries/report-*.rq), then
rendered; Markdown written to a file gets its charts as PNG files beside it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kg.report_authority import build_authority_document
from kg.report_data import Filters, resolve_concept
from kg.report_doc import Document, render_html, render_markdown
from kg.report_theme import build_theme_document
from kg.store import GraphStore
from loaders.errors import KgError

__all__ = ["FORMATS", "resolve_concept", "write_authority_report", "write_theme_report"]

FORMATS = ("md", "html")


def write_theme_report(
    store: GraphStore,
    concept_id_or_label: str,
    fmt: str = "md",
    path: Path | None = None,
    *,
    since: date | str | None = None,
    until: date | str | None = None,
    region: str | None = None,
    framework: str | None = None,
    authority: str | None = None,
) -> str:
    """The report on one theme (id, label or acronym) across every authority; written to path if given."""
    filters = Filters(_date(since, "since"), _date(until, "until"), region, framework, authority)
    return _write(build_theme_document(store, concept_id_or_label, filters), fmt, path)


def write_authority_report(store: GraphStore, name: str, fmt: str = "md", path: Path | None = None) -> str:
    """The report on one authority's inspections over time; written to path if given."""
    return _write(build_authority_document(store, name), fmt, path)


def _date(value: date | str | None, name: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise KgError(f"{value}: --{name} is not a date; write it as YYYY-MM-DD") from None


def _write(document: Document, fmt: str, path: Path | None) -> str:
    if fmt not in FORMATS:
        raise KgError(f"{fmt}: unknown report format; use one of {', '.join(FORMATS)}")
    if fmt == "html":
        text = render_html(document)
    elif path is None:
        text = render_markdown(document)
    else:
        links = {}
        for chart in document.charts:  # beside the Markdown file, linked by a relative name
            chart_path = path.with_name(f"{path.stem}-{chart.name}.png")
            path.parent.mkdir(parents=True, exist_ok=True)
            chart_path.write_bytes(chart.png)
            links[chart.name] = chart_path.name
        text = render_markdown(document, links)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return text
