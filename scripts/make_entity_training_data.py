#!/usr/bin/env python3
"""Copies the annotated entity sentences of ../shared/gold into the repository
(src/data/training/entities.tsv), so that a clone builds the same entity model
without ../shared.

One sentence per line, tab-separated:

    group   doc   sentence   mentions

`group` is what held-out evaluation holds out together: the region of a
report (../shared/reports/index.tsv: 全国, 广东 ...) or `corpus` for the gold
documents; `mentions` is `start:end:type` in characters of the sentence,
separated by spaces (empty: no entity). Mentions are located as the gold
README says: by text, searching from the end of the previous one; a mention
whose text is not in its sentence is reported and left out.

    python3 scripts/make_entity_training_data.py [--shared ../shared]
"""
import argparse
import csv
import json
import sys
from pathlib import Path

FILES = [("policy_silver_train.jsonl", "silver"), ("policy_gold.jsonl", "gold")]


def regions(shared: Path) -> dict:
    with open(shared / "reports" / "index.tsv", encoding="utf-8") as f:
        return {row["path"]: row["region"] for row in csv.DictReader(f, delimiter="\t")}


def locate(sentence: str, mentions: list) -> list:
    out, pos = [], 0
    for m in mentions:
        start = sentence.find(m["text"], pos)
        if start < 0:
            print(f"not in its sentence, left out: {m['text']!r} in {sentence[:40]!r}", file=sys.stderr)
            continue
        out.append((start, start + len(m["text"]), m["type"]))
        pos = start + len(m["text"])
    return out


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=here.parent / "shared")
    ap.add_argument("--out", type=Path, default=here / "src" / "data" / "training" / "entities.tsv")
    args = ap.parse_args()
    region_of = regions(args.shared)
    lines = []
    for name, kind in FILES:
        for raw in (args.shared / "gold" / name).read_text(encoding="utf-8").splitlines():
            if not raw.strip():
                continue
            d = json.loads(raw)
            sentence = d["sentence"]
            if any(c in sentence for c in "\t\n\r"):
                print(f"sentence with a tab or line break, left out: {sentence[:40]!r}", file=sys.stderr)
                continue
            group = region_of.get(d["doc"], "corpus") if kind == "silver" else "corpus"
            spans = " ".join(f"{s}:{e}:{t}" for s, e, t in locate(sentence, d.get("entities", [])))
            lines.append(f"{group}\t{d['doc']}\t{sentence}\t{spans}\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"{len(lines)} sentences -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
