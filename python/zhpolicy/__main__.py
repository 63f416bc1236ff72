"""Command line (the ``zhpolicy`` script, or ``python -m zhpolicy``).

    zhpolicy segment  FILE|FOLDER|- ...   words of each line, separated by spaces
    zhpolicy numbers  FILE|FOLDER|- ...   typed, normalized numbers
    zhpolicy entities FILE|FOLDER|- ...   policy entities
    zhpolicy analyze  FILE|FOLDER|- ...   all of it

Folders are searched recursively for *.txt; '-' reads standard input. --format
text (readable; for segment: one output line per input line) | jsonl | csv |
tsv (one record per token, number or entity, character offsets into the
document). numbers, entities and analyze read each file in pieces of about
1 MB cut at line ends, so memory does not grow with the file. An input that cannot be read or decoded (a missing or unreadable
file, a symbolic link loop, bytes that are not UTF-8) is reported on stderr
and the others are still analyzed. Exit status: 0 done, 1 an input was not
UTF-8 text or could not be analyzed, 2 bad usage, or an input missing or
unreadable.
"""
from __future__ import annotations

import argparse
import os
import sys
TYPE_CHECKING = False  # annotations only: typing is not imported at run time (start-up)
if TYPE_CHECKING:
    from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union

from . import (_core, Analyzer, EntityExtractor, Error, NumberExtractor, Segmenter, default_lexicon, files)

RECORD_FIELDS = ["doc", "layer", "start", "end", "text", "kind", "value", "value_max", "unit",
                 "qualifier", "score", "source"]
# `targets` records: the indicator's span and text, the number's fields, and the link.
TARGET_FIELDS = RECORD_FIELDS[:-1] + ["relation", "modality", "canonical", "number", "number_start", "number_end"]


class Problems:
    """Inputs that gave no text: each is reported on stderr when met, and the
    run goes on with the rest; the exit status is the worst one's (2: cannot
    be read or does not exist, 1: not UTF-8)."""

    def __init__(self) -> None:
        self.status = 0

    def report(self, bad: files.BadFile) -> None:
        print(f"zhpolicy: {bad.message}", file=sys.stderr)
        self.status = max(self.status, bad.status)


PROBLEMS = Problems()


def _progress(items: List[str], total_bytes: int) -> Iterable[str]:
    """A progress bar on stderr for several files or large input, when stderr is a terminal."""
    if not sys.stderr.isatty() or (len(items) < 2 and total_bytes < 5_000_000):
        return items
    try:
        from tqdm import tqdm  # Debian: python3-tqdm
    except ImportError:
        return items
    return tqdm(items, unit="file", file=sys.stderr)


def _documents(paths: List[str], raw: bool = False) -> Iterator[Tuple[str, Union[str, bytes]]]:
    """(name, text) of each readable input, in order; the others reported
    (PROBLEMS). With `raw` the text is its UTF-8 bytes, not decoded."""
    found = list(files.candidates(paths))
    sizes = 0
    for item in found:
        if isinstance(item, str) and item != "-":
            try:
                sizes += os.path.getsize(item)
            except OSError:
                pass
    for item in _progress(found, sizes):
        got = item if isinstance(item, files.BadFile) else files.read(item, raw=raw)
        if isinstance(got, files.BadFile):
            PROBLEMS.report(got)
        else:
            yield ("<stdin>" if got.path == "-" else files.display(got.path)), got.data if raw else got.text


class _LexiconPreload:
    """The default lexicon mapped and checked by a second thread while this
    one imports argparse and reads the command line (Lexicon.open releases
    the GIL): a tenth of a short run's time. wait() returns once the thread
    is done; the lexicon (or its error, raised again) then comes from
    default_lexicon() as ever."""

    def __init__(self) -> None:
        import _thread  # threading's import alone costs a millisecond

        self._done = _thread.allocate_lock()
        self._done.acquire()
        _thread.start_new_thread(self._load, ())

    def _load(self) -> None:
        try:
            default_lexicon()
        except BaseException:  # raised again in the main thread by default_lexicon()
            pass
        finally:
            self._done.release()

    def wait(self) -> None:
        with self._done:
            pass


_PRELOAD: Optional[_LexiconPreload] = None


def _lexicon(args: argparse.Namespace):
    if _PRELOAD is not None:
        _PRELOAD.wait()
    lexicon = default_lexicon()
    if getattr(args, "user_dict", None):
        lexicon = lexicon.with_user_dict(args.user_dict)
    if getattr(args, "entity_dict", None):
        lexicon = lexicon.with_entity_dict(args.entity_dict)
    return lexicon


