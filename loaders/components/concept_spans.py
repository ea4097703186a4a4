"""`kg_concept_spans`: sort the concept mentions of one shared span group into one group per scheme, and settle
what each mention is about: the longest mention wins, an organisation's plan is no child's plan, a plan in the
care leavers' section is a pathway plan, "multi-agency" inside a service's name (or before another theme's mention)
names only that, and a generic word names the theme of its section or sentence ("school" about children in care,
"housing" about care leavers, "oversight" where managers are named); the adoption section is about adoption.

The span rulers (one per matcher attribute, for all schemes) run their matchers once per sentence instead of once
per scheme (per-call overhead dominates on sentence-sized docs); this component then files each span under its
label, the scheme name, so that doc.spans["themes"], ["services"] and ["partners"] read as before. A sentence's
themes also follow a demonstrative back to the sentence before ("these interviews" after "return home
interviews"), which the component keeps from the last doc it read.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from loaders.components.doc_text import sentence_lower, sentence_text
from loaders.sections import BOARD_SECTIONS

__all__ = ["ConceptSpans"]


def _relabelled(span, concept_id: str) -> Span:
    """The same words, naming another concept."""
    return Span(span.doc, span.start, span.end, label=span.label_, span_id=concept_id)


def _tokens(spans: list) -> set[int]:
    """The indices of the tokens the spans cover."""
    return {i for span in spans for i in range(span.start, span.end)}


def _inside(span, other) -> bool:
    """True when `span` lies within `other` (the same tokens or fewer)."""
    return other.start <= span.start and span.end <= other.end


def _outermost(spans: list) -> list:
    """The spans not inside a longer mention of another concept: "pathway plans" is about pathway plans,
    not also about the plans its last word names."""
    return [
        span
        for span in spans
        if not any(other.id_ != span.id_ and _inside(span, other) and len(other) > len(span) for other in spans)
    ]


# A bare "plan(s)" is a child's plan unless it is the organisation's: "the improvement plan", "plans are in
# place to deliver training", "there are plans to recruit", "has plans in place to address this"
_ORGANISATION_PLAN_BEFORE = re.compile(
    r"\b(?:business|improvement|strategic|action|development|service|services|workforce|sufficiency|corporate|"
    r"recovery|budget|board's|board|partnership|commissioning|delivery|transformation|training|there are|"
    r"ambitious|well-developed|well-advanced)$"
)
_ORGANISATION_PLAN_AFTER = re.compile(
    r"^(?:(?:in place )?to (?:recruit|develop|expand|extend|introduce|deliver|create|establish|implement|launch|"
    r"restructure|recommission|commission|build|invest|open|move|replace|strengthen|broaden|formalise|raise|"
    r"further|make improvements|(?:address|rectify|tackle|resolve) (?:this|these|them|it|both|the (?:issues?|areas?|"
    r"gaps?|shortfalls?|deficits?|weaknesses)))\b|are in place to|are under ?way|for the service)"
)


def _organisation_plan(span) -> bool:
    if span.id_ != "plans" or span.text.lower() not in ("plan", "plans"):
        return False
    doc = span.doc
    before = doc[max(0, span.start - 4) : span.start].text.lower()  # "well-developed" is three tokens
    after = doc[span.end : span.end + 7].text.lower()
    return bool(_ORGANISATION_PLAN_BEFORE.search(before) or _ORGANISATION_PLAN_AFTER.match(after))


# "children subject to a child protection plan" names the children's status, not their plan; so does the bare
# "plans" of "subject to child protection plans" and "those with protection plans"
_STATUS_PLAN_BEFORE = re.compile(r"\b(?:subject (?:to|of)|(?:children|people|those) (?:on|with))(?: a)?$")
# ...and a bare "plans" only with the kind of plan named: "subject to child protection plans", "those with
# protection plans" (not "children with plans have them reviewed")
_STATUS_BARE_PLAN_BEFORE = re.compile(
    r"\b(?:subject (?:to|of)|(?:children|people|those) (?:on|with))(?: a)? "
    r"(?:child protection|child in need|protection)$"
)


def _status_plan(span) -> bool:
    if span.id_ != "plans":
        return False
    text = span.text.lower()
    before = span.doc[max(0, span.start - 5) : span.start].text.lower()
    if text.startswith(("child protection plan", "child in need plan")):
        return bool(_STATUS_PLAN_BEFORE.search(before))
    return text in ("plan", "plans") and bool(_STATUS_BARE_PLAN_BEFORE.search(before))


# themes that name a kind of plan: not "placement plans" or "multi-agency plans" (a child's), nor "plans for
# disabled children"
_PLAN_KINDS = ("permanence", "adoption-services", "early-help")


def _other_themes_plan(span, themes: list) -> bool:
    """A plan of a kind another theme names is that theme's: "adoption plans", "early help plans", "plans for
    permanence", "a plan for adoption"; and "plans for children" inside "permanence plans for children"."""
    if span.id_ != "plans":
        return False
    bare = span.text.lower() in ("plan", "plans")
    follows_for = span.end < len(span.doc) and span.doc[span.end].lower_ == "for"
    return any(
        other.id_ != "plans"
        and (
            other.start < span.start < other.end
            or (bare and other.id_ in _PLAN_KINDS and other.end == span.start)
            or (bare and other.id_ in _PLAN_KINDS and follows_for and other.start == span.end + 1)
        )
        for other in themes
    )


