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


def test_numbers_and_entities_are_columns_made_into_objects_when_read(corpus):
    """Document.numbers / .entities: C++ columns as read-only sequences; each
    object made once (links and targets refer to the same ones); arrays()
    give the same values as the objects."""
    import collections.abc
    import math
    text = next(iter(corpus.values()))
    doc = zhpolicy.analyze(text)
    numbers, entities = doc.numbers, doc.entities
    assert isinstance(numbers, zhpolicy.NumberList) and isinstance(entities, zhpolicy.EntityList)
    assert isinstance(numbers, collections.abc.Sequence) and isinstance(entities, collections.abc.Sequence)
    assert numbers == list(numbers) and entities == list(entities) and numbers != entities
    assert numbers[0] is numbers[0] and numbers[-1] is numbers[len(numbers) - 1]
    assert [n.text for n in numbers[1:4]] == [numbers[k].text for k in range(1, 4)]
    with pytest.raises(IndexError):
        numbers[len(numbers)]
    assert len(numbers + entities) == len(numbers) + len(entities) and len([] + entities) == len(entities)
    for person, _, position in doc.links:
        assert any(person is e for e in entities) and any(position is e for e in entities)
    for t in doc.targets:
        assert any(t.number is n for n in numbers)
    cols = numbers.arrays()
    for k, n in enumerate(numbers):
        assert (cols["start"][k], cols["end"][k]) == (n.start, n.end)
        assert zhpolicy.NumberList.KINDS[cols["kind"][k]] == n.kind
        assert (zhpolicy.NumberList.QUALIFIERS[cols["qualifier"][k]] or None) == n.qualifier
        if isinstance(n.value, (int, float)):
            assert math.isclose(cols["value"][k], n.value, rel_tol=1e-12)
        else:
            assert math.isnan(cols["value"][k])
    cols = entities.arrays()
    for k, e in enumerate(entities):
        assert (cols["start"][k], cols["end"][k]) == (e.start, e.end)
        assert zhpolicy.EntityList.TYPES[cols["type"][k]] == e.type
        assert zhpolicy.EntityList.SOURCES[cols["source"][k]] == e.source
        assert math.isclose(cols["score"][k], e.score, rel_tol=1e-6)
    assert doc.to_dict()["links"] and all(link["person"] is not None for link in doc.to_dict()["links"])


def test_documents_pickle_and_compare_by_value(corpus):
    """A Document pickles (its numbers, entities and targets too) and the copy
    equals the original field by field; links still point at the copy's own
    entities; mentions hash by value (sets, dict keys)."""
    import pickle
    doc = zhpolicy.analyze("\n".join(corpus[name] for name in sorted(corpus)))
    assert doc.numbers and doc.entities and doc.links and doc.targets
    copy = pickle.loads(pickle.dumps(doc))
    assert copy == doc
    assert copy.numbers == doc.numbers and copy.entities == doc.entities and copy.targets == doc.targets
    for person, _, position in copy.links:
        assert any(person is e for e in copy.entities) and any(position is e for e in copy.entities)
    assert {*doc.numbers} == {*copy.numbers} and len({*doc.entities, *copy.entities}) == len(doc.entities)
    assert doc.numbers[0] != doc.numbers[1] and doc.entities[0] != "区委"
