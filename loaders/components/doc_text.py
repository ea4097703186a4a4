"""The sentence a doc was made from, as the components read it."""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["sentence_lower", "sentence_text"]


def sentence_text(doc: Doc) -> str:
    """The sentence itself: kept in user_data when the doc is made, since Doc.text joins every token again."""
    return doc.user_data.get("text") or doc.text


def sentence_lower(doc: Doc) -> str:
    """The sentence in lower case, made once per doc for the several rules that test it."""
    lower = doc.user_data.get("lower")
    if lower is None:
        lower = doc.user_data["lower"] = sentence_text(doc).lower()
    return lower
