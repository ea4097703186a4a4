"""Dates, lead inspectors and publication dates, as real reports print them."""

from __future__ import annotations

from datetime import date

import pytest

from loaders import load_report
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
