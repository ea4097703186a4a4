"""`kg_polarity`: does a sentence praise, criticise, do both, or only describe? Writes doc._.polarity.

Rules over cue lists (patterns/polarity.json): praise cues count against criticism cues; a praise cue
after a negator flips ("not always effective"); a sentence with both and a contrast word ("although",
"however"; not "not yet") is mixed; a sentence that opens "However," with no cue of its own criticises;
awareness of a gap ("leaders are aware of these gaps and are acting") is mixed; a sentence under a list
heading takes that list's side when it has no cue of its own.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from loaders.components.doc_text import sentence_text
from loaders.sections import NO_FINDING_SECTIONS

__all__ = [
    "SECTION_PRIOR",
    "YET_AS_CONTRAST",
    "PolarityScorer",
    "cue_lexicon",
    "cue_text",
    "is_recommendation",
    "not_criticism",
    "score_polarity",
    "sets_against",
]

PATTERN_PATH = Path(__file__).resolve().parent.parent / "patterns" / "polarity.json"
# Section kinds whose sentences are, by the report's own structure, praise or criticism.
SECTION_PRIOR = {"strengths": "strength", "improvements": "weakness"}

for name, default in (
    ("polarity", "neutral"),
    ("section", None),
    ("praise_cues", ()),
    ("criticism_cues", ()),
    ("fixed", False),
):
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=default)


def _alternation(phrases: list[str]) -> re.Pattern[str]:
    """One regex matching any of the phrases as whole words, the longest where several start at one place
    ("not yet" before "not").

    The phrases are written as a trie ("not(?: yet)?"): a flat alternation of 300 phrases makes the regex
    engine try each in turn at every position, and a trie reads each character once. Greedy optional
    branches try the longer phrase first, so the match is the same as a longest-first alternation's. (That
    holds because the regex is case-sensitive, as the lower-cased text it reads: under re.IGNORECASE two
    sibling branches could both match. weaknesses.py embeds these patterns in its own, which are too.)
    """
    trie: dict[str, dict] = {}
    for phrase in set(phrases):
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here

    def written(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + written(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(r"(?<![\w-])(" + written(trie) + r")(?![\w-])")


@cache
def _lexicon_lists() -> dict[str, list[str]]:
    return json.loads(PATTERN_PATH.read_text(encoding="utf-8"))


@cache
def cue_lexicon() -> dict[str, re.Pattern[str]]:
    """patterns/polarity.json compiled: one alternation per list; "praise" includes the denied shortcomings."""
    lists = _lexicon_lists()
    lists = dict(lists, praise=lists["praise"] + lists["denied_shortcomings"])
    return {key: _alternation(values) for key, values in lists.items() if not key.startswith("_")}


@cache
def _denied_shortcomings() -> frozenset[str]:
    return frozenset(_lexicon_lists()["denied_shortcomings"])


def cue_text(text: str) -> str:
    """A sentence as the cue lists are matched against it: lower case, one space between words, straight quote."""
    return " ".join(text.lower().split()).replace("’", "'")


# Recommendations open with an imperative verb; "What needs to improve" lists are made of them.
_IMPERATIVE = re.compile(
    r"\W*(\d+[.)]?\s*)?(?:in particular,? )?"
    r"(enable|ensure|improve|strengthen|undertake|make sure|develop|increase|reduce|"
    r"review (?:the|and|all|how|whether)|provide|establish|embed|implement|address|prioritise|raise|"
    r"secure|take action)\b"
)


# "The inspection did not find any areas for priority and immediate action", "There are no priority or immediate
# actions": the list says there is nothing on it
_NONE_TO_IMPROVE = re.compile(r"\b(?:no|not (?:find|identify) any) (?:\w+ ){0,2}(?:areas? for|priority)\b")


def is_recommendation(text: str) -> bool:
    """True for a sentence that opens with a recommendation's imperative ("Ensure that plans are timely")."""
    return bool(_IMPERATIVE.match(cue_text(text)))


_LEADING_CONTRAST = re.compile(r"^\W*(?:however|but|yet|nevertheless|nonetheless|even so)\b,?")
# "not yet" and "yet to" set nothing against anything; ", however," in mid-sentence answers the sentence before
_YET_AFTER = ("not", "as", "is", "are", "has", "have")  # "not yet", "is yet to": no contrast in these
_NOT_A_CONTRAST = re.compile(rf"\b(?:{'|'.join(_YET_AFTER)}) yet\b|\byet to\b|, (?:however|though|nevertheless),")
# "yet" as a contrast ("timely, yet not thorough"), for readers that split on contrasts rather than strip
YET_AS_CONTRAST = "".join(f"(?<!{word} )" for word in _YET_AFTER) + r"\byet\b(?! to)"

