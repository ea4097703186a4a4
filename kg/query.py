"""Named SPARQL queries: kg/queries/<name>.rq, values bound as RDF terms, rows as plain Python values.

Each .rq file starts with a header of comment lines:

    # Question: which authorities were criticised for a recurring weakness, and where?
    # Param weakness (concept): a recurring weakness id, e.g. police-only-strategy-discussions
    # Columns: file, authority, ...
    # Sort: authority, inspection_start missing first, file     (optional)

The `# Sort:` header sorts the rows in Python rather than with ORDER BY (Oxigraph's ORDER BY reads every value
it compares from disk, and costs more than the query itself on a few thousand rows): by each column in turn,
rows without a value last, or first when the column says "missing first" (as SPARQL's ORDER BY has them).

Parameters are substituted as RDF terms (pyoxigraph substitutions), never pasted into the text. A
parameter `x` is the variable ?param_x, which the query must project (an Oxigraph rule; run_query drops
it from the rows). An optional parameter is read through BIND(COALESCE(?param_x, default) AS ...), which
sees substitutions where FILTER(BOUND(...)) does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QuerySolutions

from kg.namespaces import CONCEPT, concept
from kg.store import GraphStore
from loaders.errors import KgError, UnknownName

__all__ = [
    "PORTABLE_DIR",
    "QUERY_DIR",
    "NamedQuery",
    "named_queries",
    "run_query",
    "run_sparql",
    "to_term",
    "load_query",
    "find_query",
]

QUERY_DIR = Path(__file__).resolve().parent / "queries"
PORTABLE_DIR = QUERY_DIR / "portable"  # plain SPARQL 1.1 versions of the queries written for Oxigraph's planner
XSD = "http://www.w3.org/2001/XMLSchema#"
PARAM_PREFIX = "param_"  # a parameter `weakness` is the query variable ?param_weakness
PARAM_TYPES = ("concept", "literal", "date", "integer", "decimal", "iri", "authority")


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    kind: str  # one of PARAM_TYPES
    description: str

    @property
    def required(self) -> bool:
        return "(required)" in self.description


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A .rq file and what its header says of it."""

    name: str
    path: Path
    question: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    text: str
    sort: tuple[str, ...] = ()  # `# Sort:` items, e.g. "inspection_start missing first": sorted in Python


def load_query(path: Path) -> NamedQuery:
    """Read a .rq file and its header."""
    text = path.read_text(encoding="utf-8")
    question, params, columns, sort = "", [], (), ()
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line.lstrip("# ").strip()
        if body.lower().startswith("question:"):
            question = body.split(":", 1)[1].strip()
        elif match := re.match(r"(?i)param\s+(\w+)\s*\((\w+)\)\s*:\s*(.*)", body):
            name, kind, description = match.groups()
            if kind not in PARAM_TYPES:
                raise KgError(f"{path.name}: parameter {name} has unknown type {kind}")
            params.append(Param(name, kind, description))
        elif body.lower().startswith("columns:"):
            columns = tuple(c.strip() for c in body.split(":", 1)[1].split(","))
        elif body.lower().startswith("sort:"):
            sort = tuple(c.strip() for c in body.split(":", 1)[1].split(","))
    return NamedQuery(path.stem, path, question, tuple(params), columns, text, sort)


@cache
def named_queries() -> dict[str, NamedQuery]:
    """Every named query shipped in kg/queries/, by name."""
    return {path.stem: load_query(path) for path in sorted(QUERY_DIR.glob("*.rq"))}


def to_term(kind: str, value: object):
    """A parameter value (from the CLI or Python) as the RDF term its declared type asks for."""
    if isinstance(value, NamedNode | Literal):
        return value
    text = str(value)
    if kind == "concept":
        return NamedNode(str(concept(text)))
    if kind == "authority":
        from kg.iris import authority_iri
        from loaders.authorities import authority_by_gss, find_authority

        found = None
        if re.fullmatch(r"E\d{8}", text.strip()):  # a GSS code
            try:
                found = authority_by_gss(text.strip())
            except UnknownName:
                found = None
        found = found or find_authority(text)
        if found is None:
            raise UnknownName("authority", text)
        return NamedNode(authority_iri(found.gss_code))
    if kind == "date":
        try:
            return Literal(date.fromisoformat(text).isoformat(), datatype=NamedNode(XSD + "date"))
        except ValueError:
            raise KgError(f"{text}: not a date; write it as YYYY-MM-DD") from None
    if kind in ("integer", "decimal"):
        try:
            number = int(text) if kind == "integer" else Decimal(text)
        except (ValueError, ArithmeticError):
            raise KgError(f"{text}: not a number") from None
        return Literal(str(number), datatype=NamedNode(XSD + kind))
    if kind == "iri":
        return NamedNode(text)
    return Literal(text)


