"""`kg_weaknesses`: which recurring weaknesses a sentence states as a current shortcoming of the authority.

Each rule in patterns/weaknesses.jsonl names a concept id and regular expressions over the lower-cased
sentence: `topic` (what it is about), `cue` (the shortcoming), optional `requires` (a further word that
must be there), `borrowed_requires` (what a sentence that takes its topic from before must say itself),
`section_requires`, `not_cue` (phrasings that praise or deny it), `excludes` (another topic the cue's words
belong to, or what the sentence is about instead) and `previous_excludes` (what the sentence before names when
this one's topic points back to it: "These plans are not specific" after the board's business plan). A rule
fires only when topic and cue are there, nothing excludes it, no not_cue is (or a contrast after the denial
states the shortcoming after all), the sentence does not say the shortcoming is over or past ("no longer",
"Leaders have acted to address", "Historically"), and, in the chapter on the safeguarding board, it is not about
the board itself (another body). The topic may also come
from the sentence before, when this one points back to it ("these", "such interviews"), or, for some rules, from
earlier in the report's numbered paragraph. Matches go to doc.spans["weaknesses"] with the concept id as span
id. `kg_weaknesses` runs on the rules' polarity; `kg_weaknesses_after_model` reads again the sentences the
polarity model turns from praise to criticism.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from loaders.components.doc_text import sentence_text
from loaders.components.polarity import YET_AS_CONTRAST, cue_lexicon, cue_text, not_criticism
from loaders.sections import BOARD_SECTIONS, NO_FINDING_SECTIONS  # the board's findings; description

__all__ = ["WeaknessRule", "WeaknessTagger", "read_rules"]

PATTERN_PATH = Path(__file__).resolve().parent.parent / "patterns" / "weaknesses.jsonl"

if not Doc.has_extension("weaknesses"):
    Doc.set_extension("weaknesses", default=())


@dataclass(frozen=True, slots=True)
class WeaknessRule:
    id: str
    topic: re.Pattern[str]
    cue: re.Pattern[str]
    not_cue: re.Pattern[str] | None
    excludes: re.Pattern[str] | None  # another topic that the cue's words belong to ("missing", "privately fostered")
    requires: re.Pattern[str] | None
    sections: frozenset[str]  # sections whose sentences are about the topic without naming it
    # what a sentence of those sections must name when it names no topic: in the chapter on children in care a
    # delay in progressing plans is drift, a delay in mental health services is not
    section_requires: re.Pattern[str] | None
    improvements_cue: re.Pattern[str] | None  # a cue that counts only in a list of what must improve
    # what a sentence that takes its topic from the one before must itself say: "Children are not made aware of
    # their rights" after a sentence on homeless 16- and 17-year-olds is about them; "Not all children receive a
    # good service" is not
    borrowed_requires: re.Pattern[str] | None
    # where the topic is named as something already mentioned ("these plans", "the detail of the plans"), what the
    # sentence before must not name: then the topic is that sentence's (the board's business plan, pathway plans)
    previous_excludes: re.Pattern[str] | None
    # the topic may be named only in the sentence before ("Strategy discussions are held by telephone. In all
    # cases seen, social care and the police were the only participants."): for cues that name it in all but word
    topic_from_previous: bool = False
    # ... or anywhere earlier in the report's numbered paragraph, which keeps to one topic: "16. When children
    # aged 16 or 17 present as homeless, ... A clear protocol ... While some children become looked after, it is
    # not clearly recorded that all are fully informed of their accommodation rights."
    topic_from_paragraph: bool = False
    # the cue names who fails ("delays due to a lack of police availability"), so it may stand in any clause
    cue_anywhere: bool = False


def _criticism_pattern() -> str:
    """Criticism cues, hedges and negated praise ("not always timely") of the polarity lexicon, as one regex."""
    lexicon = cue_lexicon()
    negated = rf"{lexicon['negators'].pattern}(?: \w+){{0,3}} {lexicon['praise'].pattern}"
    return rf"{lexicon['criticism'].pattern}|{lexicon['hedges'].pattern}|{negated}"


# Topics, cues and their denials match from the start of a word ("lack" not in "black", "care plans" not in
# "healthcare plans", "is effective" not in "this effective"); a word may still go on ("delay" in "delayed").
# What a rule requires may sit inside a word: "clear" in "unclear", "precise" in "imprecise".
_WHOLE_WORD_KEYS = frozenset(("not_cue", "excludes", "improvements_cue"))
# the patterns a rule may leave out
_OPTIONAL_KEYS = (
    "not_cue",
    "excludes",
    "requires",
    "section_requires",
    "improvements_cue",
    "borrowed_requires",
    "previous_excludes",
)


def _from_word_start(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z])(?:{pattern})")


@cache
def read_rules(path: Path = PATTERN_PATH) -> tuple[WeaknessRule, ...]:
    """The rules of patterns/weaknesses.jsonl, compiled."""
    rules = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        data = json.loads(line)
        cue = data["cue"]
        if data.get("any_criticism"):
            # every shortcoming of the topic is this weakness: the polarity lexicon's criticism counts as a cue
            cue = f"{cue}|{_criticism_pattern()}"
        optional = {
            key: (_from_word_start if key in _WHOLE_WORD_KEYS else re.compile)(data[key]) if data.get(key) else None
            for key in _OPTIONAL_KEYS
        }
        rules.append(
            WeaknessRule(
                id=data["id"],
                topic=_from_word_start(data["topic"]),
                cue=_from_word_start(cue),
                sections=frozenset(data.get("sections", ())),
                topic_from_previous=bool(data.get("topic_from_previous")),
                topic_from_paragraph=bool(data.get("topic_from_paragraph")),
                cue_anywhere=bool(data.get("cue_anywhere")),
                **optional,
            )
        )
    return tuple(rules)


# "not yet" and "yet to" set nothing against anything (the polarity rules' reading of "yet")
# "while" sets a contrast where it opens a clause ("Plans are clear, while reviews are late"), not inside one
# ("plans to support children while risks are assessed")
_CONTRAST = re.compile(
    rf"\b(?:although|however|but|despite|though)\b|(?:^|[,;:] ?)\W*(?:while|whilst)\b|{YET_AS_CONTRAST}|;"
)
# articles, and pronouns that point back to the topic ("Interviews are helpful, but they are not always timely")
_NOT_A_NEW_SUBJECT = {"the", "a", "an", "they", "these", "this", "it", "some", "most", "many", "few"}
_NEW_SUBJECT = re.compile(r"\b(?:is|are|was|were|has|have|had|do|does|did)\b")


# A concession set between commas inside a clause, which its verb then resumes: "The checklist, although
# developed, is not routinely used" (not a list's comma: "although evidence of regular, reflective supervision")
_CONCESSION = re.compile(
    r", (?:although|though|while|whilst) [^,;]{1,60},(?= (?:is|are|was|were|has|have|had|does|do|did|remains?|"
    r"continues?|can|will|may|tends?)\b)"
)
# What a clause's subject may be and still speak of the topic before it: an aspect of it ("Interviews are
# offered to all children, although take-up is low", "but the content is often of limited value")
_ASPECTS = frozenset(("take-up", "uptake", "content", "quality", "timeliness", "frequency", "regularity", "recording"))
_ASPECT_THEN = frozenset(("by", "is", "are", "was", "were", "remains", "has", "have"))
# an opening phrase that is no subject: "but, in many cases, it is not used well enough"
_OPENING = re.compile(r"^\W*(?:in (?:\w+ ){0,4}(?:cases|instances),?|at times,?|often,?|sometimes,?)\s*")


def _cue_with_topic(rule: WeaknessRule, text: str) -> bool:
    """True when the cue speaks of the topic: in the same clause, or in a short clause that follows the
    topic's clause with no subject of its own ("Supervision is timely, although very task focused"), or whose
    subject is an aspect of the topic ("although take-up is low") or names it again."""
    # a concession that states no shortcoming of the topic is set aside, so that the clause around it stays one
    text = _CONCESSION.sub(lambda m: m.group(0) if rule.cue.search(m.group(0)) else "", text)
    clauses = [c for c in _CONTRAST.split(text) if c.strip()]
    if len(clauses) <= 1:
        return bool(rule.cue.search(text))
    for index, clause in enumerate(clauses):
        cue = rule.cue.search(clause)
        if not cue:
            continue
        if rule.topic.search(clause):
            return True
        # the words before the cue that may name a subject ("but, in many cases, it is not used": none)
        lead = [word for word in _OPENING.sub("", clause[: cue.start()]).split() if word not in _NOT_A_NEW_SUBJECT]
        # words and then a verb before the cue make a new subject: "but return home interviews are not"; a cue
        # that names its own subject ("although the police do not always attend") is no new subject
        new_subject = bool(lead) and bool(_NEW_SUBJECT.search(clause[: cue.end()]))
        if index and (topic := rule.topic.search(clauses[index - 1])):
            if len(lead) <= 4 and not new_subject:
                return True
            if _DEMONSTRATIVE.search(clause[: cue.start()]):  # "although visits to see these children are not"
                return True
            # the clause's subject names the topic again: "have a return home interview, although some interviews"
            if _names_head(topic, " ".join(clause[: cue.start()].split()[:3])):
                return True
            # an aspect of the topic, alone or qualified by whose it is, then its verb ("although take-up by young
            # people at high risk is too low", "but the content is often of limited value"), not an aspect of
            # something else ("the quality of management oversight", "quality assurance")
            aspect = bool(lead) and lead[0] in _ASPECTS and (len(lead) == 1 or lead[1] in _ASPECT_THEN)
            if aspect and len(lead) <= 8 and not any(word.endswith(",") for word in lead):  # one clause
                return True
    return False


# a topic named as something already mentioned: "these plans", "the detail of the plans" (the determiner and up
# to two words end the text before the topic)
_NAMED_BEFORE = re.compile(r"\b(?:these|those|such|the|their|its) (?:\w+ ){0,2}$")

# "these children", "such interviews": a pointer back to the topic before ("their" is anyone's)
_DEMONSTRATIVE = re.compile(r"\b(?:these|those|such)\b")


def _names_again(topic: re.Match[str], text: str) -> bool:
    """True when `text` names the topic matched in the sentence before by a demonstrative and its last word:
    "Children are offered a return home interview." -> "Information from such interviews is not used"."""
    return _names_head(topic, text, before=rf"{_DEMONSTRATIVE.pattern} ")


def _names_head(topic: re.Match[str], text: str, before: str = r"\b") -> bool:
    """True when `text` names the last word of the topic matched before it (after `before`): "most children have
    a return home interview, although some interviews are not undertaken quickly enough" (`text`: "some
    interviews")."""
    head = topic.group(0).split()[-1].strip(",;:").removesuffix("s")
    return len(head) > 3 and re.search(rf"{before}{re.escape(head)}s?\b", text) is not None


