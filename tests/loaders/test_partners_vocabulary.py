"""Partner wordings and settling, each on real sentences of the corpus reports: the sentences a wording or rule is
for, and a near miss it must leave alone (the same word as a place, a thing or a stage of proceedings)."""

from __future__ import annotations

import pytest

from loaders.findings import annotate_texts

CIC, LEAVERS, HELP, LSCB = "children-in-care", "care-leavers", "help-and-protection", "lscb-review"

# (sentence, section, partner, whether the sentence gets the partner)
CASES = [
    # CAMHS names the health service as well as the children's mental health theme
    ("Looked after children do not have timely access to CAMHS support.", CIC, "health", True),
    (
        "For some children who experience poor mental health, there is a delay in accessing child and adolescent "
        "mental health services (CAMHS) and other services.",
        CIC,
        "health",
        True,
    ),
    ("The majority of Kirklees children looked after make good progress at school.", CIC, "schools", False),
    # the Health and Wellbeing Board, nurses, health visiting
    (
        "The Health and Wellbeing Board has focused on some areas of children's commissioning.",
        "leadership",
        "health",
        True,
    ),
    (
        "The designated nurse provides consistency to young people who live in South Gloucestershire.",
        CIC,
        "health",
        True,
    ),
    ("Strategic links with the Local Safeguarding Children Board are strong.", LSCB, "health", False),
    # bare "health" in a list of agencies, before "partners", after "such as"
    (
        "The multi-agency 'Kingfisher' team, incorporating police, social workers, and health and education staff, "
        "enables good intelligence sharing, planning and intervention to tackle exploitation.",
        HELP,
        "health",
        True,
    ),
    (
        "In the majority of cases seen these are initial telephone discussions between a practice manager and the "
        "police, without the involvement of other agencies such as health.",
        HELP,
        "health",
        True,
    ),
    (
        "There have been challenge and escalation to health and police partners and this focused approach shows "
        "impact, with timescales and responses to children's needs improving.",
        "leadership",
        "health",
        True,
    ),
    (
        "Young people can also access help with job search and interview skills, and support with housing and health "
        "issues.",
        LEAVERS,
        "health",
        False,
    ),
    # health alone in the sentence, with no other partner named
    (
        "A range of tools, including the Graded Care Profile, are used to complete assessments, alongside partners "
        "such as health, to ensure that neglect is clearly recognised and responded to.",
        HELP,
        "health",
        True,
    ),
    (
        "Children's needs are met well by health, education and adult social care professionals who contribute to "
        "regular reviews.",
        CIC,
        "health",
        True,
    ),
    (
        "Key partners, including health and police have not routinely contributed to a multi agency balanced "
        "scorecard.",
        "leadership",
        "health",
        True,
    ),
    # a child's own health in a list of their needs or outcomes, not the agency
    (
        "Health, housing and education outcomes for care leavers are good, supported by effective partnership working.",
        LEAVERS,
        "health",
        False,
    ),
    (
        "Focused work takes place to meet young people's needs in relation to health, housing, education, leisure "
        "and family contact.",
        LEAVERS,
        "health",
        False,
    ),
    (
        "Generally children's health and educational needs were well met and placements were effective in meeting "
        "children's often complex needs.",
        CIC,
        "health",
        False,
    ),
    # a school as the agency, not the place a child goes to
    ("Schools have access to appropriate resources to support them in their 'Prevent' duty.", HELP, "schools", True),
    (
        "There are few instances where a child is taken off roll by a school.",
        HELP,
        "schools",
        True,
    ),
    (
        "After children leave school, nearly all successfully engage in further education, training or employment.",
        LEAVERS,
        "schools",
        False,
    ),
    (
        "The local authority is also working to ensure that PEPs and reviews are held outside school time.",
        CIC,
        "schools",
        False,
    ),
    (
        "Nevertheless, too many primary-aged children in care experience attendance issues as they move to "
        "secondary school.",
        CIC,
        "schools",
        False,
    ),
    # housing as the agency, not the accommodation
    (
        "Joint assessments between children's social care and housing are not consistently taking place, and for "
        "some children this means that they are not clearly informed of their right to enter care.",
        HELP,
        "housing",
        True,
    ),
    (
        "Strong and developing partnerships with housing associations means that the range of accommodation options "
        "is increasing.",
        LEAVERS,
        "housing",
        True,
    ),
    (
        "They have access to a good range of relevant housing, including tenancies in safe neighbourhoods.",
        LEAVERS,
        "housing",
        False,
    ),
    (
        "Senior leaders are aware of the accommodation and housing issues for homeless 16- and 17-year-olds in "
        "Calderdale.",
        HELP,
        "housing",
        False,
    ),
    # the court as an institution, not a stage of proceedings
    (
        "Deprivation of liberty orders are in place for these children and are reviewed by the court.",
        CIC,
        "courts",
        True,
    ),
    (
        "Relationships with Cafcass, the family courts and the local Family Justice Board are effective.",
        "leadership",
        "courts",
        True,
    ),
    (
        "The Children and Family Court Advisory and Support Service and the local judiciary describe improvements in "
        "leadership and management over the last two years.",
        "leadership",
        "courts",
        True,
    ),
    ("Partnership with courts is also instrumental in achieving this.", "adoption", "courts", True),
    (
        "This, along with courts now making placement orders at the same time as care orders, should further assist "
        "in speeding up the adoption process.",
        "adoption",
        "courts",
        True,
    ),
    (
        "Court outcomes are broadly similar to statistical neighbours, with 37% of children subject to supervision "
        "orders.",
        CIC,
        "courts",
        False,
    ),
    (
        "Many children are diverted away from court effectively and remain safely living with their parents.",
        HELP,
        "courts",
        False,
    ),
    ("The quality of support plans for children subject to court orders is comprehensive.", CIC, "courts", False),
    (
        "At the present time, some children wait too long to be placed with an adoptive family following court "
        "approval.",
        "adoption",
        "courts",
        False,
    ),
]


