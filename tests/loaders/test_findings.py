"""Findings: concepts, polarity and recurring weaknesses of real sentences from the seed reports."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from loaders.components.polarity import score_polarity
from loaders.findings import annotate_texts, annotated_docs, read_doc
from ontology import concept_labels

TOPICAL_SCHEMES = ("themes", "services", "partners", "weaknesses")


def _one(nlp, text, section=None):
    (result,) = annotate_texts([text], nlp, section=section)
    return result


@pytest.mark.parametrize(
    ("text", "weakness"),
    [
        (  # seed 000
            "Strategy discussions take place solely with the police, which is not in line with statutory "
            "guidance and results in information not being shared appropriately.",
            "police-only-strategy-discussions",
        ),
        (
            "However, the police do not always attend strategy meetings when they should.",  # seed 004
            "police-absent-from-strategy-discussions",
        ),
        (
            "Though practice is improving, when children go missing, return home interviews are not yet "
            "routinely undertaken.",
            "return-home-interviews-not-effective",
        ),  # seed 000
        (
            "Many return home interviews do not take place within 72 hours.",  # seed 004
            "return-home-interviews-not-effective",
        ),
        (  # seed 000
            "A number (10) of care leavers with high needs have spent unacceptably long periods in unsuitable "
            "accommodation without the necessary support being in place.",
            "unsuitable-care-leaver-accommodation",
        ),
        (
            "Privately fostered children are not properly assessed and their needs are not adequately managed.",
            "private-fostering-weak",
        ),  # seed 004
        (
            "However, there is a lack of management oversight and a failure to sufficiently challenge poor practice.",
            "weak-management-oversight",
        ),  # seed 000
        (
            "Plans are too vague, with a lack of specific and measurable outcomes by which to measure progress.",
            "plans-not-specific",
        ),  # seed 000
        (
            "Staff turnover is high and it is difficult for families to adjust to repeated changes of worker.",
            "high-caseloads-or-turnover",
        ),  # seed 001
        (
            "Child protection thresholds are not consistently applied across the partnership, and this has left "
            "some children at risk of harm.",
            "thresholds-misapplied",
        ),  # seed 004
        (
            "For children in need of help and protection, this has resulted in the inappropriate application of "
            "thresholds for intervention and service provision, delays in children and young people being seen by "
            "social workers and inadequate recognition and management of risk.",
            "delays-seeing-children",
        ),  # seed 000 ("not seen often enough", in 001, is about how often, which the concept leaves out)
        (
            "While performance is improving, some children in Waltham Forest are still waiting too long to be adopted.",
            "drift-and-delay-in-permanence",
        ),  # seed 001
    ],
)
def test_findings_weakness_stated_in_seed_sentence(nlp, text, weakness):
    result = _one(nlp, text)
    assert weakness in result["weaknesses"]
    assert result["polarity"] in ("weakness", "mixed")


@pytest.mark.parametrize(
    "text",
    [
        "Strategy discussions are now well attended by police and health.",  # fixed: the issue's near miss
        "Return home interviews are offered to all children and are completed promptly.",
        "Management oversight is now consistently evident on children's records.",
        "Social workers have manageable caseloads and benefit from regular, reflective supervision.",
        # "not seen to be reducing": observed, not visited (Liverpool 2014)
        "Legal proceedings are initiated appropriately when risks to children increase or are not seen to be "
        "reducing sufficiently.",
    ],
)
def test_findings_near_miss_is_no_weakness(nlp, text):
    result = _one(nlp, text)
    assert result["weaknesses"] == []
    assert result["polarity"] == "strength"


def test_findings_police_only_and_police_absent_are_different(nlp):
    only = _one(
        nlp,
        "Strategy discussions take place solely with the police, which is not in line with "
        "statutory guidance and results in information not being shared appropriately.",
    )
    absent = _one(nlp, "However, the police do not always attend strategy meetings when they should.")
    assert "police-absent-from-strategy-discussions" not in only["weaknesses"]
    assert "police-only-strategy-discussions" not in absent["weaknesses"]


@pytest.mark.parametrize(
    ("text", "scheme_key", "ids"),
    [
        (
            "Return home interviews are not always offered.",
            "themes",
            ["missing-children", "return-home-interviews"],
        ),  # narrower implies broader
        ("The MASH is effective.", "service_areas", ["front-door", "mash"]),
        ("However, the police do not always attend strategy meetings when they should.", "partners", ["police"]),
    ],
)
def test_findings_narrower_concept_implies_broader(nlp, text, scheme_key, ids):
    assert _one(nlp, text)[scheme_key] == ids


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("Although most assessments are timely, plans are not specific and lack contingency.", "mixed"),
        ("The MASH is effective.", "strength"),
        ("Return home interviews are not always offered.", "weakness"),
    ],
)
def test_findings_polarity(nlp, text, polarity):
    assert _one(nlp, text)["polarity"] == polarity


def test_findings_seed_000_report_weaknesses(seed_report):
    found = {w for finding in seed_report("000").findings for w in finding.weaknesses}
    assert {
        "police-only-strategy-discussions",
        "unsuitable-care-leaver-accommodation",
        "drift-and-delay-in-permanence",
        "weak-management-oversight",
    } <= found


@pytest.mark.parametrize("scheme", TOPICAL_SCHEMES)
def test_findings_scheme_concepts_have_labels_and_definitions(scheme):
    concepts = concept_labels(scheme)
    assert concepts
    assert all(c.pref_label and c.definition for c in concepts.values())


def test_findings_weaknesses_have_their_theme_as_broader():
    themes = concept_labels("themes")
    for weakness in concept_labels("weaknesses").values():
        assert len(weakness.broader) == 1 and weakness.broader[0] in themes, weakness.id


def test_findings_cli_annotate_prints_jsonl(tmp_path):
    from kg.cli import cli

    source = tmp_path / "sentences.txt"
    source.write_text(
        "However, the police do not always attend strategy meetings when they should.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["annotate", str(source), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout.splitlines()[0])
    assert row["weaknesses"] == ["police-absent-from-strategy-discussions"]


@pytest.mark.parametrize(
    "text",
    [
        # held-out corpus sentences the rules missed before the second round of tuning
        "The majority of strategy discussions are undertaken between the police and children’s social care.",
        "The arrangements for child protection strategy meetings and discussions need to be reviewed to ensure that, "
        "as a minimum, a local authority social worker, their manager, a health professional and a police "
        "representative are involved, so that all relevant information is shared.",
    ],
)
def test_findings_police_only_phrased_without_only(nlp, text):
    result = _one(nlp, text, section="help-and-protection")
    assert result["weaknesses"] == ["police-only-strategy-discussions"]
    assert result["polarity"] == "weakness"  # a sentence that states a weakness criticises


def test_findings_police_and_social_care_done_well_is_no_police_only(nlp):
    text = "Strategy discussions between the police and children's social care are timely and well recorded."
    assert _one(nlp, text, section="help-and-protection")["weaknesses"] == []


def test_findings_sentence_pointing_back_takes_the_topic_before_it(nlp):
    from loaders.findings import extract_findings
    from loaders.records import Sentence

    texts = [
        "Strategy discussions are held promptly when risk increases.",
        "However, these involve only the police, not the wider professional network.",
    ]
    sentences = [Sentence(t, 0, len(t), 12, "help-and-protection", None, i) for i, t in enumerate(texts)]
    first, second = extract_findings(sentences, nlp)
    assert first.weaknesses == ()
    assert second.weaknesses == ("police-only-strategy-discussions",)
    # alone, the second sentence names no topic, so it states no weakness
    assert _one(nlp, texts[1], section="help-and-protection")["weaknesses"] == []


def test_findings_shortcoming_since_last_inspection_is_not_fixed(nlp):
    text = (
        "Senior managers were unaware that the arrangements to support children who are privately fostered had "
        "deteriorated since the last inspection and are poor."
    )
    result = _one(nlp, text, section="leadership")
    assert result["weaknesses"] == ["private-fostering-weak"]
    assert result["polarity"] == "weakness"


def test_findings_longest_mention_decides_the_concept(nlp):
    themes = _one(nlp, "Pathway plans are detailed and reviewed regularly.", section="care-leavers")["themes"]
    assert "pathway-plans" in themes
    assert "plans" not in themes  # "plans" is the last word of "pathway plans", not a second mention


def test_findings_lscb_chapter_is_about_the_board(nlp):
    result = _one(nlp, "It has provided robust critique and challenge to partners.", section="lscb-review")
    assert "safeguarding-board" in result["service_areas"]
    assert (
        "safeguarding-board" not in _one(nlp, "It has provided robust critique.", section="leadership")["service_areas"]
    )


@pytest.mark.parametrize(
    ("text", "section", "weakness"),
    [
        # corpus reports labelled by hand (tests/data/labels/*_report_weaknesses.csv)
        (
            "Return home interviews are undertaken, although these vary in their effectiveness.",
            "children-in-care",
            "return-home-interviews-not-effective",
        ),  # Stockport 2022
        (
            "Workforce turnover has reduced, although some children experience too many changes of social worker.",
            None,
            "high-caseloads-or-turnover",
        ),  # Windsor and Maidenhead 2024: the denial is answered by "although"
        (
            "Strategy discussions do not routinely include input from key partners other than the police.",
            "help-and-protection",
            "police-only-strategy-discussions",
        ),  # Sheffield-style phrasing without "only"
        (
            "Sampling of cases confirmed that social work practice is alert to the needs of privately fostered "
            "children, although the local authority acknowledges that visits to see these children are not always "
            "undertaken within the statutory timescale.",
            "help-and-protection",
            "private-fostering-weak",
        ),  # Bristol
        ("However, not all plans are timebound and measurable.", "help-and-protection", "plans-not-specific"),
    ],
)
def test_findings_weakness_in_corpus_sentence(nlp, text, section, weakness):
    assert weakness in _one(nlp, text, section=section)["weaknesses"]


@pytest.mark.parametrize(
    ("text", "section"),
    [
        (
            "Use of bed and breakfast accommodation is extremely rare because the 16+ team has access to emergency "
            "accommodation.",
            "care-leavers",
        ),
        (
            "None was seen where this was not an appropriate decision, and management oversight of the decision was "
            "always clearly recorded.",
            "children-in-care",
        ),
        (
            "However, inspectors identified reasonable delay due to the complexity of the careful work required in "
            "matching children with families who can meet their needs.",
            "adoption",
        ),
        (
            "All referrals about children missing are progressed by the team, which undertakes return interviews "
            "within 72 hours for children who are not looked after.",
            "help-and-protection",
        ),
        # the board's own shortcoming, in its chapter, is not the authority's
        (
            "The board routinely considers data from partners via a quarterly data set, but the current data set has "
            "some gaps in information on child sexual exploitation.",
            "lscb-review",
        ),
    ],
)
def test_findings_denied_or_conditional_shortfall_is_no_weakness(nlp, text, section):
    assert _one(nlp, text, section=section)["weaknesses"] == []


def test_findings_board_chapter_still_reports_the_areas_practice(nlp):
    text = "However, despite training, not all professionals fully understand the operation of thresholds."
    assert _one(nlp, text, section="lscb-review")["weaknesses"] == ["thresholds-misapplied"]


def test_findings_interviews_named_again_take_the_topic_before_them(nlp):
    from loaders.findings import extract_findings
    from loaders.records import Sentence

    texts = [
        "Children are routinely offered a return home interview, with skilled workers employed to undertake them.",
        "While clearly an improving picture, information from such interviews is not consistently used "
        "effectively to inform planning.",
    ]
    sentences = [Sentence(t, 0, len(t), 5, "help-and-protection", None, i) for i, t in enumerate(texts)]
    first, second = extract_findings(sentences, nlp)
    assert first.weaknesses == ()
    assert second.weaknesses == ("return-home-interviews-not-effective",)


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("The quality of practice, however, remains too variable.", "weakness"),  # answers the sentence before
        (
            "These changes have not yet resulted in services that are uniformly good.",
            "weakness",
        ),  # "yet" is no contrast
        ("However, there are issues about contact for a small number of children.", "weakness"),
        (
            "Their identity needs are well considered and practitioners are acutely aware of the impact of trauma.",
            "strength",
        ),  # awareness of a child's trauma concedes no gap
        (
            "Leaders are keenly aware of where there are gaps in the capacity to meet demand, and are exploring how "
            "to use their resources.",
            "mixed",
        ),
        ("In particular, ensure that robust risk assessments are undertaken to inform plans fully.", "weakness"),
        # read in the corpus where the model overrode a rule-neutral verdict the wrong way
        (
            "All this means that these children remain subject to statutory interventions for longer than needed.",
            "weakness",
        ),
        ("This is 88 days quicker than the England average.", "strength"),
    ],
)
def test_findings_polarity_of_contrasts_and_awareness(nlp, text, polarity):
    assert _one(nlp, text, section="help-and-protection")["polarity"] == polarity


@pytest.mark.parametrize(
    ("text", "section", "polarity"),
    [
        # an ILACS "What needs to improve" item names the goal in praise words: it is what falls short
        (
            "Decision-making in the MASH consistently adheres to local threshold guidance and children do not "
            "experience unnecessary statutory assessments.",
            "improvements",
            "weakness",
        ),
        (
            "Sustain and extend the positive and constructive role of the practitioners forums.",
            "improvements",
            "weakness",
        ),
        # sections that describe rather than judge
        (
            "An inadequate LSCB does not demonstrate that it has effective arrangements in place and the required "
            "skills to discharge its statutory functions.",
            "judgement-descriptors",
            "neutral",
        ),
        ("The local authority does not operate any children's homes.", "area-information", "neutral"),
    ],
)
def test_findings_polarity_that_the_section_decides(nlp, text, section, polarity):
    assert _one(nlp, text, section=section)["polarity"] == polarity


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("The inspection did not find any areas for priority and immediate action.", "neutral"),
        ("Children have no access to advocacy in rural areas.", "weakness"),  # a gap, in some areas
    ],
)
def test_rules_read_a_list_that_says_it_has_nothing_to_improve(nlp, text, polarity):
    (doc,) = annotated_docs(nlp, [text], ["improvements"])
    assert doc._.rule_polarity == polarity


def test_findings_organisations_plans_and_care_leavers_plans(nlp):
    assert "plans" not in _one(nlp, "Plans are in place to deliver bespoke management training.")["themes"]
    themes = _one(nlp, "Plans are up to date and reviewed with each young person.", section="care-leavers")["themes"]
    assert "pathway-plans" in themes and "plans" not in themes
    assert "plans" in _one(nlp, "Plans for children are clear and up to date.", section="help-and-protection")["themes"]


def test_findings_childrens_plans_stay_plans(nlp):
    # only an organisation's plans ("plans are in place to deliver training") are left out of the plans theme
    for text in (
        "Social workers make effective plans to keep children safe.",
        "Most plans are purposeful and regularly reviewed.",
    ):
        assert "plans" in _one(nlp, text, section="help-and-protection")["themes"]


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("Inspectors saw cases where children are not safe at home.", "weakness"),  # a finding, not a condition
        ("Practitioners are aware of the needs of the children they work with.", "neutral"),  # no gap conceded
        ("Children's needs change faster than their plans are updated.", "neutral"),  # no benchmark: no praise
        ("No child remains on a plan for longer than necessary.", "neutral"),  # "for longer than needed" criticises
        # "less" right before a word of praise criticises; "less complex cases", "less than" do not turn praise
        ("Links with commissioning intentions and actions are less clear.", "weakness"),
        ("Some personal advisers are less clear about what those care leavers over 21 are entitled to.", "weakness"),
        (
            "Inspectors saw examples of good parallel planning which means that children experience less delay.",
            "strength",
        ),
        # what is hard to measure, too low, negatively impacted or compounded is criticised; a need named as a
        # place or condition is not
        ("This makes it difficult to measure progress.", "weakness"),
        ("The attainment of qualifications by children looked after is too low.", "weakness"),
        ("Progress had been negatively impacted by changes to senior management.", "weakness"),
        ("This has been compounded by staffing issues in the integrated looked after children teams.", "weakness"),
        (
            "Where there is a need to protect children, action is taken through the appropriate initiation of care "
            "proceedings.",
            "strength",
        ),
        # delay prevented and the last inspection's verdict, from which progress is measured, are no criticism
        ("This prevents delay and promotes care planning within timescales that meet children's needs.", "strength"),
        (
            "Since the last inspection in 2015, when services were judged inadequate overall, senior leaders have "
            "considerably strengthened children's services.",
            "strength",
        ),
        ("More needs to be done to ensure an effective response.", "weakness"),
        ("Children are not disadvantaged by living out of area.", "strength"),  # "are not" is part of the denial
        ("There is an absence of effective scrutiny to support improvement.", "weakness"),
        # an adverse effect stated is criticism
        (
            "The high volume of work and the introduction of a 'single assessment' approach has had an adverse impact "
            "on quality.",
            "weakness",
        ),
    ],
)
def test_rules_read_conditions_awareness_less_and_adverse_where_they_apply(nlp, text, polarity):
    # the rules' own verdict, as the pipeline gives it (the trained model reads it next, and may call plain
    # description praise)
    (doc,) = annotated_docs(nlp, [text], ["help-and-protection"])
    assert doc._.rule_polarity == polarity


@pytest.mark.parametrize(
    ("text", "section", "weakness"),
    [
        # "their" is anyone's: the families' complaint is not the interviews' shortfall
        (
            "Return home interviews are offered to all children, although their families say that information is "
            "not always shared or used well.",
            "children-in-care",
            "return-home-interviews-not-effective",
        ),
        # a contrast lifts a denial, never another topic's exclusion
        (
            "Privately fostered children are well supported, although some children are not seen promptly.",
            "help-and-protection",
            "delays-seeing-children",
        ),
    ],
)
def test_findings_no_weakness_borrowed_across_a_contrast(nlp, text, section, weakness):
    assert weakness not in _one(nlp, text, section=section)["weaknesses"]


def test_findings_board_chapter_partnership_working_is_the_areas_practice(nlp):
    text = "Partnership working is not effective in the MASH and thresholds are not well understood."
    assert "thresholds-misapplied" in _one(nlp, text, section="lscb-review")["weaknesses"]


def test_findings_police_only_needs_a_named_agency_or_a_strong_word(nlp):
    # the annotators' Kirklees rule: partners in general "not always" there is no police-only discussion ...
    kirklees = "Key partners do not always attend strategy meetings, limiting the richness of discussions."
    assert "police-only-strategy-discussions" not in _one(nlp, kirklees, section="help-and-protection")["weaknesses"]
    # ... but a named agency missing, or other agencies rarely there, is
    for text in (
        "While the police are involved in strategy discussions, the participation of health partners is inconsistent.",
        "In strategy discussions, other agencies are rarely involved.",
    ):
        assert "police-only-strategy-discussions" in _one(nlp, text, section="help-and-protection")["weaknesses"]


def test_findings_bed_and_breakfast_eliminated_is_no_weakness(nlp):
    text = (  # Suffolk 2015, LSCB chapter aside: an achievement, not a shortcoming
        "For example, it has been influential in helping to virtually eliminate the use of bed and breakfast "
        "accommodation for care leavers."
    )
    assert _one(nlp, text, section="care-leavers")["weaknesses"] == []


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        # praise in a clause whose subject is "few" criticises, criticism in one whose subject is "none" praises
        ("Very few plans are genuinely specific, measurable, realistic and time bound.", "weakness"),
        (
            "Too few children who go missing receive effective follow-up to understand and address the risk to them.",
            "weakness",
        ),
        (
            "No care leavers live in houses of multiple occupation and none are placed in bed and breakfast "
            "accommodation.",
            "strength",
        ),
        (
            "Appropriate thresholds are applied and no cases were seen of children entering care inappropriately.",
            "strength",
        ),
        # what practice should do, done by few, criticises; being found at risk, for none, does not
        (
            "Few strategy discussions record concerns and risks to the child and none identify agencies' actions and "
            "responsibilities.",
            "weakness",
        ),
        ("Few older children participate in child protection conferences.", "weakness"),
        (
            "No children were identified as being left at immediate risk during this inspection and early help "
            "services are an area of strength.",
            "strength",
        ),
        # the clause ends where another subject begins
        (
            "However, few children attend their conference and their participation in conferences is underdeveloped.",
            "weakness",
        ),
        (
            "Most conferences are well chaired, but few children participate in their conference or have the "
            "support of an advocate.",
            "mixed",
        ),
        # "a few" is no such subject
        ("A few children wait too long for a permanent home.", "weakness"),
    ],
)
def test_rules_turn_what_a_few_or_none_subject_does(nlp, text, polarity):
    (doc,) = annotated_docs(nlp, [text], ["help-and-protection"])
    assert doc._.rule_polarity == polarity
    if polarity != "mixed":  # the model reads the verdict and may weigh a mixed sentence's halves otherwise
        assert doc._.polarity == polarity


@pytest.mark.parametrize(
    ("text", "praise", "criticism"),
    [
        # a relative clause does not end the clause that "too few" opens: its praise is turned
        (
            "Too few children who need to be looked after and who are placed within their wider family receive timely "
            "assessment of their needs.",
            (),
            ("too few", "few … timely"),
        ),
        # "there are no" opens a "none" clause too
        (
            "There were no young people in bed and breakfast accommodation.",
            ("few … bed and breakfast",),
            (),
        ),
        # two negatives in a "none" clause praise
        (
            "Children missing from education are tracked and monitored by a discreet service, and no case is closed "
            "without a successful conclusion.",
            ("successful",),
            (),
        ),
        # a new subject after a comma or "and this" ends the clause
        (
            "Very few have access to specialist support and this hinders their chances.",
            (),
            ("hinders", "few … have access to"),
        ),
        # one phrase, one cue: "less well" and "requires improvement" do not also count their praise word
        ("A small number are less well focused.", (), ("less well",)),
        ("Children's services in Lewisham require improvement to be good.", ("good",), ("require improvement",)),
        # "areas for improvement" still weighs its two words against each other
        (
            "Performance data is used intelligently and is targeting areas for improvement effectively.",
            ("improvement", "effectively"),
            ("areas for improvement",),
        ),
        # "no less" is no "less"
        ("Children experience no less delay.", (), ("delay",)),
    ],
)
def test_rules_cues_in_few_and_less_clauses(text, praise, criticism):
    _, found_praise, found_criticism, _ = score_polarity(text, "help-and-protection")
    assert sorted(found_praise) == sorted(praise)
    assert sorted(found_criticism) == sorted(criticism)


@pytest.mark.parametrize(
    ("previous", "text", "stated"),
    [
        (  # corpus, Windsor and Maidenhead 2015: the topic of the sentence before, without pointing back to it
            "Not all young people who become homeless or who are privately fostered receive an appropriate response "
            "to ensure that they are safe.",
            "Multi-agency risk assessment conferences (MARAC) do not yet consider all the domestic abuse cases that "
            "they could.",
            [],
        ),
        (  # the same, with whom it is about named: still about the homeless young people before it
            "Homeless 16- and 17-year-olds are seen by the housing options team.",
            "Young people are not always offered an assessment of their needs as children in need.",
            ["homeless-16-17-not-assessed"],
        ),
        (  # pointing back ("they") carries the topic and whom it is about
            "Homeless 16- and 17-year-olds are seen by the housing options team.",
            "However, they are not always informed of their right to be looked after.",
            ["homeless-16-17-not-assessed"],
        ),
    ],
)
def test_weakness_topic_borrowed_from_the_sentence_before(previous, text, stated):
    from loaders.components.weaknesses import match_weaknesses

    assert match_weaknesses(text, "help-and-protection", "weakness", False, previous) == stated


@pytest.mark.parametrize(
    "text",
    [  # corpus sentences: care leavers' pathway plans and an organisation's plans are no children's plans
        "For some care leavers with specific vulnerabilities, such as those in custody, pathway plans are vague, "
        "with gaps in assessment of needs and out-of-date information.",
        "However, the designated officer service action plan is not outcome-focused or sufficiently specific.",
        "However, the quality of strategic action plans is variable.",
    ],
)
def test_criticism_of_plans_that_are_not_childrens_plans_is_no_plans_weakness(nlp, text):
    result = _one(nlp, text)
    assert "plans-not-specific" not in result["weaknesses"]
    assert result["polarity"] in ("weakness", "mixed")


# Sixth reading of cited evidence (reading 6): what it found wrong, and the right readings beside them
_SIXTH_READING_CASES = [
    (  # report 41d684f703da: the plans are the board's business plans named in the sentence before
        "lscb-review",
        "weakness",
        "The board has set out a business plan for 2014–15 and a draft plan for 2015–16, both of which include "
        "sub-committee business plans.",
        "These plans are not specific enough, with many objectives lacking clear timescales other than 'ongoing' or "
        "'throughout the year'.",
        "plans-not-specific",
        False,
    ),
    (  # crafted beside it: the same words after a sentence on children's plans
        "help-and-protection",
        "weakness",
        "Every child subject to a child protection plan has a core group.",
        "These plans are not specific enough, with many objectives lacking clear timescales.",
        "plans-not-specific",
        True,
    ),
    (  # report 91d0a354163a: care leavers' pathway plans (a near miss in the labels' conventions)
        "care-leavers",
        "weakness",
        "Pathway plans and reviews are routinely and consistently completed on time with sufficient management "
        "oversight.",
        "The detail of the plans is not specific or outcome-focused and the quality varies, with the majority not "
        "having clear timescales for actions.",
        "plans-not-specific",
        False,
    ),
    (  # report 4eae3c0dabbe: inspectors found no case where the risk was missed
        "children-in-care",
        "mixed",
        None,
        "While inspectors did not see any cases where risks associated with going missing or child sexual "
        "exploitation were not identified or acted on, the local authority needs to develop a more robust and "
        "systematic approach to the collection of data.",
        "inconsistent-cse-response",
        False,
    ),
    (  # report f614dd3dde77: instability in the past
        "children-in-care",
        "weakness",
        None,
        "In some of the cases tracked and sampled, children and young people have experienced historic instability, "
        "changes of social worker and placement moves.",
        "high-caseloads-or-turnover",
        False,
    ),
    (  # report 843467664ea1: still there
        "children-in-care",
        "weakness",
        None,
        "It remains the case that some children have had a number of changes of social worker.",
        "high-caseloads-or-turnover",
        True,
    ),
    (  # report 0398beaa3d3d: a tracking system's purpose
        "children-in-care",
        "weakness",
        "Knowsley now has in place a system to track the progress of pre-proceedings work under the Public Law "
        "Outline.",
        "This will enable them to monitor the length of time this work is taking so they can be confident that "
        "children do not wait too long to have their welfare and safeguarding secured.",
        "drift-and-delay-in-permanence",
        False,
    ),
    (  # report 7e1fa85f6d0e: children gone home from care, seen by inspectors: no return home interview
        "children-in-care",
        "weakness",
        None,
        "Clear improvements in home circumstances were not evident in most cases seen where children and young "
        "people have returned home.",
        "return-home-interviews-not-effective",
        False,
    ),
    (  # crafted beside it: children seen by a worker when they return
        "help-and-protection",
        "weakness",
        None,
        "Children are not always seen by an independent worker when they return after going missing.",
        "return-home-interviews-not-effective",
        True,
    ),
    (  # a recommendation: what management scrutiny is to challenge
        "improvements",
        "weakness",
        None,
        "Ensure robust performance information is available to support effective management scrutiny and challenge to "
        "poor performance at all levels of the organisation.",
        "weak-management-oversight",
        False,
    ),
]

# Wrong evidence of readings 1 to 9 mended on 2026-12-02 (each judged wrong by a reader), and what the same rules
# must still find beside them
_MENDED_EVIDENCE_CASES = [
    (  # report 0642119e8bd8: adoption support plans are not children's plans
        "adoption",
        "weakness",
        None,
        "Adoption support plans seen by inspectors were mostly generic and not tailored to children's individual "
        "needs.",
        "plans-not-specific",
        False,
    ),
    (  # report 0eb1ac03e0f5: a plan to achieve a service
        "children-in-care",
        "weakness",
        None,
        "Plans to achieve a 'gold standard' service for care leavers have not yet resulted in consistently improved "
        "outcomes and the quality of practice remains too variable.",
        "plans-not-specific",
        False,
    ),
    (  # report c7f2a9d983bb: care leavers' plans, named by their pathway advisers (a near miss in the conventions)
        "care-leavers",
        "weakness",
        None,
        "Despite pathway advisers knowing their young people well, and understanding their vulnerabilities, "
        "recording of this in plans is weak.",
        "plans-not-specific",
        False,
    ),
    (  # report 28af408ab4b0: the virtual school's plans (personal education plans)
        "children-in-care",
        "weakness",
        None,
        "The quality assurance by the virtual school of these plans is inconsistent, and so weak practice is not "
        "always identified or challenged.",
        "plans-not-specific",
        False,
    ),
    (  # report 7e1fa85f6d0e: "not yet clearly evident" is no plan that is not clear
        "adoption",
        "weakness",
        None,
        "Although the number of children with an adoption plan is increasing, improvements in timeliness are not yet "
        "clearly evident for children and families.",
        "plans-not-specific",
        False,
    ),
    (  # report 28af408ab4b0 (adjudicated: states it): plans that do not clearly state what matters to the child
        "children-in-care",
        "weakness",
        None,
        "For some children, plans are not updated to reflect their current circumstances and needs, for example not "
        "clearly stating their wishes about contact with brothers, sisters, parents and others who are important to "
        "them.",
        "plans-not-specific",
        True,
    ),
    (  # reading 9, report-level near miss: care leavers' plans under another name
        "key-findings",
        "weakness",
        None,
        "Formal plans for young people leaving care are not well focused and do not identify their long-term hopes "
        "and aspirations.",
        "plans-not-specific",
        False,
    ),
    (  # reading 9: plans not progressed is drift or oversight, not plans that lack focus
        "leadership",
        "weakness",
        None,
        "For some children's cases, there is a lack of focus on timely progression of plans.",
        "plans-not-specific",
        False,
    ),
    (  # reading 9: a planning meeting's record
        "children-in-care",
        "weakness",
        None,
        "Decisions made at legal planning meetings are sometimes poorly recorded, and there is a lack of clarity about "
        "when actions will be completed.",
        "plans-not-specific",
        False,
    ),
    (  # crafted beside them: plans that lack focus
        "help-and-protection",
        "weakness",
        None,
        "Child protection plans lack focus on the outcomes to be achieved.",
        "plans-not-specific",
        True,
    ),
    (  # crafted beside them: children's plans of care leavers' age are still children's plans
        "children-in-care",
        "weakness",
        None,
        "Care plans for older children in care are vague and lack timescales.",
        "plans-not-specific",
        True,
    ),
    (  # report 870f5b9ca3ef: the data on interviews, not the interviews
        "leadership",
        "weakness",
        None,
        "The quality of data on the offer and completion of return home interviews is limited.",
        "return-home-interviews-not-effective",
        False,
    ),
    (  # report d207c1f1ab8a: monitoring them
        "leadership",
        "weakness",
        None,
        "There is a need to strengthen the arrangements for monitoring the offer and take-up of return home "
        "interviews.",
        "return-home-interviews-not-effective",
        False,
    ),
    (  # crafted beside them: the offer itself
        "help-and-protection",
        "weakness",
        None,
        "Return home interviews are not offered to all children, and take-up is low.",
        "return-home-interviews-not-effective",
        True,
    ),
    (  # report 4eae3c0dabbe: nothing is known yet
        "children-in-care",
        "neutral",
        "A voluntary organisation has now been commissioned to ensure that return home interviews are undertaken "
        "independently of the police.",
        "It is too early to measure the effectiveness of these new arrangements, which came into force on 1 April "
        "2015.",
        "return-home-interviews-not-effective",
        False,
    ),
    (  # report f36146ac1977: bed and breakfast avoided
        "care-leavers",
        "weakness",
        "The local authority understands the considerable challenges involved in securing a sufficiently varied and "
        "suitable range of accommodation for care leavers aged over 18 years in a large, diverse shire county, and is "
        "actively pursuing plans to continue developing its provision.",
        "Bed and breakfast accommodation is used only as a last resort, with any placements being reviewed on a "
        "weekly basis by senior managers.",
        "unsuitable-care-leaver-accommodation",
        False,
    ),
    (  # report 3220d6463eb5 (crafted: after a sentence on care leavers' housing)
        "care-leavers",
        "weakness",
        "Care leavers who need somewhere to live in an emergency are found accommodation the same day.",
        "Bed and breakfast accommodation is only ever used in an emergency and when all other immediate options have "
        "been exhausted.",
        "unsuitable-care-leaver-accommodation",
        False,
    ),
    (  # crafted beside them: care leavers who live there
        "care-leavers",
        "weakness",
        "Care leavers who need somewhere to live in an emergency are found accommodation the same day.",
        "However, bed and breakfast accommodation is used too often.",
        "unsuitable-care-leaver-accommodation",
        True,
    ),
    (  # report 4e0d46e3df4b (crafted: after a sentence on homeless 16- and 17-year-olds)
        "help-and-protection",
        "weakness",
        "Homeless 16- and 17-year-olds are jointly assessed by housing and children's social care.",
        "Although only used as a last resort, in the last 12 months three young people have been placed in bed and "
        "breakfast accommodation.",
        "homeless-16-17-not-assessed",
        False,
    ),
    (  # report a8b74f40540e: how things were at first
        "leadership",
        "weakness",
        None,
        "Initially, the pace of improvement was slow, impeded by instability in staffing and a lack of consistent and "
        "effective leadership.",
        "high-caseloads-or-turnover",
        False,
    ),
    (  # report 3bb46c740632
        "executive-summary",
        "weakness",
        None,
        "Early progress was very limited, with significant challenges around workforce instability and implementing "
        "performance management systems.",
        "high-caseloads-or-turnover",
        False,
    ),
    (  # crafted beside them: still so
        "leadership",
        "weakness",
        None,
        "Initially, improvement was slow, and instability in staffing still means that children have too many changes "
        "of social worker.",
        "high-caseloads-or-turnover",
        True,
    ),
    (  # report 0eb1ac03e0f5 (reading 8): foster carers' vacancies are places unfilled
        "children-in-care",
        "weakness",
        None,
        "There are some in-house foster carers who have had vacancies for several months and the sufficiency issue is "
        "not about the number of foster carers but the range, choice and skills of carers available.",
        "high-caseloads-or-turnover",
        False,
    ),
    (  # report c7f2a9d983bb: drift in the past, acted on
        "children-in-care",
        "weakness",
        None,
        "This is partly as a result of appropriate action being taken on a number of cases which had drifted due to "
        "previous poor practice, and where children have now become looked after or been made subject to "
        "proceedings.",
        "drift-and-delay-in-permanence",
        False,
    ),
    (  # reading 9: adopted children waiting for a health service
        "adoption",
        "weakness",
        None,
        "Adopted children who require psychological support can experience delays in accessing child and adolescent "
        "mental health services (CAMHS), as they are not identified as a priority group.",
        "drift-and-delay-in-permanence",
        False,
    ),
    (  # crafted beside it: children waiting for adoption
        "adoption",
        "weakness",
        None,
        "Children wait too long for adoption, and some experience delays in being matched.",
        "drift-and-delay-in-permanence",
        True,
    ),
    (  # report de8ad34337a7: life story work is not permanence
        "children-in-care",
        "weakness",
        None,
        "Life story work for children who are looked after but not being adopted is not always timely.",
        "drift-and-delay-in-permanence",
        False,
    ),
    (  # report 2396f590c068: transition to adulthood
        "children-in-care",
        "weakness",
        None,
        "Some transition planning does not start early enough and lacks required information, such as education "
        "information.",
        "drift-and-delay-in-permanence",
        False,
    ),
    (  # reading 6 (judged right): delay in permanence plans, with life story work beside it
        "children-in-care",
        "weakness",
        None,
        "This is evident in a lack of decisive intervention for some children who are exposed to long-term neglect "
        "and domestic abuse, and in delays in progressing permanence plans and life story work.",
        "drift-and-delay-in-permanence",
        True,
    ),
    (  # report 6feb981b7805: panels that provide oversight
        "children-in-care",
        "weakness",
        None,
        "Legal gateway meetings and weekly permanence panels provide additional senior management oversight, thus "
        "reducing delays in progressing children's plans for permanence.",
        "weak-management-oversight",
        False,
    ),
    (  # reading 8: oversight praised, its recording faulted (HELDOUT_NOTES: not counted)
        "help-and-protection",
        "mixed",
        None,
        "Management oversight of these front door teams is effective, although it is not always consistently "
        "well-recorded.",
        "weak-management-oversight",
        False,
    ),
    (  # crafted beside it
        "help-and-protection",
        "weakness",
        None,
        "Management oversight of casework is inconsistent and does not challenge drift.",
        "weak-management-oversight",
        True,
    ),
    # found a review of these mends: what they must not take away
    (
        "help-and-protection",
        "weakness",
        None,
        "Team managers do not always provide regular management oversight of casework.",
        "weak-management-oversight",
        True,
    ),
    (
        "help-and-protection",
        "weakness",
        None,
        "Management oversight is regular, but it is not always recorded and it does not prevent drift.",
        "weak-management-oversight",
        True,
    ),
    (
        "care-leavers",
        "weakness",
        None,
        "Too many care leavers have been placed in bed and breakfast accommodation, which should only be used in an "
        "emergency.",
        "unsuitable-care-leaver-accommodation",
        True,
    ),
    (
        "children-in-care",
        "weakness",
        None,
        "Plans to achieve permanence for children are not always specific or timebound.",
        "plans-not-specific",
        True,
    ),
    (
        "children-in-care",
        "weakness",
        None,
        "Care plans lack focus on the progress children need to make.",
        "plans-not-specific",
        True,
    ),
    (
        "children-in-care",
        "weakness",
        None,
        "Plans for children in care are often vague and lack timescales, including for their preparation for "
        "independence.",
        "plans-not-specific",
        True,
    ),
    (
        "leadership",
        "weakness",
        None,
        "Local authority data shows that the take-up of return home interviews is low.",
        "return-home-interviews-not-effective",
        True,
    ),
    (
        "leadership",
        "weakness",
        None,
        "The fostering service has a high number of social worker vacancies.",
        "high-caseloads-or-turnover",
        True,
    ),
    (
        "children-in-care",
        "weakness",
        None,
        "Some children wait too long for adoption and for therapeutic support.",
        "drift-and-delay-in-permanence",
        True,
    ),
    (
        "children-in-care",
        "weakness",
        None,
        "Children experience drift in their transition to adulthood and in permanence planning.",
        "drift-and-delay-in-permanence",
        True,
    ),
    (
        "help-and-protection",
        "weakness",
        None,
        "Initially, strategy discussions are held only with the police.",
        "police-only-strategy-discussions",
        True,
    ),
    (  # report 6a019b4e6c29: supervision held; its actions are not followed up
        "help-and-protection",
        "weakness",
        None,
        "Decisions taken or actions agreed in supervision are not always followed up.",
        "poor-supervision",
        False,
    ),
    (  # crafted beside it
        "help-and-protection",
        "weakness",
        None,
        "Supervision is not always regular and is rarely reflective.",
        "poor-supervision",
        True,
    ),
]

# A first reading of what the rules missed (drawn from b6615da): sentences on a weakness's topic, critical, not
# cited, judged by readers (32 of 210 state the weakness); the phrasings it found, and near misses beside them
_FIRST_MISSED_CASES = [
    (  # report a3dc66740e0b
        "leadership",
        "weakness",
        None,
        "However, challenges in the turnover of social workers and first-line managers continue to impact negatively "
        "on the continuity of services to children.",
        "high-caseloads-or-turnover",
        True,
    ),
    (  # report 451742e91585
        "leadership",
        "weakness",
        None,
        "However, inspectors found that a small number of these workers had caseloads in excess of national "
        "guidelines.",
        "high-caseloads-or-turnover",
        True,
    ),
    (  # report 0a3c17f65f59: a pressure point is no workload pressure
        "leadership",
        "neutral",
        None,
        "This is partly due to an increase in staffing establishment at key pressure points.",
        "high-caseloads-or-turnover",
        False,
    ),
    (  # report c8dcd7e3adce: an impact that was avoided
        "leadership",
        "mixed",
        None,
        "In one instance the chair challenged an agency about proposed staffing reductions that would have had an "
        "adverse impact on child protection and this led to a positive response.",
        "high-caseloads-or-turnover",
        False,
    ),
    (  # report 6feb981b7805
        "children-in-care",
        "weakness",
        None,
        "Supervision records vary in quality and regularity in individual children's records.",
        "poor-supervision",
        True,
    ),
    (  # report 0398beaa3d3d
        "key-findings",
        "mixed",
        None,
        "While there has been a very recent improvement through ensuring that all staff have regular supervision, the "
        "quality remains low.",
        "poor-supervision",
        True,
    ),
    (  # report a8b74f40540e
        "children-in-care",
        "mixed",
        None,
        "Although a number of these children have achieved permanence as a result, there are still too many children "
        "waiting for permanence to be secured.",
        "drift-and-delay-in-permanence",
        True,
    ),
    (  # report ae6a3309c09c: perseverance, not delay
        "summary-for-children",
        "mixed",
        None,
        "Social workers are good at finding the right families for children who need adoption, and do not give up "
        "even if it takes a long time.",
        "drift-and-delay-in-permanence",
        False,
    ),
    (  # report 1c8243d55acc: "plans" in a later clause is no care plan named again
        "children-in-care",
        "mixed",
        None,
        "Some children and young people are effectively matched with an independent visitor to support their care "
        "plan but there is a small number of children who would benefit from this relationship where plans have not "
        "been progressed.",
        "drift-and-delay-in-permanence",
        False,
    ),
    (  # report 451742e91585
        "summary-for-children",
        "weakness",
        None,
        "Some care leavers do not live in good-quality accommodation.",
        "unsuitable-care-leaver-accommodation",
        True,
    ),
    (  # report a3dc66740e0b
        "help-and-protection",
        "weakness",
        None,
        "Partners' understanding of the thresholds of need is not sufficiently established across all agencies.",
        "thresholds-misapplied",
        True,
    ),
    (  # report a42465a3bda6
        "help-and-protection",
        "weakness",
        None,
        "Strategy meetings are not routinely attended by all key agencies including, in some instances, the police.",
        "police-absent-from-strategy-discussions",
        True,
    ),
    (  # report e4c5a86a75fc
        "help-and-protection",
        "mixed",
        None,
        "However, health professionals do not routinely directly take part in initial strategy discussions when "
        "female genital mutilation is suspected, although they do provide written information.",
        "police-only-strategy-discussions",
        True,
    ),
    (  # report 41d684f703da: one young person
        "help-and-protection",
        "weakness",
        None,
        "In another case a young person who was assessed as homeless was not informed of his entitlement to come into "
        "care and was not made aware of the rights this status would confer.",
        "homeless-16-17-not-assessed",
        True,
    ),
    (  # report acdc4a971884: ... and none in unsuitable accommodation
        "care-leavers",
        "mixed",
        None,
        "There is a range of housing options available and no young person is accommodated in unsuitable "
        "accommodation, such as bed and breakfast provision.",
        "homeless-16-17-not-assessed",
        False,
    ),
    (  # report d7b66764fc77: a condition that a meeting answers
        "care-leavers",
        "neutral",
        None,
        "When there is a risk of the accommodation becoming unsuitable or the young person becoming homeless, a "
        "'second-chance meeting is quickly held.",
        "homeless-16-17-not-assessed",
        False,
    ),
    (  # report d207c1f1ab8a: "some interviews", after "although", are the return home interviews
        "children-in-care",
        "mixed",
        None,
        "Most children who go missing from care have a return home interview, although some interviews are not "
        "undertaken quickly enough.",
        "return-home-interviews-not-effective",
        True,
    ),
    (  # report 6fdf74b8ac6f
        "help-and-protection",
        "weakness",
        None,
        "No social worker is receiving one-to-one case supervision, and this means that there is little management "
        "direction and challenge to their work.",
        "weak-management-oversight",
        True,
    ),
]

# A second reading of what the rules missed (drawn from 6382008): a concession between commas, an aspect of
# the topic as the next clause's subject, and phrasings no rule had
_SECOND_MISSED_CASES = [
    (  # report 3220d6463eb5
        "help-and-protection",
        "mixed",
        None,
        "The child sexual exploitation risk assessment checklist, although developed, is not routinely used.",
        "inconsistent-cse-response",
        True,
    ),
    (  # report acdc4a971884
        "leadership",
        "mixed",
        None,
        "Due to time pressures, supervision of social workers, while regular, does not always include sufficient "
        "reflection or challenge.",
        "poor-supervision",
        True,
    ),
    (  # report ece27acefaed: a list's comma ends no concession
        "leadership",
        "mixed",
        None,
        "There is predominantly good management oversight on most children's electronic records, although evidence of "
        "regular, reflective supervision to help practitioners to understand and progress children's plans is less "
        "strong.",
        "weak-management-oversight",
        False,
    ),
    (  # report 0eb1ac03e0f5: supervision that does not drive plans (the labels' conventions)
        "children-in-care",
        "mixed",
        None,
        "Supervision, although regular, does not always effectively drive plans for children.",
        "poor-supervision",
        False,
    ),
    (  # report ece27acefaed
        "help-and-protection",
        "mixed",
        None,
        "Return home interviews (RHIs) are offered to all children, although take-up is relatively low.",
        "return-home-interviews-not-effective",
        True,
    ),
    (  # report c7de2e6d9984
        "help-and-protection",
        "mixed",
        None,
        "In most cases seen, return interviews are completed within the 72-hour timeframe, but the content is often "
        "of limited value as it does not impact on the child's plan or wider intelligence sharing.",
        "return-home-interviews-not-effective",
        True,
    ),
    (  # report ddfffddadb9e: "in many cases, it" is the topic still
        "help-and-protection",
        "mixed",
        None,
        "Supervision is happening on a regular basis but, in many cases, it is not used well enough to understand "
        "children's safety and progress.",
        "poor-supervision",
        True,
    ),
    (  # report 0642119e8bd8: the quality of something else
        "leadership",
        "mixed",
        None,
        "Social workers are receiving regular supervision but the quality of management oversight and challenge "
        "provided by frontline managers is still not consistently robust.",
        "poor-supervision",
        False,
    ),
    (  # report 01f982ae128b: "timeliness is improving," opens no clause about staffing
        "help-and-protection",
        "mixed",
        None,
        "Staffing shortages in the FYPS teams, particularly in the north team, mean that although timeliness is "
        "improving, many children and families are still waiting too long to receive a service.",
        "high-caseloads-or-turnover",
        False,
    ),
    (  # report 2396f590c068
        "children-in-care",
        "weakness",
        None,
        "For some children, plans for permanence are not considered early enough.",
        "drift-and-delay-in-permanence",
        True,
    ),
    (  # report 16abfe608018
        "adoption",
        "weakness",
        None,
        "This means that Liverpool children wait an additional 234 days to live in a permanent family.",
        "drift-and-delay-in-permanence",
        True,
    ),
    (  # report bd921b8dd7d6
        "children-in-care",
        "weakness",
        None,
        "Not all looked after children at risk of sexual exploitation are recognised.",
        "inconsistent-cse-response",
        True,
    ),
    (  # report 116d341418a1
        "leadership",
        "weakness",
        None,
        "The quality of management oversight and staff supervision, including appraisal, varies too much across teams.",
        "poor-supervision",
        True,
    ),
    (  # report a8b74f40540e
        "help-and-protection",
        "weakness",
        None,
        "Caseloads for some social workers in the assessment and intervention teams are challenging to manage when "
        "they are on duty, and this impacts on quality in some cases.",
        "high-caseloads-or-turnover",
        True,
    ),
    (  # report 8662647338d9
        "help-and-protection",
        "weakness",
        None,
        "The local authority has not ensured that all young people presenting as homeless receive an assessment of "
        "their need for services, including whether they should become looked after.",
        "homeless-16-17-not-assessed",
        True,
    ),
    (  # report acdc4a971884
        "care-leavers",
        "weakness",
        None,
        "The recent closure of a number of properties has resulted in too many care leavers with greater support needs "
        "being housed in temporary support accommodation, without access to on-site support.",
        "unsuitable-care-leaver-accommodation",
        True,
    ),
]

# Cues, topics and denials match from the start of a word: "cases seen" names no visit, "police notification"
# is no "police not", "instability" no "stability", "this effectively" no "is effective", "black" no "lack"
_WORD_START_CASES = [
    (  # Wandsworth 2016, paragraph 22
        "help-and-protection",
        "neutral",
        "When risk is identified and a strategy discussion held, the strategy discussions do not comply with statutory "
        "guidance.",
        "In all cases seen, social care and the police were the only participants in the discussion.",
        "police-only-strategy-discussions",
        True,
    ),
    (  # report c7de2e6d9984
        "help-and-protection",
        "weakness",
        "The domestic violence triage process means that all high-risk domestic violence notifications are subject to "
        "an immediate strategy meeting.",
        "In a small number of cases seen, a delay was evident in the police notification which could potentially "
        "leave children at risk of harm.",
        "police-absent-from-strategy-discussions",
        False,
    ),
    (  # report ddfffddadb9e
        "leadership",
        "weakness",
        None,
        "Instability in the workforce is having a significant impact on the quality of practice.",
        "high-caseloads-or-turnover",
        True,
    ),
    (  # Wandsworth 2016
        "children-in-care",
        "weakness",
        None,
        "Lack of management oversight has been compounded by the absence of a permanence tracker to provide senior "
        "managers with an overview of the children waiting for permanence and to enable them to monitor this "
        "effectively.",
        "weak-management-oversight",
        True,
    ),
    (  # crafted: a description, no shortfall
        "help-and-protection",
        "neutral",
        None,
        "Return home interviews are offered to all children, including black and minority ethnic children.",
        "return-home-interviews-not-effective",
        False,
    ),
]


# Sentences of the reports labelled last (remaining_report_weaknesses.csv, REMAINING_NOTES.md), each with the
# section, the polarity the rules read and the sentence before as the build meets them: misses and wrong answers
# of the extractor that the labels and the blind readers' rulings settled.
_REMAINING_SET_CASES = [
    (  # Peterborough 2023: "not of good enough quality"
        "leadership",
        "mixed",
        "Management capacity is insufficient in some areas.",
        "Supervision is regular, but often not of good enough quality to ensure that children do not experience "
        "delay, or to help workers to think through approaches that would help children who have complex needs.",
        "poor-supervision",
        True,
    ),
    (  # Stoke-on-Trent 2019
        "leadership",
        "weakness",
        None,
        "No social worker is receiving one-to-one case supervision from a manager, with the result that there has "
        "been little case direction, prioritisation and challenge across children's services.",
        "poor-supervision",
        True,
    ),
    (  # Luton 2022: the impact of supervision on children's lives is not its quality (label conventions)
        "leadership",
        "weakness",
        None,
        "Despite this, there is still variability in the impact supervision has on children's lives.",
        "poor-supervision",
        False,
    ),
    (  # Birmingham 2023: supervision that does not progress plans, on its own
        "help-and-protection",
        "mixed",
        None,
        "Supervision is held regularly, although it is not consistently effective in progressing children's plans "
        "and addressing drift.",
        "poor-supervision",
        False,
    ),
    (  # Peterborough 2023: "while risks are being assessed" says when, it sets nothing against anything
        "help-and-protection",
        "mixed",
        None,
        "Child protection enquiries are planned appropriately, although the written plans to monitor and support "
        "children while risks are being assessed sometimes lack detail about how potential risks will be "
        "managed.",
        "plans-not-specific",
        True,
    ),
    (  # Derby 2022
        "children-in-care",
        "mixed",
        "Most children have plans that appropriately identify their needs.",
        "While they have clear actions, some plans do not always have timescales to help children, families and "
        "professionals keep track of progress.",
        "plans-not-specific",
        True,
    ),
    (  # Bristol 2018
        "help-and-protection",
        "weakness",
        None,
        "However, the take-up of RHIs by children who go missing from home is low.",
        "return-home-interviews-not-effective",
        True,
    ),
    (  # Cheshire East 2015: "these are" opens with where it was seen and points back to strategy discussions
        "help-and-protection",
        "weakness",
        "Where children are at risk of harm, strategy discussions take place to determine whether section 47 "
        "enquiries are required.",
        "In the majority of cases seen these are initial telephone discussions between a practice manager and the "
        "police, without the involvement of other agencies such as health.",
        "police-only-strategy-discussions",
        True,
    ),
    (  # Liverpool 2023
        "help-and-protection",
        "weakness",
        None,
        "Thresholds for accepting contacts into children's social care are high, and these decisions are not "
        "always well informed.",
        "thresholds-misapplied",
        True,
    ),
    (  # CAMHS's threshold is another body's
        "children-in-care",
        "weakness",
        None,
        "Thresholds for CAMHS are high and there is a maximum 18-week wait for assessments.",
        "thresholds-misapplied",
        False,
    ),
    (  # Cambridgeshire 2019: sexual or criminal exploitation
        "help-and-protection",
        "weakness",
        None,
        "Inspectors saw some situations in which the extent of children's vulnerability to sexual or criminal "
        "exploitation had not been fully understood by area-based social work teams, and in which young people at "
        "shared risk had been considered in isolation rather than as part of a network.",
        "inconsistent-cse-response",
        True,
    ),
    (  # Merton 2017
        "children-in-care",
        "weakness",
        None,
        "For a small number of children, changes of social worker in the early part of their care journey "
        "affected the quality of relationships and the formulation of their plan.",
        "high-caseloads-or-turnover",
        True,
    ),
    (  # Wandsworth 2015
        "adoption",
        "weakness",
        None,
        "The adoption service has experienced a number of changes, including lack of consistent management "
        "oversight and the loss of experienced staff.",
        "high-caseloads-or-turnover",
        True,
    ),
    (  # Liverpool 2018: "not all care leavers live in suitable accommodation" is no denial
        "children-in-care",
        "mixed",
        None,
        "Not all care leavers live in suitable accommodation and the local authority has an appropriate plan in "
        "place to extend the range of housing options.",
        "unsuitable-care-leaver-accommodation",
        True,
    ),
    (  # Merton 2017
        "care-leavers",
        "weakness",
        None,
        "In a small minority of cases, managers do not intervene quickly enough to help staff to consider "
        "alternative plans, when young people are not moving forward with their lives.",
        "weak-management-oversight",
        True,
    ),
    (  # Oxfordshire 2024: work to improve oversight is no lack of it
        "leadership",
        "weakness",
        None,
        "Work to address the needs of children experiencing neglect, to reduce drift and to improve management "
        "oversight, was overseen by a group within the safeguarding partnership.",
        "weak-management-oversight",
        False,
    ),
    (  # Suffolk 2019: watching for drift is not drift
        "children-in-care",
        "weakness",
        None,
        "Decision-making about permanence is monitored effectively across the whole service, to ensure that any "
        "drift for children is identified and challenged.",
        "drift-and-delay-in-permanence",
        False,
    ),
    (  # Peterborough 2015
        "adoption",
        "weakness",
        None,
        "Good working relationships between children's social care, the Children and Family Court Advisory and "
        "Support Service (Cafcass) and the judiciary mean that care proceedings are completed with minimum delay.",
        "drift-and-delay-in-permanence",
        False,
    ),
    (  # Peterborough 2015: birth relatives' wait is not the child's
        "adoption",
        "weakness",
        None,
        "Birth relatives of children being adopted wait too long to access support.",
        "drift-and-delay-in-permanence",
        False,
    ),
    (  # Peterborough 2015: delayed health assessments, though care plans are named
        "children-in-care",
        "weakness",
        None,
        "However, inspectors also noted significant gaps for looked after children, with delayed initial health "
        "assessments and a lack of focus on mental health and emotional wellbeing in their care plans.",
        "drift-and-delay-in-permanence",
        False,
    ),
    # the fifth evidence reading (evidence_readings.jsonl): sentences readers judged wrong
    (
        "adoption",
        "weakness",
        "As a result children may have already waited too long to be adopted by the time a placement order is granted.",
        "Historically there has been a delay in finding a family for a child once a placement order had been granted.",
        "drift-and-delay-in-permanence",
        False,
    ),
    (
        "children-in-care",
        "mixed",
        None,
        "Foster carers spoke positively about the training they received, although few had accessed training in "
        "relation to child sexual exploitation, which is a gap.",
        "inconsistent-cse-response",
        False,
    ),
    (
        "help-and-protection",
        "weakness",
        None,
        "A dedicated team provides a single point of contact for issues and concerns about child sexual "
        "exploitation, missing children and domestic violence that do not meet the threshold for children's "
        "social care.",
        "inconsistent-cse-response",
        False,
    ),
    (  # Cheshire East 2015: care leavers who are homeless are not homeless 16- and 17-year-olds
        "care-leavers",
        "weakness",
        None,
        "Senior managers have insufficient oversight of these care leavers who are homeless and do not routinely "
        "monitor the individual circumstances of these highly vulnerable young people.",
        "homeless-16-17-not-assessed",
        False,
    ),
]


# Corpus sentences that an audit of cited evidence found wrong (or right, beside them), with the section, the
# pipeline's polarity and the sentence before as the build meets them
_HOMELESS_BEFORE = (
    "When children aged 16 and 17 present as homeless, there is not a clear understanding in the MASH of the local "
    "authority's duties to undertake joint assessments with housing."
)


# Written variants (2026-12-02): 756 sentences that nine readers wrote from the definitions and the labelling
# conventions alone, in the house style, to state each weakness in wording the rules had not met, or to come near
# it (tests/data/labels/written_variant_sentences*.jsonl; the fourth set was never tuned on). Each case below was
# wrong before the mends it led to; the corpus sentences those mends first found, or first found wrongly, are here
# too, and so are the plain words of the summaries for children that the third round found in the corpus.
_WRITTEN_VARIANT_CASES = [
    (  # report-116d341418a1: found since the written variants
        "help-and-protection",
        "weakness",
        "However, further improvement in timeliness is still needed.",
        (
            "While 80% of return home interviews are completed, and 86% of children are contacted within 72 hours of "
            "their return, only 54% of face-to-face interviews occur within 72 hours."
        ),
        "return-home-interviews-not-effective",
        True,
    ),
    (  # report-ddfffddadb9e: found since the written variants
        "help-and-protection",
        "weakness",
        "However, the number of completed return home interviews still remains too low.",
        (
            "Local authority data indicates that only 41% of children reported as missing in December 2016 had a "
            "return home interview."
        ),
        "return-home-interviews-not-effective",
        True,
    ),
    (  # report-acdc4a971884: found since the written variants
        "children-in-care",
        "weakness",
        (
            "There are appropriate multi-agency strategy meetings to coordinate the work of agencies when there are "
            "repeat and increasing concerns."
        ),
        (
            "However, in the past year only 60% of return home interviews were offered in a timely manner to those who"
            " had gone missing from care."
        ),
        "return-home-interviews-not-effective",
        True,
    ),
    (  # report-4f255356e0be: found since the written variants
        None,
        "weakness",
        (
            "A lack of authoritative practice by social workers and managers means that risk and need are not "
            "identified quickly enough for too many children."
        ),
        (
            "Arrangements to safeguard children with specific vulnerabilities, such as disabled children, children "
            "living in private fostering arrangements, and 16-year-old homeless children, are ineffective."
        ),
        "homeless-16-17-not-assessed",
        True,
    ),
    (  # report-f36146ac1977: found since the written variants
        "care-leavers",
        "weakness",
        (
            "There is clear management information about the 10% of care leavers who are known not to be living in "
            "suitable accommodation."
        ),
        (
            "The authority has recently surveyed care leavers, noting that a small minority do not feel safe in their "
            "accommodation."
        ),
        "unsuitable-care-leaver-accommodation",
        True,
    ),
    (  # report-6aacc1025497: found since the written variants
        "help-and-protection",
        "weakness",
        (
            "Core group meetings and child-in-need review meetings are held regularly and are used effectively to "
            "review progress against the plan."
        ),
        (
            "Some plans do not have clear written contingency plans in place to help children and parents understand "
            "what next steps would be taken should there be little or no progress."
        ),
        "plans-not-specific",
        True,
    ),
    (  # report-a3dc66740e0b: a near miss of a widened cue
        "care-leavers",
        "weakness",
        "The vast majority of care leavers feel safe in their homes.",
        (
            "When young people state that they do not feel safe, the local authority takes action to ensure their "
            "safety and well-being."
        ),
        "unsuitable-care-leaver-accommodation",
        False,
    ),
    (  # report-27cd567277ed: a near miss of a widened cue
        "care-leavers",
        "weakness",
        (
            "The availability of independence preparation training is good, with young people commenting that they are"
            " offered helpful inputs on cooking, budgeting, managing to sustain tenancies and maintaining healthy "
            "lifestyles."
        ),
        (
            "There are no care leavers living in bed and breakfast accommodation, although a small number of care "
            "leavers told inspectors that they feel unsafe in the area their accommodation is located."
        ),
        "unsuitable-care-leaver-accommodation",
        False,
    ),
    (  # report-116d341418a1: a near miss of a widened cue
        "leadership",
        "weakness",
        "In some areas, training to support social workers in their role had not been in place.",
        (
            "For example, only 11% of staff in the leaving care service are trained in understanding child sexual "
            "exploitation."
        ),
        "inconsistent-cse-response",
        False,
    ),
    (  # report-070b6176c68e: a near miss of a widened cue
        "care-leavers",
        "weakness",
        (
            "Social workers are not sufficiently aware of available toolkits to assess children's independent living "
            "skills, and these are mostly left for carers to complete."
        ),
        (
            "Social workers and PAs do not have sufficient oversight of this work to be assured that young people are "
            "helped to develop the confidence needed to become independent adults."
        ),
        "weak-management-oversight",
        False,
    ),
    (  # report-bd921b8dd7d6: found since the written variants
        "leadership",
        "weakness",
        (
            "This leads to children and their families experiencing frequent changes in social worker, and negatively "
            "affects the consistency and quality of practice."
        ),
        "All levels in the organisation rely too much on locum staff.",
        "high-caseloads-or-turnover",
        True,
    ),
    (  # report-24fa767527c7: found since the written variants
        "children-in-care",
        "mixed",
        "Plans are in place to improve practice, but it is too early to see the impact of these.",
        (
            "Children benefit from a wide range of appropriate placements where their needs are mostly well met, "
            "although permanence is not always secured in a timely way."
        ),
        "drift-and-delay-in-permanence",
        True,
    ),
    (  # report-dc5a575b88f4: found since the written variants
        "children-in-care",
        "weakness",
        "Not all permanence arrangements for these children are recorded clearly.",
        "This is because the long-term plans for children are not always formally agreed in a timely way.",
        "drift-and-delay-in-permanence",
        True,
    ),
    (  # report-01f982ae128b: a near miss of a widened cue
        "children-in-care",
        "weakness",
        (
            "Pathway plans are not sufficiently detailed or specific, and many lack timescales and clearly defined "
            "outcomes for young people."
        ),
        (
            "A third of care leavers either do not have a plan or they have a plan that has not been reviewed in a "
            "timely manner."
        ),
        "drift-and-delay-in-permanence",
        False,
    ),
    (  # report-7e1fa85f6d0e: still found beside the care leavers' plans exclusion
        "executive-summary",
        "weakness",
        (
            "However, it does not address the need for suitable accommodation for care leavers with high support needs"
            " or the fact that none of the adopters currently approved are suitable matches for the children waiting."
        ),
        (
            "This results in insufficient placement choice, care leavers placed in unsuitable accommodation and in "
            "delays for children in need of adoptive homes."
        ),
        "drift-and-delay-in-permanence",
        True,
    ),
    (  # report-bd921b8dd7d6: found since the written variants
        "children-in-care",
        "weakness",
        (
            "The use of the Public Law Outline (PLO) process is not well established, plans and timescales are not "
            "clearly stated, and risks to children and children's experiences are not given sufficient focus."
        ),
        (
            "Social work reports for court are not of a consistently high standard and are not robustly overseen by "
            "managers."
        ),
        "weak-management-oversight",
        True,
    ),
    (  # report-ddfffddadb9e: found since the written variants
        "help-and-protection",
        "weakness",
        "Visits to children to assess their needs are not happening quickly enough.",
        (
            "Local authority data for January 2017 identifies that only 60% of children are seen within appropriate "
            "timescales from referral, which leaves children in situations of unassessed risk for too long."
        ),
        "delays-seeing-children",
        True,
    ),
    (  # report-4e0d46e3df4b: a near miss of a widened cue
        "help-and-protection",
        "weakness",
        (
            "A specific audit conducted by the local authority identified that 28% of children were not visited within"
            " the first seven days."
        ),
        (
            "Although for the first 12 months 91% of cases were visited within the timescales required under statutory"
            " guidance, after this period the only performance reports available (which may be inaccurate because of "
            "the local authority's poor-quality data) suggested that only 33% of children are visited within "
            "requirements."
        ),
        "delays-seeing-children",
        False,
    ),
    (  # report-870f5b9ca3ef: the summary for children's plain words
        "summary-for-children",
        "mixed",
        (
            "When children need to be looked after away from their families, they live with carers who look after them"
            " well and help them to succeed."
        ),
        (
            "Whenever possible, they live with their brothers and sisters, but sometimes decisions are not made "
            "quickly enough about how long they will stay with their carers."
        ),
        "drift-and-delay-in-permanence",
        True,
    ),
    (  # report-870f5b9ca3ef: found since the written variants
        "leadership",
        "weakness",
        "The local authority is proud of the progress it has made against key performance indicators.",
        "However, senior managers do not have a clear line of sight on some important areas of activity.",
        "weak-management-oversight",
        True,
    ),
    (  # report-91d0a354163a: the summary for children's plain words
        "summary-for-children",
        "weakness",
        "Social workers know when children go missing or when they are at risk of being sexually exploited.",
        (
            "Some children are not offered the opportunity to talk to someone when they return from going missing, "
            "which makes it harder to keep them safe."
        ),
        "return-home-interviews-not-effective",
        True,
    ),
    (  # report-a3b3349cc862: the summary for children's plain words
        "summary-for-children",
        "weakness",
        (
            "Inspectors found that many services for children in Hull need to improve to be good although some are "
            "really helping children and young people."
        ),
        (
            "Managers do not have sufficient grip of the access and assessment service so children do not always "
            "receive the service they need quickly enough."
        ),
        "weak-management-oversight",
        True,
    ),
    (  # report-ac44ab4fac6d: the summary for children's plain words
        "summary-for-children",
        "weakness",
        "This means that they do not always have enough time to visit children and get to know them.",
        "Some children have had too many different social workers.",
        "high-caseloads-or-turnover",
        True,
    ),
    (  # report-ad6c33772093: the summary for children's plain words
        "summary-for-children",
        "weakness",
        "When children need to live with new 'forever' families, this happens quickly for most of them.",
        (
            "Some children do wait too long to find out that they can stay with their foster carers until they leave "
            "care."
        ),
        "drift-and-delay-in-permanence",
        True,
    ),
    (  # report-0642119e8bd8: a summary that tells of the last inspection (judged wrong in reading 11)
        "summary-for-children",
        "weakness",
        "At that time, services were improving but some children and families were not being helped effectively.",
        "Many social workers and managers were temporary and did not stay long.",
        "high-caseloads-or-turnover",
        False,
    ),
    (  # report-4eae3c0dabbe: the summary for children's plain words
        "summary-for-children",
        "weakness",
        "Managers are taking action to improve this.",
        (
            "Plans are not always written in a way that makes it easy for children and young people to understand who "
            "is going to do what and when to help them."
        ),
        "plans-not-specific",
        True,
    ),
    (  # report-8662647338d9: the summary for children's plain words
        "summary-for-children",
        "weakness",
        (
            "This could mean that children and their families get into more difficulties because they haven't been "
            "given all the help they need."
        ),
        (
            "When young people have nowhere to live, the local authority does not always do a good enough job of "
            "deciding what they might need."
        ),
        "homeless-16-17-not-assessed",
        True,
    ),
    (  # report-8662647338d9: the summary for children's plain words
        "summary-for-children",
        "weakness",
        (
            "The local authority has not always had enough foster carers to make sure that all children and young "
            "people are placed with someone who is right for them, though this is getting better."
        ),
        "Children and young people waiting for a 'forever family' sometimes have to wait too long.",
        "drift-and-delay-in-permanence",
        True,
    ),
    (  # report-870f5b9ca3ef: the summary for children's plain words
        "summary-for-children",
        "weakness",
        "For most of these vulnerable children, the help and support they receive makes them safer.",
        (
            "However, senior managers have more work to do to ensure that all information is shared and that all "
            "children who have been missing receive return home interviews when they should."
        ),
        "return-home-interviews-not-effective",
        True,
    ),
    (  # report-91d0a354163a: the summary for children's plain words
        "summary-for-children",
        "weakness",
        ("Social workers' records are not always clear enough about what happened and why, and this needs to improve."),
        (
            "Care leavers do not always receive a good service; some do not live in the best accommodation to meet "
            "their needs, and some do not know what rights they have as care leavers."
        ),
        "unsuitable-care-leaver-accommodation",
        True,
    ),
    (  # report-ac44ab4fac6d: the summary for children's plain words
        "summary-for-children",
        "weakness",
        (
            "When things become unsafe for children, social workers, police and health professionals work together "
            "well to make sure that children are protected."
        ),
        "Some social workers have too many children and families to work with.",
        "high-caseloads-or-turnover",
        True,
    ),
    (  # report-ddfffddadb9e: the summary for children's plain words
        "summary-for-children",
        "weakness",
        (
            "Assessments and plans need to be clearer, so that everyone knows what has to change to make things better"
            " for children."
        ),
        (
            "Senior managers do not always check that social workers are doing what they should be doing to make sure "
            "that children and families receive the help that they need quickly enough."
        ),
        "weak-management-oversight",
        True,
    ),
    (  # report-112fa0cf74dc: a near miss of a widened cue
        "leadership",
        "weakness",
        (
            "Compliance with practice standards by some social workers and managers continues to be a serious issue "
            "for the local authority."
        ),
        (
            "To address weaknesses in the identification of risk and inconsistent management decision making, the "
            "local authority has established a number of panels chaired by senior managers to ensure a clear line of "
            "sight on frontline practice."
        ),
        "weak-management-oversight",
        False,
    ),
    (  # report-a3dc66740e0b: a near miss of a widened cue
        "summary-for-children",
        "weakness",
        "When they can, they do things differently to make things better.",
        (
            "When children go missing from home, they have the opportunity to talk to someone about what has happened "
            "and anything that is worrying them."
        ),
        "return-home-interviews-not-effective",
        False,
    ),
    (  # report-f0c543074287: found since the written variants
        "help-and-protection",
        "weakness",
        "Very few plans are genuinely specific, measurable, realistic and time bound.",
        (
            "This has the potential to undermine the effectiveness of the help and support provided and makes it "
            "difficult for parents, and others, to understand who needs to do what, by when, or to hold each other to "
            "account."
        ),
        "plans-not-specific",
        True,
    ),
    (  # report-0a3c17f65f59: found since the written variants
        "help-and-protection",
        "mixed",
        "The quality of written child in need and child protection plans is too variable.",
        (
            "Although there is evidence of social work practice that is increasingly purposeful and effective, with "
            "some examples of very good plans, plans do not always make it clear who is going to do what by when or "
            "why."
        ),
        "plans-not-specific",
        True,
    ),
    (  # report-f0c543074287: a near miss of a widened cue
        "improvements",
        "weakness",
        (
            "Ensure that assessments clearly articulate risks and protective factors, provide robust analysis and "
            "spell out what needs to change and how that is likely to be achieved."
        ),
        (
            "Ensure that all plans for children in need, children subject to child protection plans, looked after "
            "children and care leavers are specific, measurable and outcome-focused, so that parents, young people and"
            " professionals know who needs to do what, and by when."
        ),
        "plans-not-specific",
        False,
    ),
    (  # written variant A103: figure
        "help-and-protection",
        "weakness",
        None,
        (
            "Only 62% of children subject to section 47 enquiries were seen within the timescale agreed at the "
            "strategy discussion."
        ),
        "delays-seeing-children",
        True,
    ),
    (  # written variant A108: two topics
        "help-and-protection",
        "weakness",
        None,
        (
            "High caseloads in the assessment teams mean that social workers are not able to visit children promptly "
            "after referral."
        ),
        "delays-seeing-children",
        True,
    ),
    (  # written variant A110: out of hours
        "help-and-protection",
        "weakness",
        None,
        (
            "When children are referred out of hours, they are not always visited until the next working day, even "
            "when the concerns are serious."
        ),
        "delays-seeing-children",
        True,
    ),
    (  # written variant A113: case example
        "help-and-protection",
        "weakness",
        None,
        (
            "Inspectors saw cases in which children with unexplained bruising were not seen by a social worker until "
            "five days after the referral."
        ),
        "delays-seeing-children",
        True,
    ),
    (  # written variant A115: timescales missed
        "help-and-protection",
        "weakness",
        None,
        "Target timescales for seeing children are frequently missed in the single assessment service.",
        "delays-seeing-children",
        True,
    ),
    (  # written variant A122: fixed since last inspection
        "leadership",
        "weakness",
        None,
        (
            "At the time of the last inspection, some children were not seen promptly following referral; this has "
            "since been addressed."
        ),
        "delays-seeing-children",
        False,
    ),
    (  # written variant D66: figure
        "help-and-protection",
        "weakness",
        None,
        (
            "Only 58% of children subject to section 47 enquiries were seen within the timescale set at the strategy "
            "discussion."
        ),
        "delays-seeing-children",
        True,
    ),
    (  # written variant D72: list item
        "improvements",
        "weakness",
        None,
        "The timeliness of visits to children following a referral, so that their safety is established quickly.",
        "delays-seeing-children",
        True,
    ),
    (  # written variant D73: out of hours
        "help-and-protection",
        "weakness",
        None,
        (
            "Out of hours, babies referred after domestic abuse incidents are not always seen by a social worker until"
            " the next working day or later."
        ),
        "delays-seeing-children",
        True,
    ),
    (  # written variant D74: figure, active
        "help-and-protection",
        "weakness",
        None,
        (
            "Social workers take too long to meet children after concerns are raised, and some children wait more than"
            " 10 working days to be seen."
        ),
        "delays-seeing-children",
        True,
    ),
    (  # written variant C32: synonym long-term match
        "children-in-care",
        "weakness",
        None,
        (
            "Long-term fostering arrangements are not ratified in a timely way, so some children do not know for many "
            "months whether they will be able to stay with their carers."
        ),
        "drift-and-delay-in-permanence",
        True,
    ),
    (  # written variant C35: previous
        "children-in-care",
        "weakness",
        "The local authority has a clear and well-publicised permanence policy.",
        (
            "In practice, however, decisions for a number of children are deferred from one review to the next, and "
            "they remain in temporary placements without a settled plan."
        ),
        "drift-and-delay-in-permanence",
        True,
    ),
    (  # written variant C46: past fixed
        "adoption",
        "weakness",
        None,
        (
            "At the last inspection, too many children waited too long for adoption; this has since been addressed "
            "through earlier family finding."
        ),
        "drift-and-delay-in-permanence",
        False,
    ),
    (  # written variant C59: figure synonym locum
        "leadership",
        "weakness",
        None,
        (
            "Only 52% of social workers are permanently employed, and the heavy use of interim and locum staff has led"
            " to inconsistent practice and frequent handovers for children."
        ),
        "high-caseloads-or-turnover",
        True,
    ),
    (  # written variant C73: past fixed figure
        "leadership",
        "weakness",
        None,
        (
            "At the time of the last inspection caseloads were too high; following a restructure, they now average 16 "
            "children per social worker."
        ),
        "high-caseloads-or-turnover",
        False,
    ),
    (  # written variant F37: contrast
        "leadership",
        "mixed",
        None,
        (
            "Although recruitment has been successful, caseloads in the children in care teams remain high and are "
            "limiting the quality of direct work with children."
        ),
        "high-caseloads-or-turnover",
        True,
    ),
    (  # written variant A10: rights, no evidence
        "help-and-protection",
        "weakness",
        None,
        (
            "Inspectors found no evidence that 17-year-olds presenting as homeless had been given clear information "
            "about the implications of becoming looked after, including their entitlement to leaving care support."
        ),
        "homeless-16-17-not-assessed",
        True,
    ),
    (  # written variant A11: delay in assessment, synonym hostel
        "help-and-protection",
        "weakness",
        None,
        (
            "Homeless 16- and 17-year-olds wait too long for an assessment, and in the meantime are placed in hostels "
            "by the housing department."
        ),
        "homeless-16-17-not-assessed",
        True,
    ),
    (  # written variant A15: figure, section 20
        "leadership",
        "weakness",
        None,
        (
            "Fewer than half of the 16- and 17-year-olds who presented as homeless in the past six months were "
            "assessed by children's social care, and most were accommodated under homelessness legislation instead of "
            "section 20."
        ),
        "homeless-16-17-not-assessed",
        True,
    ),
    (  # written variant A3: figure
        "help-and-protection",
        "weakness",
        None,
        (
            "Only 12 of the 41 young people aged 16 or 17 who presented as homeless in the last year received a joint "
            "assessment from housing and children's social care."
        ),
        "homeless-16-17-not-assessed",
        True,
    ),
    (  # written variant A5: superficial assessment
        "help-and-protection",
        "weakness",
        None,
        (
            "Assessments of 16- and 17-year-olds who are homeless are brief and focus almost entirely on finding a "
            "bed, rather than on the risks and vulnerabilities that led to them leaving home."
        ),
        "homeless-16-17-not-assessed",
        True,
    ),
    (  # written variant D2: hedge, section 20 rights, synonym hostels
        "help-and-protection",
        "weakness",
        None,
        (
            "Too few 16- and 17-year-olds who present as homeless are told of their right to be accommodated under "
            "section 20, and some are simply signposted to hostels."
        ),
        "homeless-16-17-not-assessed",
        True,
    ),
    (  # written variant D4: superficial assessment
        "help-and-protection",
        "weakness",
        None,
        (
            "Assessments of young people aged 16 and 17 who are homeless are too brief, focusing on their housing need"
            " rather than on their wider vulnerabilities."
        ),
        "homeless-16-17-not-assessed",
        True,
    ),
    (  # written variant B003: figure, acronym CSE
        "help-and-protection",
        "weakness",
        None,
        (
            "Only 45% of children identified as at risk of CSE had a completed risk assessment at the time of the "
            "inspection."
        ),
        "inconsistent-cse-response",
        True,
    ),
    (  # written variant B006: list item naming shortfall
        "improvements",
        "weakness",
        None,
        (
            "Ensure that children at risk of sexual exploitation receive a consistent response, as currently the "
            "quality of risk assessment varies considerably between teams."
        ),
        "inconsistent-cse-response",
        True,
    ),
    (  # written variant B015: particular groups
        "help-and-protection",
        "weakness",
        None,
        (
            "Disabled children and boys are less likely to be identified as at risk of sexual exploitation, and "
            "inspectors saw cases where clear warning signs had been overlooked."
        ),
        "inconsistent-cse-response",
        True,
    ),
    (  # written variant C12: two weaknesses
        "children-in-care",
        "weakness",
        None,
        (
            "Care plans lack a clear route to permanence and any contingency, and as a result some children have "
            "drifted in care for several years."
        ),
        "plans-not-specific",
        True,
    ),
    (  # written variant C3: contingency care plan
        "children-in-care",
        "weakness",
        None,
        (
            "Care plans for children in care rarely include contingency arrangements should the preferred plan not "
            "succeed."
        ),
        "plans-not-specific",
        True,
    ),
    (  # written variant C4: figure
        "help-and-protection",
        "weakness",
        None,
        (
            "In 12 of the 30 cases sampled by inspectors, plans did not set out clear timescales for actions to be "
            "completed."
        ),
        "plans-not-specific",
        True,
    ),
    (  # written variant C49: different weakness same topic
        "children-in-care",
        "mixed",
        None,
        (
            "Children are matched with their permanent families in a timely way, but their care plans do not contain "
            "contingency arrangements."
        ),
        "plans-not-specific",
        True,
    ),
    (  # written variant C7: contrast
        "help-and-protection",
        "mixed",
        None,
        (
            "Although core groups meet regularly, the plans they review are often little more than a list of services "
            "rather than a clear statement of the changes needed to reduce risk."
        ),
        "plans-not-specific",
        True,
    ),
    (  # written variant F02: paraphrase; CIN plans
        "help-and-protection",
        "weakness",
        None,
        (
            "Too many child in need plans are little more than lists of services, rather than clear statements of what"
            " needs to change for the child."
        ),
        "plans-not-specific",
        True,
    ),
    (  # written variant F03: figure; contingency
        "children-in-care",
        "weakness",
        None,
        (
            "Only a third of the care plans sampled by inspectors include a contingency plan should the child be "
            "unable to return home."
        ),
        "plans-not-specific",
        True,
    ),
    (  # written variant F11: fixed; now good
        "help-and-protection",
        "strength",
        None,
        (
            "At the last inspection, plans lacked clear timescales; child protection plans are now specific and "
            "outcome-focused, with clear contingency arrangements."
        ),
        "plans-not-specific",
        False,
    ),
    (  # written variant A51: inconsistent attendance
        "help-and-protection",
        "weakness",
        None,
        (
            "Police attendance at strategy discussions is inconsistent, which delays decisions about whether to start "
            "child protection enquiries."
        ),
        "police-absent-from-strategy-discussions",
        True,
    ),
    (  # written variant A54: figure
        "help-and-protection",
        "weakness",
        None,
        "In 30% of the strategy meetings sampled, there was no police representative.",
        "police-absent-from-strategy-discussions",
        True,
    ),
    (  # written variant A58: late, hedge
        "help-and-protection",
        "weakness",
        None,
        "In a significant minority of cases, police officers join strategy discussions late or not at all.",
        "police-absent-from-strategy-discussions",
        True,
    ),
    (  # written variant A59: late, reported speech
        "help-and-protection",
        "weakness",
        None,
        (
            "Social workers told inspectors that it can take several days to secure a police officer for a strategy "
            "discussion."
        ),
        "police-absent-from-strategy-discussions",
        True,
    ),
    (  # written variant A60: all agencies including police
        "help-and-protection",
        "weakness",
        None,
        "Strategy meetings are not routinely attended by all relevant agencies, including the police.",
        "police-absent-from-strategy-discussions",
        True,
    ),
    (  # written variant A62: no police, no agency named
        "help-and-protection",
        "weakness",
        None,
        (
            "Many strategy discussions are conversations between a social worker and a team manager alone, with no "
            "involvement from the police."
        ),
        "police-absent-from-strategy-discussions",
        True,
    ),
    (  # written variant A63: not always able
        "help-and-protection",
        "weakness",
        None,
        (
            "Police representatives are not always able to attend strategy meetings held at the hospital, and some "
            "decisions about section 47 enquiries are taken without a police view."
        ),
        "police-absent-from-strategy-discussions",
        True,
    ),
    (  # written variant A65: hedge small number, late
        "help-and-protection",
        "weakness",
        None,
        (
            "In a small number of cases, strategy discussions were delayed by more than 48 hours while social workers "
            "waited for a response from the police."
        ),
        "police-absent-from-strategy-discussions",
        True,
    ),
    (  # written variant D33: hedge
        "help-and-protection",
        "weakness",
        None,
        (
            "Police attendance at strategy meetings is inconsistent, which means that decisions about section 47 "
            "enquiries are sometimes made without their information."
        ),
        "police-absent-from-strategy-discussions",
        True,
    ),
    (  # written variant D39: hedge, no police
        "help-and-protection",
        "weakness",
        None,
        (
            "In a small number of cases, strategy discussions were held by telephone between the social worker and "
            "health professionals alone, with no police involvement."
        ),
        "police-absent-from-strategy-discussions",
        True,
    ),
    (  # written variant D40: list item
        "improvements",
        "weakness",
        None,
        (
            "The attendance of police at strategy discussions, so that all relevant information informs decisions "
            "about children's safety."
        ),
        "police-absent-from-strategy-discussions",
        True,
    ),
    (  # written variant D42: short blunt
        "help-and-protection",
        "weakness",
        None,
        "Police are frequently absent from strategy meetings.",
        "police-absent-from-strategy-discussions",
        True,
    ),
    (  # written variant A80: figure
        "help-and-protection",
        "weakness",
        None,
        "A health representative was present in only 4 of the 20 strategy discussions examined.",
        "police-only-strategy-discussions",
        True,
    ),
    (  # written variant A83: previous
        "help-and-protection",
        "weakness",
        "Strategy discussions are held promptly, and the police attend consistently.",
        (
            "However, other agencies, including health visitors and schools, are not routinely part of these "
            "discussions."
        ),
        "police-only-strategy-discussions",
        True,
    ),
    (  # written variant A85: majority police and CSC, implicit
        "help-and-protection",
        "weakness",
        None,
        (
            "The majority of strategy discussions are telephone conversations between a police officer and a social "
            "work manager."
        ),
        "police-only-strategy-discussions",
        True,
    ),
    (  # written variant A86: two topics
        "help-and-protection",
        "weakness",
        None,
        (
            "Strategy discussions are held by email between the police and children's social care, without health or "
            "education input, and in some cases children are not seen for several days afterwards."
        ),
        "police-only-strategy-discussions",
        True,
    ),
    (  # written variant A88: limited to police and social workers
        "help-and-protection",
        "weakness",
        None,
        (
            "Strategy meetings are limited to the police and social workers; other professionals who know the child "
            "well are left out."
        ),
        "police-only-strategy-discussions",
        True,
    ),
    (  # written variant A90: leaders recognise, not yet
        "leadership",
        "weakness",
        None,
        (
            "Leaders recognise that strategy discussions remain largely a two-way conversation between police and "
            "social care, with health not yet routinely involved."
        ),
        "police-only-strategy-discussions",
        True,
    ),
    (  # written variant D55: health information not shared
        "help-and-protection",
        "weakness",
        None,
        (
            "Information from health visitors and school nurses is not shared before or during strategy meetings, "
            "which limits the quality of decision-making."
        ),
        "police-only-strategy-discussions",
        True,
    ),
    (  # written variant D56: contrast
        "help-and-protection",
        "mixed",
        None,
        (
            "While the police contribute well to strategy discussions, other agencies such as health and schools are "
            "seldom part of them."
        ),
        "police-only-strategy-discussions",
        True,
    ),
    (  # written variant D57: long, two topics
        "help-and-protection",
        "weakness",
        None,
        (
            "Strategy discussions are limited to the police and children's social care, and managers do not always "
            "challenge decisions to take no further action."
        ),
        "police-only-strategy-discussions",
        True,
    ),
    (  # written variant D58: short blunt
        "help-and-protection",
        "weakness",
        None,
        "Strategy meetings rarely include health.",
        "police-only-strategy-discussions",
        True,
    ),
    (  # written variant C77: task-focused
        "help-and-protection",
        "weakness",
        None,
        "Supervision records are brief and focus on tasks rather than reflecting on the child's experience.",
        "poor-supervision",
        True,
    ),
    (  # written variant C78: figure
        "leadership",
        "weakness",
        None,
        "Only 58% of supervision sessions that were due in the last quarter took place.",
        "poor-supervision",
        True,
    ),
    (  # written variant C88: hedge small number
        "help-and-protection",
        "weakness",
        None,
        "In a small number of cases, there was no recorded supervision for over six months.",
        "poor-supervision",
        True,
    ),
    (  # written variant F52: figure
        "leadership",
        "weakness",
        None,
        (
            "Audits show that only 55% of social workers receive supervision at the frequency set out in the local "
            "authority's policy."
        ),
        "poor-supervision",
        True,
    ),
    (  # written variant E060: fixed
        "help-and-protection",
        "weakness",
        None,
        (
            "Since the last inspection, the local authority has addressed weaknesses in private fostering, and all "
            "assessments are now completed within timescales."
        ),
        "private-fostering-weak",
        False,
    ),
    (  # written variant B102: figure, timeliness
        "help-and-protection",
        "weakness",
        None,
        "Only 42% of return home interviews are completed within 72 hours of the child's return.",
        "return-home-interviews-not-effective",
        True,
    ),
    (  # written variant B108: not independent
        "children-in-care",
        "weakness",
        None,
        (
            "Return home interviews are carried out by the child's own social worker rather than by an independent "
            "person, which limits what children are willing to say."
        ),
        "return-home-interviews-not-effective",
        True,
    ),
    (  # written variant B117: fixed
        "help-and-protection",
        "mixed",
        None,
        (
            "Return home interviews were not timely at the last inspection, but they are now completed promptly for "
            "almost all children."
        ),
        "return-home-interviews-not-effective",
        False,
    ),
    (  # written variant B124: past, fixed since
        "leadership",
        "weakness",
        None,
        (
            "Ofsted's monitoring visit in 2017 found that return home interviews were not being offered to all "
            "children; this has since been resolved."
        ),
        "return-home-interviews-not-effective",
        False,
    ),
    (  # written variant E066: figure, timeliness
        "help-and-protection",
        "weakness",
        None,
        "Only 38% of return home interviews are completed within 72 hours.",
        "return-home-interviews-not-effective",
        True,
    ),
    (  # written variant E076: fixed
        "help-and-protection",
        "weakness",
        None,
        (
            "Return home interviews, which were often late at the last inspection, are now completed within 72 hours "
            "in almost all cases."
        ),
        "return-home-interviews-not-effective",
        False,
    ),
    (  # written variant B053: figure
        "help-and-protection",
        "weakness",
        None,
        "Inspectors disagreed with the threshold decision in 12 of the 40 contacts they sampled at the front door.",
        "thresholds-misapplied",
        True,
    ),
    (  # written variant B061: paraphrase step-down
        "help-and-protection",
        "weakness",
        None,
        (
            "Some children's cases are closed or stepped down to early help while risks remain and the threshold for "
            "statutory intervention is still met."
        ),
        "thresholds-misapplied",
        True,
    ),
    (  # written variant B067: fixed
        "help-and-protection",
        "weakness",
        None,
        (
            "At the last inspection thresholds were inconsistently applied; the introduction of a single front door "
            "has resolved this."
        ),
        "thresholds-misapplied",
        False,
    ),
    (  # written variant A27: synonym HMO
        "children-in-care",
        "weakness",
        None,
        (
            "Some care leavers are living in houses in multiple occupation that are in a poor state of repair and "
            "where they do not feel safe."
        ),
        "unsuitable-care-leaver-accommodation",
        True,
    ),
    (  # written variant A30: previous
        "care-leavers",
        "weakness",
        "Inspectors met a number of young people who had recently left care.",
        (
            "Several told inspectors that their flats were damp and that they felt unsafe where they lived, and this "
            "had not been resolved."
        ),
        "unsuitable-care-leaver-accommodation",
        True,
    ),
    (  # written variant A34: temporary accommodation without support
        "children-in-care",
        "weakness",
        None,
        (
            "Care leavers who are not in education, employment or training are often moved into temporary "
            "accommodation without the support they need to manage it."
        ),
        "unsuitable-care-leaver-accommodation",
        True,
    ),
    (  # written variant A39: two topics, unregistered
        "leadership",
        "weakness",
        None,
        (
            "Managers do not have sufficient oversight of the placements of 17-year-olds in unregistered semi-"
            "independent accommodation, some of which is unsafe."
        ),
        "unsuitable-care-leaver-accommodation",
        True,
    ),
    (  # written variant A42: fixed
        "children-in-care",
        "weakness",
        None,
        "The use of bed and breakfast for care leavers has ceased since the last inspection.",
        "unsuitable-care-leaver-accommodation",
        False,
    ),
    (  # written variant D18: synonym HMO
        "children-in-care",
        "weakness",
        None,
        "Too many care leavers live in poor-quality houses in multiple occupation where they do not feel safe.",
        "unsuitable-care-leaver-accommodation",
        True,
    ),
    (  # written variant D28: fixed
        "children-in-care",
        "weakness",
        None,
        (
            "The use of bed and breakfast for care leavers, a concern at the last inspection, has ended, and no young "
            "person has been placed in such accommodation for over a year."
        ),
        "unsuitable-care-leaver-accommodation",
        False,
    ),
    (  # written variant B028: figure
        "help-and-protection",
        "weakness",
        None,
        "Inspectors found evidence of management oversight in only 30 of the 54 cases they tracked.",
        "weak-management-oversight",
        True,
    ),
    (  # written variant B029: hedge too many
        "help-and-protection",
        "weakness",
        None,
        (
            "In too many cases, management decisions are recorded without a clear rationale, and there is little "
            "evidence that managers have reviewed children's progress."
        ),
        "weak-management-oversight",
        True,
    ),
    (  # written variant C13: two weaknesses oversight
        "leadership",
        "weakness",
        None,
        (
            "Team managers sign off plans that lack clear outcomes and timescales without challenging the social "
            "worker to improve them."
        ),
        "weak-management-oversight",
        True,
    ),
    (  # written variant E025: passive, hedge
        "help-and-protection",
        "weakness",
        None,
        (
            "Decisions to step cases down to early help are not always overseen by a manager, and as a result some "
            "children's needs have been left unmet."
        ),
        "weak-management-oversight",
        True,
    ),
    (  # written variant G27: hedge
        "help-and-protection",
        "weakness",
        None,
        (
            "Not all children are seen promptly following a referral, and in some cases it took several weeks for a "
            "social worker to visit."
        ),
        "delays-seeing-children",
        True,
    ),
    (  # written variant G29: too many
        "help-and-protection",
        "weakness",
        None,
        (
            "In too many cases, children subject to section 47 enquiries are not seen on the day that concerns are "
            "identified."
        ),
        "delays-seeing-children",
        True,
    ),
    (  # written variant G30: previous
        "help-and-protection",
        "weakness",
        "The number of assessments has risen sharply over the past year.",
        "As a result, some children wait too long before a social worker visits them, leaving risks unassessed.",
        "delays-seeing-children",
        True,
    ),
    (  # written variant G32: plain English
        "summary-for-children",
        "weakness",
        None,
        (
            "Sometimes social workers take too long to come and see you after someone has told them they are worried "
            "about you."
        ),
        "delays-seeing-children",
        True,
    ),
    (  # written variant I18: previous, contrast
        None,
        "weakness",
        "Permanence planning meetings were introduced in 2016 for all children in care.",
        (
            "Despite this, for a significant minority of children a permanence plan is not agreed by the second "
            "review, and long-term fostering arrangements are not ratified for many months."
        ),
        "drift-and-delay-in-permanence",
        True,
    ),
    (  # written variant I21: children's summary, plain words
        "summary-for-children",
        "weakness",
        None,
        (
            "Some of you have waited far too long to find out whether you will be able to stay with your foster carers"
            " until you grow up."
        ),
        "drift-and-delay-in-permanence",
        True,
    ),
    (  # written variant I32: children's summary
        "summary-for-children",
        "weakness",
        None,
        (
            "Too many of you have had lots of different social workers, which makes it hard for you to build "
            "relationships with people you trust."
        ),
        "high-caseloads-or-turnover",
        True,
    ),
    (  # written variant G42: figure
        "help-and-protection",
        "weakness",
        None,
        (
            "Only a third of the 16- and 17-year-olds who presented as homeless last year were assessed by a social "
            "worker."
        ),
        "homeless-16-17-not-assessed",
        True,
    ),
    (  # written variant I2: figure-like minority, contingency
        "help-and-protection",
        "weakness",
        None,
        (
            "Only a minority of the child protection plans seen by inspectors contained contingency arrangements "
            "setting out what would happen if parents did not make the required changes."
        ),
        "plans-not-specific",
        True,
    ),
    (  # written variant I8: children's summary, plain words
        "summary-for-children",
        "weakness",
        None,
        (
            "Some of your plans do not say clearly what will happen and when, so it is hard for you and your family to"
            " know whether things are getting better."
        ),
        "plans-not-specific",
        True,
    ),
    (  # written variant G21: two weaknesses
        "help-and-protection",
        "weakness",
        None,
        (
            "Strategy meetings are not always attended by the police, and health colleagues are rarely invited, which "
            "means that decisions are made on incomplete information."
        ),
        "police-absent-from-strategy-discussions",
        True,
    ),
    (  # written variant G4: figure
        "help-and-protection",
        "weakness",
        None,
        (
            "The authority's own audit found that police were present at only 55% of strategy meetings held outside "
            "office hours."
        ),
        "police-absent-from-strategy-discussions",
        True,
    ),
    (  # written variant G5: list item
        "improvements",
        "weakness",
        None,
        "Late or absent police contributions to strategy discussions.",
        "police-absent-from-strategy-discussions",
        True,
    ),
    (  # written variant G15: health missing
        "help-and-protection",
        "weakness",
        None,
        (
            "Health practitioners are not routinely included in strategy meetings, so important information about "
            "children's medical history is not always considered."
        ),
        "police-only-strategy-discussions",
        True,
    ),
    (  # written variant G18: figure
        "help-and-protection",
        "weakness",
        None,
        (
            "In 70% of the strategy discussions sampled, no agency other than the police and the local authority took "
            "part."
        ),
        "police-only-strategy-discussions",
        True,
    ),
    (  # written variant H49: fixed
        "help-and-protection",
        "weakness",
        None,
        (
            "At the last inspection, awareness of private fostering was weak; a sustained publicity campaign has since"
            " led to a marked increase in notifications."
        ),
        "private-fostering-weak",
        False,
    ),
    (  # written variant H34: contrast, hedge, synonym bar
        "help-and-protection",
        "mixed",
        None,
        (
            "While most decisions at the front door are appropriate, in a minority of cases the bar for child "
            "protection enquiries is set too high and children remain at risk under child in need plans."
        ),
        "thresholds-misapplied",
        True,
    ),
    (  # written variant G55: figure, HMO
        "children-in-care",
        "weakness",
        None,
        (
            "Eleven care leavers are currently living in houses in multiple occupation that inspectors found to be of "
            "poor quality and, in some cases, unsafe."
        ),
        "unsuitable-care-leaver-accommodation",
        True,
    ),
    (  # written variant G56: previous, synonym hostels
        "children-in-care",
        "weakness",
        "Most care leavers live in suitable accommodation.",
        (
            "However, some are placed in emergency hostels alongside adults with complex needs, which exposes them to "
            "harm."
        ),
        "unsuitable-care-leaver-accommodation",
        True,
    ),
    (  # written variant H17: contrast
        "help-and-protection",
        "mixed",
        None,
        (
            "Although managers are visible and accessible to staff, their oversight of child in need work lacks rigour"
            " and does not ensure that children's circumstances improve."
        ),
        "weak-management-oversight",
        True,
    ),
    (  # written variant H19: previous, synonym grip
        "help-and-protection",
        "weakness",
        "Social workers in the disabled children's team hold a number of complex cases.",
        (
            "Managers do not have sufficient grip on this work, and risks to some children have gone unrecognised as a"
            " result."
        ),
        "weak-management-oversight",
        True,
    ),
]


@pytest.mark.parametrize(
    ("section", "polarity", "previous", "text", "weakness", "stated"),
    [
        # police at a conference or a joint visit are not police at a strategy discussion
        (
            "key-findings",
            "weakness",
            "Most initial child protection conferences are held more than 15 days after the strategy meeting.",
            "Police do not attend all initial child protection conferences, nor do they always provide reports when "
            "these are required.",
            "police-absent-from-strategy-discussions",
            False,
        ),
        (
            "help-and-protection",
            "weakness",
            None,
            "In a small minority of cases where agreements to undertake joint s47 enquiries were made, the police did "
            "not subsequently attend with social workers.",
            "police-absent-from-strategy-discussions",
            False,
        ),
        (
            "help-and-protection",
            "weakness",
            None,
            "Police do not always attend strategy meetings or child protection conferences.",
            "police-absent-from-strategy-discussions",
            True,
        ),
        # a delay of health services or a developmental delay is no delay in permanence
        (
            "children-in-care",
            "weakness",
            None,
            "Health assessments for children in care are not always timely.",
            "drift-and-delay-in-permanence",
            False,
        ),
        (
            "children-in-care",
            "weakness",
            None,
            "There has also been a significant focus on recruiting adopters for sibling groups between the ages of "
            "three and six years, and children over the age of two years who show signs of developmental delay or "
            "whose future is uncertain.",
            "drift-and-delay-in-permanence",
            False,
        ),
        (
            "children-in-care",
            "weakness",
            "Children are swiftly identified, matched and placed with their adoptive families.",
            "The tracking of how long it takes for prospective adopter assessments to be completed needs to improve "
            "to ensure that delays in placing children with adopters do not occur.",
            "drift-and-delay-in-permanence",
            False,
        ),
        (
            "children-in-care",
            "weakness",
            None,
            "Some children wait too long for adoption, and delays in care proceedings mean some wait too long.",
            "drift-and-delay-in-permanence",
            True,
        ),
        # in the chapters on children in care, a delay is drift only when it delays children's plans, orders or homes
        (
            "children-in-care",
            "weakness",
            None,
            "Recording of these visits and direct work sessions is not always timely.",
            "drift-and-delay-in-permanence",
            False,
        ),
        (
            "children-in-care",
            "weakness",
            None,
            "For a small number, a debate about their age and entitlement leads to delay in them securing suitable "
            "accommodation and support.",
            "drift-and-delay-in-permanence",
            False,
        ),
        (
            "adoption",
            "weakness",
            "Decisions to change plans away from adoption are timely and appropriate.",
            "There is, however, still unnecessary delay for a small number of children.",
            "drift-and-delay-in-permanence",
            True,
        ),
        (
            "children-in-care",
            "weakness",
            "Permanence is considered and achieved for most children who are in long-term care.",
            "However, permanence decisions are not always made soon enough for those children newly into care.",
            "drift-and-delay-in-permanence",
            True,
        ),
        # plans: a personal education plan is no child's plan; "too long to be matched" is no plan's length
        (
            "executive-summary",
            "weakness",
            None,
            "Personal education plans lack specificity and the focus to ensure that children progress and have the "
            "right support to do so.",
            "plans-not-specific",
            False,
        ),
        (
            "children-in-care",
            "weakness",
            "Care plans are consistently clear about achieving permanency arrangements as soon as is possible.",
            "With this in mind, senior managers track plans through monthly monitoring meetings, taking decisive "
            "action where children are waiting too long to be matched with permanent carers.",
            "plans-not-specific",
            False,
        ),
        (
            "help-and-protection",
            "weakness",
            "The quality of child protection and children in need plans seen overall was variable.",
            "Some seen lacked a contingency plan.",
            "plans-not-specific",
            True,
        ),
        # the third reading: good news of the workforce, the adoption scorecard's thresholds, foster carers' visits
        (
            "leadership",
            "neutral",
            None,
            "There has been a significant reduction in social work caseloads so social workers can spend more time "
            "with children and their families.",
            "high-caseloads-or-turnover",
            False,
        ),
        (
            "leadership",
            "neutral",
            None,
            "Many agency staff have taken on permanent appointments.",
            "high-caseloads-or-turnover",
            False,
        ),
        (
            "adoption",
            "weakness",
            None,
            "The trajectory of both these performance measures is heading in the wrong direction and managers in this "
            "authority do not expect to meet the thresholds when the next scorecard is published.",
            "thresholds-misapplied",
            False,
        ),
        (
            "children-in-care",
            "weakness",
            None,
            "In too many cases seen, the records of supervisory visits are poor and lack sufficient detail to show how "
            "the carers' skills are used to improve outcomes for children and young people.",
            "poor-supervision",
            False,
        ),
        # a sentence that reports the remedy, or the board's own shortcoming, states no weakness of the area
        (
            "help-and-protection",
            "weakness",
            "Return home interviews were not offered to children who went missing.",
            "Leaders have acted to address this gap and have commissioned new services to provide return interviews.",
            "return-home-interviews-not-effective",
            False,
        ),
        (
            "adoption",
            "weakness",
            None,
            "Delays are mitigated by the council's tenacity in identifying adoptive families for children with "
            "complex health and disability needs.",
            "drift-and-delay-in-permanence",
            False,
        ),
        (
            "children-in-care",
            "weakness",
            None,
            "Although leaders have acted to address this, drift in permanence planning remains for some children.",
            "drift-and-delay-in-permanence",
            True,
        ),
        (
            "leadership",
            "weakness",
            None,
            "As a result the DSCB does not have a clear understanding of the numbers and circumstances of children "
            "and young people in Derbyshire who are at risk of CSE.",
            "inconsistent-cse-response",
            True,  # outside the board's chapter, the board's name alone does not make it the board's shortcoming
        ),
        (
            "lscb-review",
            "weakness",
            None,
            "As a result the DSCB does not have a clear understanding of the numbers and circumstances of children "
            "and young people in Derbyshire who are at risk of CSE.",
            "inconsistent-cse-response",
            False,
        ),
        # the area's data on exploitation is its strategy, not its response to a child
        (
            "help-and-protection",
            "weakness",
            None,
            "The local authority does not routinely collate data on CSE or missing children to identify trends, to "
            "assist strategic planning and monitor performance.",
            "inconsistent-cse-response",
            False,
        ),
        (
            "help-and-protection",
            "weakness",
            None,
            "The application of child protection thresholds for children at risk of sexual exploitation is "
            "inconsistent, with confusion about the steps needed to analyse and address risks.",
            "inconsistent-cse-response",
            True,
        ),
        (
            "help-and-protection",
            "weakness",
            None,
            "Child sexual exploitation processes are not well embedded in social care teams, and the authority does "
            "not gather sufficient information to offer good analysis of activity in this area.",
            "inconsistent-cse-response",
            True,
        ),
        # "those who are homeless" names a group of care leavers; it does not say where they live
        (
            "improvements",
            "weakness",
            None,
            "The quality, consistency and responsiveness of support, advice and guidance for care leavers, including "
            "those who are homeless, with additional vulnerabilities, and those who are over 21 years of age.",
            "unsuitable-care-leaver-accommodation",
            False,
        ),
        # oversight described as improved; supervision that does not drive plans (the label conventions)
        (
            "leadership",
            "mixed",
            "In the main, children requiring help and protection receive a good service.",
            "However, despite increased capacity and improved managerial oversight, a small number of children "
            "experience delay in response to their escalating needs.",
            "weak-management-oversight",
            False,
        ),
        (
            "children-in-care",
            "weakness",
            None,
            "Supervision does not consistently drive children's plans or challenge a lack of progression of key "
            "actions.",
            "poor-supervision",
            False,
        ),
        # a sentence that borrows the homeless topic must say something of their rights, needs or housing itself
        (
            "help-and-protection",
            "weakness",
            "The consistency of support for 16- and 17-year-old children presenting as homeless.",
            "Not all children who need help and protection receive a good service.",
            "homeless-16-17-not-assessed",
            False,
        ),
        (
            "help-and-protection",
            "weakness",
            _HOMELESS_BEFORE,
            "Children are not made aware of their rights and entitlements, including to be accommodated by the local "
            "authority.",
            "homeless-16-17-not-assessed",
            True,
        ),
    ]
    + _REMAINING_SET_CASES
    + _WORD_START_CASES
    + _SIXTH_READING_CASES
    + _MENDED_EVIDENCE_CASES
    + _FIRST_MISSED_CASES
    + _SECOND_MISSED_CASES
    + _WRITTEN_VARIANT_CASES,
)
def test_weakness_evidence_audit_cases(section, polarity, previous, text, weakness, stated):
    from loaders.components.weaknesses import match_weaknesses

    assert (weakness in match_weaknesses(text, section, polarity, False, previous)) is stated


@pytest.mark.parametrize(
    ("text", "weakness", "stated"),
    [
        # the rules read these as praise: the concession holds all the praise, the main clause the shortcoming
        (
            "While the police contribute well to strategy discussions, other agencies such as health and schools are "
            "seldom part of them.",
            "police-only-strategy-discussions",
            True,
        ),
        (
            "Although recruitment has been successful, caseloads in the children in care teams remain high and are "
            "limiting the quality of direct work with children.",
            "high-caseloads-or-turnover",
            True,
        ),
        # the other way round: the concession holds the shortcoming, the main clause praise (report 30225059026c)
        (
            "While some caseloads are high, workers report a positive work-life balance.",
            "high-caseloads-or-turnover",
            False,
        ),
    ],
)
def test_a_conceded_praise_followed_by_none_is_read_for_weaknesses(nlp, text, weakness, stated):
    read = annotate_texts([text], nlp, "help-and-protection")[0]
    assert (weakness in read["weaknesses"]) is stated, read


# Birmingham 2023, paragraph 17: the paragraph is about homeless 16- and 17-year-olds; its third sentence names
# neither homelessness nor the sentence before's topic
_HOMELESS_PARAGRAPH = [
    "When children aged 16 or 17 present as homeless, they are quickly responded to by workers from the "
    "homelessness team.",
    "A clear and effective protocol between advisory services, housing and social care provides an immediate "
    "response to children.",
    "While some children become looked after, it is not clearly recorded that all are fully informed of their "
    "accommodation rights.",
]


def test_weakness_topic_from_the_paragraph(nlp):
    sections = ["help-and-protection"] * 3
    numbered = list(annotated_docs(nlp, _HOMELESS_PARAGRAPH, sections, in_sequence=True, paragraphs=[17, 17, 17]))
    assert "homeless-16-17-not-assessed" in read_doc(numbered[2])["weaknesses"]
    # the same sentences in two paragraphs, or with no numbers, do not share the topic
    split = list(annotated_docs(nlp, _HOMELESS_PARAGRAPH, sections, in_sequence=True, paragraphs=[16, 16, 17]))
    unnumbered = list(annotated_docs(nlp, _HOMELESS_PARAGRAPH, sections, in_sequence=True))
    assert "homeless-16-17-not-assessed" not in read_doc(split[2])["weaknesses"]
    assert "homeless-16-17-not-assessed" not in read_doc(unnumbered[2])["weaknesses"]


def test_weakness_read_again_when_the_model_overrules_the_rules_praise(nlp):
    # Suffolk 2024: the rules weigh "Effective ... in place ... achieved promptly" as praise and do not look for a
    # weakness; the polarity model reads the shortcoming, and the sentence is matched again
    text = (
        "Effective management oversight is not yet in place to ensure that permanence is achieved promptly for other "
        "children in care."
    )
    (doc,) = annotated_docs(nlp, [text], ["children-in-care"])
    assert doc._.rule_polarity == "strength"
    assert read_doc(doc)["polarity"] == "weakness"
    assert read_doc(doc)["weaknesses"] == ["weak-management-oversight"]
