"""Text files of a folder tree, for the command line and ``to_dataframe``.

A folder is walked for ``*.txt`` files, following symbolic links but entering
each real folder once (a link back up the tree is reported, not followed
forever). Every file that cannot be used, and why, comes out in order among
the readable ones, so that callers report it and go on with the rest.
"""
from __future__ import annotations

import collections
import os
import sys

# Annotations only (they are strings here): importing typing and dataclasses
# was a fifth of the command line's start-up.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable, Iterator, Optional, Union

from . import _core

#: A file that could not be opened or read, or a path that does not exist.
UNREADABLE = 2
#: A file whose bytes are not UTF-8 text.
UNDECODABLE = 1


class TextFile(collections.namedtuple("TextFile", "path text")):
    """A file's path and its text."""
    __slots__ = ()


class RawTextFile(collections.namedtuple("RawTextFile", "path data")):
    """A file's bytes, checked to be UTF-8 but not decoded (for writers in C++)."""
    __slots__ = ()


class BadFile(collections.namedtuple("BadFile", "path message status")):
    """A path that gave no text: `status` is UNREADABLE or UNDECODABLE."""
    __slots__ = ()


def display(path: str) -> str:
    """A path as it can be printed: bytes of a name that are not UTF-8 as \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def decode(data: bytes, name: str) -> Union[str, BadFile]:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _undecodable(data, name, exc.start)


def undecodable_file(path: str, at: int) -> BadFile:
    """The report for file `path` whose byte `at` starts no UTF-8 sequence."""
    with open(path, "rb") as f:
        f.seek(at)
        return _undecodable(f.read(1), path, 0, shown_at=at)


def _undecodable(data: bytes, name: str, at: int, shown_at: Optional[int] = None) -> BadFile:
    shown = at if shown_at is None else shown_at
    return BadFile(name, f"{display(name)} is not UTF-8 text: byte {shown} (0x{data[at]:02x}) cannot be decoded",
                   UNDECODABLE)


def candidates(paths: Iterable[str]) -> Iterator[Union[str, BadFile]]:
    """The files to read, in order ('-' stays as it is), and the paths that are none."""
    for path in paths:
        if path == "-":
            yield path
        elif os.path.isdir(path):
            yield from _walk(path)
        elif os.path.lexists(path):
            yield path
        else:
            yield BadFile(path, f"no such file or folder: {display(path)}", UNREADABLE)


def _folder_error(exc: OSError, folder: str) -> BadFile:
    path = exc.filename or folder
    return BadFile(path, f"cannot read folder {display(path)}: {exc.strerror}", UNREADABLE)


def _walk(root: str) -> Iterator[Union[str, BadFile]]:
    seen = set()
    errors = []  # os.walk's, reported where they are met
    for folder, dirs, files in os.walk(root, followlinks=True, onerror=errors.append):
        while errors:
            yield _folder_error(errors.pop(), folder)
        try:
            st = os.stat(folder)
        except OSError as exc:
            yield _folder_error(exc, folder)
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen:
            yield BadFile(folder, f"{display(folder)} leads back to a folder already read "
                                  "(a symbolic link loop): skipped", UNREADABLE)
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".txt"):
                yield os.path.join(folder, name)
    while errors:
        yield _folder_error(errors.pop(), root)


def read(path: str, raw: bool = False) -> Union[TextFile, RawTextFile, BadFile]:
    """The UTF-8 text of `path` ('-': standard input), or why there is none.
    With `raw`, its bytes checked but not decoded (a RawTextFile)."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as f:
                data = f.read()
    except OSError as exc:
        return BadFile(path, f"cannot read {display(path)}: {exc.strerror}", UNREADABLE)
    name = "standard input" if path == "-" else path
    if raw:
        at = _core.find_invalid_utf8(data)
        return RawTextFile(path, data) if at < 0 else _undecodable(data, name, at)
    text = decode(data, name)
    return text if isinstance(text, BadFile) else TextFile(path, text)


def text_files(paths: Iterable[str]) -> Iterator[Union[TextFile, BadFile]]:
    """Each file of `paths` (folders walked) read, or why it could not be."""
    for item in candidates(paths):
        yield item if isinstance(item, BadFile) else read(item)
