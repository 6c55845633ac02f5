"""How storing slows and grows as a DuckDB store fills: per step of 1,024 coded articles, the seconds
it took, the storing process's resident memory, and DuckDB's own memory by kind (table blocks, ART
indexes, ...), from `duckdb_memory()`.

The articles are the IndiaPoliceEvents-derived corpus of `store_ingest.py` (read from ../shared at run
time), coded once and kept with `--coded FILE` (the same file `store_ingest.py --coded` writes and
reads), then stored by `EventStore.store_batch` in batches of `DEFAULT_BATCH`, as `whodid ingest` does.

    .venv/bin/python benchmarks/store_growth.py --articles 6000 --coded out/coded.pickle
"""

from __future__ import annotations

import argparse
import gc
import pickle
import sys
import tempfile
import time
from pathlib import Path

import psutil

from ipe_corpus import DEFAULT_SHARED, build_corpus
from store_ingest import Coded, code
from whodid.store import EventStore
from whodid.store.loading import DEFAULT_BATCH

STEP = 1024  # articles between two readings


def coded_articles(count: int, kept: Path | None, shared: Path) -> Coded:
    if kept and kept.is_file():
        with kept.open("rb") as handle:
            found = pickle.load(handle)
        if len(found) >= count:
            return found[:count]
    corpus = build_corpus(shared.resolve(), count)
    print(f"coding {len(corpus)} articles ...", file=sys.stderr, flush=True)
    coded, _ = code(corpus)
    if kept:
        with kept.open("wb") as handle:
            pickle.dump(coded, handle)
    return coded


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=6000)
    parser.add_argument("--coded", type=Path, default=None, help="keep the coded articles here, reuse them")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--memory-limit", default=None, help="DuckDB's memory_limit for the run, e.g. 64MB")
    args = parser.parse_args()
    coded = coded_articles(args.articles, args.coded, args.shared)
    process = psutil.Process()
    gc.collect()
    start_rss = process.memory_info().rss
    print("| articles stored | seconds for the last 1,024 | RSS growth | DuckDB memory by kind (MB) |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as scratch, EventStore(Path(scratch) / "growth.duckdb") as store:
        if args.memory_limit:
            store.db.execute(f"SET memory_limit = '{args.memory_limit}'")
        step_started = time.perf_counter()
        for first in range(0, len(coded), DEFAULT_BATCH):
            store.store_batch(coded[first : first + DEFAULT_BATCH])
            stored = min(first + DEFAULT_BATCH, len(coded))
            if stored % STEP == 0 or stored == len(coded):
                seconds = time.perf_counter() - step_started
                kinds = store.db.fetchall(
                    "SELECT tag, round(memory_usage_bytes / 1e6) FROM duckdb_memory() "
                    "WHERE memory_usage_bytes >= 1e6 ORDER BY memory_usage_bytes DESC"
                )
                growth = (process.memory_info().rss - start_rss) / 1e6
                described = ", ".join(f"{tag} {megabytes:.0f}" for tag, megabytes in kinds)
                print(f"| {stored:,} | {seconds:.1f} | +{growth:.0f} MB | {described} |", flush=True)
                step_started = time.perf_counter()


if __name__ == "__main__":
    main()
