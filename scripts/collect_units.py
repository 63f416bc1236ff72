#!/usr/bin/env python3
"""Candidate measure words and units for src/data/units.tsv, collected from
policy text rather than from one document: the words that follow numerals in
../shared/reports (unlabeled, 70 reports of 23 provinces and the State
Council) and the units annotated in ../shared/gold/policy_silver_train.jsonl,
less those the table already has.

    .venv/bin/python scripts/collect_units.py [--shared ../shared] [--min 5]

For each candidate: how often it follows a numeral in the reports, in how many
regions, and how often it stands after a numeral rather than elsewhere (a
measure word almost always does; 年代 or 国家 do not). Adding a row stays a
decision: the kind and normalized unit follow the gold README.
"""
import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

# Arabic numerals only: unambiguous (一般, 一步 are not counts), and the
# measure words after them are those after Chinese numerals.
NUMERAL = r"\d+(?:\.\d+)?(?:[十百千万亿]+)?"


def main():
    root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=root.parent / "shared")
    ap.add_argument("--min", type=int, default=5, help="fewest occurrences after a numeral")
    args = ap.parse_args()
    known = {line.split("\t")[0] for line in (root / "src/data/units.tsv").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")}
    texts = {}
    for p in sorted((args.shared / "reports").rglob("*.txt")):
        # A region: the State Council (national/YEAR) or a province (its file name).
        texts[("national" if p.parent.name == "national" else p.stem)] = texts.get(
            "national" if p.parent.name == "national" else p.stem, "") + p.read_text(encoding="utf-8") + "\n"
    after, regions, anywhere = Counter(), defaultdict(set), Counter()
    pattern = re.compile(NUMERAL + r"([\u4e00-\u9fff]{1,3})")
    for name, text in texts.items():
        for m in pattern.finditer(text):
            word = m.group(1)
            for k in range(1, len(word) + 1):
                w = word[:k]
                if w in known:
                    break
                after[w] += 1
                regions[w].add(name)
    candidates = [w for w, c in after.items() if c >= args.min]
    joined = "\n".join(texts.values())
    for w in candidates:
        anywhere[w] = joined.count(w)
    silver = Counter()
    silver_path = args.shared / "gold" / "policy_silver_train.jsonl"
    for line in silver_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            for n in json.loads(line).get("numbers", []):
                if n.get("unit") and n["unit"] not in known:
                    silver[n["unit"]] += 1
    print("after a numeral in the reports (share of all occurrences), not in units.tsv:")
    rows = sorted(candidates, key=lambda w: (-(after[w] / max(anywhere[w], 1)) * min(after[w], 50), w))
    for w in rows[:80]:
        share = after[w] / max(anywhere[w], 1)
        if share >= 0.5:
            print(f"  {w}\t{after[w]}\t{len(regions[w])} regions\t{share:.2f}")
    print("\nunits annotated in the silver set, not in units.tsv:")
    for u, c in silver.most_common(40):
        print(f"  {u}\t{c}")


if __name__ == "__main__":
    main()
