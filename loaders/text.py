"""Character- and line-level clean-up of what PDF extraction, OCR and text converters leave behind."""

from __future__ import annotations

import re

from loaders.sections import is_part_heading

__all__ = ["BULLET", "GRADE_START", "normalise_text", "separate_lines"]

BULLET = "•"  # every bullet glyph becomes this one, followed by a space

_CHAR_MAP = str.maketrans(
    {
        "\r": "\n",
        "\x02": "-",  # pypdfium2 marks a line-end hyphen with U+0002 (older) or U+FFFE (newer)
        "\ufffe": "-",
        "\u2011": "-",
        "\u00ad": "",  # soft hyphen: the word was only split for layout
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200b": "",
        "\ufeff": "",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\u0142": "h",  # OCR reads a damaged 'h' as 'ł' ("Cł ildren")
        "\u00b9": "",  # superscript footnote markers
        "\u00b2": "",
        "\u00b3": "",
        "\u2070": "",
        "\u2074": "",
        "\u2075": "",
        "\u2076": "",
    }
)

_MAPPED_CHAR = re.compile("[" + re.escape("".join(map(chr, _CHAR_MAP))) + "]")
_MARKUP_CHAR = re.compile(r"[#*_<$]")

# Glyphs that start a bulleted line: PDF private-use symbols, dashes, and what OCR made of round bullets.
_BULLET_LINE = re.compile(
    r"^[ \t]*(?:[\uf06e\uf02d\uf0be\uf0b7\uf0a7\uf0d8\uf076\uf0fc◼▪■●•◦○‣⁃∙·─―−—–*]|[-](?=\s)"
    r"|[B®me©«¢o](?=[ \t]+[A-Z0-9'\"(]))"
    r"[ \t]+",
    re.M,
)
_NUMBERED_BULLET = re.compile(r"^[ \t]*[-*•][ \t]+(?=\d{1,3}\.\s)", re.M)  # "- 1. The majority" (markdown)
_MARKDOWN = re.compile(
    r"^[ \t]*#{1,6}[ \t]+|\*\*|__|<sup>[^<]*</sup>|\$\\ensuremath\{\\mathsf\{([^}]*)\}\}\^\d+\$", re.M
)
_WORD_TAB = re.compile(r"(?<=\b[A-Z][a-z])\t(?=[a-z])")
_SPACES = re.compile(r"[ \u3000]{2,}")
# The hyphen comes first so that the regex engine can skip to it (a leading lookbehind is tried at every letter).
_LINE_END_HYPHEN = re.compile(r"-(?<=[A-Za-z]-)[ \t]*\n[ \t]*(?=[a-z])")
_BLANKS = re.compile(r"\n{3,}")
# A footnote number printed as a digit glued to a word ("special schools3, of whom", "LSCB2."): only after a
# lower-case word of four or more letters or a few names that footnotes follow, never in "Catch22" or "Erle4".
_FOOTNOTE_MARK = re.compile(r"\b([a-z]{4,}|Board|LSCB|LSCBs|Partnership)[1-9](?=[\s,.;:)]|$)")

GRADE_START = re.compile(r"(?:outstanding|good|requires?\b|inadequate|adequate|grade\b)", re.I)
_LIST_START = re.compile(rf"(?:{BULLET}|\d{{1,3}}(?:\.\d{{1,2}})?[.)]?\s|[a-z]\)\s|\(\w{{1,3}}\)\s)")
# A figure that opens a wrapped line of prose: "20 miles", "1,826 at", "26% were", "2014 and", "16- and",
# "17-year-olds", a year or financial year ("2013.", "2014–15, 19%"), a percentage ("86%."), a range ("16–18
# years"). Not a bare number before a full stop: "19. Inspectors" may be an age or the next numbered paragraph.
_FIGURE_IN_PROSE = re.compile(
    r"(?:\d{1,3}(?:,\d{3})*|\d{4})[%-]?,? [a-z]|\d{1,2}-[a-z]"
    r"|(?:19|20)\d\d(?:\s*[–−/-]\s*\d\d(?:\d\d)?)?(?![\d.]\d)|\d{1,3}(?:\.\d+)?%|\d{1,3}\s*[–−]\s*\d{1,3} [a-z]"
)
_YEAR_RANGE_END = re.compile(r"\b(?:19|20)\d\d[-–/]$")
_YEAR_RANGE_REST = re.compile(r"\d\d\b(?![.,]?\d)")
_FIELD = re.compile(r"[A-Z][\w ]{2,30}:|Inspection dates?\b|Report published|Lead inspector")
# The *_END patterns are searched in the last few characters only (a `$` search scans the whole line).
_GRADE_END = re.compile(r"(?:outstanding|good|improvement|inadequate|adequate)$", re.I)
_REQUIRES_END = re.compile(r"\brequires?$", re.I)
_RECOMMENDATION_END = re.compile(r"\(recommendations?\.?\)$", re.I)
_JOIN_END = re.compile(r"[a-z,;\-'(/&]$|[0-9)%\"]$")


