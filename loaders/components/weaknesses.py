"""`kg_weaknesses`: which recurring weaknesses a sentence states as a current shortcoming of the authority.

Each rule in patterns/weaknesses.jsonl names a concept id and regular expressions over the lower-cased
sentence: `topic` (what it is about), `cue` (the shortcoming), optional `requires` (a further word that
must be there) and `not_cue` (phrasings that praise or deny it). A rule fires only when topic and cue are
there, no not_cue is, the sentence does not say the shortcoming is over, and it is not about the safeguarding
board (another body). Matches go to doc.spans["weaknesses"] with the concept id as span id.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

__all__ = ["WeaknessRule", "WeaknessTagger", "read_rules"]

PATTERN_PATH = Path(__file__).resolve().parent.parent / "patterns" / "weaknesses.jsonl"
OTHER_BODY_SECTIONS = {"lscb", "lscb-review"}  # findings about the board, not the authority
# Where the report's own structure says a sentence is praise, a weakness cue is there by contrast only.
PRAISE_SECTIONS = {"strengths"}

if not Doc.has_extension("weaknesses"):
    Doc.set_extension("weaknesses", default=())


@dataclass(frozen=True, slots=True)
class WeaknessRule:
    id: str
    topic: re.Pattern[str]
    cue: re.Pattern[str]
    not_cue: re.Pattern[str] | None
    requires: re.Pattern[str] | None
    sections: frozenset[str]  # sections whose sentences are about the topic without naming it
    improvements_cue: re.Pattern[str] | None  # a cue that counts only in a list of what must improve


@cache
def read_rules(path: Path = PATTERN_PATH) -> tuple[WeaknessRule, ...]:
    """The rules of patterns/weaknesses.jsonl, compiled."""
    rules = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        data = json.loads(line)
        rules.append(
            WeaknessRule(
                id=data["id"],
                topic=re.compile(data["topic"]),
                cue=re.compile(data["cue"]),
                not_cue=re.compile(data["not_cue"]) if data.get("not_cue") else None,
                requires=re.compile(data["requires"]) if data.get("requires") else None,
                sections=frozenset(data.get("sections", ())),
                improvements_cue=re.compile(data["improvements_cue"]) if data.get("improvements_cue") else None,
            )
        )
    return tuple(rules)


_CONTRAST = re.compile(r"\b(?:although|however|but|while|whilst|despite|though|yet)\b|;")
_NEW_SUBJECT = re.compile(r"\b(?:is|are|was|were|has|have|had|do|does|did)\b")


def _cue_with_topic(rule: WeaknessRule, text: str) -> bool:
    """True when the cue speaks of the topic: in the same clause, or in a short clause that follows the
    topic's clause with no subject of its own ("Supervision is timely, although very task focused")."""
    clauses = [c for c in _CONTRAST.split(text) if c.strip()]
    if len(clauses) <= 1:
        return bool(rule.cue.search(text))
    for index, clause in enumerate(clauses):
        cue = rule.cue.search(clause)
        if not cue:
            continue
        if rule.topic.search(clause):
            return True
        lead = clause[: cue.start()].split()
        # words and then a verb before the cue make a new subject: "but return home interviews are not"
        new_subject = bool(lead) and bool(_NEW_SUBJECT.search(clause[: cue.end()]))
        if index and rule.topic.search(clauses[index - 1]) and len(lead) <= 4 and not new_subject:
            return True
    return False


# A sentence that opens by pointing back ("However, these involve only the police") is about the topic of
# the sentence before it.
_POINTS_BACK = re.compile(r"^\W*(?:however,? |but |and |in addition,? |as a result,? )?(?:these|they|this|it|such)\b")


def _lower(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def match_weaknesses(
    text: str, section: str | None, polarity: str, fixed: bool, previous: str | None = None
) -> list[str]:
    """Ids of the recurring weaknesses a sentence states; `previous` is the sentence before it, if known."""
    if section in OTHER_BODY_SECTIONS or fixed or polarity == "strength":
        return []
    lower = _lower(text)
    before = _lower(previous) if previous and _POINTS_BACK.match(lower) else None
    found = []
    for rule in read_rules():
        own_topic = rule.topic.search(lower)
        topic_before = not own_topic and before is not None and rule.topic.search(before)
        topic = own_topic or topic_before
        if not topic and section not in rule.sections:
            continue  # cheap test first: most sentences are about none of the topics
        if rule.not_cue is not None and rule.not_cue.search(lower):
            continue
        if rule.requires is not None and not rule.requires.search(f"{before or ''} {lower}"):
            continue
        if (
            section == "improvements"
            and rule.improvements_cue is not None
            and rule.improvements_cue.search(lower)
            and topic
        ):
            found.append(rule.id)
        elif topic_before:
            if rule.cue.search(lower):  # the whole sentence is about the earlier topic
                found.append(rule.id)
        elif topic:
            if _cue_with_topic(rule, lower):  # "Although X is good, Y is weak": the cue must be about X
                found.append(rule.id)
        elif section in rule.sections and rule.cue.search(lower):
            found.append(rule.id)
    return found


class WeaknessTagger:
    def __call__(self, doc: Doc) -> Doc:
        ids = match_weaknesses(
            doc.user_data.get("text") or doc.text,
            doc._.section,
            doc._.polarity,
            doc._.fixed,
            doc.user_data.get("previous"),
        )
        doc._.weaknesses = tuple(ids)
        if ids and doc._.polarity == "neutral":
            doc._.polarity = "weakness"  # a sentence that states a shortcoming criticises
        doc.spans["weaknesses"] = [Span(doc, 0, len(doc), label="weakness", span_id=i) for i in ids]
        return doc


@Language.factory("kg_weaknesses")
def make_weaknesses(nlp: Language, name: str) -> WeaknessTagger:
    return WeaknessTagger()
