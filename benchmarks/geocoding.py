"""What finding and placing the places costs: the share of whodid's run time spent in place detection
(`whodid.detect.places`) and place resolution (the resolver's place methods and the gazetteer), on the
IndiaPoliceEvents articles, measured by cProfile in one process.

cProfile slows Python code more than spaCy's compiled parse, so the share it gives is an upper bound of
the share without the profiler.

Run from the repository root:

    .venv/bin/python benchmarks/geocoding.py [--articles N] [--shared ../shared]

The articles are read from ../shared at run time; nothing of them is copied into the repository.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shlex
import sys
import time
from pathlib import Path

from whodid import Pipeline
from whodid.evaluate.formats import indiapoliceevents
from whodid.evaluate.gold import ReadOptions
from whodid.records import Article

DEFAULT_SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
DOCS_RELATIVE = Path("data") / "dev" / "indiapoliceevents" / "docs.jsonl"
WARM_UP_ARTICLES = 8
# The entry points of everything the places cost, by (file suffix, function name): their cumulative
# times do not nest in one another, so they add up.
PLACE_FUNCTIONS = (
    ("whodid/detect/places.py", "place_phrases"),
    ("whodid/detect/places.py", "attached_places"),
    ("whodid/resolve/events.py", "_resolve_places"),
    ("whodid/resolve/events.py", "_focus"),
    ("whodid/resolve/events.py", "_place"),
    ("whodid/resolve/events.py", "_hint_countries"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="how many articles to code")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    args = parser.parse_args(argv)
    docs = args.shared / DOCS_RELATIVE
    if not docs.exists():
        print(f"no IndiaPoliceEvents articles at {docs}: this benchmark needs ../shared", file=sys.stderr)
        return 2
    gold = indiapoliceevents.read(docs, ReadOptions(limit=args.articles + WARM_UP_ARTICLES))
    articles = [Article(id=item.id, text=item.text, published=item.published) for item in gold.items]
    pipeline = Pipeline()
    list(pipeline.run(articles[:WARM_UP_ARTICLES]))  # the model, lexicon and gazetteer loaded and warm
    measured = articles[WARM_UP_ARTICLES:]

    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    results = list(pipeline.run(measured))
    profiler.disable()
    elapsed = time.perf_counter() - started

    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    place_seconds = {
        f"{name} ({Path(file).name})": cumulative
        for (file, _, name), (_, _, _, cumulative, _) in stats.items()
        if any(file.endswith(suffix) and name == wanted for suffix, wanted in PLACE_FUNCTIONS)
    }
    total_places = sum(place_seconds.values())
    events = sum(len(result.events) for result in results)
    places = sum(len(result.places) for result in results)
    print(f"command: {shlex.join([sys.executable, *sys.argv])}")
    print(f"{len(measured)} articles, {events} events, {places} places named, {elapsed:.1f} s profiled")
    print()
    print("| stage | seconds | share of the run |")
    print("|---|---|---|")
    for name, seconds in sorted(place_seconds.items(), key=lambda item: -item[1]):
        print(f"| {name} | {seconds:.2f} | {seconds / elapsed:.1%} |")
    print(f"| all place stages | {total_places:.2f} | {total_places / elapsed:.1%} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
