#!/usr/bin/env python3
"""Targets on the annotated clauses of ../shared/gold/targets/ (328 clauses
of 23 provinces' 2026 work reports; silver, one annotation pass).

    .venv/bin/python scripts/eval_targets.py [--shared ../shared] [--build build] [--errors OUT] [--json OUT]

The provinces are cut into 4 fixed groups. For each group the target model
is trained on the other three (zhpolicy_train_targets --hold-out, on
src/data/training/targets.tsv, the same clauses copied into the repo),
attached to the lexicon (zhpolicy_lexc --base build/zhpolicy_entities.zpl
--target-model) and the group's clauses are scored; "rules" is the same
lexicon without a target model. Each clause is scored two ways: cut out and
analyzed alone, and inside its whole report (../shared/reports/<doc>), where
a clause without a cue of its own takes the modality of the report's
section. Prints precision / recall / F1 of the records (indicator, number,
relation, modality) and of the pairs (indicator, number), per group and in
all; indicators and numbers are compared by their text.
"""
import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import zhpolicy

GROUPS = 4  # provinces in fixed groups (sorted names, round robin) for the per-group table
ROOT = Path(__file__).resolve().parents[1]


def gold_records(row):
    return [(t["indicator"], t["number"]["text"], t["relation"], t["modality"]) for t in row["targets"]]


def found_records(targets):
    return [(t.indicator, t.number.text, t.relation, t.modality) for t in targets]


def in_report(rows, reports, analyzer):
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
        found = analyzer.analyze_parts(text)[4]
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
    ap.add_argument("--build", type=Path, default=Path(__file__).resolve().parents[1] / "build")
    args = ap.parse_args()
    base = args.build / "zhpolicy_entities.zpl"
    for tool in (args.build / "zhpolicy_train_targets", args.build / "zhpolicy_lexc", base):
        if not tool.exists():
            sys.exit(f"{tool} is missing: build the project first (scripts/test.sh)")
    shared = Path(args.shared)
    data = shared / "gold" / "targets" / "policy_targets_train.jsonl"
    if not data.exists():
        sys.exit(f"{data} is missing")
    rows = [json.loads(line) for line in data.open(encoding="utf-8")]
    provinces = sorted({r["doc"] for r in rows})
    group_of = {p: i % GROUPS for i, p in enumerate(provinces)}

    province = {r["doc"]: Path(r["doc"]).stem.split("_")[-1] for r in rows}
    rules = zhpolicy.Analyzer(zhpolicy.Lexicon.open(str(base)))
    results = {"rules": [None] * len(rows), "rules+model": [None] * len(rows)}
    alone = {"rules": [None] * len(rows), "rules+model": [None] * len(rows)}
    with tempfile.TemporaryDirectory() as tmp:
        for group in range(GROUPS):
            held = sorted({province[d] for d, g in group_of.items() if g == group})
            model, zpl = Path(tmp) / "fold.ztm", Path(tmp) / "fold.zpl"
            for cmd in ([args.build / "zhpolicy_train_targets", "--lexicon", base, "--data",
                         ROOT / "src" / "data" / "training" / "targets.tsv", "--hold-out", ",".join(held), "-o", model],
                        [args.build / "zhpolicy_lexc", "--base", base, "--target-model", model, "-o", zpl]):
                done = subprocess.run([str(c) for c in cmd], capture_output=True, text=True)
                if done.returncode != 0:
                    sys.exit(done.stderr)
            print(f"group {group + 1}: held out {', '.join(held)}", file=sys.stderr)
            fold = zhpolicy.Analyzer(zhpolicy.Lexicon.open(str(zpl)))
            indices = [i for i, r in enumerate(rows) if group_of[r["doc"]] == group]
            subset = [rows[i] for i in indices]
            for label, analyzer in (("rules", rules), ("rules+model", fold)):
                found = in_report(subset, shared / "reports", analyzer)
                for i, f in zip(indices, found):
                    alone[label][i] = analyzer.analyze_parts(rows[i]["sentence"])[4]
                    results[label][i] = f if f is not None else alone[label][i]
    settings = {"clause alone": alone["rules+model"], "in its report": results["rules+model"],
                "in its report, rules alone": results["rules"]}

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
