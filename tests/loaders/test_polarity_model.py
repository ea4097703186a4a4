"""The trained polarity model: what it was trained on, and how it sits on top of the rules."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from loaders.components.polarity_model import MODEL_DIR
from loaders.findings import _docs

LABELS = Path(__file__).resolve().parent.parent / "data" / "labels"


def _doc(nlp, text, section="help-and-protection"):
    (doc,) = _docs(nlp, [text], [section])
    return doc


def test_polarity_model_was_trained_on_the_label_files_as_they_are_and_never_on_the_blind_set():
    training = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))["kg_training"]
    assert training["never_trained_on"] == "sealed_sentences.jsonl"
    assert "sealed_sentences.jsonl" not in training["sets"]
    for name, sha256 in training["sets"].items():
        # a label file changed since training: rerun scripts/train_polarity_model.py
        assert hashlib.sha256((LABELS / name).read_bytes()).hexdigest() == sha256, name
    assert training["sentences"] > 2000


def test_polarity_model_keeps_the_rules_verdict_beside_its_own(nlp):
    doc = _doc(nlp, "The virtual school monitors the attendance of children in care.", "children-in-care")
    assert doc._.rule_polarity == "neutral"  # no cue for the rules
    assert doc._.polarity == "strength"  # description of practice in a report reads as praise to the annotators
    doc = _doc(nlp, "There are 350 children in care.", "children-in-care")
    assert (doc._.rule_polarity, doc._.polarity) == ("neutral", "neutral")  # a bare fact stays neutral


@pytest.mark.parametrize(
    "text",
    [
        # the model alone calls this one praise
        "Strategy discussions are held with the police only, and health and schools are not involved.",
        "Strategy discussions are held with police only.",
        "Return home interviews are not always offered.",
        "Too many care leavers live in bed and breakfast accommodation.",
    ],
)
def test_a_stated_weakness_stays_critical_whatever_the_model_says(nlp, text):
    doc = _doc(nlp, text)
    assert doc._.weaknesses
    assert doc._.polarity in ("weakness", "mixed")


def test_polarity_model_reads_in_batches_with_the_same_verdicts(nlp):
    texts = [
        "Managers have oversight of caseloads.",
        "Plans are not specific and lack contingency.",
        "Although most assessments are timely, plans are not specific.",
    ] * 100
    batched = [doc._.polarity for doc in _docs(nlp, texts, ["help-and-protection"] * len(texts))]
    alone = [_doc(nlp, text)._.polarity for text in texts[:3]]
    assert batched == alone * 100


def test_polarity_model_scores_as_spacys_own_textcat(seed_report):
    from loaders.components.polarity_model import PolarityModel, classifier_doc
    from loaders.nlp import build_nlp

    rules = build_nlp(polarity_model=False)
    sentences = seed_report("001").sentences
    docs = list(_docs(rules, [s.text for s in sentences], [s.section for s in sentences], in_sequence=True))
    model = PolarityModel()
    textcat = model.classifier.get_pipe("textcat")
    words = [classifier_doc(model.classifier.vocab, [t.text for t in d], d._.section, d._.polarity) for d in docs]
    expected = textcat.model.predict(words)
    assert len(docs) > 100
    assert abs(model.scores(docs) - expected).max() < 1e-6
    assert tuple(textcat.labels) == tuple(model._labels)
