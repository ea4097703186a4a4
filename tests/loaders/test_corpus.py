"""Every real report of the shared corpus loads completely; each seed's PDF agrees with its text."""

from __future__ import annotations

from collections import defaultdict

import pytest

from loaders import ReportError, load_report
from tests.conftest import seed_path_for

AREAS = {
    "sif-with-lscb-review": 7,
    "sif-local-authority-only": 6,
    "re-inspection": 6,
}


def _reports(corpus_reports):
    """The corpus files that are reports (not the saved web page)."""
    return [report for report in corpus_reports.values() if not isinstance(report, ReportError)]


@pytest.mark.slow
def test_corpus_reports_load_completely(corpus_manifest, corpus_reports, la_lookup):
    urn_to_gss = {row["urn"]: row["la_code_new"] for row in la_lookup}
    failures = []
    for row in corpus_manifest:
        report = corpus_reports[row["file"]]
        if isinstance(report, ReportError):
            failures.append(row["file"])
            continue
        grades = report.grades()
        expected = AREAS.get(report.inspection_type, 5 if "care-leavers" in grades else 4)
        assert report.framework and report.inspection_start and report.inspection_end, row["file"]
        assert report.authority.gss_code == urn_to_gss.get(row["ofsted_urn"], report.authority.gss_code), row
        assert len(grades) == expected, (row["file"], grades)
    assert len(failures) == 1  # the saved "Report not found" web page


def _as_text(pages: list[tuple[int, str]], layout: str) -> str:
    """A PDF's pages as a converter might save them: joined by blank lines with Windows line ends, the number
    heading each page as the PDF library gives it ("heads"); with each number moved to the foot of its page
    ("foot"); or with the cover's number lost ("no cover number")."""
    written = []
    for number, page in pages:
        lines = page.replace("\r\n", "\n").split("\n")
        numbered = bool(lines) and lines[0].strip() == str(number)
        if numbered and layout == "foot":
            lines = [*lines[1:], "", str(number)]
        elif numbered and layout == "no cover number" and number == 1:
            lines = lines[1:]
        written.append("\r\n".join(lines))
    return "\r\n\r\n".join(written)


@pytest.mark.slow
@pytest.mark.parametrize(("layout", "stated"), [("heads", 0.95), ("foot", 0.65), ("no cover number", 0.9)])
def test_corpus_reports_saved_as_text_give_the_same_facts(corpus_dir, corpus_reports, tmp_path, layout, stated):
    # A report reaches us as text too, and not always from a converter that keeps form feeds: each corpus PDF
    # saved as text must give the same grades, framework, dates and authority as the PDF itself, and never a wrong
    # page. The pages come from the numbers standing alone on a line, or ending the ILACS running header; where
    # the file cannot tell whether its numbers head or end their pages, no page is stated. That costs most where
    # the numbers are at the foot of SIF reports, whose short cover and contents look like a cover alone; and
    # Hull 2015 (a footnote mark alone on its cover, no number alone on its last pages) states none in any layout.
    from loaders.pages import _read_pdf  # the pages as the PDF library reads them, before any clean-up

    different = []
    sentences = on_the_same_page = on_a_wrong_page = 0
    for name, pdf_report in corpus_reports.items():
        if isinstance(pdf_report, ReportError):
            continue
        path = tmp_path / f"{name}.txt"
        path.write_bytes(_as_text(_read_pdf(corpus_dir / name, (corpus_dir / name).read_bytes()), layout).encode())
        text_report = load_report(path, None)
        facts = [
            (r.grades(), r.framework, r.inspection_start, r.inspection_end, r.authority)
            for r in (pdf_report, text_report)
        ]
        if facts[0] != facts[1]:
            different.append((name, facts))
        pdf_pages = defaultdict(set)  # a sentence printed twice (in a summary and in the findings) has two pages
        for sentence in pdf_report.sentences:
            pdf_pages[sentence.text].add(sentence.page)
        sentences += len(pdf_report.sentences)
        for sentence in text_report.sentences:
            if sentence.text in pdf_pages and sentence.page is not None:
                on_the_same_page += sentence.page in pdf_pages[sentence.text]
                on_a_wrong_page += sentence.page not in pdf_pages[sentence.text]
    assert not different
    assert on_a_wrong_page == 0
    assert on_the_same_page / sentences > stated, (on_the_same_page, sentences)


@pytest.mark.slow
@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_corpus_seed_pdf_agrees_with_text(corpus_reports, seed):
    text_report = load_report(seed_path_for(seed), None)
    matches = []
    for report in _reports(corpus_reports):
        same_dates = text_report.inspection_start in (None, report.inspection_start)
        if report.authority == text_report.authority and report.framework == text_report.framework and same_dates:
            matches.append(report)
    pdf_report = matches[0]
    pdf_grades = pdf_report.grades()
    assert {area: pdf_grades[area] for area in text_report.grades()} == text_report.grades()


@pytest.mark.slow
def test_corpus_ilacs_summary_lists_are_not_taken_for_the_front_table(corpus_dir):
    # Luton 2020: the first judgement heading with its grade comes 3,000 characters in, after the summary;
    # the front table is on page 1 and ends there, so the summary's list and that heading are sections.
    report = load_report(corpus_dir / "report-311e27f47c15.pdf", None)
    kinds = [section.kind for section in report.sections]
    assert kinds[:3] == ["improvements", "help-and-protection", "children-in-care"]
    bullet = next(s for s in report.sentences if s.text.startswith("The quality of child in need and child protection"))
    assert bullet.section == "improvements"


