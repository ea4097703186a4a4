"""Base IRIs, prefixes, and concept(): concept ids checked against ontology/schemes/."""

from __future__ import annotations

from functools import cache

from loaders.errors import UnknownName
from ontology import BASE_IRI, CONCEPT_NS, ONTOLOGY_NS, SCHEME_NS, concept_labels, scheme_names

__all__ = [
    "CONCEPT",
    "DATA",
    "OA",
    "OFK",
    "ORG",
    "PREFIXES",
    "SCHEME",
    "concept",
    "concept_id",
    "concept_ids",
    "concept_scheme",
]

# Plain IRI strings, not rdflib Namespaces: every `kg` command imports this, and rdflib costs a sixth of a second
OFK = ONTOLOGY_NS
CONCEPT = CONCEPT_NS
SCHEME = SCHEME_NS
DATA = BASE_IRI + "id/"  # authorities, inspections, reports, findings...
OA = "http://www.w3.org/ns/oa#"
ORG = "http://www.w3.org/ns/org#"

PREFIXES = {
    "ofk": OFK,
    "concept": CONCEPT,
    "scheme": SCHEME,
    "data": DATA,
    "oa": OA,
    "org": ORG,
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


@cache
def _scheme_of() -> dict[str, str]:
    return {cid: name for name in scheme_names() for cid in concept_labels(name)}


def concept_ids() -> list[str]:
    """Every concept id the ontology defines."""
    return sorted(_scheme_of())


def concept_scheme(concept_id: str) -> str:
    """Name of the scheme that holds a concept."""
    concept(concept_id)
    return _scheme_of()[concept_id]


def concept(concept_id: str) -> str:
    """IRI of a concept named in design/concepts.md.

    >>> concept("private-fostering-weak").endswith("/private-fostering-weak")
    True
    """
    if concept_id not in _scheme_of():
        raise UnknownName("concept", concept_id, known=_scheme_of())
    return CONCEPT + concept_id


def concept_id(iri: str) -> str:
    """The concept id at the end of a concept IRI.

    >>> concept_id("https://w3id.org/ofsted-kg/id/concept/good")
    'good'
    """
    return str(iri).rsplit("/", 1)[-1]
