"""Corpus scale: `whodid ingest` on worker processes against bare spaCy, memory as the corpus grows, and
Dask with one worker against two.

The corpus is `ipe_corpus.build_corpus(..., years_apart=True)`: distinct real articles made from the
IndiaPoliceEvents articles (read from ../shared at run time), each round of 1,257 published a year after
the last. Every measurement is one whole command run as a subprocess, start-up included, timed from
outside, into a fresh DuckDB store; all of them run one after another in this one run.

1. Throughput on `--articles` articles with `--processes` processes:
   - bare spaCy: a process that loads the model as spaCy ships it (`spacy.load`, whodid's model, none of
     whodid's own components) and runs `nlp.pipe(texts, n_process=P, batch_size=whodid's)` over every
     text, keeping nothing;
   - whodid, coding only: `ProcessCoder(P).run(articles)` (worker processes, prefilter, detection,
     resolution), results dropped;
   - whodid ingest: `whodid ingest corpus.jsonl --db new.duckdb --workers P` (coding, merging, storing).
   With `--rounds N` the three run N times, every second round in the reverse order, and each round's
   ratios are reported with their median: the machine's speed drifts between minutes.
2. Peak memory: the largest sum of the resident sets of a `whodid ingest --workers P` process tree (the
   main process and its workers, sampled every 0.2 s) at each of `--memory-sizes` articles.
3. Dask: `whodid ingest --dask local:2` against `--dask local:1` on `--dask-articles` articles, whole
   commands, start-up of the local cluster included, in `--dask-pairs` pairs run in turn (2, 1, 2, 1
   ...), each pair's ratio reported and their median: this machine's speed drifts by 10-30% between
   minutes, and a pair run back to back shares the drift. Then one pair without the store
   (`DaskCoder(...).run(articles)`, partitions written and read back, results dropped), which shows how
   the cluster's part scales when the one storing process does not share the machine's two cores.
   After each pair, the machine's own ceiling: a CPU-only Python loop in one process, then in two at
   once (`cpu_ceiling`); on a virtual machine whose two cores do not both run at full speed, no two
   workers can scale past it.

Run from the repository root:

    .venv/bin/python benchmarks/corpus_scale.py [--articles 5000] [--processes 2] [--rounds 1]
        [--memory-sizes 1000 5000 20000] [--dask-articles 2000] [--dask-pairs 3]
        [--skip throughput memory dask]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil

from ipe_corpus import DEFAULT_SHARED, build_corpus, write_jsonl
from whodid.store import EventStore

SAMPLE_EVERY_S = 0.2
BIN = Path(sys.executable).parent

BARE_SPACY = """
import json, sys
import spacy
from whodid.nlp import DEFAULT_BATCH_SIZE, DEFAULT_MODEL
corpus, processes = sys.argv[1], int(sys.argv[2])
texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")]
nlp = spacy.load(DEFAULT_MODEL)
for _ in nlp.pipe(texts, n_process=processes, batch_size=DEFAULT_BATCH_SIZE):
    pass
"""

CODING_ONLY = """
import sys
from whodid.ingest import read_articles
from whodid.records import Article
from whodid.scale import ProcessCoder
corpus, processes = sys.argv[1], int(sys.argv[2])
articles = (item for item in read_articles([corpus]) if isinstance(item, Article))
with ProcessCoder(processes) as coder:
    for _ in coder.run(articles):
        pass
"""

DASK_CODING_ONLY = """
import sys
from whodid.ingest import read_articles
from whodid.records import Article
from whodid.scale import DaskCoder
corpus, scheduler = sys.argv[1], sys.argv[2]
articles = (item for item in read_articles([corpus]) if isinstance(item, Article))
if __name__ == "__main__":
    with DaskCoder(scheduler) as coder:
        for _ in coder.run(articles):
            pass