def _record(doc: str, layer: str, item: Any) -> Dict[str, Any]:
    d = item.to_dict()
    return {"doc": doc, "layer": layer, "start": d["start"], "end": d["end"], "text": d["text"],
            "kind": d.get("kind", d.get("type")), "value": d.get("value"),
            "value_max": d.get("value_max"), "unit": d.get("unit"), "qualifier": d.get("qualifier"),
            "score": round(d["score"], 4) if "score" in d else None, "source": d.get("source")}


def _target_record(doc: str, target: Any) -> Dict[str, Any]:
    n = target.number.to_dict()
    return {"doc": doc, "layer": "target", "start": target.start, "end": target.end, "text": target.indicator,
            "kind": n["kind"], "value": n.get("value"), "value_max": n.get("value_max"), "unit": n.get("unit"),
            "qualifier": n.get("qualifier"), "score": round(target.score, 4), "relation": target.relation,
            "modality": target.modality, "canonical": target.canonical, "number": n["text"],
            "number_start": n["start"], "number_end": n["end"]}


class _Writer:
    """Writes records as JSON Lines, CSV or TSV on stdout."""

    def __init__(self, fmt: str, fields: List[str] = RECORD_FIELDS) -> None:
        self.fmt = fmt
        self.csv = None
        self.dumps = None
        # Imported here, not at start-up: `segment` in text writes neither.
        if fmt in ("csv", "tsv"):
            import csv
            self.csv = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore",
                                      delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
            self.csv.writeheader()
        else:
            import json
            self.dumps = json.dumps

    def write(self, record: Dict[str, Any]) -> None:
        if self.csv:
            self.csv.writerow({k: ("" if v is None else v) for k, v in record.items()})
        else:
            sys.stdout.write(self.dumps(record, ensure_ascii=False) + "\n")


def _segment(args: argparse.Namespace) -> int:
    segmenter = Segmenter(_lexicon(args), hmm=not args.no_hmm)
    if args.format == "text":
        # Files are mapped, checked, segmented and written by the C++ side
        # (the lines spread over the threads, pieces of a few MB written to
        # stdout's descriptor): no bytes pass through Python. Standard input
        # is read and passed as bytes (never decoded).
        sys.stdout.flush()
        out = sys.stdout.buffer
        for item in files.candidates(args.inputs):
            if isinstance(item, files.BadFile):
                PROBLEMS.report(item)
                continue
            if item == "-":
                got = files.read(item, raw=True)
                if isinstance(got, files.BadFile):
                    PROBLEMS.report(got)
                else:
                    out.write(segmenter.segment_lines(got.data, n_threads=args.threads, mode=args.mode))
                    out.flush()
                continue
            try:
                at = _core._segment_file_to(segmenter, os.fsencode(item), out.fileno(), args.threads, args.mode)
            except OSError as exc:
                if exc.filename is None:
                    raise  # the output, not the input, failed
                PROBLEMS.report(files.BadFile(item, f"cannot read {files.display(item)}: {exc.strerror}",
                                              files.UNREADABLE))
                continue
            if at >= 0:
                PROBLEMS.report(files.undecodable_file(item, at))
        return 0
    writer = _Writer(args.format)
    for doc, text in _documents(args.inputs):
        for t in segmenter.segment(text, args.mode):
            writer.write(_record(doc, "token", t))
    return 0


def _pieces(paths: List[str], analyzer: Optional[Analyzer] = None) -> Iterator[Tuple[str, int, str, Any]]:
    """(name, character offset, text, context) of each piece of each readable
    input: files are read in pieces of about 1 MB (stream.py), so memory does
    not grow with the file; standard input is read whole. With an analyzer,
    context is the PieceContext the piece starts in (a report's sections run
    across pieces), else None. Inputs that cannot be used are reported
    (PROBLEMS) and skipped."""
    from . import stream  # not needed (nor imported) by segment
    for item in files.candidates(paths):
        if isinstance(item, files.BadFile):
            PROBLEMS.report(item)
        elif item == "-":
            got = files.read(item)
            if isinstance(got, files.BadFile):
                PROBLEMS.report(got)
            else:
                yield "<stdin>", 0, got.text, _core.PieceContext() if analyzer else None
        else:
            try:
                pieces = stream._pieces(item, stream.PIECE_BYTES)
                if analyzer is None:
                    for offset, text in pieces:
                        yield files.display(item), offset, text, None
                    continue
                for offset, (text, start) in stream.pieces_with_contexts(analyzer, pieces):
                    yield files.display(item), offset, text, start
            except Error as exc:
                message = str(exc)
                status = files.UNDECODABLE if "not UTF-8" in message else files.UNREADABLE
                PROBLEMS.report(files.BadFile(item, message, status))


