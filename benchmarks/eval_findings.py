"""Findings against labels: per-concept precision/recall/F1 and polarity accuracy, tune vs held-out.

Two kinds of gold, both independent of the rules:
* structural polarity: sentences the report itself lists under "strengths" (gold strength) or
  "improvements" / "what needs to improve" (gold weakness), annotated WITHOUT the section so that the
  rules cannot see the answer;
* hand labels in tests/data/labels/sentences*.jsonl, one {"text", "file", "polarity", "themes",
  "weaknesses", ...} per line, where they exist.

Split by file: corpus files whose stem's first hex digit is 0-7 (and the seeds) are "tune", 8-f "held-out".

    python benchmarks/eval_findings.py [--corpus ../shared/corpus/pdf] [--reports 20]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from loaders import KgError, load_report
from loaders.findings import annotate_texts
from loaders.nlp import build_nlp

ROOT = Path(__file__).resolve().parent.parent
LABEL_DIR = ROOT / "tests" / "data" / "labels"
GOLD_SECTIONS = {"strengths": "strength", "improvements": "weakness"}
KEYS = ("themes", "service_areas", "partners", "weaknesses")


def split_of(name: str) -> str:
    """'tune' or 'held-out' for a file name: seeds and hex 0-7 tune, hex 8-f held out."""
    stem = Path(name).stem
    hexpart = stem.split("-", 1)[-1] if stem.startswith("report-") else ""
    return "held-out" if hexpart[:1] in set("89abcdef") else "tune"


def structural_polarity(paths: list[Path], nlp, with_section: bool = False) -> dict[str, Counter]:
    """Split -> Counter of (gold, predicted) for sentences under strengths/improvements headings.

    Without the section the rules must read the text alone (the lists are mostly imperative
    recommendations, "Ensure that ...", so this is a hard lower bound); with it, the pipeline's real input.
    """
    counts: dict[str, Counter] = defaultdict(Counter)
    for path in paths:
        try:
            report = load_report(path)
        except KgError:
            continue
        listed = [s for s in report.sentences if s.section in GOLD_SECTIONS]
        predicted = [annotate_texts([s.text], nlp, section=s.section if with_section else None)[0] for s in listed]
        for sentence, result in zip(listed, predicted, strict=True):
            counts[split_of(path.name)][(GOLD_SECTIONS[sentence.section], result["polarity"])] += 1
    return counts


def hand_labels(nlp) -> dict[str, list[tuple[dict, dict]]]:
    """'<label file>, <split>' -> (gold, predicted) pairs for every hand-labelled sentence."""
    pairs: dict[str, list[tuple[dict, dict]]] = defaultdict(list)
    for path in sorted(LABEL_DIR.glob("sentences*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for row in rows:
            (result,) = annotate_texts([row["text"]], nlp, section=row.get("section"))
            pairs[f"{path.stem}, {split_of(row.get('file', ''))}"].append((row, result))
    return pairs


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def print_hand_labels(split: str, pairs: list[tuple[dict, dict]]) -> None:
    """Per-concept P/R/F1, micro-F1 per key, and polarity accuracy of one split."""
    print(f"\n== hand labels, {split}: {len(pairs)} sentences")
    correct = sum(gold.get("polarity") == pred["polarity"] for gold, pred in pairs if "polarity" in gold)
    labelled = sum("polarity" in gold for gold, _ in pairs)
    if labelled:
        print(f"polarity accuracy {correct / labelled:.2f} ({correct}/{labelled})")
    for key in KEYS:
        per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for gold, pred in pairs:
            if key not in gold:
                continue
            g, p = set(gold[key]), set(pred[key])
            for cid in g & p:
                per[cid][0] += 1
            for cid in p - g:
                per[cid][1] += 1
            for cid in g - p:
                per[cid][2] += 1
        if not per:
            continue
        total = [sum(v[i] for v in per.values()) for i in range(3)]
        print(f"{key}: micro P/R/F1 " + " ".join(f"{x:.2f}" for x in _prf(*total)))
        for cid, (tp, fp, fn) in sorted(per.items()):
            print(f"  {cid:42} {tp:3} {fp:3} {fn:3}  " + " ".join(f"{x:.2f}" for x in _prf(tp, fp, fn)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "pdf")
    parser.add_argument("--reports", type=int, default=20, help="reports per split for structural polarity")
    args = parser.parse_args()
    nlp = build_nlp()
    paths = sorted(args.corpus.glob("*.pdf"))
    chosen = [p for p in paths if split_of(p.name) == "tune"][: args.reports]
    chosen += [p for p in paths if split_of(p.name) == "held-out"][: args.reports]
    for with_section in (False, True):
        mode = "with section" if with_section else "text only"
        for split, counts in sorted(structural_polarity(chosen, nlp, with_section).items()):
            total = sum(counts.values())
            right = sum(n for (gold, pred), n in counts.items() if gold == pred)
            print(f"== structural polarity ({mode}), {split}: {total} sentences; accuracy {right / total:.2f}")
            for (gold, pred), n in sorted(counts.items()):
                print(f"  gold {gold:8} predicted {pred:8} {n}")
    for split, pairs in sorted(hand_labels(nlp).items()):
        print_hand_labels(split, pairs)


if __name__ == "__main__":
    main()
