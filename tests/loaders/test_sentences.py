"""Sentence splitting: abbreviations, decimals, numbered paragraphs, bullets, wrapped lines and page breaks."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import load_report
from loaders.pages import read_pages
from loaders.records import Report
from loaders.sections import split_sections
from loaders.sentences import split_sentences, split_spans
from loaders.text import separate_lines


def _sentences(raw: str) -> list[tuple[str, int, int | None, str | None]]:
    """(text, page, paragraph, section) of each sentence of a text file's contents."""
    text, pages, source_format = read_pages(Path("x.txt"), raw.encode())
    report = Report(path=Path("x.txt"), sha256="", text=text, pages=pages, source_format=source_format)
    report.sections = split_sections(report)
    sentences = split_sentences(report)
    assert all(report.text[s.start : s.end] == s.text for s in sentences)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    return [(s.text, s.page, s.paragraph, s.section) for s in sentences]


@pytest.mark.parametrize(
    ("line", "sentences"),
    [
        ("Partners, e.g. the police, attend. Most do.", ["Partners, e.g. the police, attend.", "Most do."]),
        (
            "Some agencies (i.e. health) are slow. Others are not.",
            ["Some agencies (i.e. health) are slow.", "Others are not."],
        ),
        (
            "The rate is 3.5 per 10,000 children. It was 4.2 in 2013.",
            ["The rate is 3.5 per 10,000 children.", "It was 4.2 in 2013."],
        ),
        ("Fiona J. Millns led it. She is good.", ["Fiona J. Millns led it.", "She is good."]),  # an initial
        ("See para. 12 for this. It is clear.", ["See para. 12 for this.", "It is clear."]),
        ("St. Mary's school is good. It helps.", ["St. Mary's school is good.", "It helps."]),
        ("Is it safe? Yes, it is! Good.", ["Is it safe?", "Yes, it is!", "Good."]),
        ("Staff said 'it works.' Managers agreed.", ["Staff said 'it works.'", "Managers agreed."]),
        ("Referrals rose by 12%. Re-referrals fell.", ["Referrals rose by 12%.", "Re-referrals fell."]),
        ("Visits are made in 2015. 24 children were seen.", ["Visits are made in 2015.", "24 children were seen."]),
    ],
)
def test_split_spans_keeps_abbreviations_and_decimals(line, sentences):
    assert [line[start:end] for start, end in split_spans(line)] == sentences


def test_sentences_of_numbered_paragraphs_carry_the_number():
    raw = "24. The quality of work is good in most cases. Plans are clear.\n25. Managers are visible and staff say so."
    assert _sentences(raw) == [
        ("The quality of work is good in most cases.", None, 24, None),
        ("Plans are clear.", None, 24, None),
        ("Managers are visible and staff say so.", None, 25, None),
    ]


def test_sentences_of_bullets_leave_the_bullet_out():
    raw = (
        "Summary\n• Plans for children are weak and are not reviewed.\n- Managers do not check the plans often enough."
    )
    assert _sentences(raw) == [
        ("Plans for children are weak and are not reviewed.", None, None, "executive-summary"),
        ("Managers do not check the plans often enough.", None, None, "executive-summary"),
    ]


def test_sentences_join_wrapped_lines():
    raw = "The quality of assessments has improved since the last inspection and\nmost are now timely. Plans are clear."
    assert _sentences(raw) == [
        (
            "The quality of assessments has improved since the last inspection and most are now timely.",
            None,
            None,
            None,
        ),
        ("Plans are clear.", None, None, None),
    ]


