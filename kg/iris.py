"""Deterministic IRIs: the same report always gives the same IRIs, so a rebuild replaces, never adds.

Keys are stable facts (GSS code, inspection dates, the report file's sha256, a sentence's own text),
never counters or random ids.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date

from ontology import BASE_IRI

__all__ = [
    "REFERENCE_GRAPH",
    "authority_iri",
    "evidence_iri",
    "finding_iri",
    "inspection_iri",
    "judgement_iri",
    "region_iri",
    "report_iri",
    "sentence_key",
]

ID = BASE_IRI + "id/"
REFERENCE_GRAPH = ID + "graph/reference"  # ontology, schemes, authorities, regions


def authority_iri(gss_code: str) -> str:
    return f"{ID}authority/{gss_code}"


def region_iri(region_code: str) -> str:
    return f"{ID}region/{region_code}"


def report_iri(sha256: str) -> str:
    """IRI of one report file, and of the named graph that holds what was read from it."""
    return f"{ID}report/{sha256[:16]}"


def inspection_iri(gss_code: str, start: date | None, framework: str | None, sha256: str) -> str:
    """One inspection, whichever file (PDF or text conversion) describes it.

    A report that does not state its dates cannot be keyed by them: it gets an inspection of its own.
    """
    if start is not None:
        return f"{ID}inspection/{gss_code}/{start.isoformat()}"
    return f"{ID}inspection/{gss_code}/undated-{framework or 'unknown'}-{sha256[:12]}"


def judgement_iri(inspection: str, area: str) -> str:
    return f"{inspection}/judgement/{area}"


def sentence_key(text: str) -> str:
    """Hash of a sentence's letters and digits: equal for the PDF and a text conversion of it.

    >>> sentence_key("Strategy discussions take place solely with the police.") == sentence_key(
    ...     "Strategy  discussions take place\\nsolely with the police")
    True
    """
    letters = re.sub(r"[^0-9a-z]+", "", text.lower())
    return hashlib.sha1(letters.encode()).hexdigest()[:12]


def finding_iri(inspection: str, text: str, occurrence: int = 0) -> str:
    """A finding is keyed by its sentence; a sentence repeated in one report gets -1, -2 ..."""
    suffix = f"-{occurrence}" if occurrence else ""
    return f"{inspection}/finding/{sentence_key(text)}{suffix}"


def evidence_iri(report: str, sentence_index: int) -> str:
    """Where in one file a sentence stands."""
    return f"{report}/sentence/{sentence_index}"
