"""zhpolicy through its Python API, line by line, for the Python-side figures.

    python zhpolicy_py_peer.py CORPUS REPEAT [MODE]   -> one JSON line

MODE: cut (zhpolicy.Segmenter.cut, strings), segment (Token objects),
analyze (zhpolicy.Analyzer.analyze_parts: tokens, numbers, entities),
analyze-whole (zhpolicy.analyze of the whole file as one text: a Document),
frame (the first MB of the file as one Document, then its pandas table:
Document.to_pandas, built from the columns, against the row-by-row table of
frame.from_records(frame.records(...)); best of REPEAT each).
"""
import json
import sys
import time

t0 = time.perf_counter()
import zhpolicy  # noqa: E402

mode = sys.argv[3] if len(sys.argv) > 3 else "cut"
seg = zhpolicy.Segmenter(zhpolicy.default_lexicon())
analyzer = zhpolicy.Analyzer(zhpolicy.default_lexicon())
run = {"cut": lambda line: len(seg.cut(line)),
       "segment": lambda line: len(seg.segment(line)),
       "analyze": lambda line: len(analyzer.analyze_parts(line)[0]),
       "analyze-whole": lambda line: len(zhpolicy.analyze(line).tokens),
       "frame": lambda line: len(zhpolicy.analyze(line).tokens)}[mode]
run("预热")
load_s = time.perf_counter() - t0

if mode == "frame":
    from zhpolicy import frame
    data = open(sys.argv[1], encoding="utf-8").read()
    text = data[: data.rfind("\n", 0, 350_000) + 1]  # about 1 MB of UTF-8
    doc = zhpolicy.analyze(text)
    columns = rows = float("inf")
    for _ in range(int(sys.argv[2])):
        t1 = time.perf_counter()
        n = len(doc.to_pandas())
        columns = min(columns, time.perf_counter() - t1)
        t1 = time.perf_counter()
        frame.from_records(frame.records("0", doc))
        rows = min(rows, time.perf_counter() - t1)
    print(json.dumps({"engine": "zhpolicy-python-frame", "bytes": len(text.encode()), "load_s": load_s,
                      "seconds": columns, "rows_seconds": rows, "tokens": n}))
    sys.exit(0)

if mode == "analyze-whole":
    text = open(sys.argv[1], encoding="utf-8").read()
    t1 = time.perf_counter()
    doc = zhpolicy.analyze(text)
    seconds = time.perf_counter() - t1
    print(json.dumps({"engine": "zhpolicy-python-analyze-whole", "bytes": len(text.encode()), "load_s": load_s,
                      "seconds": seconds, "tokens": len(doc.tokens)}))
    sys.exit(0)

lines = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l]
best, tokens = float("inf"), 0
for _ in range(int(sys.argv[2])):
    t1 = time.perf_counter()
    tokens = sum(run(line) for line in lines)
    best = min(best, time.perf_counter() - t1)
print(json.dumps({"engine": f"zhpolicy-python-{mode}", "bytes": sum(len(l.encode()) for l in lines),
                  "load_s": load_s, "seconds": best, "tokens": tokens}))
