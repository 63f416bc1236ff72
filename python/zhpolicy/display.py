"""HTML rendering of a Document for Jupyter: entities and numbers highlighted by type.

The HTML is self-contained (inline CSS, no scripts, no fonts or images from the
network), so it renders the same in a notebook, in a saved .html file and in
nbconvert output. Entities are coloured backgrounds, numbers are coloured
underlines inside them; hovering a span shows its type and normalized value.
"""
from __future__ import annotations

import html
from typing import Any, Dict, List, Optional, Tuple

# Background colours for entity types, underline colours for number kinds.
# Chosen to stay readable on white and distinct from one another.
ENTITY_COLOURS: Dict[str, str] = {
    "government": "#f4b8b8",
    "organization": "#f7d49b",
    "company": "#fbe99a",
    "person": "#b9e4b0",
    "position": "#a8dcd6",
    "place": "#b5cff5",
    "meeting": "#d5c4f2",
    "document": "#f2c4e4",
    "slogan": "#d9d9d9",
}
NUMBER_COLOURS: Dict[str, str] = {
    "money": "#c0392b",
    "percent": "#1f6fd1",
    "quantity": "#1e8449",
    "cardinal": "#7d3c98",
    "ordinal": "#b9770e",
    "date": "#117a65",
    "time": "#2e4053",
    "fraction": "#a04000",
    "code": "#566573",
}
_FALLBACK_ENTITY = "#e0e0e0"
_FALLBACK_NUMBER = "#333333"

QUALIFIER_WORDS = {"approx": "about", "gt": "more than", "ge": "at least",
                   "lt": "less than", "le": "at most"}

_CSS = """
.zhpolicy-doc{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;
 color:#111;background:#fff;line-height:2;padding:8px}
.zhpolicy-doc .zp-legend{margin-bottom:8px;font-size:90%;line-height:2.2}
.zhpolicy-doc .zp-legend-label{font-weight:bold;margin-right:4px}
.zhpolicy-doc .zp-text{white-space:pre-wrap;word-break:break-all}
.zhpolicy-doc .zp-ent{border-radius:3px;padding:1px 0}
.zhpolicy-doc .zp-num{border-bottom:3px solid;font-weight:600}
.zhpolicy-doc .zp-key{display:inline-block;padding:0 6px;margin:0 3px;border-radius:3px}
.zhpolicy-doc .zp-note{color:#666;font-size:85%;margin-top:6px}
"""


def number_label(number: Any) -> str:
    """What hovering a number shows: kind, normalized value (range), unit, qualifier.

    >>> import zhpolicy
    >>> number_label(zhpolicy.numbers("突破1450亿元")[0])
    'money: 145000000000 元 (more than)'
    """
    d = number.to_dict()
    value = getattr(number, "exact", None) or d.get("value")
    text = f"{d['kind']}: {value}"
    if d.get("value_max") is not None:
        text += f"–{d['value_max']}"
    unit = d.get("unit")
    if unit:
        text += unit if unit == "%" else f" {unit}"
    if d.get("qualifier"):
        text += f" ({QUALIFIER_WORDS.get(d['qualifier'], d['qualifier'])})"
    relative = getattr(number, "relative", None)
    if relative:
        text += f" [relative: {relative}]"
    return text


def _open_tag(layer: str, item: Any) -> str:
    if layer == "entity":
        colour = ENTITY_COLOURS.get(item.type, _FALLBACK_ENTITY)
        return (f'<span class="zp-ent zp-ent-{html.escape(item.type)}" data-type="{html.escape(item.type)}"'
                f' title="{html.escape(item.type)}" style="background:{colour}">')
    colour = NUMBER_COLOURS.get(item.kind, _FALLBACK_NUMBER)
    label = number_label(item)
    return (f'<span class="zp-num zp-num-{html.escape(item.kind)}" data-kind="{html.escape(item.kind)}"'
            f' data-value="{html.escape(str(getattr(item, "exact", None) or item.value))}"'
            f' title="{html.escape(label)}" style="border-color:{colour}">')


