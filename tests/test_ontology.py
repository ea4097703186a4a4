"""The ontology, its concept schemes and SHACL shapes: fixed ids exist, terms are documented, shapes bite."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.ontology_check import check_ontology, load_ontology_graph
from kg.ontology_doc import DEFAULT_REFERENCE_PATH, render_ontology_reference
from ontology import CONCEPT_NS, ONTOLOGY_NS, SCHEME_DIR, SHAPES_PATH, concept_labels, scheme_names

ROOT = Path(__file__).resolve().parent.parent
OFK = Namespace(ONTOLOGY_NS)
CONCEPT = Namespace(CONCEPT_NS)
OA = Namespace("http://www.w3.org/ns/oa#")
SH = Namespace("http://www.w3.org/ns/shacl#")
DATA = Namespace("https://w3id.org/ofsted-kg/id/")

# design/concepts.md section heading -> scheme file stem
SECTION_SCHEMES = {
    "Grades": "grades",
    "Judgement areas": "areas",
    "Inspection frameworks": "frameworks",
    "Themes": "themes",
    "Service areas": "services",
    "Partner agencies": "partners",
    "Recurring weaknesses": "weaknesses",
}
OTHER_HELPERS_SCHEMES = {"themes", "services", "partners", "weaknesses"}


def _required_ids(concepts_doc: str) -> dict[str, list[tuple[str, str | None]]]:
    """Scheme -> (id, second backticked cell or None) from concepts.md tables and the partner agencies line."""
    required: dict[str, list[tuple[str, str | None]]] = {}
    scheme = None
    for line in concepts_doc.splitlines():
        heading = re.match(r"^## (.+?)(?: \(.*\))?\s*$", line)
        if heading:
            scheme = SECTION_SCHEMES.get(heading.group(1))
            continue
        if scheme is None:
            continue
        if line.startswith("| `"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            first = re.match(r"`([^`]+)`", cells[0]).group(1)
            second = re.fullmatch(r"`([^`]+)`", cells[1]) if len(cells) > 1 else None
            required.setdefault(scheme, []).append((first, second.group(1) if second else None))
        elif scheme == "partners" and line.startswith("`"):
            required.setdefault(scheme, []).extend((cid, None) for cid in re.findall(r"`([^`]+)`", line))
    return required


@pytest.mark.parametrize("scheme", sorted(set(SECTION_SCHEMES.values())))
def test_scheme_defines_every_required_concept(concepts_doc, scheme):
    if scheme in OTHER_HELPERS_SCHEMES and not (SCHEME_DIR / f"{scheme}.ttl").is_file():
        pytest.skip(f"ontology/schemes/{scheme}.ttl is not written yet (another helper owns it)")
    required = _required_ids(concepts_doc)[scheme]
    labels = concept_labels(scheme)
    assert sorted(cid for cid, _ in required if cid not in labels) == []
    if scheme == "weaknesses":  # the second column is the broader theme
        assert {cid: labels[cid].broader for cid, _ in required} == {cid: (broader,) for cid, broader in required}


def test_concepts_md_parsing_reads_tables_and_the_partner_line():
    sample = "## Grades (ordered)\n\n| id | m |\n| --- | --- |\n| `good` | Good |\n\n## Partner agencies\n\n`police`."
    assert _required_ids(sample) == {"grades": [("good", None)], "partners": [("police", None)]}


def test_grades_have_ranks():
    ranks = {cid: labels.rank for cid, labels in concept_labels("grades").items()}
    assert ranks == {"outstanding": 1, "good": 2, "requires-improvement": 3, "adequate": 3, "inadequate": 4}


@pytest.mark.parametrize(
    ("scheme", "label", "concept_id"),
    [
        ("grades", "Requires improvement", "requires-improvement"),
        ("grades", "Requires improvement to be good", "requires-improvement"),
        ("areas", "The impact of leaders on social work practice with children and families", "leadership"),
        ("areas", "Children looked after and achieving permanence", "children-in-care"),
        ("areas", "The experiences and progress of children in care and care leavers", "children-in-care"),
        ("areas", "Experiences and progress of care leavers", "care-leavers"),
        ("areas", "Effectiveness of the Local Safeguarding Children Board", "lscb"),
        ("section-kinds", "What needs to improve in this local authority?", "improvements"),
        ("section-kinds", "What does the local authority need to improve?", "improvements"),
        ("section-kinds", "Information about this local authority area", "area-information"),
        ("section-kinds", "Summary for children and young people", "summary-for-children"),
        ("section-kinds", "The local authority's strengths", "strengths"),
    ],
)
def test_scheme_labels_cover_report_wordings(scheme, label, concept_id):
    found = {
        cid
        for cid, labels in concept_labels(scheme).items()
        if label.casefold() in {text.casefold() for text in (labels.pref_label, *labels.alt_labels)}
    }
    assert found == {concept_id}


@pytest.mark.parametrize("scheme", scheme_names())
def test_scheme_concepts_follow_conventions(scheme):
    paths = [ROOT / "ontology" / "kg.ttl", SCHEME_DIR / f"{scheme}.ttl"]
    # a concept's broader concept may stand in another scheme (a weakness's theme): check with all schemes
    everything = [ROOT / "ontology" / "kg.ttl", *sorted(SCHEME_DIR.glob("*.ttl"))]
    problems = check_ontology(everything, reason=False).problems
    assert [p for p in problems if p.split(":")[0] in concept_labels(scheme)] == []
    assert len(set(load_ontology_graph(paths).subjects(RDF.type, SKOS.ConceptScheme))) == 1


def test_architecture_terms_are_declared():
    architecture = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    graph = load_ontology_graph([ROOT / "ontology" / "kg.ttl"])
    undeclared = []
    for name in sorted(set(re.findall(r"ofk:([A-Za-z][A-Za-z0-9]*)", architecture))):
        term = OFK[name]
        kinds = set(graph.objects(term, RDF.type))
        needs = [RDFS.label, RDFS.comment] + ([] if OWL.Class in kinds else [RDFS.domain, RDFS.range])
        if not kinds or any(graph.value(term, predicate) is None for predicate in needs):
            undeclared.append(name)
    assert undeclared == []


@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java, which is not installed")
def test_check_ontology_reports_consistent():
    check = check_ontology()
    assert (check.owlready_loaded, check.consistent, check.skipped) == (True, True, None)
    assert check.triples > 1000


def test_ontology_reference_is_in_sync():
    committed = DEFAULT_REFERENCE_PATH.read_text(encoding="utf-8") if DEFAULT_REFERENCE_PATH.is_file() else ""
    assert committed == render_ontology_reference(), "docs/ontology.md is out of date: run `kg ontology doc`"


# --- SHACL shapes, run as kg.validate runs them: one report graph, the ontology mixed in ---------------------------

SHA = "a4f3325c54dd242a333a9c981d3ee1c0cf2d34519fa29323abf4c5a1d01e5882"


def _report_graph() -> Graph:
    """A small, correct report graph written by hand with the vocabulary."""
    g = Graph()
    report = DATA[f"report/{SHA[:16]}"]
    inspection = DATA["inspection/E06000059/2021-09-27"]
    judgement = URIRef(f"{inspection}/judgement/overall-effectiveness")
    finding = URIRef(f"{inspection}/finding/0123456789ab")
    evidence = URIRef(f"{report}/sentence/7")
    quote, position = URIRef(f"{evidence}/quote"), URIRef(f"{evidence}/position")
    statistic = URIRef(f"{inspection}/statistic/children-looked-after/count/2021-03-31")
    run = URIRef(f"{report}/run/0.1.0")
    sentence = "Strategy discussions are held only with the police."
    triples = [
        (report, RDF.type, OFK.InspectionReport),
        (report, OFK.reportOf, inspection),
        (report, OFK.sha256, Literal(SHA)),
        (report, OFK.sourceFile, Literal("report-a4f3325c54dd.pdf")),
        (report, OFK.pageCount, Literal(14)),
        (report, DCTERMS.issued, Literal("2021-11-19", datatype=XSD.date)),
        (report, OFK.extractedBy, run),
        (run, RDF.type, OFK.ExtractionRun),
        (run, PROV.used, report),
        (run, OFK.softwareVersion, Literal("0.1.0")),
        (inspection, RDF.type, OFK.Inspection),
        (inspection, OFK.inspectedAuthority, DATA["authority/E06000059"]),
        (inspection, OFK.framework, CONCEPT.ilacs),
        (inspection, OFK.inspectionType, CONCEPT.standard),
        (inspection, OFK.startDate, Literal("2021-09-27", datatype=XSD.date)),
        (inspection, OFK.hasJudgement, judgement),
        (judgement, RDF.type, OFK.Judgement),
        (judgement, OFK.area, CONCEPT["overall-effectiveness"]),
        (judgement, OFK.grade, CONCEPT.outstanding),
        (judgement, OFK.coversCareLeavers, Literal(False)),
        (judgement, OFK.statedIn, report),
        (finding, RDF.type, OFK.Finding),
        (finding, OFK.aboutInspection, inspection),
        (finding, OFK.text, Literal(sentence)),
        (finding, OFK.polarity, CONCEPT.weakness),
        (finding, OA.hasTarget, evidence),
        (evidence, RDF.type, OA.SpecificResource),
        (evidence, OA.hasSource, report),
        (evidence, OFK.page, Literal(3)),
        (evidence, OFK.section, CONCEPT["help-and-protection"]),
        (evidence, OFK.sentenceIndex, Literal(7)),
        (evidence, OA.hasSelector, quote),
        (quote, RDF.type, OA.TextQuoteSelector),
        (quote, OA.exact, Literal(sentence)),
        (evidence, OA.hasSelector, position),
        (position, RDF.type, OA.TextPositionSelector),
        (position, OA.start, Literal(1200)),
        (position, OA.end, Literal(1200 + len(sentence))),
        (statistic, RDF.type, OFK.Statistic),
        (statistic, OFK.aboutInspection, inspection),
        (statistic, OFK.measure, CONCEPT["children-looked-after"]),
        (statistic, OFK.value, Literal("474", datatype=XSD.decimal)),
        (statistic, OFK.unit, Literal("count")),
        (statistic, OFK.asAt, Literal("2021-03-31", datatype=XSD.date)),
    ]
    for triple in triples:
        g.add(triple)
    return g


def _violations(data: Graph) -> set[tuple[str, str]]:
    """(focus node's last path segment, result path's local name) of every violation, not counting details."""
    from pyshacl import validate

    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    _, report, _ = validate(data, shacl_graph=shapes, ont_graph=load_ontology_graph(), inference="none", advanced=True)
    found = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if (None, SH.detail, result) in report:
            continue
        focus = str(report.value(result, SH.focusNode)).rsplit("/", 1)[-1]
        path = re.split(r"[#/]", str(report.value(result, SH.resultPath)))[-1]
        found.add((focus, path))
    return found


def test_shapes_accept_a_correct_report_graph():
    assert _violations(_report_graph()) == set()


def test_shapes_reject_a_judgement_with_two_grades():
    graph = _report_graph()
    judgement = next(graph.subjects(RDF.type, OFK.Judgement))
    graph.add((judgement, OFK.grade, CONCEPT.good))
    assert _violations(graph) == {("overall-effectiveness", "grade")}


def test_shapes_reject_a_finding_without_evidence():
    graph = _report_graph()
    finding = next(graph.subjects(RDF.type, OFK.Finding))
    graph.remove((finding, OA.hasTarget, None))
    assert _violations(graph) == {("0123456789ab", "hasTarget")}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        # a grade where an area belongs: a concept of the wrong scheme
        (lambda g, s: g.set((s("Judgement"), OFK.area, CONCEPT.good)), {("overall-effectiveness", "area")}),
        (lambda g, s: g.set((s("InspectionReport"), OFK.sha256, Literal("abc"))), {("a4f3325c54dd242a", "sha256")}),
        (
            lambda g, s: g.set((s("Inspection"), OFK.startDate, Literal("27 September 2021"))),
            {("2021-09-27", "startDate")},
        ),
        (lambda g, s: g.remove((s("Inspection"), OFK.framework, None)), {("2021-09-27", "framework")}),
        (lambda g, s: g.remove((s("Statistic"), OFK.unit, None)), {("2021-03-31", "unit")}),
        (lambda g, s: g.set((s("Finding"), OFK.polarity, CONCEPT.sif)), {("0123456789ab", "polarity")}),
    ],
)
def test_shapes_reject_broken_graphs(change, expected):
    graph = _report_graph()

    def subject(cls: str) -> URIRef:
        return next(graph.subjects(RDF.type, OFK[cls]))

    change(graph, subject)
    assert _violations(graph) == expected


def test_shapes_reject_evidence_on_page_zero():
    graph = _report_graph()
    evidence = next(graph.subjects(RDF.type, OA.SpecificResource))
    graph.set((evidence, OFK.page, Literal(0)))
    assert ("7", "page") in _violations(graph)


def test_shapes_accept_finding_concepts_of_every_scheme():
    # fails when a scheme's concepts are not owl:NamedIndividuals: pyshacl then does not mix them in
    graph = _report_graph()
    finding = next(graph.subjects(RDF.type, OFK.Finding))
    graph.add((finding, OFK.theme, CONCEPT["strategy-discussions"]))
    graph.add((finding, OFK.serviceArea, CONCEPT.mash))
    graph.add((finding, OFK.partner, CONCEPT.police))
    graph.add((finding, OFK.weakness, CONCEPT["police-only-strategy-discussions"]))
    assert _violations(graph) == set()


def test_shapes_reject_a_theme_from_the_classifier_that_is_not_a_theme_of_the_finding():
    graph = _report_graph()
    finding = next(graph.subjects(RDF.type, OFK.Finding))
    graph.add((finding, OFK.classifierTheme, CONCEPT["voice-of-the-child"]))
    assert _violations(graph) == {("0123456789ab", "classifierTheme")}
    graph.add((finding, OFK.theme, CONCEPT["voice-of-the-child"]))
    assert _violations(graph) == set()


def test_every_concept_id_the_theme_rules_name_is_in_a_scheme():
    # concept_spans.py names ids where a section or a word decides a theme; a misspelt id would tag nothing
    import ast

    from loaders.components import concept_spans

    tree = ast.parse(Path(concept_spans.__file__).read_text(encoding="utf-8"))

    def strings(node) -> set[str]:
        return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}

    named = set()  # compared with span.id_ or given as span_id=, one word or many
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and any(
            isinstance(side, ast.Attribute) and side.attr == "id_" for side in [node.left, *node.comparators]
        ):
            named |= strings(node)
        if isinstance(node, ast.keyword) and node.arg == "span_id" and isinstance(node.value, ast.Constant):
            named.add(node.value.value)
    hyphenated = {text for text in strings(tree) if re.fullmatch(r"[a-z]+(?:-[a-z0-9]+)+", text)}
    known = set().union(*(concept_labels(s) for s in ("themes", "services", "partners", "areas", "section-kinds")))
    words = {"multi-agency"}  # a word of the sentences, compared with span.text
    assert {"plans", "permanence", "assessments"} <= named
    assert (named | hyphenated) - known - words == set()
