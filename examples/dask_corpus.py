"""Analyze a folder of policy documents on a Dask cluster and write one CSV table.

    python examples/dask_corpus.py ../shared/corpus --out corpus.csv --workers 2

Every *.txt below the folder becomes rows of zhpolicy's tidy table (one row per
token, number or entity; see zhpolicy.to_dataframe), doc = the file's path
relative to the folder. The analyzer is built once here and shipped to the
worker processes by pickle: a lexicon loaded from a file travels as its path and
checksum, so each worker maps the same compiled file (and refuses a different one).

Options: --workers N (processes of a dask.distributed LocalCluster), --layer
token|number|entity, --partitions, --scheduler-address to use a running cluster
instead, --single-process to run the same pipeline without a cluster.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import List

import zhpolicy
from zhpolicy.frame import COLUMNS, DTYPES


def analyze_file(path: str, root: str, analyzer: zhpolicy.Analyzer, layer: str | None) -> List[dict]:
    """The table rows of one file (runs on a worker)."""
    text = Path(path).read_text(encoding="utf-8")
    document = zhpolicy.Document(text, *analyzer.analyze_parts(text))
    return document.to_records(doc_id=Path(path).relative_to(root).as_posix(), layer=layer)


def meta():
    """The empty table dask needs to know columns and dtypes (categories as plain strings:
    each partition sees different categories)."""
    import pandas as pd

    dtypes = {c: ("string" if t == "category" else t) for c, t in DTYPES.items()}
    return pd.DataFrame({c: pd.Series(dtype=dtypes[c]) for c in COLUMNS})


def run(folder: Path, out: Path, workers: int, layer: str | None, partitions: int | None,
        scheduler_address: str | None = None, single_process: bool = False) -> int:
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    files = sorted(str(p) for p in folder.rglob("*.txt"))
    if not files:
        raise SystemExit(f"dask_corpus: no *.txt files under {folder}")
    analyzer = zhpolicy.Analyzer(zhpolicy.default_lexicon())
    bag = db.from_sequence(files, npartitions=partitions or min(len(files), 4 * max(workers, 1)))
    rows = bag.map(analyze_file, root=str(folder), analyzer=analyzer, layer=layer).flatten()
    table = rows.to_dataframe(meta=meta())

    if single_process:
        table.to_csv(str(out), single_file=True, index=False, compute_kwargs={"scheduler": "sync"})
        return len(files)
    cluster = None
    if scheduler_address:
        client = Client(scheduler_address)
    else:
        # Processes, not threads: this is the setting that exercises pickling.
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        table.to_csv(str(out), single_file=True, index=False)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return len(files)


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--out", type=Path, required=True, help="CSV file to write")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--layer", choices=["token", "number", "entity", "target"])
    parser.add_argument("--partitions", type=int)
    parser.add_argument("--scheduler-address")
    parser.add_argument("--single-process", action="store_true")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"{args.folder}: not a folder")
    started = time.perf_counter()
    n = run(args.folder, args.out, args.workers, args.layer, args.partitions,
            args.scheduler_address, args.single_process)
    where = "one process" if args.single_process else f"{args.workers} Dask workers"
    print(f"{n} documents -> {args.out} ({where}, {time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
