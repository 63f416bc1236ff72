"""Texts rewritten in Traditional characters with OpenCC's s2t (Debian's
`opencc` command, which scripts/setup_deps.sh installs): how the evaluation
scripts and the tests make Traditional copies of annotated text."""
import shutil
import subprocess

SEPARATOR = "\n\u2028\n"  # no annotated text holds it


def to_traditional(texts):
    """Each text in Traditional characters, converted in one call. A text
    whose length in characters changes is returned as converted: callers whose
    offsets must hold compare lengths."""
    opencc = shutil.which("opencc")
    if not opencc:
        raise RuntimeError("the opencc command (Debian package opencc) is needed: scripts/setup_deps.sh installs it")
    joined = SEPARATOR.join(texts)
    out = subprocess.run([opencc, "-c", "s2t.json"], input=joined, capture_output=True, text=True,
                         check=True).stdout
    if out.endswith("\n") and not joined.endswith("\n"):
        out = out[:-1]  # the command ends its output with a newline
    converted = out.split(SEPARATOR)
    if len(converted) != len(texts):
        raise RuntimeError(f"opencc returned {len(converted)} texts for {len(texts)}")
    return converted
