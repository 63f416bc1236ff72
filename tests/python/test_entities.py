import concurrent.futures

import pytest

import zhpolicy


def test_types_offsets_and_to_dict():
    text = "19日，渝中区委书记赵世庆出席区政协十五届一次会议"
    es = zhpolicy.entities(text)
    assert [(e.text, e.type) for e in es] == [
        ("渝中", "place"), ("区委书记", "position"), ("赵世庆", "person"), ("区政协十五届一次会议", "meeting")]
    for e in es:
        assert text[e.start:e.end] == e.text
    d = es[2].to_dict()
    assert {k: d[k] for k in ("text", "start", "end", "type", "source")} == {
        "text": "赵世庆", "start": 10, "end": 13, "type": "person", "source": "rule"}
    assert 0 < d["score"] <= 1 and d["score"] == pytest.approx(es[2].score)


def test_scores_and_sources_of_a_document(corpus):
    es = [e for text in corpus.values() for e in zhpolicy.entities(text)]
    assert all(0 < e.score <= 1 for e in es)
    sources = {e.source for e in es}
    assert sources == {"rule", "lexicon", "model"}
    # Names only the model finds are of the types it labels.
    assert {e.type for e in es if e.source == "model"} <= {
        "person", "place", "government", "organization", "company", "position"}
    # A researcher's filter: sure mentions are a subset, and not empty.
    sure = [e for e in es if e.score >= 0.9]
    assert 0 < len(sure) < len(es)


def test_the_model_can_be_turned_off(corpus):
    text = "\n".join(corpus.values())
    lexicon = zhpolicy.default_lexicon()
    with_model = zhpolicy.EntityExtractor(lexicon).extract(text)
    rules = zhpolicy.EntityExtractor(lexicon, model=False).extract(text)
    assert any(e.source == "model" for e in with_model)
    assert rules and not any(e.source == "model" for e in rules)
    # The analyzer's option does the same, and survives pickling.
    import pickle
    analyzer = pickle.loads(pickle.dumps(zhpolicy.Analyzer(lexicon, entity_model=False)))
    assert [e.to_dict() for e in analyzer.analyze_parts(text)[2]] == [e.to_dict() for e in rules]


def test_person_position_links():
    ex = zhpolicy.EntityExtractor(zhpolicy.default_lexicon())
    ents, links = ex.extract_links("区委副书记、区长黄茂军,区政协主席陈大奎")
    assert [(p.text, rel, t.text) for p, rel, t in links] == [
        ("黄茂军", "holds_position", "区长"), ("黄茂军", "holds_position", "区委副书记"),
        ("陈大奎", "holds_position", "区政协主席")]


def test_entities_of_every_corpus_document_are_ordered_and_disjoint(corpus):
    for text in corpus.values():
        pos = 0
        for e in zhpolicy.entities(text):
            assert e.start >= pos and text[e.start:e.end] == e.text
            assert e.type in {"government", "organization", "company", "person", "position", "place",
                              "meeting", "document", "slogan"}
            pos = e.end


def test_batch_and_threads_equal_single(corpus):
    texts = list(corpus.values())
    single = [[e.to_dict() for e in zhpolicy.entities(t)] for t in texts]
    assert [[e.to_dict() for e in es] for es in zhpolicy.entities_many(texts, n_threads=2)] == single
    ex = zhpolicy.EntityExtractor(zhpolicy.default_lexicon())
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(lambda t: [e.to_dict() for e in ex.extract(t)], texts)) == single


def test_user_entity_terms_from_the_lexicon_layer():
    lex = zhpolicy.default_lexicon().with_user_words([("渝事好商量", None, "nz", "slogan")])
    ex = zhpolicy.EntityExtractor(lex)
    assert [(e.text, e.type) for e in ex.extract("打造渝事好商量品牌")] == [("渝事好商量", "slogan")]
    assert zhpolicy.default_lexicon().lookup("渝事好商量") is None  # the shared lexicon is untouched


def test_bad_input():
    assert zhpolicy.entities("") == []
    with pytest.raises(TypeError):
        zhpolicy.entities(b"x")


def test_entity_dict_file(tmp_path):
    good = tmp_path / "terms.txt"
    good.write_text("重庆长航 company\n险资入渝大会 meeting 30\n", encoding="utf-8")
    ex = zhpolicy.EntityExtractor(zhpolicy.load(entity_dict=good).lexicon)
    assert [(e.text, e.type) for e in ex.extract("重庆长航参加险资入渝大会")] == [
        ("重庆长航", "company"), ("险资入渝大会", "meeting")]
    bad = tmp_path / "bad.txt"
    bad.write_text("渝中 place\n区委 body\n", encoding="utf-8")
    with pytest.raises(zhpolicy.Error, match=r"bad.txt:2: expected an entity type"):
        zhpolicy.load(entity_dict=bad)
