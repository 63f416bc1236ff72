import decimal

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


def test_parse_number_and_to_chinese():
    assert zhpolicy.parse_number("负零点一零") == -0.1
    assert zhpolicy.parse_number("壹佰贰拾万") == 1200000
    assert zhpolicy.parse_number("一二三") == 123
    assert zhpolicy.parse_number("負三萬") == -30000
    big = zhpolicy.parse_number("四十亿亿四千零三万亿零四百零六万零九十六")
    assert big == 404003000004060096 and isinstance(big, int)  # exact, beyond a float
    for bad in ["", "abc", "十多万", "一万一万"]:
        with pytest.raises(ValueError):
            zhpolicy.parse_number(bad)
    assert zhpolicy.to_chinese(1000054) == "一百万零五十四"
    assert zhpolicy.to_chinese(1000054, style="upper") == "壹佰万零伍拾肆"
    assert zhpolicy.to_chinese(1000054, style="rmb") == "壹佰万零伍拾肆元整"
    assert zhpolicy.to_chinese(0.1) == "零点一"
    assert zhpolicy.to_chinese(decimal.Decimal("12.30"), style="rmb") == "壹拾贰元叁角"
    for value in [0, 7, 10, 15, 105, 1000054, 12000, 100010000, 123456789012, -3.25]:
        assert zhpolicy.parse_number(zhpolicy.to_chinese(value)) == value
        assert zhpolicy.parse_number(zhpolicy.to_chinese(value, "upper")) == value
    for bad, style in [(-1, "rmb"), (1.234, "rmb"), (10 ** 20, "lower"), (float("inf"), "lower"), (1, "roman")]:
        with pytest.raises(ValueError):
            zhpolicy.to_chinese(bad, style)
    with pytest.raises(TypeError):
        zhpolicy.to_chinese(None)


def test_numbers_of_every_written_form_in_sentences():
    found = {n.text: (n.kind, n.value, n.unit, n.qualifier) for n in zhpolicy.numbers(
        "利润负3.9%，新增十多万人，补贴五百余万元，覆盖三成以上，打八点五折，占万分之三，"
        "合计123元1角1分，月薪15k，装机10万千瓦，重1千克")}
    assert found == {
        "负3.9%": ("percent", -3.9, "%", None),
        "十多万人": ("quantity", 100000, "人", "gt"),
        "五百余万元": ("money", 5000000, "元", "gt"),
        "三成以上": ("percent", 30, "%", "ge"),
        "八点五折": ("percent", 85, "%", None),
        "万分之三": ("fraction", 0.0003, None, None),
        "123元1角1分": ("money", 123.11, "元", None),
        "15k": ("cardinal", 15000, None, None),
        "10万千瓦": ("quantity", 100000, "千瓦", None),
        "1千克": ("quantity", 1, "千克", None),
    }
