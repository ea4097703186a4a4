"""Report text -> headed sections: judgement areas and the report's fixed parts (summary, improvements...)."""

from __future__ import annotations

import re

from loaders.records import Report, Section

__all__ = [
    "AREA_LABELS",
    "BOARD_SECTIONS",
    "GRADE",
    "NO_FINDING_SECTIONS",
    "area_of",
    "heading_kind",
    "interleaved_heading",
    "is_part_heading",
    "split_sections",
]

GRADE = r"(?P<grade>outstanding|good|requires?\s+improvement(?:\s+to\s+be\s+good)?|inadequate|adequate)"

# (regex of the area's name as reports print it, area id, covers care leavers); order matters: the
# 'children in care and care leavers' of ILACS 2018-2023 before the later 'children in care'.
AREA_LABELS: tuple[tuple[str, str, bool], ...] = (
    (r"(?:children\s+)?who\s+need\s+help\s+and\s+protection", "help-and-protection", False),
    (r"(?:children\s+)?looked\s+after\s+and\s+achieving\s+permanence", "children-in-care", False),
    (r"children\s+in\s+care\s+and\s+care\s+leavers", "children-in-care", True),
    (r"children\s+in\s+care", "children-in-care", False),
    (r"care\s+leavers", "care-leavers", False),
    (r"adoption\s+performance", "adoption", False),
    (r"leadership,?\s+management\s+and\s+governance", "leadership", False),
    (r"impact\s+of\s+leaders\s+on\s+social\s+work\s+practice\s+with\s+children\s+and\s+families", "leadership", False),
    (r"overall\s+effectiveness", "overall-effectiveness", False),
)
_LABEL = "|".join(f"(?P<a{i}>{label})" for i, (label, _, _) in enumerate(AREA_LABELS))
_PREFIX = (
    r"(?:\d{1,2}(?:\.\d)?\.?\s+)?(?:inspection\s+judgements?\s+about\s+the\s+local\s+authority\s+)?"
    r"(?:the\s+)?(?:graded\s+judge?ment\s+(?:for|about|on)\s+(?:the\s+)?)?(?:experiences?\s+and\s+progress\s+of\s+)?"
)
AREA_HEADING = re.compile(
    rf"^{_PREFIX}(?:{_LABEL})(?:[\s:\-–]+(?:(?:is|are)\s*:?\s+)?(?:that\s+it\s+(?:is\s+)?)?{GRADE})?\.?$", re.I
)

# The LSCB judgement and the SIF chapter that reviews the safeguarding board: about the board, not the authority
BOARD_SECTIONS = frozenset(("lscb", "lscb-review"))
# Sections that describe rather than judge: the area's figures, the inspection's own particulars, and what the
# grades mean ("An inadequate LSCB does not demonstrate that it has effective arrangements")
NO_FINDING_SECTIONS = frozenset(("area-information", "inspection-information", "judgement-descriptors"))

_KIND_HEADINGS: tuple[tuple[str, str], ...] = (
    ("executive-summary", r"executive\s+summary|summary"),
    ("key-findings", r"summary\s+of\s+(?:key\s+)?findings|key\s+findings"),
    ("strengths", r"the\s+local\s+authority's\s+strengths|strengths|what\s+the\s+local\s+authority\s+does\s+well"),
    (
        "improvements",
        r"what\s+needs\s+to\s+improve\??(?:\s+in\s+this\s+area)?|what\s+does\s+the\s+(?:local\s+authority|lscb)"
        r"\s+need\s+to\s+improve\??|areas\s+for\s+(?:improvement|priority\s+action)|priority\s+and\s+immediate\s+action"
        r"|recommendations",
    ),
    ("summary-for-children", r"summary\s+for\s+children(?:\s+and\s+young\s+people)?"),
    ("area-information", r"information\s+about\s+(?:this|the)\s+local\s+authority\s+area"),
    ("inspection-information", r"information\s+about\s+this\s+inspection|the\s+inspection\s+team"),
    ("judgement-descriptors", r"what\s+the\s+inspection\s+judge?ments\s+mean(?::\D*)?"),
    (
        "lscb-review",
        r"(?:section\s+2:\s*)?(?:the\s+)?(?:effectiveness\s+of\s+the\s+)?local\s+safeguarding\s+children\s+board"
        r"(?:\s+\(LSCB\))?(?:\s+requires\s+improvement|\s+is\s+\w+)?|the\s+lscb"
        # the chapter's heading wrapped before "Children Board" (and once printed without "of the")
        r"|section\s+2:\s*the\s+effectiveness\s+(?:of\s+the\s+)?local\s+safeguarding(?:\s+children\s+board)?"
        # the LSCB chapter's findings follow its own summary and recommendations under this heading
        r"|inspection\s+findings\s*[–─-]\s*the\s+local\s+safeguarding\s+children\s+board"
        r"|inspection\s+judgement\s+about\s+the\s+(?:lscb|local\s+safeguarding\s+children\s+board)",
    ),
    ("other", r"progress\s+since\s+the\s+last\s+inspection|contents|section\s+1:\s*the\s+local\s+authority"),
)
_KIND_HEADING = re.compile(
    r"^(?:" + "|".join(f"(?P<k{i}>{pattern})" for i, (_, pattern) in enumerate(_KIND_HEADINGS)) + r")$",
    re.I,
)
_LINE = re.compile(r"[^\n]+")