# What the safeguarding board's chapter says of the board itself, its audits, data, plans and training
_ABOUT_THE_BOARD = re.compile(
    r"\bthe (?:board|[a-z]{0,2}scb|lcsb|partnership)(?:'s)? (?:\w+ ){0,2}(?:has|have|had|does|do|did|is|are|was|were|"
    r"needs?|should|must|could|considers|recognises|receives|lacks|organised)\b|\b(?:board|[a-z]{0,2}scb)'s\b|"
    r"\b(?:section 11|sub-?groups?|business plan|data ?sets?|multi-agency training)\b"
)


# A sentence that reports the remedy rather than the shortcoming: "Leaders have acted to address this gap",
# "Delays are mitigated by the council's tenacity", "took immediate and appropriate action"; or one that says
# the shortcoming was in the past ("Historically there has been a delay in finding a family", "children have
# experienced historic instability"; not "historic drift", which may still be there)
_REMEDIED = re.compile(
    r"\b(?:(?:have|has|had) (?:\w+ )?(?:acted|taken (?:\w+ ){0,3}(?:action|steps)|moved swiftly)|"
    r"took (?:\w+ ){0,3}action) (?:\w+ ){0,4}to "
    r"(?:address|tackle|remedy|resolve|rectify|reduce|strengthen|improve|ensure)|"
    r"\btook (?:immediate|swift|prompt|decisive)(?: and (?:appropriate|effective|decisive))? action|"
    r"\b(?:is|are) (?:now )?reducing the (?:incidences?|number)|\bmitigated by\b|\b(?:achieved|secured) success\b|"
    r"\b(?:has|have) been revived\b|\beffectively tackled\b|\b(?:has|have) now (?:tackled|addressed|resolved)\b|"
    r"^\W*historically\b|"
    r"\b(?:experienced|had) historic(?:al)? (?:instability|turnover|changes)\b"
)
# ... unless it says the shortcoming is still there
_STILL = r"remains?|continues? to|still|persists?"
_STILL_THERE = re.compile(rf"\b(?:{_STILL}|not yet|too early)\b")
# A sentence about how things were before ("Initially, the pace of improvement was slow, impeded by instability in
# staffing", "cases which had drifted due to previous poor practice"; not "Initially, strategy discussions are held
# only with the police"), or that states nothing yet ("It is too early to measure the effectiveness of these new
# arrangements")
_BEFORE_OR_NOT_YET_KNOWN = re.compile(
    r"^\W*initially,? (?:\w+ ){0,6}(?:was|were|had|did)\b|^\W*early progress was\b|"
    r"\bdue to previous (?:poor )?practice\b|^\W*(?:however,? |but )?it is (?:too early|too soon) to\b"
)
_STILL_SO = re.compile(rf"\b(?:{_STILL})\b")  # as _STILL_THERE, but "too early" is what the last form says
# A shortcoming placed at the last inspection and said to be put right since ("Return home interviews were not
# timely at the last inspection, but they are now completed promptly"; "At the time of the last inspection,
# caseloads were too high; following a restructure, they now average 16")
_AT_LAST_INSPECTION = re.compile(
    r"\b(?:at|since) (?:the time of )?the (?:last|previous) (?:full )?inspection\b|"
    r"\b(?:monitoring|focused) visit in \d{4}\b"
)
_PUT_RIGHT_SINCE = re.compile(
    r"\b(?:has|have) since been (?:addressed|resolved|rectified|remedied|tackled)\b|"
    r"\b(?:has|have) (?:\w+ ){0,2}(?:resolved|addressed|rectified|remedied) (?:this|these|it|them|weaknesses)\b|"
    r"\b(?:has|have) (?:ended|ceased|stopped)\b|\b(?:has|have) since (?:led|resulted)\b|"
    r"\b(?:they|it|are|is) now (?!(?:too|more|higher|worse|even|over|above|less|fewer|lower|only|not)\b)"
)


