"""Named queries on the seed graph: each runs, and the ones researchers lean on give exact rows."""

from __future__ import annotations

from datetime import date

import pytest

from kg.query import PORTABLE_DIR, named_queries, run_query
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


def test_police_only_query_returns_wandsworth_2015_with_sentence_and_no_invented_page(seed_store):
    rows = run_query(seed_store, "police-only-strategy-discussions")
    wandsworth = [r for r in rows if r["file"] == "000_f87a246b47a8ad74.txt"]
    assert wandsworth, rows
    assert {r["authority"] for r in wandsworth} == {"Wandsworth"}
    sentences = [r["sentence"] for r in wandsworth]
    assert any(s.startswith("Strategy discussions take place solely with the police") for s in sentences)
    # the seeds are text conversions that state no page (see test_pages)
    assert all(r["page"] is None for r in rows)


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


# --- The named queries write Oxigraph's plan out (LATERAL, subqueries, tallies): they must give what the plain
# SPARQL they replaced gives. kg/queries/portable/ keeps those plain versions as the specification. -----------

PLAIN_DIR = PORTABLE_DIR
PLAIN_CASES = [
    ("findings", {}),
    ("findings", {"authority": "Wandsworth"}),
    ("findings", {"polarity": "weakness"}),
    ("findings-about", {"about": "strategy-discussions"}),
    ("findings-about", {"about": "police"}),
    ("findings-about", {"about": "front-door", "polarity": "weakness"}),
    ("judgements", {}),
    ("judgements", {"area": "help-and-protection"}),
    ("persistent-weaknesses", {}),
    ("recommendations", {}),
    ("recommendations", {"theme": "strategy-discussions"}),
    ("recurring-weaknesses", {}),
    ("report-authority-criticism", {"authority": "Wandsworth"}),
    ("report-inspections", {}),
    ("report-recommendations", {}),
    ("report-recommendations", {"theme": "strategy-discussions"}),
    ("report-theme-findings", {"theme": "strategy-discussions"}),
    ("report-theme-findings", {"theme": "missing-children"}),
    ("theme-by-region-year", {}),
    ("theme-by-region-year", {"theme": "strategy-discussions"}),
    ("trajectory", {}),
    ("weaknesses-behind-good-grades", {}),
    ("weaknesses", {}),
    ("weaknesses", {"weakness": "police-only-strategy-discussions"}),
    ("who-is-next", {"today": "2026-01-01"}),
]
# the order each query promises (ORDER BY or # Sort:); rows that tie on these may come in any order
ORDERED_BY = {
    "findings": ("authority", "inspection_start", "file", "start"),
    "findings-about": ("authority", "inspection_start", "file", "start"),
    "judgements": ("authority", "inspection_start", "file", "area"),
    "persistent-weaknesses": ("authority", "weakness", "earlier_inspection"),
    "recommendations": ("authority", "inspection_start", "file", "number"),
    "recurring-weaknesses": ("authorities", "findings", "weakness"),
    "report-inspections": ("authority", "inspection_start", "inspection"),
    "report-recommendations": ("authority", "inspection_start", "number", "file"),
    "report-theme-findings": ("authority", "inspection_start", "file", "page"),
    "theme-by-region-year": ("region", "year", "theme"),
    "trajectory": ("authority", "inspection_start", "area"),
    "weaknesses-behind-good-grades": ("authority", "inspection_start", "weakness", "page"),
    "weaknesses": ("weakness", "authority", "inspection_start", "file", "page"),
    "who-is-next": ("days_since", "authority"),
}


def test_every_rewritten_query_has_its_plain_version():
    assert sorted(path.stem for path in PLAIN_DIR.glob("*.rq")) == sorted({name for name, _ in PLAIN_CASES})