# An assessment that is no assessment of a child: the council's "joint strategic needs assessment" and another
# theme's risk assessment ("child sexual exploitation risk assessments", "domestic abuse risk assessment meetings";
# a "multi-agency risk assessment" is still one)
_STRATEGIC_ASSESSMENT_BEFORE = re.compile(r"\bstrategic (?:children's )?needs$")
# ...nor an assessment of a foster carer or adopter: "carer assessments", "assessments of mainstream foster carers",
# "adoption assessments" (a young carer's assessment is a child's; a connected or kinship carer's belongs to permanence)
_CARER_ASSESSMENT_BEFORE = re.compile(
    r"(?<!young )(?<!connected )(?<!kinship )\b(?:foster|carers?|adopters?|adoption)(?:['’]s?)?$"
)
_CARER_ASSESSMENT_AFTER = re.compile(
    r"^(?:of|for) (?:(?!young |connected |kinship )[a-z]+ )?(?:foster carers?|carers|adopters)\b"
)


def _not_a_childs_assessment(span, themes: list) -> bool:
    if span.id_ != "assessments":
        return False
    doc, text = span.doc, span.text.lower()
    if text.startswith("risk assessment") or (span.start > 0 and doc[span.start - 1].lower_ == "risk"):
        risk = span.start if text.startswith("risk") else span.start - 1
        return any(other.id_ not in (span.id_, "partnership-working") and other.end == risk for other in themes)
    if text not in ("assessment", "assessments"):
        return False
    before = doc[max(0, span.start - 5) : span.start].text.lower()  # "strategic children 's needs"
    after = doc[span.end : span.end + 4].text.lower()
    return bool(
        _STRATEGIC_ASSESSMENT_BEFORE.search(before)
        or _CARER_ASSESSMENT_BEFORE.search(before)
        or _CARER_ASSESSMENT_AFTER.match(after)
    )


# A theme's word in a team's name names the team: "the assessment and intervention teams", "the permanence team",
# and an assessment service too ("the referral and assessment service"; a permanence service is about permanence)
_TEAM_WORDS = frozenset(("assessment", "assessments", "permanence", "permanency"))
_TEAM_AFTER = re.compile(r"^(?:support |and [a-z]+ )?teams?\b")
_SERVICE_AFTER = re.compile(r"^(?:support |and [a-z]+ )?(?:services?|unit)\b")


def _team_name(span) -> bool:
    if span.id_ not in ("assessments", "permanence") or span.text.lower() not in _TEAM_WORDS:
        return False
    after = span.doc[span.end : span.end + 3].text.lower()
    return bool(_TEAM_AFTER.match(after) or (span.id_ == "assessments" and _SERVICE_AFTER.match(after)))