def _no_current_shortcoming(lower: str) -> bool:
    """The sentence tells of a shortcoming remedied, of one in the past and put right since, or of nothing known yet,
    and does not say it is still there."""
    if _REMEDIED.search(lower) and not _STILL_THERE.search(lower) and not _CONTRAST.search(lower):
        return True
    in_the_past = _BEFORE_OR_NOT_YET_KNOWN.search(lower) or (
        _AT_LAST_INSPECTION.search(lower) and _PUT_RIGHT_SINCE.search(lower)
    )
    return bool(in_the_past) and not _STILL_SO.search(lower)


def _contrast_after(rule: WeaknessRule, text: str, position: int) -> bool:
    """True when a contrast after `position` opens a clause that states the weakness itself, denied by nothing."""
    contrast = _CONTRAST.search(text, position)
    if contrast is None:
        return False
    rest = text[contrast.end() :]
    return bool(rule.cue.search(rest)) and not (rule.not_cue and rule.not_cue.search(rest))


# A sentence that opens by pointing back ("However, these involve only the police") is about the topic of
# the sentence before ("In most cases seen, these are telephone discussions with the police only").
_POINTS_BACK = re.compile(
    r"^\W*(?:however,? |but |and |in addition,? |as a result,? )?"
    r"(?:in (?:\w+ ){1,4}(?:cases|instances|examples)(?: seen| sampled| reviewed)?,? )?(?:these|they|this|it|such)\b"
)


