"""Reads ../shared/gold/*.jsonl and scores predictions against it.

Mentions are located as the gold README says: by their text inside the
sentence, searching from the end of the previous mention of the same list.
"""
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple


@dataclass
class GoldSentence:
    doc: str
    sentence: str
    numbers: List[dict]
    entities: List[dict]


def load_gold(shared: Path, name: str = "policy_gold.jsonl") -> List[GoldSentence]:
    """The hand-checked gold of ../shared/corpus (documents under corpus/);
    name="policy_silver_train.jsonl" gives the silver set (documents under
    reports/)."""
    out = []
    path = shared / "gold" / name
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out.append(GoldSentence(d["doc"], d["sentence"], d.get("numbers", []), d.get("entities", [])))
    return out


def locate(sentence: str, mentions: List[dict]) -> List[Tuple[int, int, dict]]:
    spans, pos = [], 0
    for m in mentions:
        start = sentence.find(m["text"], pos)
        if start < 0:  # a gold mistake: reported by the caller
            spans.append((-1, -1, m))
            continue
        spans.append((start, start + len(m["text"]), m))
        pos = start + len(m["text"])
    return spans


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: List[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (f"{name:<14} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
                f"(tp {self.tp}, fp {self.fp}, fn {self.fn})")


def same_value(pred, gold) -> bool:
    if isinstance(gold, str) or isinstance(pred, str):
        return str(pred) == str(gold)
    if pred is None or gold is None:
        return pred is None and gold is None
    return abs(float(pred) - float(gold)) <= 1e-6 * max(1.0, abs(float(gold)))


@dataclass
class NumberReport:
    spans: Score = field(default_factory=Score)
    by_kind: Dict[str, Score] = field(default_factory=dict)
    matched: int = 0
    value_ok: int = 0
    unit_ok: int = 0
    qualifier_ok: int = 0
    problems: List[str] = field(default_factory=list)

    def rate(self, count: int) -> float:
        return count / max(self.matched, 1)

    def print(self, title: str) -> None:
        print(f"\n== {title} (span + kind) ==")
        print(self.spans.line("all"))
        for kind in sorted(self.by_kind):
            print(self.by_kind[kind].line(kind))
        print(f"of {self.matched} matched: value {self.rate(self.value_ok):.3f}, "
              f"unit {self.rate(self.unit_ok):.3f}, qualifier {self.rate(self.qualifier_ok):.3f}")
        for p in self.problems:
            print("  " + p)


def score_numbers(gold: List[GoldSentence], numbers, texts: Optional[List[str]] = None) -> NumberReport:
    """Numbers found by `numbers(text)` against the gold, span and kind, then
    value, unit and qualifier. `texts`: what each sentence is analyzed as
    (e.g. its Traditional copy, with the same character offsets)."""
    r = NumberReport()
    for i, g in enumerate(gold):
        text = texts[i] if texts is not None else g.sentence
        predicted = {(n.start, n.end, n.kind): n for n in numbers(text)}
        expected = {}
        for start, end, m in locate(g.sentence, g.numbers):
            if start < 0:
                r.problems.append(f"gold text not in sentence: {m['text']!r} ({g.doc})")
                continue
            expected[(start, end, m["kind"])] = m
        for key, m in expected.items():
            k = r.by_kind.setdefault(key[2], Score())
            if key in predicted:
                r.spans.tp += 1
                k.tp += 1
                n = predicted[key]
                r.matched += 1
                ok_value = same_value(n.value, m["value"]) and same_value(n.value_max, m.get("value_max"))
                r.value_ok += ok_value
                r.unit_ok += n.unit == m.get("unit")
                r.qualifier_ok += n.qualifier == m.get("qualifier")
                if not (ok_value and n.unit == m.get("unit") and n.qualifier == m.get("qualifier")):
                    r.problems.append(f"field mismatch: {n.to_dict()} vs gold {m}")
            else:
                r.spans.fn += 1
                k.fn += 1
                r.problems.append(f"missed: {m} in …{text[max(0, key[0] - 12):key[1] + 8]}…")
        for key, n in predicted.items():
            if key not in expected:
                r.spans.fp += 1
                r.by_kind.setdefault(key[2], Score()).fp += 1
                r.problems.append(f"spurious: {n.to_dict()} in …{text[max(0, n.start - 12):n.end + 8]}…")
    return r


def score_entities(gold: List[GoldSentence], documents: Dict[str, str], entities,
                   analyzed: Optional[Dict[str, str]] = None):
    """Entities of whole documents (`entities(text)`; a name introduced with
    its title is recognized later alone), scored on the gold sentences by span
    and type. `analyzed`: what each document is analyzed as (e.g. its
    Traditional copy, with the same character offsets). Returns (micro Score,
    {type: Score}, problems)."""
    found = {}
    total, by_type, problems = Score(), {}, []
    for g in gold:
        text = documents[g.doc]
        if g.doc not in found:
            found[g.doc] = entities(analyzed[g.doc] if analyzed is not None else text)
        offset = text.find(g.sentence)
        assert offset >= 0, f"gold sentence not in {g.doc}"
        end = offset + len(g.sentence)
        predicted = {(e.start - offset, e.end - offset, e.type) for e in found[g.doc]
                     if e.start >= offset and e.end <= end}
        expected = set()
        for start, stop, m in locate(g.sentence, g.entities):
            if start < 0:
                problems.append(f"gold text not in sentence: {m['text']!r} ({g.doc})")
                continue
            expected.add((start, stop, m["type"]))
        shown = analyzed[g.doc][offset:end] if analyzed is not None else g.sentence
        for key in expected | predicted:
            s = by_type.setdefault(key[2], Score())
            if key in expected and key in predicted:
                total.tp += 1
                s.tp += 1
            elif key in expected:
                total.fn += 1
                s.fn += 1
                problems.append(f"missed {key[2]}: {shown[key[0]:key[1]]}")
            else:
                total.fp += 1
                s.fp += 1
                problems.append(f"spurious {key[2]}: {shown[key[0]:key[1]]}")
    return total, by_type, problems
