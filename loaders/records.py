"""Plain records handed between the loader steps and on to the graph layer.

Every id held in a record (area, grade, theme, ...) is a concept id from ontology/schemes/, spelled as in
design/concepts.md. Offsets are character offsets into Report.text, the whole normalised text of the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

__all__ = [
    "Authority",
    "Finding",
    "Judgement",
    "Page",
    "PreviousResult",
    "Recommendation",
    "Report",
    "Section",
    "Sentence",
    "Statistic",
]


@dataclass(frozen=True, slots=True)
class Authority:
    """A local authority as the package's authorities table knows it."""

    gss_code: str  # ONS GSS code, e.g. E09000032; the key of the authority
    name: str  # canonical name, e.g. "Wandsworth"
    dfe_code: str | None = None  # DfE LA code, e.g. "212"
    ofsted_urn: str | None = None
    region: str | None = None  # region name, e.g. "London"
    region_code: str | None = None  # ONS region code, e.g. E12000007
    statistical_neighbours: tuple[str, ...] = ()  # GSS codes
    successors: tuple[str, ...] = ()  # GSS codes of authorities that replaced this one
    abolished: date | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the report's normalised text; start/end are offsets into Report.text."""

    number: int | None  # 1-based, as printed where the source shows page numbers; None: the file does not say
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Section:
    """A headed passage of the report."""

    kind: str  # a concept id of the section-kinds scheme or a judgement area id
    title: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Judgement:
    """A graded judgement the report states."""

    area: str  # e.g. "help-and-protection"
    grade: str  # e.g. "requires-improvement"
    covers_care_leavers: bool = False  # ILACS 2018-2023 'children in care and care leavers'
    source: str = "table"  # where it was read: "table", "heading" or "sentence"


@dataclass(frozen=True, slots=True)
class PreviousResult:
    """A previous inspection result that the report states ("...was judged to be good in May 2012")."""

    grade: str
    area: str = "overall-effectiveness"
    year: int | None = None
    month: int | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with its provenance."""

    text: str
    start: int  # Report.text[start:end] == text
    end: int
    page: int | None  # None where the file does not state it (a text file without page numbers)
    section: str | None = None  # Section.kind of the enclosing section
    paragraph: int | None = None  # the report's own paragraph number, where it numbers them
    index: int = 0  # position of the sentence in the report, from 0


@dataclass(frozen=True, slots=True)
class Finding:
    """A sentence read for what it says about the authority's practice."""

    sentence: Sentence
    polarity: str  # "strength", "weakness", "mixed" or "neutral"
    themes: tuple[str, ...] = ()
    service_areas: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    weaknesses: tuple[str, ...] = ()
    classifier_themes: tuple[str, ...] = ()  # those of `themes` that only the trained classifier gave, no phrase


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One recommendation of the report (the "what needs to improve" list)."""

    text: str
    start: int
    end: int
    page: int | None
    number: int  # position in the list, from 1
    themes: tuple[str, ...] = ()
    classifier_themes: tuple[str, ...] = ()  # those of `themes` that only the trained classifier gave, no phrase


@dataclass(frozen=True, slots=True)
class Statistic:
    """A figure from 'information about this local authority area'."""

    measure: str  # concept id of the measures scheme, e.g. "children-looked-after"
    value: float
    unit: str  # "count" or "rate-per-10000" or "percent"
    as_at: date | None
    text: str  # the sentence it was read from
    page: int | None


@dataclass(slots=True)
class Report:
    """Everything read from one report file."""

    path: Path
    sha256: str
    text: str  # the whole normalised text; every offset points into it
    pages: list[Page]
    framework: str | None = None  # "sif", "ilacs" or "pre-2013"
    inspection_type: str | None = None  # concept id of the inspection-types scheme
    authority: Authority | None = None
    authority_as_written: str | None = None
    inspection_start: date | None = None
    inspection_end: date | None = None
    published: date | None = None
    lead_inspector: str | None = None
    judgements: list[Judgement] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    previous_results: list[PreviousResult] = field(default_factory=list)
    source_format: str = "pdf"  # "pdf" or "text"

    def grades(self) -> dict[str, str]:
        """Area id -> grade id of every judgement."""
        return {j.area: j.grade for j in self.judgements}

    def page_at(self, offset: int) -> int | None:
        """Page number that holds a character offset; None where the file does not state it."""
        for page in self.pages:
            if page.start <= offset < page.end:
                return page.number
        return self.pages[-1].number if self.pages else None
