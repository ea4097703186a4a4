"""Report text -> the recommendations listed under 'What needs to improve' and its variants.

SIF reports number them ("27. Ensure that ...") under "What does the local authority need to improve?" (and
"What does the LSCB need to improve?" or a later "Recommendations"), split into "Priority and immediate action"
and "Areas for improvement"; ILACS reports bullet them under "What needs to improve?". The list is found from its
heading line, not from the sections, because ILACS prints it among the front page's lines.
"""

from __future__ import annotations

import re

from loaders.records import Recommendation, Report
from loaders.sections import AREA_HEADING, heading_kind
from loaders.text import BULLET

__all__ = ["read_recommendations"]

_HEADING = re.compile(
    r"^(?:what\s+needs\s+to\s+improve(?:\s+in\s+this\s+(?:local\s+authority|area))?\??"
    r"|what\s+does\s+the\s+(?:local\s+authority|lscb)\s+need\s+to\s+improve\??"
    r"|recommendations|areas\s+for\s+(?:improvement|priority\s+action)|priority\s+and\s+immediate\s+action)\s*:?$",
    re.I,
)
_NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+")
_BULLETED = re.compile(rf"^{BULLET}\s*")
_LINE = re.compile(r"[^\n]+")
_MIN_CHARS = 10  # shorter items are stray marks or page numbers, not recommendations
# A line that ends a list: a short capitalised line with no closing punctuation is the next heading.
_HEADING_WORDS = 12
_CLOSING = ".;:,)"
# Recommendations are instructions: they start with one of these verbs, or say what someone should do.
_VERBS = frozenset(
    "accelerate address agree align analyse audit better bring build carry challenge check clarify collate commission"
    " complete confirm consider consolidate continue coordinate create deliver develop devise embed enable engage"
    " enhance ensure establish evaluate expedite extend focus give hold identify implement improve increase integrate"
    " introduce maintain make measure monitor offer place prioritise produce progress promote provide publish raise"
    " recruit reduce reinforce report respond review revise scrutinise secure seek set share strengthen streamline"
    " support sustain tackle take track train undertake update use visit work working"
    " appoint assess eliminate encourage expand explore involve minimise prevent protect reconsider refine resolve"
    " restore revisit simplify specify tighten understand".split()
)
_OBLIGATION = re.compile(r"\b(?:should|must|needs?\s+to)\b", re.I)
# "The Adoption Panel Chair to report annually ...", "The BSCB to improve ...": a body or role, then what it is to do
_WHO_IS_TO = re.compile(
    r"^(?:the |a |an |all )?(?:[a-z-]+ ){0,4}"
    r"(?:chair|director|board|panel|partners|partnership|[a-z]{0,2}scb|council|authority|managers|leaders|service|team)s?"
    r" to ([a-z]+)\b"
)
_WORD = re.compile(r"[a-z]+")


def read_recommendations(report: Report) -> list[Recommendation]:
    """Each bulleted or numbered item of every improvement list, numbered from 1 across the report.

    Text is the exact slice report.text[start:end]; an item wrapped over several lines or pages keeps its line
    breaks, and the page furniture between them was already removed by loaders.pages.
    """
    text = report.text
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        start, end = lines[index]
        index += 1
        if _HEADING.match(text[start:end]):
            found, index = _read_list(text, lines, index)
            spans.extend(found)
    recommendations = []
    for start, end in spans:
        recommendations.append(
            Recommendation(
                text=text[start:end],
                start=start,
                end=end,
                page=report.page_at(start),
                number=len(recommendations) + 1,
            )
        )
    return recommendations


