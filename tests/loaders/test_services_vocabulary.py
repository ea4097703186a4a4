"""Service-area wordings (loaders/patterns/services.jsonl), each on real sentences of the corpus reports: the
sentences a wording is for, and a near miss it must leave alone."""

from __future__ import annotations

import pytest

from loaders.findings import annotate_texts

CIC, LEAVERS, HELP = "children-in-care", "care-leavers", "help-and-protection"

# (sentence, section, service area, whether the sentence gets it)
CASES = [
    # contacts to children's social care are the front door's work; contact with a birth family is not
    ("All contacts about children are progressed swiftly.", HELP, "front-door", True),
    (
        "Despite extensive training, many contacts do not meet the threshold for statutory intervention.",
        HELP,
        "front-door",
        True,
    ),
    ("This service supported 69 contacts with birth families in 2013–14.", "adoption", "front-door", False),
    ("There are 245 letter box contacts, of which most are active.", "adoption", "front-door", False),
    (
        "A designated adviser promptly contacts families, ensuring that effective action is taken to assess the "
        "suitability of children's education.",
        HELP,
        "front-door",
        False,
    ),
    # a personal adviser (PA) works in the leaving care service, as do care leaving teams and care leavers' hubs
    (
        "Most care leavers have a positive and trusting relationship with their PA.",
        LEAVERS,
        "leaving-care-service",
        True,
    ),
    (
        "There is still much work to do to ensure greater consistency of practice across all the care leaving teams.",
        LEAVERS,
        "leaving-care-service",
        True,
    ),
    (
        "Young people have successfully lobbied for the creation of a care leavers' hub.",
        LEAVERS,
        "leaving-care-service",
        True,
    ),
    # a care leavers' council or forum is the children in care council's kind
    (
        "An active care leavers forum provides an effective voice for care leavers to fully contribute to further "
        "improvements to their service.",
        LEAVERS,
        "children-in-care-council",
        True,
    ),
    (
        "35.The council has established a council for care leavers named 'Elevation'.",
        LEAVERS,
        "children-in-care-council",
        True,
    ),
    ("Care leavers are consulted about the local offer.", LEAVERS, "children-in-care-council", False),
    # a children's disability service or team
    (
        "Skilled social workers in the disability service have a good understanding of the needs of disabled children "
        "in care.",
        CIC,
        "disabled-childrens-team",
        True,
    ),
    ("Disabled children in care have a good understanding of their plans.", CIC, "disabled-childrens-team", False),
]


@pytest.mark.parametrize(("text", "section", "service", "expected"), CASES)
def test_service_wording(nlp, text, section, service, expected):
    (found,) = annotate_texts([text], nlp, section=section)
    assert (service in found["service_areas"]) is expected, found["service_areas"]
