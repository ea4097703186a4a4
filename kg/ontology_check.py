"""Check the ontology and its concept schemes: they parse, terms are documented, HermiT finds them consistent."""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from ontology import CONCEPT_NS, ONTOLOGY_NS, SCHEME_NS, turtle_paths

__all__ = ["OntologyCheck", "check_ontology", "load_ontology_graph"]

log = logging.getLogger(__name__)

_PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


@dataclass(frozen=True, slots=True)
class OntologyCheck:
    """What check_ontology() found."""

    triples: int  # triples in kg.ttl and every scheme, as rdflib reads them
    owlready_loaded: bool  # owlready2 read the merged graph
    consistent: bool | None  # HermiT's verdict; None when the reasoner was not run
    skipped: str | None  # why HermiT was not run (no Java), else None
    problems: tuple[str, ...]  # one line each: undocumented terms, malformed concepts, unsatisfiable classes

    @property
    def ok(self) -> bool:
        """True when nothing is wrong (a skipped reasoner is not a failure)."""
        return self.owlready_loaded and self.consistent is not False and not self.problems


def load_ontology_graph(paths: list[Path] | None = None) -> Graph:
    """kg.ttl and every concept scheme merged into one rdflib graph."""
    graph = Graph()
    for path in paths or turtle_paths():
        graph.parse(path, format="turtle")
    return graph


def _term_problems(graph: Graph) -> list[str]:
    """ofk: classes and properties without a label, comment, domain or range; ofk: terms used but undeclared."""
    problems = []
    declared = set()
    for kind in (OWL.Class, *_PROPERTY_TYPES):
        for term in graph.subjects(RDF.type, kind):
            if isinstance(term, URIRef) and str(term).startswith(ONTOLOGY_NS):
                declared.add(term)
    for term in sorted(declared):
        needed = [RDFS.label, RDFS.comment]
        if (term, RDF.type, OWL.Class) not in graph:
            needed += [RDFS.domain, RDFS.range]
        for predicate in needed:
            if graph.value(term, predicate) is None:
                problems.append(f"{term.n3(graph.namespace_manager)}: no {predicate.n3(graph.namespace_manager)}")
    used = {node for triple in graph for node in triple if isinstance(node, URIRef)}
    for term in sorted(node for node in used if str(node).startswith(ONTOLOGY_NS) and node not in declared):
        problems.append(f"{term.n3(graph.namespace_manager)}: used but not declared in kg.ttl")
    return problems


def _concept_problems(graph: Graph) -> list[str]:
    """Concepts that break the conventions of ontology/schemes (see docs/architecture.md)."""
    problems = []
    schemes = set(graph.subjects(RDF.type, SKOS.ConceptScheme))
    concepts = sorted(c for c in graph.subjects(RDF.type, SKOS.Concept) if isinstance(c, URIRef))
    for concept in concepts:
        name = str(concept)
        if not name.startswith(CONCEPT_NS):
            problems.append(f"{name}: concept outside {CONCEPT_NS}")
            continue
        concept_id = name[len(CONCEPT_NS) :]
        in_schemes = set(graph.objects(concept, SKOS.inScheme))
        if len(in_schemes) != 1 or not in_schemes <= schemes:
            problems.append(f"{concept_id}: in {len(in_schemes)} schemes, expected exactly one declared scheme")
        if [str(n) for n in graph.objects(concept, SKOS.notation)] != [concept_id]:
            problems.append(f"{concept_id}: skos:notation is not the id")
        pref = [label for label in graph.objects(concept, SKOS.prefLabel) if getattr(label, "language", None) == "en"]
        if len(pref) != 1:
            problems.append(f"{concept_id}: {len(pref)} English prefLabels, expected 1")
        if graph.value(concept, SKOS.definition) is None:
            problems.append(f"{concept_id}: no skos:definition")
        if (concept, RDF.type, OWL.NamedIndividual) not in graph:
            # pyshacl mixes only owl:NamedIndividuals of the ontology graph into a report graph
            problems.append(f"{concept_id}: not declared owl:NamedIndividual (SHACL validation cannot see it)")
        for broader in graph.objects(concept, SKOS.broader):
            if (broader, RDF.type, SKOS.Concept) not in graph:
                problems.append(f"{concept_id}: skos:broader {broader} is not a concept")
        labels = Counter(
            str(label).casefold() for p in (SKOS.prefLabel, SKOS.altLabel) for label in graph.objects(concept, p)
        )
        problems += [f"{concept_id}: label {label!r} given {n} times" for label, n in sorted(labels.items()) if n > 1]
    for scheme in sorted(schemes):
        if not str(scheme).startswith(SCHEME_NS):
            problems.append(f"{scheme}: scheme outside {SCHEME_NS}")
        if not any(True for _ in graph.subjects(SKOS.inScheme, scheme)):
            problems.append(f"{scheme}: scheme has no concepts")
    return problems


def _java() -> str | None:
    import owlready2

    return shutil.which(owlready2.JAVA_EXE) or shutil.which("java")


def _reason(graph: Graph) -> tuple[bool, bool | None, str | None, list[str]]:
    """(owlready2 loaded, HermiT consistent or None, why skipped, unsatisfiable classes) for the graph."""
    import owlready2

    with tempfile.TemporaryDirectory(prefix="kg-ontology-") as tmp:
        nt_path = Path(tmp) / "ontology.nt"
        graph.serialize(nt_path, format="nt", encoding="utf-8")
        world = owlready2.World()  # never the default world: checks must not leak into each other
        try:
            ontology = world.get_ontology(nt_path.as_uri()).load()
        except Exception as error:  # owlready2 raises plain exceptions for unreadable input
            return False, None, None, [f"owlready2 could not load the ontology: {error}"]
        java = _java()
        if java is None:
            return True, None, "Java not found; HermiT needs it", []
        owlready2.JAVA_EXE = java
        try:
            with ontology:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            return True, False, None, ["HermiT: the ontology is inconsistent"]
        unsatisfiable = [f"HermiT: class {cls.iri} is unsatisfiable" for cls in world.inconsistent_classes()]
        world.close()
    return True, True, None, sorted(unsatisfiable)


def check_ontology(paths: list[Path] | None = None, *, reason: bool = True) -> OntologyCheck:
    """Parse kg.ttl and the schemes, lint their terms and concepts, and ask HermiT (through owlready2) if consistent."""
    graph = load_ontology_graph(paths)
    problems = _term_problems(graph) + _concept_problems(graph)
    if reason:
        loaded, consistent, skipped, found = _reason(graph)
    else:
        loaded, consistent, skipped, found = True, None, "reasoning not asked for", []
    log.info("ontology: %d triples, %d problems", len(graph), len(problems) + len(found))
    return OntologyCheck(
        triples=len(graph),
        owlready_loaded=loaded,
        consistent=consistent,
        skipped=skipped,
        problems=tuple(problems + found),
    )
