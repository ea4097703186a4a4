"""What both reports need to know: concept names, inspections in order (dated or not), grades, filters."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from pyoxigraph import NamedNode

from kg.iris import authority_iri
from kg.query import run_query
from kg.store import GraphStore
from loaders.errors import UnknownName
from ontology import SCHEME_DIR, ConceptLabels, concept_labels, scheme_names

__all__ = [
    "LABEL_SCHEMES",
    "Filters",
    "Inspection",
    "all_concepts",
    "area_positions",
    "authority_term",
    "describe_inspection",
    "format_date",
    "inspection_phrase",
    "page_phrase",
    "read_inspections",
    "resolve_authority",
    "resolve_concept",
    "short_label",
]

LABEL_SCHEMES = ("themes", "services", "weaknesses", "partners")  # what a theme report can be about
# Frameworks follow each other in time, so an undated inspection can still be placed by its framework.
_FRAMEWORK_ERA = {"pre-2013": 0, "sif": 1, "ilacs": 2}
_ERA_STARTS = (date(2013, 11, 1), date(2018, 1, 1))  # SIF from November 2013, ILACS from January 2018


@cache
def all_concepts() -> dict[str, ConceptLabels]:
    """Concept id -> labels, over every scheme of the ontology."""
    return {cid: labels for name in scheme_names() for cid, labels in concept_labels(name).items()}


def short_label(concept_id: str | None) -> str:
    """A concept's label short enough for a table cell: the prefLabel, or its shortest capitalised label.

    >>> short_label("requires-improvement"), short_label("sif"), short_label("good")
    ('Requires improvement', 'SIF', 'Good')
    """
    if not concept_id:
        return ""
    labels = all_concepts().get(concept_id)
    if labels is None:
        return concept_id
    if len(labels.pref_label) <= 22:
        return labels.pref_label
    capitalised = [label for label in labels.alt_labels if label[:1].isupper()]
    return min(capitalised, key=len) if capitalised else labels.pref_label


def resolve_concept(name: str) -> ConceptLabels:
    """The theme, service area, weakness or partner that an id, notation, label or acronym names.

    >>> resolve_concept("CSE").id, resolve_concept("mash").id
    ('child-sexual-exploitation', 'mash')
    """
    wanted = " ".join(name.split()).casefold()
    candidates = [labels for scheme in LABEL_SCHEMES for labels in concept_labels(scheme).values()]
    # Best match first: the id itself, then a preferred label, then an alternative or hidden label.
    for names_of in (lambda c: (c.id,), lambda c: (c.pref_label,), lambda c: c.alt_labels + c.hidden_labels):
        for labels in candidates:
            if any(wanted == text.casefold() for text in names_of(labels)):
                return labels
    known = [c.id for c in candidates] + [c.pref_label for c in candidates]
    raise UnknownName("theme, service area, weakness or partner", name, known=known)


def resolve_authority(name: str):
    """The loaders.records.Authority that a name or GSS code names; UnknownName with suggestions if none."""
    from loaders.authorities import all_authorities, authority_by_gss, find_authority

    found = find_authority(name)
    if found is None and name.strip()[:1].upper() in ("E", "W") and name.strip()[1:].isdigit():
        return authority_by_gss(name)  # a GSS code such as E09000032
    if found is None:
        raise UnknownName("authority", name, known=[a.name for a in all_authorities()])
    return found


def format_date(value: date | None) -> str:
    """A date as a briefing writes it.

    >>> format_date(date(2022, 11, 7))
    '7 November 2022'
    """
    return f"{value.day} {value:%B %Y}" if value else "not stated"


@cache
def area_positions() -> dict[str, int]:
    """Judgement area id -> its position in ontology/schemes/areas.ttl, the order a report's table uses."""
    text = (SCHEME_DIR / "areas.ttl").read_text(encoding="utf-8")
    found = {cid: text.find(f'skos:notation "{cid}"') for cid in concept_labels("areas")}
    return {cid: n for n, cid in enumerate(sorted(found, key=lambda cid: (found[cid] < 0, found[cid], cid)))}


@dataclass(frozen=True, slots=True)
class Inspection:
    """One inspection as the graph knows it; any of its dates may be unknown (never guessed)."""

    iri: str
    authority: str
    gss_code: str
    region: str | None
    framework: str | None
    inspection_type: str | None
    start: date | None
    end: date | None
    published: date | None
    files: tuple[str, ...]
    figures_as_at: date | None = None  # latest as-at date of the report's figures: the inspection came after
    grades: tuple[tuple[str, str], ...] = ()  # (area id, grade id), in the order of the areas scheme
    care_leavers_with: str | None = None  # the area whose judgement also covers care leavers (ILACS 2018-2023)

    def grade(self, area: str) -> str | None:
        return dict(self.grades).get(area)

    @property
    def known_date(self) -> date | None:
        """The start date, else the publication date: the only dates used to place or filter an inspection."""
        return self.start or self.published

    def order_key(self) -> tuple:
        """Sort key: by framework era, then by what is known of its date; wholly undated ones last in their era.

        An inspection comes after the as-at date of its own figures, so that date places an undated one.
        """
        when = self.known_date or self.figures_as_at
        era = _FRAMEWORK_ERA.get(self.framework or "")
        if era is None:
            era = 3 if when is None else sum(when >= s for s in _ERA_STARTS)
        return (era, when is None, when or date.max, self.iri)


