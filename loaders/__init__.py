"""Read inspection reports (PDF or text) into plain records. Knows PDFs and English, nothing of RDF."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from loaders.errors import KgError, ReportError, UnknownName
from loaders.records import Report

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["KgError", "Report", "ReportError", "UnknownName", "load_report", "REPORT_SUFFIXES"]

REPORT_SUFFIXES = (".pdf", ".txt", ".md", ".text")


def load_report(path: Path, nlp: Language | None = None) -> Report:
    """Read one inspection report (PDF or text) into graded judgements and findings.

    Without `nlp`, findings are left empty (structure only, which is much faster).
    """
    from loaders.judgements import read_judgements
    from loaders.metadata import read_metadata
    from loaders.pages import read_pages
    from loaders.recommendations import read_recommendations
    from loaders.sections import split_sections
    from loaders.sentences import split_sentences
    from loaders.statistics import read_previous_results, read_statistics

    path = Path(path)
    data = path.read_bytes() if path.is_file() else None
    if data is None:
        raise ReportError(path, "not a file")
    sha256 = hashlib.sha256(data).hexdigest()
    text, pages, source_format = read_pages(path, data)  # (1) file -> normalised text, page offsets
    report = Report(path=path, sha256=sha256, text=text, pages=pages, source_format=source_format)
    read_metadata(report)  # (2) framework, authority, dates, inspector; raises if not a report
    report.sections = split_sections(report)  # (3) headed passages and special lists
    report.judgements = read_judgements(report)  # (4) (area id, grade id) pairs
    report.sentences = split_sentences(report)  # (5) provenance: page + char offsets
    report.recommendations = read_recommendations(report)
    report.statistics = read_statistics(report)
    report.previous_results = read_previous_results(report)
    if nlp is not None:
        from loaders.findings import extract_findings, tag_recommendations

        report.findings = extract_findings(report.sentences, nlp)  # (6) themes, polarity, weaknesses
        report.recommendations = tag_recommendations(report.recommendations, nlp, report.findings)
    return report
