"""Network views: hand-made rows in the shape of the `findings` and `judgements` queries, then the seed store."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from kg.network import (
    EVIDENCE_CAP,
    ViewFilter,
    authority_ego_view,
    authority_weakness_view,
    build_view,
    centrality_table,
    project_authorities,
    project_weaknesses,
    service_theme_partner_view,
    theme_cooccurrence_view,
    write_centrality_csv,
)
from loaders.errors import UnknownName

WANDSWORTH, BARKING, WALTHAM = "E09000032", "E09000002", "E09000031"
NAMES = {WANDSWORTH: "Wandsworth", BARKING: "Barking and Dagenham", WALTHAM: "Waltham Forest"}


def finding(
    fid,
    gss,
    *,
    file=None,
    start=date(2015, 3, 2),
    framework="sif",
    grade="inadequate",
    polarity="weakness",
    themes="",
    services="",
    partners="",
    weaknesses="",
    page=3,
    region="London",
):
    return {
        "finding": f"https://w3id.org/ofsted-kg/id/inspection/{gss}/{start}/finding/{fid}",
        "file": file or f"{gss}.pdf", "authority": NAMES[gss], "gss_code": gss, "region": region,
        "framework": framework, "inspection": f"https://w3id.org/ofsted-kg/id/inspection/{gss}/{start}",
        "inspection_start": start, "overall_grade": grade, "section": "help-and-protection",
        "polarity": polarity, "themes": themes, "service_areas": services, "partners": partners,
        "weaknesses": weaknesses, "sentence": f"Sentence {fid}.", "page": page, "start": 0, "end": 10,
    }  # fmt: skip


ROWS = [
    finding("a1", WANDSWORTH, themes="strategy-discussions", partners="police", services="mash",
            weaknesses="police-only-strategy-discussions"),
    # the same finding read from a text conversion of the same report: counted once
    finding("a1", WANDSWORTH, file=f"{WANDSWORTH}.txt", themes="strategy-discussions", partners="police",
            services="mash", weaknesses="police-only-strategy-discussions", page=1),
    finding("a2", WANDSWORTH, themes="management-oversight supervision",
            weaknesses="weak-management-oversight poor-supervision"),
    finding("b1", BARKING, start=date(2019, 5, 1), framework="ilacs", grade="requires-improvement",
            themes="strategy-discussions", partners="police", services="mash",
            weaknesses="police-only-strategy-discussions"),
    finding("b2", BARKING, start=date(2019, 5, 1), framework="ilacs", grade="requires-improvement",
            themes="management-oversight", weaknesses="weak-management-oversight"),
    finding("c1", WALTHAM, start=date(2021, 1, 4), framework="ilacs", grade="good", polarity="strength",
            themes="management-oversight supervision"),
]  # fmt: skip


def test_authority_weakness_view_counts_each_finding_once():
    g = authority_weakness_view(ROWS)
    assert {n: (d["kind"], d["weight"], d["degree"]) for n, d in g.nodes(data=True)} == {
        f"authority:{WANDSWORTH}": ("authority", 2, 3),
        f"authority:{BARKING}": ("authority", 2, 2),
        "weakness:police-only-strategy-discussions": ("weakness", 2, 2),
        "weakness:weak-management-oversight": ("weakness", 2, 2),
        "weakness:poor-supervision": ("weakness", 1, 1),
    }
    assert g.edges[f"authority:{WANDSWORTH}", "weakness:police-only-strategy-discussions"]["weight"] == 1
    assert g.nodes[f"authority:{WANDSWORTH}"]["label"] == "Wandsworth"
    assert g.nodes[f"authority:{BARKING}"]["grade"] == "requires-improvement"
    # evidence comes from the PDF row, not the text conversion
    assert g.nodes["weakness:police-only-strategy-discussions"]["evidence"][1] == {
        "authority": "Wandsworth", "year": 2015, "page": 3, "sentence": "Sentence a1.", "file": f"{WANDSWORTH}.pdf",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("flt", "authorities"),
    [
        (ViewFilter(framework="ilacs"), {BARKING}),
        (ViewFilter(since=date(2016, 1, 1)), {BARKING}),
        (ViewFilter(until=date(2016, 1, 1)), {WANDSWORTH}),
        (ViewFilter(grade="inadequate"), {WANDSWORTH}),
        (ViewFilter(region="london"), {WANDSWORTH, BARKING}),
        (ViewFilter(region="North West"), set()),
        (ViewFilter(polarity="strength"), set()),
    ],
)
def test_authority_weakness_view_filters(flt, authorities):
    g = authority_weakness_view(ROWS, flt)
    assert {d["gss_code"] for _, d in g.nodes(data=True) if d["kind"] == "authority"} == authorities


def test_authority_weakness_view_min_weight_drops_light_edges_and_lonely_nodes():
    rows = [*ROWS, finding("a3", WANDSWORTH, weaknesses="poor-supervision")]
    g = authority_weakness_view(rows, ViewFilter(min_weight=2))
    assert sorted(g.edges(data="weight")) == [(f"authority:{WANDSWORTH}", "weakness:poor-supervision", 2)]


def test_evidence_is_capped():
    rows = [finding(f"x{i}", WANDSWORTH, weaknesses="poor-supervision") for i in range(EVIDENCE_CAP + 5)]
    g = authority_weakness_view(rows)
    assert g.nodes["weakness:poor-supervision"]["weight"] == EVIDENCE_CAP + 5
    assert len(g.nodes["weakness:poor-supervision"]["evidence"]) == EVIDENCE_CAP


def test_projections_link_what_is_shared():
    g = authority_weakness_view(ROWS)
    authorities = project_authorities(g)
    assert list(authorities.edges(data="weight")) == [(f"authority:{BARKING}", f"authority:{WANDSWORTH}", 2)]
    assert authorities.edges[f"authority:{BARKING}", f"authority:{WANDSWORTH}"]["shared"] == [
        "Police-only strategy discussions",
        "Weak management oversight",
    ]
    weaknesses = project_weaknesses(g)
    assert sorted((u, v, w) for u, v, w in weaknesses.edges(data="weight")) == [
        ("weakness:police-only-strategy-discussions", "weakness:poor-supervision", 1),
        ("weakness:police-only-strategy-discussions", "weakness:weak-management-oversight", 2),
        ("weakness:poor-supervision", "weakness:weak-management-oversight", 1),
    ]


def test_theme_cooccurrence_view_weights_and_communities():
    g = theme_cooccurrence_view(ROWS)
    assert sorted(g.edges(data="weight")) == [("theme:management-oversight", "theme:supervision", 2)]
    assert g.nodes["theme:management-oversight"]["weight"] == 3  # a2, b2, c1
    assert {c for _, c in g.nodes(data="community")} == {0}
    strengths = theme_cooccurrence_view(ROWS, ViewFilter(polarity="strength"))
    assert sorted(strengths.edges(data="weight")) == [("theme:management-oversight", "theme:supervision", 1)]


def test_service_theme_partner_view_links_mash_strategy_discussions_police():
    g = service_theme_partner_view(ROWS)
    assert sorted(g) == ["partner:police", "service:mash", "theme:strategy-discussions"]
    assert {frozenset((u, v)): w for u, v, w in g.edges(data="weight")} == {
        frozenset(("service:mash", "theme:strategy-discussions")): 2,
        frozenset(("service:mash", "partner:police")): 2,
        frozenset(("theme:strategy-discussions", "partner:police")): 2,
    }
    assert g.nodes["service:mash"]["kind"] == "service"


def test_authority_ego_view_has_inspections_judgements_themes_weaknesses():
    judgements = [
        {"file": f"{WANDSWORTH}.pdf", "authority": "Wandsworth", "gss_code": WANDSWORTH, "framework": "sif",
         "area": area, "grade": grade, "inspection_start": date(2015, 3, 2)}
        for area, grade in [("overall-effectiveness", "inadequate"), ("adoption", "good")]
    ] + [{"file": "old.pdf", "authority": "Wandsworth", "gss_code": WANDSWORTH, "framework": "pre-2013",
          "area": "overall-effectiveness", "grade": "adequate", "inspection_start": date(2012, 6, 1)}]  # fmt: skip
    g = authority_ego_view(ROWS, judgements, WANDSWORTH)
    kinds = {}
    for node, kind in g.nodes(data="kind"):
        kinds.setdefault(kind, set()).add(node)
    assert kinds["inspection"] == {f"inspection:{WANDSWORTH}/2015-03-02", f"inspection:{WANDSWORTH}/2012-06-01"}
    assert kinds["judgement"] == {
        f"judgement:{WANDSWORTH}/2015-03-02/overall-effectiveness",
        f"judgement:{WANDSWORTH}/2015-03-02/adoption",
        f"judgement:{WANDSWORTH}/2012-06-01/overall-effectiveness",
    }
    assert kinds["weakness"] == {
        "weakness:police-only-strategy-discussions",
        "weakness:weak-management-oversight",
        "weakness:poor-supervision",
    }
    assert g.nodes[f"judgement:{WANDSWORTH}/2015-03-02/adoption"]["grade"] == "good"
    assert g.edges[f"authority:{WANDSWORTH}", f"inspection:{WANDSWORTH}/2015-03-02"]["weight"] == 2
    only_recent = authority_ego_view(ROWS, judgements, WANDSWORTH, ViewFilter(since=date(2013, 1, 1)))
    assert f"inspection:{WANDSWORTH}/2012-06-01" not in only_recent


def test_centrality_table_and_csv(tmp_path):
    g = authority_weakness_view(ROWS)
    table = centrality_table(g)
    assert [r["node"] for r in table][:2] == [f"authority:{WANDSWORTH}", f"authority:{BARKING}"]
    assert table[0] | {"betweenness": None, "community": None} == {
        "node": f"authority:{WANDSWORTH}", "label": "Wandsworth", "kind": "authority", "degree": 3,
        "weighted_degree": 3, "betweenness": None, "community": None,
    }  # fmt: skip
    path = write_centrality_csv(g, tmp_path / "centrality.csv")
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["node", "label", "kind", "degree", "weighted_degree", "betweenness", "community"]
    assert len(rows) == g.number_of_nodes()


def test_build_view_unknown_view_suggests_names():
    with pytest.raises(UnknownName, match="^authority-weakneses: unknown view; did you mean authority-weakness"):
        build_view(None, "authority-weakneses")


def test_build_view_seed_authorities_linked_to_weaknesses(seed_store):
    g = build_view(seed_store, "authority-weakness", ViewFilter())
    linked = {g.nodes[n]["label"] for n, kind in g.nodes(data="kind") if kind == "authority" and g.degree(n)}
    assert {"Wandsworth", "Barking and Dagenham", "Waltham Forest", "South Gloucestershire"} <= linked
    assert {kind for _, kind in g.nodes(data="kind")} == {"authority", "weakness"}


def test_build_view_seed_authority_ego_view(seed_store):
    g = build_view(seed_store, "authority", ViewFilter(), authority="wandsworth")
    assert g.nodes["authority:E09000032"]["label"] == "Wandsworth"
    assert {"inspection", "judgement"} <= {kind for _, kind in g.nodes(data="kind")}
    with pytest.raises(UnknownName, match="^Wandswoth: unknown authority; did you mean Wandsworth"):
        build_view(seed_store, "authority", ViewFilter(), authority="Wandswoth")


def _drawn(g) -> tuple[list, list]:
    """Every node and link with all its data, in an order that does not depend on when each was added."""
    nodes = sorted((node, repr(sorted(data.items()))) for node, data in g.nodes(data=True))
    links = sorted((tuple(sorted((u, v))), repr(sorted(data.items()))) for u, v, data in g.edges(data=True))
    return nodes, links


@pytest.mark.parametrize(
    "flt",
    [ViewFilter(), ViewFilter(polarity="mixed"), ViewFilter(grade="inadequate"), ViewFilter(framework="sif")],
    ids=["all", "mixed", "inadequate", "sif"],
)
def test_build_view_reading_only_weakness_findings_draws_what_every_finding_draws(seed_store, flt):
    """build_view reads only the findings that state a weakness (findings-about, weakness by weakness): the
    views must be those drawn from every finding of the store."""
    from kg.query import run_query

    every_finding = authority_weakness_view(run_query(seed_store, "findings"), flt)
    assert every_finding.number_of_edges() > 0, "no links drawn from the seeds: the comparison proves nothing"
    assert _drawn(build_view(seed_store, "authority-weakness", flt)) == _drawn(every_finding)
    assert _drawn(build_view(seed_store, "authorities", flt)) == _drawn(project_authorities(every_finding))
    assert _drawn(build_view(seed_store, "weaknesses", flt)) == _drawn(project_weaknesses(every_finding))


def test_build_view_ego_view_reading_one_authority_draws_what_every_row_draws(seed_store):
    from kg.query import run_query

    every_row = authority_ego_view(run_query(seed_store, "findings"), run_query(seed_store, "judgements"), BARKING)
    assert every_row.number_of_nodes() > 10
    assert _drawn(build_view(seed_store, "authority", authority="barking and dagenham")) == _drawn(every_row)
    assert _drawn(build_view(seed_store, "authority", authority=BARKING)) == _drawn(every_row)
