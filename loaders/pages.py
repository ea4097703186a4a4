"""File -> the report's normalised text and its pages. The only module that imports the PDF library."""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

from loaders.errors import ReportError
from loaders.records import Page
from loaders.text import normalise_text, separate_lines

__all__ = ["MAX_TEXT_BYTES", "read_pages"]

MAX_TEXT_BYTES = 10 * 1024 * 1024  # the longest real report is under 1 MB of text

_PAGE_NUMBER = re.compile(r"^(?:page\s+)?(\d{1,3})(?:\s+of\s+\d{1,3})?$", re.I)
# The page number that ends an ILACS running header, on the line of the inspection dates after "Inspection of ...
# children's services": "(11 to 22 October 2021) 3", "8-19 July 2024 3", "26th February 2024 to 8th March 2024 3".
_HEADER_NUMBER = re.compile(
    r"^\(?[\w\s,–-]{0,40}\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\b[\w\s,–-]{0,20}\b(?:19|20)\d\d\)?\s+(\d{1,3})$"
)
_DIGITS = re.compile(r"\d+")
_HTML_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)


def read_pages(path: Path, data: bytes) -> tuple[str, list[Page], str]:
    """Return (normalised text, pages with offsets into it, 'pdf' or 'text') for a report file's bytes."""
    if not data.strip():
        raise ReportError(path, "file is empty")
    if data.startswith(b"%PDF"):
        raw_pages = _read_pdf(path, data)
        source_format = "pdf"
    elif path.suffix.lower() == ".pdf" and _is_html(data):
        raise ReportError(path, _html_reason(data))
    else:
        raw_pages = _split_text_pages(_decode_text(path, data))
        source_format = "text"
    page_lines = [(number, normalise_text(raw).split("\n")) for number, raw in raw_pages]
    _drop_running_lines(page_lines)
    text, pages = _assemble(page_lines)
    if not text.strip():
        raise ReportError(path, "file holds no text")
    return text, pages, source_format


def _read_pdf(path: Path, data: bytes) -> list[tuple[int | None, str]]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise ReportError(path, "PDF is encrypted; save an unprotected copy first") from None
        raise ReportError(path, f"PDF cannot be opened ({error}); the file may be truncated or damaged") from None
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            text_page = page.get_textpage()
            texts.append((index + 1, text_page.get_text_range()))
            text_page.close()
            page.close()
    finally:
        document.close()
    if not texts:
        raise ReportError(path, "PDF has no pages; the file may be truncated")
    if not any(text.strip() for _, text in texts):
        raise ReportError(path, "PDF has no text layer (scanned?); OCR it first")
    return texts


def _is_html(data: bytes) -> bool:
    head = data[:2000].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _html_reason(data: bytes) -> str:
    """Why a saved web page named .pdf is not a report, with the page's title."""
    title = re.search(rb"<title>\s*(.*?)\s*</title>", data[:20000], re.I | re.S)
    named = f" ('{' '.join(title.group(1).decode('utf-8', 'replace').split())[:80]}')" if title else ""
    return f"an HTML web page{named}, not a PDF; download the report itself"


def _decode_text(path: Path, data: bytes) -> str:
    if len(data) > MAX_TEXT_BYTES:
        raise ReportError(path, f"text file is {len(data) / 1024 / 1024:.0f} MB, larger than any report")
    sample = data[:4096]
    controls = sum(1 for byte in sample if byte < 32 and byte not in b"\t\n\r\f")
    if b"\x00" in sample or controls > len(sample) // 100:
        raise ReportError(path, "binary data, not text or PDF")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Windows converters; undefined bytes become U+FFFD
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):  # a web page saved under a report's name
        text = html.unescape(_HTML_TAG.sub("\n", text))
    return text


