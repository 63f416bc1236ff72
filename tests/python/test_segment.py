import concurrent.futures
import random

import pytest

import zhpolicy


def assert_tiles(text, tokens):
    pos = 0
    for t in tokens:
        assert t.start == pos, (t, pos)
        assert t.end > t.start
        assert text[t.start:t.end] == t.text
        pos = t.end
    assert pos == len(text)


def test_offsets_are_characters_and_tile_the_corpus(corpus):
    for name, text in corpus.items():
        assert_tiles(text, zhpolicy.segment(text))


def test_offsets_with_astral_characters_and_full_width_forms():
    text = "𠀀区政协😀ＧＤＰ增长１２．５％…"
    tokens = zhpolicy.segment(text)
    assert_tiles(text, tokens)
    assert [t.text for t in tokens if str(t.kind) == "number"] == ["１２．５％"]


def test_random_strings_tile():
    rng = random.Random(5)
    alphabet = "政协区委十五届二次会议亿万元%１２．，。“”…— \n\r\tAz-.,:019年月日😀𠀀é"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(50)))
        assert_tiles(text, zhpolicy.segment(text))


def test_kinds_and_numbers():
    tokens = zhpolicy.segment("2024年2月5日，新增就业4.6万人，增长12%")
    kinds = {t.text: str(t.kind) for t in tokens}
    assert kinds["2024年2月5日"] == "date"
    assert kinds["4.6万"] == "number"
    assert kinds["12%"] == "number"
    assert kinds["，"] == "punctuation"
    assert tokens[0].to_dict() == {"text": "2024年2月5日", "start": 0, "end": 9, "kind": "date"}


def test_empty_text():
    assert zhpolicy.segment("") == []
    assert zhpolicy.cut("") == []


def test_search_mode():
    assert zhpolicy.cut("中华人民共和国", mode="search") == [
        "中华", "华人", "人民", "共和", "共和国", "中华人民共和国"]
    with pytest.raises(zhpolicy.Error, match="mode must be"):
        zhpolicy.cut("中华", mode="fast")


def test_bad_input_types_and_lone_surrogates():
    with pytest.raises(TypeError):
        zhpolicy.segment(b"bytes")
    with pytest.raises(zhpolicy.Error, match="lone surrogate at character 2"):
        zhpolicy.segment("政协\ud800")
    with pytest.raises(ValueError):  # zhpolicy.Error is a ValueError
        zhpolicy.segment("\udfff")
    with pytest.raises(TypeError):
        zhpolicy.segment_many(["ok", 3])


def test_segment_many_equals_segment(corpus):
    texts = [line for doc in corpus.values() for line in doc.splitlines()]
    expected = [zhpolicy.segment(t) for t in texts]
    for n in (0, 1, 2, 4):
        assert zhpolicy.segment_many(texts, n_threads=n) == expected


def test_threads_share_one_segmenter(corpus):
    seg = zhpolicy.Segmenter(zhpolicy.default_lexicon())
    texts = list(corpus.values()) * 4
    expected = [seg.cut(t) for t in texts]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(seg.cut, texts))
    assert results == expected


def test_user_words_do_not_touch_the_default():
    base = zhpolicy.default_lexicon()
    custom = zhpolicy.Segmenter(base.with_user_words([("渝中区委", None, "nt")]))
    assert custom.cut("民革渝中区委") == ["民革", "渝中区委"]
    assert zhpolicy.cut("民革渝中区委") == ["民革", "渝中区", "委"]
    assert base.lookup("渝中区委") is None
    assert custom.lexicon.lookup("渝中区委").tag == "nt"


def test_user_dict_errors_name_file_and_line(tmp_path):
    bad = tmp_path / "user.dict"
    bad.write_text("政协 100 nt\n区政协 100 nt extra\n", encoding="utf-8")
    with pytest.raises(zhpolicy.Error, match=r"user.dict:2: expected 'word \[freq\] \[tag\]', got 4 fields"):
        zhpolicy.load(user_dict=bad)
    with pytest.raises(zhpolicy.Error, match="cannot open"):
        zhpolicy.load(user_dict=tmp_path / "missing.dict")
    with pytest.raises(zhpolicy.Error, match="unknown entity type"):
        zhpolicy.default_lexicon().with_user_words([("词", 3, "n", "animal")])
    with pytest.raises(zhpolicy.Error, match="freq must be"):
        zhpolicy.default_lexicon().with_user_words([("词", 0)])


