"""Sentences -> findings: what each sentence is about, whether it praises or criticises, which weaknesses."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from loaders.components.doc_text import sentence_text
from loaders.components.theme_model import found_themes
from loaders.records import Finding, Recommendation, Sentence
from loaders.sections import BOARD_SECTIONS
from ontology import with_broader

__all__ = ["annotate_texts", "annotated_docs", "extract_findings", "read_doc", "report_docs", "tag_recommendations"]


def annotated_docs(
    nlp: Language,
    texts: Iterable[str],
    sections: Iterable[str | None],
    in_sequence: bool = False,
    paragraphs: Iterable[int | None] | None = None,
) -> Iterator[Doc]:
    """The texts run through the pipeline, each with its section (and, `in_sequence`, the text before it and,
    given the report's paragraph numbers, the text before it in its paragraph), as annotated Docs: what findings
    are read from, and what the trained models are trained on."""

    # The section and the sentences before are context the components need, so docs are made and passed
    # through by hand.
    def made() -> Iterator[Doc]:
        previous, paragraph, paragraph_texts = None, None, []
        if paragraphs is None:
            rows = ((text, section, None) for text, section in zip(texts, sections, strict=True))
        else:
            rows = zip(texts, sections, paragraphs, strict=True)
        for text, section, number in rows:
            doc = nlp.make_doc(text)
            doc.user_data["text"] = text  # Doc.text joins every token again at each call
            doc.user_data["previous"] = previous
            if number is None or number != paragraph:
                paragraph, paragraph_texts = number, []
            doc.user_data["paragraph_before"] = " ".join(paragraph_texts) or None
            if in_sequence:
                previous = text
                if number is not None:
                    paragraph_texts.append(text)
            doc._.section = section
            yield doc

    docs = made()
    for _, component in nlp.pipeline:
        # a component with .pipe (the trained models) reads the docs in batches: one model call per batch
        docs = component.pipe(docs) if hasattr(component, "pipe") else map(component, docs)
    return docs


def read_doc(doc: Doc) -> dict[str, object]:
    """Concept ids and polarity of an annotated doc."""
    # the themes the rules' phrases name, with their broader ones, but those the model all but rules out
    ext = doc._  # each doc._ makes a new accessor object
    doubted = ext.doubted_themes
    named = with_broader({theme for theme in found_themes(doc) if theme not in doubted}, "themes")
    themes = with_broader({*named, *ext.model_themes}, "themes")
    services = {s.id_ for s in doc.spans.get("services", [])}
    if ext.section in BOARD_SECTIONS:
        services.add("safeguarding-board")  # a report's LSCB chapter is about the board throughout
    return {
        "text": sentence_text(doc),
        "themes": list(themes),
        "service_areas": list(with_broader(services, "services")),
        "partners": sorted({s.id_ for s in doc.spans.get("partners", [])}),
        "polarity": ext.polarity,
        "weaknesses": sorted(ext.weaknesses),
        "classifier_themes": [theme for theme in themes if theme not in named],
    }


def report_docs(nlp: Language, sentences: list[Sentence]) -> Iterator[Doc]:
    """A report's sentences in order, each read with its section, the sentence before and its paragraph: what
    findings are read from, and what the models are trained on."""
    return annotated_docs(
        nlp,
        (s.text for s in sentences),
        (s.section for s in sentences),
        in_sequence=True,
        paragraphs=(s.paragraph for s in sentences),
    )


def extract_findings(sentences: list[Sentence], nlp: Language) -> list[Finding]:
    """One finding per sentence, with its concepts, polarity and weaknesses."""
    findings = []
    for sentence, doc in zip(sentences, report_docs(nlp, sentences), strict=True):
        read = read_doc(doc)
        findings.append(
            Finding(
                sentence=sentence,
                polarity=read["polarity"],
                themes=tuple(read["themes"]),
                service_areas=tuple(read["service_areas"]),
                partners=tuple(read["partners"]),
                weaknesses=tuple(read["weaknesses"]),
                classifier_themes=tuple(read["classifier_themes"]),
            )
        )
    return findings


def annotate_texts(texts: Iterable[str], nlp: Language, section: str | None = None) -> list[dict[str, object]]:
    """{"text", "themes", "service_areas", "partners", "polarity", "weaknesses", "classifier_themes"} for each
    text."""
    texts = list(texts)
    return [read_doc(doc) for doc in annotated_docs(nlp, texts, [section] * len(texts))]


def tag_recommendations(
    recommendations: list[Recommendation], nlp: Language, findings: Iterable[Finding] = ()
) -> list[Recommendation]:
    """The recommendations with the themes (and weaknesses' themes) their text is about, and which of those only
    the classifier gave. A recommendation that is also a finding's sentence takes that finding's themes, so that
    the graph gives one sentence one set of themes (the finding was read with the sentence before it, which the
    theme model reads too)."""
    found = {f.sentence.text: {"themes": f.themes, "classifier_themes": f.classifier_themes} for f in findings}
    alone = [r for r in recommendations if r.text not in found]
    docs = annotated_docs(nlp, [r.text for r in alone], ["improvements"] * len(alone))
    for recommendation, doc in zip(alone, docs, strict=True):
        read = read_doc(doc)
        found[recommendation.text] = {key: tuple(read[key]) for key in ("themes", "classifier_themes")}
    return [replace(r, **found[r.text]) for r in recommendations]
