"""A command line on a file, output to /dev/null, timed whole (start-up
included, as a user sees it): `zhpolicy segment` and its peers.

    python cli_peer.py NAME CORPUS COMMAND [ARGS...]   -> one JSON line

The corpus path is appended to the command.
"""
import json
import os
import subprocess
import sys
import time

name, corpus, *command = sys.argv[1:]
t0 = time.perf_counter()
with open(os.devnull, "wb") as sink:
    subprocess.run([*command, corpus], stdout=sink, check=True)
seconds = time.perf_counter() - t0
print(json.dumps({"engine": name, "bytes": os.path.getsize(corpus), "load_s": 0.0, "seconds": seconds,
                  "tokens": 0}))
