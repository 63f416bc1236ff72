#!/usr/bin/env python3
"""Pathological inputs take linear time: instruction counts, not seconds.

    linear_time.py ANALYZE_FILE LEXICON [--small KB] [--large KB]

For each input kind (one line of 《, digits, one character repeated, numerals,
quotes and marks alternating), analyzes a small and a four times larger text
as one text under valgrind's callgrind (which counts instructions the same
way on any machine load), subtracts the count of an empty text (loading),
and fails if the larger one costs more than 5x the smaller (4x is linear).
"""
import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

KINDS = {
    "book-title marks": "《",
    "digits": "7",
    "one character": "的",
    "numerals": "三",
    "quotes and marks": "“《三",
    "decimal points": "1.",
}
LIMIT = 5.0


def instructions(tool: str, lexicon: str, path: Path, work: Path) -> int:
    out = work / "callgrind.out"
    done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", tool, lexicon, str(path)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"callgrind failed on {path}:\n{done.stderr[-2000:]}")
    m = re.search(r"Collected\s*:\s*(\d+)", done.stderr) or re.search(r"refs:\s*([\d,]+)", done.stderr)
    return int(m.group(1).replace(",", ""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("tool")
    ap.add_argument("lexicon")
    ap.add_argument("--small", type=int, default=128, help="KB of the smaller input")
    ap.add_argument("--large", type=int, default=512, help="KB of the larger input")
    args = ap.parse_args()
    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        empty = work / "empty.txt"
        empty.write_bytes(b"")
        base = instructions(args.tool, args.lexicon, empty, work)
        for name, unit in KINDS.items():
            counts = []
            for kb in (args.small, args.large):
                data = unit.encode() * (kb * 1024 // len(unit.encode()))
                path = work / "input.txt"
                path.write_bytes(data)
                counts.append(instructions(args.tool, args.lexicon, path, work) - base)
            ratio = counts[1] / max(counts[0], 1)
            size_ratio = args.large / args.small
            print(f"{name:18s} {args.small} KB: {counts[0] / 1e6:8.1f} M instructions, {args.large} KB: "
                  f"{counts[1] / 1e6:8.1f} M, ratio {ratio:.2f} (input {size_ratio:.0f}x)")
            if ratio > LIMIT / 4 * size_ratio:
                failed.append(name)
    if failed:
        print(f"more than linear: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
