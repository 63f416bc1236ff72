"""zhpolicy through its Python API (zhpolicy.cut per line), for the Python-side figure.

    python zhpolicy_py_peer.py CORPUS REPEAT   -> one JSON line
"""
import json
import sys
import time

t0 = time.perf_counter()
import zhpolicy  # noqa: E402

seg = zhpolicy.Segmenter(zhpolicy.default_lexicon())
seg.cut("预热")
load_s = time.perf_counter() - t0

lines = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l]
best, tokens = float("inf"), 0
for _ in range(int(sys.argv[2])):
    t1 = time.perf_counter()
    tokens = sum(len(seg.cut(line)) for line in lines)
    best = min(best, time.perf_counter() - t1)
print(json.dumps({"engine": "zhpolicy-python", "bytes": sum(len(l.encode()) for l in lines),
                  "load_s": load_s, "seconds": best, "tokens": tokens}))