# Generic words that name a theme where the section or the sentence says whose they are: care leavers' housing
# and work wherever a sentence names care leavers; education and health in the children in care section (health
# also in the care leavers' section: the theme covers them).
_EDUCATION_WORDS = frozenset(
    "education educational educated school schools schooling pupil pupils exclusion exclusions academic gcse "
    "gcses".split()
)
_WORK_WORDS = frozenset(
    "education educational employment employed unemployed employer employers employability college colleges job jobs "
    "apprentices traineeship traineeships career careers".split()
)
_HOUSING_WORDS = frozenset(("accommodation", "housing"))
_HEALTH_WORDS = frozenset(("health",))
# ...but not where the word, alone or in a short list, names agencies: "health (, housing and other) partners"
_AGENCY_NOUNS = frozenset(
    "partner partners agency agencies colleagues commissioners commissioning provider providers trust trusts visitor "
    "visitors visiting professionals officers".split()
)
_CHILDREN = frozenset(("child", "children", "pupil", "pupils"))


_CARE_LEAVERS = re.compile(r"\bcare[- ]leavers?\b|\bleaving care\b")  # not "school leavers"


def _about_care_leavers(doc) -> bool:
    lower = sentence_lower(doc)
    return "leav" in lower and bool(_CARE_LEAVERS.search(lower))  # a string test first: this runs on every sentence


def _names_agency(doc, i: int) -> bool:
    for token in doc[i + 1 : i + 5]:
        if token.lower_ in _AGENCY_NOUNS:
            return True
        if not (token.is_alpha or token.text == ","):
            return False
    return False


def _section_words(doc, section: str | None) -> dict[str, frozenset]:
    """Theme id -> the generic words that name it in this sentence of this section."""
    care_leavers = section == "care-leavers" or _about_care_leavers(doc)
    words = {}
    if care_leavers:
        words["care-leaver-accommodation"] = _HOUSING_WORDS
        words["care-leaver-education-employment"] = _WORK_WORDS
    # a sentence about care leavers alone, in the section that covers them too, is not about children in care
    if section == "children-in-care" and (not care_leavers or any(t.lower_ in _CHILDREN for t in doc)):
        words["education-of-children-in-care"] = _EDUCATION_WORDS
    if section in ("children-in-care", "care-leavers"):
        words["health-of-children-in-care"] = _HEALTH_WORDS
    return words


def _section_themes(doc, themes: list, section: str | None, covered: set[int]) -> list:
    """`themes` plus a span for each generic word of `_section_words` outside every mention the sentence had
    (`covered`, kept or dropped: "parental mental health" stays no child's health); a career in a care leaver's
    sentence is the care leaver's, not the workforce's."""
    words = _section_words(doc, section)
    if not words:
        return themes
    if "care-leaver-education-employment" in words:
        themes = [
            _relabelled(span, "care-leaver-education-employment")
            if span.id_ == "workforce" and span.text.lower() in ("career", "careers")
            else span
            for span in themes
        ]
    generic = frozenset().union(*words.values())
    added = []
    if "care-leaver-accommodation" in words:  # a care leaver's transition planning is their pathway planning
        added += [
            Span(doc, token.i, token.i + 2, label="themes", span_id="pathway-plans")
            for token in doc[:-1]
            if token.lower_ == "transition"
            and doc[token.i + 1].lower_ in ("planning", "plan", "plans")
            and token.i not in covered
        ]
    for token in doc:
        if token.lower_ not in generic or token.i in covered:
            continue
        if _names_agency(doc, token.i):
            continue
        special = token.i > 0 and doc[token.i - 1].lower_ == "special"  # "special educational needs"
        added += [
            Span(doc, token.i, token.i + 1, label="themes", span_id=theme_id)
            for theme_id, theme_words in words.items()
            if token.lower_ in theme_words and not special
        ]
    return _outermost(themes + added)  # "transition plans" is a pathway plan, not also a plan


# Parents' mental health is no child's: "parental mental health", "perinatal mental health"; an adult's is a care
# leaver's only where the sentence is about care leavers
_PARENTS = frozenset(("parental", "parents", "parent", "maternal", "perinatal", "mothers", "fathers", "carers"))


def _parents_health(span, section: str | None) -> bool:
    if span.id_ != "health-of-children-in-care" or span.start == 0:
        return False
    before = [t.lower_ for t in span.doc[max(0, span.start - 2) : span.start] if t.is_alpha]
    if before and before[-1] == "adult":
        return not (section in ("children-in-care", "care-leavers") or _about_care_leavers(span.doc))
    return bool(before) and before[-1] in _PARENTS


