"""The trained polarity model: what it was trained on, and how it sits on top of the rules."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy
import pytest

from loaders.components.polarity_model import MODEL_DIR, PolarityModel, classifier_doc, leading_words
from loaders.findings import annotated_docs, report_docs

ROOT = Path(__file__).resolve().parent.parent.parent
LABELS = ROOT / "tests" / "data" / "labels"


def _doc(nlp, text, section="help-and-protection"):
    (doc,) = annotated_docs(nlp, [text], [section])
    return doc


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_polarity_model_is_trained_on_the_label_files_and_rules_as_they_are():
    training = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))["kg_training"]
    # a label file or a rule file changed since training: run `make models`
    for name, sha256 in training["sets"].items():
        assert _sha256(LABELS / name) == sha256, name
    for name, sha256 in training["rules"].items():
        assert _sha256(ROOT / name) == sha256, name
    assert training["sentences"] > 2000


def _sentences(name: str) -> set[tuple[str, str]]:
    lines = (LABELS / name).read_text(encoding="utf-8").splitlines()
    return {(row["file"], row["text"]) for row in map(json.loads, filter(None, lines))}


@pytest.mark.parametrize("blind", ["sealed_sentences.jsonl", "seventeenth_sentences.jsonl"])
def test_polarity_model_never_saw_a_sentence_of_the_blind_sets(blind):
    training = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))["kg_training"]
    held_out = _sentences(blind)
    assert len(held_out) > 350 and blind in training["never_trained_on"]
    for name in training["sets"]:
        assert not _sentences(name) & held_out, name


def test_polarity_model_keeps_the_rules_verdict_beside_its_own(nlp):
    doc = _doc(nlp, "Managers have oversight of caseloads.", "leadership")
    assert doc._.rule_polarity == "neutral"  # no cue for the rules
    assert doc._.polarity == "strength"  # description of practice in a report reads as praise to the annotators
    doc = _doc(nlp, "There are 350 children in care.", "children-in-care")
    assert (doc._.rule_polarity, doc._.polarity) == ("neutral", "neutral")  # a bare fact stays neutral


def test_recommendations_and_stated_weaknesses_stay_critical_whatever_the_model_says(nlp, monkeypatch):
    # a model that calls everything praise: only free description may follow it
    monkeypatch.setattr(PolarityModel, "scores", lambda self, docs: numpy.tile([1.0, 0.0, 0.0, 0.0], (len(docs), 1)))
    model = nlp.get_pipe("kg_polarity_model")
    assert model.classifier.labels[0] == "strength"
    recommendation = "Ensure that core groups are held regularly and review progress against the plan."
    weakness = "Strategy discussions are held with the police only, and health and schools are not involved."
    free = "Managers have oversight of caseloads."
    docs = list(
        annotated_docs(nlp, [recommendation, weakness, free], ["improvements", "help-and-protection", "leadership"])
    )
    assert [doc._.rule_polarity for doc in docs] == ["weakness", "weakness", "neutral"]
    assert docs[1]._.weaknesses
    assert [doc._.polarity for doc in docs] == ["weakness", "weakness", "strength"]


def test_polarity_model_scores_as_spacys_own_textcat_and_in_any_batch(seed_report):
    from loaders.nlp import build_nlp

    rules = build_nlp(models=False)
    sentences = seed_report("001").sentences
    docs = list(report_docs(rules, sentences))
    model = PolarityModel()
    textcat = model.classifier.textcat
    words = [classifier_doc(model.classifier.nlp.vocab, doc) for doc in docs]
    assert len(docs) > 100
    assert tuple(textcat.labels) == model.classifier.labels
    expected = textcat.model.predict(words)
    assert numpy.abs(model.scores(docs) - expected).max() < 1e-6
    alone = numpy.concatenate([model.scores([doc]) for doc in docs[:40]])
    assert numpy.abs(alone - expected[:40]).max() < 1e-6


def test_bag_of_words_refuses_a_sequence_without_tokens():
    # scored in one pass over the batch, an empty sequence would be scored as if it had no features at all
    classifier = PolarityModel().classifier
    some = numpy.array([11, 12, 13], dtype=numpy.uint64)
    with pytest.raises(ValueError, match="needs a token"):
        classifier.scores([some, numpy.array([], dtype=numpy.uint64)])
    with pytest.raises(ValueError, match="needs a token"):
        classifier.scores([])
    assert classifier.scores([some]).shape == (1, len(classifier.labels))


def test_polarity_model_reads_what_the_rules_found_before_the_sentence():
    from loaders.nlp import build_nlp

    rules = build_nlp(models=False)
    doc = _doc(rules, "Although assessments are timely, plans are too often vague.")
    assert leading_words(doc) == (
        "section=help-and-protection",
        "rule=mixed",
        "praise=1",
        "criticism=1",
        "contrast",
    )
    doc = _doc(rules, "Drift is no longer a feature of plans.", "children-in-care")
    assert "fixed" in leading_words(doc) and "contrast" not in leading_words(doc)
    # "not yet" and a leading "However," set nothing inside the sentence against anything
    for text in ("Plans are not yet effective.", "However, plans are not reviewed."):
        assert "contrast" not in leading_words(_doc(rules, text))


@pytest.mark.parametrize("text", ["", "Good.", "   "])
def test_polarity_model_reads_empty_and_one_word_sentences(nlp, text):
    assert _doc(nlp, text)._.polarity in ("strength", "weakness", "mixed", "neutral")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("There are 350 children in care.", True),
        (
            "Inspectors considered practice in over 60 cases with recent child protection concerns or investigations.",
            True,
        ),
        # no count: a timescale, a section of an Act, a year, the paragraph number
        ("Lancashire suspended its children and young people's (CYP) trust board approximately 12 months ago.", False),
        ("Section 47 enquiries are completed by the child protection teams.", False),
        ("A commissioned project team has been deployed since March 2022 in the locality teams.", False),
        ("41.Young people are seen by their social workers.", False),
        # financial years, dates, age ranges and "s47" are no counts either
        ("The 2012–13 annual report was published in May 2014.", False),
        ("The MST service works with young people aged 11–17.", False),
        ("Section 47 enquiries started at 31 March were reviewed.", False),
        ("In 2014/15 there were 40 adoptions.", True),
    ],
)
def test_a_bare_count_keeps_the_rules_neutral_other_figures_go_to_the_model(nlp, monkeypatch, text, kept):
    # a model that calls everything praise: the rules' neutral shows only where their verdict stands
    monkeypatch.setattr(PolarityModel, "scores", lambda self, docs: numpy.tile([1.0, 0.0, 0.0, 0.0], (len(docs), 1)))
    doc = _doc(nlp, text, "leadership")
    assert doc._.rule_polarity == "neutral"
    assert doc._.polarity == ("neutral" if kept else "strength")
