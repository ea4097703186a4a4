"""Named queries on the seed graph: each runs, and the ones researchers lean on give exact rows."""

from __future__ import annotations

from datetime import date

import pytest

from kg.query import named_queries, run_query
from loaders.errors import KgError, UnknownName

SEEDS = {
    "000_f87a246b47a8ad74.txt": "Wandsworth",
    "001_26d18ffa4502d6d5.txt": "Waltham Forest",
    "002_709ffb7b20839cc6.txt": "Wandsworth",
    "003_03279161572688a3.txt": "Barking and Dagenham",
    "004_b192b04e17b22324.txt": "South Gloucestershire",
}


EXAMPLE_VALUES = {
    "weakness": "police-only-strategy-discussions",
    "about": "strategy-discussions",
    "theme": "strategy-discussions",
}


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_query_runs_on_seed_graph_with_declared_columns(seed_store, name):
    query = named_queries()[name]
    assert query.question, f"{name}.rq has no '# Question:' header"
    values = {p.name: EXAMPLE_VALUES[p.name] for p in query.params if p.required}
    rows = run_query(seed_store, name, **values)
    if rows:
        assert list(rows[0]) == [c for c in query.columns if c], f"{name}.rq: '# Columns:' header differs"


def test_judgements_rows_for_the_2022_wandsworth_seed(seed_store):
    rows = [r for r in run_query(seed_store, "judgements") if r["file"] == "002_709ffb7b20839cc6.txt"]
    assert {(r["area"], r["grade"]) for r in rows} == {
        ("leadership", "good"),
        ("help-and-protection", "good"),
        ("children-in-care", "good"),
        ("overall-effectiveness", "good"),
    }
    row = rows[0]
    assert (row["authority"], row["gss_code"], row["framework"]) == ("Wandsworth", "E09000032", "ilacs")
    assert (row["inspection_start"], row["inspection_end"]) == (date(2022, 11, 7), date(2022, 11, 18))
    assert row["lead_inspector"] == "Amanda Maxwell"
    assert {r["covers_care_leavers"] for r in rows if r["area"] == "children-in-care"} == {True}


def test_judgements_every_seed_has_rows_with_its_authority(seed_store):
    rows = run_query(seed_store, "judgements")
    assert {r["file"]: r["authority"] for r in rows} == SEEDS


def test_judgements_filtered_by_authority_parameter(seed_store):
    rows = run_query(seed_store, "judgements", authority="London Borough of Wandsworth")
    assert {r["file"] for r in rows} == {"000_f87a246b47a8ad74.txt", "002_709ffb7b20839cc6.txt"}


def test_police_only_query_returns_wandsworth_2015_with_sentence_and_page(seed_store):
    rows = run_query(seed_store, "police-only-strategy-discussions")
    wandsworth = [r for r in rows if r["file"] == "000_f87a246b47a8ad74.txt"]
    assert wandsworth, rows
    assert {r["authority"] for r in wandsworth} == {"Wandsworth"}
    sentences = [r["sentence"] for r in wandsworth]
    assert any(s.startswith("Strategy discussions take place solely with the police") for s in sentences)
    assert all(isinstance(r["page"], int) and r["page"] >= 1 for r in wandsworth)


def test_weakness_parameter_gives_the_same_rows_as_the_police_only_query(seed_store):
    by_param = run_query(seed_store, "authorities-with-weakness", weakness="police-only-strategy-discussions")
    named = run_query(seed_store, "police-only-strategy-discussions")
    assert by_param == named


def test_unknown_concept_parameter_suggests_close_ids(seed_store):
    with pytest.raises(UnknownName, match="did you mean police-only-strategy-discussions"):
        run_query(seed_store, "weaknesses", weakness="police-only-strategy-discussion")


def test_hostile_parameter_is_bound_not_pasted(seed_store):
    hostile = 'x" } ; DROP ALL ; SELECT * { ?s ?p "'
    rows = run_query(seed_store, "findings", authority="E09000032")
    assert rows
    with pytest.raises(UnknownName):
        run_query(seed_store, "findings", authority=hostile)


def test_findings_rows_carry_offsets_into_the_report_text(seed_store, seed_report):
    report = seed_report("001")
    rows = run_query(seed_store, "findings", authority="Waltham Forest")
    assert rows
    for row in rows[:200]:
        assert report.text[row["start"] : row["end"]] == row["sentence"]


def test_recurring_weaknesses_counts_authorities(seed_store):
    rows = run_query(seed_store, "recurring-weaknesses", min_authorities=2)
    assert rows and all(r["authorities"] >= 2 for r in rows)
    everything = run_query(seed_store, "recurring-weaknesses")
    assert len(everything) >= len(rows)


def test_inspections_count_each_seed_once(seed_store):
    rows = run_query(seed_store, "inspections")
    assert sorted(r["files"] for r in rows) == sorted(SEEDS)


def test_required_parameter_missing_is_one_clear_error(seed_store):
    with pytest.raises(KgError, match="authorities-with-weakness: needs a value for weakness"):
        run_query(seed_store, "authorities-with-weakness")


def test_findings_about_a_theme_includes_its_narrower_weaknesses(seed_store):
    about = run_query(seed_store, "findings-about", about="strategy-discussions")
    assert any("police-only-strategy-discussions" in (row["weaknesses"] or "").split() for row in about)
    everything = run_query(seed_store, "findings")
    assert {r["finding"] for r in about} == {
        r["finding"] for r in everything if "strategy-discussions" in (r["themes"] or "").split()
    }
