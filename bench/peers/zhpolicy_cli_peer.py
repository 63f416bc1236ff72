"""The zhpolicy command line on a file, output to /dev/null, timed whole
(start-up included, as a user sees it).

    python zhpolicy_cli_peer.py PYTHON CORPUS COMMAND [ARGS...]   -> one JSON line
"""
import json
import os
import subprocess
import sys
import time

python, corpus, *command = sys.argv[1:]
t0 = time.perf_counter()
with open(os.devnull, "wb") as sink:
    subprocess.run([python, "-m", "zhpolicy", *command, corpus], stdout=sink, check=True)
seconds = time.perf_counter() - t0
print(json.dumps({"engine": "zhpolicy-cli " + " ".join(command), "bytes": os.path.getsize(corpus),
                  "load_s": 0.0, "seconds": seconds, "tokens": 0}))
