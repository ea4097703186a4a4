"""Bad input: every file that is not a readable report raises one ReportError line naming the file and the reason.

Committed inputs are in tests/data/bad/loader-inputs/, a folder of their own so that the build-level tests'
glob of tests/data/bad/*.pdf does not see them (made once: loader-blank.pdf with pypdfium2's new document and one
blank page; loader-encrypted.pdf from it with `qpdf --encrypt u o 256 --`). The rest are made here in tmp_path.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import ReportError, load_report
from loaders.pages import MAX_TEXT_BYTES, read_pages
from tests.conftest import BAD_DIR, seed_path_for

INPUT_DIR = BAD_DIR / "loader-inputs"

_HTML_PAGE = "report-c400d841c8fd.pdf"  # the corpus's saved "Report not found" page
_UNREADABLE = "PDF cannot be opened (Failed to load document (PDFium: Data format error).); "
_JUNK = bytes(range(256)) * 16


def _error(path: Path) -> str:
    with pytest.raises(ReportError) as caught:
        load_report(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path.name}: ")
    assert caught.value.path == path
    return message


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.pdf", b"", "file is empty"),
        ("empty.txt", b"", "file is empty"),
        ("blank-lines.txt", b"\n \r\n\t\n", "file is empty"),
        ("header-only.pdf", b"%PDF-1.7\n", _UNREADABLE + "the file may be truncated or damaged"),
        ("junk.pdf", _JUNK, "binary data, not text or PDF"),
        ("junk.txt", _JUNK, "binary data, not text or PDF"),
        ("nul.txt", b"Inspection\x00of services" * 10, "binary data, not text or PDF"),
        ("page-numbers.txt", b"Page 1 of 2\n\nPage 2 of 2\n", "file holds no text"),
        (
            "letter.txt",
            b"Dear parent,\nThe school trip is on Monday.\n",
            "not an Ofsted children's services inspection report (no framework or judgements found)",
        ),
    ],
)
def test_read_bad_file_raises_one_line(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    assert _error(path) == f"{name}: {reason}"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("loader-blank.pdf", "PDF has no text layer (scanned?); OCR it first"),
        ("loader-encrypted.pdf", "PDF is encrypted; save an unprotected copy first"),
    ],
)
def test_read_committed_bad_pdf_raises_one_line(name, reason):
    assert _error(INPUT_DIR / name) == f"{name}: {reason}"


def test_read_truncated_committed_pdf(tmp_path):
    path = tmp_path / "loader-truncated.pdf"
    path.write_bytes((INPUT_DIR / "loader-blank.pdf").read_bytes()[:300])  # the header and the first objects
    assert _error(path) == f"{path.name}: {_UNREADABLE}the file may be truncated or damaged"


def test_read_truncated_corpus_pdf(tmp_path, corpus_dir):
    source = sorted(corpus_dir.glob("*.pdf"))[0]
    path = tmp_path / "first-3kb.pdf"
    path.write_bytes(source.read_bytes()[:3072])
    assert _error(path) == f"{path.name}: {_UNREADABLE}the file may be truncated or damaged"


def test_read_saved_web_page_says_it_is_html(corpus_dir):
    path = corpus_dir / _HTML_PAGE
    assert _error(path) == (
        f"{_HTML_PAGE}: an HTML web page ('Report not found - Find an Inspection Report - Ofsted'), not a PDF; "
        "download the report itself"
    )


def test_read_web_page_named_pdf_without_title(tmp_path):
    path = tmp_path / "page.pdf"
    path.write_bytes(b"\n<!DOCTYPE html>\n<html><body>Gone</body></html>")
    assert _error(path) == "page.pdf: an HTML web page, not a PDF; download the report itself"


def test_read_text_over_size_limit(tmp_path):
    path = tmp_path / "huge.txt"
    line = b"The quality of social work practice is good.\n"
    path.write_bytes(line * (MAX_TEXT_BYTES // len(line) + 1))
    assert _error(path) == "huge.txt: text file is 10 MB, larger than any report"


@pytest.mark.parametrize("seed", ["000", "001", "002"])
def test_read_cp1252_text_like_utf8(tmp_path, seed):
    """A Windows converter's output (curly quotes, en dashes, £ in cp1252) loads like the UTF-8 seed."""
    original = seed_path_for(seed)
    text = original.read_text(encoding="utf-8").replace("'", "\u2019") + "\nThe budget is \u00a35 million.\n"
    text = text.translate(
        {ord("\u25a0"): "\u2022", ord("\u2074"): None}
    )  # 001's bullet and footnote mark: not in cp1252
    path = tmp_path / original.name
    path.write_bytes(text.encode("cp1252"))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")  # the file really is not UTF-8
    seed_report, cp1252_report = load_report(original), load_report(path)
    assert cp1252_report.grades() == seed_report.grades()
    assert cp1252_report.authority == seed_report.authority
    assert cp1252_report.inspection_start == seed_report.inspection_start
    assert [s.text for s in cp1252_report.sentences[:50]] == [s.text for s in seed_report.sentences[:50]]
    assert "The budget is \u00a35 million." in cp1252_report.text


