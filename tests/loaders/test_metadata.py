"""Dates, lead inspectors and publication dates, as real reports print them."""

from __future__ import annotations

from datetime import date

import pytest

from loaders import load_report
from loaders.errors import ReportError
from loaders.metadata import parse_date_range
from tests.conftest import seed_path_for


@pytest.mark.parametrize(
    ("printed", "start", "end"),
    [
        ("4 November 2014 – 26 November 2014", date(2014, 11, 4), date(2014, 11, 26)),  # Waltham Forest 2014
        ("29 April – 22 May 2014", date(2014, 4, 29), date(2014, 5, 22)),  # month and year only at the end
        ("21 November-15 December 2016", date(2016, 11, 21), date(2016, 12, 15)),  # no spaces round the dash
        ("21 November–15 December 2016", date(2016, 11, 21), date(2016, 12, 15)),
        ("7 to 18 November 2022", date(2022, 11, 7), date(2022, 11, 18)),
        ("12 December 2016 to 11 January 2017", date(2016, 12, 12), date(2017, 1, 11)),  # over a year's end
        ("1/06/2015 – 25/06/2015", date(2015, 6, 1), date(2015, 6, 25)),  # day/month, as Ofsted writes them
        ("10/08/2015", date(2015, 8, 10), date(2015, 8, 10)),
        ("01 September 2014", date(2014, 9, 1), date(2014, 9, 1)),
        # Derbyshire 2019: two visits; the inspection runs from the first day to the last
        ("8 July 2019 to 12 July 2019 and 7 August 2019 to\n8 August 2019", date(2019, 7, 8), date(2019, 8, 8)),
        ("31 February 2019", None, None),  # not a date
        ("to be confirmed", None, None),
    ],
)
def test_parse_date_range_reads_printed_dates(printed, start, end):
    assert parse_date_range(printed) == (start, end)


@pytest.mark.parametrize(
    ("seed", "start", "end", "published", "inspector"),
    [
        ("000", None, None, None, "Carolyn Spray"),  # front page lost; name from the back page, no title
        ("001", date(2014, 11, 4), date(2014, 11, 26), date(2015, 1, 20), "John Mitchell"),  # ", Senior HMI"
        ("002", date(2022, 11, 7), date(2022, 11, 18), None, "Amanda Maxwell"),  # ", His Majesty's Inspector"
    ],
)
def test_metadata_read_from_seed(seed, start, end, published, inspector):
    report = load_report(seed_path_for(seed))
    assert (report.inspection_start, report.inspection_end, report.published) == (start, end, published)
    assert report.lead_inspector == inspector


@pytest.mark.parametrize(
    ("line", "inspector"),
    [
        ("Lead inspector: Amanda Maxwell, His Majesty's Inspector", "Amanda Maxwell"),
        ("Lead inspector: Louise Hollick, Her Majesty's Inspector", "Louise Hollick"),
        ("Lead inspector: Jenny Turnross HMI", "Jenny Turnross"),
        ("Lead inspector: Marie McGuinness Senior HMI", "Marie McGuinness"),
        ("Lead inspector: Brendan Parkinson, HMI", "Brendan Parkinson"),
        ("Lead inspector: Tracey Metcalfe", "Tracey Metcalfe"),
        (
            "Lead inspectors: Rebecca Quested, His Majesty's Inspector, and Matthew Reed, His Majesty's Inspector",
            "Rebecca Quested; Matthew Reed",
        ),
        ("Lead inspectors: Rebecca Quested and Matthew Reed", "Rebecca Quested; Matthew Reed"),
    ],
)
def test_metadata_reads_lead_inspector(tmp_path, line, inspector):
    text = seed_path_for("002").read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_text(text.replace("Lead inspector: Amanda Maxwell, His Majesty's Inspector", line), encoding="utf-8")
    assert load_report(path).lead_inspector == inspector


@pytest.mark.parametrize(
    ("file", "start", "end", "published", "inspector"),
    [
        ("report-0642119e8bd8.pdf", date(2014, 11, 4), date(2014, 11, 26), date(2015, 1, 20), "John Mitchell"),
        ("report-27cd567277ed.pdf", date(2014, 4, 29), date(2014, 5, 22), date(2014, 7, 7), "Brendan Parkinson"),
        ("report-41d684f703da.pdf", date(2015, 6, 1), date(2015, 6, 25), date(2015, 8, 10), "Peter McEntee"),
        ("report-53b69bbfc3f1.pdf", date(2022, 11, 7), date(2022, 11, 18), None, "Amanda Maxwell"),
        ("report-9e76ddf69a1b.pdf", date(2019, 7, 8), date(2019, 8, 8), None, "Julie Knight"),  # two visits
        ("report-d7768b1803ba.pdf", date(2022, 10, 3), date(2022, 10, 14), None, "Rebecca Quested; Matthew Reed"),
    ],
)
def test_metadata_read_from_corpus(corpus_dir, file, start, end, published, inspector):
    report = load_report(corpus_dir / file)
    assert (report.inspection_start, report.inspection_end, report.published) == (start, end, published)
    assert report.lead_inspector == inspector


OFSTED_LETTER = """Ofsted
Piccadilly Gate
Store Street
Manchester
M1 2WD

10 July 2019

Director of Children's Services
Leeds City Council

Dear Director

{title} to Leeds children's services

This letter summarises the findings of the {kind} to Leeds children's services on 4 and 5 June 2019. This visit
was carried out under the inspection of local authority children's services (ILACS) framework. At the last
inspection, inspectors judged the impact of leaders on social work practice with children and families good.

Strategy discussions are held only between the police and children's social care.
"""


@pytest.mark.parametrize("title", ["Focused visit", "Monitoring visit", "Joint targeted area inspection"])
def test_a_visit_letter_is_no_inspection_report(tmp_path, title):
    """Letters after a visit between inspections judge nothing, yet quote the framework's words: read as a report,
    one would be an ungraded inspection of Manchester (Ofsted's address heads every letter)."""
    path = tmp_path / "letter.txt"
    path.write_text(OFSTED_LETTER.format(title=title, kind=title.lower()), encoding="utf-8")
    with pytest.raises(ReportError) as raised:
        load_report(path)
    assert (
        str(raised.value) == f"letter.txt: a {title.lower()} letter, not an inspection report: it gives no judgements"
    )


def test_ofsted_address_names_no_authority(tmp_path):
    """A report whose title was lost is placed by the first authority it names: never by Ofsted's address."""
    path = tmp_path / "letter.txt"
    path.write_text(OFSTED_LETTER.format(title="Findings", kind="visit"), encoding="utf-8")
    assert load_report(path).authority.name == "Leeds"


def test_a_report_whose_front_page_mentions_a_focused_visit_is_still_read(tmp_path):
    seed = load_report(seed_path_for("002"))
    text = seed_path_for("002").read_text(encoding="utf-8")
    title_end = text.index("\n", text.index("Inspection of")) + 1
    path = tmp_path / "report.txt"
    path.write_text(
        text[:title_end] + "Focused visit to the authority, June 2019, is reported separately.\n" + text[title_end:]
    )
    report = load_report(path)
    assert (report.authority, report.framework, report.inspection_start) == (
        seed.authority,
        seed.framework,
        seed.inspection_start,
    )
    assert [(j.area, j.grade) for j in report.judgements] == [(j.area, j.grade) for j in seed.judgements]
