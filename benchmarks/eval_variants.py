"""Recurring weaknesses in written variants: sentences in wording the rules have not met.

Gold: tests/data/labels/written_variant_sentences.jsonl (and, with --gold, other files of the same form), sentences
that readers wrote from the weaknesses' definitions and the labelling conventions alone, in the house style of the
reports, each stating a weakness or coming near one (see WRITTEN_NOTES.md). They measure how the rules carry over
to new phrasings, not how often those phrasings occur: no report was read to make them, and no corpus is needed.

Each sentence is read as the pipeline reads one in a report: under the section its heading names, after the
sentence before it where the writer gave one. Prints precision, recall and F1 per weakness, pooled over the files.

    python benchmarks/eval_variants.py [--gold FILE ...] [--show]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from eval_weaknesses import precision_recall_f1  # benchmarks/ is on the path when run as a script

from loaders.findings import annotated_docs, read_doc
from loaders.nlp import build_nlp
from loaders.sections import heading_kind

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "labels" / "written_variant_sentences.jsonl"


def read_variants(items: list[dict], nlp) -> list[list[str]]:
    """The weaknesses the pipeline reads in each sentence, given its section and the sentence before it."""
    texts, sections, paragraphs, wanted = [], [], [], []
    for number, item in enumerate(items):
        section = heading_kind(item["section"]) if item.get("section") else None
        for text in filter(None, (item.get("previous"), item["text"])):
            texts.append(text)
            sections.append(section)
            paragraphs.append(number)  # the sentence before shares the paragraph, and nothing else does
        wanted.append(len(texts) - 1)
    docs = list(annotated_docs(nlp, texts, sections, in_sequence=True, paragraphs=paragraphs))
    return [list(read_doc(docs[index])["weaknesses"]) for index in wanted]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, nargs="+", default=[GOLD])
    parser.add_argument("--show", action="store_true", help="print every disagreement")
    args = parser.parse_args()

    items = [json.loads(line) for path in args.gold for line in path.read_text(encoding="utf-8").splitlines()]
    found = read_variants(items, build_nlp())
    tp, fp, fn = Counter(), Counter(), Counter()
    for item, got in zip(items, found, strict=True):
        gold, read = set(item["weaknesses"]), set(got)
        tp.update(gold & read)
        fp.update(read - gold)
        fn.update(gold - read)
        if args.show and gold != read:
            print(f"{item['id']} ({item.get('form')}): missed {sorted(gold - read)}, wrongly {sorted(read - gold)}")
            print(f"    {item['text']}")

    print(f"{'weakness':42} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>5} {'R':>5} {'F1':>5}")
    rows = [(w, tp[w], fp[w], fn[w]) for w in sorted(set(tp) | set(fp) | set(fn))]
    rows.append(("micro", sum(tp.values()), sum(fp.values()), sum(fn.values())))
    for weakness, t, f, n in rows:
        print(f"{weakness:42} {t:4} {f:4} {n:4} {precision_recall_f1(t, f, n)}")
    print(f"{len(items)} sentences from {len(args.gold)} file(s)")


if __name__ == "__main__":
    main()
