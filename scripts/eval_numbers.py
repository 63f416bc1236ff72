#!/usr/bin/env python3
"""Number extraction on annotated policy sentences it was not written
against: ../shared/gold/policy_silver_train.jsonl (1,468 sentences from the
reports of 23 provinces and the State Council; silver, one annotation pass)
and the visible gold, each as written and rewritten in Traditional
characters (OpenCC's s2t, Debian's `opencc` command).

    .venv/bin/python scripts/eval_numbers.py [--shared ../shared] [--errors OUT] [--json OUT]

Prints precision/recall/F1 of (span, kind) and, of the matched mentions, how
many have the annotated value, unit and qualifier. Then the numbers of the
targets set (../shared/gold/targets/policy_targets_train.jsonl: the number
of each annotated target, not every number of the sentence, so recall only).
"""
import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import zhpolicy
from opencc_s2t import to_traditional


def locate(sentence, mentions):
    spans, pos = [], 0
    for m in mentions:
        start = sentence.find(m["text"], pos)
        if start < 0:
            continue
        spans.append((start, start + len(m["text"]), m))
        pos = start + len(m["text"])
    return spans


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) or isinstance(b, str):
        return str(a) == str(b)
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def score(sentences, texts, errors=None):
    tp = fp = fn = matched = value_ok = unit_ok = qual_ok = 0
    by_kind = defaultdict(lambda: [0, 0, 0])
    for d, text in zip(sentences, texts):
        gold = {(s, e, m["kind"]): m for s, e, m in locate(d["sentence"], d.get("numbers", []))}
        pred = {(n.start, n.end, n.kind): n for n in zhpolicy.numbers(text)}
        for key, m in gold.items():
            if key in pred:
                tp += 1
                by_kind[key[2]][0] += 1
                n = pred[key]
                matched += 1
                v = same(n.value, m.get("value")) and same(n.value_max, m.get("value_max"))
                value_ok += v
                unit_ok += (n.unit or None) == m.get("unit")
                qual_ok += (n.qualifier or None) == m.get("qualifier")
                if errors is not None and not v:
                    errors.append({"sentence": text, "field": "value", "found": n.to_dict(), "gold": m})
            else:
                fn += 1
                by_kind[key[2]][2] += 1
                if errors is not None:
                    errors.append({"sentence": text, "missed": [text[key[0]:key[1]], key[2], m.get("value")]})
        for key, n in pred.items():
            if key not in gold:
                fp += 1
                by_kind[key[2]][1] += 1
                if errors is not None:
                    errors.append({"sentence": text, "spurious": n.to_dict()})
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    m = max(matched, 1)
    return {"p": p, "r": r, "f1": f, "n": tp + fn, "value": value_ok / m, "unit": unit_ok / m,
            "qualifier": qual_ok / m, "by_kind": dict(by_kind)}


def main():
    root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=root.parent / "shared")
    ap.add_argument("--errors", type=Path, help="write the silver set's errors here (JSONL)")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = ap.parse_args()
    sets = {}
    for name in ("policy_silver_train.jsonl", "policy_gold.jsonl"):
        rows = [json.loads(l) for l in (args.shared / "gold" / name).read_text(encoding="utf-8").splitlines() if l.strip()]
        sets["silver (23 provinces + national)" if "silver" in name else "visible gold"] = rows
    report = {}
    errors = [] if args.errors else None
    print("| set | script | P / R / F1 (span + kind) | value | unit | qualifier | mentions |")
    print("|---|---|---|---|---|---|---|")
    for name, rows in sets.items():
        sentences = [d["sentence"] for d in rows]
        # A sentence whose length changes (offsets would not hold) stays as written.
        traditional = [t if len(t) == len(s) else s for s, t in zip(sentences, to_traditional(sentences))]
        for script, texts in (("as written", sentences), ("Traditional", traditional)):
            s = score(rows, texts, errors if (script == "as written" and "silver" in name) else None)
            report[f"{name}, {script}"] = s
            print(f"| {name} | {script} | {s['p']:.3f} / {s['r']:.3f} / **{s['f1']:.3f}** | {s['value']:.3f} | "
                  f"{s['unit']:.3f} | {s['qualifier']:.3f} | {s['n']} |")
    # The targets set annotates the number of each target only: recall.
    target_rows = []
    for line in (args.shared / "gold" / "targets" / "policy_targets_train.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            target_rows.append({"sentence": d["sentence"],
                                "numbers": [t["number"] for t in d.get("targets", []) if t.get("number")]})
    sentences = [d["sentence"] for d in target_rows]
    traditional = [t if len(t) == len(s) else s for s, t in zip(sentences, to_traditional(sentences))]
    print("\n| set | script | recall (span + kind) | value | unit | qualifier | mentions |")
    print("|---|---|---|---|---|---|---|")
    for script, texts in (("as written", sentences), ("Traditional", traditional)):
        s = score(target_rows, texts)
        report[f"targets' numbers, {script}"] = s
        print(f"| targets' numbers | {script} | **{s['r']:.3f}** | {s['value']:.3f} | {s['unit']:.3f} | "
              f"{s['qualifier']:.3f} | {s['n']} |")
    if args.errors:
        args.errors.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
