#!/usr/bin/env python3
"""Targets on the annotated clauses of ../shared/gold/targets/ (328 clauses
of 23 provinces' 2026 work reports; silver, one annotation pass).

    .venv/bin/python scripts/eval_targets.py [--shared ../shared] [--errors OUT] [--json OUT]

Each clause is scored two ways: cut out and analyzed alone, and inside its
whole report (../shared/reports/<doc>), where a clause without a cue of its
own takes the modality of the report's section. Prints precision / recall /
F1 of the records (indicator, number, relation, modality) and of the pairs
(indicator, number), per province group and in all; indicators and numbers
are compared by their text.
"""
import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import zhpolicy

GROUPS = 4  # provinces in fixed groups (sorted names, round robin) for the per-group table


def gold_records(row):
    return [(t["indicator"], t["number"]["text"], t["relation"], t["modality"]) for t in row["targets"]]


def found_records(targets):
    return [(t.indicator, t.number.text, t.relation, t.modality) for t in targets]


def in_report(rows, reports):
    """The targets of each clause as found in its whole report."""
    by_doc = defaultdict(list)
    for i, row in enumerate(rows):
        by_doc[row["doc"]].append(i)
    out = [None] * len(rows)
    for doc, indices in by_doc.items():
        path = reports / doc
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        found = zhpolicy.targets(text)
        for i in indices:
            start = text.find(rows[i]["sentence"])
            if start < 0:
                continue
            end = start + len(rows[i]["sentence"])
            out[i] = [t for t in found if start <= t.number.start and t.number.end <= end]
    return out


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def count(gold, found, key):
    g = defaultdict(int)
    for rec in gold:
        g[key(rec)] += 1
    tp = fp = 0
    for rec in found:
        if g[key(rec)] > 0:
            g[key(rec)] -= 1
            tp += 1
        else:
            fp += 1
    return tp, fp, sum(g.values())


KEYS = {
    "records": lambda r: r,
    "pairs": lambda r: (r[0], r[1]),
    "numbers": lambda r: r[1],
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--errors", help="write the clauses with a difference here (JSON lines), of groups 1-2 only: "
                    "groups 3-4 stay unread, the held-out check of each change to the rules")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args()
    shared = Path(args.shared)
    data = shared / "gold" / "targets" / "policy_targets_train.jsonl"
    if not data.exists():
        sys.exit(f"{data} is missing")
    rows = [json.loads(line) for line in data.open(encoding="utf-8")]
    provinces = sorted({r["doc"] for r in rows})
    group_of = {p: i % GROUPS for i, p in enumerate(provinces)}

    alone = zhpolicy.targets_many([r["sentence"] for r in rows])
    report = in_report(rows, shared / "reports")
    settings = {"clause alone": alone, "in its report": [
        found if found is not None else alone[i] for i, found in enumerate(report)]}

    figures = {}
    errors = []
    for setting, results in settings.items():
        tallies = defaultdict(lambda: [0, 0, 0])
        agree = defaultdict(int)
        for row, found in zip(rows, results):
            gold = gold_records(row)
            recs = found_records(found)
            by_pair = {(g[0], g[1]): g for g in gold}
            for rec in recs:
                g = by_pair.get((rec[0], rec[1]))
                if g:
                    agree["pairs"] += 1
                    agree["relation"] += rec[2] == g[2]
                    agree["modality"] += rec[3] == g[3]
            for name, key in KEYS.items():
                t = count(gold, recs, key)
                for group in ("all", f"group {group_of[row['doc']] + 1}"):
                    acc = tallies[(group, name)]
                    for k in range(3):
                        acc[k] += t[k]
            if setting == "in its report" and group_of[row["doc"]] < 2 and sorted(gold) != sorted(recs):
                errors.append({"doc": row["doc"], "sentence": row["sentence"],
                               "missed": sorted(set(gold) - set(recs)), "spurious": sorted(set(recs) - set(gold))})
        figures[setting] = {f"{g}/{n}": prf(*v) for (g, n), v in tallies.items()}
        figures[setting]["agreement"] = {k: agree[k] / max(1, agree["pairs"]) for k in ("relation", "modality")}

    print(f"{len(rows)} clauses, {sum(len(r['targets']) for r in rows)} records, {len(provinces)} provinces\n")
    print("| setting | slice | records P / R / F1 | (indicator, number) P / R / F1 | numbers F1 |")
    print("|---|---|---|---|---|")
    for setting, fig in figures.items():
        for group in ["all"] + [f"group {k + 1}" for k in range(GROUPS)]:
            r, p, n = fig[f"{group}/records"], fig[f"{group}/pairs"], fig[f"{group}/numbers"]
            bold = "**" if group == "all" else ""
            print(f"| {setting} | {group} | {r[0]:.3f} / {r[1]:.3f} / {bold}{r[2]:.3f}{bold} | "
                  f"{p[0]:.3f} / {p[1]:.3f} / {bold}{p[2]:.3f}{bold} | {n[2]:.3f} |")
    print("\nOf the (indicator, number) pairs found right, the share with the annotated relation / modality:")
    for setting, fig in figures.items():
        a = fig["agreement"]
        print(f"  {setting}: relation {a['relation']:.3f}, modality {a['modality']:.3f}")
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as f:
            for e in errors:
                f.write(json.dumps(e, ensure_ascii=False) + "\n")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