"""


@dataclass(slots=True)
class Measured:
    label: str
    articles: int
    seconds: float
    peak_rss_mb: float

    @property
    def rate(self) -> float:
        return self.articles / self.seconds


def timed(label: str, command: Sequence[str], articles: int) -> Measured:
    """Run a command to its end; its wall time and the peak summed resident set of its process tree."""
    # Its messages go to a file, not a pipe: a run that logs many skips would fill a pipe nobody reads
    # until the end, and stop.
    with tempfile.TemporaryFile("w+", encoding="utf-8") as messages:
        start = time.perf_counter()
        process = psutil.Popen(list(command), stdout=subprocess.DEVNULL, stderr=messages, text=True)
        peak = 0
        while process.poll() is None:
            peak = max(peak, _tree_rss(process))
            time.sleep(SAMPLE_EVERY_S)
        seconds = time.perf_counter() - start
        messages.seek(0)
        stderr = messages.read()
    if process.returncode not in (0, 3):
        sys.exit(f"{label} failed ({process.returncode}):\n{stderr[-3000:]}")
    print(f"  {label}: {articles} articles in {seconds:.1f} s ({articles / seconds:.2f}/s), "
          f"peak {peak / 2**20:.0f} MB", flush=True)  # fmt: skip
    return Measured(label, articles, seconds, peak / 2**20)


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


def ingest_command(corpus: Path, db: Path, *options: str) -> list[str]:
    return [str(BIN / "whodid"), "ingest", str(corpus), "--db", str(db), "--no-progress", *options]


def stored_counts(db: Path) -> tuple[int, int]:
    with EventStore(db, read_only=True) as store:
        return store.count_articles(), store.count_events()


def spin(loops: int) -> int:
    """Pure Python arithmetic: no I/O, no memory traffic to speak of, nothing shared."""
    total = 0
    for number in range(loops):
        total += number * number
    return total


def cpu_ceiling(loops: int = 60_000_000) -> float:
    """How much more two processes get done than one on this machine, by the same CPU-only loop run
    in one process, then in two at once: the most any two workers could scale here."""
    context = multiprocessing.get_context("spawn")

    def wall(processes: int) -> float:
        started = time.perf_counter()
        with context.Pool(processes) as pool:
            pool.map(spin, [loops] * processes)
        return time.perf_counter() - started

    one, two = wall(1), wall(2)
    return 2 * one / two


def throughput_round(
    corpus: Path, work: Path, count: int, processes: str, number: int
) -> dict[str, Measured]:
    """Bare spaCy, whodid's coding alone and the whole ingest, one after another; every second round in
    the reverse order, so that a machine slowing down or speeding up through a run favours none."""
    db = work / f"throughput-{count}-{number}.duckdb"
    commands = {
        "bare": ("bare spaCy nlp.pipe", [sys.executable, "-c", BARE_SPACY, str(corpus), processes]),
        "coding only": ("whodid coding only", [sys.executable, "-c", CODING_ONLY, str(corpus), processes]),
        "ingest": ("whodid ingest", ingest_command(corpus, db, "--workers", processes)),
    }
    order = list(commands) if number % 2 else list(reversed(commands))
    measured = {
        name: timed(f"round {number}, {commands[name][0]}", commands[name][1], count) for name in order
    }
    print(f"  stored (articles, events): {stored_counts(db)}")
    print(f"  round {number} ratios to bare spaCy: coding only "
          f"{measured['coding only'].rate / measured['bare'].rate:.2f}x, "
          f"ingest {measured['ingest'].rate / measured['bare'].rate:.2f}x", flush=True)  # fmt: skip
    return measured


def dask_pair(corpus: Path, work: Path, count: int, pair: int) -> float:
    """Ingest on two Dask workers, then on one, back to back; the ratio of their rates."""
    stores = {workers: work / f"dask-{pair}-{workers}.duckdb" for workers in (2, 1)}
    two, one = (
        timed(f"pair {pair}, --dask local:{workers}",
              ingest_command(corpus, stores[workers], "--dask", f"local:{workers}"), count)
        for workers in (2, 1)
    )  # fmt: skip
    same = stored_counts(stores[1]) == stored_counts(stores[2])
    ratio = two.rate / one.rate
    ceiling = cpu_ceiling()
    print(f"  pair {pair}: 2 workers / 1 worker {ratio:.2f}x; same store counts: {same}; "
          f"the machine's own ceiling right after (a CPU-only loop, 2 processes / 1): {ceiling:.2f}x",
          flush=True)  # fmt: skip
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1, help="throughput rounds, taking turns in order")
    parser.add_argument("--memory-sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--dask-articles", type=int, default=2000)
    parser.add_argument("--dask-pairs", type=int, default=3)
    parser.add_argument("--skip", nargs="*", default=[], choices=["throughput", "memory", "dask"])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = parser.parse_args()
    sizes = [args.articles, *args.memory_sizes, args.dask_articles]
    largest = build_corpus(args.shared.resolve(), max(sizes), years_apart=True)
    print(f"{' '.join(shlex.quote(a) for a in sys.argv)}\n{platform.platform()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}", flush=True)  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="whodid-scale-") as folder:
        work = Path(folder)

        def corpus_of(count: int) -> Path:
            path = work / f"corpus-{count}.jsonl"
            if not path.exists():
                write_jsonl(largest[:count], path)
            return path

        ingested: dict[int, Measured] = {}
        if "throughput" not in args.skip:
            count, processes = args.articles, str(args.processes)
            corpus = corpus_of(count)
            print(f"Throughput, {count} articles, {processes} processes, {args.rounds} round(s):", flush=True)
            rounds = [
                throughput_round(corpus, work, count, processes, number)
                for number in range(1, args.rounds + 1)
            ]
            ingested[count] = rounds[0]["ingest"]
            if len(rounds) > 1:
                for name in ("coding only", "ingest"):
                    ratios = [measured[name].rate / measured["bare"].rate for measured in rounds]
                    listed = ", ".join(f"{ratio:.2f}x" for ratio in ratios)
                    median = statistics.median(ratios)
                    print(f"  {name} / bare spaCy by round: {listed}; median {median:.2f}x")
        if "memory" not in args.skip:
            print(f"Peak memory of whodid ingest --workers {args.processes}:", flush=True)
            for count in args.memory_sizes:
                if count not in ingested:
                    db = work / f"memory-{count}.duckdb"
                    options = ("--workers", str(args.processes))
                    ingested[count] = timed(
                        f"ingest {count}", ingest_command(corpus_of(count), db, *options), count
                    )
            for count in args.memory_sizes:
                print(f"  {count:>6} articles: peak {ingested[count].peak_rss_mb:.0f} MB, "
                      f"{ingested[count].rate:.2f} articles/s")  # fmt: skip
        if "dask" not in args.skip:
            count = args.dask_articles
            corpus = corpus_of(count)
            print(f"Dask, {count} articles, {args.dask_pairs} pairs:", flush=True)
            ratios = [dask_pair(corpus, work, count, pair) for pair in range(1, args.dask_pairs + 1)]
            listed = ", ".join(f"{ratio:.2f}x" for ratio in ratios)
            print(f"  ratios {listed}; median {statistics.median(ratios):.2f}x", flush=True)
            coding = [
                timed(f"coding only, local:{workers}", [sys.executable, "-c", DASK_CODING_ONLY, str(corpus),
                                                        f"local:{workers}"], count)
                for workers in (1, 2)
            ]  # fmt: skip
            print(f"  coding only, 2 workers / 1 worker: {coding[1].rate / coding[0].rate:.2f}x")


if __name__ == "__main__":
    main()
