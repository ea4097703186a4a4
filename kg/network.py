"""Rows of the named queries -> networkx views: authority-weakness, themes, service areas, one authority.

Every view is an undirected `nx.Graph` whose node ids are `<kind>:<key>` ("authority:E09000032",
"weakness:poor-supervision") so that concepts of different schemes never collide. Each node carries `kind`,
`label`, `weight` (the number of distinct findings behind it) and `evidence` (at most EVIDENCE_CAP dicts of
authority, year, page, sentence, file); each edge carries `weight` and its own `evidence`.
The `findings` query gives one row per finding per report file: the PDF and a text conversion of one report
share finding IRIs, so rows are deduplicated by finding before anything is counted.
"""

from __future__ import annotations

import csv
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from loaders.errors import UnknownName
from ontology import concept_labels

if TYPE_CHECKING:  # networkx is imported where a view is built: `kg` commands without one start faster
    import networkx as nx

__all__ = [
    "EVIDENCE_CAP",
    "VIEW_NAMES",
    "ViewFilter",
    "authority_ego_view",
    "authority_weakness_view",
    "build_view",
    "centrality_table",
    "project_authorities",
    "project_weaknesses",
    "service_theme_partner_view",
    "theme_cooccurrence_view",
    "write_centrality_csv",
]

EVIDENCE_CAP = 20  # evidence sentences kept per node or edge: enough to read, small enough to ship in HTML
VIEW_NAMES = (
    "authority-weakness",
    "authorities",
    "weaknesses",
    "themes",
    "service-theme-partner",
    "authority",
)
CENTRALITY_COLUMNS = ("node", "label", "kind", "degree", "weighted_degree", "betweenness", "community")

Row = Mapping[str, object]


@dataclass(frozen=True, slots=True)
class ViewFilter:
    """Which findings (and judgements) a view counts; None means no restriction."""

    polarity: str | None = None  # "strength", "weakness", "mixed" or "neutral"
    framework: str | None = None  # "sif", "ilacs" or "pre-2013"
    since: date | None = None  # inspection start on or after
    until: date | None = None  # inspection start on or before
    region: str | None = None  # region name, any case
    grade: str | None = None  # overall grade of the inspection (of the judgement, for judgement rows)
    min_weight: int = 1  # edges lighter than this are dropped, then nodes left without edges

    def accepts(self, row: Row, grade_column: str = "overall_grade") -> bool:
        """True when the row passes every set criterion."""
        if self.polarity is not None and "polarity" in row and row["polarity"] != self.polarity:
            return False
        if self.framework is not None and row.get("framework") != self.framework:
            return False
        start = row.get("inspection_start")
        if self.since is not None and (start is None or start < self.since):
            return False
        if self.until is not None and (start is None or start > self.until):
            return False
        if self.region is not None and str(row.get("region") or "").casefold() != self.region.casefold():
            return False
        return self.grade is None or row.get(grade_column) == self.grade


def authority_weakness_view(rows: Iterable[Row], flt: ViewFilter = ViewFilter()) -> nx.Graph:
    """Bipartite authorities x recurring weaknesses; edge weight = findings, node `degree` = neighbours."""
    g = _new_graph("authority-weakness", size_by="degree")
    for row in _findings(rows, flt):
        for weakness in _ids(row.get("weaknesses")):
            a, w = _add_authority(g, row), _add_concept(g, "weakness", "weaknesses", weakness, row)
            _add_edge(g, a, w, row)
    _prune(g, flt.min_weight)
    for node, degree in g.degree():
        g.nodes[node]["degree"] = degree
    return g


def project_authorities(g: nx.Graph) -> nx.Graph:
    """Authorities linked when they share weaknesses; weight = shared weaknesses, `shared` = their labels."""
    return _project(g, "authority", "authorities")


def project_weaknesses(g: nx.Graph) -> nx.Graph:
    """Weaknesses linked when the same authorities have both; weight = authorities in common."""
    return _project(g, "weakness", "weaknesses")


def theme_cooccurrence_view(rows: Iterable[Row], flt: ViewFilter = ViewFilter()) -> nx.Graph:
    """Themes linked when one finding names both; weight = findings; `community` from Louvain modularity."""
    g = _new_graph("themes")
    for row in _findings(rows, flt):
        themes = sorted(set(_ids(row.get("themes"))))
        nodes = [_add_concept(g, "theme", "themes", theme, row) for theme in themes]
        for u, v in itertools.combinations(nodes, 2):
            _add_edge(g, u, v, row)
    _prune(g, flt.min_weight)
    _set_communities(g)
    return g