def _non_overlapping(items: List[Any]) -> List[Any]:
    """Items sorted by start; an item overlapping an earlier kept one is dropped."""
    kept, end = [], -1
    for item in sorted(items, key=lambda x: (x.start, -x.end)):
        if item.start >= end and item.end > item.start:
            kept.append(item)
            end = item.end
    return kept


def _legend(entities: List[Any], numbers: List[Any]) -> str:
    def keys(items: List[Any], attr: str, colours: Dict[str, str], number: bool) -> str:
        counts: Dict[str, int] = {}
        for item in items:
            counts[getattr(item, attr)] = counts.get(getattr(item, attr), 0) + 1
        order = [k for k in colours if k in counts] + sorted(k for k in counts if k not in colours)
        parts = []
        for key in order:
            colour = colours.get(key, _FALLBACK_NUMBER if number else _FALLBACK_ENTITY)
            style = f"border-bottom:3px solid {colour}" if number else f"background:{colour}"
            parts.append(f'<span class="zp-key" data-key="{html.escape(key)}" style="{style}">'
                         f"{html.escape(key)} {counts[key]}</span>")
        return "".join(parts) or '<span class="zp-key">none</span>'

    return ('<div class="zp-legend">'
            f'<div><span class="zp-legend-label">Entities</span>{keys(entities, "type", ENTITY_COLOURS, False)}</div>'
            f'<div><span class="zp-legend-label">Numbers</span>{keys(numbers, "kind", NUMBER_COLOURS, True)}</div>'
            "</div>")


def document_html(document: Any, max_chars: Optional[int] = 20000) -> str:
    """The document as one self-contained HTML fragment (see the module docstring).

    Only the first ``max_chars`` characters are drawn (None: all), so a whole
    report does not freeze a notebook; the legend counts the whole document.

    >>> import zhpolicy
    >>> html_text = document_html(zhpolicy.analyze("区政协主席出席，增长12%"))
    >>> 'data-type="position"' in html_text, 'data-kind="percent"' in html_text
    (True, True)
    """
    text = document.text
    shown = len(text) if max_chars is None else min(len(text), max_chars)
    entities = _non_overlapping([e for e in document.entities if e.start < shown])
    numbers = _non_overlapping([n for n in document.numbers if n.start < shown])

    # Every entity or number boundary cuts the text; each piece is wrapped in the
    # entity span that covers it (outer) and the number span that covers it (inner).
    # A number crossing an entity boundary is split into two spans with one label.
    cuts = {0, shown}
    for item in entities + numbers:
        cuts.update((item.start, min(item.end, shown)))
    bounds = sorted(c for c in cuts if 0 <= c <= shown)

    def covering(items: List[Any]) -> List[Optional[Any]]:
        out: List[Optional[Any]] = []
        i = 0
        for a in bounds[:-1]:
            while i < len(items) and items[i].end <= a:
                i += 1
            out.append(items[i] if i < len(items) and items[i].start <= a else None)
        return out

    entity_at = covering(entities)
    number_at = covering(numbers)
    out: List[str] = []
    open_entity: Optional[Any] = None
    open_number: Optional[Any] = None
    for k, (a, b) in enumerate(zip(bounds[:-1], bounds[1:])):
        entity, number = entity_at[k], number_at[k]
        if entity is not open_entity:
            if open_number is not None:
                out.append("</span>")
                open_number = None
            if open_entity is not None:
                out.append("</span>")
            if entity is not None:
                out.append(_open_tag("entity", entity))
            open_entity = entity
        if number is not open_number:
            if open_number is not None:
                out.append("</span>")
            if number is not None:
                out.append(_open_tag("number", number))
            open_number = number
        out.append(html.escape(text[a:b]))
    if open_number is not None:
        out.append("</span>")
    if open_entity is not None:
        out.append("</span>")

    note = ""
    if shown < len(text):
        note = (f'<div class="zp-note">Showing the first {shown:,} of {len(text):,} characters; '
                f"Document.to_html(max_chars=None) draws all.</div>")
    return (f'<div class="zhpolicy-doc"><style>{_CSS}</style>'
            f"{_legend(document.entities, document.numbers)}"
            f'<div class="zp-text">{"".join(out)}</div>{note}</div>')
