"""Report-level recurring-weakness detection against the hand-labelled held-out reports.

Gold: tests/data/labels/heldout_report_weaknesses.csv (24 corpus reports labelled by hand, independently of
the rules; see HELDOUT_NOTES.md). The first 12 ("dev") were used to tune the rules; the last 12 ("test")
were not looked at. Prints precision, recall and F1 per weakness, and each disagreement with its evidence.

    python benchmarks/eval_weaknesses.py [--corpus ../shared/corpus/pdf] [--show] [--adjudicated]

--adjudicated reads the labels as a third reader settled them (report_weaknesses_adjudicated.csv: every disagreement
of the extractor of 2f5ec7a with the four earlier report-level label files, and 40 agreements as a check, judged by
readers who saw neither side, see ADJUDICATED_NOTES.md; and every disagreement of the extractor of fda356f with
remaining_report_weaknesses.csv, with 22 agreements, see REMAINING_NOTES.md). A ruling applies to the file its `set`
names. Disagreements it has no ruling for (the rules have changed since) are counted and said. Several --gold files
may be given (each report in one of them only); their counts are pooled. --split dev/test splits only the default
gold file; other files are read whole.
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

from loaders import load_report
from loaders.nlp import build_nlp

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "labels" / "heldout_report_weaknesses.csv"
ADJUDICATED = ROOT / "tests" / "data" / "labels" / "report_weaknesses_adjudicated.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "pdf")
    parser.add_argument("--gold", type=Path, nargs="+", default=[GOLD])
    parser.add_argument("--adjudicated", action="store_true", help="labels as the adjudication settled them")
    parser.add_argument("--show", action="store_true", help="print every disagreement")
    parser.add_argument(
        "--split",
        choices=["dev", "test", "all"],
        default="test",
        help="of the default gold file only: dev, its first 12 reports (rules were tuned on these); test, the last "
        "12 (tuned on since they were first scored); all: both",
    )
    args = parser.parse_args()
    gold: dict[str, dict[str, bool]] = defaultdict(dict)
    label_set: dict[str, str] = {}  # report file -> the label set it is read from ("fresh", ...)
    for path in args.gold:
        with path.open(encoding="utf-8") as f:
            rows = {(row["file"], row["weakness"]): row["present"] == "true" for row in csv.DictReader(f)}
        files = sorted({file for file, _ in rows})
        if path.resolve() == GOLD:
            files = {"dev": files[:12], "test": files[12:], "all": files}[args.split]
        for file in files:
            if file in label_set:
                parser.error(f"{file} is in two --gold files ({label_set[file]} and {path.name}); give one of them")
            label_set[file] = path.name.removesuffix("_report_weaknesses.csv")  # as the adjudication's `set` names it
        for (file, weakness), present in rows.items():
            if file in files:
                gold[file][weakness] = present
    if not gold:
        parser.error("no labelled report to score")
    ruled: set[tuple[str, str]] = set()
    if args.adjudicated:
        with ADJUDICATED.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if label_set.get(row["file"]) == row["set"] and row["weakness"] in gold[row["file"]]:
                    gold[row["file"]][row["weakness"]] = row["adjudicated"] == "true"
                    ruled.add((row["file"], row["weakness"]))
    nlp = build_nlp()
    counts = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    unruled = 0  # disagreements the adjudication has no ruling for
    for file, truth in sorted(gold.items()):
        report = load_report(args.corpus / file, nlp)
        found = defaultdict(list)
        for finding in report.findings:
            for weakness in finding.weaknesses:
                found[weakness].append(finding.sentence)
        for weakness, present in truth.items():
            predicted = bool(found.get(weakness))
            if args.adjudicated and present != predicted and (file, weakness) not in ruled:
                unruled += 1
            key = (present, predicted)
            if key == (True, True):
                counts[weakness][0] += 1
            elif key == (False, True):
                counts[weakness][1] += 1
                if args.show:
                    print(f"FP {file} {weakness}: p{found[weakness][0].page or '?'} {found[weakness][0].text[:200]}")
            elif key == (True, False):
                counts[weakness][2] += 1
                if args.show:
                    print(f"FN {file} {weakness}")
    print(f"{'weakness':42} {'tp':>3} {'fp':>3} {'fn':>3} {'P':>5} {'R':>5} {'F1':>5}")
    total = [0, 0, 0]
    for weakness in sorted(counts):
        tp, fp, fn = counts[weakness]
        total = [a + b for a, b in zip(total, (tp, fp, fn), strict=True)]
        print(f"{weakness:42} {tp:3} {fp:3} {fn:3} {precision_recall_f1(tp, fp, fn)}")
    print(f"{'micro':42} {total[0]:3} {total[1]:3} {total[2]:3} {precision_recall_f1(*total)}")
    if args.adjudicated:
        print(
            f"{unruled} disagreements have no ruling "
            "(the adjudication settled those of the extractors of 2f5ec7a and fda356f)"
        )


def precision_recall_f1(tp: int, fp: int, fn: int) -> str:
    """'P R F1' of counts, as the eval scripts print them (an empty P or R counts 1)."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:5.2f} {r:5.2f} {f:5.2f}"


if __name__ == "__main__":
    main()
