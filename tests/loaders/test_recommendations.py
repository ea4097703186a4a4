"""Recommendations read from the seeds (counted by hand from their text) and from every corpus report."""

from __future__ import annotations

import pytest

from loaders import ReportError, load_report
from loaders.recommendations import read_recommendations
from tests.conftest import seed_path_for


@pytest.mark.parametrize(
    ("seed", "count", "first"),
    [
        # SIF 2015, OCR: 11 numbered + 6 whose numbers OCR lost (the first of them runs on from item 11, with
        # no blank line to tell them apart, so it is read as part of 11) + 5 for the LSCB (116-120)
        ("000", 21, "Strengthen management oversight so that thresholds and child protection procedures are"),
        # SIF 2014: 4 priority + 16 areas for improvement under topic sub-headings, then 7 for the LSCB
        ("001", 27, "Better coordinate information and intelligence on children missing from home, care and"),
        ("002", 3, "The intervention, quality, effectiveness and management oversight for homeless 16- and"),  # ILACS
        (
            "003",
            18,
            "Ensure that sufficient checks and enquiries are undertaken before any unplanned removal",
        ),  # 13 + 5
        ("004", 31, "Urgently review all cases currently or recently allocated to managers within the 0–25s"),  # 22 + 9
    ],
)
def test_recommendations_read_from_seed(seed, count, first):
    report = load_report(seed_path_for(seed))
    recommendations = report.recommendations
    assert len(recommendations) == count
    assert recommendations[0].text.startswith(first)
    assert [r.number for r in recommendations] == list(range(1, count + 1))


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_recommendations_are_exact_slices_without_markers(seed):
    report = load_report(seed_path_for(seed))
    for recommendation in report.recommendations:
        assert report.text[recommendation.start : recommendation.end] == recommendation.text
        assert recommendation.text[0].isupper()  # no bullet or number left in front
        assert recommendation.text == recommendation.text.strip()
        assert recommendation.page == report.page_at(recommendation.start)


@pytest.mark.parametrize(
    ("seed", "number", "text"),
    [
        (
            "002",
            3,
            "Tracking and monitoring of children subject to the pre-proceedings phase of the Public Law "
            "Outline, to ensure that children come into care, or return home at the right time.",
        ),
        (
            "001",
            4,
            "Continue to improve workforce stability, to ensure that children experience meaningful "
            "relationships with social workers who know them well.",
        ),  # after the sub-heading "Workforce development"
        (
            "000",
            12,
            "Ensure that permanence decisions are implemented in a timely manner with regular scrutiny, "
            "challenge and oversight from managers and independent reviewing officers (IROs).",
        ),  # number lost in OCR
    ],
)
def test_recommendations_keep_whole_items(seed, number, text):
    report = load_report(seed_path_for(seed))
    assert report.recommendations[number - 1].text == text


def test_recommendations_wrapped_item_keeps_its_lines(tmp_path):
    path = tmp_path / "report.txt"
    report = load_report(seed_path_for("003"))
    text = report.text.replace(report.recommendations[0].text, "Ensure that checks are made.\nCheck them twice.")
    path.write_text(text, encoding="utf-8")
    first = load_report(path).recommendations[0]
    assert first.text == "Ensure that checks are made.\nCheck them twice."


def test_recommendations_none_without_heading():
    report = load_report(seed_path_for("002"))
    report.text = report.text.replace("What needs to improve?", "What we saw")
    assert read_recommendations(report) == []


@pytest.mark.slow
def test_corpus_reports_state_recommendations(corpus_dir, corpus_manifest):
    few, long = [], []
    for row in corpus_manifest:
        try:
            report = load_report(corpus_dir / row["file"])
        except ReportError:
            continue  # the saved web page
        recommendations = report.recommendations
        # Seven ILACS reports graded good or outstanding list a single improvement; every SIF report lists more.
        if len(recommendations) < (2 if report.framework == "sif" else 1):
            few.append(row["file"])
        # A paragraph swallowed from the findings would make an item long; only items with sub-points are.
        long += [(row["file"], r.number) for r in recommendations if len(r.text) > (900 if "•" in r.text else 600)]
        for r in recommendations:
            assert report.text[r.start : r.end] == r.text
    assert few == []
    assert long == []  # the longest are 805 characters (five sub-points) and 539 (three sentences)
