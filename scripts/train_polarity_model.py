"""Train the polarity model shipped in loaders/models/polarity (see loaders/components/polarity_model.py).

    python scripts/train_polarity_model.py [--out loaders/models/polarity] [--corpus ../shared/corpus/pdf]

Reads the hand-labelled sentences of TRAINING_SETS, finds each in its report in the shared corpus (so that
the rules see the sentence with its section and the sentence before it, as a build does), and trains a
spaCy bag-of-words text classifier on "section=<kind> rule=<the rules' verdict> <the sentence's words>".
sealed_sentences.jsonl is never trained on: it is the blind measure of the result
(`python benchmarks/eval_sentences.py --gold tests/data/labels/sealed_sentences.jsonl`).
Deterministic for a given spaCy version: one seed, one thread. Takes about 20 s.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

import spacy
from spacy.training import Example

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders import load_report  # noqa: E402
from loaders.components.polarity_model import MODEL_DIR, classifier_doc  # noqa: E402
from loaders.findings import extract_findings  # noqa: E402
from loaders.nlp import build_nlp  # noqa: E402

LABELS_DIR = ROOT / "tests" / "data" / "labels"
CORPUS = ROOT.parent / "shared" / "corpus" / "pdf"
POLARITIES = ("strength", "weakness", "mixed", "neutral")
TRAINING_SETS = (
    "train_sentences.jsonl",
    "contrast_sentences.jsonl",
    "blind_sentences.jsonl",
    "heldout_sentences_independent.jsonl",
    "sentences_heldout.jsonl",
    "newblind_sentences.jsonl",
)
NEVER_TRAINED_ON = "sealed_sentences.jsonl"
BOW = {
    "@architectures": "spacy.TextCatBOW.v3",
    "exclusive_classes": True,
    "ngram_size": 2,
    "no_output_layer": False,
    "length": 65536,
}
EPOCHS, SEED = 12, 0


def labelled_sentences() -> list[dict]:
    rows = []
    for name in TRAINING_SETS:
        lines = (LABELS_DIR / name).read_text(encoding="utf-8").splitlines()
        rows.extend(json.loads(line) for line in lines if line.strip())
    return rows


def with_rule_verdicts(rows: list[dict], corpus: Path) -> list[tuple[dict, list[str], str | None, str]]:
    """(row, the sentence's words, its section, the rules' verdict) for every row found in its report."""
    nlp = build_nlp(polarity_model=False)
    wanted = {(row["file"], row["text"]): row for row in rows}
    out = []
    for name in sorted({row["file"] for row in rows}):
        report = load_report(corpus / name)
        for finding in extract_findings(report.sentences, nlp):
            row = wanted.pop((name, finding.sentence.text), None)
            if row is not None:
                words = [token.text for token in nlp.make_doc(finding.sentence.text)]
                out.append((row, words, finding.sentence.section, finding.polarity))
    return out


def train(examples: list[tuple[dict, list[str], str | None, str]]) -> spacy.language.Language:
    spacy.util.fix_random_seed(SEED)
    nlp = spacy.blank("en")
    nlp.add_pipe("textcat", config={"model": BOW})
    data = [
        Example.from_dict(
            classifier_doc(nlp.vocab, words, section, rule),
            {"cats": {label: float(label == row["polarity"]) for label in POLARITIES}},
        )
        for row, words, section, rule in examples
    ]
    optimizer = nlp.initialize(lambda: data)
    rng = random.Random(SEED)
    for _ in range(EPOCHS):
        rng.shuffle(data)
        for batch in spacy.util.minibatch(data, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.2)
    return nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"{args.corpus}: no corpus of report PDFs here (the labelled sentences are found in it)")
    rows = labelled_sentences()
    examples = with_rule_verdicts(rows, args.corpus)
    nlp = train(examples)
    nlp.meta["name"] = "kg_polarity"
    nlp.meta["description"] = "Polarity of a report sentence, given its section and the rules' verdict"
    nlp.meta["kg_training"] = {
        "sets": {name: hashlib.sha256((LABELS_DIR / name).read_bytes()).hexdigest() for name in TRAINING_SETS},
        "sentences": len(examples),
        "not_found_in_corpus": len(rows) - len(examples),
        "never_trained_on": NEVER_TRAINED_ON,
        "epochs": EPOCHS,
        "seed": SEED,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.out)
    print(f"{args.out}: trained on {len(examples)} of {len(rows)} labelled sentences")


if __name__ == "__main__":
    main()
