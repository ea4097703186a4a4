"""networkx view -> one self-contained interactive HTML file (pyvis node/edge records, our own template).

All escaping lives here. pyvis 0.3.2 links Bootstrap from a CDN even in `in_line` mode, copies lib/ into the
working directory in `local` mode, does not escape titles and switches to innerHTML tooltips when a title
contains "href"; so pyvis only builds the vis.js node and edge records, and kg/templates/graph.html (rendered by
a Jinja environment with autoescape on) inlines the vis-network bundle that pyvis ships. Report text never
reaches HTML markup: node records, evidence and options travel as JSON in <script type="application/json">
blocks with <, > and & written as \\u003c, \\u003e, \\u0026, and the page shows sentences with textContent.
Node titles are plain text built here from labels and counts (vis-network 9 shows string titles as text).
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.edge import Edge
from pyvis.network import Network

from loaders.errors import KgError
from ontology import concept_labels

__all__ = ["GRADE_COLOURS", "KIND_STYLES", "PHYSICS_NODE_LIMIT", "render_html", "write_html"]

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
VIS_DIR = Path(__import__("pyvis").__file__).resolve().parent / "lib" / "vis-9.1.2"
PHYSICS_NODE_LIMIT = 300  # above this the page opens on the Python layout with physics off: usable at once

# kind -> (colour, vis shape, legend text); authorities and judgements are coloured by grade instead
KIND_STYLES = {
    "authority": ("#9e9e9e", "dot", "Local authority (colour: latest overall grade)"),
    "weakness": ("#7b3294", "diamond", "Recurring weakness"),
    "theme": ("#2c7fb8", "square", "Theme"),
    "service": ("#8c510a", "triangle", "Service area"),
    "partner": ("#e7298a", "star", "Partner agency"),
    "inspection": ("#525252", "box", "Inspection"),
    "judgement": ("#9e9e9e", "hexagon", "Judgement (colour: grade)"),
}
GRADE_COLOURS = {
    "outstanding": "#1a9850",
    "good": "#91cf60",
    "adequate": "#fee08b",
    "requires-improvement": "#fdae61",
    "inadequate": "#d73027",
    None: "#bdbdbd",
}
_GRADED_KINDS = {"authority", "judgement"}


def write_html(graph: nx.Graph, path: Path, title: str = "Ofsted inspection findings") -> Path:
    """Write graph as one HTML file that works offline (no CDN, no external file); returns the path."""
    path = Path(path)
    path.write_text(render_html(graph, title=title), encoding="utf-8")
    return path


def render_html(graph: nx.Graph, title: str = "Ofsted inspection findings") -> str:
    """The interactive page for graph: nodes coloured by kind and grade, legend, search, filters, evidence."""
    positions = _layout(graph)
    physics = graph.number_of_nodes() <= PHYSICS_NODE_LIMIT
    net = Network(height="100%", width="100%", cdn_resources="in_line")
    evidence: dict[str, list[dict]] = {}
    size_by = graph.graph.get("size_by", "weight")
    top = max((float(d.get(size_by) or 0) for _, d in graph.nodes(data=True)), default=1.0) or 1.0
    for node, data in sorted(graph.nodes(data=True)):
        node_id = str(node)
        net.add_node(node_id, **_node_record(data, positions[node], size_by, top))
        evidence[node_id] = list(data.get("evidence") or [])
    for i, (u, v, data) in enumerate(sorted(graph.edges(data=True), key=lambda e: (str(e[0]), str(e[1])))):
        edge_id = f"e{i}"
        # appended directly: Network.add_edge scans every edge for duplicates, quadratic on large views
        net.edges.append(Edge(str(u), str(v), id=edge_id, **_edge_record(graph, u, v, data)).options)
        evidence[edge_id] = list(data.get("evidence") or [])
    nodes, edges, *_ = net.get_network_data()
    options = _options(physics)
    kinds = sorted({d.get("kind") for _, d in graph.nodes(data=True)}, key=list(KIND_STYLES).index)
    graded = [d.get("grade") for _, d in graph.nodes(data=True) if d.get("kind") in _GRADED_KINDS]
    grades = [g for g in GRADE_COLOURS if g in graded]
    page = (
        _environment()
        .get_template("graph.html")
        .render(
            title=title,
            view=graph.graph.get("view", ""),
            node_count=len(nodes),
            edge_count=len(edges),
            physics=physics,
            legend_kinds=[(k, *KIND_STYLES[k]) for k in kinds],
            legend_grades=[(_grade_label(g), GRADE_COLOURS[g]) for g in grades],
            max_weight=max((e.get("value", 1) for e in edges), default=1),
            graph_json=_script_json({"nodes": nodes, "edges": edges, "options": options}),
            evidence_json=_script_json(evidence),
            vis_css=Markup(_vis_bundle("vis-network.css", "</style")),
            vis_js=Markup(_vis_bundle("vis-network.min.js", "</script")),
        )
    )
    return page


def _node_record(data: dict, position: tuple[float, float], size_by: str, top: float) -> dict:
    """The vis.js record of one node: styling, a plain-text title and the fields the page filters on."""
    kind = data.get("kind", "node")
    colour, shape, _ = KIND_STYLES.get(kind, ("#9e9e9e", "dot", kind))
    grade = data.get("grade")
    if kind in _GRADED_KINDS:
        colour = GRADE_COLOURS.get(grade, GRADE_COLOURS[None])
    weight = int(data.get("weight") or 0)
    label = str(data.get("label") or "")
    title_lines = [label, f"{kind} · {weight} finding{'s' if weight != 1 else ''}"]
    if grade and kind in _GRADED_KINDS:
        title_lines.append(f"grade: {_grade_label(grade)}")
    if data.get("community") is not None:
        title_lines.append(f"community {data['community']}")
    record = {
        "label": label,
        "title": "\n".join(title_lines),
        "shape": shape,
        "color": {"background": colour, "border": "#333333", "highlight": {"background": colour, "border": "#000"}},
        "size": round(10 + 26 * math.sqrt(float(data.get(size_by) or 0) / top), 1),
        "x": round(position[0], 1),
        "y": round(position[1], 1),
        "kind": kind,
        "weight": weight,
        "grade": grade,
        "gradeLabel": _grade_label(grade) if grade else None,
        "community": data.get("community"),
        "year": data.get("year"),
    }
    if shape == "box":
        record["font"] = {"color": "#ffffff", "strokeWidth": 0}
    return record


def _edge_record(graph: nx.Graph, u, v, data: dict) -> dict:
    weight = int(data.get("weight") or 1)
    what = "shared: " + ", ".join(data["shared"]) if data.get("shared") else f"{weight} finding(s)"
    title = f"{graph.nodes[u].get('label')} — {graph.nodes[v].get('label')}\n{what}"
    return {"value": weight, "weight": weight, "title": title}


def _options(physics: bool) -> dict:
    """vis-network options; physics settles small views, then the page switches it off."""
    return {
        "autoResize": True,
        # long labels wrap onto a second line rather than run into their neighbours'
        "nodes": {
            "font": {"size": 15, "face": "Arial", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "widthConstraint": {"maximum": 170},
        },
        "edges": {
            "color": {"color": "#9aa5b1", "highlight": "#333333", "opacity": 0.7},
            "scaling": {"min": 1, "max": 8},
            "smooth": False,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "keyboard": False},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -160, "springLength": 150, "avoidOverlap": 0.6},
            "stabilization": {"enabled": physics, "iterations": 400, "fit": False},  # the page fits once, after
        },
        "layout": {"improvedLayout": False},
    }


def _layout(graph: nx.Graph) -> dict:
    """Node -> (x, y) in screen units, seeded so that the same graph always opens the same way."""
    n = graph.number_of_nodes()
    if n == 0:
        return {}
    raw = nx.spring_layout(graph, seed=0, weight="weight", k=2 / math.sqrt(n), iterations=100)
    scale = 120 + 70 * math.sqrt(n)
    return {node: (float(x) * scale, float(y) * scale) for node, (x, y) in raw.items()}


def _script_json(value: object) -> Markup:
    """JSON safe inside a <script type="application/json"> block: no <, > or & survives to end the block."""
    text = json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escaped)
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@cache
def _vis_bundle(name: str, closing_tag: str) -> str:
    """A file of the vis-network bundle pyvis ships, checked to be safe to inline."""
    path = VIS_DIR / name
    if not path.is_file():
        raise KgError(f"{path}: vis-network bundle not found; reinstall pyvis 0.3.2")
    text = path.read_text(encoding="utf-8")
    if closing_tag in text.lower():
        raise KgError(f"{path}: contains {closing_tag} and cannot be inlined")
    return text


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=select_autoescape(default=True))


def _grade_label(grade: str | None) -> str:
    if grade is None:
        return "Ungraded / unknown"
    known = concept_labels("grades").get(grade) if _has_scheme("grades") else None
    return known.pref_label if known else grade.replace("-", " ").capitalize()


@cache
def _has_scheme(name: str) -> bool:
    from ontology import SCHEME_DIR

    return (SCHEME_DIR / f"{name}.ttl").is_file()
