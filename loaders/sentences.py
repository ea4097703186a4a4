"""Report text -> sentences with page, section, paragraph number and offsets (a fast rule-based splitter)."""

from __future__ import annotations

import bisect
import re

from loaders.records import Report, Sentence
from loaders.sections import AREA_HEADING
from loaders.text import BULLET

__all__ = ["split_sentences", "split_spans"]

# Words whose full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "e.g i.e eg ie no nos st mr mrs ms dr prof etc vs approx cf para paras fig ref dept govt inc ltd co"
    " jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_END = re.compile(r"[.?!]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9\u2022])")
_MARKER = re.compile(r"^(?:\u2022\s*|(?P<number>\d{1,3})\.(?!\d)\s+|\d{1,2}\.\d{1,2}\.?\s+|[a-z]\)\s+|\(\w{1,3}\)\s+)")
_LINE = re.compile(r"[^\n]+")
# SIF's "(Recommendation)" after a paragraph's last sentence marks it as the ground of a recommendation: no finding
_MARK = re.compile(r"\(recommendations?\.?\)\.?", re.I)  # also "(Recommendation.)"
_PAGE_NUMBER_END = re.compile(r"\s\d{1,3}$")  # a contents line's page number
_SENTENCE_END = re.compile(r"[.?!]")
# Ofsted's back page (who Ofsted is, other formats, the licence) ends every report: page furniture, not findings.
# It opens with a line about Ofsted itself, sometimes after a note on complaints or "Interested in our work?";
# those weaker openings count only with the line about Ofsted close after them.
_OFSTED_LINE = re.compile(
    r"^The Office for Standards in Education, Children['’]s Services and Skills \(Ofsted\) regulates and inspects", re.M
)
_BACK_PAGE_OPENING = re.compile(
    r"^(?:Any complaints about the inspection or the report|Interested in our work\?"
    r"|If you would like a copy of this document in a different format)",
    re.M,
)
_OPENING_TO_OFSTED_LINE = 2000  # characters
_WORD = re.compile(r"[A-Za-z]+")


def split_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in one line of prose; abbreviations, initials and decimals do not end one."""
    spans = []
    start = 0
    for match in _END.finditer(line):
        end = match.end()
        if match.group().startswith(".") and _is_abbreviation(line, match.start()):
            continue
        spans.append((start, end))
        start = end
        while start < len(line) and line[start] == " ":
            start += 1
    if start < len(line):
        spans.append((start, len(line)))
    return spans


def _is_abbreviation(line: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and (line[word_start - 1].isalpha() or line[word_start - 1] == "."):
        word_start -= 1
    word = line[word_start:dot].lower()
    if word in _ABBREVIATIONS:
        return True
    return len(word) == 1 and line[dot - 1].isupper()  # an initial: "Fiona J. Millns"


def split_sentences(report: Report) -> list[Sentence]:
    """Sentences of the report's prose; headings, table rows and page furniture are left out."""
    text = report.text
    page_starts = [page.start for page in report.pages]
    section_starts = [section.start for section in report.sections]
    headings = set(section_starts)
    sentences: list[Sentence] = []
    paragraph: int | None = None
    section_index = -1
    furniture = _back_pages(report)
    for line_match in _LINE.finditer(text):
        line_start = line_match.start()
        if any(start <= line_start < end for start, end in furniture):
            continue
        line = line_match.group()
        if line_start in headings or _is_heading_row(line):
            continue
        while section_index + 1 < len(section_starts) and section_starts[section_index + 1] <= line_start:
            section_index += 1
            paragraph = None
        section = report.sections[section_index].kind if section_index >= 0 else None
        marker = _MARKER.match(line)
        offset = 0
        if marker:
            offset = marker.end()
            if marker.group("number"):
                paragraph = int(marker.group("number"))
            elif not line.startswith(BULLET):
                continue  # "2.1 Adoption performance": a table row or sub-heading
        body = line[offset:]
        if not _is_prose(body):
            continue
        for start, end in split_spans(body):
            start, end = _trim(body, start, end)
            if end - start < 3 or not _WORD.search(body[start:end]) or _MARK.fullmatch(body, start, end):
                continue
            absolute = line_start + offset + start
            page_index = bisect.bisect_right(page_starts, absolute) - 1
            page = report.pages[max(page_index, 0)].number if report.pages else None
            sentences.append(
                Sentence(
                    text=text[absolute : line_start + offset + end],
                    start=absolute,
                    end=line_start + offset + end,
                    page=page,
                    section=section,
                    paragraph=paragraph,
                    index=len(sentences),
                )
            )
    return sentences


def _is_heading_row(line: str) -> bool:
    """A heading outside the sections' own heading lines: a row of the front page's grade table ("The impact of
    leaders on social work practice with children and families Good") or of the contents ("... help and
    protection 11"). Not a finding, though long enough to pass for prose."""
    line = line.strip()
    if _PAGE_NUMBER_END.search(line[-4:]) and not _SENTENCE_END.search(line):  # a `$` search scans the line
        return True  # a contents row, or two run together: "Section 2: ... board 31 What the ... mean: the LSCB 34"
    return bool(AREA_HEADING.match(line))


def _back_pages(report: Report) -> list[tuple[int, int]]:
    """(start, end) of Ofsted's back page in the text: from its first line to the next section heading, if a
    document follows it (an LSCB review appended to the authority's report, Hull 2015), or to the end."""
    text = report.text
    starts = []
    for ofsted in _OFSTED_LINE.finditer(text):
        window = text.rfind("\n", 0, max(0, ofsted.start() - _OPENING_TO_OFSTED_LINE)) + 1
        opening = _BACK_PAGE_OPENING.search(text, window, ofsted.start())
        starts.append(opening.start() if opening else ofsted.start())
    ranges = []
    for start in starts:
        end = next((section.start for section in report.sections if section.start > start), len(text))
        ranges.append((start, end))
    return ranges


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start] in " \t":
        start += 1
    while end > start and body[end - 1] in " \t":
        end -= 1
    return start, end


def _is_prose(body: str) -> bool:
    """A line of prose has a few words and ends a sentence, or is long enough not to be a heading."""
    words = body.split()
    if len(words) < 4 or "\t" in body:
        return False
    return body.rstrip()[-1:] in ".?!:;)'\"" or len(words) >= 12