def _read_list(text: str, lines: list[tuple[int, int]], index: int) -> tuple[list[tuple[int, int]], int]:
    """(item spans, index of the first line after the list) of the list that starts at lines[index]."""
    items: list[list[int]] = []  # [start, end] of each item
    marker: re.Pattern[str] | None = None  # the list's kind: numbered or bulleted, from its first item
    while index < len(lines):
        start, end = lines[index]
        line = text[start:end]
        following = text[lines[index + 1][0] : lines[index + 1][1]] if index + 1 < len(lines) else ""
        if _HEADING.match(line):  # "Areas for improvement" under "What does the local authority need to improve?"
            index += 1
            continue
        # the report's next part, unless it is a judgement area's name over the instructions about it ("Help and
        # protection" then "4. Ensure that assessments ...", in SIF lists grouped by area)
        if heading_kind(line) is not None and not _heads_instructions(line, following):
            break
        if marker is None:
            marker = _NUMBERED if _NUMBERED.match(line) else _BULLETED if _BULLETED.match(line) else None
            if marker is None and _is_subheading(line) and (_NUMBERED.match(following) or _BULLETED.match(following)):
                index += 1  # "Child protection": a topic heading over the first items
                continue
            if marker is None:
                break  # a heading without a list: a contents line or a sentence that looks like one
        numbered = marker is _NUMBERED
        item = marker.match(line)
        if item and numbered and items and not _is_instruction(line[item.end() :]):
            break  # the report's numbered paragraphs go on after the list under a heading not known here
        if item:
            items.append([start + item.end(), end])
        elif items and _is_subheading(line) and marker.match(following) and _is_instruction_item(following):
            pass  # a topic heading between items; "Key strengths and weaknesses" over findings ends the list
        elif items and numbered and _starts_paragraph(text, start, items[-1]) and _is_instruction(line):
            items.append([start, end])  # OCR lost the item's number but kept the blank line before it
        elif items and _continues(line, text[items[-1][0] : items[-1][1]], numbered):
            items[-1][1] = end
        else:
            break
        index += 1
    if marker is _NUMBERED and items and not _is_instruction(text[items[0][0] : items[0][1]]):
        return [], index  # numbered paragraphs of findings under a misplaced heading, not recommendations
    spans = [(start, end) for start, end in items if end - start >= _MIN_CHARS]
    return spans, index


def _heads_instructions(line: str, following: str) -> bool:
    """A judgement area's name whose next line is a numbered or bulleted instruction: a topic heading in the list
    (not the area's chapter, whose first numbered paragraph is a finding)."""
    return AREA_HEADING.match(line) is not None and _is_subheading(line) and _is_instruction_item(following)


def _is_instruction_item(line: str) -> bool:
    """A numbered or bulleted line whose text, after its number or bullet, reads as a recommendation."""
    item = _NUMBERED.match(line) or _BULLETED.match(line)
    return item is not None and _is_instruction(line[item.end() :])


def _starts_paragraph(text: str, start: int, item: list[int]) -> bool:
    """A line after a blank line, the item before it finished: a new item whose number OCR lost."""
    return text[start - 2 : start] == "\n\n" and text[item[1] - 1] in ".;"


def _is_subheading(line: str) -> bool:
    """A short capitalised line with no closing punctuation: a heading, not prose."""
    return len(line.split()) <= _HEADING_WORDS and line[-1] not in _CLOSING and line[0].isupper()


def _is_instruction(item: str) -> bool:
    """Whether a numbered item reads as a recommendation, not as a finding ('The board has ...').

    >>> _is_instruction("Where cases are closed, ensure that decisions are based on an assessment.")
    True
    >>> _is_instruction("Core membership of the Board meets statutory requirements.")
    False
    >>> _is_instruction("For children looked after, review and update their plans regularly.")
    True
    >>> _is_instruction("The LSCB does not ensure that children needing assessment, support and help are safe.")
    False
    >>> _is_instruction("The Adoption Panel Chair to report annually to the local authority.")
    True
    >>> _is_instruction("Leaders acted quickly to strengthen the front door.")
    False
    """
    words = _WORD.findall(item[:300].lower())
    if not words:
        return False
    if _is_verb(words[:2]):  # "Ensure that ...", "Urgently review ..."
        return True
    sentence = item.split(". ", 1)[0]
    if _OBLIGATION.search(sentence):  # "Senior leaders should ...", "The board needs to ..."
        return True
    who_is_to = _WHO_IS_TO.match(" ".join(words[:8]))
    if who_is_to and who_is_to.group(1) in _VERBS:
        return True
    # "Where there is a plan ..., ensure that ...", "For children looked after, review and update ..."; not the last
    # of a list of nouns ("needing assessment, support and intervention")
    clauses = (_WORD.findall(clause.lower())[:3] for clause in sentence.split(", ")[1:])
    return any(_is_verb(words) and not _nouns_joined(words) for words in clauses)


def _nouns_joined(words: list[str]) -> bool:
    """'support and intervention': a word that could be a verb, joined to one that is not."""
    return len(words) == 3 and words[1] in ("and", "or") and words[2] not in _VERBS


def _is_verb(words: list[str]) -> bool:
    if len(words) > 1 and (words[0].endswith("ly") or words[0] == "further"):  # "Urgently review", "Further develop"
        words = words[1:]
    return bool(words) and words[0] in _VERBS


def _continues(line: str, item: str, numbered: bool) -> bool:
    """Whether a line carries on the item before it rather than starting what follows the list."""
    if AREA_HEADING.match(line):
        return False
    if line[0].islower():
        return True
    if line.startswith(BULLET):  # sub-points of a numbered recommendation ("monitoring of: • complex cases")
        return numbered
    if _is_subheading(line):
        return False
    # Numbered items run to the next number; a bulleted item only goes on if it stopped mid-sentence.
    return numbered or item[-1] not in ".;"
