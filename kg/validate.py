"""SHACL validation of report graphs against ontology/shapes.ttl, one report graph at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import rdflib
from pyoxigraph import RdfFormat

from kg import iris
from kg.store import GraphStore
from ontology import ONTOLOGY_NS, SHAPES_PATH, turtle_paths

__all__ = ["Violation", "ValidationResult", "validate_file", "validate_store"]


@dataclass(frozen=True, slots=True)
class Violation:
    graph: str  # the report file name, or the graph IRI
    focus: str
    path: str
    message: str
    severity: str

    def __str__(self) -> str:
        return f"{self.graph}: {self.focus} {self.path}: {self.message}"


@dataclass(slots=True)
class ValidationResult:
    graphs: int = 0
    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not self.violations


@cache
def _shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES_PATH, format="turtle")


@cache
def _ontology() -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in turtle_paths():
        graph.parse(path, format="turtle")
    return graph


def _validate_graph(data: rdflib.Graph, name: str, extra: rdflib.Graph | None = None) -> list[Violation]:
    """Violations of one graph; `extra` is the background (the store's reference graph), else the ontology."""
    from pyshacl import validate

    # The background (ontology, schemes, authorities) is merged into the data graph rather than passed as
    # ont_graph, because pyshacl copies from ont_graph only what is declared owl:NamedIndividual.
    merged = data + (extra if extra is not None else _ontology())  # the reference graph holds the ontology
    conforms, report, _ = validate(merged, shacl_graph=_shapes(), inference="none", allow_warnings=True, advanced=True)
    if conforms:
        return []
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    found = []
    for result in report.subjects(rdflib.RDF.type, sh.ValidationResult):
        found.append(
            Violation(
                graph=name,
                focus=_short(report.value(result, sh.focusNode)),
                path=_short(report.value(result, sh.resultPath)),
                message=str(report.value(result, sh.resultMessage) or ""),
                severity=_short(report.value(result, sh.resultSeverity)),
            )
        )
    return sorted(found, key=lambda v: (v.focus, v.path, v.message))


def _short(node) -> str:
    if node is None:
        return ""
    text = str(node)
    return text.rsplit("#", 1)[-1] if "#" in text else text.removeprefix(iris.ID)


def validate_store(store: GraphStore) -> ValidationResult:
    """Validate every report graph in the store (with the reference graph as background)."""
    result = ValidationResult()
    reference = rdflib.Graph().parse(data=store.dump(RdfFormat.N_TRIPLES), format="nt")
    for graph_iri in store.report_graphs():
        data = rdflib.Graph().parse(data=store.dump(RdfFormat.N_TRIPLES, graph_iri), format="nt")
        name = next((str(o) for o in data.objects(None, rdflib.URIRef(ONTOLOGY_NS + "sourceFile"))), graph_iri)
        result.graphs += 1
        result.violations.extend(_validate_graph(data, name, reference))
    return result


def validate_file(path: Path) -> ValidationResult:
    """Validate an RDF file (Turtle, N-Triples, TriG, N-Quads, JSON-LD) against the shapes."""
    data = rdflib.Dataset()
    data.parse(path)
    merged = rdflib.Graph()
    for quad in data.quads((None, None, None, None)):  # all graphs of a dataset file, merged
        merged.add(quad[:3])
    result = ValidationResult(graphs=1)
    result.violations.extend(_validate_graph(merged, path.name))
    return result