# "has adopted a new model", "the approach adopted by the council": the verb, not an adoption
_ADOPTED_POLICY_AFTER = re.compile(
    r"^(?:an?|the) (?:[\w-]+ ){0,3}(?:approach|model|policy|policies|framework|strategy|procedures?|methodology|"
    r"protocols?|tool|system|practice|principles)\b"
    # adopted by anyone but a family: "adopted by child protection conference chairs", "by housing departments"
    r"|^by (?!(?:their |a |an |the |her |his )?(?:[\w-]+ ){0,2}(?:carers?|adopters?|famil(?:y|ies)|parents?|couples?|"
    r"relatives?|grandparents?|guardians?)\b)"
)


def _adopted_policy(span) -> bool:
    if span.id_ != "adoption-services" or span.text.lower() not in ("adopted", "adopts"):
        return False
    return bool(_ADOPTED_POLICY_AFTER.match(span.doc[span.end : span.end + 9].text.lower()))


def _protection_drift(span, section: str | None) -> bool:
    """Drift in the help and protection section is the drift of a plan to help or protect a child at home, not of
    permanence ("children experience drift and delay because planning is unfocused")."""
    return span.id_ == "permanence" and section == "help-and-protection" and span.text.lower().startswith("drift")


_FAMILY_WORDS = frozenset(
    ("families", "family", "parents", "parent", "carers", "child", "children", "young", "leavers")
)


def _partnership_with_family(span) -> bool:
    """Partnership with families, parents, children or care leavers is how social workers work with them, not
    partnership between agencies ("working in partnership with parents"; "partnerships with children's social care"
    stays)."""
    if span.id_ != "partnership-working" or span.text.lower() not in ("partnership", "partnerships"):
        return False
    doc, i = span.doc, span.end
    if i >= len(doc) or doc[i].lower_ != "with":
        return False
    i += 1
    if i < len(doc) and doc[i].lower_ in ("the", "their", "its"):
        i += 1
    if i < len(doc) and doc[i].lower_ == "care":  # care leavers
        i += 1
    # a name ("the Child Friendly Leeds initiative", "the Family Justice Board") is a partner, not a family
    return (
        i < len(doc)
        and doc[i].is_lower
        and doc[i].lower_ in _FAMILY_WORDS
        and not (i + 1 < len(doc) and doc[i + 1].lower_ in ("'s", "’s"))
    )


def _adjective_of_other_theme(span, themes: list) -> bool:
    """ "Multi-agency" as the adjective of another theme's mention names only that theme: "multi-agency audits" and
    "multi-agency case file audits" are audits, "multi-agency strategy meetings" strategy discussions."""
    if span.id_ != "partnership-working" or span.text.lower() not in ("multi-agency", "multi agency"):
        return False
    doc = span.doc
    return any(
        other.id_ != span.id_
        and span.end <= other.start <= span.end + 2
        and all(t.is_alpha and not t.is_stop for t in doc[span.end : other.start])  # nouns between: "case file"
        for other in themes
    )


# Themes a sentence implies with a generic word and says whose it is: bare "oversight" in a sentence naming
# managers is theirs ("managers have appropriate oversight of assessments", "good oversight from social work
# managers"); bare "training" is the workforce's in the safeguarding board's chapter (its multi-agency training) or
# in a sentence naming staff, unless it names carers, young people or their education
_MANAGERS = re.compile(r"\bmanag(?:ers?|erial)\b")
_STAFF = re.compile(r"\b(?:staff|social workers?|workers|practitioners|managers|workforce|professionals)\b")
_NOT_STAFF = re.compile(r"\bcarers?\b|\badopters?\b|care leavers?|young people|education|employment")


# ...and training or recruitment of carers or adopters, in a sentence that names no staff nor a team, is not the
# workforce's ("a strong training offer to foster carers", "a fostering recruitment programme to recruit 25 new
# carers"); the safeguarding board's training is ("multi-agency training ... for families and carers")
_CARERS = re.compile(r"\bcarers?\b|\badopters?\b")
_STAFF_OR_TEAM = re.compile(rf"{_STAFF.pattern}|\bteams?\b|\bmulti-agency\b")


def _carers_training(span, section: str | None) -> bool:
    if span.id_ != "workforce" or section in BOARD_SECTIONS:
        return False
    if not any(word in span.text.lower() for word in ("train", "recruit")):
        return False
    lower = sentence_lower(span.doc)
    return bool(_CARERS.search(lower)) and not _STAFF_OR_TEAM.search(lower)


