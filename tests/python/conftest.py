import os
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