def test_read_pages_offsets_cover_text():
    text, pages, source_format = read_pages(Path("x.txt"), b"One line.\fTwo line.\fThree line.")
    assert source_format == "text"
    assert [(p.number, text[p.start : p.end]) for p in pages] == [
        (1, "One line.\n"),
        (2, "Two line.\n"),
        (3, "Three line."),
    ]


def _page_of(text: str, pages, phrase: str) -> int | None:
    offset = text.index(phrase)
    return next(p.number for p in pages if p.start <= offset < p.end)


_WORDS = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india")


def _opens(n: int) -> str:
    """Words that open page n only (a line repeated at the top of pages is dropped as a running header)."""
    return f"The {_WORDS[n]} page opens here."


def _body(n: int) -> str:
    return "\n".join(f"Line {line} of the {_WORDS[n]} page goes on." for line in range(12))


def test_text_page_numbers_heading_pages_after_a_cover_with_a_footnote_mark():
    # Numbers at the top of each page (SIF reports; and PDF libraries often give a number first), a cover without
    # one, and a footnote mark "1" standing alone on the cover: the mark must not shift every page by one.
    cover = "Inspection of X\n\nThe judgements are:\n\n1\nOfsted produces this report under its power."
    body = "\n\n".join(f"{n}\n{_opens(n)}\n{_body(n)}" for n in range(2, 6))
    text, pages, _ = read_pages(Path("x.txt"), f"{cover}\n\n{body}".encode())
    assert _page_of(text, pages, "Ofsted produces") == 1
    assert [_page_of(text, pages, _opens(n)) for n in range(2, 6)] == [2, 3, 4, 5]


def test_text_page_numbers_that_may_head_or_end_their_pages_state_no_page():
    # Hull 2015 saved as text: a footnote mark "1" on a short cover, numbers 2 to 5 standing alone, then pages whose
    # numbers are in a running header. Numbers heading pages 2 to 5 and numbers ending them both fit: no page is
    # stated, and the numbers are still no part of the text.
    cover = "Inspection of X\n\nThe judgements are:\n\n1\nOfsted produces this report under its power."
    body = "\n\n".join(f"{n}\n{_opens(n)}\n{_body(n)}" for n in range(2, 6))
    review = "\n\n".join(f"Review page {n} of the board.\n{_body(n)}" for n in range(2, 6))
    text, pages, _ = read_pages(Path("x.txt"), f"{cover}\n\n{body}\n\n{review}".encode())
    assert {p.number for p in pages} == {None}
    assert "\n3\n" not in text and _opens(3) in text


def test_text_page_numbers_ending_pages():
    body = "\n\n".join(f"{_opens(n)}\n{_body(n)}\n\n{n}" for n in range(1, 5))
    text, pages, _ = read_pages(Path("x.txt"), body.encode())
    # a "1" may be a footnote mark on the cover, so pages 1 and 2 run together up to the "2"
    assert [_page_of(text, pages, _opens(n)) for n in range(1, 5)] == [None, None, 3, 4]


