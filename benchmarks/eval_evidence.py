"""How many of the evidence sentences that readers judged does the extractor still cite, right and wrong? And
how many of the sentences it did not cite, that readers found state a weakness, does it cite now?

Gold: tests/data/labels/evidence_readings.jsonl (see EVIDENCE_NOTES.md): 1,369 sentences that the corpus build
cited as evidence of a recurring weakness, in nine readings (drawn at random, 15 to a weakness, from sentences
no earlier reading had drawn; the seventh every sentence that the fixes for missed ones added), each judged by a
reader as right (the sentence states that weakness), wrong, or hard (a close call). The extractor has changed
since: this script reads the judged reports again and counts, per reading and per weakness, which judged sentences
it still cites. A change that mends evidence keeps the right ones and drops the wrong ones; it also cites sentences
no reader has judged, which only a new reading can measure.

    python benchmarks/eval_evidence.py [--corpus ../shared/corpus/pdf] [--show]

Missed: tests/data/labels/missed_readings.jsonl (see EVIDENCE_NOTES.md): 419 sentences in two readings, 15 to a
weakness, drawn at random from those of the corpus build that were critical, named the weakness's topic and were not
cited for it; each judged "states" (the rules missed it), "not" or "hard".

--show lists the sentences judged wrong that are still cited, and those judged right that are no longer.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from loaders import load_report
from loaders.nlp import build_nlp

ROOT = Path(__file__).resolve().parent.parent
READINGS = ROOT / "tests" / "data" / "labels" / "evidence_readings.jsonl"
MISSED = ROOT / "tests" / "data" / "labels" / "missed_readings.jsonl"
VERDICTS = ("right", "wrong", "hard")
MISSED_VERDICTS = ("states", "not", "hard")
# (verdict, cited now) -> what --show calls it: the judged sentences a change got wrong, or mended
SHOWN = {("wrong", True): "WRONG, STILL CITED", ("right", False): "RIGHT, DROPPED", ("hard", False): "HARD, DROPPED"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "pdf")
    parser.add_argument("--show", action="store_true", help="list wrong ones still cited and right ones dropped")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus}: no such folder (the shared corpus of report PDFs)")
    judged, missed = _read_jsonl(READINGS), _read_jsonl(MISSED)

    nlp = build_nlp()
    cited: set[tuple[str, str, str]] = set()  # (file, weakness, sentence) the extractor cites now, as it cited them
    for file in sorted({row["file"] for row in judged + missed}):
        for finding in load_report(args.corpus / file, nlp).findings:
            for weakness in finding.weaknesses:
                cited.add((file, weakness, finding.sentence.text))

    if args.show:
        for row in judged:
            mark = SHOWN.get((row["verdict"], (row["file"], row["weakness"], row["text"]) in cited))
            if mark:
                print(f"{mark} [{row['reading']}] {row['weakness']}: {row['text'][:180]}")

    def line(label: str, counts: Counter) -> str:
        kept = "  ".join(f"{counts[(v, True)]:4}" for v in VERDICTS)
        dropped = "  ".join(f"{counts[(v, False)]:4}" for v in VERDICTS)
        judged_right = sum(counts[(v, True)] for v in VERDICTS)
        share = f"{counts[('right', True)] / judged_right:5.2f}" if judged_right else "    -"
        return f"{label:42} {kept}    {dropped}   {share}"

    print(f"{'':42} {'still cited':^16}    {'no longer cited':^16}   right share")
    heads = "  ".join(f"{v:>4}" for v in VERDICTS)
    print(f"{'':42} {heads}    {heads}   of still cited")
    for label, counts in _tallies(judged, cited):
        print(line(label, counts))

    print("\nnot cited when read, judged by readers: how many are cited now")
    print(f"{'':42} {'states':>12} {'not':>12} {'hard':>12}")
    for label, counts in _tallies(missed, cited):
        cells = " ".join(
            f"{counts[(v, True)]:>5} of {counts[(v, True)] + counts[(v, False)]:>3}" for v in MISSED_VERDICTS
        )
        print(f"{label:42} {cells}")


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _tallies(rows: list[dict], cited: set[tuple[str, str, str]]) -> list[tuple[str, Counter]]:
    """(label, Counter of (verdict, cited now)) per reading, per weakness, then for all rows."""
    by_reading: dict[int, Counter] = defaultdict(Counter)
    by_weakness: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        cell = (row["verdict"], (row["file"], row["weakness"], row["text"]) in cited)
        by_reading[row["reading"]][cell] += 1
        by_weakness[row["weakness"]][cell] += 1
    return [
        *((f"reading {reading}", by_reading[reading]) for reading in sorted(by_reading)),
        *((weakness, by_weakness[weakness]) for weakness in sorted(by_weakness)),
        ("all", sum(by_reading.values(), Counter())),
    ]


if __name__ == "__main__":
    main()
