"""Command line: ``python -m zhpolicy segment FILE`` (also the ``zhpolicy`` script)."""
from __future__ import annotations

import argparse
import sys
from typing import List, Optional

from . import Error, Segmenter, default_lexicon


def _read_text(path: str) -> str:
    """The UTF-8 text of `path` ('-': stdin); a clear error for anything else."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()
    except OSError as exc:
        raise SystemExit(f"zhpolicy: cannot read {path}: {exc.strerror}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        name = "standard input" if path == "-" else path
        raise SystemExit(
            f"zhpolicy: {name} is not UTF-8 text: byte {exc.start} (0x{data[exc.start]:02x}) "
            f"cannot be decoded")


def _lines(text: str) -> List[str]:
    """Lines split on \n only (a trailing \r dropped), so output lines match input lines."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def _segment(args: argparse.Namespace) -> int:
    lexicon = default_lexicon()
    if args.user_dict:
        lexicon = lexicon.with_user_dict(args.user_dict)
    segmenter = Segmenter(lexicon, hmm=not args.no_hmm)
    out = sys.stdout
    for path in args.files:
        lines = _lines(_read_text(path))
        # One batch per file: the C++ side spreads lines over the threads.
        for tokens in segmenter.segment_many(lines, n_threads=args.threads, mode=args.mode):
            out.write(" ".join(t.text for t in tokens if not t.text.isspace()))
            out.write("\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zhpolicy", description="Words, numbers and entities of Chinese policy documents.")
    sub = parser.add_subparsers(dest="command", required=True)
    seg = sub.add_parser(
        "segment", help="print each input line's words separated by single spaces")
    seg.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files ('-' for stdin)")
    seg.add_argument("--mode", choices=["default", "search"], default="default")
    seg.add_argument("--no-hmm", action="store_true", help="do not guess unknown words")
    seg.add_argument("--user-dict", metavar="FILE", help="jieba-format user dictionary")
    seg.add_argument("--threads", type=int, default=0, help="worker threads (0: all cores)")
    seg.set_defaults(run=_segment)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except Error as exc:
        print(f"zhpolicy: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. piped into head
        return 0


if __name__ == "__main__":
    sys.exit(main())
