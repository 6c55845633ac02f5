"""Actor resolution's share of the pipeline's time, on the IndiaPoliceEvents articles.

One process codes the articles with `Pipeline().run` (warmed up first) while every call into the actor
knowledge base (`ActorKB.find` over each article, `ActorKB.resolve` for each argument phrase,
`ActorKB.spelled_like` for each name nothing matched) is timed.
The share is the time inside those calls over the whole run's; the knowledge base's loading is not in it
(`benchmarks/kb_load.py` measures that).

Run from the repository root:

    .venv/bin/python benchmarks/resolution_share.py [--articles N] [--shared ../shared]

The articles are read from ../shared at run time; nothing of them is copied into the repository.
"""

from __future__ import annotations

import argparse
import functools
import platform
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from speed import DEFAULT_SHARED, WARM_UP_ARTICLES, load_articles
from whodid import Pipeline
from whodid.resolve.actors import ActorKB

TIMED_METHODS = ("find", "resolve", "spelled_like")


class Clock:
    """Seconds spent inside the timed methods, not counting a timed call made from another."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.calls = 0
        self._depth = 0

    def wrap(self, method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self._depth += 1
            start = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self.seconds += time.perf_counter() - start
                    self.calls += 1

        return timed


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=None, help="articles to code (default: all 1,257)")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder")
    args = parser.parse_args(argv)
    articles, _ = load_articles(args.shared.resolve(), args.articles)
    pipeline = Pipeline()
    list(pipeline.run(articles[:WARM_UP_ARTICLES]))
    clock = Clock()
    for name in TIMED_METHODS:
        setattr(ActorKB, name, clock.wrap(getattr(ActorKB, name)))
    start = time.perf_counter()
    events = sum(len(result.events) for result in pipeline.run(articles))
    total = time.perf_counter() - start
    print(f"{platform.platform()}, Python {platform.python_version()}")
    print(f"  {len(articles)} articles, {events} events")
    print(f"  whole run, s: {total:.2f}")
    print(f"  in actor resolution, s: {clock.seconds:.2f} ({clock.calls} calls)")
    print(f"  share of the run: {clock.seconds / total:.1%}")


if __name__ == "__main__":
    main()
