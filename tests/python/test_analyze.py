import json

import pytest

import zhpolicy


def test_analyze_gives_all_parts_with_offsets(corpus):
    text = next(iter(corpus.values()))
    doc = zhpolicy.analyze(text)
    assert doc.text == text
    assert "".join(t.text for t in doc.tokens) == text
    assert doc.numbers and doc.entities
    for item in doc.numbers + doc.entities:
        assert text[item.start:item.end] == item.text
    assert [n.to_dict() for n in doc.numbers] == [n.to_dict() for n in zhpolicy.numbers(text)]
    assert [e.to_dict() for e in doc.entities] == [e.to_dict() for e in zhpolicy.entities(text)]
    json.dumps(doc.to_dict(), ensure_ascii=False)  # plain data


def test_entity_tokens_tile_and_keep_entities_whole():
    text = "民革渝中区委、区政协提案委建议,渝中区委书记赵世庆出席"
    tokens = zhpolicy.segment(text, entities=True)
    assert "".join(t.text for t in tokens) == text
    words = [t.text for t in tokens]
    for name in ("民革渝中区委", "区政协提案委", "区委书记", "赵世庆"):
        assert name in words
    assert zhpolicy.analyze(text, entity_tokens=True).tokens == tokens


def test_analyze_many_equals_analyze(corpus):
    texts = list(corpus.values())
    one = [zhpolicy.analyze(t).to_dict() for t in texts]
    assert [d.to_dict() for d in zhpolicy.analyze_many(texts, n_threads=2)] == one


def test_links_in_document():
    doc = zhpolicy.analyze("区政协主席陈大奎、区委副书记张远洪出席")
    assert [(p.text, t.text) for p, _, t in doc.links] == [("陈大奎", "区政协主席"), ("张远洪", "区委副书记")]
    assert doc.to_dict()["links"][0]["relation"] == "holds_position"


def test_every_class_takes_the_default_lexicon():
    # What a newcomer types first, as jieba.Tokenizer() works.
    text = "区委书记赵世庆出席会议，新增5家企业"
    assert zhpolicy.Segmenter().cut(text) == zhpolicy.cut(text)
    assert [n.text for n in zhpolicy.NumberExtractor().extract(text)] == ["5家"]
    assert [e.text for e in zhpolicy.EntityExtractor().extract(text)] == [e.text for e in zhpolicy.entities(text)]
    tokens, numbers, entities, links, targets = zhpolicy.Analyzer().analyze_parts(text)
    assert [n.text for n in numbers] == ["5家"] and links
    with pytest.raises(TypeError):
        zhpolicy.Segmenter("not a lexicon")
