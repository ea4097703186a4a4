"""The authority report: one authority's story across its inspections."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from kg.query import run_query
from kg.report_data import (
    Inspection,
    area_positions,
    authority_term,
    describe_inspection,
    format_date,
    inspection_phrase,
    page_phrase,
    read_inspections,
    resolve_authority,
    short_label,
)
from kg.report_doc import Document, Heading, ItemList, Paragraph, Table
from kg.store import GraphStore
from loaders.errors import KgError

__all__ = ["build_authority_document"]

OVERALL_GRADE_ENDS = date(2026, 4, 1)  # ILACS inspections from this day give no overall effectiveness grade
THEMES_SHOWN = 5  # most-criticised themes listed per inspection


def build_authority_document(store: GraphStore, name: str) -> Document:
    """The authority report as a Document: grades over time, weaknesses found and kept, neighbours, recommendations."""
    authority = resolve_authority(name)
    inspections = sorted(read_inspections(store, authority.gss_code), key=Inspection.order_key)
    if not inspections:
        raise KgError(f"{authority.name}: no inspection of this authority in the graph; build its reports first")
    blocks: list = [
        Paragraph(
            f"{authority.name} ({authority.gss_code}), {authority.region or 'region not known'}: "
            f"{len(inspections)} inspection{'s' if len(inspections) != 1 else ''} in the graph, "
            f"from {describe_inspection(inspections[0])} to {describe_inspection(inspections[-1])}."
        )
    ]
    if any(i.start is None for i in inspections):
        blocks.append(
            Paragraph(
                "Some reports do not state when the inspection took place: they are shown as undated and placed by "
                "their framework (earlier frameworks, then SIF 2013–2018, then ILACS from 2018) and, where known, "
                "their publication date or the date of the figures they give.",
                emphasis=True,
            )
        )
    blocks += _trajectory(inspections)
    blocks += _weaknesses(store, authority.gss_code, inspections)
    blocks += _themes(store, authority.gss_code, inspections)
    blocks += _neighbours(store, authority.gss_code, inspections)
    blocks += _recommendations(store, authority.gss_code, inspections)
    return Document(f"{authority.name}: children's services inspections over time", tuple(blocks))


def _trajectory(inspections: list[Inspection]) -> list:
    order = area_positions()
    areas = sorted(
        {area for inspection in inspections for area, _ in inspection.grades}, key=lambda a: order.get(a, 99)
    )
    rows, changes, previous = [], [], None
    for inspection in inspections:
        framework = short_label(inspection.framework) or "not stated"
        if previous is not None and inspection.framework != previous.framework:
            changes.append(
                f"{short_label(previous.framework) or 'not stated'} to {framework}, between the "
                f"{inspection_phrase(previous)} and the {inspection_phrase(inspection)}"
            )
            framework += " (new framework)"
        rows.append(
            (
                describe_inspection(inspection),
                framework,
                *(_grade_cell(inspection, area) for area in areas),
            )
        )
        previous = inspection
    blocks = [
        Heading("Grades inspection by inspection"),
        Table(("Inspection", "Framework", *(short_label(a) for a in areas)), tuple(rows)),
    ]
    if changes:
        blocks.append(
            Paragraph(
                "The framework changed: " + "; ".join(changes) + ". Grades under different "
                "frameworks judge different areas in different words: compare them with care."
            )
        )
    changes_by_area = []
    for area in areas:
        graded = [(i, i.grade(area)) for i in inspections if i.grade(area)]
        if len(graded) > 1:
            path = " → ".join(f"{short_label(grade)} ({describe_inspection(i)})" for i, grade in graded)
            changes_by_area.append(f"{short_label(area)}: {path}")
    if any(_overall_not_given(i) for i in inspections):
        blocks.append(
            Paragraph(
                "Ofsted stopped giving an overall effectiveness grade in inspections from 1 April 2026; "
                "the other judgements are graded as before."
            )
        )
    if changes_by_area:
        blocks += [Paragraph("Areas graded in more than one inspection:"), ItemList(tuple(changes_by_area))]
    return blocks


def _grade_cell(inspection: Inspection, area: str) -> str:
    if area == "overall-effectiveness" and _overall_not_given(inspection):
        return "not given (from April 2026)"
    grade = short_label(inspection.grade(area)) or "—"
    return f"{grade} (with care leavers)" if inspection.care_leavers_with == area else grade


def _overall_not_given(inspection: Inspection) -> bool:
    """No overall effectiveness grade, in an ILACS inspection from 1 April 2026, when Ofsted stopped giving one."""
    started = inspection.start
    return (
        not inspection.grade("overall-effectiveness")
        and inspection.framework == "ilacs"
        and started is not None
        and started >= OVERALL_GRADE_ENDS
    )


def _weaknesses(store: GraphStore, gss_code: str, inspections: list[Inspection]) -> list:
    counts: dict[str, Counter] = defaultdict(Counter)
    seen = set()
    for row in run_query(store, "weaknesses", authority=authority_term(gss_code)):
        if (row["finding"], row["weakness"]) not in seen:  # one finding may be read from two files
            seen.add((row["finding"], row["weakness"]))
            counts[row["inspection"]][row["weakness"]] += 1
    blocks: list = [Heading("Recurring weaknesses, inspection by inspection")]
    weaknesses = sorted({w for c in counts.values() for w in c}, key=short_label)
    if not weaknesses:
        return blocks + [Paragraph("No recurring weakness was found in any of its inspections.")]
    rows = []
    for weakness in weaknesses:
        found = [counts[i.iri][weakness] for i in inspections]
        rows.append((short_label(weakness), *(f"found ({n})" if n else "—" for n in found), _status(found)))
    columns = ("Weakness", *(describe_inspection(i) for i in inspections), "Latest status")
    blocks.append(Paragraph("Each cell gives the number of findings stating the weakness in that inspection."))
    blocks.append(Table(columns, tuple(rows)))
    for previous, current in zip(inspections, inspections[1:], strict=False):
        before, after = set(counts[previous.iri]), set(counts[current.iri])
        items = [
            f"persisted: {', '.join(sorted(map(short_label, before & after)))}" if before & after else "",
            f"resolved (no longer found): {', '.join(sorted(map(short_label, before - after)))}"
            if before - after
            else "",
            f"new: {', '.join(sorted(map(short_label, after - before)))}" if after - before else "",
        ]
        if any(items):
            blocks += [
                Heading(f"From {describe_inspection(previous)} to {describe_inspection(current)}", 3),
                ItemList(tuple(item for item in items if item)),
            ]
    return blocks


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _status(found: list[int]) -> str:
    """What became of a weakness by the latest inspection.

    >>> _status([2, 1]), _status([3, 0]), _status([0, 1]), _status([1])
    ('persisted', 'resolved', 'new', 'found')
    """
    if len(found) < 2:
        return "found" if found and found[-1] else "—"
    last, before = found[-1], found[-2]
    if last and before:
        return "persisted"
    if last:
        return "new" if not any(found[:-1]) else "returned"
    return "resolved" if before else ("resolved earlier" if any(found) else "—")


def _themes(store: GraphStore, gss_code: str, inspections: list[Inspection]) -> list:
    """The themes with most weakness findings, per inspection: where inspectors' criticism fell."""
    per_inspection: dict[str, Counter] = defaultdict(Counter)
    for row in run_query(store, "report-authority-criticism", authority=authority_term(gss_code)):
        per_inspection[row["inspection"]][row["theme"]] = row["findings"]
    rows = []
    for inspection in inspections:
        top = per_inspection[inspection.iri].most_common(THEMES_SHOWN)
        rows.append(
            (describe_inspection(inspection), "; ".join(f"{short_label(theme)} ({n})" for theme, n in top) or "none")
        )
    if not per_inspection:
        return [Heading("Themes most often criticised"), Paragraph("No weakness findings were read from its reports.")]
    return [
        Heading("Themes most often criticised"),
        Paragraph(f"The {THEMES_SHOWN} themes with most weakness findings in each inspection (findings)."),
        Table(("Inspection", "Themes"), tuple(rows)),
    ]


