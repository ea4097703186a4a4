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
MISSED = READINGS.with_name("missed_readings.jsonl")


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _judged() -> list[dict]:
    return _rows(READINGS)


def _missed() -> list[dict]:
    return _rows(MISSED)


@pytest.fixture(scope="module")
def cited(corpus_dir, nlp) -> set[tuple[str, str, str]]:
    """(file, weakness, sentence) of every weakness the extractor cites now, in every report a reading drew from
    (both label files draw from nearly the same reports: each is read once)."""
    cited = set()
    for file in sorted({row["file"] for row in _judged() + _missed()}):
        for finding in load_report(corpus_dir / file, nlp).findings:
            cited.update((file, weakness, finding.sentence.text) for weakness in finding.weaknesses)
    return cited


def test_evidence_readings_name_real_weaknesses_and_draw_no_sentence_twice():
    judged = _judged()
    weaknesses = set(concept_labels("weaknesses"))
    assert {row["weakness"] for row in judged} <= weaknesses
    assert {row["verdict"] for row in judged} == {"right", "wrong", "hard"}
    assert Counter(row["reading"] for row in judged) == {
        1: 210,
        2: 193,
        3: 166,
        4: 165,
        5: 164,
        6: 153,
        7: 65,
        8: 134,
        9: 119,
        10: 18,  # every sentence the mends from the written variants added, not a random draw
        11: 19,  # and every one the third round added
    }
    drawn = Counter((row["file"], row["weakness"], row["text"]) for row in judged)
    assert max(drawn.values()) == 1  # each reading drew only sentences no earlier one had


def test_written_variants_name_real_weaknesses_and_state_each_in_every_set():
    """The written variants (WRITTEN_NOTES.md): four sets, each stating every weakness and coming near it."""
    weaknesses = set(concept_labels("weaknesses"))
    names = [f"written_variant_sentences{part}.jsonl" for part in ("", "_second", "_third", "_fourth")]
    assert sorted(path.name for path in READINGS.parent.glob("written_variant_sentences*.jsonl")) == sorted(names)
    sets = [READINGS.parent / name for name in names]
    ids = []
    for path in sets:
        rows = _rows(path)
        ids += [row["id"] for row in rows]
        stated = Counter(weakness for row in rows for weakness in row["weaknesses"])
        near = Counter(weakness for row in rows for weakness in row["near_miss"])
        assert set(stated) == weaknesses and set(near) <= weaknesses, path.name
        assert min(stated.values()) >= 8 and min(near[w] for w in weaknesses) >= 5, path.name
        assert all(row["text"].strip() and row["text"] != row.get("previous") for row in rows), path.name
    assert len(ids) == len(set(ids)) == 938


@pytest.mark.slow
def test_corpus_evidence_judged_right_is_still_cited_and_judged_wrong_mostly_not(cited):
    """A change to the weakness rules must keep what readers judged right and not bring back what they judged
    wrong (now: all 975 right ones still cited, 115 of 211 wrong ones; the rest were mended)."""
    judged = _judged()
    kept = Counter(row["verdict"] for row in judged if (row["file"], row["weakness"], row["text"]) in cited)
    verdicts = Counter(row["verdict"] for row in judged)
    assert kept["right"] >= 0.98 * verdicts["right"], kept
    assert kept["wrong"] <= 115, kept


def test_missed_readings_name_real_weaknesses_fifteen_to_each_and_draw_no_sentence_twice():
    missed = _missed()
    assert {row["weakness"] for row in missed} == set(concept_labels("weaknesses"))
    drawn = Counter((row["reading"], row["weakness"]) for row in missed)
    # the second reading found 14 sentences left to draw on return home interviews
    assert drawn == {(reading, weakness): 15 for reading in (1, 2) for weakness in concept_labels("weaknesses")} | {
        (2, "return-home-interviews-not-effective"): 14
    }
    assert {row["verdict"] for row in missed} == {"states", "not", "hard"}
    assert max(Counter((row["file"], row["weakness"], row["text"]) for row in missed).values()) == 1


@pytest.mark.slow
def test_corpus_sentences_readers_found_missed_are_cited_and_the_rest_stay_uncited(cited):
    """Of the critical sentences on a weakness's topic that were not cited, readers found 32 of 210 state it, and
    33 of 209 in a second reading of the mended rules; the rules were mended for 14 and 15 of them. None of the 286
    that readers found do not state it is cited now."""
    missed = _missed()
    now = Counter(row["verdict"] for row in missed if (row["file"], row["weakness"], row["text"]) in cited)
    assert now["states"] >= 29, now
    assert now["not"] == 0, now
