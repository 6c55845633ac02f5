"""Storing coded articles in batches of different sizes: the time each size takes, and whether the stores
come out the same (they must: where a batch ends may not change which event a report joins).

The articles are the corpus `corpus_scale.py` ingests (IndiaPoliceEvents articles from ../shared, rounds
published a year apart), coded once on worker processes as `whodid ingest --workers` codes them and kept
with `--coded FILE`. Each size stores them all into a fresh DuckDB file through `load_articles`, as
`whodid ingest` does after coding; the sizes take turns, `--repeats` times, and the median is reported.

    .venv/bin/python benchmarks/store_batches.py --articles 5000 --sizes 64 256 --coded out/coded-5000.pickle
"""

from __future__ import annotations

import argparse
import pickle
import platform
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path

from ipe_corpus import DEFAULT_SHARED, build_corpus
from whodid.pipeline import ArticleResult, CodedBeforehand
from whodid.scale import ProcessCoder
from whodid.store import EventStore
from whodid.store.loading import load_articles

Shape = frozenset[frozenset[str]]  # each event as the set of its mentions


def coded_results(count: int, kept: Path | None, shared: Path, processes: int) -> list[ArticleResult]:
    if kept and kept.is_file():
        with kept.open("rb") as handle:
            found = pickle.load(handle)
        if len(found) >= count:
            return found[:count]
    corpus = build_corpus(shared.resolve(), count, years_apart=True)
    print(f"coding {len(corpus)} articles on {processes} processes ...", file=sys.stderr, flush=True)
    with ProcessCoder(processes) as coder:
        results = list(coder.run(corpus))
    if kept:
        kept.parent.mkdir(parents=True, exist_ok=True)
        with kept.open("wb") as handle:
            pickle.dump(results, handle)
    return results


def store_all(results: list[ArticleResult], batch_size: int, folder: Path) -> tuple[float, Shape, int]:
    """Seconds to store every result in batches of `batch_size`, the store's events, and their count."""
    path = folder / f"batches-{batch_size}-{time.monotonic_ns()}.duckdb"
    with EventStore(path) as store:
        started = time.perf_counter()
        articles = [result.article for result in results]
        for _ in load_articles(store, CodedBeforehand(results), articles, batch_size=batch_size):
            pass
        seconds = time.perf_counter() - started
        grouped: dict[str, set[str]] = {}
        for mention_id, event_id in store.db.fetchall("SELECT mention_id, event_id FROM mentions"):
            grouped.setdefault(event_id, set()).add(mention_id)
    path.unlink()
    return seconds, frozenset(frozenset(mentions) for mentions in grouped.values()), len(grouped)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--sizes", type=int, nargs="+", default=[64, 256])
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--processes", type=int, default=2, help="worker processes that code the corpus")
    parser.add_argument("--coded", type=Path, default=None, help="keep the coded articles here, reuse them")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = parser.parse_args()
    results = coded_results(args.articles, args.coded, args.shared, args.processes)
    print(f"{' '.join(shlex.quote(a) for a in sys.argv)}\n{platform.platform()}, Python "
          f"{platform.python_version()}, {len(results)} coded articles", flush=True)  # fmt: skip
    seconds: dict[int, list[float]] = {size: [] for size in args.sizes}
    shapes: dict[int, Shape] = {}
    events: dict[int, int] = {}
    with tempfile.TemporaryDirectory(prefix="whodid-batches-") as folder:
        for _ in range(args.repeats):
            for size in args.sizes:
                taken, shapes[size], events[size] = store_all(results, size, Path(folder))
                seconds[size].append(taken)
                print(f"  batches of {size}: {taken:.1f} s", flush=True)
    print("\n| batch size | seconds (median) | articles/s | events |")
    print("|---|---|---|---|")
    for size in args.sizes:
        median = statistics.median(seconds[size])
        print(f"| {size} | {median:.1f} | {len(results) / median:.0f} | {events[size]:,} |")
    same = len(set(shapes.values())) == 1
    print(f"\nThe stores are {'the same' if same else 'NOT the same'} whatever the batch size.")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
