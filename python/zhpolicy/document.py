"""Document: everything zhpolicy found in one text (the result of zhpolicy.analyze)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple


@dataclass
class Document:
    """A text with its tokens, numbers, entities, person–position links and targets.

    All offsets are character offsets into ``text``.

    >>> import zhpolicy
    >>> doc = zhpolicy.analyze("区委书记赵世庆强调，新增就业4.6万人")
    >>> [e.text for e in doc.entities], [n.text for n in doc.numbers]
    (['区委书记', '赵世庆'], ['4.6万人'])
    >>> [(p.text, rel, t.text) for p, rel, t in doc.links]
    [('赵世庆', 'holds_position', '区委书记')]
    """

    text: str
    tokens: Sequence[Any] = field(default_factory=list)  # a TokenList from analyze()
    numbers: List[Any] = field(default_factory=list)
    entities: List[Any] = field(default_factory=list)
    links: List[Tuple[Any, str, Any]] = field(default_factory=list)
    targets: List[Any] = field(default_factory=list)

    def to_pandas(self, layer: Optional[str] = None, doc_id: str = "0"):
        """This document as a tidy pandas DataFrame (see zhpolicy.to_dataframe).

        >>> import zhpolicy
        >>> zhpolicy.analyze("新增5家").to_pandas(layer="number")["value"].tolist()
        [5.0]
        """
        from .frame import to_dataframe
        return to_dataframe([(doc_id, self)], layer=layer)

    def to_records(self, doc_id: str = "0", layer: Optional[str] = None) -> List[Dict[str, Any]]:
        """The rows of to_pandas() as plain dicts, for pipelines without pandas.

        >>> import zhpolicy
        >>> [(r["layer"], r["text"]) for r in zhpolicy.analyze("区政协新增5家").to_records(layer="entity")]
        [('entity', '区政协')]
        """
        from .frame import LAYERS, records
        if layer is not None and layer not in LAYERS:
            raise ValueError(f"layer must be one of {LAYERS}, got {layer!r}")
        return records(doc_id, self, LAYERS if layer is None else (layer,))

    def to_html(self, max_chars: Optional[int] = 20000) -> str:
        """Self-contained HTML: entities and numbers highlighted by type, with a legend
        and the normalized value on hover (what Jupyter shows for a Document).

        >>> import zhpolicy
        >>> 'title="percent: 12.5%"' in zhpolicy.analyze("增长12.5%").to_html()
        True
        """
        from .display import document_html
        return document_html(self, max_chars=max_chars)

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_dict(self) -> Dict[str, Any]:
        """Plain data (JSON-ready): the gold schema's fields for numbers and entities.

        >>> import zhpolicy
        >>> d = zhpolicy.analyze("新增5家").to_dict()
        >>> d["numbers"][0]["value"], len(d["tokens"])
        (5, 3)
        """
        index = {id(e): i for i, e in enumerate(self.entities)}
        return {
            "text": self.text,
            "tokens": [t.to_dict() for t in self.tokens],
            "numbers": [n.to_dict() for n in self.numbers],
            "entities": [e.to_dict() for e in self.entities],
            "links": [{"person": index.get(id(p)), "relation": rel, "position": index.get(id(t))}
                      for p, rel, t in self.links],
            "targets": [t.to_dict() for t in self.targets],
        }