def _neighbours(store: GraphStore, gss_code: str, inspections: list[Inspection]) -> list:
    rows = run_query(store, "report-neighbours", authority=authority_term(gss_code))
    blocks: list = [Heading("Statistical neighbours")]
    if not rows:
        return blocks + [Paragraph("The authorities table lists no statistical neighbours for it.")]
    own = [i for i in inspections if i.start and i.grade("overall-effectiveness")]
    table_rows = []
    if own:
        latest = own[-1]
        table_rows.append(
            (
                f"{latest.authority} (this authority)",
                latest.region or "",
                describe_inspection(latest),
                short_label(latest.framework),
                short_label(latest.grade("overall-effectiveness")),
            )
        )
    for row in rows:
        if row["inspection_start"] is not None:
            table_rows.append(
                (
                    row["neighbour"],
                    row["region"] or "",
                    format_date(row["inspection_start"]),
                    short_label(row["framework"]) or "—",
                    short_label(row["overall_grade"]) or "—",
                )
            )
    missing = [row["neighbour"] for row in rows if row["inspection_start"] is None]
    blocks += [
        Paragraph(
            f"Its {len(rows)} statistical neighbours (the authorities most like it), {len(rows) - len(missing)} of "
            "them inspected in this graph: the latest dated inspection with an overall grade, beside its own."
        ),
        Table(("Authority", "Region", "Latest inspection", "Framework", "Overall grade"), tuple(table_rows)),
    ]
    if missing:
        blocks.append(Paragraph("No dated, graded inspection in the graph: " + ", ".join(missing) + "."))
    return blocks


def _recommendations(store: GraphStore, gss_code: str, inspections: list[Inspection]) -> list:
    by_inspection: dict[str, dict[str, dict]] = defaultdict(dict)
    for row in run_query(store, "report-recommendations", authority=authority_term(gss_code)):
        chosen = by_inspection[row["inspection"]]
        # A PDF and its text conversion share recommendation IRIs: keep one, the PDF's.
        if row["recommendation"] not in chosen or not chosen[row["recommendation"]]["file"].endswith(".pdf"):
            chosen[row["recommendation"]] = row
    blocks: list = [Heading("Recommendations")]
    for inspection in inspections:
        rows = sorted(by_inspection[inspection.iri].values(), key=lambda r: r["number"])
        blocks.append(Heading(_capital(inspection_phrase(inspection)), 3))
        if rows:
            blocks.append(
                ItemList(tuple(f"{r['text']} (recommendation {r['number']}, {page_phrase(r['page'])})" for r in rows))
            )
        else:
            blocks.append(Paragraph("No recommendations were read from this report.", emphasis=True))
    return blocks
