#!/usr/bin/env python3
"""Held-out evaluation of entity extraction: how it carries over to regions it
was not trained on.

The annotated sentences in src/data/training/entities.tsv are grouped by
region (23 provinces, 全国 for the State Council's reports, corpus for the
visible gold). Each fold holds out whole regions: the model is trained on the
rest (zhpolicy_train_entities --hold-out), attached to the rules-only lexicon
(zhpolicy_lexc --base), and scores the held-out sentences. Folds: the gold
corpus alone, the national reports alone, and the provinces in four folds.
Every sentence is thus scored by a model that saw neither it nor its region.
The rules alone (zhpolicy_rules.zpl) are scored on the same sentences.

    .venv/bin/python scripts/eval_entities.py [--build build] [--json OUT] [--errors OUT] [--traditional]
                                              [--orders N] [--train-option OPTION=VALUE ...]

With --orders N each fold's model is trained N times, each time visiting the
sentences in another order (zhpolicy_train_entities --order-seed; the first is
the order the build uses): the tables pool the N models' counts, and the
held-out figure of each order is printed too. A perceptron depends on the
order it sees its data in, so a change worth less than that spread is noise.

With --traditional every sentence is scored as rewritten in Traditional
characters (OpenCC's s2t, Debian's `opencc`; the annotations' offsets hold).

Prints precision/recall/F1 (exact span and type) per type and per slice.
"""
import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import zhpolicy
from opencc_s2t import to_traditional

TYPES = ["person", "place", "government", "organization", "company", "position", "meeting", "document", "slogan"]
PROVINCE_FOLDS = 4


def read_data(path: Path):
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            continue
        group, doc, sentence, mentions = line.split("\t")
        gold = set()
        for m in mentions.split():
            s, e, t = m.split(":")
            gold.add((int(s), int(e), t))
        out.append((group, sentence, gold))
    return out


def folds(groups):
    provinces = sorted(g for g in groups if g not in ("corpus", "全国"))
    out = [("gold corpus", ["corpus"]), ("national", ["全国"])]
    for k in range(PROVINCE_FOLDS):
        out.append((f"provinces {k + 1}", provinces[k::PROVINCE_FOLDS]))
    return out


