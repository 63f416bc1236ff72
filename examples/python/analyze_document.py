"""Analyze one policy document and print what zhpolicy finds in it.

    python examples/python/analyze_document.py FILE
"""
import collections
import sys
import time

import zhpolicy


def main(path: str) -> int:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    start = time.perf_counter()
    tokens = zhpolicy.segment(text)
    elapsed = time.perf_counter() - start

    print(f"== {path}: {len(text)} characters, {len(tokens)} tokens "
          f"in {elapsed * 1000:.1f} ms")
    kinds = collections.Counter(str(t.kind) for t in tokens)
    print("token kinds: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))

    print("\n-- first lines, segmented --")
    shown = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        print(" | ".join(zhpolicy.cut(line.strip()))[:300])
        shown += 1
        if shown == 4:
            break

    print("\n-- numbers and dates as tokens (character offsets) --")
    for t in [t for t in tokens if str(t.kind) in ("number", "date")][:25]:
        context = text[max(0, t.start - 6):t.end + 4].replace("\n", " ")
        print(f"  {t.start:>6}-{t.end:<6} {str(t.kind):<6} {t.text:<16} …{context}…")

    words = collections.Counter(t.text for t in tokens
                                if str(t.kind) == "word" and len(t.text) > 1)
    print("\n-- most frequent words --")
    print("  " + "  ".join(f"{w}×{n}" for w, n in words.most_common(20)))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: analyze_document.py FILE")
    sys.exit(main(sys.argv[1]))
