"""Accuracy on ../shared/gold: prints precision/recall/F1 and fails under the
thresholds in gold_thresholds.json, which only ever go up."""
import json
from pathlib import Path

import zhpolicy
from gold import Score, load_gold, locate, same_value

THRESHOLDS = json.loads((Path(__file__).with_name("gold_thresholds.json")).read_text())


def test_numbers_against_gold(shared_dir, capsys):
    gold = load_gold(shared_dir)
    assert gold, "no gold sentences"
    spans = Score()
    by_kind = {}
    matched = value_ok = unit_ok = qualifier_ok = 0
    problems = []
    for g in gold:
        predicted = {(n.start, n.end, n.kind): n for n in zhpolicy.numbers(g.sentence)}
        expected = {}
        for start, end, m in locate(g.sentence, g.numbers):
            if start < 0:
                problems.append(f"gold text not in sentence: {m['text']!r} ({g.doc})")
                continue
            expected[(start, end, m["kind"])] = m
        for key, m in expected.items():
            k = by_kind.setdefault(key[2], Score())
            if key in predicted:
                spans.tp += 1
                k.tp += 1
                n = predicted[key]
                matched += 1
                ok_value = same_value(n.value, m["value"]) and same_value(n.value_max, m.get("value_max"))
                value_ok += ok_value
                unit_ok += n.unit == m.get("unit")
                qualifier_ok += n.qualifier == m.get("qualifier")
                if not (ok_value and n.unit == m.get("unit") and n.qualifier == m.get("qualifier")):
                    problems.append(f"field mismatch: {n.to_dict()} vs gold {m}")
            else:
                spans.fn += 1
                k.fn += 1
                problems.append(f"missed: {m} in …{g.sentence[max(0, key[0] - 12):key[1] + 8]}…")
        for key, n in predicted.items():
            if key not in expected:
                spans.fp += 1
                by_kind.setdefault(key[2], Score()).fp += 1
                problems.append(f"spurious: {n.to_dict()} in …{g.sentence[max(0, n.start - 12):n.end + 8]}…")

    with capsys.disabled():
        print("\n== numbers vs ../shared/gold (span + kind) ==")
        print(spans.line("all"))
        for kind in sorted(by_kind):
            print(by_kind[kind].line(kind))
        print(f"of {matched} matched: value {value_ok / max(matched, 1):.3f}, "
              f"unit {unit_ok / max(matched, 1):.3f}, qualifier {qualifier_ok / max(matched, 1):.3f}")
        for p in problems:
            print("  " + p)
    t = THRESHOLDS["numbers"]
    assert spans.f1 >= t["f1"]
    assert value_ok / max(matched, 1) >= t["value"]
    assert unit_ok / max(matched, 1) >= t["unit"]
    assert qualifier_ok / max(matched, 1) >= t["qualifier"]


def test_entities_against_gold(shared_dir, capsys):
    # Entities are extracted from the whole document (a name introduced with
    # its title is recognized later alone), then the sentence's are scored.
    gold = load_gold(shared_dir)
    documents = {}
    total = Score()
    by_type = {}
    problems = []
    for g in gold:
        if g.doc not in documents:
            text = (shared_dir / "corpus" / g.doc).read_text(encoding="utf-8")
            documents[g.doc] = (text, zhpolicy.entities(text))
        text, doc_entities = documents[g.doc]
        offset = text.find(g.sentence)
        assert offset >= 0, f"gold sentence not in {g.doc}"
        end = offset + len(g.sentence)
        predicted = {(e.start - offset, e.end - offset, e.type) for e in doc_entities
                     if e.start >= offset and e.end <= end}
        expected = set()
        for start, end, m in locate(g.sentence, g.entities):
            if start < 0:
                problems.append(f"gold text not in sentence: {m['text']!r} ({g.doc})")
                continue
            expected.add((start, end, m["type"]))
        for key in expected | predicted:
            s = by_type.setdefault(key[2], Score())
            if key in expected and key in predicted:
                total.tp += 1
                s.tp += 1
            elif key in expected:
                total.fn += 1
                s.fn += 1
                problems.append(f"missed {key[2]}: {g.sentence[key[0]:key[1]]}")
            else:
                total.fp += 1
                s.fp += 1
                problems.append(f"spurious {key[2]}: {g.sentence[key[0]:key[1]]}")
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