def test_text_page_numbers_after_a_number_in_a_table():
    # a number standing alone in a table ("7") must not hide pages 3 to 6
    body = "\n\n".join(
        f"{n}\n{_opens(n)}\n{_body(n)}" + ("\n\n7\n\nA table row." if n == 2 else "") for n in range(1, 8)
    )
    text, pages, _ = read_pages(Path("x.txt"), body.encode())
    assert [_page_of(text, pages, _opens(n)) for n in range(1, 8)] == [1, 2, 3, 4, 5, 6, 7]


def test_text_page_numbers_in_ilacs_running_headers():
    # ILACS reports print the number at the end of the running header's date line
    header = "Inspection of Knowsley local authority children's services\n(11 to 22 October 2021) {n}"
    cover = "Inspection of Knowsley local authority children's services\nInspection dates: 11 to 22 October 2021"
    body = "\n".join(f"{header.format(n=n)}\n{_opens(n)}\n{_body(n)}" for n in range(2, 5))
    text, pages, _ = read_pages(Path("x.txt"), f"{cover}\n{body}".encode())
    assert _page_of(text, pages, "Inspection dates") == 1
    assert [_page_of(text, pages, _opens(n)) for n in range(2, 5)] == [2, 3, 4]
    assert "(11 to 22 October 2021)" not in text  # the running header is no part of the text


def test_text_page_numbers_ending_pages_with_an_unnumbered_last_page():
    # a short cover, a full contents page ending "2", full pages ending with their numbers, an unnumbered last page
    cover = "\n".join(f"Cover line {n}." for n in range(10))
    contents = "\n".join(f"Contents line {n}." for n in range(40))
    pages = [f"{_opens(n)}\n{_body(n)}\n{_body(n)}\n{_body(n)}\n\n{n}" for n in range(3, 8)]
    last = "\n".join(f"Copyright line {n}." for n in range(15))
    text, found, _ = read_pages(Path("x.txt"), "\n\n".join([cover, f"{contents}\n\n2", *pages, last]).encode())
    assert [_page_of(text, found, _opens(n)) for n in range(3, 8)] == [3, 4, 5, 6, 7]
    assert _page_of(text, found, "Copyright line 0") == 8
    # before the foot number "2" are two pages, the cover and the contents: which one a line is on is not stated
    assert _page_of(text, found, "Cover line 0") is None
    assert _page_of(text, found, "Contents line 0") is None


def test_text_page_numbers_missing_between_two_leave_those_pages_unstated():
    # A converter kept the foot numbers of pages 1 to 3 and 7 only (seed 000 kept 7 of 46): the text between "3"
    # and "7" is on pages 4 to 7, and no line of it gets a page it may not be on.
    numbered = {1, 2, 3, 7}
    body = "\n\n".join(f"{_opens(n)}\n{_body(n)}" + (f"\n\n{n}" if n in numbered else "") for n in range(1, 8))
    text, pages, _ = read_pages(Path("x.txt"), body.encode())
    assert [_page_of(text, pages, _opens(n)) for n in range(1, 8)] == [None, None, 3, None, None, None, None]


def test_text_page_numbers_heading_pages_with_some_missing():
    numbered = {2, 3, 6, 7}  # 4 and 5 lost: the text from "3" to "6" is on pages 3 to 5
    cover = "Inspection of X\n\nThe judgements are:\n\nOfsted produces this report under its power."
    body = "\n\n".join(("" if n not in numbered else f"{n}\n") + f"{_opens(n)}\n{_body(n)}" for n in range(2, 8))
    text, pages, _ = read_pages(Path("x.txt"), f"{cover}\n\n{body}".encode())
    assert _page_of(text, pages, "Ofsted produces") == 1
    assert [_page_of(text, pages, _opens(n)) for n in range(2, 8)] == [2, None, None, None, 6, 7]


