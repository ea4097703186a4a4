"""Sentence-level polarity and concept tagging against independent hand labels.

Gold: tests/data/labels/heldout_sentences_independent.jsonl — 185 sentences sampled from 20 held-out corpus
reports and labelled by an annotator who never saw the rules (see SENTENCE_NOTES.md). Each sentence is
annotated with the section the loader put it in, as the pipeline does. The first 90 sentences are "dev"
(looked at while tuning), the rest "test" (not looked at).

    python benchmarks/eval_sentences.py [--split dev|test|all] [--show]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from loaders.findings import annotate_texts
from loaders.nlp import build_nlp

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "labels" / "heldout_sentences_independent.jsonl"
KEYS = ("themes", "service_areas", "partners")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, default=GOLD, help="labelled sentences (JSON lines)")
    parser.add_argument("--split", choices=["dev", "test", "all"], default="test", help="of the default gold file")
    parser.add_argument("--show", action="store_true", help="print every polarity disagreement")
    args = parser.parse_args()
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.gold == GOLD:
        gold = {"dev": gold[:90], "test": gold[90:], "all": gold}[args.split]
    nlp = build_nlp()
    confusion: Counter[tuple[str, str]] = Counter()
    counts = {key: Counter() for key in KEYS}
    for item in gold:
        (got,) = annotate_texts([item["text"]], nlp, section=item.get("section"))
        confusion[(item["polarity"], got["polarity"])] += 1
        if args.show and item["polarity"] != got["polarity"]:
            print(f"{item['polarity']:>8} -> {got['polarity']:8} [{item.get('section')}] {item['text'][:150]}")
        for key in KEYS:
            truth, found = set(item.get(key, [])), set(got[key])
            counts[key]["tp"] += len(truth & found)
            counts[key]["fp"] += len(found - truth)
            counts[key]["fn"] += len(truth - found)
    total = sum(confusion.values())
    right = sum(n for (g, p), n in confusion.items() if g == p)
    print(f"{total} sentences ({args.split}); polarity accuracy {right / total:.2f}")
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
