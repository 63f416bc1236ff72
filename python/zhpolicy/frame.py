"""pandas tables: one row per token, number or entity (tidy data)."""
from __future__ import annotations

import os
import warnings
from typing import Any, Iterable, List, Mapping, Optional, Tuple, Union

COLUMNS = ["doc", "layer", "start", "end", "text", "kind", "value", "value_max", "value_exact",
           "unit", "qualifier", "score", "source", "relation", "modality", "canonical", "number",
           "number_start", "number_end"]
LAYERS = ("token", "number", "entity", "target")
# The keys of records()' token, number and entity rows (targets have all).
_ITEM_KEYS = COLUMNS[:13]


DTYPES = {
    "doc": "string", "layer": "category", "start": "int64", "end": "int64", "text": "string",
    "kind": "category", "value": "float64", "value_max": "float64", "value_exact": "string",
    "unit": "category", "qualifier": "category", "score": "float64", "source": "category",
    "relation": "category", "modality": "category", "canonical": "category", "number": "string",
    "number_start": "Int64", "number_end": "Int64",
}


def records(doc_id: str, document: Any, layers: Iterable[str] = LAYERS) -> List[dict]:
    """The rows of one document as plain dicts with the COLUMNS keys (see to_dataframe).

    >>> import zhpolicy
    >>> records("a", zhpolicy.analyze("新增5家"), ["number"])[0]["value"]
    5.0
    """
    rows = []
    for layer in layers:
        if layer == "target":
            rows.extend(_target_rows(doc_id, document))
            continue
        items = {"token": document.tokens, "number": document.numbers, "entity": document.entities}[layer]
        for item in items:
            d = item.to_dict()
            value = d.get("value") if layer == "number" else None
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            rows.append({
                "doc": doc_id, "layer": layer, "start": d["start"], "end": d["end"], "text": d["text"],
                "kind": d.get("kind", d.get("type")),
                "value": float(value) if numeric else None,
                "value_max": float(d["value_max"]) if d.get("value_max") is not None else None,
                # Exact: the decimal as written out, or the ISO date/time, or the code.
                "value_exact": (item.exact or str(value)) if layer == "number" else None,
                "unit": d.get("unit"), "qualifier": d.get("qualifier"),
                # Entities: how sure, and from a rule, the lexicon or the model.
                "score": d.get("score"), "source": d.get("source"),
            })
    return rows


def _target_rows(doc_id: str, document: Any) -> List[dict]:
    """One row per target: the indicator's span and text, its number's value
    columns, and relation, modality, canonical, number (text) and its span."""
    rows = []
    for t in getattr(document, "targets", []):
        n = t.number
        numeric = isinstance(n.value, (int, float)) and not isinstance(n.value, bool)
        rows.append({
            "doc": doc_id, "layer": "target", "start": t.start, "end": t.end, "text": t.indicator,
            "kind": n.kind, "value": float(n.value) if numeric else None,
            "value_max": float(n.value_max) if n.value_max is not None else None,
            "value_exact": n.exact or str(n.value), "unit": n.unit, "qualifier": n.qualifier,
            "score": t.score, "source": None, "relation": t.relation, "modality": t.modality,
            "canonical": t.canonical, "number": n.text, "number_start": n.start, "number_end": n.end,
        })
    return rows


def _documents(docs: Any, problems: List[str]) -> List[Tuple[str, Any]]:
    """(doc id, Document) pairs from a Document, a folder or file path, a mapping, or a sequence.

    Files of a path that cannot be read or are not UTF-8 are left out, each
    with a warning and its message appended to `problems`.
    """
    from . import analyze_many, files
    from .document import Document

    if isinstance(docs, Document):
        return [("0", docs)]
    if isinstance(docs, (str, os.PathLike)):
        good = []
        for item in files.text_files([os.fspath(docs)]):
            if isinstance(item, files.BadFile):
                problems.append(item.message)
                warnings.warn(f"zhpolicy: {item.message}", stacklevel=3)
            else:
                good.append(item)
        return list(zip([files.display(f.path) for f in good], analyze_many([f.text for f in good])))
    if isinstance(docs, Mapping):
        return [(str(k), v) for k, v in docs.items()]
    out = []
    for i, d in enumerate(docs):
        out.append((str(d[0]), d[1]) if isinstance(d, tuple) else (str(i), d))
    return out


