"""zhpolicy: words, numbers, entities and targets of Chinese policy documents.

>>> import zhpolicy
>>> zhpolicy.cut("全面推动党的二十大精神在重庆落地生根")
['全面', '推动', '党', '的', '二十大', '精神', '在', '重庆', '落地生根']

Offsets are character offsets into the str you pass: for every token,
``text[token.start:token.end] == token.text``.
"""
from __future__ import annotations

import collections.abc
import functools
import os
TYPE_CHECKING = False  # annotations only: typing is not imported at run time (start-up)
if TYPE_CHECKING:
    from typing import Iterable, List, Optional

from ._core import (  # noqa: F401  (re-exported API)
    Analyzer,
    Entity,
    EntityExtractor,
    EntityList,
    Error,
    Lexicon,
    Number,
    NumberExtractor,
    NumberList,
    PieceContext,
    Segmenter,
    Target,
    TargetExtractor,
    Token,
    TokenKind,
    TokenList,
    UserWord,
    WordInfo,
    __version__,
    _to_chinese,
    parse_number,
)

collections.abc.Sequence.register(TokenList)
collections.abc.Sequence.register(NumberList)
collections.abc.Sequence.register(EntityList)

# The pure-Python layers are imported when first used (PEP 562): the command
# line's segment and a bare `import zhpolicy` start without dataclasses,
# inspect and the rest they pull in.
_LAZY = {"Document": "document", "to_dataframe": "frame", "Piece": "stream", "analyze_file": "stream",
         "analyze_files": "stream"}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'zhpolicy' has no attribute {name!r}")
    import importlib
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> List[str]:
    return sorted(set(globals()) | set(_LAZY))

__all__ = [
    "Analyzer", "Document", "analyze", "analyze_many", "analyze_file", "analyze_files", "Piece", "to_dataframe",
    "Entity", "EntityExtractor", "EntityList", "Error", "Lexicon", "Number", "NumberExtractor", "NumberList", "PieceContext", "Segmenter", "Token", "TokenKind", "TokenList", "UserWord", "WordInfo",
    "__version__", "default_lexicon_path", "default_lexicon", "load",
    "segment", "cut", "segment_many", "segment_arrays", "numbers", "numbers_many",
    "entities", "entities_many", "parse_number", "to_chinese",
    "Target", "TargetExtractor", "targets", "targets_many",
]


def to_chinese(value, style: str = "lower") -> str:
    """`value` (int, float, decimal.Decimal or a decimal string) written in
    Chinese numerals: style "lower" (一百万零五十四), "upper" (financial:
    壹佰万零伍拾肆) or "rmb" (an amount in yuan: 壹佰万零伍拾肆元整). The reverse
    of parse_number for whole numbers and decimals. Raises zhpolicy.Error (a
    ValueError) for |value| >= 10^20 and, in "rmb", for a negative amount or
    more than two decimals.

    >>> import zhpolicy
    >>> zhpolicy.to_chinese(1000054), zhpolicy.to_chinese(1000054, "upper"), zhpolicy.to_chinese(1000054, "rmb")
    ('一百万零五十四', '壹佰万零伍拾肆', '壹佰万零伍拾肆元整')
    >>> zhpolicy.to_chinese(-3.14), zhpolicy.to_chinese("12.34", "rmb")
    ('负三点一四', '壹拾贰元叁角肆分')
    """
    import decimal
    if isinstance(value, bool) or not isinstance(value, (int, float, str, decimal.Decimal)):
        raise TypeError(f"to_chinese: expected a number, got {type(value).__name__}")
    try:
        # A float as its shortest repr (0.1, not 0.1000000000000000055...).
        d = decimal.Decimal(repr(value) if isinstance(value, float) else value)
    except decimal.InvalidOperation:
        raise Error(f"to_chinese: not a number: {value!r}") from None
    if not d.is_finite():
        raise Error(f"to_chinese: not a finite number: {value!r}")
    return _to_chinese(format(d, "f"), style)