def test_corpus_lscb_chapter_summary_and_recommendations_are_about_the_board(corpus_dir):
    # Islington-style SIF layout (report 0eb1ac03e0f5): the LSCB chapter repeats "Executive summary" and
    # "Recommendations" under its own heading; they belong to the board, not to the local authority.
    report = load_report(corpus_dir / "report-0eb1ac03e0f5.pdf", None)
    kinds = [section.kind for section in report.sections]
    board = kinds.index("lscb-review")
    assert kinds[board : board + 5] == ["lscb-review"] * 5
    assert kinds[board + 5] == "inspection-information"
    assert kinds[:board].count("executive-summary") == 1  # the authority's own summary keeps its kind


def test_corpus_appended_lscb_review_is_the_boards_throughout(corpus_dir):
    # Hull 2015 (report a3b3349cc862): the LSCB review is a document of its own after the authority's, with its
    # own contents page and a running header on its pages only; its summary, list and findings are the board's
    report = load_report(corpus_dir / "report-a3b3349cc862.pdf", None)
    kinds = [section.kind for section in report.sections]
    board = kinds.index("lscb-review")
    assert set(kinds[board:]) <= {"lscb-review", "other", "inspection-information", "judgement-descriptors"}
    assert "Inspection judgement about the LSCB" in [section.title for section in report.sections]
    assert "safeguarding children board: Hull" not in report.text  # the running header, gone


def test_corpus_sif_care_leavers_judgement_heading_in_the_singular(corpus_dir):
    # SIF reports head the care leavers' part "The graded judgement about the experience and progress of care
    # leavers is that it is good" ("experience", where the children's heading says "experiences"); until this
    # was read, 34 of the corpus's SIF reports filed their care leavers' findings under adoption
    report = load_report(corpus_dir / "report-1c8243d55acc.pdf", None)
    kinds = [section.kind for section in report.sections]
    assert kinds[kinds.index("adoption") + 1] == "care-leavers"
    leavers = [s for s in report.sentences if s.section == "care-leavers"]
    assert len(leavers) > 50
    assert not any("care leavers" in s.text for s in report.sentences if s.section == "adoption")


# Reports whose text has no heading for a graded area: Kirklees 2016 (f614dd3dde77) prints its adoption part with no
# heading, only in the contents' table
_AREA_WITHOUT_HEADING = {("report-f614dd3dde77.pdf", "adoption")}


@pytest.mark.slow
def test_corpus_every_graded_area_has_its_section(corpus_reports):
    # ILACS headings "... help and protection are: Outstanding" and "... families is: Good" (Redbridge 2019,
    # Stoke 2019 and four more) were not read, and their findings fell under "What needs to improve"
    missing = []
    for report in _reports(corpus_reports):
        name = report.path.name
        kinds = {section.kind for section in report.sections}
        if report.inspection_type == "sif-with-lscb-review" and "lscb-review" not in kinds:
            missing.append((name, "lscb-review"))
        for area in report.grades():
            if area not in kinds | {"lscb", "overall-effectiveness"} and (name, area) not in _AREA_WITHOUT_HEADING:
                missing.append((name, area))
    assert missing == []


def test_corpus_ilacs_headings_with_is_colon_open_their_sections(corpus_dir):
    report = load_report(corpus_dir / "report-69830980058d.pdf", None)  # Redbridge 2019, outstanding
    assert [section.kind for section in report.sections] == [
        "improvements",
        "help-and-protection",
        "children-in-care",
        "leadership",
    ]
    first = next(s for s in report.sentences if s.text.startswith("Children who require help or protection"))
    assert (first.section, first.paragraph) == ("help-and-protection", 1)
    assert not any(
        s.text.startswith(("The experiences and progress of", "The impact of leaders")) for s in report.sentences
    )


def test_corpus_contents_rows_are_no_sentences(corpus_dir):
    report = load_report(corpus_dir / "report-0eb1ac03e0f5.pdf", None)  # a SIF report's contents page
    assert "The experiences and progress of children who need help and protection 11" in report.text
    assert not any(s.text.startswith("The experiences and progress of children") for s in report.sentences)
    # two contents rows run together are none either, and the second opens no section
    report = load_report(corpus_dir / "report-f36146ac1977.pdf", None)
    assert not any(
        s.text.endswith("What the inspection judgements mean: the local authority 30") for s in report.sentences
    )
    because = next(s for s in report.sentences if s.text == "The local authority is good because:")
    assert because.section != "judgement-descriptors"


def test_corpus_lscb_chapter_with_a_wrapped_heading_is_the_boards(corpus_dir):
    # "Section 2: The effectiveness of the Local Safeguarding" / "Children Board" (seven SIF reports): until this
    # was read, the board's "Areas for improvement" and findings were filed as the authority's improvements
    report = load_report(corpus_dir / "report-27cd567277ed.pdf", None)
    board = next(s for s in report.sentences if s.text.startswith("Ensure the LSCB Chair strengthens the coordination"))
    assert board.section == "lscb-review"
    assert next(s for s in report.sentences if s.text.startswith("The LSCB operates in line")).section == "lscb-review"


@pytest.mark.parametrize(
    ("name", "first"),
    [
        # "Information about the local authority area" (not "this"), Redcar and Cleveland 2017
        ("report-de8ad34337a7.pdf", "The local authority operates no children's homes."),
        # the heading printed on the line of the last inspector's name, Birmingham 2014: a part's heading is no
        # wrapped prose
        ("report-4e652b4a71c1.pdf", "Approximately 274,135 children and young people"),
    ],
)
def test_corpus_area_information_heading_variants(corpus_dir, name, first):
    report = load_report(corpus_dir / name, None)
    assert next(s for s in report.sentences if s.text.startswith(first)).section == "area-information"
