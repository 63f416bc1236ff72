"""analyze_file / analyze_files: files of any size in bounded pieces."""
import os
import subprocess
import sys
import tempfile
import warnings

import pytest

import zhpolicy


def test_pieces_of_a_corpus_document_give_the_whole_documents_numbers(corpus, shared_dir):
    name = sorted(corpus)[0]
    path, text = shared_dir / "corpus" / name, corpus[name]
    whole = zhpolicy.analyze(text)
    longest = max(len(line.encode()) + 1 for line in text.split("\n"))
    pieces = list(zhpolicy.analyze_file(path, piece_bytes=max(longest, 2048)))
    assert len(pieces) > 1
    # Pieces tile the file, in characters.
    at = 0
    for p in pieces:
        assert p.offset == at and text[at:at + len(p.document.text)] == p.document.text
        at += len(p.document.text)
    assert at == len(text)
    streamed = [(p.offset + n.start, p.offset + n.end, n.value) for p in pieces for n in p.document.numbers]
    assert streamed == [(n.start, n.end, n.value) for n in whole.numbers]


def test_analyze_files_walks_folders_in_order_on_threads_and_warns_on_bad_files(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("增长5%。\n" * 2000, encoding="utf-8")
    (folder / "b.txt").write_text("渝中区政协召开会议。\n", encoding="utf-8")
    (folder / "c.txt").write_bytes("增长7%。\n".encode() + "政协".encode("gbk"))
    with pytest.warns(UserWarning, match="c.txt is not UTF-8 text: byte 12"):
        pieces = list(zhpolicy.analyze_files(folder, n_threads=2, piece_bytes=4096))
    names = [os.path.basename(p.path) for p in pieces]
    assert names == sorted(names) and names[-1] == "b.txt"
    assert sum(len(p.document.numbers) for p in pieces if p.path.endswith("a.txt")) == 2000
    assert [e.text for p in pieces if p.path.endswith("b.txt") for e in p.document.entities] == ["渝中区政协"]
    with pytest.raises(zhpolicy.Error, match="cannot read"):
        list(zhpolicy.analyze_file(tmp_path / "missing.txt"))


def test_a_large_file_streams_in_bounded_memory(tmp_path):
    # 32 MB through analyze_file in a child process: its peak memory stays far
    # below what analyzing the text at once takes (about 40x the text).
    big = tmp_path / "big.txt"
    line = ("2024年全区实现地区生产总值1450亿元，增长6.1%。民革渝中区委建议新增5家。\n" * 200).encode()
    with open(big, "wb") as f:
        for _ in range((32 << 20) // len(line)):
            f.write(line)
    # The peak is VmHWM of the child's own address space: getrusage's
    # ru_maxrss survives exec and starts at the forking test process's size.
    code = ("import re, sys, zhpolicy\n"
            "n = sum(len(p.document.numbers) for p in zhpolicy.analyze_file(sys.argv[1]))\n"
            "hwm = int(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1))\n"
            "print(n, hwm // 1024)\n")
    out = subprocess.run([sys.executable, "-c", code, str(big)], capture_output=True, text=True, check=True)
    numbers, peak_mb = map(int, out.stdout.split())
    assert numbers > 1_000_000
    assert peak_mb < 400, f"peak {peak_mb} MB for a 32 MB file"


def test_one_large_text_is_analyzed_in_bounded_working_memory(corpus):
    # zhpolicy.analyze of one 32 MB text (the corpus repeated) in a child
    # process: the analyzer reads it in pieces (AnalyzerOptions::
    # whole_text_bytes), so the peak is the result plus one piece's working
    # memory, not about 37x the text as at once (1.2 GB and more here).
    text = "\n".join(corpus[name] for name in sorted(corpus)) + "\n"
    copies = (32 << 20) // len(text.encode())
    code = ("import re, sys, zhpolicy\n"
            "text = open(sys.argv[1], encoding='utf-8').read() * int(sys.argv[2])\n"
            "doc = zhpolicy.analyze(text)\n"
            "assert doc.text == text\n"
            "hwm = int(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1))\n"
            "print(len(doc.tokens), hwm // 1024)\n")
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt") as f:
        f.write(text)
        f.flush()
        out = subprocess.run([sys.executable, "-c", code, f.name, str(copies)], capture_output=True, text=True,
                             check=True)
    tokens, peak_mb = map(int, out.stdout.split())
    assert tokens == copies * len(zhpolicy.analyze(text).tokens)
    assert peak_mb < 800, f"peak {peak_mb} MB for a {copies * len(text.encode()) >> 20} MB text"


def test_pieces_of_a_report_give_its_targets_modalities(tmp_path, shared_dir):
    """analyze_file and analyze_files carry a report's sections (title line,
    numbered headings) from piece to piece: with pieces of 2 KB, the targets
    of a provincial report equal the whole text's, modality included."""
    text = (shared_dir / "reports" / "provincial_2026" / "2026_江苏省.txt").read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    whole = [(t.start, t.modality, t.relation) for t in zhpolicy.analyze(text).targets]
    assert whole and len({m for _, m, _ in whole}) > 1
    for pieces in (list(zhpolicy.analyze_file(path, piece_bytes=2048)),
                   list(zhpolicy.analyze_files([path], n_threads=2, piece_bytes=2048))):
        assert len(pieces) > 10
        got = [(p.offset + t.start, t.modality, t.relation) for p in pieces for t in p.document.targets]
        assert got == whole
