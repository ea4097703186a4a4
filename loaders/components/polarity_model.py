"""`kg_polarity_model`: a small trained text classifier gives a sentence of description its final polarity.

It reads what the rules read (the sentence and its section) plus what the rules made of it, as leading
words: their verdict, how many praise and criticism cues they found (up to 3), whether they read it as a
shortcoming that is over, and whether a contrast word sets one part of it against another
("section=help-and-protection rule=neutral praise=0 criticism=1 contrast Children are seen ..."). The cue counts
and the contrast word were chosen by grouped cross-validation over the labelled reports (0.827 with the verdict
alone, 0.843 with them). On sentences of reports it was not trained on it agrees with the annotators more often
than the rules alone, mostly on description that the annotators call praise or criticism where the rules find no
cue (figures in README, "Measured accuracy").

The rules' verdict stands for a recommendation ("Ensure that plans are timely"), which asks for what is
missing: every one in the label files is a weakness, and the model, reading its praise words, sometimes says
strength. So it does for an item of a "What needs to improve" list that the rules call criticism: once the
judgement headings printed "... are: Outstanding" and the LSCB chapter's wrapped heading were read, 119 of the 120
labelled sentences of these lists are criticism, and the model (grouped cross-validation) called 10 of them
praise. (Items of the strengths lists are left to the model.) It stands for the sections that describe rather
than judge (the area's figures, the inspection's particulars, what the grades mean), where all 82 labelled
sentences are neutral. It stands, too, for a bare count with no cue
("There are 350 children in care."), which the model would sometimes call praise. And a sentence in which the
rules found a recurring weakness stays critical whatever the model says: a stated shortcoming criticises.

The model is a spaCy bag-of-words textcat (about 1 MB) in loaders/models/polarity, trained by
scripts/train_polarity_model.py on the hand-labelled sentences of tests/data/labels. Retrain it whenever the
rules whose verdict it reads change (a test says which files, and fails until you do).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch
from spacy.vocab import Vocab

from loaders.components.bag_of_words import BagOfWords
from loaders.components.doc_text import sentence_text
from loaders.components.polarity import cue_text, is_recommendation, sets_against
from loaders.sections import NO_FINDING_SECTIONS

__all__ = ["MODEL_DIR", "PolarityModel", "classifier_doc"]

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "polarity"
CRITICAL = ("weakness", "mixed")
# A count or rate: "There are 350 children in care.", "38% of visits". Not the paragraph number ("41.Young people
# are ..."), a timescale ("within 24 hours"), a section of an Act ("section 47"), a year, an age or an ordinal: over
# the labels, grouped by report, the model is right more often than the rules on sentences whose only figures are
# these (24 of 32 against 20), the rules on counts (51 of 69 against 45).
_NOT_A_COUNT = re.compile(
    r"^\s*\d+[.)](?!\d)"
    r"|\b(?:section|s|article|tier|level|stage|year|aged?)\s*\.?\s*\d+(?:\s*(?:[-–−]|to|and|or)\s*\d+)?"
    r"|\b\d+\s*-?\s*(?:hours?|days?|working|weeks?|months?|years?|year-olds?|minutes?)\b"
    r"|\b(?:19|20)\d\d(?:\s*[-–−/]\s*\d\d(?:\d\d)?)?\b|\b\d+(?:st|nd|rd|th)\b"
    r"|\b\d{1,2} (?:january|february|march|april|may|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
BATCH_SIZE = 256

if not Doc.has_extension("rule_polarity"):
    Doc.set_extension("rule_polarity", default=None)


def leading_words(doc: Doc) -> tuple[str, ...]:
    """What the rules made of an annotated sentence, as the classifier reads it before the sentence's tokens."""
    rules = doc._  # each doc._ makes a new accessor object
    words = [
        f"section={rules.section or 'none'}",
        f"rule={rules.polarity}",
        f"praise={min(len(rules.praise_cues), 3)}",
        f"criticism={min(len(rules.criticism_cues), 3)}",
    ]
    if rules.fixed:
        words.append("fixed")
    # a contrast as the rules read one, on the cue text before their praise and criticism exceptions (grouped CV:
    # 0.839 against 0.838 for any contrast word)
    if sets_against(cue_text(sentence_text(doc))):
        words.append("contrast")
    return tuple(words)


def classifier_doc(vocab: Vocab, doc: Doc) -> Doc:
    """What the classifier is trained on: the leading words, then the sentence's tokens. The pipeline scores
    the same words without building this Doc (PolarityModel.scores)."""
    return Doc(vocab, words=[*leading_words(doc), *(token.text for token in doc)])


def _rules_verdict_stands(doc: Doc) -> bool:
    """True for the sentences the model does not read (the module says why): a recommendation, an item of what
    needs to improve that the rules call criticism, a sentence of the sections that describe (the area, the
    inspection, what grades mean), and a bare count with no praise or criticism cue
    ("There are 350 children in care."). For bare counts, over the labelled sentences grouped by report, the
    rules are right on 51 of 69, the model on 45; and a bare count called praise is a verdict the text does not
    give."""
    text = sentence_text(doc)
    rules = doc._
    if is_recommendation(text) or (rules.section == "improvements" and rules.polarity == "weakness"):
        return True
    if rules.section in NO_FINDING_SECTIONS:
        return True  # description, not judgement (polarity.py)
    if rules.polarity != "neutral" or rules.praise_cues or rules.criticism_cues:
        return False
    return _states_a_count(text)


def _states_a_count(text: str) -> bool:
    """Whether the sentence gives a count or rate (the module's comment on _NOT_A_COUNT says which figures are not)."""
    return bool(_DIGIT.search(_NOT_A_COUNT.sub(" ", text)))


class PolarityModel:
    """Reads doc._.polarity (the rules' verdict, kept in doc._.rule_polarity) and writes the model's."""

    def __init__(self, path: Path = MODEL_DIR):
        self.classifier = BagOfWords(path, "textcat")

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def scores(self, docs: list[Doc]) -> numpy.ndarray:
        """The model's probabilities (rows: docs; columns: its labels), as its textcat gives them."""
        return self.classifier.scores(
            [numpy.concatenate([self.classifier.prefix(leading_words(doc)), doc.to_array([ORTH])]) for doc in docs]
        )

    def pipe(self, docs: Iterable[Doc], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            for doc in batch:
                ext = doc._  # each doc._ makes a new accessor object
                ext.rule_polarity = ext.polarity
            free = [doc for doc in batch if not _rules_verdict_stands(doc)]
            for doc, row in zip(free, self.scores(free) if free else [], strict=True):
                verdict = self.classifier.labels[int(row.argmax())]
                ext = doc._
                if not (ext.weaknesses and verdict not in CRITICAL):  # a stated shortcoming stays critical
                    ext.polarity = verdict
            yield from batch


@Language.factory("kg_polarity_model")
def make_polarity_model(nlp: Language, name: str) -> PolarityModel:
    return PolarityModel()