@pytest.mark.parametrize(("text", "section", "partner", "expected"), CASES)
def test_partner_wording(nlp, text, section, partner, expected):
    (found,) = annotate_texts([text], nlp, section=section)
    assert (partner in found["partners"]) is expected, found["partners"]


@pytest.mark.parametrize(
    ("text", "section", "partners"),
    [
        # written for this test: no corpus sentence opens with "Courts", but a report's may
        ("Courts are positive about the quality of social work evidence.", HELP, ["courts"]),
        # written for this test: "their housing" is accommodation, so the list it makes with "health" is not of
        # agencies
        ("Young people get help with their housing and health.", LEAVERS, []),
        # written for this test: "and", "or", "with" or "by" before "courts" join it to another agency
        ("Information is shared by the police and courts in a timely way.", HELP, ["courts", "police"]),
        # written for this test: a comma before "such as", "including health and the police", the court speaking
        ("Key partners, such as health, attend strategy meetings.", HELP, ["health"]),
        ("Partners, including health and the police, attend strategy meetings.", HELP, ["health", "police"]),
        ("The court reports that social work evidence is of high quality.", HELP, ["courts"]),
        ("Court reports and care plans are quality-assured by legal services.", HELP, []),
        # written for this test: health left out of strategy discussions
        ("Strategy discussions do not include health.", HELP, ["health"]),
        # corpus sentences: partnership with health, and Health capitalised as the body, not inside a name
        ("Partnerships, particularly with health, are well established.", HELP, ["health"]),
        (
            "The local authority works well with health and the two neighbouring unitary authorities, which is helping "
            "to deliver better outcomes for children.",
            HELP,
            ["health"],
        ),
        (
            "The assessments seen of prospective adopters were overall timely, but late medical responses from Health "
            "impact on stage 1 of the assessment.",
            HELP,
            ["health"],
        ),
        (
            "However, regular and detailed scrutiny of children's services is not undertaken by the Health Overview "
            "and Scrutiny Panel.",
            HELP,
            [],
        ),
    ],
)
def test_partners_of_a_sentence(nlp, text, section, partners):
    (row,) = annotate_texts([text], nlp, section=section)
    assert row["partners"] == partners