_NOT_PRAISE = re.compile(
    r"strengths? and difficult\w* questionnaires?|"
    r"as well as|as well|well-being|wellbeing|experiences and progress|good practice guidance|"
    r"good enough to|well known"
)


# Conditions and comparisons that name a shortfall without finding one: "where reunification is not possible",
# "when a case does not meet the threshold", "partners are less inclined to make inappropriate referrals"
_NOT_CRITICISM = re.compile(
    r"(?:^|, )(?:where|when|if)(?: \w+){0,4} (?:is|are) not (?:possible|appropriate|safe|in their best interests?)|"
    r"\b(?:where|when|if)(?: \w+){0,4} (?:does|do) not meet (?:the )?(?:\w+ ){0,2}thresholds?|"
    r"\bless (?:inclined|likely) to make inappropriate|"
    r"\bwho (?:are|were) not (?:looked after|in care|known)|"
    r"\b(?:none|no cases?) (?:was|were) seen (?:where|in which)[^,;]*|"
    r"\b(?:did|does|do) not (?:find|identify) any (?:areas?|priority)|"  # "did not find any areas for priority action"
    # "areas in which improvement is needed", "where there is a need to protect children": a place, not a finding
    r"\b(?:where|in which) (?:further )?improvements? (?:is|are) (?:needed|required)|\bwhere there is a need to|"
    # the last inspection's verdict, from which progress is measured: "since 2017, when it was judged inadequate"
    r"\bwhen (?:[\w'-]+ ){0,8}(?:was|were) (?:judged|found) (?:to be )?(?:inadequate|to require improvement)|"
    # "saw no examples where ...", "inspectors did not see any cases where risks were not identified"
    r"\b(?:found|saw|seen) no (?:cases|examples|instances) (?:of|where|in which)[^,;]*|"
    r"\b(?:did|do|does) not (?:see|find) any (?:cases|examples|instances|children) (?:of|where|in which|whose)[^,;]*|"
    # what managers are to challenge, not a finding: "scrutiny and challenge to poor performance"
    r"\bchalleng\w* (?:to |of )?poor (?:performance|practice)\b"
)


def not_criticism(lower: str) -> str:
    """The text without the conditions and comparisons that name a shortfall without finding one."""
    if not any(word in lower for word in (" not ", "less ", " seen ", "where ", "which ", "when ", " no ", "challeng")):
        return lower  # every such phrase has one of these words: most sentences need no regex pass
    return _NOT_CRITICISM.sub(" ", lower)


# A subject that "few" or "none" quantifies turns what its clause says: "Few plans are realistic" criticises and
# "none are placed in bed and breakfast" praises (the cues it turns are named "few … realistic", "few … bed and
# breakfast" whichever the quantifier). The clause runs to the next clause boundary or quantifier.
_FEW_SUBJECT = re.compile(
    r"(?:^\W*(?:\d+[.)]\s*)?(?:however,? |but )?|[;:] |,? (?:and|but) )"
    r"(?:there (?:is|are|was|were) )?(?:only |very |too |relatively )?"
    r"(?:few|none|no (?:child|children|young people|care leavers|cases?|families|plans?))(?![\w-])"
)
_CLAUSE_END = re.compile(
    r"[;:]|,? but |, (?:and|although|though|while|whilst|which|so|as|even|should|with|where|when|because|resulting|"
    r"meaning|this|that|these|it|there)\b| unless\b| and (?:this|that|it) "
    # "and their participation is underdeveloped" (not "and who are placed with family")
    r"| and (?!who |which |that |whose )(?=(?:\S+ ){0,4}(?:is|are|was|were|has|have|had)\b)"
)


_LESS_BEFORE = re.compile(r"(?<!\bno )(?<!\bnot )\b(?:less|fewer) $")  # "less delay", not "no less delay"


