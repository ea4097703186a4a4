"""Properties: normalisation never raises, and every sentence's offsets point at its text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.errors import ReportError
from loaders.pages import read_pages
from loaders.records import Report
from loaders.sections import split_sections
from loaders.sentences import split_sentences
from loaders.text import normalise_text

_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)


@given(_TEXT)
def test_normalise_text_never_raises(raw):
    assert isinstance(normalise_text(raw), str)


@settings(max_examples=200)
@given(
    st.lists(
        st.sampled_from(
            [
                "24. The quality of work is good.",
                "e.g. St. Mary's",
                "• Plans are weak",
                "B Item",
                "Summary",
                "",
                "18",
                "Ofsted",
                "3.5 per cent. Next",
                "what needs to improve?",
                "x",
            ]
        ),
        max_size=30,
    )
)
def test_sentences_offsets_match_text(lines):
    data = "\n".join(lines).encode()
    if not data.strip():
        return
    try:
        text, pages, _ = read_pages(Path("x.txt"), data)
    except ReportError:  # nothing but page furniture: no text to hold sentences
        return
    report = Report(path=Path("x.txt"), sha256="", text=text, pages=pages, source_format="text")
    report.sections = split_sections(report)
    for sentence in split_sentences(report):
        assert report.text[sentence.start : sentence.end] == sentence.text
