"""Report sections -> the recommendations listed under 'What needs to improve' and its variants."""

from __future__ import annotations

import re

from loaders.records import Recommendation, Report

__all__ = ["read_recommendations"]

_ITEM = re.compile(r"^(?:\u2022\s*|\d{1,2}[.)]\s+|[a-z]\)\s+)")
_LINE = re.compile(r"[^\n]+")


def read_recommendations(report: Report) -> list[Recommendation]:
    """The bulleted or numbered items of each improvements section, numbered from 1 across the report."""
    recommendations: list[Recommendation] = []
    for section in report.sections:
        if section.kind != "improvements":
            continue
        lines = list(_LINE.finditer(report.text, section.start, section.end))[1:]  # after the heading
        items = [line for line in lines if _ITEM.match(line.group())]
        for line in items:
            start = line.start() + _ITEM.match(line.group()).end()
            end = line.end()
            while end > start and report.text[end - 1] == " ":
                end -= 1
            if end - start < 10:
                continue
            recommendations.append(
                Recommendation(
                    text=report.text[start:end],
                    start=start,
                    end=end,
                    page=report.page_at(start),
                    number=len(recommendations) + 1,
                )
            )
    return recommendations
