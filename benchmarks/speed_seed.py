"""Speed of whodid against bare spaCy on the seed article copied N times, measured in one run.

Both measurements parse the same texts with the same model and batch size. Bare spaCy is the model as
spaCy ships it (`spacy.load`); whodid loads it with its own components (`whodid.nlp.load_nlp()`: the
attribute ruler run as table lookups, lemmas remembered, paragraph breaks, lemma fixes), so the ratio
between them is what whodid's own stages (detect, resolve, merge) cost on top of the parse, less what
its components save.
Models and data are loaded and warmed up before any clock starts. Run from the repository root:

    .venv/bin/python benchmarks/speed_seed.py [--n 200] [--repeats 1] [--shared ../shared]

The seed article is read from ../shared at run time; nothing of it is copied into the repository.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import gc
import os
import platform
import resource
import shlex
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import spacy
from spacy.language import Language

from whodid import Pipeline
from whodid.ingest import Skipped, read_articles
from whodid.nlp import DEFAULT_BATCH_SIZE, DEFAULT_MODEL
from whodid.records import Article

DEFAULT_SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEED_RELATIVE = Path("data") / "seed" / "cradle-2024-03-01.txt"
WARM_UP_COPIES = 4  # enough to fill a batch and touch every stage once


@dataclass(slots=True)
class Timing:
    seconds: list[float] = dataclasses.field(default_factory=list)
    events: int = 0
    errors: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="copies of the seed article (default 200)")
    parser.add_argument(
        "--repeats", type=int, default=1, help="measurement pairs, in alternating order (default 1)"
    )
    parser.add_argument(
        "--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder holding data/seed/"
    )
    args = parser.parse_args(argv)
    if args.n < 1 or args.repeats < 1:
        parser.error("--n and --repeats must be at least 1")
    return args


def load_seed(shared: Path) -> Article:
    seed = shared / SEED_RELATIVE
    if not shared.is_dir():
        sys.exit(f"speed_seed: the shared folder {shared} is absent; pass --shared PATH")
    if not seed.is_file():
        sys.exit(f"speed_seed: the seed article {seed} is absent; pass --shared PATH")
    # Read through whodid's own reader, so the sidecar's publication date is used as in real runs.
    items = list(read_articles([seed]))
    article = items[0] if items else None
    if not isinstance(article, Article):
        reason = article.reason if isinstance(article, Skipped) else "nothing read"
        sys.exit(f"speed_seed: cannot read the seed article {seed}: {reason}")
    return article


def copies(seed: Article, n: int, prefix: str) -> list[Article]:
    # Distinct ids so every copy is its own article (event ids depend on the article id).
    return [dataclasses.replace(seed, id=f"{seed.id}-{prefix}{i:04d}") for i in range(n)]


def time_bare(nlp: Language, articles: Sequence[Article], timing: Timing) -> None:
    texts = [article.text for article in articles]
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=DEFAULT_BATCH_SIZE):
        pass
    timing.seconds.append(time.perf_counter() - start)


def time_whodid(pipeline: Pipeline, articles: Sequence[Article], timing: Timing) -> None:
    events = errors = 0
    start = time.perf_counter()
    for result in pipeline.run(articles):
        events += len(result.events)
        errors += result.error is not None
    timing.seconds.append(time.perf_counter() - start)
    timing.events, timing.errors = events, errors


def peak_rss_mib() -> float:
    # ru_maxrss is KiB on Linux and bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def current_rss_mib() -> float | None:
    try:
        import psutil
    except ImportError:
        return None
    return psutil.Process().memory_info().rss / (1024 * 1024)


def shown_command(argv: Sequence[str]) -> str:
    python = Path(sys.executable)
    with contextlib.suppress(ValueError):  # shown as typed when run from the repository root
        python = python.relative_to(Path.cwd())
    return shlex.join([str(python), *argv])


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    seed = load_seed(args.shared.resolve())
    words_per_article = len(seed.text.split())

    # Warm-up: load the model and whodid's data, and run both paths once, outside the clocks.
    nlp = spacy.load(DEFAULT_MODEL)
    pipeline = Pipeline(batch_size=DEFAULT_BATCH_SIZE)
    warm_up = copies(seed, WARM_UP_COPIES, "warm")
    time_bare(nlp, warm_up, Timing())
    time_whodid(pipeline, warm_up, Timing())
    rss_after_warm_up = current_rss_mib()

    articles = copies(seed, args.n, "")
    bare, whodid = Timing(), Timing()
    runs: list[tuple[str, Callable[[], None]]] = [
        ("bare", lambda: time_bare(nlp, articles, bare)),
        ("whodid", lambda: time_whodid(pipeline, articles, whodid)),
    ]
    for repeat in range(args.repeats):
        # Alternate which goes first, so neither always runs on a cooler or warmer machine.
        order = runs if repeat % 2 == 0 else runs[::-1]
        for name, run in order:
            gc.collect()
            run()
            seconds = (bare if name == "bare" else whodid).seconds[-1]
            print(f"repeat {repeat + 1}/{args.repeats}: {name:6} {seconds:.2f} s", flush=True)

    total_words = words_per_article * args.n
    bare_s, whodid_s = bare.median, whodid.median
    peak = peak_rss_mib()
    header = (
        "| articles | words | bare spaCy art/s | bare spaCy words/s | whodid art/s | whodid words/s "
        "| whodid time / bare time | events/article | peak RSS |"
    )
    row = (
        f"| {args.n} | {total_words:,} | {args.n / bare_s:.2f} | {total_words / bare_s:,.0f} "
        f"| {args.n / whodid_s:.2f} | {total_words / whodid_s:,.0f} | {whodid_s / bare_s:.2f}× "
        f"| {whodid.events / args.n:g} | {peak:,.0f} MiB |"
    )

    print()
    print(f"seed: {seed.origin} ({words_per_article:,} words, published {seed.published}), × {args.n}")
    print(f"model: {DEFAULT_MODEL}, batch size {DEFAULT_BATCH_SIZE}, repeats {args.repeats} (median)")
    print(f"bare spaCy seconds: {', '.join(f'{s:.2f}' for s in bare.seconds)}")
    print(f"whodid seconds:     {', '.join(f'{s:.2f}' for s in whodid.seconds)}")
    if whodid.errors:
        print(f"warning: {whodid.errors} article(s) could not be coded; see the log above")
    if rss_after_warm_up is not None:
        print(f"RSS after warm-up: {rss_after_warm_up:,.0f} MiB; peak RSS of the process: {peak:,.0f} MiB")
    print(
        f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}; {date.today().isoformat()}"
    )
    print()
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    print(row)
    print()
    print(f"command: {shown_command(sys.argv if argv is None else ['benchmarks/speed_seed.py', *argv])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