@lru_cache(maxsize=256)
def _normalised(text: str) -> str:
    """A sentence as the rules read it; cached, because each sentence is read again as the next one's previous."""
    return not_criticism(cue_text(text))


@lru_cache(maxsize=256)
def _topics(lower: str) -> tuple[re.Match[str] | None, ...]:
    """Each rule's topic match in a normalised sentence (in rule order)."""
    return tuple(rule.topic.search(lower) for rule in read_rules())


def match_weaknesses(
    text: str,
    section: str | None,
    polarity: str,
    fixed: bool,
    previous: str | None = None,
    paragraph_before: str | None = None,
) -> list[str]:
    """Ids of the recurring weaknesses a sentence states; `previous` is the sentence before it, if known, and
    `paragraph_before` the sentences before it in the same numbered paragraph."""
    if section in NO_FINDING_SECTIONS or fixed or polarity == "strength":
        return []
    lower = _normalised(text)
    if section in BOARD_SECTIONS and _ABOUT_THE_BOARD.search(lower):
        return []  # the board's own shortcomings; what it found of the area's practice still counts
    if _no_current_shortcoming(lower):
        return []
    previous_lower = _normalised(previous) if previous else None
    points_back = bool(_POINTS_BACK.match(lower))
    found = []
    rules = read_rules()
    own_topics = _topics(lower)
    previous_topics = _topics(previous_lower) if previous_lower else (None,) * len(rules)
    # a sentence that names a topic of its own is about that topic, not the one before it
    names_a_topic = any(own_topics)
    long_enough = len(lower.split()) >= 6  # not a heading
    demonstrative = _DEMONSTRATIVE.search(lower) is not None
    for rule, own_topic, previous_topic in zip(rules, own_topics, previous_topics, strict=True):
        borrows = rule.topic_from_previous and not names_a_topic and long_enough
        before = previous_lower if points_back or borrows else None
        topic_before = not own_topic and before is not None and previous_topic
        if not own_topic and not topic_before and demonstrative and previous_topic:
            if _names_again(previous_topic, lower):
                before, topic_before = previous_lower, previous_topic
        if not own_topic and not topic_before and rule.topic_from_paragraph and paragraph_before:
            if not names_a_topic and long_enough and (earlier := rule.topic.search(paragraph_before.lower())):
                before, topic_before = None, earlier  # so the sentence must name whom it is about itself
        topic = own_topic or topic_before
        if not topic and section not in rule.sections:
            continue  # cheap test first: most sentences are about none of the topics
        if rule.excludes is not None and rule.excludes.search(lower):
            continue
        if (
            own_topic
            and rule.previous_excludes is not None
            and previous_lower
            and _NAMED_BEFORE.search(lower, 0, own_topic.start())
            and rule.previous_excludes.search(previous_lower)
        ):
            continue  # "These plans are not specific enough" after "The board has set out a business plan"
        denial = rule.not_cue.search(lower) if rule.not_cue is not None else None
        if denial and not _contrast_after(rule, lower, denial.end()):
            continue  # "turnover has reduced" denies it, unless "although too many changes of social worker" follows
        # a sentence that takes its topic from the one before without pointing back must name whom it is about
        # itself: "MARAC do not yet consider all the domestic abuse cases" after a sentence on homelessness is not
        # about homeless 16- and 17-year-olds
        context = None if borrows and not points_back else before
        if rule.requires is not None and not rule.requires.search(f"{context or ''} {lower}"):
            continue
        if topic_before and rule.borrowed_requires is not None and not rule.borrowed_requires.search(lower):
            continue
        if (
            section == "improvements"
            and rule.improvements_cue is not None
            and rule.improvements_cue.search(lower)
            and topic
        ):
            found.append(rule.id)
        elif topic_before or rule.cue_anywhere:
            if rule.cue.search(lower):  # the whole sentence is about the earlier topic, or the cue names it
                found.append(rule.id)
        elif topic:
            if _cue_with_topic(rule, lower):  # "Although X is good, Y is weak": the cue must be about X
                found.append(rule.id)
        elif (
            section in rule.sections
            and rule.cue.search(lower)
            and (rule.section_requires is None or rule.section_requires.search(lower))
        ):
            found.append(rule.id)
    return found