def area_of(match: re.Match[str]) -> tuple[str, bool]:
    """(area id, covers care leavers) of a match of a pattern built from _LABEL."""
    for i, (_, area, covers) in enumerate(AREA_LABELS):
        if match.group(f"a{i}"):
            return area, covers
    raise ValueError("no area label in match")


def split_sections(report: Report) -> list[Section]:
    """Sections from each recognised heading line to the next; text before the first is left out."""
    text = report.text
    front_end = _front_end(report)
    headings: list[tuple[int, str, str]] = []
    for line in _LINE.finditer(text):
        title = line.group().strip()
        if len(title) > 160 or line.start() < front_end:
            continue
        kind = heading_kind(title)
        if kind is not None:
            headings.append((line.start(), kind, title))
    sections: list[Section] = []
    if not headings:
        return sections
    for (start, kind, title), following in zip(headings, [*headings[1:], (len(text), "", "")], strict=True):
        sections.append(Section(kind=kind, title=title, start=start, end=following[0]))
    return _board_chapter(_merge_subheadings(sections))


# Headings that the LSCB chapter repeats for itself after its own heading: its summary, findings and list
_BOARD_CHAPTER_PARTS = frozenset(
    ("executive-summary", "key-findings", "strengths", "improvements", "summary-for-children")
)


def _board_chapter(sections: list[Section]) -> list[Section]:
    """The summary, recommendations and findings that follow an LSCB heading are about the board."""
    result, in_board = [], False
    for section in sections:
        if section.kind in BOARD_SECTIONS:
            in_board = True
        elif in_board and section.kind in _BOARD_CHAPTER_PARTS:
            section = Section("lscb-review", section.title, section.start, section.end)
        elif in_board and section.title.strip().lower() == "contents":
            pass  # an appended review's own table of contents: the chapter goes on after it
        else:
            in_board = False
        result.append(section)
    return result


def heading_kind(title: str) -> str | None:
    """Section kind (area id or section-kinds id) of a heading line, or None if the line is not a heading."""
    match = AREA_HEADING.match(title)
    if match and (match.group("grade") or len(title) < 110):
        if not title.lower().startswith("overall effectiveness") or match.group("grade"):
            return area_of(match)[0]
    interleaved = interleaved_heading(title)
    if interleaved is not None:
        return interleaved[0]
    match = _KIND_HEADING.match(title)
    if match:
        for i, (kind, _) in enumerate(_KIND_HEADINGS):
            if match.group(f"k{i}"):
                return kind
    return None


_GRADE_WORDS = re.compile(rf"\b{GRADE}\b", re.I)
_STRAY_MARKS = re.compile(r"^[\s().,:;]+")


def interleaved_heading(title: str) -> tuple[str, bool, str] | None:
    """(area id, covers care leavers, grade as printed) of a judgement heading into whose wrapped label a converter
    put the grade column, with stray marks before it: "The experiences and progress of children looked after and
    achieving Requires improvement permanence", ") . Inadequate children who need help and protection"; else None.
    The label without the grade and the marks must be a whole area heading."""
    if len(title) >= 110:  # checked first: every line of a report comes here
        return None
    grade = _GRADE_WORDS.search(title)
    if grade is None:
        return None
    before, after = title[: grade.start()], title[grade.end() :]
    if not before.strip() or not after.strip(" .:"):
        return None  # the grade opens the line ("Good leadership ...") or ends it (AREA_HEADING reads that)
    if not grade.group()[0].isupper() or not (_STRAY_MARKS.fullmatch(before) or re.search("[A-Za-z]", before)):
        return None  # a grade as a table prints it, after the label's first words or stray marks, not "• " or "34 "
    label = _STRAY_MARKS.sub("", f"{before} {after}")
    match = AREA_HEADING.match(" ".join(label.split()))
    if match is None or match.group("grade"):
        return None
    return (*area_of(match), grade.group("grade"))


def is_part_heading(line: str) -> bool:
    """Whether a line is the heading of one of the report's fixed parts ("Information about this local authority
    area", "Summary"), as opposed to a judgement area's, which a wrapped line of prose can look like ("Care
    Leavers.")."""
    return bool(_KIND_HEADING.match(line))


def _merge_subheadings(sections: list[Section]) -> list[Section]:
    """A bare 'Summary' under a judgement heading belongs to that judgement's section."""
    merged: list[Section] = []
    for section in sections:
        if merged and section.title.lower() == "summary" and merged[-1].kind not in ("executive-summary",):
            previous = merged[-1]
            merged[-1] = Section(previous.kind, previous.title, previous.start, section.end)
            continue
        merged.append(section)
    return merged


def _front_end(report: Report) -> int:
    """Offset where the front page's judgement table ends (0 where the report has none).

    The table is on the first page of a PDF. A text file has no pages, so the table ends at the first
    paragraph of prose after its first grade: an ILACS summary is followed, within a few thousand
    characters, by the first judgement heading with its grade, which must not count as part of the table.
    """
    limit = report.pages[0].end if report.source_format == "pdf" and report.pages else min(len(report.text), 6000)
    end = 0
    for line in _LINE.finditer(report.text, 0, limit):
        title = line.group().strip()
        match = AREA_HEADING.match(title)
        if (match and match.group("grade")) or _FRONT_GRADE.match(title):
            end = line.end()
        elif end and len(title) > 200:
            break
    return end


_FRONT_GRADE = re.compile(
    rf"^(?:the\s+effectiveness\s+of\s+the\s+local\s+safeguarding\s+children\s+board.*|{GRADE}\s*)$", re.I
)