def _few_scopes(lower: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the clauses whose subject is quantified by "few" or "none"."""
    if "few" not in lower and "none" not in lower and "no " not in lower:
        return []  # most sentences have none of these: no regex pass
    quantifiers = list(_FEW_SUBJECT.finditer(lower))
    scopes = []
    for k, quantifier in enumerate(quantifiers):
        end = quantifiers[k + 1].start() if k + 1 < len(quantifiers) else len(lower)
        if clause_end := _CLAUSE_END.search(lower, quantifier.end(), end):
            end = clause_end.start()
        scopes.append((quantifier.end(), end))
    return scopes


_QUALIFIERS = frozenset("less not requires require required needs need".split())


def _qualifies(criticism: re.Match[str], praise: re.Match[str]) -> bool:
    """Whether a criticism cue holds the praise word and turns it ("less effective", "requires improvement"); in
    "areas for improvement" the two still weigh against each other, as a neutral phrase."""
    if not (criticism.start() <= praise.start() and praise.end() <= criticism.end()):
        return False
    lead = criticism.string[criticism.start() : praise.start()].split()
    return bool(lead) and lead[-1] in _QUALIFIERS


def _scope_start(match: re.Match[str], scopes: list[tuple[int, int]]) -> int | None:
    """Where the few/none clause holding the match starts (clauses do not overlap), or None."""
    return next((start for start, end in scopes if start <= match.start() < end), None)


def sets_against(lower: str) -> bool:
    """Whether a contrast word inside the sentence sets one part against another: not "not yet" or "yet to", not
    a leading "However," (which answers the sentence before) and not ", however," in mid-sentence."""
    return bool(cue_lexicon()["contrast"].search(_NOT_A_CONTRAST.sub(" ", _LEADING_CONTRAST.sub("", lower))))


def score_polarity(text: str, section: str | None = None) -> tuple[str, list[str], list[str], bool]:
    """(polarity, praise cues, criticism cues, says-it-is-fixed) of one sentence.

    >>> score_polarity("Strategy discussions take place solely with the police, which is not in line with guidance.")[0]
    'weakness'
    >>> score_polarity("Although assessments are timely, plans are too often vague.")[0]
    'mixed'
    >>> score_polarity("Return home interviews are offered to all children.")[0]
    'neutral'
    """
    lexicon = cue_lexicon()
    cue = cue_text(text)
    lower = not_criticism(_NOT_PRAISE.sub(" ", cue))
    none_to_improve = section == "improvements" and bool(_NONE_TO_IMPROVE.search(cue))
    # "without delay", "plans do not drift": a shortcoming denied is praise, so its words are not criticism
    praise_matches = list(lexicon["praise"].finditer(lower))
    denied = [(m.start(), m.end()) for m in praise_matches if m.group(0) in _denied_shortcomings()]
    criticism_matches = [
        m
        for m in lexicon["criticism"].finditer(lower)
        if not any(m.start() < end and start < m.end() for start, end in denied)
    ]
    scopes = _few_scopes(lower)
    # a criticism cue praises in a few/none clause ("few wait too long") and after "less" ("less delay")
    criticism, turned, lessened = [], [], []
    for m in criticism_matches:
        if _scope_start(m, scopes) is not None:
            turned.append(f"few … {m.group(0)}")
        elif _LESS_BEFORE.search(lower, 0, m.start()):
            lessened.append(f"less … {m.group(0)}")
        else:
            criticism.append(m.group(0))
    praise = turned + lessened
    unnegated = lower  # the denied shortcomings' own "no", "not", "without" negate nothing else
    for start, end in denied:
        unnegated = unnegated[:start] + "x" * (end - start) + unnegated[end:]
    for match in praise_matches:
        if any(_qualifies(c, match) for c in criticism_matches):
            continue  # "effective" in the criticism cue "less effective": one phrase, one cue
        # in a "few" clause, only a negator after the quantifier counts ("few" itself is one)
        scope = _scope_start(match, scopes)
        before = unnegated[max(0, match.start() - 40, scope or 0) : match.start()].split()[-4:]
        negated = bool(lexicon["negators"].search(" ".join(before))) or (
            before[-1:] == ["less"] and before[-2:-1] not in (["no"], ["not"])  # "less robust", not "no less robust"
        )
        if scope is not None and not negated:
            criticism.append(f"few … {match.group(0)}")  # "very few plans are specific, measurable, realistic"
        elif scope is not None:
            praise.append(match.group(0))  # "no case is closed without a successful conclusion": two negatives
        elif negated:
            criticism.append(f"not … {match.group(0)}")  # "not always effective", "less robust" criticise
        else:
            praise.append(match.group(0))
    for start, end in scopes:
        if not any(start <= m.start() < end for m in [*praise_matches, *criticism_matches]):
            if practice := lexicon["few_practice"].search(lower, start, end):
                criticism.append(f"few … {practice.group(0)}")  # "few strategy discussions record concerns"
    # "no longer", "has been addressed" say a shortcoming is over, unless the sentence says it is still there
    fixed = bool(lexicon["fixed"].search(lower)) and not lexicon["unfixed"].search(lower)
    if fixed and criticism and not praise:
        polarity = "strength"  # "drift is no longer a feature": an improvement is praise
    elif praise and criticism:
        # a contrast inside the sentence sets its two halves against each other; a leading "However," sets
        # the whole sentence against the one before it
        if sets_against(lower):
            polarity = "mixed"
        elif len(criticism) >= len(praise):
            polarity = "weakness"
        else:
            polarity = "strength"
    elif criticism:
        polarity = "weakness"
    elif praise:
        polarity = "strength"
    else:
        polarity = "neutral" if none_to_improve else SECTION_PRIOR.get(section or "", "neutral")
    if polarity == "weakness" and section not in SECTION_PRIOR and _concedes(lower, lexicon):
        polarity = "mixed"  # "While children take part in direct work, their views do not inform plans"
    if polarity == "neutral" and _LEADING_CONTRAST.match(lower) and not fixed:
        polarity = "weakness"  # "However, there are issues about contact": set against the praise before it
    if section in SECTION_PRIOR and polarity == "neutral" and not none_to_improve:
        polarity = SECTION_PRIOR[section]
    elif section not in SECTION_PRIOR and not fixed and (mixed_cue := lexicon["mixed"].search(lower)):
        # "leaders are aware of this and are taking action": progress and a gap at once; awareness alone
        # ("acutely aware of the impact of trauma") concedes nothing unless a gap is named beside it, and
        # unawareness ("leaders were not aware of some of the shortfalls") concedes nothing at all
        concedes_a_gap = (
            not _AWARE_OF.fullmatch(mixed_cue.group(0)) or criticism or _GAP.search(lower[mixed_cue.end() :])
        )
        if concedes_a_gap and not _NOT_AWARE.search(lower):
            polarity = "mixed"
    imperative = bool(_IMPERATIVE.match(lower))
    listed_for_improvement = section == "improvements" and not none_to_improve
    if (imperative or listed_for_improvement) and polarity in ("strength", "neutral") and not fixed:
        # A recommendation ("Ensure that plans are timely") or an item of what needs to improve ("Decision-making
        # in the MASH consistently adheres to threshold guidance") asks for what is missing: its praise words
        # describe the goal, not the practice, so it criticises (119 of the 120 labelled list items do)
        polarity = "weakness"
    if section in NO_FINDING_SECTIONS:
        # Ofsted's words on what a grade means, the area's figures and the inspection's particulars judge
        # nothing: every one of the 82 labelled sentences of these sections is neutral
        polarity = "neutral"
    return polarity, praise, criticism, fixed


# "Although X, Y" / "X, but Y": a concession and a main clause
_CONCESSION = re.compile(
    r"^\W*(?:although|while|whilst|despite|though)\b(?P<first>.*?),(?P<second>.*)$"
    r"|^(?P<before>.*?)[,;]\s*(?:but|although|however|though|while|whilst|yet)\b(?!,)(?P<after>.*)$"
)
_BARE_CREDIT = re.compile(r"\bdespite (?:this|these|the|some|considerable)\b")  # "Despite this progress, ..."
_NEGATION = re.compile(r"\b(?:not|no|never|lack)\b")
# "aware of the issues" concedes a gap, "aware of the impact of trauma" does not ("aware of this" points back to one)
_AWARE_OF = re.compile(r"aware of (?:the|some|where)")
_GAP = re.compile(
    r"\b(?:issues?|gaps?|shortfalls?|weakness\w*|deficits?|areas for (?:improvement|development)|challenges?|"
    r"need to|problems?|concerns?)\b"
)
_NOT_AWARE = re.compile(r"\b(?:not|un)(?: \w+)? ?aware\b")


def _concedes(lower: str, lexicon: dict[str, re.Pattern[str]]) -> bool:
    """True when a criticising sentence grants something in one half and faults in the other only: the
    annotators read "While children are seen and take part in direct work, their views are not consistently
    informing plans" as mixed, though only its second half has a cue."""
    match = _CONCESSION.match(_LEADING_CONTRAST.sub("", lower))
    if not match or _BARE_CREDIT.search(lower):
        return False
    if match.group("second") is not None:
        halves = [match.group("first"), match.group("second")]
    else:
        halves = [match.group("before"), match.group("after")]
    faulted = [bool(lexicon["criticism"].search(half) or _NEGATION.search(half)) for half in halves]
    return faulted.count(False) == 1 and all(len(half.split()) >= 4 for half in halves)


class PolarityScorer:
    """The component: reads doc._.section (set by the caller), writes doc._.polarity and the cues."""

    def __call__(self, doc: Doc) -> Doc:
        ext = doc._  # each doc._ makes a new accessor object
        polarity, praise, criticism, fixed = score_polarity(sentence_text(doc), ext.section)
        ext.polarity, ext.praise_cues, ext.criticism_cues, ext.fixed = (
            polarity,
            tuple(praise),
            tuple(criticism),
            fixed,
        )
        return doc


@Language.factory("kg_polarity")
def make_polarity(nlp: Language, name: str) -> PolarityScorer:
    return PolarityScorer()
