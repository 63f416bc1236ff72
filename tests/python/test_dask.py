"""examples/dask_corpus.py on a real dask.distributed LocalCluster with 2 worker
processes gives exactly the table of a single-process run."""
import subprocess
import sys
from pathlib import Path

import pandas as pd

import zhpolicy

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "examples" / "dask_corpus.py"


def read(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_two_dask_workers_equal_one_process(tmp_path, shared_dir):
    corpus = shared_dir / "corpus"
    out = tmp_path / "dask.csv"
    run = subprocess.run([sys.executable, str(SCRIPT), str(corpus), "--out", str(out), "--workers", "2",
                          "--partitions", "5"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "5 documents" in run.stdout and "2 Dask workers" in run.stdout

    # The single-process reference takes another road: zhpolicy.to_dataframe on the folder.
    reference = zhpolicy.to_dataframe(corpus)
    reference["doc"] = [Path(d).relative_to(corpus).as_posix() for d in reference["doc"]]
    reference.to_csv(tmp_path / "single.csv", index=False)

    distributed, single = read(out), read(tmp_path / "single.csv")
    assert len(distributed) > 10000
    assert set(distributed["layer"]) == {"token", "number", "entity", "target"}
    assert sorted(set(distributed["doc"])) == sorted(p.name for p in corpus.glob("*.txt"))
    pd.testing.assert_frame_equal(distributed, single)


def test_single_process_option_and_one_layer(tmp_path, shared_dir):
    out = tmp_path / "numbers.csv"
    run = subprocess.run([sys.executable, str(SCRIPT), str(shared_dir / "corpus"), "--out", str(out),
                          "--single-process", "--layer", "number"], capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stderr
    table = read(out)
    assert set(table["layer"]) == {"number"}
    assert "1450亿元" in set(table["text"])


def test_missing_folder_is_a_clear_error(tmp_path):
    run = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path / "nope"), "--out", str(tmp_path / "x.csv")],
                         capture_output=True, text=True)
    assert run.returncode == 2 and "not a folder" in run.stderr