def _implied_themes(doc, covered: set[int], section: str | None) -> list:
    lower = sentence_lower(doc)  # string tests first: this runs on every sentence
    words = {}
    if "oversight" in lower and _MANAGERS.search(lower):
        words["oversight"] = "management-oversight"
    if "training" in lower and (section == "lscb-review" or _STAFF.search(lower)) and not _NOT_STAFF.search(lower):
        words["training"] = "workforce"
    if not words:
        return []
    return [
        Span(doc, token.i, token.i + 1, label="themes", span_id=words[token.lower_])
        for token in doc
        if token.lower_ in words and token.i not in covered
    ]


def _settle_themes(
    themes: list, services: list, section: str | None, doc: Doc, previous_heads: dict[str, str]
) -> tuple[list, dict[str, str]]:
    """Themes as the module says: no organisation's plan, nor a child's plan that only names their status or is
    another theme's kind of plan, nor an assessment that is no child's, nor a team's name, nor a parent's mental
    health, nor a policy the council "adopted", nor carers' training or recruitment, nor drift in help and
    protection; "multi-agency" inside "the multi-agency safeguarding hub" names the hub only, and before another
    theme's mention that theme only;
    "matching" beside adoption or permanence is theirs, not sufficiency's; in the care leavers' section a plan is a
    pathway plan, in the adoption section a placement an adoptive one; a section's or a sentence's generic words
    name its themes, as do a demonstrative and the head word of a mention in the sentence before (`previous_heads`);
    and a sentence of the adoption section is about adoption. Returns the themes and this sentence's head words."""
    covered = _tokens(themes)  # every mention, kept or dropped below: no later rule tags its words again
    themes = [
        span
        for span in themes
        if not _organisation_plan(span)
        and not _status_plan(span)
        and not _team_name(span)
        and not _parents_health(span, section)
        and not _adopted_policy(span)
        and not _protection_drift(span, section)
        and not _partnership_with_family(span)
        and not _carers_training(span, section)
        and not (
            span.id_ == "partnership-working"
            and any(_inside(span, service) and len(service) > len(span) for service in services)
        )
    ]
    # then the rules that read the other mentions, against those that stand ("the multi-agency assessment team":
    # the team's name is gone, so "multi-agency" is no adjective of an assessment)
    themes = [
        span
        for span in themes
        if not _other_themes_plan(span, themes)
        and not _not_a_childs_assessment(span, themes)
        and not _adjective_of_other_theme(span, themes)
    ]
    if any(span.id_ in ("adoption-services", "permanence") for span in themes):
        themes = [
            span
            for span in themes
            if not (span.id_ == "placement-sufficiency" and span.text.lower() in ("matching", "matched"))
        ]
    # a section names whose a generic mention is: a plan in the care leavers' section is a pathway plan, a placement
    # (its matching, its stability) in the adoption section an adoptive one
    renamed = {"care-leavers": ("plans", "pathway-plans"), "adoption": ("placement-sufficiency", "adoption-services")}
    if section in renamed:
        old_id, new_id = renamed[section]
        themes = [_relabelled(span, new_id) if span.id_ == old_id else span for span in themes]
    themes = _section_themes(doc, themes + _implied_themes(doc, covered, section), section, covered)
    if previous_heads:
        taken = covered | _tokens(themes)
        themes += [span for span in _named_again(doc, previous_heads) if span.start not in taken]
    heads = {span[-1].lower_.removesuffix("s"): span.id_ for span in themes if len(span[-1]) > 3}
    if section == "adoption" and len(doc) and not _about_care_leavers(doc):
        # the adoption section is about adoption throughout ("the panel", "the agency decision maker", "letterbox
        # contacts"), as a report's LSCB chapter is about the board; but not the care leavers filed there
        themes.append(Span(doc, 0, len(doc), label="themes", span_id="adoption-services"))
    return themes, heads


# "Return home interviews are offered." -> "Information from these interviews is used well": a demonstrative and
# the last word of a mention in the sentence before name that mention's theme again (a bare "This" does not)
_DEMONSTRATIVES = ("this", "these", "those", "such")
_POINTER = re.compile(rf"\b(?:{'|'.join(_DEMONSTRATIVES)}) ([a-z]{{4,}}?)s?\b")


