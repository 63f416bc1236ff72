"""Accuracy on ../shared/gold: prints precision/recall/F1 and fails under the
thresholds in gold_thresholds.json, which only ever go up."""
import json
from pathlib import Path

import zhpolicy
from gold import load_gold, score_entities, score_numbers

THRESHOLDS = json.loads((Path(__file__).with_name("gold_thresholds.json")).read_text())


def test_numbers_against_gold(shared_dir, capsys):
    gold = load_gold(shared_dir)
    assert gold, "no gold sentences"
    r = score_numbers(gold, zhpolicy.numbers)
    with capsys.disabled():
        r.print("numbers vs ../shared/gold")
    t = THRESHOLDS["numbers"]
    assert r.spans.f1 >= t["f1"]
    assert r.rate(r.value_ok) >= t["value"]
    assert r.rate(r.unit_ok) >= t["unit"]
    assert r.rate(r.qualifier_ok) >= t["qualifier"]


def test_entities_against_gold(shared_dir, capsys):
    gold = load_gold(shared_dir)
    documents = {g.doc: (shared_dir / "corpus" / g.doc).read_text(encoding="utf-8") for g in gold}
    total, by_type, problems = score_entities(gold, documents, zhpolicy.entities)
    with capsys.disabled():
        print("\n== entities vs ../shared/gold (span + type) ==")
        print(total.line("micro"))
        for t in sorted(by_type):
            print(by_type[t].line(t))
        for p in problems:
            print("  " + p)
    t = THRESHOLDS["entities"]
    assert total.f1 >= t["micro_f1"]
    for name, s in by_type.items():
        assert s.f1 >= t["per_type_f1"], name
