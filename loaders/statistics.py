"""Report sentences -> area statistics and the previous inspection results the report states."""

from __future__ import annotations

import re

from loaders.metadata import parse_date_range
from loaders.records import PreviousResult, Report, Statistic
from loaders.sections import GRADE

__all__ = ["read_previous_results", "read_statistics"]

_NUMBER = r"(?P<value>\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_AS_AT = r"(?:(?:at|on|as\s+at)\s+(?P<date>\d{1,2}\s+\w+\s+\d{4}),?\s+)?"
_MEASURES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "child-population",
        "under the age of 18",
        re.compile(rf"{_NUMBER}\s+children\s+and\s+young\s+people\s+under\s+the\s+age\s+of\s+18", re.I),
    ),
    (
        "children-in-need",
        "identified",
        re.compile(rf"{_AS_AT}{_NUMBER}\s+children\s+(?:had\s+been|have\s+been|were)\s+identified", re.I),
    ),
    (
        "child-protection-plans",
        "child protection plan",
        re.compile(
            rf"{_AS_AT}{_NUMBER}\s+children(?:\s+and\s+young\s+people)?\s+were\s+the\s+subject\s+of\s+a\s+child\s+protection\s+plan",
            re.I,
        ),
    ),
    (
        "privately-fostered-children",
        "privately arranged",
        re.compile(
            rf"{_AS_AT}{_NUMBER}\s+children\s+(?:lived|were\s+living|are\s+living)\s+in\s+a\s+privately\s+arranged",
            re.I,
        ),
    ),
    (
        "children-looked-after",
        "looked after",
        re.compile(
            rf"{_AS_AT}{_NUMBER}\s+children(?:\s+and\s+young\s+people)?\s+(?:are|were)\s+(?:being\s+)?looked\s+after",
            re.I,
        ),
    ),
)
_RATE = re.compile(r"rate\s+of\s+(?P<value>\d+(?:\.\d+)?)\s+per\s+10,000", re.I)
_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_PREVIOUS = re.compile(rf"\b(?:was|were)\s+(?:judged|found)\s+(?:to\s+be\s+|as\s+)?{GRADE}", re.I)
_WHEN = re.compile(
    r"(?:(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?P<year>20[01]\d)"
)
_AREAS = (
    ("adoption", re.compile(r"adoption", re.I)),
    ("help-and-protection", re.compile(r"safeguarding|help and protection", re.I)),
    ("children-in-care", re.compile(r"looked after children|children in care", re.I)),
)


def _value(text: str) -> float:
    return float(_WORDS.get(text.lower(), text.replace(",", "") if text[0].isdigit() else 0))


def read_statistics(report: Report) -> list[Statistic]:
    """Counts and rates per 10,000 from 'Information about this local authority area'."""
    sentences = [s for s in report.sentences if s.section == "area-information"] or report.sentences
    statistics: list[Statistic] = []
    seen: set[tuple[str, str]] = set()
    for index, sentence in enumerate(sentences):
        lowered = sentence.text.lower()
        for measure, keyword, pattern in _MEASURES:
            if keyword not in lowered:  # a cheap test first: most sentences hold no statistic
                continue
            match = pattern.search(sentence.text)
            if not match:
                continue
            as_at = (
                parse_date_range(match.group("date"))[0]
                if "date" in pattern.groupindex and match.group("date")
                else None
            )
            if (measure, "count") in seen:
                continue
            seen.add((measure, "count"))
            statistics.append(
                Statistic(measure, _value(match.group("value")), "count", as_at, sentence.text, sentence.page)
            )
            for follower in sentences[index : index + 2]:
                rate = _RATE.search(follower.text)
                if rate and (measure, "rate") not in seen:
                    seen.add((measure, "rate"))
                    statistics.append(
                        Statistic(
                            measure, float(rate.group("value")), "rate-per-10000", as_at, follower.text, follower.page
                        )
                    )
                    break
    return statistics


def read_previous_results(report: Report) -> list[PreviousResult]:
    """Results of earlier inspections stated in the report ('...was judged to be good in May 2012')."""
    from loaders.judgements import grade_id

    results = []
    for sentence in report.sentences:
        match = _PREVIOUS.search(sentence.text)
        if not match or "inspect" not in sentence.text.lower():
            continue
        when = _WHEN.search(sentence.text)
        if when is None:
            continue
        area = next((area for area, pattern in _AREAS if pattern.search(sentence.text)), "overall-effectiveness")
        month = when.group("month")
        results.append(
            PreviousResult(
                grade=grade_id(match.group("grade")),
                area=area,
                year=int(when.group("year")),
                month=parse_date_range(f"1 {month} 2000")[0].month if month else None,
                text=sentence.text,
            )
        )
    return results
