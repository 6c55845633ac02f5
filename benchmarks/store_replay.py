"""The storing process alone: coded partitions read back and stored, with no cluster sharing the machine.

Under `whodid ingest --dask`, one process reads the workers' Parquet partitions and stores them (merging
and writing) while the workers code; on a machine whose cores the workers fill, every second it spends is
taken from the coding. This measures that process by itself:

1. The corpus (`ipe_corpus.build_corpus(..., years_apart=True)`, real IndiaPoliceEvents articles read
   from ../shared at run time) is coded once on a local Dask cluster, its partitions kept in `--parts`
   (reused when the folder already holds them).
2. Each run starts a fresh Python process that reads every partition and stores it, in corpus order,
   into a new DuckDB file through `whodid.store.loading.load_articles`, exactly as an ingest does; it
   reports the wall time and the CPU time of that loading.

With `--compare-src OTHER/src`, runs alternate between this checkout's code and another's (an older
commit's `src` folder), so both are measured in one run on the same partitions.

Run from the repository root:

    .venv/bin/python benchmarks/store_replay.py [--articles 2000] [--runs 3] [--parts DIR]
        [--compare-src OTHER/src]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from ipe_corpus import DEFAULT_SHARED, build_corpus
from whodid.scale import DaskCoder

HERE = Path(__file__).resolve().parent
OWN_SRC = HERE.parent / "src"

# Runs in a fresh process, with the code under test first on the path.
REPLAY = """
import glob, json, sys, time
from pathlib import Path
from whodid.scale.partitions import read_partition
from whodid.store import EventStore
from whodid.store.loading import load_articles

parts, db = sys.argv[1], sys.argv[2]
paths = sorted(glob.glob(f"{parts}/**/part-*.parquet", recursive=True))
articles = [result.article for path in paths for result in read_partition(Path(path))]


class Partitions:
    \"\"\"Hands back the coded partitions in corpus order, as a Dask run's coder does.\"\"\"

    def __init__(self):
        self.results = (result for path in paths for result in read_partition(Path(path)))

    def run(self, wanted):
        for article in wanted:
            result = next(self.results)
            assert result.article.id == article.id, "partitions out of corpus order"
            yield result


store = EventStore(db)
start, cpu = time.perf_counter(), time.process_time()
outcomes = sum(1 for _ in load_articles(store, Partitions(), iter(articles)))
wall, cpu = time.perf_counter() - start, time.process_time() - cpu
events = store.db.fetchone("SELECT count(*) FROM events")[0]
store.close()
print(json.dumps({"articles": outcomes, "events": events, "wall": wall, "cpu": cpu}))
"""


def code_partitions(shared: Path, count: int, parts: Path) -> None:
    articles = build_corpus(shared, count, years_apart=True)
    print(f"coding {len(articles)} articles once into {parts} ...", flush=True)
    with DaskCoder("local:2", parts_dir=parts) as coder:
        for _ in coder.run(iter(articles)):
            pass


def replay(src: Path, parts: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="whodid-replay-") as folder:
        environment = {**os.environ, "PYTHONPATH": str(src)}
        command = [sys.executable, "-c", REPLAY, str(parts), str(Path(folder) / "store.duckdb")]
        done = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"the replay with {src} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--parts", type=Path, default=Path(tempfile.gettempdir()) / "whodid-replay-parts")
    parser.add_argument("--compare-src", type=Path, default=None, help="another checkout's src folder")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = parser.parse_args()

    if not any(args.parts.glob("**/part-*.parquet")):
        code_partitions(args.shared, args.articles, args.parts)
    sources = {"this checkout": OWN_SRC}
    if args.compare_src is not None:
        sources["compared"] = args.compare_src.resolve()
    print(f"benchmarks/store_replay.py: {args.runs} runs of each, partitions in {args.parts}", flush=True)
    measured: dict[str, list[dict[str, float]]] = {label: [] for label in sources}
    for run in range(1, args.runs + 1):
        for label, src in sources.items():
            found = replay(src, args.parts)
            measured[label].append(found)
            print(f"  run {run}, {label} ({src}): {found['articles']} articles, {found['events']} events "
                  f"stored in {found['wall']:.2f} s, CPU {found['cpu']:.2f} s", flush=True)  # fmt: skip
    for label, runs in measured.items():
        print(f"  {label}: median CPU {statistics.median(r['cpu'] for r in runs):.2f} s")
    if len(measured) == 2:
        own, other = (statistics.median(r["cpu"] for r in runs) for runs in measured.values())
        print(f"  compared / this checkout, CPU: {other / own:.2f}x")


if __name__ == "__main__":
    main()
