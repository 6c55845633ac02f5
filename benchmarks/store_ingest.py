"""Storing 10,000 coded articles into DuckDB and PostgreSQL: throughput, and a run killed mid-way.

The corpus is built from the IndiaPoliceEvents articles (read from ../shared at run time; nothing of them
is copied into the repository). Round 0 is the 1,257 articles as they are; each later round pairs the
first half of one article with the second half of another (a different pairing per round), so every text
is new, shares at most about half of its word 5-grams with any other, and is not a republished copy.
Each round is given its own outlet, so merged events count independent sources across rounds.

1. Every article is coded once by `Pipeline.run` (one process); the coded results are kept in a file.
2. For each engine, the results are stored into an empty store by `EventStore.store_batch`, in batches
   of `DEFAULT_BATCH` articles, one transaction each, as `whodid ingest` does: the clock covers
   republication checks, grouping, matching against stored events, recombining them and writing every row.
3. For each engine, a second process stores the same results into another empty store and is killed
   with SIGKILL half-way through; a third process stores them all again. The resumed store must hold
   exactly what the clean store holds: the same articles, mentions and events, each event with the same
   reports.

Run from the repository root (a PostgreSQL URL enables the PostgreSQL half):

    .venv/bin/python benchmarks/store_ingest.py [--articles 10000] [--postgres URL] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import os
import pickle
import platform
import shlex
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ipe_corpus import DEFAULT_SHARED, build_corpus
from whodid import Pipeline
from whodid.records import Article, Event
from whodid.store import EventStore
from whodid.store.loading import DEFAULT_BATCH

Coded = list[tuple[Article, list[Event]]]


@dataclass(slots=True)
class StoreRun:
    engine: str
    seconds: float
    first_thousand: float  # seconds for the first 1,000 articles, against the last 1,000
    last_thousand: float
    articles: int
    mentions: int
    events: int
    multi_report_events: int
    copies: int


def code(corpus: list[Article]) -> tuple[Coded, float]:
    pipeline = Pipeline()
    start = time.perf_counter()
    coded = [(result.article, result.events) for result in pipeline.run(corpus) if not result.error]
    return coded, time.perf_counter() - start


def store_all(location: str, coded: Coded) -> tuple[float, list[float]]:
    """Seconds for all, and the time each article's batch was committed (counted from the start)."""
    marks: list[float] = []
    with EventStore(location) as store:
        start = time.perf_counter()
        for first in range(0, len(coded), DEFAULT_BATCH):
            batch = coded[first : first + DEFAULT_BATCH]
            store.store_batch(batch)
            marks += [time.perf_counter() - start] * len(batch)
    return marks[-1], marks


def measure(engine: str, location: str, coded: Coded) -> StoreRun:
    seconds, marks = store_all(location, coded)
    with EventStore(location) as store:
        counts = store.sql(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions), (SELECT count(*) FROM "
            "events), (SELECT count(*) FROM events WHERE mention_count > 1), (SELECT count(*) FROM articles "
            "WHERE original_id IS NOT NULL)"
        ).iloc[0]
    thousand = min(1000, len(marks))
    last = marks[-1] - marks[-thousand - 1] if len(marks) > thousand else marks[-1]
    return StoreRun(engine, seconds, marks[thousand - 1], last, *(int(value) for value in counts))


def state(location: str) -> tuple[list[str], list[str], list[tuple[str, tuple[str, ...]]]]:
    with EventStore(location) as store:
        articles = sorted(store.sql("SELECT id FROM articles")["id"])
        mentions = sorted(store.sql("SELECT mention_id FROM mentions")["mention_id"])
        events = sorted(
            (event["event_id"], tuple(sorted(report["mention_id"] for report in event["reports"])))
            for event in store.events()
        )
    return articles, mentions, events


STORE_FROM_FILE = """
import pickle, sys
from whodid.store import EventStore
from whodid.store.loading import DEFAULT_BATCH
with open(sys.argv[2], "rb") as handle:
    coded = pickle.load(handle)
with EventStore(sys.argv[1]) as store:
    waiting = [(article, events) for article, events in coded if not store.is_stored(article)]
    for first in range(0, len(waiting), DEFAULT_BATCH):
        store.store_batch(waiting[first : first + DEFAULT_BATCH])
"""