def service_theme_partner_view(rows: Iterable[Row], flt: ViewFilter = ViewFilter()) -> nx.Graph:
    """Service areas, themes and partners named in the same finding (only findings naming a service area)."""
    g = _new_graph("service-theme-partner")
    for row in _findings(rows, flt):
        services = sorted(set(_ids(row.get("service_areas"))))
        if not services:
            continue
        nodes = [_add_concept(g, "service", "services", s, row) for s in services]
        nodes += [_add_concept(g, "theme", "themes", t, row) for t in sorted(set(_ids(row.get("themes"))))]
        nodes += [_add_concept(g, "partner", "partners", p, row) for p in sorted(set(_ids(row.get("partners"))))]
        for u, v in itertools.combinations(nodes, 2):
            _add_edge(g, u, v, row)
    _prune(g, flt.min_weight)
    _set_communities(g)
    return g


def authority_ego_view(
    finding_rows: Iterable[Row], judgement_rows: Iterable[Row], gss_code: str, flt: ViewFilter = ViewFilter()
) -> nx.Graph:
    """One authority: its inspections over time, their judgements, and the themes and weaknesses found."""
    g = _new_graph("authority", size_by="size")
    authority = f"authority:{gss_code}"
    for row in _findings(finding_rows, flt):
        if row.get("gss_code") != gss_code:
            continue
        _add_authority(g, row)
        inspection = _add_inspection(g, row)
        _add_edge(g, authority, inspection, row)
        for theme in sorted(set(_ids(row.get("themes")))):
            _add_edge(g, inspection, _add_concept(g, "theme", "themes", theme, row), row)
        for weakness in sorted(set(_ids(row.get("weaknesses")))):
            _add_edge(g, inspection, _add_concept(g, "weakness", "weaknesses", weakness, row), row)
    seen, latest = set(), None
    for row in sorted(judgement_rows, key=_judgement_order):
        if row.get("gss_code") != gss_code or not flt.accepts(row, grade_column="grade"):
            continue
        key = (_inspection_key(row), row.get("area"))
        if key in seen:  # the same judgement read from the PDF and from its text conversion
            continue
        seen.add(key)
        if authority not in g:
            g.add_node(
                authority,
                kind="authority",
                label=str(row.get("authority") or gss_code),
                weight=0,
                evidence=[],
                gss_code=gss_code,
                grade=None,
            )
        inspection = _add_inspection(g, row)
        if not g.has_edge(authority, inspection):  # an inspection known only from its judgement table
            g.add_edge(authority, inspection, weight=1, evidence=[])
        area, grade = str(row.get("area")), row.get("grade")
        judgement = f"judgement:{_inspection_key(row)}/{area}"
        g.add_node(
            judgement,
            kind="judgement",
            label=f"{_label('areas', area)}: {_label('grades', grade)}",
            weight=1,
            evidence=[],
            area=area,
            grade=grade,
            year=g.nodes[inspection]["year"],
        )
        g.add_edge(inspection, judgement, weight=1, evidence=[])
        start = row.get("inspection_start")
        if area == "overall-effectiveness" and (latest is None or (start and start >= latest)):
            g.nodes[authority]["grade"], latest = grade, start or latest
    _prune(g, flt.min_weight, keep=authority)
    # drawn by links, the authority at the centre largest: it is what the whole view is about
    for node, degree in g.degree():
        g.nodes[node]["size"] = degree
    if authority in g:
        g.nodes[authority]["size"] = max(dict(g.degree()).values(), default=0) + 1
    return g


def centrality_table(g: nx.Graph) -> list[dict[str, object]]:
    """Rows of node, label, kind, degree, weighted_degree, betweenness, community; heaviest first."""
    import networkx as nx

    betweenness = nx.betweenness_centrality(g) if g.number_of_nodes() else {}
    communities = {n: c for n, c in g.nodes(data="community") if c is not None}
    if len(communities) < g.number_of_nodes():
        communities = _communities(g)
    table = [
        {
            "node": node,
            "label": data.get("label", node),
            "kind": data.get("kind"),
            "degree": g.degree(node),
            "weighted_degree": g.degree(node, weight="weight"),
            "betweenness": round(betweenness[node], 6),
            "community": communities.get(node),
        }
        for node, data in g.nodes(data=True)
    ]
    return sorted(table, key=lambda r: (-r["weighted_degree"], -r["degree"], r["node"]))


