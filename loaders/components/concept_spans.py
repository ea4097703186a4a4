"""`kg_concept_spans`: sort the concept mentions of one shared span group into one group per scheme, and settle
what each mention is about: the longest mention wins, an organisation's plan is no child's plan, a plan in the
care leavers' section is a pathway plan, and "multi-agency" inside a service's name names only the service.

One span ruler for all schemes runs its matchers once per sentence instead of once per scheme (per-call
overhead dominates on sentence-sized docs); this component then files each span under its label, the
scheme name, so that doc.spans["themes"], ["services"] and ["partners"] read as before.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

__all__ = ["ConceptSpans"]


def _inside(span, other) -> bool:
    """True when `span` lies within `other` (the same tokens or fewer)."""
    return other.start <= span.start and span.end <= other.end


def _outermost(spans: list) -> list:
    """The spans not inside a longer mention of another concept: "pathway plans" is about pathway plans,
    not also about the plans its last word names."""
    return [
        span
        for span in spans
        if not any(other.id_ != span.id_ and _inside(span, other) and len(other) > len(span) for other in spans)
    ]


# A bare "plan(s)" is a child's plan unless it is the organisation's: "the improvement plan", "plans are in
# place to deliver training", "there are plans to recruit", "the plan is for the family hubs to"
_ORGANISATION_PLAN_BEFORE = re.compile(
    r"\b(?:business|improvement|strategic|action|development|service|services|workforce|sufficiency|corporate|"
    r"recovery|budget|board's|board|partnership|commissioning|delivery|transformation|training|there are|"
    r"ambitious|well-developed|well-advanced)$"
)
_ORGANISATION_PLAN_AFTER = re.compile(
    r"^(?:to (?:recruit|develop|expand|extend|introduce|deliver|create|establish|implement|launch|restructure|"
    r"recommission|commission|build|invest|open|move|replace)\b|are in place to|are under ?way|for the service)"
)


def _organisation_plan(span) -> bool:
    if span.id_ != "plans" or span.text.lower() not in ("plan", "plans"):
        return False
    doc = span.doc
    before = doc[max(0, span.start - 2) : span.start].text.lower()
    after = doc[span.end : span.end + 4].text.lower()
    return bool(_ORGANISATION_PLAN_BEFORE.search(before) or _ORGANISATION_PLAN_AFTER.match(after))


def _settle_themes(themes: list, services: list, section: str | None) -> list:
    """Themes as the module says: no organisation's plan; "multi-agency" inside "the multi-agency safeguarding
    hub" names the hub only; in the care leavers' section a plan is a pathway plan."""
    themes = [
        span
        for span in themes
        if not _organisation_plan(span)
        and not (
            span.id_ == "partnership-working"
            and any(_inside(span, service) and len(service) > len(span) for service in services)
        )
    ]
    if section == "care-leavers":
        themes = [
            Span(span.doc, span.start, span.end, label=span.label_, span_id="pathway-plans")
            if span.id_ == "plans"
            else span
            for span in themes
        ]
    return themes


class ConceptSpans:
    """Moves spans of doc.spans[source_key] to doc.spans[span.label_], settled as the module says; reads
    doc._.section (registered by the polarity component)."""

    def __init__(self, *, source_key: str) -> None:
        self.source_key = source_key

    def __call__(self, doc: Doc) -> Doc:
        spans = doc.spans.get(self.source_key, [])
        groups: dict[str, list] = {}
        for span in spans:
            groups.setdefault(span.label_, []).append(span)
        mentions = [span for label, group in groups.items() if label != "partners" for span in group]
        for label, group in groups.items():
            group = _outermost(group)
            if label == "themes":
                group = _settle_themes(group, groups.get("services", []), doc._.section)
            if label == "partners":  # "school" in "the virtual school" or "school attendance" is no partner
                group = [p for p in group if not any(_inside(p, m) for m in mentions)]
            doc.spans[label] = group
        if self.source_key in doc.spans:
            del doc.spans[self.source_key]
        return doc


@Language.factory("kg_concept_spans", default_config={"source_key": "concepts"})
def make_concept_spans(nlp: Language, name: str, *, source_key: str) -> ConceptSpans:
    return ConceptSpans(source_key=source_key)
