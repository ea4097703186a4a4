"""Join a report that does not state its dates to the dated inspection it describes.

A text conversion can lose its front page (as seed 000 did): its inspection then gets an 'undated' IRI
of its own. When the store also holds a dated report of the same authority and framework whose
judgements agree with every judgement the undated one states, both describe one inspection: the
undated report's graph is rewritten onto the dated inspection's IRIs, so that queries count it once.
Nothing is guessed when there is no such report, or more than one.
"""

from __future__ import annotations

import logging
from collections import defaultdict

from pyoxigraph import NamedNode, Quad

from kg.store import GraphStore

__all__ = ["link_undated_inspections"]

log = logging.getLogger(__name__)

_UNDATED = """
SELECT ?graph ?inspection ?la ?framework ?area ?grade WHERE {
  GRAPH ?graph { ?report ofk:reportOf ?inspection .
                 ?inspection ofk:inspectedAuthority ?la ; ofk:framework ?framework .
                 OPTIONAL { ?inspection ofk:hasJudgement [ ofk:area ?area ; ofk:grade ?grade ] } }
  FILTER(CONTAINS(STR(?inspection), "/undated-"))
}"""

# Inside one GRAPH block: over the union of graphs, an inspection read from n files would join n^6 ways.
_DATED = """
SELECT DISTINCT ?inspection ?area ?grade ?la ?framework WHERE {
  GRAPH ?graph { ?inspection ofk:inspectedAuthority ?la ; ofk:framework ?framework ; ofk:startDate ?start ;
                             ofk:hasJudgement [ ofk:area ?area ; ofk:grade ?grade ] . }
}"""


def link_undated_inspections(store: GraphStore) -> list[tuple[str, str]]:
    """Rewrite undated report graphs onto the one dated inspection they match; (graph, inspection) pairs."""
    undated: dict[tuple[str, str], dict] = {}
    for row in store.query(_UNDATED, union=False):
        key = (row["graph"].value, row["inspection"].value)
        entry = undated.setdefault(key, {"la": row["la"], "framework": row["framework"], "grades": {}})
        if row["area"] is not None:
            entry["grades"][row["area"].value] = row["grade"].value
    if not undated:
        return []
    dated: dict[tuple, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    for row in store.query(_DATED):
        dated[(row["la"], row["framework"])][row["inspection"].value][row["area"].value] = row["grade"].value
    linked = []
    for (graph, inspection), entry in undated.items():
        grades = entry["grades"]
        candidates = [
            iri
            for iri, theirs in dated[(entry["la"], entry["framework"])].items()
            if grades and all(theirs.get(area) == grade for area, grade in grades.items())
        ]
        if len(candidates) != 1:
            log.info("%s: undated inspection left alone (%d dated matches)", graph, len(candidates))
            continue
        _rewrite(store, graph, inspection, candidates[0])
        linked.append((graph, candidates[0]))
    return linked


def _rewrite(store: GraphStore, graph: str, old: str, new: str) -> None:
    def swap(term):
        if isinstance(term, NamedNode) and (term.value == old or term.value.startswith(old + "/")):
            return NamedNode(new + term.value[len(old) :])
        return term

    quads = [Quad(swap(q.subject), q.predicate, swap(q.object), q.graph_name) for q in store.graph_quads(graph)]
    store.replace_graph(graph, quads)
