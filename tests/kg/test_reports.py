"""Theme and authority reports: content on the seed graph, counting, ordering, escaping, the CLI."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.query import run_query
from kg.report_data import resolve_concept
from kg.report_doc import Document, Quote, Table, escape_markdown, render_html, render_markdown
from kg.reports import write_authority_report, write_theme_report
from loaders.errors import KgError, UnknownName

HOSTILE = "Only the police | attend *strategy* discussions </script><img src=x onerror=alert(1)> [x](javascript:1) `c`"


# --- a small store of hand-made reports: known counts, an undated inspection, a PDF and its text twin ---


def _report(name: str, gss: str, start: date | None, framework: str, grades, sentences, recommendations=()):
    from loaders.authorities import authority_by_gss
    from loaders.records import Finding, Judgement, Page, Recommendation, Report, Sentence

    text, findings, recs = "", [], []
    for index, (sentence, polarity, themes, weaknesses, *classifier_themes) in enumerate(sentences):
        start_at = len(text)
        text += sentence + " "
        read = Sentence(
            sentence, start_at, start_at + len(sentence), page=index + 2, section="help-and-protection", index=index
        )
        findings.append(
            Finding(
                read,
                polarity,
                themes=tuple(themes),
                weaknesses=tuple(weaknesses),
                classifier_themes=tuple(classifier_themes[0] if classifier_themes else ()),
            )
        )
    for number, (recommendation, themes, *classifier_themes) in enumerate(recommendations, 1):
        start_at = len(text)
        text += recommendation + " "
        recs.append(
            Recommendation(
                recommendation,
                start_at,
                start_at + len(recommendation),
                page=9,
                number=number,
                themes=tuple(themes),
                classifier_themes=tuple(classifier_themes[0] if classifier_themes else ()),
            )
        )
    return Report(
        Path(name),
        hashlib.sha256(name.encode()).hexdigest(),
        text,
        [Page(1, 0, len(text))],
        framework=framework,
        authority=authority_by_gss(gss),
        inspection_start=start,
        judgements=[Judgement(area, grade) for area, grade in grades],
        sentences=[f.sentence for f in findings],
        findings=findings,
        recommendations=recs,
        source_format="pdf" if name.endswith(".pdf") else "text",
    )


def _crafted_reports():
    police_only = (
        "Strategy discussions are held with the police only.",
        "weakness",
        ["strategy-discussions"],
        ["police-only-strategy-discussions"],
    )
    hostile = (HOSTILE, "weakness", ["strategy-discussions"], ["police-only-strategy-discussions"])
    return [
        _report(
            "wandsworth-old.txt",
            "E09000032",
            None,
            "sif",
            [("overall-effectiveness", "inadequate"), ("help-and-protection", "inadequate")],
            [
                police_only,
                ("Management oversight is weak.", "weakness", ["management-oversight"], ["weak-management-oversight"]),
            ],
            [("Ensure that health attends strategy discussions.", ["strategy-discussions"])],
        ),
        _report(
            "wandsworth-2022.pdf",
            "E09000032",
            date(2022, 11, 7),
            "ilacs",
            [("overall-effectiveness", "good"), ("help-and-protection", "good")],
            [hostile, ("Strategy discussions are timely.", "strength", ["strategy-discussions"], [])],
        ),
        # the text conversion of the 2022 report: same inspection, same findings, counted once
        _report(
            "wandsworth-2022.txt",
            "E09000032",
            date(2022, 11, 7),
            "ilacs",
            [("overall-effectiveness", "good")],
            [hostile],
        ),
        _report(
            "waltham-forest-2014.pdf",
            "E09000031",
            date(2014, 11, 4),
            "sif",
            [("overall-effectiveness", "requires-improvement")],
            [("Strategy discussions are convened promptly.", "strength", ["strategy-discussions"], [])],
        ),
    ]


@pytest.fixture(scope="module")
def crafted_store(tmp_path_factory):
    from kg.build import report_nquads
    from kg.pipeline import ensure_reference
    from kg.store import open_store

    store_dir = tmp_path_factory.mktemp("crafted-store")
    with open_store(store_dir) as store:
        ensure_reference(store)
        for report in _crafted_reports():
            store.add_graph_nquads(*report_nquads(report))
    with open_store(store_dir, read_only=True) as store:
        yield store


def test_theme_report_counts_distinct_findings_with_narrower_concepts(crafted_store):
    text = write_theme_report(crafted_store, "strategy-discussions")
    # 4 distinct findings (the hostile sentence is in a PDF and its text twin), 2 through the narrower weakness
    assert (
        "2 authorities and 3 inspections have findings about strategy discussions: 4 findings, of which "
        "2 read as strengths, 2 as weaknesses, 0 as mixed and 0 as neutral." in text
    )
    assert "| police-only strategy discussions | 1 | 2 | 2 | Wandsworth (undated), Wandsworth (2022) |" in text
    assert "| Wandsworth | police-only strategy discussions | undated SIF report | 7 November 2022 |" in text
    assert "Ensure that health attends strategy discussions. (Wandsworth, undated SIF inspection, page 9" in text


def test_theme_report_says_which_findings_only_the_classifier_put_under_the_theme(tmp_path):
    from kg.build import report_nquads
    from kg.pipeline import ensure_reference
    from kg.query import run_query
    from kg.store import open_store

    named = "The views of children are recorded well."
    inferred = "Social workers build meaningful relationships with children."
    report = _report(
        "bristol-2019.pdf",
        "E06000023",
        date(2019, 3, 4),
        "ilacs",
        [("overall-effectiveness", "good")],
        [
            (named, "strength", ["voice-of-the-child"], []),
            (inferred, "strength", ["voice-of-the-child", "workforce"], [], ["voice-of-the-child"]),
        ],
        [
            ("Ensure that children's views are recorded.", ["voice-of-the-child"]),
            (
                "Ensure that social workers have time to spend with children.",
                ["voice-of-the-child"],
                ["voice-of-the-child"],
            ),
        ],
    )
    with open_store(tmp_path / "store") as store:
        ensure_reference(store)
        store.add_graph_nquads(*report_nquads(report))
        rows = run_query(store, "findings-about", about="voice-of-the-child")
        text = write_theme_report(store, "voice-of-the-child")
    assert {row["sentence"]: row["classifier_themes"] for row in rows} == {named: None, inferred: "voice-of-the-child"}
    assert "2 findings, of which 2 read as strengths" in text
    assert "Of these, 1 is about voice of the child by the trained classifier's reading alone" in text
    # quoted last, and marked
    assert text.index(named) < text.index(inferred)
    assert "> — Bristol, inspection of 4 March 2019, page 2 (bristol-2019.pdf)\n" in text
    assert "> — Bristol, inspection of 4 March 2019, page 3 (bristol-2019.pdf); theme from the classifier\n" in text
    assert "recorded. (Bristol, inspection of 4 March 2019, page 9 (bristol-2019.pdf), recommendation 1)\n" in text
    assert (
        "children. (Bristol, inspection of 4 March 2019, page 9 (bristol-2019.pdf), recommendation 2; "
        "theme from the classifier)" in text
    )


def test_theme_report_filters_leave_undated_out_and_say_so(crafted_store):
    text = write_theme_report(crafted_store, "strategy-discussions", since="2020-01-01")
    assert "(inspected from 1 January 2020; 3 inspections in all); 1 undated inspection left out" in text
    assert "Waltham Forest" not in text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CSE", "child-sexual-exploitation"),
        ("MASH", "mash"),
        ("strategy discussions", "strategy-discussions"),
        ("police-only-strategy-discussions", "police-only-strategy-discussions"),
    ],
)
def test_resolve_concept_by_id_label_or_acronym(name, expected):
    assert resolve_concept(name).id == expected


def test_resolve_concept_unknown_name_suggests():
    with pytest.raises(UnknownName) as raised:
        resolve_concept("strategy discusions")
    assert "strategy discussions" in raised.value.suggestions


def test_authority_report_orders_undated_by_framework_and_never_dates_it(crafted_store):
    text = write_authority_report(crafted_store, "Wandsworth")
    rows = [
        line
        for line in text.splitlines()
        if line.startswith("| undated SIF report |") or line.startswith("| 7 November 2022 |")
    ]
    assert rows[:2] == [
        "| undated SIF report | SIF | Inadequate | Inadequate |",
        "| 7 November 2022 | ILACS (new framework) | Good | Good |",
    ]
    assert "| police-only strategy discussions | found (1) | found (1) | persisted |" in text
    assert "| weak management oversight | found (1) | — | resolved |" in text
    assert "2015" not in text


def test_authority_report_unknown_name_suggests(crafted_store):
    with pytest.raises(UnknownName, match="did you mean Wandsworth"):
        write_authority_report(crafted_store, "Wandswoth")


def test_reports_keep_hostile_text_inert_in_markdown(crafted_store):
    text = write_theme_report(crafted_store, "strategy-discussions")
    (quote,) = [line for line in text.splitlines() if "onerror" in line]
    assert quote == (
        "> “Only the police \\| attend \\*strategy\\* discussions \\</script\\>\\<img src=x "
        "onerror=alert(1)\\> \\[x\\](javascript:1) \\`c\\`”"
    )
    assert not re.search(r"(?<!\\)[<>|*`\[\]]", quote.removeprefix("> "))


def test_markdown_report_renders_with_hostile_text_as_text(crafted_store):
    markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py renders CommonMark for this check")
    page = (
        markdown_it.MarkdownIt("commonmark")
        .enable("table")
        .render(write_theme_report(crafted_store, "strategy-discussions"))
    )
    parser = _Tags()
    parser.feed(page)
    assert not [tag for tag, _ in parser.tags if tag in ("script", "img", "a", "strong", "code")]  # em: our own notes
    assert "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; [x](javascript:1) `c`" in page
    for table in re.findall(r"<table>.*?</table>", page, flags=re.S):
        widths = {row.count("<td") + row.count("<th") for row in re.findall(r"<tr>.*?</tr>", table, flags=re.S)}
        assert len(widths) == 1  # no cell text added a column


def test_markdown_table_cells_cannot_add_columns_or_headings():
    document = Document("# T|itle", (Table(("a", "b"), ((HOSTILE, "# heading"),)), Quote("- item\n# x", "p. 1")))
    lines = render_markdown(document).splitlines()
    assert lines[0] == "# \\# T\\|itle"
    (row,) = [line for line in lines if "police" in line]
    assert len(re.findall(r"(?<!\\)\|", row)) == 3  # two cells: three unescaped pipes
    assert row.endswith("| \\# heading |")
    assert "> “\\- item # x”" in lines


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))


def test_reports_escape_everything_in_html(crafted_store):
    page = write_theme_report(crafted_store, "strategy-discussions", fmt="html")
    parser = _Tags()
    parser.feed(page)
    assert not [tag for tag, _ in parser.tags if tag in ("script", "a", "iframe")]
    images = [attrs for tag, attrs in parser.tags if tag == "img"]
    assert len(images) == 1 and images[0]["src"].startswith("data:image/png;base64,")
    assert "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<link" not in page and "http" not in page.replace("http-equiv", "")  # self-contained


def test_render_html_escapes_title_and_cells():
    page = render_html(Document("<b>", (Table(("<i>",), (("</td><script>",),)),)))
    assert "<b>" not in page and "<script>" not in page and "&lt;/td&gt;&lt;script&gt;" in page


def test_escape_markdown_keeps_plain_text_plain():
    assert escape_markdown("Children in care are seen regularly.") == "Children in care are seen regularly."


def test_cli_report_theme_writes_markdown_and_chart(crafted_store, tmp_path):
    out = tmp_path / "out" / "sd.md"
    result = CliRunner().invoke(
        cli, ["report", "theme", "strategy discussions", "--store", str(crafted_store.path), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == f"md report written to {out}\n"
    chart = out.with_name("sd-strategy-discussions-by-year.png")
    assert chart.read_bytes().startswith(b"\x89PNG")
    assert (
        f"![Findings about strategy discussions by year of inspection (weakness, strength); 1 finding from "
        f"undated inspections not shown]({chart.name})" in out.read_text(encoding="utf-8")
    )


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ["theme", "strategy discusions"],
            "Error: strategy discusions: unknown theme, service area, weakness or partner; did you mean ",
        ),
        (["theme", "CSE", "--region", "Londn"], "Error: Londn: unknown region; did you mean London?\n"),
        (
            ["theme", "CSE", "--since", "2020-13-01"],
            "Error: 2020-13-01: --since is not a date; write it as YYYY-MM-DD\n",
        ),
        (["authority", "Wandswoth"], "Error: Wandswoth: unknown authority; did you mean Wandsworth?\n"),
    ],
)
def test_cli_report_errors_are_one_line(crafted_store, args, stderr):
    result = CliRunner().invoke(cli, ["report", *args, "--store", str(crafted_store.path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(stderr) and result.stderr.count("\n") == 1


def test_write_theme_report_rejects_unknown_format(crafted_store):
    with pytest.raises(KgError, match="pdf: unknown report format"):
        write_theme_report(crafted_store, "CSE", fmt="pdf")


# --- the seed graph: the reports say what the graph says ---


def _findings_about(store, concept_id: str) -> list[dict]:
    """Rows of the `findings` query about a concept or any concept narrower than it (by the ontology)."""
    from kg.report_data import all_concepts

    wanted = {concept_id} | {cid for cid, c in all_concepts().items() if concept_id in c.broader}
    return [row for cid in sorted(wanted) for row in run_query(store, "findings-about", about=cid)]


def test_cse_report_names_authorities_quotes_and_counts_as_findings_query(seed_store, seed_paths):
    seeds = {path.name: path for path in seed_paths}
    rows = _findings_about(seed_store, "child-sexual-exploitation")
    assert rows, "the seeds mention CSE"
    text = write_theme_report(seed_store, "CSE")
    for authority in {row["authority"] for row in rows}:
        assert f"| {escape_markdown(authority)} |" in text
    distinct = {row["finding"]: row["polarity"] for row in rows}
    inspections = {row["inspection"] for row in rows}
    authorities = {row["gss_code"] for row in rows}
    strengths = sum(p == "strength" for p in distinct.values())
    weaknesses = sum(p == "weakness" for p in distinct.values())
    assert (
        f"{len(authorities)} authorit{'y' if len(authorities) == 1 else 'ies'} and {len(inspections)} "
        f"inspection{'' if len(inspections) == 1 else 's'} have findings about child sexual exploitation: "
        f"{len(distinct)} findings, of which {strengths} read as strengths, {weaknesses} as weaknesses"
    ) in text
    # every quotation is a real sentence of a seed, cited with the page the graph gives for it
    quotes = re.findall(r"^> “(.*)”\n>\n> — (.*), page (\d+|not stated) \((.*)\)$", text, flags=re.M)
    assert quotes and len(quotes) == text.count("\n> — ")  # every citation, none in another form ("page None")
    by_sentence = {(escape_markdown(row["sentence"]), escape_markdown(row["file"])): row for row in rows}
    for sentence, _, page, file in quotes:
        row = by_sentence[(sentence, file)]
        assert page == (str(row["page"]) if row["page"] is not None else "not stated")
        seed_text = " ".join(seeds[row["file"]].read_text(encoding="utf-8").split())
        assert " ".join(row["sentence"].split()) in seed_text


def test_wandsworth_report_shows_inadequate_then_good(seed_store):
    text = write_authority_report(seed_store, "Wandsworth")
    table = text[text.index("## Grades inspection by inspection") : text.index("## Recurring weaknesses")]
    header, _, *rows = [line for line in table.splitlines() if line.startswith("| ")]
    columns = [cell.strip() for cell in header.strip("|").split("|")]
    cells = [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]
    assert len(cells) == 2
    earlier, later = cells
    # the 2015 report lost its front page: its date is shown only as far as the report states it
    assert re.fullmatch(r"\d{1,2} \w+ 2015", earlier[0]) or earlier[0].startswith("undated SIF report")
    assert later[0] == "7 November 2022"
    assert earlier[columns.index("Help and protection")] == "Inadequate"
    assert later[columns.index("Help and protection")] == "Good"
    assert later[columns.index("Overall effectiveness")] == "Good"
    assert f"- Help and protection: Inadequate ({earlier[0]}) → Good (7 November 2022)" in text


def test_readme_command_writes_strategy_discussions_report(seed_store_dir, tmp_path):
    out = tmp_path / "out" / "strategy-discussions.md"
    args = ["report", "theme", "strategy-discussions", "--store", str(seed_store_dir), "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Strategy discussions: what inspectors found across ")
    assert "## Authority by authority" in text


@pytest.mark.parametrize(
    ("framework", "published", "figures", "described"),
    [
        (None, None, date(2015, 10, 31), "undated report with figures to 31 October 2015"),
        ("sif", None, None, "undated SIF report"),
        (None, date(2016, 1, 20), None, "undated report published 20 January 2016"),
    ],
)
def test_undated_inspection_is_placed_by_what_is_known_and_never_dated(framework, published, figures, described):
    from kg.report_data import Inspection, describe_inspection

    undated = Inspection("u", "A", "E1", None, framework, None, None, None, published, (), figures_as_at=figures)
    later = Inspection("d", "A", "E1", None, "ilacs", None, date(2022, 11, 7), None, None, ())
    earlier = Inspection("e", "A", "E1", None, "pre-2013", None, date(2012, 6, 1), None, None, ())
    assert sorted([later, undated, earlier], key=Inspection.order_key) == [earlier, undated, later]
    assert describe_inspection(undated) == described


def test_theme_report_quotes_one_authority_each_first_latest_first_and_sentences_that_stand_alone():
    from kg.report_data import Inspection
    from kg.report_theme import ThemeFinding, _quotes

    def inspection(authority: str, year: int) -> Inspection:
        return Inspection(
            f"{authority}{year}", authority, authority, None, "ilacs", None, date(year, 3, 1), None, None, ()
        )

    def finding(inspection: Inspection, sentence: str) -> ThemeFinding:
        pf = ("private-fostering-weak",)
        return ThemeFinding(sentence, inspection, "weakness", sentence, "r.pdf", 4, "help-and-protection", pf, pf)

    early = [inspection(name, 2015) for name in "ABCDEFG"]  # first in the alphabet, inspected long ago
    late = [inspection(name, year) for year, name in enumerate("TUVWXYZ", start=2017)]  # Z in 2023
    findings = [
        finding(i, f"Private fostering assessments in {i.authority} are not timely enough, year {i.iri}.")
        for i in early
    ]
    findings += [
        finding(i, f"Private fostering notifications in {i.authority} are not followed up, year {i.iri}.") for i in late
    ]
    # the best-scored authority's second finding, and a sentence that needs the one before it
    findings.append(
        finding(late[-1], f"Private fostering visits in {late[-1].authority} are not timely, year 2023 again.")
    )
    findings.append(
        finding(inspection("S", 2024), "This limits their effectiveness in reaching private fostering carers.")
    )
    quoted = [block.text for block in _quotes(findings) if isinstance(block, Quote)]
    assert len(quoted) == 6
    assert {text.split(" in ")[1][0] for text in quoted} == set("UVWXYZ")  # six authorities, the latest inspected


def test_authority_report_says_inspections_from_april_2026_give_no_overall_grade(tmp_path, seed_paths, nlp):
    """From 1 April 2026 Ofsted grades four judgements and no overall effectiveness: not a gap in the reading."""
    from kg.pipeline import add_reports
    from kg.store import open_store

    seed = next(path for path in seed_paths if path.name.startswith("002_"))  # Wandsworth, November 2022
    text = seed.read_text(encoding="utf-8")
    table_2022 = (
        "The experiences and progress of children in care and care leavers\tGood\nOverall effectiveness\tGood\n"
    )
    table_2026 = (
        "The experiences and progress of children in care\tGood\n"
        "The experiences and progress of care leavers\tRequires improvement to be good\n"
    )
    assert table_2022 in text
    later = text.replace("7 to 18 November 2022", "11 to 22 May 2026").replace(table_2022, table_2026)
    (tmp_path / "wandsworth-2026.txt").write_text(later, encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        outcome = add_reports(store, [seed, tmp_path / "wandsworth-2026.txt"], nlp=nlp, jobs=1)
        assert not outcome.errors, outcome.errors
        report = write_authority_report(store, "Wandsworth")
    grades = report[report.index("## Grades inspection by inspection") : report.index("## Recurring weaknesses")]
    rows = [line for line in grades.splitlines() if line.startswith("| 11 May 2026 ")]
    assert rows == ["| 11 May 2026 | ILACS | not given (from April 2026) | Good | Good | Requires improvement | Good |"]
    assert "| 7 November 2022 | ILACS | Good | Good | Good (with care leavers) | — | Good |" in report
    assert "Ofsted stopped giving an overall effectiveness grade in inspections from 1 April 2026" in report
