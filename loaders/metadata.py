"""Report text -> framework, kind of inspection, authority, dates and lead inspector."""

from __future__ import annotations

import logging
import re
from datetime import date
from pathlib import Path

from loaders.errors import ReportError
from loaders.records import Report

__all__ = ["parse_date_range", "read_metadata"]

log = logging.getLogger(__name__)

_TITLE_CHARS = 3000  # the front page; titles and dates are printed there
_MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
}
_MONTH = r"(?:" + "|".join(_MONTHS) + r"|sept)"
_MONTHS.update({name[:3]: number for name, number in list(_MONTHS.items())})
_DATE_TOKEN = re.compile(
    rf"(?<!\d)(\d{{1,2}})/(\d{{1,2}})/(\d{{2,4}})(?!\d)|(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:\s+({_MONTH})\w*)?(?:,?\s+(\d{{4}}))?",
    re.I,
)
_SIF_TITLE = re.compile(r"(Re-)?inspection of services for children in need of help and protection", re.I)
_LSCB_REVIEW = re.compile(
    r"review\s+of\s+the\s+effectiveness\s+of\s+the\s+local\s+safeguarding\s+children\s+board", re.I
)
_ILACS_TITLE = re.compile(
    r"^Inspection of (?:children's social care services|local authority children's services"
    r"|(?P<name>.{2,90}?)\s+(?:local authority\s+)?children's services)\s*$",
    re.I | re.M,
)
_PRE_2013_TITLE = re.compile(
    r"inspection of safeguarding and looked after children services|Ofsted inspection of .{0,80}?protection of"
    r"\s+children|arrangements for the protection of children",
    re.I,
)
# Bodies of reports whose front page was lost in conversion still name their framework's judgements.
_SIF_BODY = re.compile(r"looked after and achieving\s+(?:\w+\s+){0,3}permanence|graded judgement for adoption", re.I)
_LSCB_BODY = re.compile(
    r"review\s+of\s+the\s+(?:effectiveness\s+of\s+the\s+)?(?:local\s+safeguarding\s+children\s+board|LSCB)\s+"
    r"(?:was\s+)?carried\s+out|^Section\s+2:?\s+the\s+effectiveness\s+of\s+the|^The\s+Local\s+Safeguarding\s+Children\s+Board"
    r"(?:\s+\(LSCB\))?\s+(?:is|requires)\b",
    re.I | re.M,
)
_ILACS_BODY = re.compile(r"impact of leaders on social work practice with children and families", re.I)
# Ofsted's letters after a visit between inspections judge nothing, yet quote the framework they were made under
_LETTER_TITLE = re.compile(
    r"^\s*(?P<kind>focused visit|monitoring visit|joint targeted area inspection|joint area inspection)\b",
    re.I | re.M,
)
_DATES_LINE = re.compile(r"^Inspection dates?\s*:?\s*(.+(?:\n.+)?)", re.I | re.M)
_PUBLISHED = re.compile(r"^(?:Report )?published\s*:?\s*(.+)$", re.I | re.M)
_INSPECTOR = re.compile(r"^Lead inspectors?\s*:\s*(.+)$", re.I | re.M)
_INSPECTOR_TITLES = re.compile(
    r",?\s*\b(?:and\s+)?(?:(?:Senior\s+)?HMI|(?:Her|His)\s+Majesty's\s+Inspector(?:\s+of\s+\w+)?|Judgement\s+Grade)\b\.?",
    re.I,
)
_NAME_SEPARATOR = re.compile(r"^and\s+|\s+and\s+|\s*;\s*", re.I)


def read_metadata(report: Report) -> None:
    """Fill the report's framework, inspection type, dates, inspector and authority; raise if not a report."""
    text = report.text
    head = text[:_TITLE_CHARS]
    report.framework, report.inspection_type, name = _read_framework(head, text, report.path)
    if report.framework is None:
        raise ReportError(
            report.path, "not an Ofsted children's services inspection report (no framework or judgements found)"
        )
    dates = _DATES_LINE.search(head)
    if dates:
        line = dates.group(1).split("\n")[0]
        if re.search(r"(?:\bto|\band|[-–—])\s*$", line):  # the range goes on to the next line
            line = dates.group(1)
        report.inspection_start, report.inspection_end = parse_date_range(line)
    if report.framework == "ilacs" and report.inspection_start and report.inspection_end:
        report.inspection_type = _ilacs_type(dates.group(1) if dates else "", report)
    published = _PUBLISHED.search(head)
    if published:
        report.published, _ = parse_date_range(published.group(1))
    report.lead_inspector = _read_inspector(text)
    _read_authority(report, name)