def _named_again(doc, previous_themes: dict[str, str]) -> list:
    """Spans for the words of `doc` that name a theme of the sentence before by a demonstrative and its head."""
    lower = sentence_lower(doc)
    heads = {match.group(1) for match in _POINTER.finditer(lower)} & previous_themes.keys()
    if not heads:
        return []
    return [
        Span(doc, token.i, token.i + 1, label="themes", span_id=previous_themes[token.lower_.removesuffix("s")])
        for token in doc
        if token.i > 0 and token.lower_.removesuffix("s") in heads and doc[token.i - 1].lower_ in _DEMONSTRATIVES
    ]


# Partners: a school, housing or a court is no agency where it is a place, a thing or a stage of proceedings ("at
# school", "their housing", "court orders"); bare "health" beside another agency in a list is one ("police, health
# and education staff", "health and police partners", "agencies such as health")
_SETTING_BEFORE = frozenset("at in from to outside leave leaves leaving attend attending attended of their own".split())
_SETTING_AFTER = frozenset("time place places level age environment child children pupils".split())
_COURT_AFTER = frozenset(
    "orders order proceedings team teams approval arena action process processes work hearing hearings statement "
    "statements directions direction capacity date dates timescales timetable system reports report care decisions "
    "decision application applications outcome outcomes -".split()
)
_HOUSING_BEFORE = frozenset("their own relevant independent supported suitable appropriate".split())
_LIST_AGENCIES = frozenset("police probation education schools housing".split()) | _AGENCY_NOUNS | {"staff"}


def _not_an_agency(span) -> bool:
    doc, text = span.doc, span.text.lower()
    before = doc[span.start - 1].lower_ if span.start else ""
    if before in ("primary", "secondary") and span.start > 1:  # "at primary school"
        before = doc[span.start - 2].lower_
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if text in ("school", "college"):
        return before in _SETTING_BEFORE or after in _SETTING_AFTER
    if text in ("court", "courts"):
        # "" : "Courts are positive"; "the police and courts"; "court reports" are documents, "the court reports
        # that" is the court speaking
        speaks = after in ("report", "reports") and span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "that"
        placed = before not in ("", "the", "local", "high", "and", "or", "with", "by", ",")
        return placed or (after in _COURT_AFTER and not speaks)
    return text == "housing" and (before in _HOUSING_BEFORE or after in ("issue", "issues", "option", "need", "needs"))


def _listed_health(doc, taken: set[int], not_agencies: set[int]) -> list:
    """Bare "health" where it names the agency (_health_is_the_agency), outside the mentions already taken."""
    words = [t.lower_ for t in doc] + ["", ""]  # padded: words[i + 2] and words[-1] are always there
    return [
        Span(doc, i, i + 1, label="partners", span_id="health")
        for i in range(len(doc))
        if words[i] == "health" and i not in taken and _health_is_the_agency(doc, words, i, not_agencies)
    ]


def _health_is_the_agency(doc, words: list[str], i: int, not_agencies: set[int]) -> bool:
    """Bare "health" in a list of agencies ("police, health and education staff"), before "partners", after
    "such as" or "including" after agencies, after "partnerships with", as what discussions include, or
    capitalised as the body; not a child's own health in a list of their needs ("children's health and education
    needs"). not_agencies: the tokens of agency words that settling has just rejected ("their housing")."""
    if _names_agency(doc, i):
        return True

    def agency_at(j: int) -> bool:
        return words[j] in _LIST_AGENCIES and j not in not_agencies

    before, after = words[i - 1], words[i + 1]
    ends = not after.isalpha() or after == "and"  # not "housing and health issues"
    listed = (
        (after in (",", "and") and agency_at(i + 2))
        or (ends and before in (",", "and") and agency_at(i - 2))
        # "agencies such as health", "partners, such as health"
        or (words[i - 2 : i] == ["such", "as"] and (words[i - 4] if words[i - 3] == "," else words[i - 3]) in _HEADS)
        or (before == "including" and _just_before(words, i, _AGENCY_NOUNS))  # "partners, including health and the"
        or (before == "with" and _just_before(words, i, _PARTNERING))  # "partnerships with health"
        # "strategy discussions do not include health", "include health and other agencies" (not "health support")
        or (before in _INVOLVE and (not after.isalpha() or words[i + 1 : i + 3] == ["and", "other"]))
        # the body, not inside a name: "Public Health", "Health Overview and Scrutiny Panel"
        or (0 < i < len(doc) - 1 and doc[i].text == "Health" and doc[i - 1].is_lower and not doc[i + 1].is_title)
    )
    return listed and not _childs_health(words, i)