@pytest.mark.parametrize(("name", "params"), PLAIN_CASES, ids=lambda v: v if isinstance(v, str) else ",".join(v))
def test_named_query_gives_the_rows_of_its_plain_version(seed_store, name, params):
    rows = run_query(seed_store, name, **params)
    plain = run_query(seed_store, PLAIN_DIR / f"{name}.rq", **params)
    # (no seed authority has the same weakness in two consecutive inspections; corpus authorities have)
    assert rows or name == "persistent-weaknesses", f"{name} gives no rows on the seeds: the comparison proves nothing"
    # same rows, values and column order (the ids in a list column in the same order too) ...
    assert sorted(map(repr, rows)) == sorted(map(repr, plain))
    # ... in the same promised order
    keys = ORDERED_BY.get(name, ())
    assert [tuple(row[k] for k in keys) for row in rows] == [tuple(row[k] for k in keys) for row in plain]


def test_theme_counts_count_a_finding_two_files_share_once(tmp_path, nlp):
    """A PDF and its text conversion are two graphs of one inspection, with the same finding IRIs: the theme
    tallies of each file must not be added up."""
    from kg.pipeline import add_reports
    from kg.store import open_store
    from tests.conftest import seed_path_for

    original = seed_path_for("001")
    copy = tmp_path / "files" / f"copy-of-{original.name}"
    copy.parent.mkdir()
    copy.write_text(original.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # other bytes, same text
    counts = {}
    for label, paths in (("one", [original]), ("two", [original, copy])):
        with open_store(tmp_path / label) as store:
            assert not add_reports(store, paths, nlp=nlp, jobs=1).errors
        with open_store(tmp_path / label, read_only=True) as store:
            assert len(run_query(store, "inspections")) == 1
            assert len(store.report_graphs()) == len(paths)
            rows = run_query(store, "theme-by-region-year")
            assert sorted(map(repr, rows)) == sorted(map(repr, run_query(store, PLAIN_DIR / "theme-by-region-year.rq")))
            counts[label] = rows
    assert counts["two"] == counts["one"] and counts["one"]


def test_sort_header_puts_missing_values_last_or_first(seed_store, tmp_path):
    text = """# Question: a test of the sort header
# Sort: {sort}
# Columns: x
SELECT ?x WHERE {{ VALUES ?x {{ 2 UNDEF 1 }} }}
"""
    for sort, expected in (("x", [1, 2, None]), ("x missing first", [None, 1, 2])):
        path = tmp_path / "sorted.rq"
        path.write_text(text.format(sort=sort), encoding="utf-8")
        assert [row["x"] for row in run_query(seed_store, path)] == expected


def test_weaknesses_behind_good_grades_relate_a_finding_to_the_judgement_of_its_section(seed_store):
    # Wandsworth 2022 is good in every area: a weakness stated in the help-and-protection chapter belongs
    # to that judgement, not to overall effectiveness (the section's type lives in the reference graph)
    rows = run_query(seed_store, "weaknesses-behind-good-grades")
    wandsworth_areas = {row["area"] for row in rows if row["authority"] == "Wandsworth"}
    assert "help-and-protection" in wandsworth_areas
    assert wandsworth_areas <= {"help-and-protection", "children-in-care", "leadership", "overall-effectiveness"}


@pytest.mark.parametrize("name", ["recommendations", "report-recommendations"])
def test_plain_version_runs_on_rdflib_with_the_same_rows(seed_store, name):
    # the plain versions are what rdflib (and Virtuoso) can run; rdflib fails on GROUP_CONCAT(DISTINCT ...) over a
    # variable an OPTIONAL left unbound, which these once used
    from pyoxigraph import RdfFormat
    from rdflib import Dataset

    from kg.namespaces import PREFIXES
    from kg.query import load_query

    dataset = Dataset(default_union=True)
    dataset.parse(data=seed_store.dump(RdfFormat.N_QUADS), format="nquads")
    text = load_query(PLAIN_DIR / f"{name}.rq").text
    column = "recommendation" if name == "recommendations" else "text"
    found = sorted(
        (str(row[column]), " ".join(sorted(str(row["themes"] or "").split())))
        for row in dataset.query(text, initNs=dict(PREFIXES))
    )
    expected = sorted(
        (str(row[column]), " ".join(sorted((row["themes"] or "").split())))
        for row in run_query(seed_store, PLAIN_DIR / f"{name}.rq")
    )
    assert found and found == expected
