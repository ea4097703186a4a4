"""What the two model-training scripts share (train_polarity_model.py, train_theme_model.py): the label sets, the
labelled sentences as the rules annotate them in their reports, the training loop, and how a model is saved."""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc
from spacy.training import Example

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders import load_report  # noqa: E402
from loaders.findings import report_docs  # noqa: E402
from loaders.nlp import build_nlp  # noqa: E402

LABELS_DIR = ROOT / "tests" / "data" / "labels"
CORPUS = ROOT.parent / "shared" / "corpus" / "pdf"
TRAINING_SETS = (
    "train_sentences.jsonl",
    "contrast_sentences.jsonl",
    "blind_sentences.jsonl",
    "heldout_sentences_independent.jsonl",
    "sentences_heldout.jsonl",
    "newblind_sentences.jsonl",
    "extra_sentences.jsonl",
    "final_sentences.jsonl",
    "sixth_sentences.jsonl",
    "seventh_sentences.jsonl",
    "eighth_sentences.jsonl",
    "ninth_sentences.jsonl",
    "tenth_sentences.jsonl",
    "eleventh_sentences.jsonl",
    "twelfth_sentences.jsonl",
    "thirteenth_sentences.jsonl",
    "fourteenth_sentences.jsonl",
    "fifteenth_sentences.jsonl",
    "sixteenth_sentences.jsonl",
)
# the blind measures
NEVER_TRAINED_ON = ("sealed_sentences.jsonl", "seventeenth_sentences.jsonl")
SPACY_RANGE = ">=3.8.0,<3.9.0"  # as setup.cfg pins it; the models load on any of these

Rows = dict[tuple[str, str], dict]  # (file, sentence) -> its labelled row


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def annotated_rows(rows: Rows, corpus: Path) -> list[tuple[dict, Doc, Doc | None]]:
    """(row, its sentence as the rules annotated it in its report, the sentence before it as annotated, or None
    for a report's first) for every row found in its report."""
    nlp = build_nlp(models=False)
    out = []
    for name in sorted({file for file, _ in rows}):
        sentences = load_report(corpus / name).sentences
        seen = set()  # a sentence a report repeats word for word is one example
        before = None
        for sentence, doc in zip(sentences, report_docs(nlp, sentences), strict=True):
            row = rows.get((name, sentence.text))
            if row is not None and sentence.text not in seen:
                seen.add(sentence.text)
                out.append((row, doc, before))
            before = doc
    return out


def fit(nlp: spacy.language.Language, data: list[Example], epochs: int, seed: int) -> spacy.language.Language:
    """Train the pipeline's one component on `data`, shuffled by `seed`, in batches of 16 with dropout 0.2."""
    if not data:  # --evaluate with a file whose sentences come from every labelled report
        sys.exit("no labelled sentence is left to train on: every one is in a report left out")
    optimizer = nlp.initialize(lambda: data)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for batch in spacy.util.minibatch(data, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.2)
    return nlp


def arguments(description: str, model_dir: Path) -> argparse.Namespace:
    """--out, --corpus and --evaluate, with the corpus checked: the labelled sentences are found in it."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=model_dir)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--evaluate", type=Path, help="labelled sentences to score, training without their reports")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"{args.corpus}: no corpus of report PDFs here (the labelled sentences are found in it)")
    return args


def save(nlp: spacy.language.Language, out: Path, name: str, description: str, training: dict) -> None:
    """Write the model with its meta: `training` (its label sets and rule files by sha256, counts) goes under
    "kg_training", which the tests read to tell whether the model is out of date."""
    nlp.meta["name"] = name
    nlp.meta["description"] = description
    nlp.meta["spacy_version"] = SPACY_RANGE
    nlp.meta["kg_training"] = training
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)


def file_hashes(names: tuple[str, ...], folder: Path) -> dict[str, str]:
    return {name: sha256(folder / name) for name in names}


def training_meta(
    rule_files: tuple[str, ...], sentences: int, labelled: int, epochs: int, seed: int, **counts: object
) -> dict:
    """What a model records of its training ("kg_training" in its meta): the label sets and rule files by sha256,
    which the tests compare with the files as they are, how many labelled sentences it was trained on of how many
    (the rest not found in the corpus), the model's own `counts`, the blind sets left out, epochs and seed."""
    return {
        "sets": file_hashes(TRAINING_SETS, LABELS_DIR),
        "rules": file_hashes(rule_files, ROOT),
        "sentences": sentences,
        "not_found_in_corpus": labelled - sentences,
        **counts,
        "never_trained_on": NEVER_TRAINED_ON,
        "epochs": epochs,
        "seed": seed,
    }
