#!/usr/bin/env python3
"""The entity mentions of whole documents, counted by text: what a user who
analyzes a report in one call gets, where a name found once is looked for
again through the whole text (so one wrong name can repeat many times; the
held-out scripts score single sentences and cannot see that).

    .venv/bin/python scripts/whole_document_mentions.py [FOLDER] [--type person] [--top 30]

FOLDER defaults to ../shared/reports/provincial_2026; every *.txt under it is
analyzed as one text. Prints the number of mentions of the type, of distinct
texts, and the most frequent texts with their counts.
"""
import argparse
import collections
from pathlib import Path

import zhpolicy

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "reports" / "provincial_2026"))
    parser.add_argument("--type", default="person", help="entity type to count (default: person)")
    parser.add_argument("--top", type=int, default=30, help="how many of the most frequent texts to print")
    args = parser.parse_args()
    paths = sorted(Path(args.folder).rglob("*.txt"))
    if not paths:
        raise SystemExit(f"whole_document_mentions: no *.txt under {args.folder}")
    counts = collections.Counter()
    for path in paths:
        for entity in zhpolicy.entities(path.read_text(encoding="utf-8")):
            if entity.type == args.type:
                counts[entity.text] += 1
    print(f"{len(paths)} documents, {sum(counts.values())} {args.type} mentions, {len(counts)} distinct")
    for text, n in counts.most_common(args.top):
        print(f"  {n:5d}  {text}")


if __name__ == "__main__":
    main()