def to_dataframe(docs: Union[Any, str, os.PathLike], layer: Optional[str] = None):
    """A tidy pandas DataFrame of documents: one row per token, number or entity.

    ``docs`` is a Document, a list of Documents (ids 0, 1, ...), a mapping or
    (id, Document) pairs, or a folder (every *.txt below it, analyzed in
    parallel) or file path; a file of a path that cannot be read or is not
    UTF-8 is skipped with a warning and listed in ``df.attrs["problems"]``.
    ``layer`` keeps one of "token", "number", "entity", "target" (one row per
    indicator and number: text and start/end are the indicator's, the value
    columns the number's, with relation, modality, canonical, number,
    number_start, number_end).
    Columns: doc, layer, start, end (character offsets), text, kind, value and
    value_max (float; numbers only), value_exact (the exact decimal, or the ISO
    date/time, or the code), unit, qualifier.

    >>> import zhpolicy
    >>> df = zhpolicy.to_dataframe([zhpolicy.analyze("突破1450亿元，增长12%左右")], layer="number")
    >>> df[["text", "kind", "value", "unit", "qualifier"]].values.tolist()
    [['1450亿元', 'money', 145000000000.0, '元', 'gt'], ['12%左右', 'percent', 12.0, '%', 'approx']]
    """
    import pandas as pd  # Debian: python3-pandas

    if layer is not None and layer not in LAYERS:
        raise ValueError(f"layer must be one of {LAYERS}, got {layer!r}")
    layers = LAYERS if layer is None else (layer,)
    problems: List[str] = []
    # Column by column, a block per document and layer: tokens from their
    # arrays (no Token object, no dict per row), the rest from their objects.
    blocks = []
    for doc_id, document in _documents(docs, problems):
        for name in layers:
            columns = _layer_columns(doc_id, document, name)
            if columns is not None:
                blocks.append(pd.DataFrame(columns, columns=COLUMNS))
    if not blocks:
        frame = from_records([])
    else:
        frame = (blocks[0] if len(blocks) == 1 else pd.concat(blocks, ignore_index=True)).astype(DTYPES)
    frame.attrs["problems"] = problems
    return frame


def _layer_columns(doc_id: str, document: Any, layer: str) -> Optional[dict]:
    """The rows of one layer of one document as columns (COLUMNS keys), or
    None when it has none. Equal to records() row for row."""
    import numpy as np
    if layer == "token" and hasattr(document.tokens, "arrays"):
        from . import TokenKind
        arrays = document.tokens.arrays()
        n = len(arrays["start"])
        if n == 0:
            return None
        text = document.text
        starts, ends = arrays["start"].tolist(), arrays["end"].tolist()
        names = np.array([str(TokenKind(k)) for k in range(int(arrays["kind"].max()) + 1)], dtype=object)
        # As records() gives them: its keys None where empty, the target
        # columns it has no key for NaN (so that the dtypes come out the same).
        columns = {c: (None if c in _ITEM_KEYS else np.full(n, np.nan)) for c in COLUMNS}
        columns.update({
            "doc": doc_id, "layer": "token", "start": arrays["start"].astype(np.int64),
            "end": arrays["end"].astype(np.int64), "text": [text[a:b] for a, b in zip(starts, ends)],
            "kind": names[arrays["kind"]],
        })
        return columns
    rows = records(doc_id, document, (layer,))
    if not rows:
        return None
    return {c: [r.get(c, np.nan) for r in rows] for c in COLUMNS}


def from_records(rows: List[dict]):
    """A DataFrame with zhpolicy's columns and dtypes from records() rows (possibly none).

    >>> from_records([]).dtypes["start"]
    dtype('int64')
    """
    import pandas as pd

    return pd.DataFrame(rows, columns=COLUMNS).astype(DTYPES)