def default_lexicon_path() -> str:
    """The path of the compiled default lexicon shipped inside the package.

    >>> import zhpolicy, os
    >>> os.path.basename(zhpolicy.default_lexicon_path())
    'zhpolicy.zpl'
    """
    # Next to this file (the package is installed as a folder: the lexicon
    # is mapped, so it must be a real file); importlib.resources cost a
    # fifth of the command line's start-up.
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "zhpolicy.zpl")


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The default lexicon (jieba's dictionary + zhpolicy's policy lexicon), loaded once.

    >>> import zhpolicy
    >>> zhpolicy.default_lexicon().base_size > 300000
    True
    """
    return Lexicon.open(default_lexicon_path())


def load(user_dict: Optional[str] = None, user_words: Iterable = (), *, hmm: bool = True,
         invalid_utf8: str = "isolate", entity_dict: Optional[str] = None) -> Segmenter:
    """A Segmenter on the default lexicon, with optional user words.

    user_dict is a jieba-format file (``word [freq] [tag]`` per line); user_words
    are str or (word, freq, tag, entity_type) tuples; entity_dict is a file of
    ``term type [freq]`` lines. The default lexicon itself never changes; the
    returned segmenter's ``.lexicon`` can build a NumberExtractor, an
    EntityExtractor or an Analyzer with the same words.

    >>> import zhpolicy
    >>> zhpolicy.load(user_words=["智融惠畅"]).cut("实施智融惠畅工程")
    ['实施', '智融惠畅', '工程']
    """
    lexicon = default_lexicon()
    if user_dict is not None:
        lexicon = lexicon.with_user_dict(os.fspath(user_dict))
    if entity_dict is not None:
        lexicon = lexicon.with_entity_dict(os.fspath(entity_dict))
    user_words = list(user_words)
    if user_words:
        lexicon = lexicon.with_user_words(user_words)
    return Segmenter(lexicon, hmm=hmm, invalid_utf8=invalid_utf8)


@functools.lru_cache(maxsize=1)
def _default_segmenter() -> Segmenter:
    return Segmenter(default_lexicon())


def segment(text: str, mode: str = "default", entities: bool = False) -> List[Token]:
    """Tokens of `text` with the default segmenter; they tile `text`.

    With entities=True each entity is kept as one token.

    >>> import zhpolicy
    >>> [(t.text, str(t.kind)) for t in zhpolicy.segment("增长12.5%")]
    [('增长', 'word'), ('12.5%', 'number')]
    >>> [t.text for t in zhpolicy.segment("民革渝中区委", entities=True)]
    ['民革渝中区委']
    """
    if entities:
        if mode != "default":
            raise Error("entities=True needs mode='default'")
        return list(_default_analyzer(True).analyze_parts(text)[0])
    return _default_segmenter().segment(text, mode)


def segment_arrays(text: str, mode: str = "default"):
    """The tokens of `text` as numpy arrays (Debian python3-numpy): a dict of
    "start" and "end" (uint32 character offsets) and "kind" (uint8, TokenKind
    values), 9 bytes a token and no Python object per token; the arrays share
    the C++ buffers.

    >>> import zhpolicy
    >>> cols = zhpolicy.segment_arrays("全年增长12.5%")
    >>> cols["end"].tolist(), int(cols["kind"][-1]) == int(zhpolicy.TokenKind.NUMBER)
    ([2, 4, 9], True)
    """
    return _default_segmenter().segment_arrays(text, mode)


def cut(text: str, mode: str = "default") -> List[str]:
    """The token texts of `text`, like jieba.lcut.

    >>> import zhpolicy
    >>> zhpolicy.cut("2024年2月5日")
    ['2024年2月5日']
    """
    return _default_segmenter().cut(text, mode)


def segment_many(texts: Iterable[str], n_threads: int = 0, mode: str = "default") -> List[List[Token]]:
    """segment() of each text on n_threads threads (0: all cores), GIL released.

    >>> import zhpolicy
    >>> [len(ts) for ts in zhpolicy.segment_many(["区政协", "召开会议"], n_threads=2)]
    [1, 2]
    """
    return _default_segmenter().segment_many(texts, n_threads, mode)


@functools.lru_cache(maxsize=1)
def _default_number_extractor() -> NumberExtractor:
    return NumberExtractor(default_lexicon())


def numbers(text: str) -> List[Number]:
    """The numbers of `text`: kind, exact value (scale folded in), range, unit, qualifier.

    >>> import zhpolicy
    >>> [n.to_dict() for n in zhpolicy.numbers("增长12%左右")]
    [{'text': '12%左右', 'start': 2, 'end': 7, 'kind': 'percent', 'value': 12, 'unit': '%', 'qualifier': 'approx'}]
    """
    return _default_number_extractor().extract(text)


def numbers_many(texts: Iterable[str], n_threads: int = 0) -> List[List[Number]]:
    """numbers() of each text on n_threads threads (0: all cores), GIL released.

    >>> import zhpolicy
    >>> [[n.text for n in ns] for ns in zhpolicy.numbers_many(["新增5家", "第四届"])]
    [['5家'], ['第四届']]
    """
    return _default_number_extractor().extract_many(texts, n_threads)


@functools.lru_cache(maxsize=1)
def _default_entity_extractor() -> EntityExtractor:
    return EntityExtractor(default_lexicon())


def entities(text: str) -> List[Entity]:
    """Policy entities of `text`: government, organization, company, person, position,
    place, meeting, document, slogan (character offsets, non-overlapping).

    >>> import zhpolicy
    >>> [(e.text, e.type) for e in zhpolicy.entities("区委书记赵世庆出席区政协十五届二次会议")]
    [('区委书记', 'position'), ('赵世庆', 'person'), ('区政协十五届二次会议', 'meeting')]
    """
    return _default_entity_extractor().extract(text)


def entities_many(texts: Iterable[str], n_threads: int = 0) -> List[List[Entity]]:
    """entities() of each text on n_threads threads (0: all cores), GIL released.

    >>> import zhpolicy
    >>> [[e.text for e in es] for es in zhpolicy.entities_many(["区政协", "重庆"])]
    [['区政协'], ['重庆']]
    """
    return _default_entity_extractor().extract_many(texts, n_threads)


def targets(text: str) -> List[Target]:
    """Indicators with the numbers that measure them: relation (increase,
    decrease, level), modality (target or actual), a canonical name for common
    indicators. Give a whole report rather than single clauses: a clause
    without a cue of its own takes its modality from the report's section
    (the review of last year, the plan for this one).

    >>> import zhpolicy
    >>> [(t.indicator, t.relation, t.modality, t.number.text)
    ...  for t in zhpolicy.targets("主要预期目标是：地区生产总值增长5%以上，城镇调查失业率5.5%左右")]
    [('地区生产总值', 'increase', 'target', '5%以上'), ('城镇调查失业率', 'level', 'target', '5.5%左右')]
    """
    return _default_analyzer(False).analyze_parts(text)[4]


def targets_many(texts: Iterable[str], n_threads: int = 0) -> List[List[Target]]:
    """targets() of each text on n_threads threads (0: all cores), GIL released.

    >>> import zhpolicy
    >>> [[t.indicator for t in ts] for ts in zhpolicy.targets_many(["粮食产量1400亿斤", "你好"])]
    [['粮食产量'], []]
    """
    return [parts[4] for parts in _default_analyzer(False).analyze_parts_many(texts, n_threads)]


@functools.lru_cache(maxsize=2)
def _default_analyzer(entity_tokens: bool = False) -> Analyzer:
    return Analyzer(default_lexicon(), entity_tokens=entity_tokens)


def analyze(text: str, entity_tokens: bool = False) -> Document:
    """Tokens, numbers, entities, person–position links and targets of `text` in one pass.

    >>> import zhpolicy
    >>> doc = zhpolicy.analyze("民革渝中区委建议新增5家")
    >>> [e.type for e in doc.entities], [n.value for n in doc.numbers]
    (['government'], [5])
    """
    from .document import Document
    return Document(text, *_default_analyzer(entity_tokens).analyze_parts(text))


def analyze_many(texts: Iterable[str], n_threads: int = 0, entity_tokens: bool = False) -> List[Document]:
    """analyze() of each text on n_threads threads (0: all cores), GIL released.

    >>> import zhpolicy
    >>> [len(d.entities) for d in zhpolicy.analyze_many(["区政协", "你好"], n_threads=2)]
    [1, 0]
    """
    texts = list(texts)
    parts = _default_analyzer(entity_tokens).analyze_parts_many(texts, n_threads)
    from .document import Document
    return [Document(t, *p) for t, p in zip(texts, parts)]
