"""`kg_concept_spans`: sort the concept mentions of one shared span group into one group per scheme.

One span ruler for all schemes runs its matchers once per sentence instead of once per scheme (per-call
overhead dominates on sentence-sized docs); this component then files each span under its label, the
scheme name, so that doc.spans["themes"], ["services"] and ["partners"] read as before.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["ConceptSpans"]


def _outermost(spans: list) -> list:
    """The spans not inside a longer mention of another concept: "pathway plans" is about pathway plans,
    not also about the plans its last word names."""
    return [
        span
        for span in spans
        if not any(
            other.id_ != span.id_ and other.start <= span.start and span.end <= other.end and len(other) > len(span)
            for other in spans
        )
    ]


class ConceptSpans:
    """Moves spans of doc.spans[source_key] to doc.spans[span.label_]."""

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
            if label == "partners":  # "school" in "the virtual school" or "school attendance" is no partner
                group = [p for p in group if not any(m.start <= p.start and p.end <= m.end for m in mentions)]
            doc.spans[label] = group
        if self.source_key in doc.spans:
            del doc.spans[self.source_key]
        return doc


@Language.factory("kg_concept_spans", default_config={"source_key": "concepts"})
def make_concept_spans(nlp: Language, name: str, *, source_key: str) -> ConceptSpans:
    return ConceptSpans(source_key=source_key)
