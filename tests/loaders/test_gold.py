"""Every corpus report against a hand-checked gold standard (tests/data/gold/, see its NOTES.md).

The gold labels were made by reading each report's front page, independently of the loaders' code.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from loaders import load_report
from loaders.errors import ReportError

GOLD_DIR = Path(__file__).resolve().parent.parent / "data" / "gold"


def _gold_reports() -> list[dict[str, str]]:
    with (GOLD_DIR / "corpus_reports.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _gold_judgements() -> dict[str, dict[str, tuple[str, bool]]]:
    found: dict[str, dict[str, tuple[str, bool]]] = {}
    with (GOLD_DIR / "corpus_judgements.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            found.setdefault(row["file"], {})[row["area"]] = (row["grade"], row["covers_care_leavers"] == "true")
    return found


GOLD = {row["file"]: row for row in _gold_reports()}
GOLD_JUDGEMENTS = _gold_judgements()


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@pytest.mark.slow
@pytest.mark.parametrize("file", sorted(GOLD))
def test_corpus_report_matches_gold(corpus_dir, file):
    gold = GOLD[file]
    path = corpus_dir / file
    if gold["is_report"] != "true":
        with pytest.raises(ReportError):
            load_report(path)
        return
    report = load_report(path)
    got = {j.area: (j.grade, j.covers_care_leavers) for j in report.judgements}
    assert got == GOLD_JUDGEMENTS[file]
    assert report.framework == gold["framework"]
    assert (report.inspection_start, report.inspection_end) == (
        _date(gold["inspection_start"]),
        _date(gold["inspection_end"]),
    )
    if gold["published"]:
        assert report.published == _date(gold["published"])
    assert report.lead_inspector == gold["lead_inspector"].split(";")[0].strip() or (
        report.lead_inspector == gold["lead_inspector"]
    )
    if gold["inspection_type"]:
        assert report.inspection_type == gold["inspection_type"]