def _read_framework(head: str, text: str, path: Path) -> tuple[str | None, str | None, str | None]:
    """(framework, inspection type, authority name as written in the title) from the front page: its title, or
    else (a front page lost in conversion) the words of its framework in the body; a visit letter raises."""
    sif = _SIF_TITLE.search(head)
    if sif:
        name = _line_before(head, sif.start())
        if sif.group(1):
            return "sif", "re-inspection", name
        kind = (
            "sif-with-lscb-review"
            if _LSCB_REVIEW.search(head) or _LSCB_BODY.search(text)
            else "sif-local-authority-only"
        )
        return "sif", kind, name
    ilacs = _ILACS_TITLE.search(head)
    if ilacs:
        name = ilacs.group("name") or _line_before(head, ilacs.start())
        return "ilacs", None, name
    pre = _PRE_2013_TITLE.search(head)
    if pre:
        return "pre-2013", "standard", _line_before(head, pre.start())
    letter = _LETTER_TITLE.search(head)
    if letter:  # before the body's words, which a letter quotes
        raise ReportError(
            path, f"a {letter.group('kind').lower()} letter, not an inspection report: it gives no judgements"
        )
    if _SIF_BODY.search(text):
        kind = "sif-with-lscb-review" if _LSCB_BODY.search(text) else None
        return "sif", kind, None
    if _ILACS_BODY.search(text):
        return "ilacs", None, None
    return None, None, None


def _line_before(text: str, offset: int) -> str | None:
    """The non-empty line before offset: where the front page prints the authority's name."""
    lines = [line.strip() for line in text[:offset].split("\n") if line.strip()]
    return lines[-1] if lines else None


def _ilacs_type(dates_text: str, report: Report) -> str | None:
    """'short' for one week on site, 'standard' for two; None where the dates do not make it plain."""
    if re.search(r"\band\b", dates_text.split("\n")[0] if dates_text else ""):
        return None  # split visits: the span does not show the length of the inspection
    days = (report.inspection_end - report.inspection_start).days
    if days <= 6:
        return "short"
    if days >= 9:
        return "standard"
    return None


def parse_date_range(value: str) -> tuple[date | None, date | None]:
    """(first day, last day) of a printed date or date range; a day missing its month or year takes the next's.

    >>> parse_date_range("29 April – 22 May 2014")
    (datetime.date(2014, 4, 29), datetime.date(2014, 5, 22))
    """
    tokens: list[list[int | None]] = []
    for match in _DATE_TOKEN.finditer(value):
        if match.group(1):
            year = int(match.group(3))
            tokens.append([int(match.group(1)), int(match.group(2)), year + 2000 if year < 100 else year])
        else:
            month = match.group(5)
            tokens.append(
                [
                    int(match.group(4)),
                    _MONTHS[month.lower()[:3]] if month else None,
                    int(match.group(6)) if match.group(6) else None,
                ]
            )
    for later, earlier in zip(reversed(tokens), list(reversed(tokens))[1:], strict=False):
        earlier[1] = earlier[1] or later[1]
        earlier[2] = earlier[2] or later[2]
    days = []
    for day, month, year in tokens:
        if month and year:
            try:
                days.append(date(year, month, day))
            except ValueError:
                log.debug("not a date: %s %s %s", day, month, year)
    if not days:
        return None, None
    return min(days), max(days)


def _read_inspector(text: str) -> str | None:
    match = _INSPECTOR.search(text)
    if not match:
        return None
    names = []
    for part in _INSPECTOR_TITLES.split(match.group(1)):
        # "A, HMI, and B, HMI" leaves ", and B" between the titles
        names.extend(_NAME_SEPARATOR.split(part.strip(" ,.;")))
    names = [name.strip(" ,.;") for name in names]
    names = [name for name in names if name and not name.lower().startswith("judgement")]
    return "; ".join(names) if names else None  # several inspectors as the gold standard writes them


def _read_authority(report: Report, name: str | None) -> None:
    from loaders.authorities import find_authority, find_authority_in

    on = report.inspection_start
    if name:
        name = re.sub(r"^\d+\s+", "", name).strip()
        report.authority_as_written = name
        report.authority = find_authority(name, on=on)
    if report.authority is None:
        report.authority = find_authority_in(report.text, on=on)
    if report.authority is None:
        written = f"'{name}'" if name else "none named on the front page"
        raise ReportError(report.path, f"authority not found in the authorities table ({written})")