def _markdown(match: re.Match[str]) -> str:
    return match.group(1) or ""


def _replace_char(match: re.Match[str]) -> str:
    return _CHAR_MAP[ord(match.group())]


def normalise_text(raw: str) -> str:
    r"""Return raw extracted text with clean characters, one bullet glyph, and no stray markup or spacing.

    >>> normalise_text("multi-\r\nagency \u2019\ufb01le\u2019\n\uf0b7  item")
    "multi-agency 'file'\n• item"
    """
    # str.translate with a dict is slow on non-ASCII text (4 ms a report); a regex finds the few characters to map.
    text = _MAPPED_CHAR.sub(_replace_char, raw.replace("\r\n", "\n"))
    if _MARKUP_CHAR.search(text):  # markdown and HTML leftovers come only from text converters
        text = _MARKDOWN.sub(_markdown, text)
    text = _NUMBERED_BULLET.sub("", text)
    text = _BULLET_LINE.sub(BULLET + " ", text)
    if "\t" in text:
        text = _WORD_TAB.sub("", text)  # OCR split a word at a table cell ("Ch\tildren")
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip(" ") for line in text.split("\n"))
    text = _LINE_END_HYPHEN.sub("-", text)  # "multi-\nagency": keep the hyphen, join the word
    text = _FOOTNOTE_MARK.sub(r"\1", text)
    return _BLANKS.sub("\n\n", text)


def _joins(previous: str, line: str) -> bool:
    """Whether line continues the wrapped prose line before it."""
    if not previous or not line or "\t" in previous or line.startswith(BULLET):
        return False
    first = line[0]
    if first.islower() and not _LIST_START.match(line):
        return True
    if _GRADE_END.search(previous[-12:]):
        return False  # a judgement's grade line ends its own row
    if _FIGURE_IN_PROSE.match(line) and len(previous) >= 60 and (previous[-1].islower() or previous[-1] == ","):
        return True  # "placed more than" / "20 miles from home": a wrapped figure, not a numbered item
    if len(previous) < 65 or _LIST_START.match(line) or GRADE_START.match(line) or _FIELD.match(line):
        return False
    if not (first.isupper() or first in "'\"(£"):
        return False
    if is_part_heading(line):
        return False  # "Information about this local authority area" after a list of names is a heading
    end = previous[-1]
    if end == ")" and _RECOMMENDATION_END.search(previous[-18:]):
        return False  # SIF paragraphs end "... (Recommendation)"; the next line starts afresh, often a heading
    if end.isdigit() or end in ')%"':
        return len(previous) >= 60
    return bool(_JOIN_END.search(previous[-1:]))


def separate_lines(previous: str, line: str, blank: bool) -> str:
    """Return what goes between two non-empty lines: ' ' (wrapped prose), '' (a financial year wrapped at its dash),
    '\n' or '\n\n' (after a blank line).

    A line that starts in lower case continues the one before even across a blank line, which OCR and
    converters leave when they split a sentence.
    """
    if not blank and _YEAR_RANGE_END.search(previous[-8:]) and _YEAR_RANGE_REST.match(line):
        return ""  # a financial year wrapped at its dash: "in 2014–" / "15 to the current ..."
    if line.startswith("to be good") or (
        _REQUIRES_END.search(previous[-10:]) and line.lower().startswith("improvement")
    ):
        return " "  # a grade split over two table lines
    if (
        line[0].islower()
        and not _LIST_START.match(line)
        and "\t" not in previous
        and not _GRADE_END.search(previous[-12:])
    ):
        return " "
    if blank:
        return "\n\n"
    return " " if _joins(previous, line) else "\n"
