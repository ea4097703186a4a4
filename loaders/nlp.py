"""build_nlp(): blank English, span rulers over the concept schemes, polarity, weaknesses, then the trained models.

No trained pipeline is downloaded: official English pipelines are not on PyPI. Concept mentions come
from the labels in ontology/schemes/ (one source of truth) plus token patterns in patterns/<scheme>.jsonl.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

import loaders.components  # noqa: F401  (registers the kg_* components)
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


def _as_phrases(pattern: list[dict]) -> list[str] | None:
    """Every token sequence a pattern of LOWER words, word alternatives ({"IN": [...]}) and optional tokens
    ("OP": "?") matches, as phrases: the phrase matcher finds them in one pass, where the token matcher costs
    far more per sentence. None where the pattern uses anything else."""
    phrases = [[]]
    for token in pattern:
        if set(token) - {"LOWER", "OP"} or token.get("OP", "?") != "?":
            return None
        value = token["LOWER"]
        words = [value] if isinstance(value, str) else value.get("IN") if set(value) == {"IN"} else None
        if words is None:
            return None
        choices = [[word] for word in words] + ([[]] if "OP" in token else [])
        phrases = [phrase + choice for phrase in phrases for choice in choices]
    return [" ".join(phrase) for phrase in phrases if phrase]


def build_nlp(models: bool = True) -> Language:
    """Blank English, span rulers over every scheme's labels (span.id_ is the concept id), polarity, weaknesses,
    then the trained polarity and theme models (models=False: the rules alone, as the models are trained on)."""
    nlp = spacy.blank("en")
    # One ruler per matcher attribute for all schemes: per-call overhead dominates on sentence-sized docs.
    # Each span's label is its scheme; kg_concept_spans files them under doc.spans[<scheme>].
    token_patterns, phrase_patterns = [], []
    for scheme in CONCEPT_SCHEMES:
        for pattern in _token_patterns(scheme):
            phrases = _as_phrases(pattern["pattern"])
            if phrases is None:
                token_patterns.append(pattern)
            else:
                phrase_patterns.extend({**pattern, "pattern": phrase} for phrase in phrases)
    for attr in ("LOWER", "ORTH"):
        ruler = nlp.add_pipe(
            "span_ruler",
            name=f"concepts_{attr.lower()}_ruler",
            config={"spans_key": "concepts", "phrase_matcher_attr": attr, "overwrite": False},
        )
        ruler.add_patterns(
            [
                {k: v for k, v in p.items() if k != "attr"}
                for scheme in CONCEPT_SCHEMES
                for p in label_patterns(scheme)
                if p["attr"] == attr
            ]
            + (phrase_patterns if attr == "LOWER" else [])
        )
    if token_patterns:  # none at present: every pattern in patterns/ is made of words and fits the phrase matcher
        token_ruler = nlp.add_pipe(
            "span_ruler", name="concepts_token_ruler", config={"spans_key": "concepts", "overwrite": False}
        )
        token_ruler.add_patterns(token_patterns)
    nlp.add_pipe("kg_concept_spans", config={"source_key": "concepts"})
    nlp.add_pipe("kg_polarity")
    nlp.add_pipe("kg_weaknesses")
    if models:
        nlp.add_pipe("kg_polarity_model")
        nlp.add_pipe("kg_weaknesses_after_model")  # reads the model's verdict; before the themes, which read it
        nlp.add_pipe("kg_theme_model")
    return nlp
