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
    doc = zhpolicy.analyze(text)  # one pass: tokens, numbers, entities, links, targets
    elapsed = time.perf_counter() - start
    tokens = doc.tokens

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

    numbers = doc.numbers
    kinds = collections.Counter(n.kind for n in numbers)
    print(f"\n-- {len(numbers)} numbers: " + ", ".join(f"{k} {c}" for k, c in kinds.most_common()) + " --")
    print(f"  {'chars':<13} {'kind':<9} {'text':<16} {'value':>18} {'unit':<6} qualifier")
    for n in numbers[:30]:
        value = n.value if n.value_max is None else f"{n.value}..{n.value_max}"
        print(f"  {n.start:>5}-{n.end:<7} {n.kind:<9} {n.text:<16} {str(value):>18} {n.unit or '':<6} {n.qualifier or ''}")
    if len(numbers) > 30:
        print(f"  … {len(numbers) - 30} more")

    entities = doc.entities
    by_type = collections.defaultdict(list)
    for e in entities:
        if e.text not in by_type[e.type]:
            by_type[e.type].append(e.text)
    print(f"\n-- {len(entities)} entities --")
    for etype in ("government", "organization", "company", "position", "person", "place",
                  "meeting", "document", "slogan"):
        if by_type[etype]:
            shown_names = "、".join(by_type[etype][:12])
            more = f" … (+{len(by_type[etype]) - 12})" if len(by_type[etype]) > 12 else ""
            print(f"  {etype:<12} {shown_names}{more}")

    targets = doc.targets
    print(f"\n-- {len(targets)} targets (indicator, relation, goal or result, number) --")
    for t in targets[:15]:
        name = t.indicator + (f" [{t.canonical}]" if t.canonical and t.canonical != t.indicator else "")
        print(f"  {name:<24} {t.relation:<9} {t.modality:<7} {t.number.text}")
    if len(targets) > 15:
        print(f"  … {len(targets) - 15} more")

    words = collections.Counter(t.text for t in tokens
                                if str(t.kind) == "word" and len(t.text) > 1)
    print("\n-- most frequent words --")
    print("  " + "  ".join(f"{w}×{n}" for w, n in words.most_common(20)))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: analyze_document.py FILE")
    sys.exit(main(sys.argv[1]))
