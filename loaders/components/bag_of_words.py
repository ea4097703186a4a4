"""BagOfWords: a trained spaCy bag-of-words text classifier, scored straight from a sentence's token hashes.

Both trained models (polarity_model.py, theme_model.py) read a few leading words (what the rules found) before
the sentence's own tokens. Building a second Doc per sentence to hold them costs twice the model itself, so
scores() hashes the n-grams of the leading words and the sentence's tokens and runs the model's two layers
after its n-gram extraction (sparse linear, then softmax or logistic). Tests check the scores are spaCy's own.
"""

from __future__ import annotations

from pathlib import Path

import numpy
import spacy
from spacy.attrs import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

__all__ = ["BagOfWords"]

PLAIN_TOKENIZER = "kg_plain_tokenizer.v1"


@spacy.registry.tokenizers(PLAIN_TOKENIZER)
def plain_tokenizer():
    """A tokenizer without English's special cases, for a model that never tokenizes (scores() reads token
    hashes): loading those cases took a quarter of a second a model, a tenth of a worker's start."""
    return lambda nlp: Tokenizer(nlp.vocab)


class BagOfWords:
    """The model in `path` (a spaCy pipeline of one textcat or textcat_multilabel, TextCatBOW over ORTH)."""

    def __init__(self, path: Path, pipe_name: str):
        if not (path / "config.cfg").is_file():
            raise FileNotFoundError(f"{path}: no trained model here (train it with `make models`)")
        # only the vocab (string hashes) and the textcat are used: the saved tokenizer is not loaded
        self.nlp = spacy.load(
            path, exclude=["tokenizer"], config={"nlp": {"tokenizer": {"@tokenizers": PLAIN_TOKENIZER}}}
        )
        self.textcat = self.nlp.get_pipe(pipe_name)
        layers = {layer.name: layer for layer in self.textcat.model.walk()}
        ngrams = layers.get("extract_ngrams")
        self._activation = layers.get("softmax_activation") or layers.get("logistic")
        if ngrams is None or self._activation is None or ngrams.attrs["attr"] != ORTH:
            raise ValueError(f"{path}: not the bag-of-words model over ORTH that this project reads")
        self._ngram_size = ngrams.attrs["ngram_size"]
        self._linear = self.textcat.model.get_ref("output_layer")
        self.labels = tuple(self.textcat.labels)
        self._hashes: dict[str, numpy.uint64] = {}

    def prefix(self, words: tuple[str, ...]) -> numpy.ndarray:
        """The hashes of leading words (ORTH of each word as one token). Each word's hash is kept: there are few
        distinct words (sections, labels), though many distinct sequences of them."""
        for word in words:
            if word not in self._hashes:
                self._hashes[word] = Doc(self.nlp.vocab, words=[word]).to_array([ORTH])[0]
        return numpy.array([self._hashes[word] for word in words], dtype=numpy.uint64)

    def scores(self, token_hashes: list[numpy.ndarray]) -> numpy.ndarray:
        """Probabilities (rows: the hash sequences given; columns: self.labels), as the textcat gives them."""
        ops = self._linear.ops
        # The n-grams of every sequence at once, over their concatenation, less those that span two sequences;
        # then each sequence's distinct n-grams and their counts, sorted, as numpy.unique gives them one by one
        # (a call per sentence cost more than the model).
        sizes = numpy.array([len(hashes) for hashes in token_hashes])
        if not len(sizes) or not sizes.all():
            raise ValueError("BagOfWords.scores: every sequence needs a token (the leading words give one)")
        tokens = numpy.concatenate(token_hashes)
        owner = numpy.repeat(numpy.arange(len(sizes)), sizes)
        grams, owners = [tokens], [owner]
        for n in range(2, min(self._ngram_size, len(tokens)) + 1):
            first, last = owner[: len(tokens) - n + 1], owner[n - 1 :]
            within = first == last
            grams.append(ops.ngrams(n, tokens)[within])
            owners.append(first[within])
        keys, owner = numpy.concatenate(grams), numpy.concatenate(owners)
        order = numpy.lexsort((keys, owner))
        keys, owner = keys[order], owner[order]
        starts = numpy.flatnonzero(numpy.concatenate(([True], (keys[1:] != keys[:-1]) | (owner[1:] != owner[:-1]))))
        counts = numpy.diff(numpy.append(starts, len(keys)))
        lengths = ops.asarray(numpy.bincount(owner[starts], minlength=len(sizes)), dtype="int32")
        features = (keys[starts], ops.asarray(counts, dtype="f"), lengths)
        return self._activation.predict(self._linear.predict(features))