def describe_inspection(inspection: Inspection) -> str:
    """How a table names an inspection: its start date, or 'undated' with what is known (never a guess).

    >>> describe_inspection(Inspection("x", "A", "E1", None, "sif", None, None, None, date(2015, 3, 2), ()))
    'undated SIF report published 2 March 2015'
    """
    if inspection.start:
        return format_date(inspection.start)
    return _undated(inspection, "report", "{} published {}", "{} with figures to {}")


def inspection_phrase(inspection: Inspection) -> str:
    """An inspection as a citation names it: 'inspection of 7 November 2022' or 'undated SIF inspection'.

    >>> inspection_phrase(Inspection("x", "A", "E1", None, "sif", None, None, None, None, ()))
    'undated SIF inspection'
    """
    if inspection.start:
        return f"inspection of {format_date(inspection.start)}"
    return _undated(inspection, "inspection", "{} (report published {})", "{} (figures to {})")


def page_phrase(page: int | None) -> str:
    """A page as a citation names it; a text file without page numbers states none, and none is invented.

    >>> page_phrase(12), page_phrase(None)
    ('page 12', 'page not stated')
    """
    return f"page {page}" if page is not None else "page not stated"


def _undated(inspection: Inspection, noun: str, published: str, figures: str) -> str:
    """'undated SIF <noun>', placed by what the report does state: its publication or its figures' date."""
    phrase = f"undated {short_label(inspection.framework)} {noun}" if inspection.framework else f"undated {noun}"
    if inspection.published:
        return published.format(phrase, format_date(inspection.published))
    if inspection.figures_as_at:
        return figures.format(phrase, format_date(inspection.figures_as_at))
    return phrase


def authority_term(gss_code: str) -> NamedNode:
    """An authority as the RDF term a query's `authority` parameter takes."""
    return NamedNode(authority_iri(gss_code))


def read_inspections(store: GraphStore, gss_code: str | None = None) -> list[Inspection]:
    """Every inspection in the store (or of one authority), with its grades, in time order per authority."""
    authority = authority_term(gss_code) if gss_code else None
    grades: dict[str, dict[str, str]] = defaultdict(dict)
    care_leavers_with: dict[str, str] = {}
    for row in run_query(store, "report-judgements", authority=authority):
        grades[row["inspection"]].setdefault(row["area"], row["grade"])  # the first file's grade wins
        if row["covers_care_leavers"]:
            care_leavers_with[row["inspection"]] = row["area"]
    area_order = area_positions()
    inspections = []
    for row in run_query(store, "report-inspections", authority=authority):
        by_area = sorted(grades.get(row["inspection"], {}).items(), key=lambda item: area_order.get(item[0], 99))
        inspections.append(
            Inspection(
                iri=row["inspection"],
                authority=row["authority"],
                gss_code=row["gss_code"],
                region=row["region"],
                framework=row["framework"],
                inspection_type=row["inspection_type"],
                start=row["inspection_start"],
                end=row["inspection_end"],
                published=row["published"],
                files=tuple(sorted((row["files"] or "").split())),
                figures_as_at=row["figures_as_at"],
                grades=tuple(by_area),
                care_leavers_with=care_leavers_with.get(row["inspection"]),
            )
        )
    return sorted(inspections, key=lambda i: (i.authority, i.order_key()))


def _framework_id(name: str) -> str:
    """A framework's id from its id, label or acronym ('ILACS', 'sif')."""
    wanted = name.strip().casefold()
    for labels in concept_labels("frameworks").values():
        if wanted in {text.casefold() for text in (labels.id, labels.pref_label, *labels.alt_labels)}:
            return labels.id
    raise UnknownName("framework", name, known=concept_labels("frameworks"))


@dataclass(frozen=True, slots=True)
class Filters:
    """Which inspections a theme report covers."""

    since: date | None = None
    until: date | None = None
    region: str | None = None
    framework: str | None = None
    authority: str | None = None  # a name or GSS code

    def describe(self) -> str:
        """The filters in words, or '' when there are none."""
        parts = []
        if self.since:
            parts.append(f"inspected from {format_date(self.since)}")
        if self.until:
            parts.append(f"inspected up to {format_date(self.until)}")
        if self.region:
            parts.append(f"region {self.region}")
        if self.framework:
            parts.append(f"framework {short_label(_framework_id(self.framework))}")
        if self.authority:
            parts.append(f"authority {self.authority}")
        return "; ".join(parts)

    def select(self, inspections: Iterable[Inspection]) -> tuple[list[Inspection], int]:
        """(inspections that pass, how many undated ones a date filter had to leave out)."""
        inspections = list(inspections)
        if self.region:
            regions = {i.region for i in inspections if i.region}
            matched = {r for r in regions if r.casefold() == self.region.strip().casefold()}
            if not matched:
                from loaders.authorities import all_authorities

                known = {a.region for a in all_authorities() if a.region}
                if self.region.strip().casefold() not in {r.casefold() for r in known}:
                    raise UnknownName("region", self.region, known=known)
            inspections = [i for i in inspections if i.region in matched]
        if self.framework:
            framework = _framework_id(self.framework)
            inspections = [i for i in inspections if i.framework == framework]
        if self.authority:
            gss = resolve_authority(self.authority).gss_code
            inspections = [i for i in inspections if i.gss_code == gss]
        undated = 0
        if self.since or self.until:
            kept = []
            for inspection in inspections:
                when = inspection.known_date
                if when is None:
                    undated += 1  # cannot be placed in a date range: left out, and the report says so
                elif (not self.since or when >= self.since) and (not self.until or when <= self.until):
                    kept.append(inspection)
            inspections = kept
        return inspections, undated
