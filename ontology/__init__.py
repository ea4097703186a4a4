"""The ontology and its concept schemes: the only place where concept ids and their labels are defined.

The graph layer loads the Turtle files into the store; the loaders read labels from here through
`concept_labels()`, so there is never a second list of names to keep in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = [
    "BASE_IRI",
    "CONCEPT_NS",
    "ONTOLOGY_DIR",
    "ONTOLOGY_NS",
    "ONTOLOGY_PATH",
    "SCHEME_DIR",
    "SCHEME_NS",
    "SHAPES_PATH",
    "ConceptLabels",
    "concept_labels",
    "scheme_names",
    "turtle_paths",
    "with_broader",
]

ONTOLOGY_DIR = Path(__file__).resolve().parent
ONTOLOGY_PATH = ONTOLOGY_DIR / "kg.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
SCHEME_DIR = ONTOLOGY_DIR / "schemes"

BASE_IRI = "https://w3id.org/ofsted-kg/"
ONTOLOGY_NS = BASE_IRI + "ontology#"  # classes and properties
CONCEPT_NS = BASE_IRI + "id/concept/"  # every concept, whatever its scheme: .../id/concept/<id>
SCHEME_NS = BASE_IRI + "id/scheme/"  # .../id/scheme/<file stem>
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_SKOS_LABELS = ("prefLabel", "altLabel", "hiddenLabel", "definition", "broader")  # what ConceptLabels reads


@dataclass(frozen=True, slots=True)
class ConceptLabels:
    """What the loaders need to know of one concept."""

    id: str
    scheme: str
    pref_label: str
    alt_labels: tuple[str, ...]
    hidden_labels: tuple[str, ...]
    definition: str
    broader: tuple[str, ...]  # concept ids
    rank: int | None = None  # grades only


def scheme_names() -> list[str]:
    """Names of the concept schemes, one per file in schemes/."""
    return sorted(path.stem for path in SCHEME_DIR.glob("*.ttl"))


def turtle_paths() -> list[Path]:
    """The ontology and every scheme file (not the shapes), in load order."""
    return [ONTOLOGY_PATH, *sorted(SCHEME_DIR.glob("*.ttl"))]


@cache
def concept_labels(scheme: str) -> dict[str, ConceptLabels]:
    """Concept id -> labels for every concept in one scheme, read from schemes/<scheme>.ttl."""
    # pyoxigraph's parser, not rdflib's: a tenth of the time, and every command that names a concept reads these
    from pyoxigraph import RdfFormat, parse

    path = SCHEME_DIR / f"{scheme}.ttl"
    if not path.is_file():
        from loaders.errors import UnknownName

        raise UnknownName("concept scheme", scheme, known=scheme_names())
    facts: dict[str, dict[str, list[str]]] = {}  # subject IRI -> predicate IRI -> object values
    for triple in parse(path=path, format=RdfFormat.TURTLE):
        facts.setdefault(triple.subject.value, {}).setdefault(triple.predicate.value, []).append(triple.object.value)

    def local(iri: str) -> str:
        return iri.rsplit("/", 1)[-1]

    labels = {}
    for iri, about in facts.items():
        if SCHEME_NS + scheme not in about.get(_SKOS + "inScheme", ()):
            continue
        skos = {name: sorted(about.get(_SKOS + name, ())) for name in _SKOS_LABELS}
        rank = about.get(ONTOLOGY_NS + "rank")
        labels[local(iri)] = ConceptLabels(
            id=local(iri),
            scheme=scheme,
            pref_label=next(iter(skos["prefLabel"]), local(iri)),
            alt_labels=tuple(skos["altLabel"]),
            hidden_labels=tuple(skos["hiddenLabel"]),
            definition=next(iter(skos["definition"]), ""),
            broader=tuple(sorted(local(b) for b in skos["broader"])),
            rank=int(rank[0]) if rank else None,
        )
    return labels


@cache
def _broader(scheme: str) -> dict[str, tuple[str, ...]]:
    return {cid: c.broader for cid, c in concept_labels(scheme).items()}


def with_broader(ids: set[str], scheme: str) -> tuple[str, ...]:
    """The ids and every broader concept in the same scheme (mash implies front-door), sorted."""
    broader = _broader(scheme)
    found, todo = set(), list(ids)
    while todo:
        cid = todo.pop()
        if cid in found:
            continue
        found.add(cid)
        todo.extend(b for b in broader.get(cid, ()) if b in broader)
    return tuple(sorted(found))