def test_broken_lexicon_files(tmp_path):
    with pytest.raises(zhpolicy.Error, match="cannot open"):
        zhpolicy.Lexicon.open(str(tmp_path / "missing.zpl"))
    junk = tmp_path / "junk.zpl"
    junk.write_bytes(b"\x00" * 100)
    with pytest.raises(zhpolicy.Error, match="not a valid zhpolicy lexicon"):
        zhpolicy.Lexicon.open(str(junk))
    data = bytearray(zhpolicy.default_lexicon().base_bytes())
    data[len(data) // 3] ^= 0xFF
    with pytest.raises(zhpolicy.Error, match="checksum"):
        zhpolicy.Lexicon.from_bytes(bytes(data))


def test_strict_utf8_option_is_validated():
    with pytest.raises(zhpolicy.Error, match="invalid_utf8"):
        zhpolicy.Segmenter(zhpolicy.default_lexicon(), invalid_utf8="ignore")
    # A Python str is always valid UTF-8 once encoded, so strict mode accepts it.
    strict = zhpolicy.Segmenter(zhpolicy.default_lexicon(), invalid_utf8="error")
    assert strict.cut("区政协召开会议") == ["区政协", "召开", "会议"]


def test_segment_arrays_equal_the_tokens_in_9_bytes_a_token(shared_dir):
    """Columns for large corpora: the same tokens as segment(), as numpy arrays
    that share the C++ buffers (no Python object per token)."""
    import numpy as np
    import zhpolicy
    for path in sorted((shared_dir / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for mode in ("default", "search"):
            cols = zhpolicy.segment_arrays(text, mode)
            tokens = zhpolicy.segment(text, mode)
            assert cols["start"].tolist() == [t.start for t in tokens]
            assert cols["end"].tolist() == [t.end for t in tokens]
            assert [str(zhpolicy.TokenKind(int(k))) for k in cols["kind"]] == [str(t.kind) for t in tokens]
        assert sum(a.itemsize for a in cols.values()) == 9
        assert cols["start"].dtype == np.uint32 and cols["kind"].dtype == np.uint8
        assert cols["start"].base is not None  # a view of the C++ buffer, not a copy
    empty = zhpolicy.segment_arrays("")
    assert [len(a) for a in empty.values()] == [0, 0, 0]


def test_tokens_compare_print_and_pickle():
    import pickle
    tokens = zhpolicy.segment("增长12.5%")
    t = tokens[1]
    assert (t.text, t.start, t.end, t.kind) == ("12.5%", 2, 7, zhpolicy.TokenKind.NUMBER)
    assert repr(t) == "Token('12.5%', 2, 7, number)"
    assert t.to_dict() == {"text": "12.5%", "start": 2, "end": 7, "kind": "number"}
    assert pickle.loads(pickle.dumps(tokens)) == tokens
    assert t == zhpolicy.Token("12.5%", 2, 7, zhpolicy.TokenKind.NUMBER) and t != tokens[0] and t != "12.5%"
    with pytest.raises(TypeError):
        hash(t)
    with pytest.raises(ValueError, match="TokenKind"):
        zhpolicy.Token("x", 0, 1, 99)
    with pytest.raises(AttributeError):
        t.start = 0


def test_search_mode_offsets_are_characters_of_the_source():
    # Search mode's sub-words go back inside a long word: offsets are counted
    # back from the previous token, not from the text's start.
    text = "全年中华人民共和国成立纪念日，渝中区政协召开会议。\n" * 50
    tokens = zhpolicy.segment(text, mode="search")
    assert any(b.start < a.end for a, b in zip(tokens, tokens[1:]))  # some go back
    # segment_arrays maps offsets by a table of the whole text: the same answer.
    cols = zhpolicy.segment_arrays(text, mode="search")
    assert [(t.start, t.end) for t in tokens] == list(zip(cols["start"].tolist(), cols["end"].tolist()))


def test_cut_shares_short_words_without_changing_them():
    # cut shares the str of one- and two-character words between calls (a
    # table of recent ones): whatever the table held before, each word is
    # the text's own characters, on a corpus's worth of distinct pairs.
    rng = random.Random(7)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 400)]
    texts = ["".join(rng.choice(han) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    texts += ["全年实现地区生产总值1450亿元，增长5.5%。"] * 3
    seg = zhpolicy.Segmenter()
    for text in texts:
        words = seg.cut(text)
        assert "".join(words) == text
        assert words == [text[t.start:t.end] for t in seg.segment(text)]