def test_sentences_join_a_line_that_a_figure_opens():
    # "20 miles" at a line's start is the wrapped sentence's figure, not a numbered item (report-0a3c17f65f59)
    raw = (
        "This is reflected in the fact that the percentage of children and young people placed more than\n"
        "20 miles from home has increased.\nThe local authority had 19 children leave care through the making of\n"
        "special guardianship orders, which is 15% of those who left care. Over a third of\n"
        "19 children approved for adoption are older.\n"
        "Children looked after in the area\n120 live in residential homes.\n"
        "Multi-agency audits were re-established by the chair when he took up post in\n"
        "2014 and board members regard them as critical. A joint panel enables assessments for 16- and\n"
        "17-year-olds who present as homeless.\nThe proportion of children adopted who were older rose during\n"
        "2014–15, and the rate of placement stability for children in care for over two years was\n"
        "96.6%, which is good.\n"
        # a financial year wrapped at its dash (report-1f5fd84e2f10, report-112fa0cf74dc)
        "Nearly a quarter of children looked after for more than a year in 2012-\n"
        "13 had not had a health or dental check. Stability has deteriorated, from 9% at the end 2014–\n"
        "15 to the current performance of 14%.\n"
    )
    assert [text for text, *_ in _sentences(raw)] == [
        "This is reflected in the fact that the percentage of children and young people placed more than 20 miles "
        "from home has increased.",
        "The local authority had 19 children leave care through the making of special guardianship orders, which is "
        "15% of those who left care.",
        "Over a third of 19 children approved for adoption are older.",
        "120 live in residential homes.",  # after a short heading line: a table row, not a wrapped sentence
        "Multi-agency audits were re-established by the chair when he took up post in 2014 and board members regard "
        "them as critical.",
        "A joint panel enables assessments for 16- and 17-year-olds who present as homeless.",
        "The proportion of children adopted who were older rose during 2014–15, and the rate of placement stability "
        "for children in care for over two years was 96.6%, which is good.",
        "Nearly a quarter of children looked after for more than a year in 2012-13 had not had a health or dental "
        "check.",
        "Stability has deteriorated, from 9% at the end 2014–15 to the current performance of 14%.",
    ]


@pytest.mark.parametrize(
    ("previous", "line"),
    [
        # a numbered paragraph, and a figure after a judgement's grade line, open their own lines
        ("The quality of assessments has improved since the last inspection and most are now", "12. The local offer"),
        (
            "The graded judgement about the experiences and progress of care leavers is good",
            "16 young people were seen.",
        ),
        # "19." may be an age ending the sentence or the next numbered paragraph: left alone
        ("Support is offered to young people who are looking for work up to the age of", "19. Inspectors also saw"),
    ],
)
def test_a_figure_after_a_grade_or_a_numbered_paragraph_starts_a_line(previous, line):
    assert separate_lines(previous, line, False) == "\n"


@pytest.mark.parametrize(
    ("previous", "line", "blank", "separator"),
    [
        ("Stability has deteriorated, from 9% at the end 2014–", "15 to the current performance of 14%.", False, ""),
        # a decimal or a thousand after a year and a dash is no financial year's end; nor is a line after a blank
        ("The rate of children in care in 2014 rose from 55 per 10,000 children to 2014–", "15.5% of", False, "\n"),
        ("The local authority spent £2 million on placements in 2014–", "16,000 of it on", False, "\n"),
        ("Stability has deteriorated, from 9% at the end 2014–", "15 to the current performance of 14%.", True, "\n\n"),
    ],
)
def test_a_financial_year_wrapped_at_its_dash_joins_without_a_space(previous, line, blank, separator):
    assert separate_lines(previous, line, blank) == separator


def test_sentences_join_across_a_page_break_and_its_page_number():
    raw = (
        "The quality of assessments has improved since the last inspection, and most\f\n12\n"
        "assessments are now timely and thorough. Plans are clear and well reviewed.\fLeaders know the service well."
    )
    assert _sentences(raw) == [
        (
            "The quality of assessments has improved since the last inspection, and most assessments are now timely "
            "and thorough.",
            1,
            None,
            None,
        ),
        ("Plans are clear and well reviewed.", 2, None, None),
        ("Leaders know the service well.", 3, None, None),
    ]


def test_sentences_leave_out_headings_and_table_rows():
    raw = "Summary\n2.1 Adoption performance\nChildren looked after\t120\nThe service is good and improving quickly."
    # "2.1 Adoption performance" is the SIF heading of the adoption judgement: what follows is in its section
    assert _sentences(raw) == [("The service is good and improving quickly.", None, None, "adoption")]


