"""`kg_polarity_model`: a small trained text classifier gives each sentence its final polarity.

It reads what the rules read (the sentence and its section) plus the rules' own verdict, as two leading
words: "section=help-and-protection rule=neutral Children are seen ...". On sentences of reports it was not
trained on it agrees with the annotators more often than the rules alone, mostly on description that the
annotators call praise or criticism where the rules find no cue (figures in README, "Measured accuracy").

A sentence in which the rules found a recurring weakness keeps a critical polarity whatever the model says:
a stated shortcoming criticises.

The model is a spaCy bag-of-words textcat (about 1 MB) in loaders/models/polarity, trained by
scripts/train_polarity_model.py on the hand-labelled sentences of tests/data/labels. Retrain it whenever the
polarity or weakness rules change, since their verdict is one of its inputs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch
from spacy.vocab import Vocab

__all__ = ["MODEL_DIR", "PolarityModel", "classifier_doc", "load_classifier"]

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "polarity"
CRITICAL = ("weakness", "mixed")

if not Doc.has_extension("rule_polarity"):
    Doc.set_extension("rule_polarity", default=None)


def classifier_doc(vocab: Vocab, words: Sequence[str], section: str | None, rule_polarity: str) -> Doc:
    """What the classifier reads; training and the pipeline both build it here, so their features match."""
    return Doc(vocab, words=[f"section={section or 'none'}", f"rule={rule_polarity}", *words])


@cache
def load_classifier(path: Path = MODEL_DIR) -> Language:
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(f"{path}: no polarity model (train it with scripts/train_polarity_model.py)")
    return spacy.load(path)


class PolarityModel:
    """Reads doc._.polarity (the rules' verdict, kept in doc._.rule_polarity) and writes the model's."""

    def __init__(self, path: Path = MODEL_DIR, batch_size: int = 256):
        self.classifier = load_classifier(path)
        model = self.classifier.get_pipe("textcat").model
        # The bag-of-words model is extract_ngrams >> sparse_linear >> softmax. Building a second Doc per
        # sentence (classifier_doc) costs twice the model itself, so the pipeline hashes the n-grams of the
        # sentence's own tokens here and runs the two layers after them; a test checks the scores are the same.
        self._ngram_size = model.layers[0].layers[0].layers[0].attrs["ngram_size"]
        self._linear = model.layers[0].layers[0].layers[1]
        self._softmax = model.layers[1]
        self._labels = self.classifier.get_pipe("textcat").labels
        self._prefixes: dict[tuple[str | None, str], numpy.ndarray] = {}
        self.batch_size = batch_size

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def _prefix(self, section: str | None, rule_polarity: str) -> numpy.ndarray:
        key = (section, rule_polarity)
        if key not in self._prefixes:
            words = classifier_doc(self.classifier.vocab, [], section, rule_polarity)
            self._prefixes[key] = words.to_array([ORTH])
        return self._prefixes[key]

    def scores(self, docs: list[Doc]) -> numpy.ndarray:
        """The model's probabilities (rows: docs; columns: self._labels), as textcat would give them."""
        ops = self._linear.ops
        keys, counts = [], []
        for doc in docs:
            unigrams = numpy.concatenate([self._prefix(doc._.section, doc._.polarity), doc.to_array([ORTH])])
            grams = [unigrams] + [ops.ngrams(n, unigrams) for n in range(2, self._ngram_size + 1)]
            unique, count = numpy.unique(numpy.concatenate(grams), return_counts=True)
            keys.append(unique)
            counts.append(count)
        lengths = ops.asarray([len(k) for k in keys], dtype="int32")
        features = (numpy.concatenate(keys), ops.asarray(numpy.concatenate(counts), dtype="f"), lengths)
        return self._softmax.predict(self._linear.predict(features))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size or self.batch_size):
            for doc, row in zip(batch, self.scores(batch), strict=True):
                doc._.rule_polarity = doc._.polarity
                verdict = self._labels[int(row.argmax())]
                if doc._.weaknesses and verdict not in CRITICAL:
                    verdict = doc._.polarity  # the rules found a stated shortcoming
                doc._.polarity = verdict
                yield doc


@Language.factory("kg_polarity_model")
def make_polarity_model(nlp: Language, name: str) -> PolarityModel:
    return PolarityModel()