def _just_before(words: list[str], i: int, vocabulary: frozenset[str]) -> bool:
    """Whether one of the five words before words[i - 1] is in vocabulary ("partners, including health")."""
    return bool(vocabulary.intersection(words[max(i - 6, 0) : i - 1]))


_INVOLVE = frozenset("include includes involve involves involved involving invite invites invited".split())
_PARTNERING = frozenset(
    "partnership partnerships partners work works working worked agreement links link liaison jointly joint closely "
    "together relationship relationships collaboration collaboratively".split()
)
# A child's own health: "their health", "including health and education", "health, education and other needs"
_CHILDS_BEFORE = frozenset("'s ’s ' their his her its promote promoting improve improving".split())
_NEEDS = frozenset(
    "needs need outcomes wellbeing being issues histories history appointments checks plan plans".split()
)
_SERVICES = _AGENCY_NOUNS | frozenset("staff workers service services provision support resources".split())
_HEADS = _AGENCY_NOUNS | {"services"}  # what "such as health" may follow


def _childs_health(words: list[str], i: int) -> bool:
    """Whether the list that "health" is in is of a child's needs, not of agencies; a list that ends in a service
    ("including health and education services") is of agencies."""
    for word in words[i + 1 : i + 9]:
        if word in _SERVICES:
            return False
        if word in _NEEDS:
            return True
        if not (word.isalpha() or word in (",", "-")):
            break
    if words[i - 1] == "including":  # "partners, including health and police" lists agencies
        return not _just_before(words, i, _AGENCY_NOUNS)
    return words[i - 1] in _CHILDS_BEFORE or words[i - 2 : i] == ["relation", "to"]


def _settle_partners(partners: list, mentions: list, doc) -> list:
    """A partner inside a longer mention is none ("school" in "the virtual school"); "CAMHS" is both."""
    kept, rejected = [], []
    for p in partners:
        if not any(_inside(p, m) and len(m) > len(p) for m in mentions):
            (rejected if _not_an_agency(p) else kept).append(p)
    if "health" in sentence_lower(doc):  # a string test first: this runs on every sentence
        kept += _listed_health(doc, _tokens(mentions) | _tokens(partners), _tokens(rejected))
    return kept


class ConceptSpans:
    """Moves spans of doc.spans[source_key] to doc.spans[span.label_], settled as the module says; reads
    doc._.section (registered by the polarity component). Docs of a report come in order, each with the sentence
    before it in doc.user_data["previous"]; the themes of the last doc are kept for the next one's pointers."""

    def __init__(self, *, source_key: str) -> None:
        self.source_key = source_key
        self._last: tuple[str | None, str | None, dict[str, str]] = (None, None, {})  # text, section, heads

    def __call__(self, doc: Doc) -> Doc:
        spans = doc.spans.get(self.source_key, [])
        # settled even when empty: a section's generic words may add themes, a list of agencies bare "health"
        groups: dict[str, list] = {"themes": [], "partners": []}
        for span in spans:
            groups.setdefault(span.label_, []).append(span)
        mentions = [span for label, group in groups.items() if label != "partners" for span in group]
        for label, group in groups.items():
            group = _outermost(group)
            if label == "themes":
                # the sentence before, if it is the last one read and in the same section, lends its head words
                last_text, last_section, last_heads = self._last
                section = doc._.section
                follows = last_text == doc.user_data.get("previous") and last_section == section
                group, heads = _settle_themes(
                    group, groups.get("services", []), section, doc, last_heads if follows else {}
                )
                self._last = (sentence_text(doc), section, heads)
            if label == "partners":
                group = _settle_partners(group, mentions, doc)
            doc.spans[label] = group
        if self.source_key in doc.spans:
            del doc.spans[self.source_key]
        return doc


@Language.factory("kg_concept_spans", default_config={"source_key": "concepts"})
def make_concept_spans(nlp: Language, name: str, *, source_key: str) -> ConceptSpans:
    return ConceptSpans(source_key=source_key)
