import pickle

import pandas as pd

import zhpolicy


def test_numbers_of_a_folder_in_one_call(shared_dir, corpus):
    df = zhpolicy.to_dataframe(shared_dir / "corpus", layer="number")
    assert set(df["layer"]) == {"number"}
    assert df["doc"].nunique() == len(corpus)
    assert str(df["start"].dtype) == "int64" and str(df["value"].dtype) == "float64"
    assert str(df["kind"].dtype) == "category" and str(df["text"].dtype) == "string"
    money = df[df["kind"] == "money"]
    assert (money["unit"] == "元").all() and len(money) > 5
    for row in df.itertuples():
        assert corpus[row.doc.split("/")[-1]][row.start:row.end] == row.text


def test_document_tables_and_exact_values():
    doc = zhpolicy.analyze("区委书记赵世庆：力争三年突破700亿元，2024年2月5日，一亿亿亿亿")
    df = doc.to_pandas()
    assert set(df["layer"]) == {"token", "number", "entity"}
    numbers = doc.to_pandas(layer="number").set_index("text")
    assert numbers.loc["700亿元", "value"] == 70_000_000_000 and numbers.loc["700亿元", "qualifier"] == "gt"
    assert numbers.loc["2024年2月5日", "value_exact"] == "2024-02-05"
    assert pd.isna(numbers.loc["2024年2月5日", "value"])
    assert numbers.loc["一亿亿亿亿", "value_exact"] == "1" + "0" * 32  # exact beyond float precision
    entities = doc.to_pandas(layer="entity")
    assert entities["kind"].tolist() == ["position", "person"]


def test_analyzers_pickle_and_give_the_same_results(tmp_path):
    lex = zhpolicy.default_lexicon().with_user_words([("渝事好商量", None, "nz", "slogan")])
    text = "打造渝事好商量品牌，新增5家，区委书记赵世庆出席"
    for obj, run in [
        (zhpolicy.Segmenter(lex), lambda o: o.cut(text)),
        (zhpolicy.NumberExtractor(lex), lambda o: [n.to_dict() for n in o.extract(text)]),
        (zhpolicy.EntityExtractor(lex), lambda o: [e.to_dict() for e in o.extract(text)]),
        (zhpolicy.Analyzer(lex, entity_tokens=True), lambda o: [t.text for t in o.analyze_parts(text)[0]]),
    ]:
        data = pickle.dumps(obj)
        assert len(data) < 10_000  # the lexicon travels by path and checksum, not by bytes
        assert run(pickle.loads(data)) == run(obj)
    # A lexicon made from bytes travels as bytes; a changed file is refused.
    copy = zhpolicy.Lexicon.from_bytes(zhpolicy.default_lexicon().base_bytes())
    assert pickle.loads(pickle.dumps(copy)).checksum == copy.checksum
    path = tmp_path / "lex.zpl"
    path.write_bytes(zhpolicy.default_lexicon().base_bytes())
    data = pickle.dumps(zhpolicy.Lexicon.open(str(path)))
    path.write_bytes(b"ZHPL" + b"\0" * 100)
    try:
        pickle.loads(data)
        raise AssertionError("a changed lexicon file must be refused")
    except zhpolicy.Error:
        pass


def test_columns_built_from_arrays_equal_the_records(corpus):
    """to_dataframe builds token columns from the TokenList's arrays and the
    rest column by column; the frame equals the one made from records() rows
    (values, dtypes, categories), per layer and for all layers of several documents."""
    from zhpolicy import frame
    docs = [(name, zhpolicy.analyze(text)) for name, text in sorted(corpus.items())]
    docs.append(("empty", zhpolicy.analyze("")))
    rows = [r for name, doc in docs for r in frame.records(name, doc)]
    pd.testing.assert_frame_equal(zhpolicy.to_dataframe(docs), frame.from_records(rows))
    name, doc = docs[0]
    for layer in frame.LAYERS:
        pd.testing.assert_frame_equal(doc.to_pandas(layer=layer, doc_id=name),
                                      frame.from_records(frame.records(name, doc, (layer,))))