def _split_text_pages(text: str) -> list[tuple[int | None, str]]:
    """Pages of a text file: at form feeds; else at the page numbers that end the running header of ILACS
    reports; else at the page numbers converters left standing alone on a line; else one page whose number the
    file does not state (None). A passage whose page the numbers leave open (pages 19 to 33 between a "18" and
    the next number left, "33") is not stated either: a guess would be cited as fact."""
    if text.count("\f") >= 2:  # a converter's page breaks; one alone may be a stray
        return [(number, page) for number, page in enumerate(text.split("\f"), start=1)]
    lines = text.replace("\f", "\n").replace("\r\n", "\n").split("\n")
    filled = _filled_before(lines)
    by_headers = _split_at_headers(lines, filled)
    if by_headers:
        return by_headers
    candidates = []
    for index, line in enumerate(lines):
        match = _PAGE_NUMBER.match(line.strip())
        if match and _stands_alone(lines, index):
            candidates.append((index, int(match.group(1))))
    marks = _longest_rising(_not_in_lists(filled, candidates))
    drop = {index for index, _ in marks}
    marks, doubtful = _without_doubtful(marks, candidates)
    drop |= doubtful
    if len(marks) < 2:  # one number alone on a line is no page numbering ("7" in a table)
        return _cut(lines, [(0, None)], drop=drop)
    heads = _numbers_head_pages(filled, marks)
    if heads is None:  # a page ends at each number, but whether it heads or ends its page the file does not tell
        return _cut(lines, [(0, None), *((index, None) for index, _ in marks)], drop=drop)
    # a "1" may be a footnote mark on the cover: page 1 is what comes before page 2's number, if that heads it
    marks = [(index, number) for index, number in marks if number > 1]
    if heads:  # page N starts at its number
        return _cut(lines, _starting_pages(filled, [(0, 1), *marks]), drop=drop)
    # numbers printed at the foot: page N ends at its number, and runs from the number of the page before it
    numbers = [number for _, number in marks]
    chunks = [
        (start, after + 1, number)
        for start, after, number in zip([0, *(index + 1 for index, _ in marks)], [0, *numbers], numbers, strict=False)
    ]
    chunks.append((marks[-1][0] + 1, numbers[-1] + 1, None))  # after the last number: one page or more
    return _cut(lines, _stated_pages(filled, chunks), drop=drop)


def _filled_before(lines: list[str]) -> list[int]:
    """filled[i]: how many of the lines before line i are not blank (lengths of passages are counted in these)."""
    filled = [0]
    for line in lines:
        filled.append(filled[-1] + bool(line.strip()))
    return filled


