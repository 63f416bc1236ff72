#!/usr/bin/env python3
"""Writes src/data/training/targets.tsv from ../shared/gold/targets/policy_targets_train.jsonl:
the annotated clauses the target boundary model is trained on, copied into
the repository so that a clone builds the same model without ../shared.

    python3 scripts/make_target_training_data.py [--shared ../shared]

One line per record: province, doc, clause, indicator, number (text),
relation, modality, separated by tabs; a clause without records has one line
with the last four fields empty.
"""
import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "data" / "training" / "targets.tsv")
    args = ap.parse_args()
    lines = ["# province\tdoc\tclause\tindicator\tnumber\trelation\tmodality "
             "(from ../shared/gold/targets/policy_targets_train.jsonl by scripts/make_target_training_data.py)"]
    for raw in (args.shared / "gold" / "targets" / "policy_targets_train.jsonl").open(encoding="utf-8"):
        row = json.loads(raw)
        province = Path(row["doc"]).stem.split("_")[-1]
        clause = row["sentence"]
        fields = [province, row["doc"], clause]
        if any("\t" in f or "\n" in f for f in fields):
            raise SystemExit(f"a tab or line break in {row['doc']}: {clause[:40]}")
        if not row["targets"]:
            lines.append("\t".join(fields + ["", "", "", ""]))
        for t in row["targets"]:
            lines.append("\t".join(fields + [t["indicator"], t["number"]["text"], t["relation"], t["modality"]]))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(lines) - 1} lines)")


if __name__ == "__main__":
    main()
