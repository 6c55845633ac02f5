"""Start-up cost of the gazetteer: time and peak memory of `Gazetteer.default()` and of 1,000 lookups.

Each run is a fresh Python process that opens the prebuilt index from disk, so the figures are what a
new `whodid` process pays. Importing whodid loads spaCy, which is timed and measured apart: the
gazetteer's own cost is `Gazetteer.default()`, the lookups, and the memory added after the import.
Lookups are timed twice: the first time each name goes to SQLite, the second it comes from the cache.
The names are every n-th entry of the index (cities, regions, countries, curated places) plus one
unknown name in ten.

If the index is missing, it is built first, and the build is reported apart.

Run from the repository root:

    .venv/bin/python benchmarks/gazetteer_load.py [--runs 5] [--lookups 1000]
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import shlex
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

UNKNOWN_EVERY = 10  # one name in ten is not in the gazetteer


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes to measure (median shown)")
    parser.add_argument("--lookups", type=int, default=1000, help="names looked up per run")
    parser.add_argument("--child", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.runs < 1 or args.lookups < 1:
        parser.error("--runs and --lookups must be at least 1")
    return args


def peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, KiB elsewhere


def measure(names_file: Path) -> dict[str, float]:
    """One run, in this (fresh) process."""
    names = json.loads(names_file.read_text(encoding="utf-8"))
    started = time.perf_counter()
    from whodid.resolve.gazetteer import Gazetteer  # whodid's package import loads spaCy

    imported = time.perf_counter()
    rss_imported = peak_rss_mib()
    gazetteer = Gazetteer.default()
    opened = time.perf_counter()
    for name in names:
        gazetteer.lookup(name)
    cold = time.perf_counter()
    for name in names:
        gazetteer.lookup(name)
    hot = time.perf_counter()
    return {
        "import_s": imported - started,
        "default_s": opened - imported,
        "cold_s": cold - opened,
        "hot_s": hot - cold,
        "rss_imported_mib": rss_imported,
        "rss_peak_mib": peak_rss_mib(),
    }


def sample_names(index: Path, count: int) -> list[str]:
    with closing(sqlite3.connect(f"{index.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        total = connection.execute("SELECT count(*) FROM entries").fetchone()[0]
        step = max(1, total // count)
        rows = connection.execute("SELECT name FROM entries WHERE id % ? = 0 ORDER BY id", (step,))
        names = [name for (name,) in rows][:count]
    return [f"Xq{name}zz" if i % UNKNOWN_EVERY == 0 else name for i, name in enumerate(names)]


def run_child(names_file: Path) -> dict[str, float]:
    completed = subprocess.run(
        [sys.executable, __file__, "--child", str(names_file)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if completed.returncode != 0:
        raise SystemExit(f"a measuring run failed:\n{completed.stderr}")
    return json.loads(completed.stdout.splitlines()[-1])


def table(runs: list[dict[str, float]], lookups: int) -> list[str]:
    def median(key: str) -> float:
        return statistics.median(run[key] for run in runs)

    rss_added = statistics.median(run["rss_peak_mib"] - run["rss_imported_mib"] for run in runs)
    rows = [
        (
            "import whodid (spaCy included)",
            f"{median('import_s'):.2f} s",
            f"{median('rss_imported_mib'):.0f} MiB",
        ),
        ("`Gazetteer.default()`", f"{median('default_s') * 1000:.0f} ms", ""),
        (
            f"{lookups:,} lookups, first time",
            f"{median('cold_s') * 1000:.0f} ms ({median('cold_s') / lookups * 1e6:.0f} µs each)",
            "",
        ),
        (
            f"{lookups:,} lookups, again (cached)",
            f"{median('hot_s') * 1000:.0f} ms ({median('hot_s') / lookups * 1e6:.0f} µs each)",
            "",
        ),
        ("peak RSS of the process", "", f"{median('rss_peak_mib'):.0f} MiB"),
        ("RSS the gazetteer adds", "", f"{rss_added:.0f} MiB"),
    ]
    lines = ["| step | time (median) | memory |", "|---|---|---|"]
    lines += [f"| {step} | {took} | {memory} |" for step, took, memory in rows]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child is not None:
        print(json.dumps(measure(args.child)))
        return 0

    from whodid.resolve.gazetteer_index import default_index_path, ensure_index

    started = time.perf_counter()
    build = ensure_index(default_index_path())
    if build.built:
        print(f"built the index first: {time.perf_counter() - started:.1f} s\n")
    with tempfile.TemporaryDirectory() as folder:
        names_file = Path(folder) / "names.json"
        names_file.write_text(json.dumps(sample_names(build.path, args.lookups)), encoding="utf-8")
        runs = [run_child(names_file) for _ in range(args.runs)]

    size_mib = build.path.stat().st_size / 2**20
    command = shlex.join(["python", "benchmarks/gazetteer_load.py", *(argv or sys.argv[1:])])
    print(f"# Gazetteer start-up, {args.runs} fresh processes\n")
    print("\n".join(table(runs, args.lookups)))
    print(f"\nIndex: {build.path} ({size_mib:.1f} MiB, {build.entries:,} entries).")
    print(f"Index build: {build.seconds:.1f} s (`whodid gazetteer build --force` rebuilds it).")
    print(f"Python {platform.python_version()} on {platform.platform()}.")
    print(f"Command: .venv/bin/{command}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