def _not_in_lists(filled: list[int], candidates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The numbers alone on a line without those of a list, three or more within a few lines of each other: a
    contents page's page numbers ("The local authority" / "3" / "Information about this area" / "5") or a table's
    column. Page numbers are a page apart, and a contents list could otherwise stand in for the pages it names."""
    near = [filled[b] - filled[a] <= _LIST_GAP for (a, _), (b, _) in zip(candidates, candidates[1:], strict=False)]
    listed = set()
    run_start = 0
    for position in range(len(near) + 1):
        if position == len(near) or not near[position]:
            if position - run_start >= 2:  # three numbers or more, each near the next
                listed.update(range(run_start, position + 1))
            run_start = position + 1
    return [candidate for position, candidate in enumerate(candidates) if position not in listed]


_LIST_GAP = 6  # lines with text between two numbers of one list at most; a page has some 40


def _without_doubtful(
    marks: list[tuple[int, int]], candidates: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], set[int]]:
    """The page numbers without those that another line with the same number alone, between the numbers before
    and after it, could be ("6" in a table on page 5, then page 6's own): where that page begins is not told. Also
    the lines of the numbers left out, which are no text."""
    kept, doubtful = [], set()
    for position, (index, number) in enumerate(marks):
        low = marks[position - 1][0] if position else -1
        high = marks[position + 1][0] if position + 1 < len(marks) else candidates[-1][0] + 1
        twins = {i for i, n in candidates if n == number and low < i < high}
        if len(twins) > 1:
            doubtful |= twins
        else:
            kept.append((index, number))
    return kept, doubtful


def _starting_pages(filled: list[int], starts: list[tuple[int, int]]) -> list[tuple[int, int | None]]:
    """(first line, number) of pages whose numbers head them; a passage runs to the page before the next number."""
    chunks = [
        (index, number, following - 1) for (index, number), (_, following) in zip(starts, starts[1:], strict=False)
    ]
    chunks.append((starts[-1][0], starts[-1][1], None))
    return _stated_pages(filled, chunks)


def _stated_pages(filled: list[int], chunks: list[tuple[int, int, int | None]]) -> list[tuple[int, int | None]]:
    """(first line, page number or None) of each passage (first line, first page, last page or None for "to the
    end"). A passage has a number only when it is one page: its first and last are the same and it is no longer than
    a page and a quarter (longer, and a number that is not a page's may have stood in for a lost one: a footnote
    mark "2" where page 2's number is missing), or, for the passage that runs to the end, it is no longer than one
    of the file's whole pages. A page is as long as the median of the passages between consecutive numbers."""
    ends = [index for index, _, _ in chunks[1:]] + [len(filled) - 1]
    lengths = [filled[end] - filled[index] for (index, _, _), end in zip(chunks, ends, strict=True)]
    whole = sorted(n for (_, first, last), n in zip(chunks, lengths, strict=True) if first == last)
    page_lines = whole[len(whole) // 2] if whole else 0

    def one_page(first: int, last: int | None, length: int) -> bool:
        if first == last:
            return length <= page_lines * 1.25
        return last is None and length <= page_lines

    return [
        (index, first if one_page(first, last, length) else None)
        for (index, first, last), length in zip(chunks, lengths, strict=True)
    ]


def _cut(
    lines: list[str], starts: list[tuple[int, int | None]], drop: set[int] | frozenset[int] = frozenset()
) -> list[tuple[int | None, str]]:
    """Pages from (the page's first line, its number), in line order: each runs to the next one's first line,
    without the lines whose indexes are in `drop` (the page numbers)."""
    ends = [index for index, _ in starts[1:]] + [len(lines)]
    return [
        (number, "\n".join(lines[i] for i in range(index, end) if i not in drop))
        for (index, number), end in zip(starts, ends, strict=True)
    ]


def _numbers_head_pages(filled: list[int], marks: list[tuple[int, int]]) -> bool | None:
    """Whether the page numbers head their pages (as SIF reports print them, and as PDF libraries often give them)
    or end them; None if the file does not tell. Yes if nothing comes before the first. Otherwise it takes page 2's
    number and numbers up to 4 at least, and two signs. Before page 2's number, numbers that head pages have the
    cover alone, about a page at most; numbers that end pages have the cover and page 2. After the last number,
    numbers that head pages have the last page's text, half a page to a page and a half; numbers that end pages
    have little or nothing. Both signs must agree: a footnote mark standing alone can pass for page 2's number.
    Lengths are counted in lines that are not blank; a page is as long as the text between consecutive numbers
    says."""
    if not filled[marks[0][0]]:
        return True
    two = next((index for index, number in marks if number == 2), None)
    if two is None or marks[-1][1] < 4:
        return None
    per_page = sorted((filled[b] - filled[a]) / (nb - na) for (a, na), (b, nb) in zip(marks, marks[1:], strict=False))
    page_lines = per_page[len(per_page) // 2]
    before_two = filled[two] / page_lines
    after_last = (filled[-1] - filled[marks[-1][0] + 1]) / page_lines
    if before_two < 1.2 and 0.5 <= after_last <= 1.5:
        return True
    if before_two >= 1.2 and after_last < 0.5:
        return False
    return None


def _longest_rising(candidates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of (line, number) whose numbers rise, in line order: the page numbers, without a number
    that stands alone in the text (a footnote mark, a table cell) and would otherwise hide the pages after it."""
    tails: list[int] = []  # tails[k]: position in candidates of the smallest last number of a rising run of k + 1
    before: list[int | None] = []
    for position, (_, number) in enumerate(candidates):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if candidates[tails[middle]][1] < number:
                low = middle + 1
            else:
                high = middle
        before.append(tails[low - 1] if low else None)
        if low == len(tails):
            tails.append(position)
        elif candidates[tails[low]][1] != number:  # of two equal numbers, the first stays
            tails[low] = position
    run = []
    position = tails[-1] if tails else None
    while position is not None:
        run.append(candidates[position])
        position = before[position]
    return run[::-1]


def _split_at_headers(lines: list[str], filled: list[int]) -> list[tuple[int | None, str]]:
    """Pages of a text file whose page numbers end the running header at the top of each page (ILACS reports:
    "Inspection of Knowsley local authority children's services" / "(11 to 22 October 2021) 3"), or none. The
    header's first line must repeat word for word, so that prose that happens to end in a date and a number
    ("... between April and October 2021 35") makes no page. Page N starts at its header; the text before the
    first header is the page before it (the cover), or the first page's own."""
    found: dict[str, list[tuple[int, int]]] = {}  # header's first line -> (line index, page number) of each
    for index, line in enumerate(lines):
        match = _HEADER_NUMBER.match(line.strip())
        if not match:
            continue
        previous = index - 1
        while previous >= 0 and not lines[previous].strip():
            previous -= 1
        if previous >= 0 and lines[previous].strip().startswith("Inspection of"):
            found.setdefault(" ".join(lines[previous].split()), []).append((previous, int(match.group(1))))
    starts = _longest_rising(max(found.values(), key=len)) if found else []
    if len(starts) < 2:  # one match may be a date in the text; a running header repeats
        return []
    # the text before the first header is page 1's if that header is page 1's or 2's (the cover); else pages 1 to N
    return _cut(lines, _starting_pages(filled, [(0, 1), *((index, n) for index, n in starts if n > 1)]))


def _stands_alone(lines: list[str], index: int) -> bool:
    """A page number has a blank line or a short header line next to it, unlike a number in a table."""
    before = lines[index - 1].strip() if index > 0 else ""
    after = lines[index + 1].strip() if index + 1 < len(lines) else ""
    return not before or not after or len(after.split()) <= 2


def _running_key(line: str) -> str:
    return _DIGITS.sub("#", line.lower())


def _drop_running_lines(page_lines: list[tuple[int | None, list[str]]]) -> None:
    """Remove page numbers and the headers and footers repeated at the top or foot of many pages."""
    edges: Counter[str] = Counter()
    for _, lines in page_lines:
        filled = [line for line in lines if line]
        edges.update({_running_key(line) for line in filled[:3] + filled[-3:]})
    # a third of the pages, but at most 5: an appended LSCB review repeats its own header on only its own pages
    threshold = max(3, min(len(page_lines) // 3, 5))
    running = {key for key, count in edges.items() if count >= threshold and key.strip("# ")}
    for position, (_, lines) in enumerate(page_lines):
        filled = [i for i, line in enumerate(lines) if line]
        edge = set(filled[:3] + filled[-3:])
        for i in sorted(edge, reverse=True):
            line = lines[i]
            if _PAGE_NUMBER.match(line) or (position > 0 and _running_key(line) in running):
                del lines[i]
        if position > 0 and lines and any(lines):
            first = next(i for i, line in enumerate(lines) if line)
            if lines[first] == "Ofsted":
                del lines[first]


def _assemble(page_lines: list[tuple[int | None, list[str]]]) -> tuple[str, list[Page]]:
    """Join the pages' lines into one text, unwrapping prose lines, and record where each page starts."""
    parts: list[str] = []
    length = 0
    starts: list[tuple[int, int]] = []
    previous, blank = "", False
    for number, lines in page_lines:
        page_start = None
        for line in lines:
            if not line:
                blank = True
                continue
            separator = separate_lines(previous, line, blank) if previous else ""
            parts.append(separator)
            length += len(separator)
            if page_start is None:
                page_start = length
            parts.append(line)
            length += len(line)
            previous, blank = line, False
        if page_start is not None:
            starts.append((number, page_start))
    text = "".join(parts)
    pages: list[Page] = []
    for (number, start), following in zip(starts, [*starts[1:], (0, len(text))][: len(starts)], strict=True):
        pages.append(Page(number=number, start=start if pages else 0, end=following[1]))
    if not pages:
        pages.append(Page(number=None, start=0, end=len(text)))
    return text, pages
