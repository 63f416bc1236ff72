import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("ZHPOLICY_SHARED_DIR", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def corpus():
    """The corpus documents of ../shared/corpus as {name: text}."""
    docs = {p.name: p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus").glob("*.txt"))}
    assert docs, f"no corpus under {SHARED}"
    return docs


@pytest.fixture(scope="session")
def shared_dir():
    return SHARED


@pytest.fixture
def eval_script(tmp_path):
    """Runs scripts/NAME with ARGS and --json; returns what it printed and the
    figures it wrote (the held-out tests keep floors on them)."""
    def run(name, *args):
        out = tmp_path / "figures.json"
        done = subprocess.run([sys.executable, str(ROOT / "scripts" / name), *map(str, args), "--json", str(out)],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout, json.loads(out.read_text(encoding="utf-8"))
    return run
