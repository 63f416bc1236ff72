"""The gold corpus rewritten in Traditional characters (OpenCC's s2t, the
field's standard converter; Debian's `opencc`) must score as the Simplified
text does: normalization folds it back (t2s) while offsets stay on the text
as written."""
import sys
from pathlib import Path

import pytest

import zhpolicy
from gold import load_gold, score_entities, score_numbers

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import opencc_s2t  # noqa: E402  (the scripts' converter)


def to_traditional(texts):
    """s2t of each text; each keeps its length in characters (so gold
    offsets hold), which the test checks."""
    converted = opencc_s2t.to_traditional(texts)
    assert [len(t) for t in converted] == [len(t) for t in texts]
    return converted


@pytest.fixture(scope="module")
def gold(shared_dir):
    return load_gold(shared_dir)


def test_traditional_copies_differ_from_the_simplified(gold):
    sentences = [g.sentence for g in gold]
    traditional = to_traditional(sentences)
    changed = sum(a != b for a, b in zip(sentences, traditional))
    assert changed > 0.8 * len(sentences)


def test_numbers_in_traditional_text(gold, capsys):
    simplified = score_numbers(gold, zhpolicy.numbers)
    traditional = score_numbers(gold, zhpolicy.numbers, to_traditional([g.sentence for g in gold]))
    with capsys.disabled():
        print(f"\nnumbers F1: Simplified {simplified.spans.f1:.3f}, Traditional {traditional.spans.f1:.3f}; "
              f"values matched {traditional.rate(traditional.value_ok):.3f}")
        traditional.print("numbers vs ../shared/gold, Traditional copy")
    assert traditional.spans.f1 >= simplified.spans.f1 - 0.01
    assert traditional.rate(traditional.value_ok) >= simplified.rate(simplified.value_ok) - 0.01
    assert traditional.rate(traditional.unit_ok) >= simplified.rate(simplified.unit_ok) - 0.01


def test_entities_in_traditional_text(gold, shared_dir, capsys):
    names = sorted({g.doc for g in gold})
    documents = {n: (shared_dir / "corpus" / n).read_text(encoding="utf-8") for n in names}
    analyzed = dict(zip(names, to_traditional([documents[n] for n in names])))
    simplified, _, _ = score_entities(gold, documents, zhpolicy.entities)
    traditional, by_type, problems = score_entities(gold, documents, zhpolicy.entities, analyzed)
    with capsys.disabled():
        print(f"\nentities micro F1: Simplified {simplified.f1:.3f}, Traditional {traditional.f1:.3f}")
        for t in sorted(by_type):
            print(by_type[t].line(t))
        for p in problems:
            print("  " + p)
    assert traditional.f1 >= simplified.f1 - 0.02


def test_offsets_point_into_the_text_as_written():
    text = "二〇二五年全市地區生產總值增長5.2%，達到三萬兩千億元；召開區政協十五屆一次會議"
    numbers = zhpolicy.numbers(text)
    money = [n for n in numbers if n.kind == "money"]
    assert [(n.text, n.value, n.unit) for n in money] == [("三萬兩千億元", 3.2e12, "元")]
    assert text[money[0].start:money[0].end] == "三萬兩千億元"
    entities = zhpolicy.entities(text)
    assert ("區政協十五屆一次會議", "meeting") in [(e.text, e.type) for e in entities]
    for e in entities:
        assert text[e.start:e.end] == e.text
    assert "".join(t.text for t in zhpolicy.segment(text)) == text