def killed_and_resumed(location: str, results_file: Path, kill_after: float) -> tuple[int, float]:
    """Store in a process killed after `kill_after` seconds, then in one that finishes; return how many
    articles the killed run left and how long the resumed run took."""
    command = [sys.executable, "-c", STORE_FROM_FILE, location, str(results_file)]
    victim = subprocess.Popen(command)
    time.sleep(kill_after)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    with EventStore(location) as store:
        left = store.count_articles()
    start = time.perf_counter()
    subprocess.run(command, check=True)
    return left, time.perf_counter() - start


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--postgres", default=os.environ.get("WHODID_TEST_POSTGRES"),
                        help="a PostgreSQL URL whose schemas this run may create and drop")  # fmt: skip
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--coded", type=Path, default=None,
                        help="keep the coded articles in this file, and reuse it when it exists")  # fmt: skip
    return parser.parse_args(argv)


def postgres_schema(url: str, name: str) -> str:
    import psycopg

    with psycopg.connect(url, autocommit=True) as con:
        con.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        con.execute(f'CREATE SCHEMA "{name}"')
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{name}"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="whodid-store-bench-"))
    results_file = args.coded or workdir / "coded.pickle"
    coding_seconds = None
    if args.coded and args.coded.is_file():  # coded by an earlier run of the same command
        with results_file.open("rb") as handle:
            coded = pickle.load(handle)[: args.articles]
    else:
        corpus = build_corpus(args.shared.resolve(), args.articles)
        print(f"coding {len(corpus)} articles ...", file=sys.stderr, flush=True)
        coded, coding_seconds = code(corpus)
        with results_file.open("wb") as handle:
            pickle.dump(coded, handle)

    engines = [("duckdb", lambda name: str(workdir / f"{name}.duckdb"))]
    if args.postgres:
        engines.append(("postgresql", lambda name: postgres_schema(args.postgres, f"bench_{name}")))
    runs: list[StoreRun] = []
    resumes: list[tuple[str, int, float, bool]] = []
    for engine, location_for in engines:
        print(f"storing into {engine} ...", file=sys.stderr, flush=True)
        clean = location_for("clean")
        run = measure(engine, clean, coded)
        runs.append(run)
        resumed = location_for("resumed")
        left, resume_seconds = killed_and_resumed(resumed, results_file, kill_after=run.seconds / 2)
        resumes.append((engine, left, resume_seconds, state(resumed) == state(clean)))

    mentions = sum(len(events) for _, events in coded)
    print(f"\nCommand: .venv/bin/python benchmarks/store_ingest.py {shlex.join(argv or sys.argv[1:])}")
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    if coding_seconds is not None:
        print(f"Coded {len(coded)} articles ({mentions} mentions) in {coding_seconds:.0f} s "
              f"({len(coded) / coding_seconds:.1f} articles/s, one process)\n")  # fmt: skip
    else:
        print(f"{len(coded)} articles ({mentions} mentions), coded by an earlier run ({results_file})\n")
    print(
        "| store | seconds | articles/s | mentions/s | first 1,000 / last 1,000 (s) | articles | mentions "
        "| events | events of 2+ reports | copies |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for run in runs:
        print(f"| {run.engine} | {run.seconds:.1f} | {run.articles / run.seconds:.0f} | "
              f"{run.mentions / run.seconds:.0f} | {run.first_thousand:.1f} / {run.last_thousand:.1f} | "
              f"{run.articles} | {run.mentions} | {run.events} | {run.multi_report_events} | "
              f"{run.copies} |")  # fmt: skip
    print("\n| store | articles when killed | resumed run (s) | resumed store = clean store |")
    print("|---|---|---|---|")
    for engine, left, seconds, same in resumes:
        print(f"| {engine} | {left} of {len(coded)} | {seconds:.1f} | {'yes' if same else 'NO'} |")
    return 0 if all(same for *_, same in resumes) else 1


if __name__ == "__main__":
    sys.exit(main())
