"""Generate docs/ontology.md, the reference of the ontology's classes, properties and concept schemes."""

from __future__ import annotations

from pathlib import Path

from rdflib import OWL, RDF, RDFS, BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SKOS

from kg.ontology_check import load_ontology_graph
from ontology import CONCEPT_NS, ONTOLOGY_NS, SCHEME_NS

__all__ = ["DEFAULT_REFERENCE_PATH", "render_ontology_reference", "write_ontology_reference"]

DEFAULT_REFERENCE_PATH = Path(__file__).resolve().parent.parent / "docs" / "ontology.md"
_ONTOLOGY_IRI = URIRef(ONTOLOGY_NS.rstrip("#"))
_PREFIXES = {
    "ofk": ONTOLOGY_NS,
    "concept": CONCEPT_NS,
    "scheme": SCHEME_NS,
    "skos": str(SKOS),
    "owl": str(OWL),
    "rdfs": str(RDFS),
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "oa": "http://www.w3.org/ns/oa#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
}


def _short(node) -> str:
    """A term as prefix:name where a prefix is known."""
    text = str(node)
    for prefix, namespace in sorted(_PREFIXES.items(), key=lambda item: -len(item[1])):
        if text.startswith(namespace):
            return f"{prefix}:{text[len(namespace) :]}"
    return f"<{text}>"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _class_expression(graph: Graph, node) -> str:
    """A named class as prefix:name, a union as 'a or b'."""
    if isinstance(node, BNode):
        members = graph.value(node, OWL.unionOf)
        if members is not None:
            return " or ".join(f"`{_short(m)}`" for m in Collection(graph, members))
        return "(anonymous class)"
    return f"`{_short(node)}`"


def _expressions(graph: Graph, subject, predicate) -> str:
    return ", ".join(sorted(_class_expression(graph, o) for o in graph.objects(subject, predicate)))


def _ofk_terms(graph: Graph, kind: URIRef) -> list[URIRef]:
    return sorted(t for t in graph.subjects(RDF.type, kind) if isinstance(t, URIRef) and str(t).startswith(ONTOLOGY_NS))


def _text(graph: Graph, subject, predicate) -> str:
    value = graph.value(subject, predicate)
    return _cell(value) if value is not None else ""


def _class_lines(graph: Graph) -> list[str]:
    lines = ["## Classes", "", "| class | label | subclass of | comment |", "| --- | --- | --- | --- |"]
    for term in _ofk_terms(graph, OWL.Class):
        lines.append(
            f"| `{_short(term)}` | {_text(graph, term, RDFS.label)} | {_expressions(graph, term, RDFS.subClassOf)}"
            f" | {_text(graph, term, RDFS.comment)} |"
        )
    return lines


def _property_lines(graph: Graph, kind: URIRef, title: str) -> list[str]:
    lines = [f"## {title}", "", "| property | label | domain | range | comment |", "| --- | --- | --- | --- | --- |"]
    for term in _ofk_terms(graph, kind):
        functional = " (functional)" if (term, RDF.type, OWL.FunctionalProperty) in graph else ""
        lines.append(
            f"| `{_short(term)}`{functional} | {_text(graph, term, RDFS.label)}"
            f" | {_expressions(graph, term, RDFS.domain)} | {_expressions(graph, term, RDFS.range)}"
            f" | {_text(graph, term, RDFS.comment)} |"
        )
    return lines


def _labels(graph: Graph, subject, predicate) -> str:
    return "; ".join(sorted((_cell(label) for label in graph.objects(subject, predicate)), key=str.casefold))


def _scheme_lines(graph: Graph, scheme: URIRef) -> list[str]:
    name = str(scheme)[len(SCHEME_NS) :]
    concepts = sorted(c for c in graph.subjects(SKOS.inScheme, scheme) if isinstance(c, URIRef))
    ranked = any(graph.value(c, URIRef(ONTOLOGY_NS + "rank")) is not None for c in concepts)
    header = "| id | prefLabel | altLabels | definition | broader |" + (" rank |" if ranked else "")
    lines = [
        f"### {name}",
        "",
        f"`{scheme}`: {_text(graph, scheme, SKOS.definition)} File `ontology/schemes/{name}.ttl`,"
        f" {len(concepts)} concepts.",
        "",
        header,
        "| --- " * (6 if ranked else 5) + "|",
    ]
    for concept in concepts:
        broader = ", ".join(sorted(f"`{str(b).rsplit('/', 1)[-1]}`" for b in graph.objects(concept, SKOS.broader)))
        row = (
            f"| `{str(concept)[len(CONCEPT_NS) :]}` | {_text(graph, concept, SKOS.prefLabel)}"
            f" | {_labels(graph, concept, SKOS.altLabel)} | {_text(graph, concept, SKOS.definition)} | {broader} |"
        )
        if ranked:
            row += f" {_text(graph, concept, URIRef(ONTOLOGY_NS + 'rank'))} |"
        lines.append(row)
    return [*lines, ""]


def render_ontology_reference(graph: Graph | None = None) -> str:
    """The Markdown text of docs/ontology.md for the ontology as it is on disk; the same input gives the same text."""
    graph = graph if graph is not None else load_ontology_graph()
    version = graph.value(_ONTOLOGY_IRI, OWL.versionIRI)
    lines = [
        "# Ontology reference",
        "",
        "<!-- Generated from ontology/kg.ttl and ontology/schemes/*.ttl by `kg ontology doc`: do not edit. -->",
        "",
        f"Ontology `{_ONTOLOGY_IRI}`, version `{version}` ({_text(graph, _ONTOLOGY_IRI, OWL.versionInfo)}).",
        f"Terms are in `{ONTOLOGY_NS}` (prefix `ofk:`), concepts at `{CONCEPT_NS}<id>`,"
        f" schemes at `{SCHEME_NS}<name>`.",
        "",
        *_class_lines(graph),
        "",
        *_property_lines(graph, OWL.ObjectProperty, "Object properties"),
        "",
        *_property_lines(graph, OWL.DatatypeProperty, "Datatype properties"),
        "",
        "## Concept schemes",
        "",
    ]
    schemes = sorted(s for s in graph.subjects(RDF.type, SKOS.ConceptScheme) if isinstance(s, URIRef))
    for scheme in schemes:
        lines += _scheme_lines(graph, scheme)
    return "\n".join(lines).rstrip("\n") + "\n"


def write_ontology_reference(path: Path | None = None) -> Path:
    """Write the ontology reference (docs/ontology.md unless path is given); returns the path written."""
    path = Path(path) if path is not None else DEFAULT_REFERENCE_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_ontology_reference(), encoding="utf-8")
    return path
