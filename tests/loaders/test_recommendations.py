"""Recommendations read from the seeds (counted by hand from their text) and from every corpus report."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import ReportError, load_report
from loaders.recommendations import read_recommendations
from loaders.records import Report
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


# SIF lists grouped under the judgement areas' names (Leeds 2015, Calderdale 2015, Southampton 2014 in the corpus
# lost every item after the first such heading) or under a topic over an item in the "who needs to" form (Manchester
# 2014), an item in the "who is to do what" form, and after the board's list a finding whose noun list ends in a
# verb ("support and intervention") and a children's summary whose first bullet says the board "needs to improve"
_GROUPED_BY_AREA = """What does the local authority need to improve?
There are no priority or immediate actions.
Areas for improvement
Leadership, management and governance
1. Extend the reach of the outcomes-based accountability approach.
Help and protection
2. Improve agency attendance at all initial child protection meetings.
Adoption
3. The Adoption Panel Chair to report annually to the local authority on the performance of the panel.
Care leavers
4. Expand the range and availability of suitable accommodation options.
The provision of help
5. The local authority and its partners need to ensure that early help is targeted and coordinated effectively.
The local authority's strengths
5. Senior managers have taken concerted action to drive improvements.
What does the LSCB need to improve?
Areas for improvement
• Ensure that learning from audit activity is effectively disseminated.
Key strengths and weaknesses of the LSCB
• The LSCB is not effective in ensuring that children needing assessment, support and intervention are safe.
Summary for children and young people
• Inspectors found that the LSCB needs to improve, although some of its work is helping children.
"""


def test_recommendations_under_area_headings_and_no_summary_for_children():
    report = Report(Path("crafted.txt"), "", _GROUPED_BY_AREA, [])
    first_words = [r.text.split()[0] for r in read_recommendations(report)]
    assert first_words == ["Extend", "Improve", "The", "Expand", "The", "Ensure"]


def test_recommendations_end_at_an_area_chapter_whose_first_paragraph_is_a_finding():
    report = Report(
        Path("crafted.txt"),
        "",
        "Areas for improvement\n1. Ensure that plans are specific.\n2. Review the front door.\n"
        "Help and protection\n3. Leaders acted quickly to strengthen the front door.\n"
        "4. Partners work together to ensure that referrals are timely.\n",
        [],
    )
    assert [r.text for r in read_recommendations(report)] == [
        "Ensure that plans are specific.",
        "Review the front door.",
    ]