def test_text_after_the_last_page_number_is_one_page_only_if_it_is_as_long_as_one():
    # numbers heading pages 1 to 4 (nothing comes before the first): what follows the "4" is page 4 if it is as
    # long as a page, and pages 4 to 6, not stated, if the last two pages lost their numbers
    numbered = "\n\n".join(f"{n}\n{_opens(n)}\n{_body(n)}" for n in range(1, 5))
    text, pages, _ = read_pages(Path("x.txt"), numbered.encode())
    assert [_page_of(text, pages, _opens(n)) for n in range(1, 5)] == [1, 2, 3, 4]
    two_more = f"{numbered}\n\n" + "\n\n".join(f"{_opens(n)}\n{_body(n)}" for n in range(5, 7))
    text, pages, _ = read_pages(Path("x.txt"), two_more.encode())
    assert [_page_of(text, pages, _opens(n)) for n in range(3, 7)] == [3, None, None, None]


def test_text_with_one_number_alone_states_no_page():
    text, pages, _ = read_pages(Path("x.txt"), b"Intro, which goes on.\n\n7\n\nMore text, which goes on.")
    assert [p.number for p in pages] == [None]


def test_seed_pages_are_not_stated():
    # seeds 001-004 carry no page numbers; seed 000 kept "11", "12", "13", "18", "33", "36" and "43" only, with no
    # cover before them and no page 2: whether each number heads or ends its page the file does not tell
    for prefix in ("000", "001", "002", "003", "004"):
        path = seed_path_for(prefix)
        text, pages, _ = read_pages(path, path.read_bytes())
        assert {p.number for p in pages} == {None}
    assert "\n12\n" not in text


def test_a_number_that_stands_alone_twice_between_its_neighbours_places_no_page():
    # a "6" in a table on page 5, then page 6's own "6": where page 6 begins is not told
    body = "\n\n".join(
        f"{n}\n{_opens(n)}\n{_body(n)}" + ("\n\n6\n\nA table row." if n == 5 else "") for n in range(1, 9)
    )
    text, pages, _ = read_pages(Path("x.txt"), body.encode())
    assert [_page_of(text, pages, _opens(n)) for n in range(1, 9)] == [1, 2, 3, 4, None, None, 7, 8]
    assert "\n6\n" not in text


def test_a_page_longer_than_a_page_and_a_quarter_is_not_stated():
    # page 2's number is lost and a footnote mark "2" stands alone halfway down page 2: the passage from "1" to the
    # mark runs over a page and a half, so it is no one page; the half page after the mark is page 2
    pages = [f"{n}\n{_opens(n)}\n{_body(n)}" for n in range(1, 7)]
    half = _body(2).split("\n")
    pages[1] = "\n".join([_opens(2), *half[:6], "", "2", "", "Footnote: the source of the figures.", *half[6:]])
    text, found, _ = read_pages(Path("x.txt"), "\n\n".join(pages).encode())
    assert [_page_of(text, found, _opens(n)) for n in range(1, 7)] == [None, None, 3, 4, 5, 6]
    assert _page_of(text, found, "Footnote: the source") == 2


def test_one_form_feed_alone_makes_no_pages():
    _, pages, _ = read_pages(Path("x.txt"), b"Intro, which goes on.\f More text, which goes on.")
    assert [p.number for p in pages] == [None]


def test_prose_ending_in_dates_and_numbers_makes_no_pages():
    # wrapped lines that happen to follow "Inspection of ..." and end in a date and a number are no running header
    text = (
        "Inspection of the records showed that\nsince the focused visit in May 2022 2\n"
        "cases were escalated. Inspection of the plans found that\nbetween April and October 2021 35\n"
        "children were seen.\nInspection of case files showed\nthat in the 12 months to 31 March 2023 45\n"
        "children went missing."
    )
    _, pages, _ = read_pages(Path("x.txt"), text.encode())
    assert [p.number for p in pages] == [None]


def test_committed_loader_files_exist():
    """The committed inputs stay small; the large text file is only ever made in tmp_path."""
    files = sorted(INPUT_DIR.glob("*.pdf"))
    assert [f.name for f in files] == ["loader-blank.pdf", "loader-encrypted.pdf"]
    assert all(f.stat().st_size < 4096 for f in files)
