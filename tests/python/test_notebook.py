"""examples/notebooks/policy_targets.ipynb runs top to bottom in a real Jupyter kernel
(nbclient + ipykernel) and produces its table and plot."""
import json
import os
import sys
from pathlib import Path

import nbclient  # Debian python3-nbclient, installed by scripts/setup_deps.sh
import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "examples" / "notebooks" / "policy_targets.ipynb"


@pytest.fixture(scope="module")
def kernel_name(tmp_path_factory):
    """A kernelspec for this interpreter (the one with zhpolicy installed), so the
    notebook never runs in a system Python that lacks it."""
    jupyter_dir = tmp_path_factory.mktemp("jupyter")
    spec = jupyter_dir / "kernels" / "zhpolicy-test"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "zhpolicy test", "language": "python"}))
    old = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = str(jupyter_dir) + (os.pathsep + old if old else "")
    yield "zhpolicy-test"
    if old is None:
        del os.environ["JUPYTER_PATH"]
    else:
        os.environ["JUPYTER_PATH"] = old


def run_notebook(path, kernel_name, env_name, data):
    """Executes the notebook at `path` with `data` in the environment variable
    `env_name`; keeps the executed copy in $ZHPOLICY_ARTIFACTS if set."""
    notebook = nbformat.read(path, as_version=4)
    os.environ[env_name] = str(data)
    try:
        # Raises CellExecutionError, with the cell and traceback, on any error.
        nbclient.NotebookClient(notebook, timeout=600, kernel_name=kernel_name,
                                resources={"metadata": {"path": str(path.parent)}}).execute()
    finally:
        del os.environ[env_name]
    artifacts = os.environ.get("ZHPOLICY_ARTIFACTS")
    if artifacts:
        Path(artifacts).mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, Path(artifacts) / f"{path.stem}.{Path(data).stem}.ipynb")
    return notebook


def execute(kernel_name, corpus):
    return run_notebook(NOTEBOOK, kernel_name, "ZHPOLICY_CORPUS", corpus)


def outputs(notebook):
    for cell in notebook.cells:
        if cell.cell_type == "code":
            yield from cell.outputs


def check(notebook, figures):
    streams = "".join(o.get("text", "") for o in outputs(notebook) if o.output_type == "stream"
                      and o.get("name") == "stderr")
    assert "Traceback" not in streams and "Error" not in streams, streams
    html = "".join(o["data"].get("text/html", "") for o in outputs(notebook) if "data" in o)
    for figure in figures:
        assert figure in html, figure  # the money/percent table lists it
    pngs = [o for o in outputs(notebook) if "image/png" in o.get("data", {})]
    assert len(pngs) == 1, "one figure with the two plots"
    assert 'class="zhpolicy-doc"' in html, "the highlighted document is displayed"


def test_notebook_runs_on_the_corpus(kernel_name, shared_dir):
    notebook = execute(kernel_name, shared_dir / "corpus")
    # Figures of the 2024 government work report (001) that must be in the table.
    check(notebook, ["1450亿元", "12%左右", "40%以上"])


def test_notebook_runs_on_the_shipped_sample(kernel_name):
    notebook = execute(kernel_name, ROOT / "examples" / "policy_sample.txt")
    check(notebook, ["1600亿元", "6%左右", "5.5%以内"])


PROVINCES = ROOT / "examples" / "notebooks" / "province_targets.ipynb"


def execute_provinces(kernel_name, reports):
    return run_notebook(PROVINCES, kernel_name, "ZHPOLICY_REPORTS", reports)


def test_province_targets_notebook_on_the_2026_reports(kernel_name, shared_dir):
    notebook = execute_provinces(kernel_name, shared_dir / "reports" / "provincial_2026")
    text = "".join(o.get("text", "") for o in outputs(notebook) if o.output_type == "stream")
    assert "Traceback" not in text and "Error" not in text, text
    html = "".join(o["data"].get("text/html", "") for o in outputs(notebook) if "data" in o)
    # The table has a row per province with a goals paragraph, and the common indicators.
    assert "江苏省" in html and "地区生产总值" in html and "城镇调查失业率" in html
    assert len([o for o in outputs(notebook) if "image/png" in o.get("data", {})]) == 1
    counted = [line for line in text.splitlines() if line.startswith("count")]
    assert counted and float(counted[0].split()[1]) >= 15, text  # GDP growth targets of >= 15 provinces


def test_province_targets_notebook_on_the_shipped_sample(kernel_name):
    notebook = execute_provinces(kernel_name, ROOT / "examples" / "policy_sample.txt")
    html = "".join(o["data"].get("text/html", "") for o in outputs(notebook) if "data" in o)
    assert "地区生产总值" in html
