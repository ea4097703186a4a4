"""Report record -> quads of its own named graph, one add_* function per record type.

Building and loading quads is the hot path of a build (hundreds of reports, thousands of sentences each), so
`_Quads` writes each one straight out as a line of N-Quads text, which crosses from a worker process to the
store as one bytes object and is parsed in Rust there; terms are pyoxigraph's (not rdflib's) where the
add_* functions make them.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse

from kg import iris
from loaders.records import Authority, Report
from ontology import CONCEPT_NS, ONTOLOGY_NS, turtle_paths

__all__ = [
    "SOFTWARE_VERSION",
    "fingerprinted_files",
    "authority_quads",
    "reference_quads",
    "report_nquads",
]

_PACKAGE_VERSION = "0.1.0"


def fingerprinted_files() -> list[Path]:
    """Everything that decides what a report yields: loaders code, patterns and cue lists, models, schemes."""
    root = Path(__file__).resolve().parent.parent
    files = []
    for folder, patterns in (
        (root / "loaders", ("**/*.py", "patterns/*.json", "**/*.jsonl", "**/*.csv", "models/**/*")),
        (root / "ontology", ("*.ttl", "schemes/*.ttl")),
        (root / "kg", ("build.py", "iris.py")),
    ):
        for pattern in patterns:
            files.extend(
                path for path in sorted(folder.glob(pattern)) if path.is_file() and "__pycache__" not in path.parts
            )
    return files


def _source_fingerprint() -> str:
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in fingerprinted_files():
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


SOFTWARE_VERSION = f"{_PACKAGE_VERSION}+{_source_fingerprint()}"  # a new extractor rebuilds every report

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD = "http://www.w3.org/2001/XMLSchema#"
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
STATGEO = "http://statistics.data.gov.uk/id/statistical-geography/"


@lru_cache(maxsize=4096)  # vocabulary terms recur in every report; bounded, as each finding's own IRIs pass once
def _node(iri: str) -> NamedNode:
    return NamedNode(iri)


def _ofk(term: str) -> NamedNode:
    return _node(ONTOLOGY_NS + term)


def _concept(concept_id: str) -> NamedNode:
    return _node(CONCEPT_NS + concept_id)


class _Term(str):
    """A term already written as N-Triples text (a typed literal): `_Quads.add` takes it as it is."""

    __slots__ = ()


def _date(value) -> _Term:
    return _Term(f'"{value.isoformat()}"^^<{XSD}date>')


def _int(value: int | None) -> _Term | None:
    """An xsd:integer literal; None (no triple: _Quads.add skips it) where there is no value, as a page not stated."""
    return None if value is None else _Term(f'"{int(value)}"^^<{XSD}integer>')


def _string(text: str) -> str:
    """A plain (xsd:string) literal as N-Triples text: only quote, backslash and line ends need escapes."""
    if "\\" in text or '"' in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{text}"'


class _Quads:
    """Collects the quads of one graph as lines of N-Quads; skips None objects so optional fields need no if.

    A subject given as a str is an IRI, an object given as a str a plain literal; pyoxigraph terms are
    written as pyoxigraph writes them. IRIs are checked where the text is parsed: `nquads()` or the store.
    """

    def __init__(self, graph: str) -> None:
        self._graph_end = f" <{graph}> .\n"
        self._lines: list[str] = []

    def add(self, subject: str | NamedNode, predicate: NamedNode, obj) -> None:
        if obj is None:
            return
        if type(obj) is not _Term:
            obj = _string(obj) if isinstance(obj, str) else str(obj)  # str(term): its N-Triples form
        subject = f"<{subject}>" if isinstance(subject, str) else str(subject)
        self._lines.append(f"{subject} {predicate} {obj}{self._graph_end}")

    def a(self, subject: str, cls: NamedNode) -> None:
        self.add(subject, RDF_TYPE, cls)

    def nquads(self) -> bytes:
        """The quads as N-Quads (UTF-8), one line each, in the order they were added."""
        return "".join(self._lines).encode()

    @property
    def quads(self) -> list[Quad]:
        """The quads as pyoxigraph Quads (parsed from the text, so a bad IRI raises SyntaxError here)."""
        return list(parse(self.nquads(), format=RdfFormat.N_QUADS))


def report_nquads(
    report: Report, run_started: datetime | None = None, version: str = SOFTWARE_VERSION
) -> tuple[str, bytes]:
    """(graph IRI, N-Quads) of everything read from one report file: what a build passes to the store."""
    graph, q = _report_graph(report, run_started, version)
    return graph, q.nquads()


def _report_graph(report: Report, run_started: datetime | None, version: str) -> tuple[str, _Quads]:
    if report.authority is None:
        raise ValueError(f"{report.path.name}: report has no resolved authority")
    report_iri = iris.report_iri(report.sha256)
    inspection = iris.inspection_iri(
        report.authority.gss_code, report.inspection_start, report.framework, report.sha256
    )
    q = _Quads(report_iri)
    _add_report(q, report, report_iri, inspection, run_started or datetime.now(UTC), version)
    _add_inspection(q, report, inspection)
    _add_judgements(q, report, report_iri, inspection)
    _add_findings(q, report, report_iri, inspection)
    _add_theme_tallies(q, report, report_iri)
    _add_recommendations(q, report, report_iri, inspection)
    _add_statistics(q, report, report_iri, inspection)
    _add_previous_results(q, report, inspection)
    return report_iri, q


def _add_report(q: _Quads, report: Report, report_iri: str, inspection: str, started: datetime, version: str) -> None:
    q.a(report_iri, _ofk("InspectionReport"))
    q.add(report_iri, _ofk("reportOf"), _node(inspection))
    q.add(report_iri, _ofk("sourceFile"), report.path.name)
    q.add(report_iri, _ofk("sha256"), report.sha256)
    # a text file's pages are counted only when its page numbers state every one
    stated = report.pages and all(page.number is not None for page in report.pages)
    q.add(report_iri, _ofk("pageCount"), _int(report.pages[-1].number if stated else None))
    q.add(report_iri, _node(DCTERMS + "issued"), _date(report.published) if report.published else None)
    media = "application/pdf" if report.source_format == "pdf" else "text/plain"
    q.add(report_iri, _node(DCTERMS + "format"), media)
    q.add(report_iri, _ofk("authorityAsWritten"), report.authority_as_written)
    run = f"{report_iri}/run/{version}"
    q.add(report_iri, _ofk("extractedBy"), _node(run))
    q.a(run, _ofk("ExtractionRun"))
    q.add(run, _node(PROV + "used"), _node(report_iri))
    q.add(run, _ofk("softwareVersion"), version)
    stamp = Literal(started.isoformat(timespec="seconds"), datatype=_node(XSD + "dateTime"))
    q.add(run, _node(PROV + "startedAtTime"), stamp)


def _add_inspection(q: _Quads, report: Report, inspection: str) -> None:
    q.a(inspection, _ofk("Inspection"))
    q.add(inspection, _ofk("inspectedAuthority"), _node(iris.authority_iri(report.authority.gss_code)))
    q.add(inspection, _ofk("framework"), _concept(report.framework) if report.framework else None)
    q.add(inspection, _ofk("inspectionType"), _concept(report.inspection_type) if report.inspection_type else None)
    q.add(inspection, _ofk("startDate"), _date(report.inspection_start) if report.inspection_start else None)
    q.add(inspection, _ofk("endDate"), _date(report.inspection_end) if report.inspection_end else None)
    q.add(inspection, _ofk("leadInspector"), report.lead_inspector)


def _add_judgements(q: _Quads, report: Report, report_iri: str, inspection: str) -> None:
    for judgement in report.judgements:
        iri = iris.judgement_iri(inspection, judgement.area)
        q.a(iri, _ofk("Judgement"))
        q.add(inspection, _ofk("hasJudgement"), _node(iri))
        q.add(iri, _ofk("area"), _concept(judgement.area))
        q.add(iri, _ofk("grade"), _concept(judgement.grade))
        boolean = Literal("true" if judgement.covers_care_leavers else "false", datatype=_node(XSD + "boolean"))
        q.add(iri, _ofk("coversCareLeavers"), boolean)
        q.add(iri, _ofk("statedIn"), _node(report_iri))


def _add_evidence(
    q: _Quads,
    report_iri: str,
    index: int,
    text: str,
    start: int,
    end: int,
    page: int | None,
    section: str | None = None,
    paragraph: int | None = None,
) -> NamedNode:
    """A oa:SpecificResource: the exact quote, its offsets and page (where the file states it) in one file."""
    evidence = iris.evidence_iri(report_iri, index)
    q.a(evidence, _node(OA + "SpecificResource"))
    q.add(evidence, _node(OA + "hasSource"), _node(report_iri))
    quote, position = f"{evidence}/quote", f"{evidence}/position"
    q.add(evidence, _node(OA + "hasSelector"), _node(quote))
    q.a(quote, _node(OA + "TextQuoteSelector"))
    q.add(quote, _node(OA + "exact"), text)
    q.add(evidence, _node(OA + "hasSelector"), _node(position))
    q.a(position, _node(OA + "TextPositionSelector"))
    q.add(position, _node(OA + "start"), _int(start))
    q.add(position, _node(OA + "end"), _int(end))
    q.add(evidence, _ofk("page"), _int(page))
    q.add(evidence, _ofk("section"), _concept(section) if section else None)
    q.add(evidence, _ofk("paragraph"), _int(paragraph))
    q.add(evidence, _ofk("sentenceIndex"), _int(index))
    return _node(evidence)


def _add_findings(q: _Quads, report: Report, report_iri: str, inspection: str) -> None:
    seen: Counter[str] = Counter()
    for finding in report.findings:
        sentence = finding.sentence
        key = iris.sentence_key(sentence.text)
        iri = iris.finding_iri(inspection, sentence.text, seen[key])
        seen[key] += 1
        q.a(iri, _ofk("Finding"))
        q.add(iri, _ofk("aboutInspection"), _node(inspection))
        q.add(iri, _ofk("text"), sentence.text)
        q.add(iri, _ofk("polarity"), _concept(finding.polarity))
        for predicate, ids in (
            ("theme", finding.themes),
            ("serviceArea", finding.service_areas),
            ("partner", finding.partners),
            ("weakness", finding.weaknesses),
            ("classifierTheme", finding.classifier_themes),  # also ofk:theme above: its sub-property
        ):
            for concept_id in ids:
                q.add(iri, _ofk(predicate), _concept(concept_id))
        evidence = _add_evidence(
            q,
            report_iri,
            sentence.index,
            sentence.text,
            sentence.start,
            sentence.end,
            sentence.page,
            sentence.section,
            sentence.paragraph,
        )
        q.add(iri, _node(OA + "hasTarget"), evidence)


_CRITICAL_POLARITIES = frozenset(("weakness", "mixed"))


def _add_theme_tallies(q: _Quads, report: Report, report_iri: str) -> None:
    """Per theme, how many of this file's findings are about it, and how many of those criticise.

    Derived from the findings above, so that counting themes over the whole graph reads a few thousand
    tallies instead of joining every finding with its themes and polarity (theme-by-region-year).
    """
    findings: Counter[str] = Counter()
    critical: Counter[str] = Counter()
    for finding in report.findings:
        for theme in set(finding.themes):
            findings[theme] += 1
            critical[theme] += finding.polarity in _CRITICAL_POLARITIES
    for theme in sorted(findings):
        iri = f"{report_iri}/theme-tally/{theme}"
        q.a(iri, _ofk("ThemeTally"))
        q.add(iri, _ofk("statedIn"), _node(report_iri))
        q.add(iri, _ofk("countedTheme"), _concept(theme))
        q.add(iri, _ofk("findingCount"), _int(findings[theme]))
        q.add(iri, _ofk("weaknessFindingCount"), _int(critical[theme]))


def _add_recommendations(q: _Quads, report: Report, report_iri: str, inspection: str) -> None:
    for rec in report.recommendations:
        iri = f"{inspection}/recommendation/{iris.sentence_key(rec.text)}"
        q.a(iri, _ofk("Recommendation"))
        q.add(iri, _ofk("aboutInspection"), _node(inspection))
        q.add(iri, _ofk("text"), rec.text)
        q.add(iri, _ofk("number"), _int(rec.number))
        for theme in rec.themes:
            q.add(iri, _ofk("theme"), _concept(theme))
        for theme in rec.classifier_themes:
            q.add(iri, _ofk("classifierTheme"), _concept(theme))
        evidence = f"{report_iri}/recommendation/{rec.number}"
        q.a(evidence, _node(OA + "SpecificResource"))
        q.add(evidence, _node(OA + "hasSource"), _node(report_iri))
        q.add(evidence, _ofk("page"), _int(rec.page))
        q.add(evidence, _node(OA + "hasSelector"), _node(f"{evidence}/quote"))
        q.a(f"{evidence}/quote", _node(OA + "TextQuoteSelector"))
        q.add(f"{evidence}/quote", _node(OA + "exact"), rec.text)
        q.add(iri, _node(OA + "hasTarget"), _node(evidence))


def _add_statistics(q: _Quads, report: Report, report_iri: str, inspection: str) -> None:
    for stat in report.statistics:
        when = stat.as_at.isoformat() if stat.as_at else "undated"
        iri = f"{inspection}/statistic/{stat.measure}/{stat.unit}/{when}"
        q.a(iri, _ofk("Statistic"))
        q.add(iri, _ofk("aboutInspection"), _node(inspection))
        q.add(iri, _ofk("measure"), _concept(stat.measure))
        q.add(
            iri,
            _ofk("value"),
            Literal(repr(float(stat.value)), datatype=_node(XSD + "decimal"))
            if stat.value != int(stat.value)
            else Literal(str(int(stat.value)), datatype=_node(XSD + "decimal")),
        )
        q.add(iri, _ofk("unit"), stat.unit)
        q.add(iri, _ofk("asAt"), _date(stat.as_at) if stat.as_at else None)
        q.add(iri, _ofk("statedIn"), _node(report_iri))
        q.add(iri, _ofk("text"), stat.text)


def _add_previous_results(q: _Quads, report: Report, inspection: str) -> None:
    for number, previous in enumerate(report.previous_results, 1):
        iri = f"{inspection}/previous/{number}"
        q.a(iri, _ofk("PreviousResult"))
        q.add(iri, _ofk("aboutInspection"), _node(inspection))
        q.add(iri, _ofk("area"), _concept(previous.area))
        q.add(iri, _ofk("grade"), _concept(previous.grade))
        q.add(iri, _ofk("year"), _int(previous.year) if previous.year else None)
        q.add(iri, _ofk("text"), previous.text or None)


def authority_quads(authorities: list[Authority]) -> list[Quad]:
    """Authorities and their regions, for the reference graph."""
    q = _Quads(iris.REFERENCE_GRAPH)
    for authority in authorities:
        iri = iris.authority_iri(authority.gss_code)
        q.a(iri, _ofk("LocalAuthority"))
        q.a(iri, _node("http://www.w3.org/ns/org#Organization"))
        q.add(iri, _node(SKOS + "prefLabel"), Literal(authority.name, language="en"))
        q.add(iri, _node("http://www.w3.org/2000/01/rdf-schema#label"), Literal(authority.name, language="en"))
        q.add(iri, _ofk("gssCode"), authority.gss_code)
        q.add(iri, _ofk("dfeCode"), authority.dfe_code)
        q.add(iri, _ofk("ofstedUrn"), authority.ofsted_urn)
        q.add(iri, _ofk("statisticalGeography"), _node(STATGEO + authority.gss_code))
        if authority.region_code:
            region = iris.region_iri(authority.region_code)
            q.add(iri, _ofk("region"), _node(region))
            q.a(region, _ofk("Region"))
            q.add(region, _node(SKOS + "prefLabel"), Literal(authority.region or authority.region_code, language="en"))
            q.add(region, _ofk("gssCode"), authority.region_code)
        for neighbour in authority.statistical_neighbours:
            q.add(iri, _ofk("statisticalNeighbour"), _node(iris.authority_iri(neighbour)))
        for successor in authority.successors:
            q.add(iri, _ofk("succeededBy"), _node(iris.authority_iri(successor)))
        q.add(iri, _ofk("abolished"), _date(authority.abolished) if authority.abolished else None)
    return q.quads


def reference_quads() -> list[Quad]:
    """The ontology, every concept scheme and the authorities table, in the reference graph."""
    from loaders.authorities import all_authorities

    graph = _node(iris.REFERENCE_GRAPH)
    quads = []
    for path in turtle_paths():
        for triple in parse(path=str(path), format=RdfFormat.TURTLE):
            quads.append(Quad(triple.subject, triple.predicate, triple.object, graph))
    quads.extend(authority_quads(all_authorities()))
    return quads
