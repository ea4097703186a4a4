"""build_nlp(): blank English, one span ruler per concept scheme, then polarity and weaknesses.

No trained pipeline is downloaded: official English pipelines are not on PyPI. Concept mentions come
from the labels in ontology/schemes/ (one source of truth) plus token patterns in patterns/<scheme>.jsonl.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

import loaders.components  # noqa: F401  (registers kg_polarity and kg_weaknesses)
from ontology import concept_labels

__all__ = ["CONCEPT_SCHEMES", "build_nlp", "label_patterns"]

PATTERN_DIR = Path(__file__).resolve().parent / "patterns"
CONCEPT_SCHEMES = ("themes", "services", "partners")  # weaknesses have rules of their own


@cache
def label_patterns(scheme: str) -> list[dict]:
    """Phrase patterns for every label of every concept of a scheme; "id" is the concept id."""
    patterns = []
    for concept in concept_labels(scheme).values():
        labels = {concept.pref_label, *concept.alt_labels, *concept.hidden_labels}
        for label in sorted(labels):
            # Acronyms match as written ("CSE", not "cse" in "case"); other labels ignore case.
            attr = "ORTH" if label.isupper() and len(label) <= 6 else "LOWER"
            pattern = label if attr == "ORTH" else label.lower()
            patterns.append({"label": scheme, "id": concept.id, "pattern": pattern, "attr": attr})
            if "'" in pattern or "’" in pattern:  # reports use both apostrophes
                other = pattern.replace("'", "’") if "'" in pattern else pattern.replace("’", "'")
                patterns.append({"label": scheme, "id": concept.id, "pattern": other, "attr": attr})
    return patterns


def _token_patterns(scheme: str) -> list[dict]:
    path = PATTERN_DIR / f"{scheme}.jsonl"
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def build_nlp() -> Language:
    """Blank English, a span ruler per concept scheme (span.id_ is the concept id), polarity, weaknesses."""
    nlp = spacy.blank("en")
    for scheme in CONCEPT_SCHEMES:
        phrases = label_patterns(scheme)
        for attr in ("LOWER", "ORTH"):
            ruler = nlp.add_pipe("span_ruler", name=f"{scheme}_{attr.lower()}_ruler",
                                 config={"spans_key": scheme, "phrase_matcher_attr": attr, "overwrite": False})
            ruler.add_patterns([{k: v for k, v in p.items() if k != "attr"} for p in phrases if p["attr"] == attr])
        if token_patterns := _token_patterns(scheme):
            token_ruler = nlp.add_pipe("span_ruler", name=f"{scheme}_token_ruler",
                                       config={"spans_key": scheme, "overwrite": False})
            token_ruler.add_patterns(token_patterns)
    nlp.add_pipe("kg_polarity")
    nlp.add_pipe("kg_weaknesses")
    return nlp