def test_sentences_leave_out_judgement_headings_and_the_recommendation_mark():
    raw = (
        "Judgement Grade\n"
        "The impact of leaders on social work practice with children and families Good\n"
        "Overall effectiveness Good\n"
        "Children's services in the borough are good and have improved since the last inspection, when they were "
        "judged to require improvement, because leaders have focused with determination on the quality of social "
        "work practice.\n"
        "What needs to improve?\n"
        "• Managers' oversight of plans for children in care.\n"
        "The experiences and progress of children who need help and protection are: Outstanding\n"
        "1. Children receive an outstanding service. Thresholds are well understood by partners across the "
        "area. (Recommendation.)\n"
        "The experiences and progress of children looked after and achieving permanence Good\n"
        "2. Children in care are seen often and their plans are reviewed well by their reviewing officers."
    )
    assert _sentences(raw)[1:] == [
        ("Managers' oversight of plans for children in care.", None, None, "improvements"),
        ("Children receive an outstanding service.", None, 1, "help-and-protection"),
        ("Thresholds are well understood by partners across the area.", None, 1, "help-and-protection"),
        (
            "Children in care are seen often and their plans are reviewed well by their reviewing officers.",
            None,
            2,
            "children-in-care",
        ),
    ]


@pytest.mark.parametrize("mark", ["(Recommendation)", "(Recommendation.)"])
def test_a_heading_after_a_recommendation_mark_starts_a_line(mark):
    previous = f"heritages and the highly diverse area in which they live. {mark}"
    line = "The experiences and progress of children looked after and achieving permanence"
    assert separate_lines(previous, line, False) == "\n"


def test_sentence_wrapped_over_corpus_pages(corpus_dir):
    report = load_report(corpus_dir / "report-0398beaa3d3d.pdf")  # Knowsley 2014
    sentence = next(s for s in report.sentences if s.text.startswith("Not all core groups are held"))
    assert sentence.text == (
        "Not all core groups are held within appropriate timescales and not all agencies routinely attend, which "
        "means information is not shared effectively with key professionals to measure progress in the protection "
        "plan or evaluate the effectiveness of support."
    )
    assert (sentence.page, sentence.paragraph, sentence.section) == (15, 68, "help-and-protection")
    assert report.page_at(sentence.end - 1) == 16


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        (
            "Three live in residential special schools3, of whom two live out of the area.",
            "Three live in residential special schools, of whom two live out of the area.",
        ),
        ("The chair reports to the Board1 and the LSCB2.", "The chair reports to the Board and the LSCB."),
        (
            "Knowsley received the 'Catch22 From Care2Work Quality Mark' this year.",
            "Knowsley received the 'Catch22 From Care2Work Quality Mark' this year.",
        ),  # names keep their digits
    ],
)
def test_sentences_drop_footnote_marks_glued_to_words(line, sentence):
    assert [text for text, *_ in _sentences(line)] == [sentence]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_ofsteds_back_page_gives_no_sentences(prefix):
    from tests.conftest import seed_path_for

    report = load_report(seed_path_for(prefix), None)
    assert "regulates and inspects" in report.text  # each seed ends with Ofsted's back page
    texts = [s.text for s in report.sentences]
    assert not any("regulates and inspects" in t or "in a different format" in t for t in texts)
    assert len(texts) > 100


def test_an_lscb_review_after_the_authoritys_back_page_keeps_its_sentences(corpus_dir):
    # Hull 2015 (report a3b3349cc862): the authority's report, its back page, then the LSCB review and its own
    report = load_report(corpus_dir / "report-a3b3349cc862.pdf", None)
    first_back_page = report.text.index("regulates and inspects")
    review = [s for s in report.sentences if s.start > first_back_page]
    assert len(review) > 100 and {s.section for s in review} <= {"lscb-review", "other"}  # "other": its contents
    assert not any("regulates and inspects" in s.text for s in report.sentences)


def test_a_back_page_phrase_without_ofsteds_own_line_after_it_drops_nothing(tmp_path):
    # "If you would like a copy of this document in a different format" opens a back page only with the line
    # about Ofsted close after it; alone, in the middle of a report, it is prose like any other
    from tests.conftest import seed_path_for

    text = seed_path_for("002").read_text(encoding="utf-8")
    cut = text.index("\n", int(len(text) * 0.6)) + 1
    path = tmp_path / seed_path_for("002").name
    phrase = "If you would like a copy of this document in a different format, ask us.\n"
    path.write_text(text[:cut] + phrase + text[cut:], encoding="utf-8")
    before = {s.text for s in load_report(seed_path_for("002"), None).sentences}
    after = {s.text for s in load_report(path, None).sentences}
    assert before <= after