class Counts:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, gold, pred):
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def prf(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def score(extractor, sentences):
    by_type = defaultdict(Counts)
    total = Counts()
    for _, sentence, gold in sentences:
        pred = {(e.start, e.end, e.type) for e in extractor.extract(sentence)}
        total.add(gold, pred)
        for t in TYPES:
            by_type[t].add({g for g in gold if g[2] == t}, {p for p in pred if p[2] == t})
    return total, by_type


def run(cmd):
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}\n{done.stderr}")


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", type=Path, default=root / "build")
    ap.add_argument("--data", type=Path, default=root / "src" / "data" / "training" / "entities.tsv")
    ap.add_argument("--posseg", type=Path, default=Path("/usr/lib/python3/dist-packages/jieba/posseg"))
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    ap.add_argument("--traditional", action="store_true",
                    help="score the sentences rewritten in Traditional characters (opencc s2t)")
    ap.add_argument("--orders", type=int, default=1,
                    help="train each fold's model this many times, in other sentence orders, and pool them")
    ap.add_argument("--errors", type=Path,
                    help="write each held-out sentence the combined extractor got wrong here (JSONL: "
                         "region, sentence, missed and spurious mentions)")
    ap.add_argument("--train-option", action="append", default=[], metavar="OPTION=VALUE",
                    help="pass --OPTION VALUE to zhpolicy_train_entities (to compare training options on "
                         "held-out data, e.g. rule-dropout=0.3); repeatable")
    args = ap.parse_args()
    train_options = []
    for option in args.train_option:
        name, sep, value = option.partition("=")
        if not sep or not name:
            sys.exit(f"--train-option expects OPTION=VALUE, got {option!r}")
        train_options += ["--" + name, value]
    rules_zpl = args.build / "zhpolicy_rules.zpl"
    for tool in ("zhpolicy_train_entities", "zhpolicy_lexc"):
        if not (args.build / tool).exists():
            sys.exit(f"{args.build / tool} is missing: build the project first (scripts/test.sh)")
    data = read_data(args.data)
    if args.traditional:
        # A sentence whose length changes (offsets would not hold) stays as written.
        converted = to_traditional([sentence for _, sentence, _ in data])
        data = [(g, t if len(t) == len(s) else s, gold) for (g, s, gold), t in zip(data, converted)]
    rules = zhpolicy.EntityExtractor(zhpolicy.Lexicon.open(str(rules_zpl)))

    slices = {"held-out provinces": [], "national": [], "gold corpus": []}
    results = {"rules": defaultdict(lambda: (Counts(), defaultdict(Counts))),
               "rules+model": defaultdict(lambda: (Counts(), defaultdict(Counts)))}
    errors = []
    with tempfile.TemporaryDirectory() as tmp:
        # Per training order: the held-out silver counts, for the spread.
        per_order = defaultdict(Counts)
        for (name, held), order in ((f, o) for f in folds({g for g, _, _ in data}) for o in range(args.orders)):
            test = [d for d in data if d[0] in held]
            model, zpl = Path(tmp) / "model.zpm", Path(tmp) / "fold.zpl"
            seed = [] if order == 0 else ["--order-seed", str(order)]
            run([args.build / "zhpolicy_train_entities", "--lexicon", rules_zpl, "--posseg", args.posseg,
                 "--data", args.data, "--hold-out", ",".join(held), *seed, *train_options, "-o", model])
            run([args.build / "zhpolicy_lexc", "--base", rules_zpl, "--entity-model", model, "-o", zpl])
            combined = zhpolicy.EntityExtractor(zhpolicy.Lexicon.open(str(zpl)))
            slice_name = name if not name.startswith("provinces") else "held-out provinces"
            if args.errors and order == 0:
                for group, sentence, gold in test:
                    pred = {(e.start, e.end, e.type) for e in combined.extract(sentence)}
                    if pred != gold:
                        show = lambda ms: [[s, e, t, sentence[s:e]] for s, e, t in sorted(ms)]
                        errors.append({"region": group, "sentence": sentence, "missed": show(gold - pred),
                                       "spurious": show(pred - gold)})
            for label, extractor in (("rules", rules), ("rules+model", combined)):
                if label == "rules" and order > 0:
                    continue  # the rules do not depend on the order
                total, by_type = score(extractor, test)
                if label == "rules+model" and slice_name != "gold corpus":
                    c = per_order[order]
                    c.tp += total.tp; c.fp += total.fp; c.fn += total.fn
                for key in (slice_name, "held-out silver (provinces + national)" if slice_name != "gold corpus" else None,
                            "all"):
                    if key is None:
                        continue
                    agg = results[label][key]
                    for c, src in ((agg[0], total),):
                        c.tp += src.tp; c.fp += src.fp; c.fn += src.fn
                    for t, src in by_type.items():
                        d = agg[1][t]
                        d.tp += src.tp; d.fp += src.fp; d.fn += src.fn
            print(f"fold {name} (order {order}): held out {len(held)} region(s), {len(test)} sentences",
                  file=sys.stderr)

    order = ["held-out provinces", "national", "held-out silver (provinces + national)", "gold corpus", "all"]
    report = {}
    print("\n| slice | rules P / R / F1 | rules+model P / R / F1 |")
    print("|---|---|---|")
    for key in order:
        row = []
        for label in ("rules", "rules+model"):
            p, r, f = results[label][key][0].prf()
            row.append(f"{p:.3f} / {r:.3f} / **{f:.3f}**" if label == "rules+model" else f"{p:.3f} / {r:.3f} / {f:.3f}")
            report.setdefault(key, {})[label] = {"p": p, "r": r, "f1": f}
        print(f"| {key} | {row[0]} | {row[1]} |")
    print("\nF1 by type, held-out silver (provinces + national) / gold corpus:\n")
    print("| type | rules | rules+model | gold: rules | gold: rules+model |")
    print("|---|---|---|---|---|")
    for t in TYPES:
        cells = []
        for key in ("held-out silver (provinces + national)", "gold corpus"):
            for label in ("rules", "rules+model"):
                c = results[label][key][1][t]
                f = c.prf()[2]
                cells.append(f"{f:.3f} ({c.tp + c.fn})")
                report.setdefault(key, {}).setdefault("types", {}).setdefault(t, {})[label] = f
        print(f"| {t} | " + " | ".join(cells) + " |")
    print("\n(n): gold mentions of the type in the slice.")
    if args.orders > 1:
        figures = [per_order[o].prf()[2] for o in range(args.orders)]
        print(f"\nheld-out silver, rules+model, by training order: " + ", ".join(f"{f:.3f}" for f in figures) +
              f" (spread {max(figures) - min(figures):.3f}; the tables pool the {args.orders} models)")
        report["orders"] = figures
    if args.errors:
        args.errors.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
