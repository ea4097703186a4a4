"""Rows -> text for people (table) and for programs (CSV, TSV, JSON), with spreadsheet formulas made inert."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

__all__ = ["FORMATS", "format_rows", "safe_cell", "write_csv"]

FORMATS = ("table", "csv", "tsv", "json")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A cell as text that Excel and LibreOffice will not run as a formula.

    >>> safe_cell("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> safe_cell(-3)
    '-3'
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)  # a number is data, its sign is not a formula
    if isinstance(value, date | datetime):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _plain(value: object) -> object:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def format_rows(
    rows: Sequence[dict[str, object]], fmt: str = "table", columns: Sequence[str] | None = None, width: int = 60
) -> str:
    """Rows as a text table, CSV, TSV or JSON (a list of objects)."""
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        return (
            json.dumps([{c: _plain(row.get(c)) for c in columns} for row in rows], indent=2, ensure_ascii=False) + "\n"
        )
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            cells = [safe_cell(row.get(c)) for c in columns]
            if fmt == "tsv":  # TSV has no quoting: keep each cell on one line
                cells = [cell.replace("\t", " ").replace("\n", " ") for cell in cells]
            writer.writerow(cells)
        return out.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt}")
    if not columns:
        return "(no rows)\n"

    def cell(value: object) -> str:
        text = safe_cell(value).replace("\n", " ")
        return text if len(text) <= width else text[: width - 1] + "…"

    cells = [[cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def write_csv(rows: Sequence[dict[str, object]], path: Path, columns: Sequence[str] | None = None) -> None:
    """Write rows to a CSV file (UTF-8 with BOM, so that Excel reads accents right)."""
    path.write_text(format_rows(rows, "csv", columns), encoding="utf-8-sig")
