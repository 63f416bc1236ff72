"""The compiled part-of-speech HMM decodes as jieba's posseg does.

Every run of Han characters (2 to 20) in the repository's test texts and
examples is cut by zhpolicy_posseg_cut and by jieba's own posseg decoder (the
HMM step jieba applies to a run its dictionary leaves unjoined); the two must
agree word for word and tag for tag.

    python posseg_vs_jieba.py POSSEG_CUT LEXICON.zpl TEXT_DIR...
"""
import re
import subprocess
import sys
from pathlib import Path

import jieba
import jieba.posseg

jieba.setLogLevel(60)


def runs(folders):
    found = set()
    for folder in folders:
        for path in sorted(Path(folder).rglob("*.txt")):
            found.update(re.findall(r"[\u4e00-\u9fd5]{2,20}", path.read_text(encoding="utf-8", errors="ignore")))
    return sorted(found)


def main():
    cut_tool, lexicon, *folders = sys.argv[1:]
    text = runs(folders)
    if len(text) < 1000:
        sys.exit(f"posseg_vs_jieba: only {len(text)} runs found under {folders}")
    ours = subprocess.run([cut_tool, lexicon], input="\n".join(text) + "\n", capture_output=True, text=True,
                          check=True).stdout.splitlines()
    decode = jieba.posseg.dt._POSTokenizer__cut  # jieba's HMM step on one run
    differ = 0
    for run, got in zip(text, ours):
        want = " ".join(f"{p.word}/{p.flag}" for p in decode(run))
        if got != want:
            differ += 1
            if differ <= 10:
                print(f"{run}: zhpolicy {got} | jieba {want}")
    print(f"{len(text)} runs, {differ} decoded differently")
    if len(ours) != len(text) or differ:
        sys.exit(1)


if __name__ == "__main__":
    main()
