"""SPARQL SELECT results as JSON, XML, CSV or TSV bytes, from a list of solutions (for `kg serve`).

pyoxigraph serialises a whole QuerySolutions iterator and cannot start from a list, and the endpoint must stop
reading at its row limit before anything is written; so the four W3C result formats are written here. Tests
check them against pyoxigraph's own serialisations of the same results.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from pyoxigraph import BlankNode, Literal, NamedNode

__all__ = ["RESULT_MEDIA_TYPES", "write_solutions"]

_QUOTE = {'"': "&quot;"}
XSD = "http://www.w3.org/2001/XMLSchema#"
# numbers and booleans in TSV are written bare, as in Turtle, when their lexical form allows it
_BARE = {
    XSD + "integer": re.compile(r"[+-]?\d+"),
    XSD + "decimal": re.compile(r"[+-]?\d*\.\d+"),
    XSD + "double": re.compile(r"[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+"),
    XSD + "boolean": re.compile(r"true|false"),
}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RESULT_MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
}


def write_solutions(variables: Sequence[str], solutions: Sequence[object], fmt: str) -> bytes:
    """The solutions (pyoxigraph QuerySolution or dicts of terms) in one W3C results format.

    >>> write_solutions(["s"], [{"s": NamedNode("http://example.org/a")}], "csv")
    b's\\r\\nhttp://example.org/a\\r\\n'
    """
    rows = [[_get(solution, name) for name in variables] for solution in solutions]
    if fmt == "json":
        return _json(variables, rows)
    if fmt == "xml":
        return _xml(variables, rows)
    if fmt == "csv":
        return _csv(variables, rows)
    if fmt == "tsv":
        lines = ["\t".join(f"?{name}" for name in variables)]
        lines += ["\t".join("" if term is None else _tsv_term(term) for term in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"unknown results format {fmt}")


def _get(solution: object, name: str):
    if isinstance(solution, dict):
        return solution.get(name)
    return solution[name]


def _json(variables: Sequence[str], rows: list[list]) -> bytes:
    bindings = [
        {name: _json_term(term) for name, term in zip(variables, row, strict=True) if term is not None} for row in rows
    ]
    document = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _json_term(term) -> dict:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        cell = {"type": "literal", "value": term.value}
        if term.language:
            cell["xml:lang"] = term.language
        elif term.datatype and term.datatype.value != XSD_STRING:
            cell["datatype"] = term.datatype.value
        return cell
    # an RDF 1.2 triple term
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def _xml(variables: Sequence[str], rows: list[list]) -> bytes:
    out = ['<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
    out += [f"<variable name={quoteattr(name)}/>" for name in variables]
    out.append("</head><results>")
    for row in rows:
        out.append("<result>")
        for name, term in zip(variables, row, strict=True):
            if term is not None:
                out.append(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
        out.append("</result>")
    out.append("</results></sparql>")
    return "".join(out).encode("utf-8")


def _xml_term(term) -> str:
    if isinstance(term, NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value, _QUOTE)}</literal>"
        if term.datatype and term.datatype.value not in (XSD_STRING, RDF_LANG_STRING):
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value, _QUOTE)}</literal>"
        return f"<literal>{escape(term.value, _QUOTE)}</literal>"
    return (
        f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
        f"</predicate><object>{_xml_term(term.object)}</object></triple>"
    )


def _tsv_term(term) -> str:
    if isinstance(term, Literal) and term.datatype and (bare := _BARE.get(term.datatype.value)):
        if bare.fullmatch(term.value):
            return term.value
    return str(term)


def _csv(variables: Sequence[str], rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # the W3C CSV results format asks for CRLF
    writer.writerow(variables)
    for row in rows:
        writer.writerow(["" if term is None else _csv_value(term) for term in row])
    return buffer.getvalue().encode("utf-8")


def _csv_value(term) -> str:
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, NamedNode | Literal):
        return term.value
    return str(term)