def _batches(args: argparse.Namespace, analyzer: Optional[Analyzer] = None) -> Iterator[List[Tuple[str, int, str, Any]]]:
    """The pieces, a few per thread at a time (analyzed together, in parallel)."""
    size = 2 * (args.threads or os.cpu_count() or 1)
    batch: List[Tuple[str, int, str, Any]] = []
    for piece in _pieces(args.inputs, analyzer):
        batch.append(piece)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _shifted(record: Dict[str, Any], offset: int) -> Dict[str, Any]:
    record["start"] += offset
    record["end"] += offset
    if "number_start" in record:
        record["number_start"] += offset
        record["number_end"] += offset
    return record


def _write_in_cpp(args: argparse.Namespace, write, *extra: Any, analyzer: Optional[Analyzer] = None) -> None:
    """Records built and written in C++ (_core.write_*_records), a batch of
    pieces at a time: no Python object per record. With an analyzer, each
    piece is analyzed from the context it starts in (write's `contexts`)."""
    sys.stdout.flush()  # the header, before C++ writes to the same file descriptor
    for batch in _batches(args, analyzer):
        contexts = {"contexts": [c for *_, c in batch]} if analyzer else {}
        write([text for _, _, text, _ in batch], [d for d, *_ in batch], [o for _, o, *_ in batch], args.format,
              args.threads, sys.stdout.fileno(), *extra, **contexts)


def _extract(args: argparse.Namespace, layer: str) -> int:
    lexicon = _lexicon(args)
    extractor = NumberExtractor(lexicon) if layer == "number" else EntityExtractor(lexicon)
    writer = None if args.format == "text" else _Writer(args.format)
    if writer:
        from . import _core
        write = _core.write_number_records if layer == "number" else _core.write_entity_records
        _write_in_cpp(args, lambda *a: write(extractor, *a))
        return 0
    for batch in _batches(args):
        results = extractor.extract_many([text for _, _, text, _ in batch], n_threads=args.threads)
        for (doc, offset, _, _), items in zip(batch, results):
            for item in items:
                r = _shifted(_record(doc, layer, item), offset)
                if writer:
                    writer.write(r)
                else:
                    keys = ("score", "source") if layer == "entity" else ("value", "value_max", "unit", "qualifier")
                    extra = "\t".join("" if r[k] is None else str(r[k]) for k in keys)
                    sys.stdout.write(f"{doc}\t{r['start']}-{r['end']}\t{r['kind']}\t{r['text']}"
                                     + (f"\t{extra}" if extra else "") + "\n")
    return 0


def _analyze(args: argparse.Namespace) -> int:
    analyzer = Analyzer(_lexicon(args))
    writer = None if args.format == "text" else _Writer(args.format)
    from . import _core
    from .document import Document
    if writer:
        _write_in_cpp(args, lambda *a, **k: _core.write_analysis_records(analyzer, *a, **k), analyzer=analyzer)
        return 0
    for batch in _batches(args, analyzer):
        parts = analyzer.analyze_parts_many([text for _, _, text, _ in batch], n_threads=args.threads,
                                            contexts=[c for *_, c in batch])
        for (doc, offset, text, _), p in zip(batch, parts):
            d = Document(text, *p)
            if offset == 0:
                sys.stdout.write(f"== {doc}\n")
            sys.stdout.write(f"  piece at character {offset}: {len(text)} characters, {len(d.tokens)} tokens, "
                             f"{len(d.numbers)} numbers, {len(d.entities)} entities\n")
            for n in d.numbers:
                sys.stdout.write(f"  number  {n.text}\t{n.kind}\t{n.value}\t{n.unit or ''}\t{n.qualifier or ''}\n")
            for e in d.entities:
                sys.stdout.write(f"  entity  {e.text}\t{e.type}\t{e.score:.2f}\t{e.source}\n")
            for person, rel, position in d.links:
                sys.stdout.write(f"  link    {person.text} {rel} {position.text}\n")
            for t in d.targets:
                sys.stdout.write(f"  target  {t.indicator}\t{t.relation}\t{t.modality}\t{t.number.text}\n")
    return 0


