"""Report text -> the graded judgements it states, from the front-page table, checked against the headings."""

from __future__ import annotations

import logging
import re

from loaders.records import Judgement, Report
from loaders.sections import AREA_HEADING, AREA_LABELS, GRADE, area_of, interleaved_heading

__all__ = ["grade_id", "read_judgements"]

log = logging.getLogger(__name__)

_SOURCE_RANK = {"table": 0, "heading": 1, "sentence": 2}
_BARE_GRADE = re.compile(rf"^{GRADE}\.?$", re.I)
_OVERALL = re.compile(
    rf"^(?:the\s+overall\s+judge?ment\s+is\s+(?:that\s+)?(?:children's\s+services\s+(?:are\s+|is\s+)?)?"
    rf"|children's\s+services(?:\s+in\s+.{{2,80}}?)?\s+(?:are\s+|is\s+)?){GRADE}\.?$",
    re.I,
)
_LSCB = re.compile(
    r"^(?:the\s+judge?ment\s+for\s+)?(?:the\s+effectiveness\s+of\s+)?(?:the\s+)?local\s+safeguarding\s+children\s+board(?:\s+\(LSCB\))?"
    rf"(?:\s+in\s+[\w\s,-]{{2,40}}?)?\s+(?:is\s+|are\s+)?{GRADE}\.?$",
    re.I,
)
_LSCB_SHORT = re.compile(rf"^(?:the\s+effectiveness\s+of\s+)?the\s+LSCB\s+(?:is\s+)?{GRADE}\.?$", re.I)
_LABEL = "|".join(f"(?P<a{i}>{label})" for i, (label, _, _) in enumerate(AREA_LABELS))
_STATEMENT = re.compile(rf"^the\s+experiences\s+and\s+progress\s+of\s+(?:{_LABEL})\s+(?:are|is)\s+{GRADE}\.", re.I)
_DESCRIPTORS = re.compile(r"^What the inspection judge?ments mean(?:[:\s]+the local authority)?$", re.I | re.M)
_LINE = re.compile(r"[^\n]+")


def grade_id(words: str) -> str:
    """Grade concept id of a grade as printed ('Requires improvement to be good' -> 'requires-improvement')."""
    words = " ".join(words.lower().split())
    if words.startswith("require"):
        return "requires-improvement"
    return words


def read_judgements(report: Report) -> list[Judgement]:
    """Every judgement the report states; the table wins over headings, headings over sentences."""
    found = _find_judgements(report)
    chosen: dict[str, Judgement] = {}
    for judgement in sorted(found, key=lambda j: _SOURCE_RANK[j.source]):
        kept = chosen.setdefault(judgement.area, judgement)
        if kept.grade != judgement.grade:
            log.warning(
                "%s: %s is %s in the %s but %s in a %s",
                report.path.name,
                judgement.area,
                kept.grade,
                kept.source,
                judgement.grade,
                judgement.source,
            )
    return list(chosen.values())


def _find_judgements(report: Report) -> list[Judgement]:
    text = report.text
    descriptors = list(_DESCRIPTORS.finditer(text))  # the contents list names it too: take the last
    limit = descriptors[-1].start() if descriptors else len(text)
    front_end = _front_table_end(report)
    lines = [(m.start(), m.group().strip()) for m in _LINE.finditer(text, 0, limit)]
    found = []
    for index, (offset, line) in enumerate(lines):
        source = "table" if offset < front_end else "heading"
        judgement = _read_line(line, lines[index + 1][1] if index + 1 < len(lines) else "", source)
        if judgement is not None:
            found.append(judgement)
    return found


def _read_line(line: str, next_line: str, source: str) -> Judgement | None:
    """The judgement a line states (with its grade on the line or alone on the next), or None."""
    if len(line) > 200:
        match = _STATEMENT.match(line)
        if match:
            area, covers = area_of(match)
            return Judgement(area, grade_id(match.group("grade")), covers, "sentence")
        return None
    match = AREA_HEADING.match(line)
    if match:
        area, covers = area_of(match)
        if match.group("grade"):
            return Judgement(area, grade_id(match.group("grade")), covers, source)
        bare = _BARE_GRADE.match(next_line)
        if bare:
            return Judgement(area, grade_id(bare.group("grade")), covers, source)
        return None
    interleaved = interleaved_heading(line)  # a converter put the grade inside the label's wrapped lines
    if interleaved is not None:
        area, covers, grade = interleaved
        return Judgement(area, grade_id(grade), covers, source)
    for pattern, area in (
        (_OVERALL, "overall-effectiveness"),
        (_LSCB, "lscb"),
        (_LSCB_SHORT, "lscb"),
    ):
        match = pattern.match(line)
        if match:
            return Judgement(area, grade_id(match.group("grade")), False, source)
    match = _STATEMENT.match(line)
    if match:
        area, covers = area_of(match)
        return Judgement(area, grade_id(match.group("grade")), covers, "sentence")
    return None


def _front_table_end(report: Report) -> int:
    """Offset of the end of the front page, where the judgement table is printed."""
    if report.source_format == "pdf" and report.pages:
        return report.pages[0].end
    first_section = report.sections[0].start if report.sections else 0
    return first_section if first_section < 8000 else 0
