"""The sentences cited as evidence of a recurring weakness, as readers judged them (evidence_readings.jsonl)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from loaders import load_report
from ontology import concept_labels

# the sentences as the extractor gave them, so they are matched as they are, like the other label files
READINGS = Path(__file__).resolve().parent.parent / "data" / "labels" / "evidence_readings.jsonl"


def _judged() -> list[dict]:
    return [json.loads(line) for line in READINGS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_evidence_readings_name_real_weaknesses_and_draw_no_sentence_twice():
    judged = _judged()
    weaknesses = set(concept_labels("weaknesses"))
    assert {row["weakness"] for row in judged} <= weaknesses
    assert {row["verdict"] for row in judged} == {"right", "wrong", "hard"}
    assert Counter(row["reading"] for row in judged) == {1: 210, 2: 193, 3: 166, 4: 165, 5: 164, 6: 153}
    drawn = Counter((row["file"], row["weakness"], row["text"]) for row in judged)
    assert max(drawn.values()) == 1  # each reading drew only sentences no earlier one had


@pytest.mark.slow
def test_corpus_evidence_judged_right_is_still_cited_and_judged_wrong_mostly_not(corpus_dir, nlp):
    """A change to the weakness rules must keep what readers judged right and not bring back what they judged
    wrong (now: all 720 right ones still cited, 100 of 163 wrong ones; the rest were mended)."""
    judged = _judged()
    cited = set()
    for file in sorted({row["file"] for row in judged}):
        for finding in load_report(corpus_dir / file, nlp).findings:
            cited.update((file, weakness, finding.sentence.text) for weakness in finding.weaknesses)
    kept = Counter(row["verdict"] for row in judged if (row["file"], row["weakness"], row["text"]) in cited)
    verdicts = Counter(row["verdict"] for row in judged)
    assert kept["right"] >= 0.98 * verdicts["right"], kept
    assert kept["wrong"] <= 100, kept


MISSED = READINGS.with_name("missed_readings.jsonl")


def _missed() -> list[dict]:
    return [json.loads(line) for line in MISSED.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_missed_readings_name_real_weaknesses_fifteen_to_each():
    missed = _missed()
    assert {row["weakness"] for row in missed} == set(concept_labels("weaknesses"))
    assert set(Counter(row["weakness"] for row in missed).values()) == {15}
    assert {row["verdict"] for row in missed} == {"states", "not", "hard"}


@pytest.mark.slow
def test_corpus_sentences_readers_found_missed_are_cited_and_the_rest_stay_uncited(corpus_dir, nlp):
    """Of the critical sentences on a weakness's topic that were not cited, readers found 32 of 210 state it; the
    rules were mended for 13 of them. None of the 147 that readers found do not state it is cited now."""
    missed = _missed()
    cited = set()
    for file in sorted({row["file"] for row in missed}):
        for finding in load_report(corpus_dir / file, nlp).findings:
            cited.update((file, weakness, finding.sentence.text) for weakness in finding.weaknesses)
    now = Counter(row["verdict"] for row in missed if (row["file"], row["weakness"], row["text"]) in cited)
    assert now["states"] >= 13, now
    assert now["not"] == 0, now
