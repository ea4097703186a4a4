"""Sentence-level polarity and concept tagging against independent hand labels.

Gold: tests/data/labels/heldout_sentences_independent.jsonl — 185 sentences sampled from 20 held-out corpus
reports and labelled by an annotator who never saw the rules (see SENTENCE_NOTES.md). The first 90 sentences
are "dev" (looked at while tuning), the rest "test" (not looked at). Other gold files: --gold.

Each sentence is read as the pipeline reads it: its report is loaded from the corpus and the finding made of
that sentence (with the section and the sentence before it that the loader gives now) is compared. A sentence
the loader no longer splits out the same way is annotated alone with the section recorded in the gold file;
--as-stored does that for every sentence.

    python benchmarks/eval_sentences.py [--gold FILE] [--split dev|test|all] [--as-stored] [--show] [--rules-only]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from loaders import load_report
from loaders.findings import annotate_texts
from loaders.nlp import build_nlp

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "labels" / "heldout_sentences_independent.jsonl"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "pdf"
KEYS = ("themes", "service_areas", "partners")


def _findings_by_text(gold: list[dict], corpus: Path, nlp) -> dict[tuple[str, str], dict]:
    """(file, sentence) -> the finding the pipeline makes of it, for every gold file found in the corpus."""
    found = {}
    for name in sorted({item["file"] for item in gold if item.get("file")}):
        path = corpus / name
        if not path.is_file():
            continue
        for finding in load_report(path, nlp).findings:
            key = (name, finding.sentence.text)
            found.setdefault(
                key,
                {
                    "polarity": finding.polarity,
                    "themes": finding.themes,
                    "service_areas": finding.service_areas,
                    "partners": finding.partners,
                },
            )
    wanted = {(item.get("file"), item["text"]) for item in gold}
    return {key: value for key, value in found.items() if key in wanted}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, default=GOLD, help="labelled sentences (JSON lines)")
    parser.add_argument("--split", choices=["dev", "test", "all"], default="test", help="of the default gold file")
    parser.add_argument("--show", action="store_true", help="print every polarity disagreement")
    parser.add_argument("--show-concepts", action="store_true", help="print every theme/service/partner disagreement")
    parser.add_argument("--as-stored", action="store_true", help="annotate each sentence alone, with its gold section")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument(
        "--rules-only",
        action="store_true",
        help="polarity and themes from the rules alone, without the trained models (which have seen every gold file "
        "but the sealed, fifteenth and sixteenth ones)",
    )
    args = parser.parse_args()
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.gold == GOLD:
        gold = {"dev": gold[:90], "test": gold[90:], "all": gold}[args.split]
    nlp = build_nlp(models=not args.rules_only)
    findings = {} if args.as_stored else _findings_by_text(gold, args.corpus, nlp)
    print(f"{len(findings)} of {len(gold)} sentences read in their reports")
    confusion: Counter[tuple[str, str]] = Counter()
    counts = {key: Counter() for key in KEYS}
    for item in gold:
        if (item.get("file"), item["text"]) in findings:
            got = findings[(item.get("file"), item["text"])]
        else:
            (got,) = annotate_texts([item["text"]], nlp, section=item.get("section"))
        confusion[(item["polarity"], got["polarity"])] += 1
        if args.show and item["polarity"] != got["polarity"]:
            print(f"{item['polarity']:>8} -> {got['polarity']:8} [{item.get('section')}] {item['text'][:150]}")
        for key in KEYS:
            truth, found = set(item.get(key, [])), set(got[key])
            counts[key]["tp"] += len(truth & found)
            counts[key]["fp"] += len(found - truth)
            counts[key]["fn"] += len(truth - found)
            if args.show_concepts and truth != found:
                missed, extra = sorted(truth - found), sorted(found - truth)
                print(f"{key[:7]:7} missed {missed} extra {extra}: {item['text'][:140]}")
    total = sum(confusion.values())
    right = sum(n for (g, p), n in confusion.items() if g == p)
    print(f"{total} sentences ({args.split}); polarity accuracy {right / total:.3f}")
    labels = ("strength", "weakness", "mixed", "neutral")
    print("gold \\ predicted " + " ".join(f"{label:>9}" for label in labels))
    for g in labels:
        print(f"{g:17}" + " ".join(f"{confusion[(g, p)]:9}" for p in labels))
    for key in KEYS:
        tp, fp, fn = (counts[key][k] for k in ("tp", "fp", "fn"))
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{key:14} micro P {p:.2f} R {r:.2f} F1 {f:.2f} (tp {tp}, fp {fp}, fn {fn})")


if __name__ == "__main__":
    main()
