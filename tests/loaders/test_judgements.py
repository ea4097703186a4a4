"""Judgements, authority, dates and inspector read from the five seed reports."""

from __future__ import annotations

from datetime import date

import pytest

from loaders import load_report
from loaders.sections import interleaved_heading
from tests.conftest import seed_path_for

RI = "requires-improvement"
SEEDS = {
    # 000: Wandsworth 2015, front page lost: grades from the section headings, no overall judgement stated
    "000": (
        "E09000032",
        None,
        None,
        "Carolyn Spray",
        {
            "help-and-protection": "inadequate",
            "children-in-care": RI,
            "adoption": RI,
            "care-leavers": "inadequate",
            "leadership": "inadequate",
            "lscb": RI,
        },
    ),
    "001": (
        "E09000031",
        date(2014, 11, 4),
        date(2014, 11, 26),
        "John Mitchell",
        {
            "overall-effectiveness": RI,
            "help-and-protection": RI,
            "children-in-care": RI,
            "adoption": RI,
            "care-leavers": RI,
            "leadership": RI,
            "lscb": RI,
        },
    ),
    "002": (
        "E09000032",
        date(2022, 11, 7),
        date(2022, 11, 18),
        "Amanda Maxwell",
        {
            "overall-effectiveness": "good",
            "help-and-protection": "good",
            "children-in-care": "good",
            "leadership": "good",
        },
    ),
    "003": (
        "E09000002",
        date(2014, 4, 29),
        date(2014, 5, 22),
        "Brendan Parkinson",
        {
            "overall-effectiveness": RI,
            "help-and-protection": RI,
            "children-in-care": RI,
            "adoption": RI,
            "care-leavers": RI,
            "leadership": RI,
            "lscb": RI,
        },
    ),
    "004": (
        "E06000025",
        date(2016, 11, 21),
        date(2016, 12, 15),
        "Stephanie Murray",
        {
            "overall-effectiveness": "inadequate",
            "help-and-protection": "inadequate",
            "children-in-care": RI,
            "adoption": "good",
            "care-leavers": RI,
            "leadership": "inadequate",
            "lscb": "inadequate",
        },
    ),
}


@pytest.fixture(scope="module")
def seed_structure():
    cache = {}

    def load(prefix):
        if prefix not in cache:
            cache[prefix] = load_report(seed_path_for(prefix), None)
        return cache[prefix]

    return load


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_judgements_read_from_seed_reports(seed_structure, seed):
    gss, start, end, inspector, grades = SEEDS[seed]
    report = seed_structure(seed)
    assert report.grades() == grades
    assert report.authority.gss_code == gss
    assert (report.inspection_start, report.inspection_end) == (start, end)
    assert report.lead_inspector == inspector


def test_judgements_ilacs_2018_2023_children_in_care_covers_care_leavers(seed_structure):
    (judgement,) = [j for j in seed_structure("002").judgements if j.area == "children-in-care"]
    assert judgement.covers_care_leavers is True


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a converter put the grade column inside the wrapped label, with stray marks (seed 000)
        (
            "The experiences and progress of children looked after and achieving Requires improvement permanence",
            ("children-in-care", False, "Requires improvement"),
        ),
        (") . Inadequate children who need help and protection", ("help-and-protection", False, "Inadequate")),
        # not headings: prose, a grade that opens or ends the line (AREA_HEADING reads the latter)
        ("The quality of work with children who need help and protection is good overall", None),
        ("Good leadership, management and governance", None),
        ("Children who need help and protection Good", None),
        ("• Good children in care", None),
        ("34 Good care leavers", None),
        ("– good leadership, management and governance", None),
        ("The good experiences and progress of children in care", None),
    ],
)
def test_interleaved_heading(line, expected):
    assert interleaved_heading(line) == expected


def test_seed_000_chapters_open_at_their_interleaved_headings(seed_structure):
    # Wandsworth 2015's text conversion garbled both chapter headings; their sentences belong to their chapters
    # (before, both chapters ran on inside "Summary for children and young people")
    report = seed_structure("000")
    kinds = [section.kind for section in report.sections]
    assert kinds[:6] == [
        "executive-summary", "improvements", "summary-for-children", "help-and-protection", "children-in-care",
        "adoption",
    ]  # fmt: skip
    sentence = next(s for s in report.sentences if s.text.startswith("In all cases seen, social care and the police"))
    assert (sentence.section, sentence.paragraph) == ("help-and-protection", 22)
    assert ("help-and-protection", "inadequate", "heading") in {(j.area, j.grade, j.source) for j in report.judgements}
