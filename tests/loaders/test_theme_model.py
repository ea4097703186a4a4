"""The trained theme model: what it was trained on, that it scores as spaCy does, that it adds themes, and that it
takes away only the rule themes of DOUBT_AT it all but rules out."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy
import pytest
from spacy.tokens import Doc

from loaders.components.theme_model import (
    ADD_AT,
    DOUBT_AT,
    MODEL_DIR,
    ThemeModel,
    classifier_words,
    found_themes,
    leading_words,
)
from loaders.findings import annotate_texts, annotated_docs, report_docs

ROOT = Path(__file__).resolve().parent.parent.parent
LABELS = ROOT / "tests" / "data" / "labels"


def _training() -> dict:
    return json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))["kg_training"]


def test_theme_model_is_trained_on_the_label_files_and_rules_as_they_are():
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from train_theme_model import RULE_FILES, TRAINING_SETS

    training = _training()
    # a file added to the lists since training: run `make models`
    assert set(training["sets"]) == set(TRAINING_SETS) and set(training["rules"]) == set(RULE_FILES)
    # a label file or a theme rule changed since training: run `make models`
    for name, sha256 in training["sets"].items():
        assert hashlib.sha256((LABELS / name).read_bytes()).hexdigest() == sha256, name
    for name, sha256 in training["rules"].items():
        assert hashlib.sha256((ROOT / name).read_bytes()).hexdigest() == sha256, name
    assert training["sentences"] > 5000


@pytest.mark.parametrize("blind", ["sealed_sentences.jsonl", "seventeenth_sentences.jsonl"])
def test_theme_model_never_saw_a_sentence_of_the_blind_sets(blind):
    def sentences(name: str) -> set[tuple[str, str]]:
        lines = (LABELS / name).read_text(encoding="utf-8").splitlines()
        return {(row["file"], row["text"]) for row in map(json.loads, filter(None, lines))}

    training = _training()
    held_out = sentences(blind)
    assert len(held_out) > 350 and blind in training["never_trained_on"]
    for name in training["sets"]:
        assert not sentences(name) & held_out, name


def test_theme_model_scores_as_spacys_own_textcat(seed_report):
    from loaders.nlp import build_nlp

    sentences = seed_report("002").sentences
    rules = build_nlp(models=False)
    docs = list(report_docs(rules, sentences))
    model = ThemeModel()
    words = [Doc(model.classifier.nlp.vocab, words=classifier_words(doc)) for doc in docs]
    assert len(docs) > 100
    expected = model.classifier.textcat.model.predict(words)
    assert numpy.abs(model.scores(docs) - expected).max() < 1e-6
    alone = numpy.concatenate([model.scores([doc]) for doc in docs[:40]])
    assert numpy.abs(alone - expected[:40]).max() < 1e-6


def test_theme_model_reads_the_themes_of_the_sentence_before_in_report_order(seed_report, monkeypatch):
    from loaders.nlp import build_nlp

    sentences = seed_report("002").sentences
    texts, sections = [s.text for s in sentences], [s.section for s in sentences]
    full = build_nlp()
    model = full.get_pipe("kg_theme_model")
    rules = list(annotated_docs(build_nlp(models=False), texts, sections, in_sequence=True))
    # what training feeds the model for each sentence: its words after the rules' themes of the sentence before
    before = [(), *(found_themes(doc) for doc in rules[:-1])]
    words = [Doc(model.classifier.nlp.vocab, words=classifier_words(d, b)) for d, b in zip(rules, before, strict=True)]
    expected = model.classifier.textcat.model.predict(words)
    labels = model.classifier.labels
    # small batches, so that the sentence before is sometimes in the batch before
    monkeypatch.setattr(model, "pipe", lambda docs: ThemeModel.pipe(model, docs, batch_size=7))
    docs = list(annotated_docs(full, texts, sections, in_sequence=True))
    assert len(docs) > 100
    for doc, ruled, row in zip(docs, rules, expected, strict=True):
        added = tuple(labels[i] for i in numpy.flatnonzero(row >= ADD_AT) if labels[i] not in found_themes(ruled))
        assert doc._.model_themes == added, doc.user_data["text"]
    # the themes before change what the model adds somewhere in the report: the test above would see a slip
    alone = model.classifier.textcat.model.predict(
        [Doc(model.classifier.nlp.vocab, words=classifier_words(d)) for d in rules]
    )
    assert ((alone >= ADD_AT) != (expected >= ADD_AT)).any()


def test_theme_model_reads_the_section_and_the_rules_themes():
    from loaders.nlp import build_nlp

    (doc,) = annotated_docs(build_nlp(models=False), ["Return home interviews are timely."], ["children-in-care"])
    assert found_themes(doc) == ("missing-children", "return-home-interviews")
    assert leading_words(doc) == ("section=children-in-care", "rule=missing-children", "rule=return-home-interviews")


@pytest.mark.parametrize(
    ("text", "section", "added"),
    [
        # no phrase of the theme rules names these themes; the annotators of the eighth and tenth label sets tagged them
        (
            "Young people told inspectors that they feel valued, listened to and respected by senior leaders.",
            "children-in-care",
            "voice-of-the-child",
        ),
        (
            "Most children live in homes that meet their needs, alongside their brothers and sisters when appropriate.",
            "children-in-care",
            "placement-sufficiency",
        ),
        ("Children benefit from thorough initial and review health assessments.", "children-in-care", "assessments"),
    ],
)
def test_theme_model_adds_themes_no_phrase_names(nlp, text, section, added):
    from loaders.nlp import build_nlp

    (rules,) = annotate_texts([text], build_nlp(models=False), section=section)
    (both,) = annotate_texts([text], nlp, section=section)
    assert added not in rules["themes"]
    assert added in both["themes"]
    # and it says which themes are the classifier's alone
    assert added in both["classifier_themes"]
    assert set(both["classifier_themes"]) == set(both["themes"]) - set(rules["themes"])


def test_theme_model_never_takes_away_a_theme_it_does_not_all_but_rule_out(nlp, monkeypatch):
    from loaders.nlp import build_nlp

    texts = [
        "Return home interviews are not always completed.",
        "Strategy discussions are held with the police only.",
        "Children are seen.",
    ]
    rules = annotate_texts(texts, build_nlp(models=False), section="help-and-protection")
    assert rules[0]["themes"] and rules[1]["themes"]
    labels = nlp.get_pipe("kg_theme_model").classifier.labels

    # a model sure of every theme but those the rules found, which it gives just what DOUBT_AT leaves standing:
    # those stay, and it adds the rest
    def doubting_the_rules(self, docs, themes=None, previous=None):
        found = [found_themes(doc) for doc in docs]
        return numpy.array(
            [[DOUBT_AT.get(label, 0.0) if label in themes else 1.0 for label in labels] for themes in found]
        )

    monkeypatch.setattr(ThemeModel, "scores", doubting_the_rules)
    for rule, both in zip(rules, annotate_texts(texts, nlp, section="help-and-protection"), strict=True):
        assert set(rule["themes"]) < set(both["themes"])
        assert set(both["themes"]) == set(labels) | set(rule["themes"])
        assert set(both["classifier_themes"]) == set(both["themes"]) - set(rule["themes"])


def test_doubted_themes_are_model_labels_with_no_broader_or_narrower_theme(nlp):
    from ontology import concept_labels

    themes = concept_labels("themes")
    labels = nlp.get_pipe("kg_theme_model").classifier.labels
    for theme in DOUBT_AT:
        assert theme in labels
        # taking one away must not leave or bring back another through with_broader (read_doc)
        assert not themes[theme].broader
        assert not [other for other, concept in themes.items() if theme in concept.broader]


def test_theme_model_takes_away_a_doubted_theme_but_never_a_stated_weaknesss(nlp, monkeypatch):
    from loaders.nlp import build_nlp

    texts = [
        "Return home interviews are not always completed.",  # not themes of DOUBT_AT
        "Plans are clear.",
        "Children's plans are not specific enough.",  # plans-not-specific, a weakness under plans
    ]
    rules = annotate_texts(texts, build_nlp(models=False), section="help-and-protection")
    assert [row["themes"] for row in rules] == [["missing-children", "return-home-interviews"], ["plans"], ["plans"]]
    assert rules[2]["weaknesses"] == ["plans-not-specific"]
    labels = nlp.get_pipe("kg_theme_model").classifier.labels

    # a model sure of no theme at all
    def sure_of_nothing(self, docs, themes=None, previous=None):
        return numpy.zeros((len(docs), len(labels)))

    monkeypatch.setattr(ThemeModel, "scores", sure_of_nothing)
    both = annotate_texts(texts, nlp, section="help-and-protection")
    assert [row["themes"] for row in both] == [["missing-children", "return-home-interviews"], [], ["plans"]]
    assert [row["classifier_themes"] for row in both] == [[], [], []]


def test_theme_model_takes_away_a_theme_a_phrase_named_in_passing(nlp):
    from loaders.nlp import build_nlp

    # "return home" is a return home from care (permanence) in most sentences; not in a police visit after a child
    # went missing
    text = (
        "The police undertake a 'safe and well' visit when children return home and provide very prompt reports to "
        "the local authority."
    )
    (rules,) = annotate_texts([text], build_nlp(models=False), section="help-and-protection")
    (both,) = annotate_texts([text], nlp, section="help-and-protection")
    assert rules["themes"] == ["permanence"]
    assert "permanence" not in both["themes"]


def test_a_theme_both_the_rules_and_the_classifier_give_is_no_classifier_theme(nlp, monkeypatch):
    from loaders.nlp import build_nlp

    texts = ["Return home interviews are not always completed.", "Children are seen."]
    rules = annotate_texts(texts, build_nlp(models=False), section="help-and-protection")
    labels = nlp.get_pipe("kg_theme_model").classifier.labels

    # a model sure of every theme, the rules' own too
    def sure_of_everything(self, docs, themes=None, previous=None):
        return numpy.ones((len(docs), len(labels)))

    monkeypatch.setattr(ThemeModel, "scores", sure_of_everything)
    both = annotate_texts(texts, nlp, section="help-and-protection")
    assert rules[0]["themes"] == ["missing-children", "return-home-interviews"] and not rules[1]["themes"]
    for rule, row in zip(rules, both, strict=True):
        assert set(row["themes"]) == set(labels) | set(rule["themes"])
        assert set(row["classifier_themes"]) == set(row["themes"]) - set(rule["themes"])
        assert not set(rule["themes"]) & set(row["classifier_themes"])


def test_a_recommendation_has_the_themes_of_the_finding_of_the_same_sentence(seed_report):
    recommendations, shared = [], 0
    for prefix in ("000", "001", "002", "003", "004"):
        report = seed_report(prefix)
        by_text = {finding.sentence.text: finding for finding in report.findings}
        for recommendation in report.recommendations:
            if recommendation.text in by_text:
                shared += 1
                assert recommendation.themes == by_text[recommendation.text].themes
                assert recommendation.classifier_themes == by_text[recommendation.text].classifier_themes
            assert set(recommendation.classifier_themes) <= set(recommendation.themes)
        recommendations += report.recommendations
    assert shared and any(r.classifier_themes for r in recommendations)  # so the checks above say something
