import csv
import io
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "zhpolicy", *args], input=stdin,
                          capture_output=True, cwd="/")


def test_segment_file_one_line_per_line(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("区政协十五届二次会议举行\n\n新增就业4.6万人\r\n", encoding="utf-8")
    out = run("segment", str(src))
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode("utf-8").split("\n") == [
        "区政协 十五届 二次 会议 举行", "", "新增 就业 4.6万 人", ""]


def test_segment_drops_spaces_from_output_and_reads_stdin():
    out = run("segment", "-", stdin="编辑:冉建苹 美编:吕燕\n".encode("utf-8"))
    assert out.returncode == 0
    assert out.stdout.decode("utf-8") == "编辑 : 冉建苹 美编 : 吕燕\n"


def test_corpus_document_line_count_is_kept(corpus, shared_dir):
    name, text = next(iter(corpus.items()))
    out = run("segment", str(shared_dir / "corpus" / name))
    assert out.returncode == 0
    lines = out.stdout.decode("utf-8").split("\n")
    assert len(lines) - 1 == len(text.rstrip("\n").split("\n"))


def test_segment_starts_without_the_modules_it_does_not_use(tmp_path):
    # Start-up is part of every command line's time (bench/run.sh times the
    # whole process): typing, dataclasses, json and csv are imported only by
    # what uses them, never by `segment` writing text; nor shutil (argparse's
    # formatter would import it for the terminal's width).
    src = tmp_path / "in.txt"
    src.write_text("区政协十五届二次会议举行\n", encoding="utf-8")
    probe = ("import sys, zhpolicy.__main__ as m\n"
             f"status = m.main(['segment', {str(src)!r}])\n"
             "sys.stdout.flush()\n"
             "print(sorted(n for n in ('typing', 'dataclasses', 'json', 'csv', 'pandas', 'numpy', 'shutil')"
             " if n in sys.modules), file=sys.stderr)\n"
             "sys.exit(status)\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, cwd="/")
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode("utf-8") == "区政协 十五届 二次 会议 举行\n"
    assert out.stderr.decode().strip() == "[]"


def test_the_lexicon_loaded_during_start_up_fails_and_exits_cleanly(tmp_path):
    # run() loads the default lexicon on a second thread while the command
    # line is read: a broken file still gives its message and status 1, and
    # --help and bad usage (which never use the lexicon) end as argparse
    # ends them, with the loading thread waited for.
    broken = tmp_path / "broken.zpl"
    broken.write_bytes(Path(sysconfig.get_path("purelib"), "zhpolicy", "data", "zhpolicy.zpl").read_bytes()[:4096])
    probe = ("import sys, zhpolicy\n"
             f"zhpolicy.default_lexicon_path = lambda: {str(broken)!r}\n"
             "from zhpolicy.__main__ import run\n"
             "sys.argv = ['zhpolicy'] + sys.argv[1:]\n"
             "run()\n")
    for args, status, stderr in [(["segment", "-"], 1, "zhpolicy: "), (["--help"], 0, ""),
                                 (["segment"], 2, "the following arguments are required")]:
        out = subprocess.run([sys.executable, "-c", probe, *args], input="中\n".encode(), capture_output=True, cwd="/")
        assert out.returncode == status, (args, out.stderr)
        assert stderr in out.stderr.decode(), (args, out.stderr)
        assert b"Traceback" not in out.stderr and b"terminate" not in out.stderr, (args, out.stderr)
    assert "broken.zpl" in subprocess.run([sys.executable, "-c", probe, "segment", "-"], input=b"x\n",
                                          capture_output=True, cwd="/").stderr.decode()


def test_console_script_exists():
    script = Path(sysconfig.get_path("scripts")) / "zhpolicy"
    assert script.exists()
    out = subprocess.run([str(script), "segment", "-"], input="碳达峰碳中和".encode(),
                         capture_output=True)
    assert out.stdout.decode() == "碳达峰 碳中和\n"


def test_missing_file_and_undecodable_input(tmp_path):
    out = run("segment", str(tmp_path / "nope.txt"))
    assert out.returncode == 2
    assert b"no such file or folder" in out.stderr and b"nope.txt" in out.stderr
    bad = tmp_path / "gbk.txt"
    bad.write_bytes("政协".encode("gbk"))
    out = run("segment", str(bad))
    assert out.returncode == 1
    assert b"gbk.txt is not UTF-8 text: byte 0 (0xd5)" in out.stderr
    # segment checks the bytes in C++ (never decoding them): the same message
    # as the commands that decode, at the same offset.
    bad.write_bytes("增长\n".encode() + "政协".encode("gbk"))
    for command in ("segment", "numbers"):
        out = run(command, str(bad))
        assert out.returncode == 1
        assert b"gbk.txt is not UTF-8 text: byte 7 (0xd5)" in out.stderr, command


def test_bad_user_dict_exit_code(tmp_path):
    d = tmp_path / "u.dict"
    d.write_text("a b c d\n", encoding="utf-8")
    src = tmp_path / "in.txt"
    src.write_text("政协\n", encoding="utf-8")
    out = run("segment", "--user-dict", str(d), str(src))
    assert out.returncode == 1
    assert b"u.dict:1: expected" in out.stderr


def test_numbers_entities_analyze_in_every_format(tmp_path):
    folder = tmp_path / "reports" / "2024"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("区委书记赵世庆强调，新增就业4.6万人。\n", encoding="utf-8")
    (folder / "b.txt").write_text("突破1450亿元", encoding="utf-8")
    (folder / "skip.md").write_text("不读", encoding="utf-8")

    out = run("numbers", "--format", "jsonl", str(tmp_path / "reports"))
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert [(r["doc"].endswith("a.txt"), r["text"], r["value"], r["unit"]) for r in records] == [
        (True, "4.6万人", 46000, "人"), (False, "1450亿元", 145000000000, "元")]
    assert records[1]["qualifier"] == "gt"

    out = run("entities", "--format", "csv", str(folder / "a.txt"))
    rows = list(csv.DictReader(io.StringIO(out.stdout.decode())))
    assert [(r["text"], r["kind"]) for r in rows] == [("区委书记", "position"), ("赵世庆", "person")]

    out = run("analyze", "--format", "tsv", str(folder / "a.txt"))
    rows = list(csv.DictReader(io.StringIO(out.stdout.decode()), delimiter="\t"))
    assert {r["layer"] for r in rows} == {"token", "number", "entity"}
    assert "".join(r["text"] for r in rows if r["layer"] == "token") == (folder / "a.txt").read_text(encoding="utf-8")

    # JSON Lines as the CSV: one record per token, number and entity, never the whole text.
    out = run("analyze", "--format", "jsonl", "-", stdin="民革渝中区委建议".encode())
    records = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert {r["doc"] for r in records} == {"<stdin>"}
    assert [(r["text"], r["kind"]) for r in records if r["layer"] == "entity"] == [("民革渝中区委", "government")]

    out = run("analyze", str(folder / "a.txt"))
    assert "link    赵世庆 holds_position 区委书记" in out.stdout.decode()
    assert out.stderr == b""  # no progress bar when stderr is not a terminal


def test_segment_records_tile_the_document(tmp_path):
    src = tmp_path / "in.txt"
    text = "全年实现地区生产总值1450亿元\n增长6.1%\n"
    src.write_text(text, encoding="utf-8")
    out = run("segment", "--format", "jsonl", str(src))
    records = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert "".join(r["text"] for r in records) == text
    assert all(text[r["start"]:r["end"]] == r["text"] for r in records)


def hostile_folder(root: Path) -> Path:
    """A folder with good files among bad ones: not UTF-8, a folder named *.txt,
    a dangling link, a link loop, a link back up the tree, a non-UTF-8 name."""
    folder = root / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("全年地区生产总值1450亿元。\n", encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("渝中区政协召开会议。\n", encoding="utf-8")
    (folder / "gbk.txt").write_bytes("政协".encode("gbk"))
    (folder / "dir.txt").mkdir()
    os.symlink(folder / "missing", folder / "dangling.txt")
    os.symlink(folder / "loop.txt", folder / "loop.txt")
    os.symlink(folder, folder / "sub" / "up")
    (folder / os.fsdecode(b"\xff\xfename.txt")).write_text("增长12%。\n", encoding="utf-8")
    return folder


def test_a_hostile_folder_reports_each_bad_file_and_goes_on(tmp_path):
    folder = hostile_folder(tmp_path)
    out = run("numbers", str(folder))
    err = out.stderr.decode()
    assert out.returncode == 2  # the worst problem: unreadable files
    assert "gbk.txt is not UTF-8 text" in err
    assert "cannot read" in err and "dangling.txt" in err and "loop.txt" in err
    assert "symbolic link loop" in err
    text = out.stdout.decode()
    # Every readable file is analyzed once, the non-UTF-8 name shown with escapes.
    assert text.count("1450亿元") == 1 and "\\xff\\xfename.txt" in text and "12%" in text
    for fmt in ("jsonl", "csv"):
        again = run("analyze", "--format", fmt, str(folder))
        assert again.returncode == 2 and "会议" in again.stdout.decode()
    # Only an undecodable file: status 1, the good one still done.
    only = tmp_path / "two"
    only.mkdir()
    (only / "ok.txt").write_text("增长5%", encoding="utf-8")
    (only / "bad.txt").write_bytes(b"\xd5\xfe")
    out = run("segment", str(only), str(tmp_path / "nope.txt"))
    assert out.returncode == 2 and b"nope.txt" in out.stderr and "增长".encode() in out.stdout
    out = run("segment", str(only))
    assert out.returncode == 1 and "增长".encode() in out.stdout


def test_to_dataframe_of_a_hostile_folder_warns_and_goes_on(tmp_path):
    import zhpolicy
    folder = hostile_folder(tmp_path)
    with pytest.warns(UserWarning) as caught:
        df = zhpolicy.to_dataframe(folder, layer="number")
    messages = [str(w.message) for w in caught if w.category is UserWarning]
    assert any("gbk.txt" in m for m in messages) and any("symbolic link loop" in m for m in messages)
    assert len(df.attrs["problems"]) == len(messages) >= 4
    assert sorted(df["text"]) == ["12%", "1450亿元"]


def test_files_are_read_in_pieces_with_offsets_into_the_whole_file(tmp_path):
    # A 3 MB file: several pieces; offsets count from the file's start, and
    # every number of every piece is there once.
    big = tmp_path / "big.txt"
    line = "全年增长5%，新增就业4.6万人。\n"
    big.write_text(line * (3 * 1024 * 1024 // len(line.encode())), encoding="utf-8")
    text = big.read_text(encoding="utf-8")
    out = run("numbers", "--format", "csv", str(big))
    rows = list(csv.DictReader(io.StringIO(out.stdout.decode())))
    assert len(rows) == 2 * text.count("\n")
    for r in rows[::997]:
        assert text[int(r["start"]):int(r["end"])] == r["text"]
    out = run("analyze", "--format", "jsonl", str(big))
    last = json.loads(out.stdout.decode().splitlines()[-1])
    assert last["end"] <= len(text) and text[last["start"]:last["end"]] == last["text"]


def test_segment_output_built_in_cpp_equals_the_token_objects(shared_dir):
    """`zhpolicy segment` writes what Segmenter.segment_lines builds in C++; it
    equals joining the Token objects' texts, line by line, on the corpus."""
    import zhpolicy
    seg = zhpolicy.Segmenter()
    for path in sorted((shared_dir / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        lines = [line[:-1] if line.endswith("\r") else line for line in lines]
        expected = "".join(" ".join(t.text for t in tokens if not t.text.isspace()) + "\n"
                           for tokens in seg.segment_many(lines))
        assert seg.segment_lines(text) == expected
        for mode in ("search",):
            assert seg.segment_lines(text, mode=mode) == "".join(
                " ".join(t.text for t in tokens if not t.text.isspace()) + "\n"
                for tokens in seg.segment_many(lines, mode=mode))
        out = run("segment", str(path))
        assert out.returncode == 0 and out.stdout.decode("utf-8") == expected


def test_segment_of_a_file_over_several_pieces_equals_segment_lines(tmp_path, corpus):
    """A file the CLI maps and writes in pieces of about 4 MB: the output equals
    Segmenter.segment_lines of its bytes (CRLF lines, a last line without a
    line end); a bad byte in a later piece gives no output at all and its
    offset in the whole file."""
    import zhpolicy
    text = "\r\n".join(corpus.values())
    data = (text * (-(-(9 << 20) // len(text.encode())))).encode() + "结尾没有换行".encode()
    big = tmp_path / "big.txt"
    big.write_bytes(data)
    out = run("segment", str(big))
    assert out.returncode == 0, out.stderr
    assert out.stdout == zhpolicy.Segmenter().segment_lines(data)
    bad_at = len(data) - 3
    big.write_bytes(data[:bad_at] + b"\xff" + data[bad_at + 1:])
    out = run("segment", str(big))
    assert out.returncode == 1 and out.stdout == b""
    assert f"is not UTF-8 text: byte {bad_at} (0xff)".encode() in out.stderr


def test_segment_of_a_large_file_in_bounded_memory(tmp_path):
    # 48 MB: mapped and handed back a piece at a time, so the child's peak
    # (VmHWM, see test_stream) stays near its start-up size.
    big = tmp_path / "big.txt"
    line = "2024年全区实现地区生产总值1450亿元，增长6.1%。民革渝中区委建议新增5家。\n".encode() * 200
    with open(big, "wb") as f:
        for _ in range((48 << 20) // len(line)):
            f.write(line)
    code = ("import os, re, sys\n"
            "from zhpolicy import __main__ as cli\n"
            "sys.stdout = open(os.devnull, 'w')\n"
            "status = cli.main(['segment', sys.argv[1]])\n"
            "hwm = int(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1))\n"
            "print(status, hwm // 1024, file=sys.stderr)\n")
    out = subprocess.run([sys.executable, "-c", code, str(big)], capture_output=True, text=True, check=True)
    status, peak_mb = map(int, out.stderr.split())
    assert status == 0
    assert peak_mb < 80, f"peak {peak_mb} MB for a 48 MB file"


def _python_rows(command, text, doc, offset):
    """The records of `command` the Python way: objects, to_dict, the CLI's _record."""
    import zhpolicy
    from zhpolicy import __main__ as cli
    if command == "number":
        return [cli._shifted(cli._record(doc, "number", n), offset) for n in zhpolicy.NumberExtractor().extract(text)]
    if command == "entity":
        return [cli._shifted(cli._record(doc, "entity", e), offset) for e in zhpolicy.EntityExtractor().extract(text)]
    d = zhpolicy.Document(text, *zhpolicy.Analyzer().analyze_parts(text))
    if command == "target":
        return [cli._shifted(cli._target_record(doc, t), offset) for t in d.targets]
    return [cli._shifted(cli._record(doc, layer, item), offset)
            for layer, items in (("token", d.tokens), ("number", d.numbers), ("entity", d.entities))
            for item in items]


def _records_the_python_way(command, text, doc, offset, fmt):
    """What the Python writer gives: json.dumps / csv of _python_rows."""
    from zhpolicy import __main__ as cli
    rows = _python_rows(command, text, doc, offset)
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cli.TARGET_FIELDS if command == "target" else cli.RECORD_FIELDS,
                       extrasaction="ignore", delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    for r in rows:
        w.writerow({k: ("" if v is None else v) for k, v in r.items()})
    return buf.getvalue()


def _cpp_records(command, text, doc, offset, fmt):
    """What the CLI's C++ writer of `command` puts on a file descriptor for one text."""
    import tempfile
    import zhpolicy
    from zhpolicy import _core
    with tempfile.TemporaryFile() as f:
        args = ([text], [doc], [offset], fmt, 1, f.fileno())
        if command == "number":
            _core.write_number_records(zhpolicy.NumberExtractor(), *args)
        elif command == "entity":
            _core.write_entity_records(zhpolicy.EntityExtractor(), *args)
        elif command == "target":
            _core.write_analysis_records(zhpolicy.Analyzer(), *args, "target")
        else:
            _core.write_analysis_records(zhpolicy.Analyzer(), *args)
        f.seek(0)
        return f.read().decode("utf-8")


@pytest.mark.parametrize("command", ["analyze", "number", "entity", "target"])
def test_records_built_in_cpp_equal_the_python_writer(shared_dir, command):
    """`zhpolicy analyze|numbers|entities|targets --format jsonl|csv|tsv`
    write records built in C++; they equal, byte for byte, what json.dumps
    and csv give for the Python objects, on the corpus and on values and
    texts chosen to be awkward."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared_dir / "corpus").glob("*.txt"))]
    texts.append('增长-0.2%，三分之一，万分之三，⅝，千万分之六，1 4/3，3.14159265358979万元，0.00001%，'
                 '1e16元，12345678901234567890元\t"引号"\\反斜杠\r\n\x01控制，区委书记赵世庆，2024年2月5日 14:31，“11241”，'
                 '2025年地区生产总值增长5%左右，粮食产量达到“1,200万吨”')
    compared = 0
    for text in texts:
        for fmt in ("jsonl", "csv", "tsv"):
            cpp = _cpp_records(command, text, "d/文件.txt", 11, fmt)
            assert cpp == _records_the_python_way(command, text, "d/文件.txt", 11, fmt)
            compared += cpp.count("\n")
    assert compared > 100  # records were written, not two empty outputs compared


def test_analyze_command_writes_the_cpp_records(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("区委书记赵世庆\n新增5家，增长12.5%\n", encoding="utf-8")
    out = run("analyze", str(src), "--format", "csv")
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout.decode("utf-8"))))
    assert [r["text"] for r in rows if r["layer"] == "number"] == ["5家", "12.5%"]
    assert [(r["text"], r["kind"]) for r in rows if r["layer"] == "entity"] == [("区委书记", "position"), ("赵世庆", "person")]
