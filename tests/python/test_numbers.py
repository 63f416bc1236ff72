import concurrent.futures

import pytest

import zhpolicy


def test_offsets_and_to_dict():
    text = "力争突破1450亿元，增长12%左右，新增就业4.6万人"
    ns = zhpolicy.numbers(text)
    assert [text[n.start:n.end] for n in ns] == [n.text for n in ns] == ["1450亿元", "12%左右", "4.6万人"]
    assert ns[0].to_dict() == {"text": "1450亿元", "start": 4, "end": 10, "kind": "money",
                               "value": 145000000000, "unit": "元", "qualifier": "gt"}
    assert ns[0].exact == "145000000000"
    assert isinstance(ns[0].value, int)
    assert ns[2].value == 46000 and ns[2].unit == "人" and ns[2].qualifier is None


def test_value_types_by_kind():
    by_text = {n.text: n for n in zhpolicy.numbers("2024年2月5日，“11241”体系，三分之一，3至5个，增长12.5%")}
    assert by_text["2024年2月5日"].value == "2024-02-05"
    assert by_text["11241"].kind == "code" and by_text["11241"].value == "11241"
    assert by_text["三分之一"].value == pytest.approx(0.3333333)
    assert (by_text["3至5个"].value, by_text["3至5个"].value_max) == (3, 5)
    assert by_text["12.5%"].value == 12.5


def test_astral_characters_keep_offsets_right():
    text = "𠀀😀增长１２％"
    (n,) = zhpolicy.numbers(text)
    assert text[n.start:n.end] == "１２％" and n.value == 12


def test_huge_values_are_exact_python_ints():
    (n,) = zhpolicy.numbers("一亿亿亿亿")
    assert n.value == 10 ** 32


def test_empty_and_bad_input():
    assert zhpolicy.numbers("") == []
    with pytest.raises(TypeError):
        zhpolicy.numbers(None)
    with pytest.raises(zhpolicy.Error, match="lone surrogate"):
        zhpolicy.numbers("12%\ud800")


def test_batch_and_threads_equal_single(corpus):
    texts = list(corpus.values())
    single = [[n.to_dict() for n in zhpolicy.numbers(t)] for t in texts]
    batch = [[n.to_dict() for n in ns] for ns in zhpolicy.numbers_many(texts, n_threads=2)]
    assert batch == single
    ex = zhpolicy.NumberExtractor(zhpolicy.default_lexicon())
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda t: [n.to_dict() for n in ex.extract(t)], texts * 3))
    assert threaded == single * 3


def test_every_corpus_number_has_consistent_offsets(corpus):
    for text in corpus.values():
        for n in zhpolicy.numbers(text):
            assert text[n.start:n.end] == n.text
            assert n.kind in {"cardinal", "ordinal", "percent", "money", "quantity", "date", "time",
                              "fraction", "code"}