def run_query(store: GraphStore, name_or_path: str | Path, **values: object) -> list[dict[str, object]]:
    """Run a named query (or a .rq file) with values bound as RDF terms; rows of plain Python values.

    Concept IRIs come back as concept ids, dates as datetime.date, numbers as int or float.
    """
    query = find_query(name_or_path)
    declared = {p.name: p for p in query.params}
    missing = [p.name for p in query.params if p.required and values.get(p.name) is None]
    if missing:
        raise KgError(
            f"{query.name}: needs a value for {', '.join(missing)}; e.g. --param {missing[0]}=… (see `kg queries`)"
        )
    bindings = {}
    for name, value in values.items():
        if value is None:
            continue
        if name not in declared:
            raise UnknownName(f"parameter of query {query.name}", name, known=declared)
        bindings[PARAM_PREFIX + name] = to_term(declared[name].kind, value)
    rows = _rows(store.query(query.text, bindings))
    if query.sort:
        specs = [_sort_spec(item) for item in query.sort]
        rows.sort(key=lambda row: tuple(_sort_key(row.get(column), first) for column, first in specs))
    return rows


def _sort_spec(item: str) -> tuple[str, bool]:
    """A `# Sort:` item as (column, whether rows without a value come first)."""
    column, _, flag = item.partition(" ")
    return column, " ".join(flag.lower().split()) == "missing first"


def _sort_key(value: object, missing_first: bool = False) -> tuple:
    """Missing values last (or first), then by type and value, so that None and dates never compare."""
    if value is None:
        return (-1, "") if missing_first else (2, "")
    if isinstance(value, int | float):
        return (0, value)
    return (1, str(value))


def run_sparql(store: GraphStore, sparql: str, **terms) -> list[dict[str, object]] | bool:
    """Run SPARQL text with values already RDF terms; rows of plain Python values (or a boolean for ASK)."""
    result = store.query(sparql, terms)
    if isinstance(result, QueryBoolean):
        return bool(result)
    return _rows(result)


def find_query(name_or_path: str | Path) -> NamedQuery:
    path = Path(name_or_path)
    if path.suffix == ".rq" and path.is_file():
        return load_query(path)
    name = str(name_or_path).removesuffix(".rq")
    queries = named_queries()
    if name not in queries:
        raise UnknownName("query", name, known=queries)
    return queries[name]


def _rows(solutions) -> list[dict[str, object]]:
    if not isinstance(solutions, QuerySolutions):
        raise KgError("only SELECT queries give rows; use `kg export rdf` for graphs")
    # Substituted variables must be projected (an Oxigraph rule); they are not result columns.
    variables = [v.value for v in solutions.variables]
    columns = [(name, index) for index, name in enumerate(variables) if not name.startswith(PARAM_PREFIX)]
    # Names, ids and dates repeat down a column: convert each such term once. Plain strings (sentences are
    # unique) are taken as they are: hashing them for a cache would only cost time on big results.
    seen: dict[object, object] = {}
    rows = []
    for solution in solutions:
        row = {}
        for name, index in columns:
            term = solution[index]
            if term is None:
                row[name] = None
            elif type(term) is Literal and term.datatype.value in _PLAIN:
                row[name] = term.value
            else:
                value = seen.get(term, _MISSING)
                if value is _MISSING:
                    value = seen[term] = to_python(term)
                row[name] = value
        rows.append(row)
    return rows


_PLAIN = frozenset((XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"))
_MISSING = object()


def to_python(term) -> object:
    """An RDF term as the plain value a table cell wants."""
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return term.value.removeprefix(str(CONCEPT)) if term.value.startswith(str(CONCEPT)) else term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    datatype = term.datatype.value if term.datatype else ""
    value = term.value
    try:
        if datatype == XSD + "date":
            return date.fromisoformat(value)
        if datatype == XSD + "dateTime":
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        if datatype in (XSD + "integer", XSD + "int", XSD + "long"):
            return int(value)
        if datatype in (XSD + "decimal", XSD + "double", XSD + "float"):
            number = float(value)
            return int(number) if number.is_integer() else number
        if datatype == XSD + "boolean":
            return value in ("true", "1")  # both are xsd:boolean lexical forms (Virtuoso sends 1/0)
        if datatype == XSD + "dayTimeDuration" and (match := re.fullmatch(r"-?P(\d+)D", value)):
            return int(match.group(1)) * (-1 if value.startswith("-") else 1)
    except ValueError:
        return value
    return value
