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