def _targets(args: argparse.Namespace) -> int:
    analyzer = Analyzer(_lexicon(args))
    writer = None if args.format == "text" else _Writer(args.format, TARGET_FIELDS)
    if writer:
        from . import _core
        _write_in_cpp(args, lambda *a, **k: _core.write_analysis_records(analyzer, *a, "target", **k),
                      analyzer=analyzer)
        return 0
    for batch in _batches(args, analyzer):
        parts = analyzer.analyze_parts_many([text for _, _, text, _ in batch], n_threads=args.threads,
                                            contexts=[c for *_, c in batch])
        for (doc, offset, _, _), p in zip(batch, parts):
            for t in p[4]:
                r = _shifted(_target_record(doc, t), offset)
                if writer:
                    writer.write(r)
                else:
                    sys.stdout.write(f"{doc}\t{r['number_start']}\t{t.indicator}\t{t.relation}\t{t.modality}\t"
                                     f"{t.number.text}\t{r['value']}\t{r['unit'] or ''}\t{r['qualifier'] or ''}\t"
                                     f"{t.canonical or ''}\n")
    return 0


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, its width found without importing shutil (which
    brings bz2, lzma and zlib: a few ms of every run's start-up, since argparse
    makes a formatter for each argument added)."""

    def __init__(self, prog: str, **kwargs: Any) -> None:
        if kwargs.get("width") is None:
            try:
                kwargs["width"] = int(os.environ["COLUMNS"])
            except (KeyError, ValueError):
                try:
                    kwargs["width"] = os.get_terminal_size(sys.__stdout__.fileno()).columns
                except (AttributeError, ValueError, OSError):
                    kwargs["width"] = 80
        super().__init__(prog, **kwargs)


# The commands (build_parser makes the parser of the one a run names).
_COMMANDS = ("segment", "numbers", "entities", "analyze", "targets")


def build_parser(only: Optional[str] = None) -> argparse.ArgumentParser:
    """The command line's parser; with `only`, the parser of that command
    alone (a run builds just the one it uses: start-up)."""
    parser = argparse.ArgumentParser(
        prog="zhpolicy", description="Words, numbers and entities of Chinese policy documents.",
        formatter_class=_HelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, help_text: str, run) -> Optional[argparse.ArgumentParser]:
        if only is not None and name != only:
            return None
        p = sub.add_parser(name, help=help_text, formatter_class=_HelpFormatter)
        p.add_argument("inputs", nargs="+", metavar="INPUT",
                       help="UTF-8 text files, folders (*.txt, recursively), or '-' for stdin")
        p.add_argument("--format", choices=["text", "jsonl", "csv", "tsv"], default="text")
        p.add_argument("--threads", type=int, default=0, help="worker threads (0: all cores)")
        p.add_argument("--user-dict", metavar="FILE", help="jieba-format user dictionary")
        p.add_argument("--entity-dict", metavar="FILE", help="entity terms, 'term type [freq]' per line")
        p.set_defaults(run=run)
        return p

    seg = command("segment", "words of each input line, separated by single spaces", _segment)
    if seg is not None:
        seg.add_argument("--mode", choices=["default", "search"], default="default")
        seg.add_argument("--no-hmm", action="store_true", help="do not guess unknown words")
    command("numbers", "typed, normalized numbers", lambda a: _extract(a, "number"))
    command("entities", "policy entities", lambda a: _extract(a, "entity"))
    command("analyze", "tokens, numbers, entities and person-position links", _analyze)
    command("targets", "indicators with the numbers that measure them: relation, goal or result "
                       "(give whole reports: sections decide the clauses without a cue)", _targets)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    first = words[0] if words else None
    args = build_parser(first if first in _COMMANDS else None).parse_args(words)
    PROBLEMS.status = 0
    try:
        return max(args.run(args), PROBLEMS.status)
    except Error as exc:
        print(f"zhpolicy: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. piped into head
        return 0


def run() -> None:
    """The ``zhpolicy`` script and ``python -m zhpolicy``: main(), then the
    process ends without tearing the interpreter down (its modules, the
    mapped lexicon and the thread pool go with the process; a sixth of a
    short run's time). Output is flushed first; a closed pipe is not an error.
    The default lexicon is loaded meanwhile (_LexiconPreload): every command
    needs it."""
    global _PRELOAD
    if _PRELOAD is None:
        _PRELOAD = _LexiconPreload()
    try:
        status = main()
    finally:
        # Never leave the loading thread running into the interpreter's
        # shutdown (--help, bad usage): it holds no GIL while it maps the file.
        _PRELOAD.wait()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    run()
