"""The theme report: one theme (or service area, weakness, partner) across every authority in the graph."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from kg.query import run_query
from kg.report_charts import region_chart, year_chart
from kg.report_data import (
    Filters,
    Inspection,
    all_concepts,
    describe_inspection,
    inspection_phrase,
    page_phrase,
    read_inspections,
    resolve_concept,
    short_label,
)
from kg.report_doc import Document, Heading, ItemList, Paragraph, Quote, Table
from kg.store import GraphStore

__all__ = ["ThemeFinding", "build_theme_document", "read_theme_findings"]

POLARITIES = ("strength", "weakness", "mixed", "neutral")
QUOTES_PER_KIND = {"weakness": 6, "strength": 3}  # enough to show the pattern, few enough to read
_SCHEME_WORDS = {
    "themes": "theme",
    "services": "service area",
    "weaknesses": "recurring weakness",
    "partners": "partner agency",
}


@dataclass(frozen=True, slots=True)
class ThemeFinding:
    """One finding (counted once, whichever files state it) and the file chosen to cite it."""

    iri: str
    inspection: Inspection
    polarity: str
    sentence: str
    file: str
    page: int | None  # None where the file states no page
    section: str | None
    concepts: tuple[str, ...]  # the matched concept and narrower ones the finding carries
    weaknesses: tuple[str, ...]  # recurring weaknesses under the theme
    by_classifier: bool = False  # about the theme by the trained classifier's reading alone: no phrase names it


def read_theme_findings(store: GraphStore, concept_id: str, inspections: dict[str, Inspection]) -> list[ThemeFinding]:
    """Distinct findings about a concept or a narrower one, in the given inspections, each cited once."""
    best: dict[str, dict] = {}
    for row in run_query(store, "report-theme-findings", theme=concept_id):
        if row["inspection"] not in inspections:
            continue
        known = best.get(row["finding"])
        # A PDF and its text conversion share finding IRIs: cite the PDF, whose pages are the published ones.
        if known is None or _citation_rank(row) < _citation_rank(known):
            best[row["finding"]] = row
    return [
        ThemeFinding(
            iri,
            inspections[row["inspection"]],
            row["polarity"],
            row["sentence"],
            row["file"],
            row["page"],
            row["section"],
            tuple((row["concepts"] or "").split()),
            tuple((row["weaknesses"] or "").split()),
            _by_classifier(row),
        )
        for iri, row in best.items()
    ]


def _by_classifier(row: dict) -> bool:
    return _only_from_classifier(_ids(row["concepts"]), _ids(row.get("classifier_concepts")))


def _ids(column: str | None) -> set[str]:
    """A list column of concept ids (space-separated, or None) as a set."""
    return set((column or "").split())


def _only_from_classifier(concepts: set[str], classifier_concepts: set[str]) -> bool:
    """Whether there are concepts and only the trained classifier gave them (no phrase named one)."""
    return bool(concepts) and concepts <= classifier_concepts


def _citation_rank(row: dict) -> tuple:
    return (not row["file"].lower().endswith(".pdf"), row["page"] is None, row["file"], row["page"] or 0)


def build_theme_document(store: GraphStore, name: str, filters: Filters) -> Document:
    """The theme report as a Document: definition, counts, authorities, weaknesses, quotes, recommendations."""
    labels = resolve_concept(name)
    concepts = all_concepts()
    everything = read_inspections(store)
    selected, undated_left_out = filters.select(everything)
    by_iri = {i.iri: i for i in selected}
    findings = read_theme_findings(store, labels.id, by_iri)
    narrower = sorted(cid for cid, c in concepts.items() if labels.id in _ancestors(cid, concepts))
    label = labels.pref_label
    blocks: list = [Paragraph(_scope_line(everything, selected, filters, undated_left_out), emphasis=True)]

    blocks += [Heading(f"What “{label}” covers")]
    kind = _SCHEME_WORDS.get(labels.scheme, labels.scheme)
    blocks.append(
        Paragraph(
            f"{label[:1].upper()}{label[1:]} is a {kind} ({labels.id}). "
            + (labels.definition or "The ontology gives no definition.")
        )
    )
    if labels.alt_labels:
        blocks.append(Paragraph("Also written: " + ", ".join(labels.alt_labels) + "."))
    if narrower:
        blocks.append(Paragraph("Findings about these narrower concepts count towards it too:"))
        blocks.append(
            ItemList(tuple(f"{concepts[c].pref_label} ({c}): {concepts[c].definition}".rstrip(": ") for c in narrower))
        )

    blocks += _overview(label, findings)
    if findings:
        blocks += _authority_table(findings, by_iri)
    weakness_ids = [c for c in [labels.id, *narrower] if concepts[c].scheme == "weaknesses"]
    blocks += _recurring_weaknesses(findings, weakness_ids)
    blocks += _persistent(findings, selected)
    charts = [
        chart for chart in (year_chart(labels.id, label, findings), region_chart(labels.id, label, findings)) if chart
    ]
    if charts:
        blocks += [Heading("In pictures"), *charts]
    blocks += _quotes(findings)
    blocks += _recommendations(store, [labels.id, *narrower], by_iri)
    blocks += [
        Heading("How to read this report"),
        Paragraph(
            "Counts are of distinct inspections and findings: a report read from both a PDF and its text conversion "
            "counts once. A finding is one sentence that the extractor linked to the theme or to a narrower concept; "
            "its polarity (strength, weakness, mixed, neutral) is the extractor's reading of that sentence. The "
            "related judgement is the graded judgement whose section holds most of the findings, else overall "
            "effectiveness. Inspections whose reports do not state their dates are shown as undated. The quotations "
            "are a sample, not a ranking: sentences that name the theme and a recurring weakness and read on their "
            "own come first, one authority each before any second, the latest inspections first.",
            emphasis=True,
        ),
    ]
    reach = _count(len(_authorities(findings)), "authority")
    title = f"{label[:1].upper()}{label[1:]}: what inspectors found across {reach}"
    return Document(title, tuple(blocks))


def _ancestors(concept_id: str, concepts) -> set[str]:
    seen, todo = set(), list(concepts[concept_id].broader)
    while todo:
        current = todo.pop()
        if current not in seen and current in concepts:
            seen.add(current)
            todo.extend(concepts[current].broader)
    return seen


def _count(n: int, noun: str) -> str:
    plural = {"authority": "authorities"}.get(noun, noun + "s")
    return f"{n} {noun if n == 1 else plural}"


def _authorities(findings: list[ThemeFinding]) -> set[str]:
    return {f.inspection.gss_code for f in findings}


def _scope_line(everything, selected, filters: Filters, undated_left_out: int) -> str:
    line = (
        f"Drawn from {_count(len(selected), 'inspection')} of "
        f"{_count(len({i.gss_code for i in selected}), 'authority')} in the graph"
    )
    if filters.describe():
        line += f" ({filters.describe()}; {len(everything)} inspections in all)"
    if undated_left_out:
        line += f"; {_count(undated_left_out, 'undated inspection')} left out (no date to filter on)"
    return line + "."


def _overview(label: str, findings: list[ThemeFinding]) -> list:
    if not findings:
        return [Heading("At a glance"), Paragraph(f"No finding in the selected inspections is about {label}.")]
    rows = []
    for polarity in POLARITIES:
        subset = [f for f in findings if f.polarity == polarity]
        rows.append(
            (
                short_label(polarity),
                str(len(subset)),
                str(len({f.inspection.iri for f in subset})),
                str(len(_authorities(subset))),
            )
        )
    rows.append(
        (
            "All findings",
            str(len(findings)),
            str(len({f.inspection.iri for f in findings})),
            str(len(_authorities(findings))),
        )
    )
    counts = Counter(f.polarity for f in findings)
    text = (
        f"{_count(len(_authorities(findings)), 'authority')} and "
        f"{_count(len({f.inspection.iri for f in findings}), 'inspection')} have findings about {label}: "
        f"{_count(len(findings), 'finding')}, of which {counts['strength']} read as strengths, "
        f"{counts['weakness']} as weaknesses, {counts['mixed']} as mixed and {counts['neutral']} as neutral."
    )
    if by_classifier := sum(f.by_classifier for f in findings):
        text += (
            f" Of these, {by_classifier} {'is' if by_classifier == 1 else 'are'} about {label} by the trained "
            "classifier's reading alone: no phrase in the sentence names it."
        )
    return [
        Heading("At a glance"),
        Paragraph(text),
        Table(("Polarity", "Findings", "Inspections", "Authorities"), tuple(rows), numeric=(1, 2, 3)),
    ]


def _year(inspection: Inspection) -> str:
    return str(inspection.start.year) if inspection.start else "undated"


def _when_and_framework(inspection: Inspection) -> str:
    """'7 November 2022, ILACS'; an undated one already names its framework."""
    when = describe_inspection(inspection)
    return f"{when}, {short_label(inspection.framework)}" if inspection.start and inspection.framework else when


def _related_judgement(findings: list[ThemeFinding], inspection: Inspection) -> str:
    """The grade of the judgement whose section holds most of these findings, else overall effectiveness."""
    sections = Counter(f.section for f in findings if f.section and inspection.grade(f.section))
    area = sections.most_common(1)[0][0] if sections else "overall-effectiveness"
    grade = inspection.grade(area)
    return f"{short_label(area)}: {short_label(grade)}" if grade else "no grade stated"


def _authority_table(findings: list[ThemeFinding], by_iri: dict[str, Inspection]) -> list:
    per_authority: dict[str, list[ThemeFinding]] = defaultdict(list)
    for finding in findings:
        per_authority[finding.inspection.gss_code].append(finding)
    rows = []
    for items in sorted(per_authority.values(), key=lambda fs: fs[0].inspection.authority):
        latest = max({f.inspection for f in items}, key=Inspection.order_key)
        in_latest = [f for f in items if f.inspection == latest]
        weaknesses = sorted({w for f in items for w in f.weaknesses})
        rows.append(
            (
                latest.authority,
                latest.region or "",
                _when_and_framework(latest),
                _related_judgement(in_latest, latest),
                str(len({f.inspection.iri for f in items})),
                str(len(items)),
                str(sum(f.polarity == "strength" for f in items)),
                str(sum(f.polarity == "weakness" for f in items)),
                "; ".join(short_label(w) for w in weaknesses) or "none",
            )
        )
    return [
        Heading("Authority by authority"),
        Paragraph(
            "Latest inspection with findings on the theme, the grade of the related judgement in it, "
            "and counts over every selected inspection of the authority."
        ),
        Table(
            (
                "Authority",
                "Region",
                "Latest inspection",
                "Related judgement",
                "Inspections",
                "Findings",
                "Strengths",
                "Weaknesses",
                "Recurring weaknesses found",
            ),
            tuple(rows),
            numeric=(4, 5, 6, 7),
        ),
    ]


def _recurring_weaknesses(findings: list[ThemeFinding], weakness_ids: list[str]) -> list:
    if not weakness_ids:
        return []
    blocks: list = [Heading("Recurring weaknesses")]
    rows, absent = [], []
    for weakness in weakness_ids:
        having = [f for f in findings if weakness in f.weaknesses]
        if not having:
            absent.append(short_label(weakness))
            continue
        found_in = sorted({f.inspection for f in having}, key=lambda i: (i.authority, i.order_key()))
        names = [f"{i.authority} ({_year(i)})" for i in found_in]
        rows.append(
            (
                short_label(weakness),
                str(len({i.gss_code for i in found_in})),
                str(len({f.inspection.iri for f in having})),
                str(len(having)),
                ", ".join(names),
            )
        )
    if rows:
        rows.sort(key=lambda r: (-int(r[1]), r[0]))
        blocks.append(
            Table(("Weakness", "Authorities", "Inspections", "Findings", "Found in"), tuple(rows), numeric=(1, 2, 3))
        )
    if absent:
        blocks.append(Paragraph("Not found in the selected inspections: " + ", ".join(absent) + "."))
    return blocks


def _persistent(findings: list[ThemeFinding], selected: list[Inspection]) -> list:
    """Same weakness in two consecutive inspections of one authority (consecutive among those in the graph)."""
    found: dict[str, set[str]] = defaultdict(set)
    for finding in findings:
        found[finding.inspection.iri].update(finding.weaknesses)
    per_authority: dict[str, list[Inspection]] = defaultdict(list)
    for inspection in selected:
        per_authority[inspection.gss_code].append(inspection)
    rows = []
    for inspections in per_authority.values():
        ordered = sorted(inspections, key=Inspection.order_key)
        for earlier, later in zip(ordered, ordered[1:], strict=False):
            for weakness in sorted(found[earlier.iri] & found[later.iri]):
                rows.append(
                    (later.authority, short_label(weakness), describe_inspection(earlier), describe_inspection(later))
                )
    repeat = sum(len(i) > 1 for i in per_authority.values())
    if not rows:
        return [
            Heading("Persistent weaknesses"),
            Paragraph(
                "No authority had the same recurring weakness found in two consecutive inspections "
                f"({_count(repeat, 'authority')} with more than one inspection in the selection)."
            ),
        ]
    return [
        Heading("Persistent weaknesses"),
        Paragraph("The same recurring weakness found in two consecutive inspections of an authority."),
        Table(("Authority", "Weakness", "Earlier inspection", "Later inspection"), tuple(sorted(rows))),
    ]


# A sentence that opens by pointing back ("This limits their effectiveness ...") says little without the one before
_POINTS_BACK = re.compile(
    r"^\W*(?:however,? |but |and )?(?:this|these|that|they|such|it(?! is (?:not )?(?:clear|evident|too)\b))\b", re.I
)


def _quote_score(finding: ThemeFinding) -> tuple:
    # Telling: a phrase names the theme (not the classifier alone), names a recurring weakness, stands alone, is short
    # enough to quote whole, long enough to say something; then the latest inspections first (not the authorities
    # first in the alphabet).
    length = len(finding.sentence)
    return (
        finding.by_classifier,
        not finding.weaknesses,
        bool(_POINTS_BACK.match(finding.sentence)),
        not 60 <= length <= 320,
        -(finding.inspection.known_date or date.min).toordinal(),  # undated last
        finding.inspection.authority,
        finding.page or 0,
    )


def _quotes(findings: list[ThemeFinding]) -> list:
    blocks: list = []
    for polarity, heading in (("weakness", "What the reports criticise"), ("strength", "What the reports praise")):
        per_authority: Counter[str] = Counter()
        # The "what needs to improve" list is quoted under Recommendations, not as a finding.
        candidates = sorted(
            (f for f in findings if f.polarity == polarity and f.section != "improvements"), key=_quote_score
        )
        # each authority's best quote before any authority's second, and no third
        ranked = []
        for finding in candidates:
            ranked.append((per_authority[finding.inspection.gss_code], finding))
            per_authority[finding.inspection.gss_code] += 1
        chosen = [f for rank, f in sorted(ranked, key=lambda pair: pair[0]) if rank < 2][: QUOTES_PER_KIND[polarity]]
        if chosen:
            blocks.append(Heading(heading))
            for finding in sorted(chosen, key=lambda f: (f.inspection.authority, f.inspection.order_key())):
                citation = _citation(finding.inspection, finding.page, finding.file)
                if finding.by_classifier:
                    citation += "; theme from the classifier"
                blocks.append(Quote(finding.sentence, citation))
    return blocks


def _citation(inspection: Inspection, page: int | None, file: str) -> str:
    return f"{inspection.authority}, {inspection_phrase(inspection)}, {page_phrase(page)} ({file})"


def _recommendations(store: GraphStore, concept_ids: list[str], by_iri: dict[str, Inspection]) -> list:
    """Recommendations tagged with the concept or a narrower one; by their wording if the graph tags none."""
    rows = [row for row in run_query(store, "report-recommendations") if row["inspection"] in by_iri]
    note = None
    if any(row["themes"] for row in rows):
        wanted = set(concept_ids)
        rows = [row for row in rows if wanted & set((row["themes"] or "").split())]
    else:
        names = _label_pattern(concept_ids)
        rows = [row for row in rows if names.search(row["text"])]
        note = (
            "Recommendations in this graph carry no theme tags: these are the ones that name it or a narrower concept."
        )
    best: dict[str, dict] = {}
    for row in rows:
        known = best.get(row["recommendation"])
        if known is None or _citation_rank(row) < _citation_rank(known):
            best[row["recommendation"]] = row
    if not best:
        return [Heading("Recommendations"), Paragraph("No recommendation in the selected inspections is about it.")]
    ordered = sorted(best.values(), key=lambda r: (r["authority"], by_iri[r["inspection"]].order_key(), r["number"]))
    items = tuple(
        f"{r['text']} ({_citation(by_iri[r['inspection']], r['page'], r['file'])}, recommendation {r['number']}"
        f"{'; theme from the classifier' if _recommendation_by_classifier(r, concept_ids) else ''})"
        for r in ordered
    )
    return [Heading("Recommendations"), *([Paragraph(note, emphasis=True)] if note else []), ItemList(items)]


def _recommendation_by_classifier(row: dict, concept_ids: list[str]) -> bool:
    """Whether every theme of the recommendation under the report's concept is one only the classifier gave."""
    return _only_from_classifier(set(concept_ids) & _ids(row["themes"]), _ids(row.get("classifier_themes")))


def _label_pattern(concept_ids: list[str]) -> re.Pattern[str]:
    """Any label of the concepts, as whole words, any case (acronyms such as CSE match in capitals only)."""
    concepts = all_concepts()
    words, acronyms = set(), set()
    for cid in concept_ids:
        c = concepts[cid]
        for label in (c.pref_label, *c.alt_labels, *c.hidden_labels):
            (acronyms if label.isupper() else words).add(re.escape(label))
    parts = []
    if words:
        parts.append(r"(?i:\b(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b)")
    if acronyms:
        parts.append(r"\b(?:" + "|".join(sorted(acronyms)) + r")\b")
    return re.compile("|".join(parts))