def _tag(doc: Doc, polarity: str) -> list[str]:
    """Match the doc read as `polarity`, and keep what it states in doc._.weaknesses and doc.spans."""
    ext, user_data = doc._, doc.user_data  # each doc._ makes a new accessor object
    ids = match_weaknesses(
        sentence_text(doc),
        ext.section,
        polarity,
        ext.fixed,
        user_data.get("previous"),
        user_data.get("paragraph_before"),
    )
    ext.weaknesses = tuple(ids)
    doc.spans["weaknesses"] = [Span(doc, 0, len(doc), label="weakness", span_id=i) for i in ids]
    return ids


# A sentence that opens by conceding praise and goes on without any ("While the police contribute well to strategy
# discussions, other agencies are seldom part of them"): its main clause is what it holds against the authority
_CONCESSIVE_OPENING = re.compile(r"^\W*(?:although|though|while|whilst|despite)\b([^,;]+),(.+)$")


def _conceded_praise(lower: str) -> bool:
    opening = _CONCESSIVE_OPENING.match(lower)
    if opening is None:
        return False
    praise = cue_lexicon()["praise"]
    return bool(praise.search(opening.group(1))) and not praise.search(opening.group(2))


class WeaknessTagger:
    def __call__(self, doc: Doc) -> Doc:
        # praise with a criticism beside it ("Although referrals are responded to promptly, there are
        # inconsistencies in the application of thresholds") may still state a weakness
        ext = doc._
        polarity = read_as = ext.polarity
        if polarity == "strength":
            lower = _normalised(sentence_text(doc))
            if ext.criticism_cues and _CONTRAST.search(lower) or _conceded_praise(lower):
                read_as = "mixed"
        if _tag(doc, read_as) and polarity in ("neutral", "strength"):
            # a sentence that states a shortcoming criticises, alone or beside its praise
            ext.polarity = "weakness" if polarity == "neutral" else "mixed"
        return doc


class WeaknessRecheck:
    """After the polarity model: a sentence the rules read as praise and the model as criticism is read again
    for weaknesses ("Effective management oversight is not yet in place to ensure that permanence is achieved
    promptly": the rules weigh its praise words, the model reads the shortcoming)."""

    def __call__(self, doc: Doc) -> Doc:
        ext = doc._
        if not ext.weaknesses and ext.rule_polarity == "strength" and ext.polarity in ("weakness", "mixed"):
            _tag(doc, ext.polarity)
        return doc


@Language.factory("kg_weaknesses")
def make_weaknesses(nlp: Language, name: str) -> WeaknessTagger:
    return WeaknessTagger()


@Language.factory("kg_weaknesses_after_model")
def make_weaknesses_after_model(nlp: Language, name: str) -> WeaknessRecheck:
    return WeaknessRecheck()
