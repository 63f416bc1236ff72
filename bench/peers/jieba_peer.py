"""jieba (Debian python3-jieba), default mode with HMM, one corpus pass per repeat.

    python3 jieba_peer.py CORPUS REPEAT   -> one JSON line
"""
import json
import logging
import sys
import time

t0 = time.perf_counter()
import jieba  # noqa: E402

jieba.setLogLevel(logging.ERROR)
jieba.initialize()
load_s = time.perf_counter() - t0

lines = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l]
best, tokens = float("inf"), 0
for _ in range(int(sys.argv[2])):
    t1 = time.perf_counter()
    tokens = sum(len(jieba.lcut(line)) for line in lines)
    best = min(best, time.perf_counter() - t1)
print(json.dumps({"engine": "jieba", "bytes": sum(len(l.encode()) for l in lines),
                  "load_s": load_s, "seconds": best, "tokens": tokens}))