def write_centrality_csv(g: nx.Graph, path: Path) -> Path:
    """Write centrality_table(g) as CSV to path; returns the path."""
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=CENTRALITY_COLUMNS)
        writer.writeheader()
        writer.writerows(centrality_table(g))
    return path


def build_view(store, view_name: str, flt: ViewFilter = ViewFilter(), authority: str | None = None) -> nx.Graph:
    """Run the named queries on store and build view_name (one of VIEW_NAMES); authority for the ego view."""
    from kg.query import run_query  # imported here so the views work on plain rows without a store

    if view_name not in VIEW_NAMES:
        raise UnknownName("view", view_name, known=VIEW_NAMES)
    # Each view reads only the findings it draws: the whole `findings` export takes seconds on a large store
    if view_name == "authority":
        inspections = run_query(store, "inspections")
        if not authority:
            raise UnknownName("authority", "", known=sorted({str(r["authority"]) for r in inspections}))
        gss_code = _find_gss_code(authority, inspections)
        rows = run_query(store, "findings", authority=gss_code)
        return authority_ego_view(rows, run_query(store, "judgements", authority=gss_code), gss_code, flt)
    if view_name == "themes":
        return theme_cooccurrence_view(run_query(store, "findings"), flt)
    if view_name == "service-theme-partner":
        return service_theme_partner_view(run_query(store, "findings"), flt)
    # the findings that state a weakness, about one in twenty: findings-about reads only them
    rows = [
        row for weakness in concept_labels("weaknesses") for row in run_query(store, "findings-about", about=weakness)
    ]
    g = authority_weakness_view(rows, flt)
    if view_name == "authorities":
        return project_authorities(g)
    if view_name == "weaknesses":
        return project_weaknesses(g)
    return g


# --- rows -------------------------------------------------------------------------------------------------


def _findings(rows: Iterable[Row], flt: ViewFilter) -> list[Row]:
    """Rows that pass flt, one per finding (the PDF row when a text conversion has the same finding)."""
    chosen: dict[str, Row] = {}
    for row in sorted(rows, key=_finding_order):
        if flt.accepts(row):
            chosen.setdefault(str(row["finding"]), row)
    return list(chosen.values())


def _finding_order(row: Row) -> tuple:
    file = str(row.get("file") or "")
    return (str(row["finding"]), not file.lower().endswith(".pdf"), file)


def _judgement_order(row: Row) -> tuple:
    file = str(row.get("file") or "")
    return (
        str(row.get("gss_code")),
        str(row.get("inspection_start")),
        not file.lower().endswith(".pdf"),
        file,
    )


def _ids(value: object) -> tuple[str, ...]:
    """Concept ids from a space-separated string (or a list) as the query gives them."""
    if not value:
        return ()
    return tuple(value.split()) if isinstance(value, str) else tuple(str(v) for v in value)


def _year(row: Row) -> int | None:
    start = row.get("inspection_start")
    return start.year if isinstance(start, date) else None


def _evidence(row: Row) -> dict[str, object]:
    return {
        "authority": row.get("authority"),
        "year": _year(row),
        "page": row.get("page"),
        "sentence": row.get("sentence"),
        "file": Path(str(row.get("file") or "")).name,
    }


def _find_gss_code(authority: str, rows: list[Row]) -> str:
    """GSS code of an authority given by code or name (any case)."""
    names = {str(r.get("authority")).casefold(): str(r.get("gss_code")) for r in rows}
    codes = set(names.values())
    if authority in codes:
        return authority
    if authority.casefold() in names:
        return names[authority.casefold()]
    raise UnknownName("authority", authority, known={str(r.get("authority")) for r in rows})


# --- graph building ---------------------------------------------------------------------------------------


def _new_graph(view: str, size_by: str = "weight") -> nx.Graph:
    import networkx as nx

    return nx.Graph(view=view, size_by=size_by)


def _label(scheme: str, concept_id: object) -> str:
    """prefLabel of a concept; a readable form of the id when the scheme does not know it."""
    if concept_id is None:
        return "ungraded"
    try:
        labels = concept_labels(scheme)
    except UnknownName:  # a scheme file not written yet: the view still draws
        labels = {}
    known = labels.get(str(concept_id))
    text = known.pref_label if known else str(concept_id).replace("-", " ")
    return text[:1].upper() + text[1:]  # labels are lower case in the schemes; nodes read better capitalised


def _touch(g: nx.Graph, node: str, row: Row, **attrs: object) -> str:
    """Add node (or count one more finding on it) and keep the row's sentence as evidence."""
    if node not in g:
        g.add_node(node, weight=0, evidence=[], findings=set(), **attrs)
    data = g.nodes[node]
    if row["finding"] not in data["findings"]:
        data["findings"].add(row["finding"])
        data["weight"] += 1
        if len(data["evidence"]) < EVIDENCE_CAP:
            data["evidence"].append(_evidence(row))
    return node


