"""Files of any size, analyzed in pieces: memory grows with the piece, not the file.

A file is read in pieces of about ``piece_bytes`` (1 MB), each cut after a
line end (else a sentence end, else at a character boundary: names and
numbers do not run across), by the C++ core with the GIL released. Each piece
is a Document of its own; its ``offset`` is where it starts in the file, in
characters, so a mention's ``start + offset`` is its position in the file.
"""
from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from typing import Iterable, Iterator, List, Optional, Union

from . import files
from ._core import Analyzer, Error, FilePieces, PieceContext
from .document import Document

PIECE_BYTES = 1 << 20


@dataclass(frozen=True)
class Piece:
    """One piece of a file: its document, and where it starts in the file (characters).

    >>> import zhpolicy, tempfile
    >>> f = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8")
    >>> _ = f.write("增长5%。\\n" * 20); f.close()
    >>> [(p.offset, len(p.document.text)) for p in zhpolicy.analyze_file(f.name, piece_bytes=64)][:3]
    [(0, 30), (30, 30), (60, 30)]
    """
    path: str
    offset: int
    document: Document


def _pieces(path: str, piece_bytes: int) -> Iterator[tuple]:
    """(char offset, text) of each piece; zhpolicy.Error for bytes that are not UTF-8."""
    try:  # the reason, in Python's words, for a file that cannot be read
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise Error(f"cannot read {files.display(path)}: {exc.strerror}") from None
    chars = 0
    # As bytes: a file name need not be UTF-8.
    for byte_offset, data in FilePieces(os.fsencode(path), piece_bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise Error(f"{files.display(path)} is not UTF-8 text: byte {byte_offset + exc.start} "
                        f"(0x{data[exc.start]:02x}) cannot be decoded") from None
        yield chars, text
        chars += len(text)


def pieces_with_contexts(analyzer: Analyzer, pieces: Iterable[tuple]) -> Iterator[tuple]:
    """(offset, (text, the PieceContext it starts in)) of each (offset, text)
    piece of one text, in order (Analyzer.skip_piece reads each ahead)."""
    context = PieceContext()
    for offset, text in pieces:
        start = context.copy()
        analyzer.skip_piece(text, context)
        yield offset, (text, start)


def analyze_file(path: Union[str, os.PathLike], analyzer: Optional[Analyzer] = None,
                 piece_bytes: int = PIECE_BYTES) -> Iterator[Piece]:
    """The pieces of one file, analyzed one after another.

    Raises zhpolicy.Error when the file cannot be opened or is not UTF-8
    (after the pieces before the bad bytes).

    >>> import zhpolicy, tempfile
    >>> f = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8")
    >>> _ = f.write("全年增长5%。\\n" * 3); f.close()
    >>> [(p.offset, [n.text for n in p.document.numbers]) for p in zhpolicy.analyze_file(f.name, piece_bytes=64)]
    [(0, ['5%', '5%', '5%'])]
    """
    from . import _default_analyzer
    analyzer = analyzer or _default_analyzer(False)
    path = os.fspath(path)
    context = PieceContext()  # a report's sections run across its pieces
    for offset, text in _pieces(path, piece_bytes):
        yield Piece(files.display(path), offset, Document(text, *analyzer.analyze_parts(text, context)))


def analyze_files(paths: Union[str, os.PathLike, Iterable[Union[str, os.PathLike]]], n_threads: int = 0,
                  analyzer: Optional[Analyzer] = None, piece_bytes: int = PIECE_BYTES) -> Iterator[Piece]:
    """The pieces of every file of `paths` (files, or folders walked for *.txt),
    in order, analyzed a batch at a time on n_threads threads (0: all cores).

    At most one piece per thread is held at a time, whatever the files'
    sizes. A file that cannot be read or is not UTF-8 is skipped with a
    warning (the pieces before its bad bytes are kept).

    >>> import zhpolicy, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("新增5家。\\n", encoding="utf-8")
    >>> _ = (folder / "b.txt").write_text("增长12%。\\n", encoding="utf-8")
    >>> [(pathlib.Path(p.path).name, [n.text for n in p.document.numbers]) for p in zhpolicy.analyze_files(folder)]
    [('a.txt', ['5家']), ('b.txt', ['12%'])]
    """
    from . import _default_analyzer
    analyzer = analyzer or _default_analyzer(False)
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    threads = n_threads or os.cpu_count() or 1
    batch: List[tuple] = []

    def flush() -> Iterator[Piece]:
        parts = analyzer.analyze_parts_many([text for _, _, text, _ in batch], n_threads,
                                            contexts=[start for _, _, _, start in batch])
        for (path, offset, text, _), p in zip(batch, parts):
            yield Piece(files.display(path), offset, Document(text, *p))
        batch.clear()

    for item in files.candidates([os.fspath(p) for p in paths]):
        if isinstance(item, files.BadFile):
            warnings.warn(f"zhpolicy: {item.message}", stacklevel=2)
            continue
        try:
            # Each piece is analyzed from the context it starts in (a
            # report's sections run across pieces), read ahead by skip_piece
            # so that the pieces of one file can run in parallel.
            for offset, (text, start) in pieces_with_contexts(analyzer, _pieces(item, piece_bytes)):
                batch.append((item, offset, text, start))
                if len(batch) >= threads:
                    yield from flush()
        except Error as exc:
            warnings.warn(f"zhpolicy: {exc}", stacklevel=2)
    if batch:
        yield from flush()