def _add_authority(g: nx.Graph, row: Row) -> str:
    node = _touch(
        g,
        f"authority:{row['gss_code']}",
        row,
        kind="authority",
        label=str(row.get("authority")),
        gss_code=row.get("gss_code"),
        region=row.get("region"),
        grade=None,
        grade_date=None,
    )
    data = g.nodes[node]
    start = row.get("inspection_start")
    # the colour shows the latest overall grade we have for the authority
    if row.get("overall_grade") and (data["grade_date"] is None or (start and start > data["grade_date"])):
        data["grade"], data["grade_date"] = row["overall_grade"], start
    return node


def _add_concept(g: nx.Graph, kind: str, scheme: str, concept_id: str, row: Row) -> str:
    return _touch(g, f"{kind}:{concept_id}", row, kind=kind, label=_label(scheme, concept_id), concept=concept_id)


def _inspection_key(row: Row) -> str:
    start = row.get("inspection_start")
    when = start.isoformat() if isinstance(start, date) else f"undated-{row.get('framework')}"
    return f"{row.get('gss_code')}/{when}"


def _add_inspection(g: nx.Graph, row: Row) -> str:
    node = f"inspection:{_inspection_key(row)}"
    start, year = row.get("inspection_start"), _year(row)
    when = start.isoformat() if isinstance(start, date) else "undated"
    label = f"{row.get('framework') or 'inspection'} {when}"
    if node not in g:
        g.add_node(
            node,
            kind="inspection",
            label=label,
            weight=0,
            evidence=[],
            findings=set(),
            year=year,
            framework=row.get("framework"),
            start=start,
            grade=row.get("overall_grade"),
        )
    if "finding" in row:
        _touch(g, node, row)
    return node


def _add_edge(g: nx.Graph, u: str, v: str, row: Row) -> None:
    if not g.has_edge(u, v):
        g.add_edge(u, v, weight=0, evidence=[], findings=set())
    data = g.edges[u, v]
    if row["finding"] not in data["findings"]:
        data["findings"].add(row["finding"])
        data["weight"] += 1
        if len(data["evidence"]) < EVIDENCE_CAP:
            data["evidence"].append(_evidence(row))


def _prune(g: nx.Graph, min_weight: int, keep: str | None = None) -> None:
    """Drop edges below min_weight, then nodes left alone, then the working sets of finding IRIs."""
    import networkx as nx

    g.remove_edges_from([(u, v) for u, v, w in g.edges(data="weight") if w < min_weight])
    g.remove_nodes_from([n for n in list(nx.isolates(g)) if n != keep])
    for _, data in itertools.chain(g.nodes(data=True), ((None, d) for *_, d in g.edges(data=True))):
        data.pop("findings", None)
        data.pop("grade_date", None)


def _communities(g: nx.Graph) -> dict[str, int]:
    """Node -> community number by Louvain modularity (seeded: the same graph gives the same numbers)."""
    import networkx as nx

    if g.number_of_edges() == 0:
        return {n: i for i, n in enumerate(sorted(g))}
    parts = nx.community.louvain_communities(g, weight="weight", seed=0)
    parts = sorted(parts, key=lambda p: (-len(p), min(p)))  # biggest community is 0
    return {n: i for i, part in enumerate(parts) for n in part}


def _set_communities(g: nx.Graph) -> None:
    import networkx as nx

    nx.set_node_attributes(g, _communities(g), "community")


def _project(g: nx.Graph, kind: str, view: str) -> nx.Graph:
    """One side of the bipartite view; nodes linked by neighbours in common on the other side."""
    side = sorted(n for n, k in g.nodes(data="kind") if k == kind)
    p = _new_graph(view)
    for node in side:
        p.add_node(node, **{k: v for k, v in g.nodes[node].items() if k != "degree"})
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for other in sorted(n for n in g if g.nodes[n]["kind"] != kind):
        for u, v in itertools.combinations(sorted(g[other]), 2):
            shared[u, v].append(g.nodes[other]["label"])
    for (u, v), labels in sorted(shared.items()):
        p.add_edge(u, v, weight=len(labels), shared=sorted(labels), evidence=[])
    _set_communities(p)
    counts = Counter(dict(p.degree()))
    for node in p:
        p.nodes[node]["degree"] = counts[node]
    return p
