"""What recognising names only where an event may be saves, and what it changes, in one process.

One Pipeline codes the IndiaPoliceEvents articles (or `--articles N` of them) with its entity gate on
(names only in the parsed sentences where a trigger may be, as whodid runs) and off (names in every
parsed sentence), taking turns for `--rounds` rounds after a warm-up pass of each; both parse the same
prefiltered sentences. Reported: each run's seconds, the median ratio, the events each gives, how many
events one gives that the other does not (by article, type, trigger and actors), and KILL / ARREST
article recall for both.

Run from the repository root:

    .venv/bin/python benchmarks/entity_gate.py [--articles N] [--rounds 2] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from speed import DEFAULT_SHARED, RECALL_LABELS, Coded, labels_found, load_articles
from whodid import Pipeline
from whodid.evaluate.formats import indiapoliceevents
from whodid.pipeline import ArticleResult


def event_keys(results: list[ArticleResult]) -> Counter:
    return Counter(
        (event.article_id, event.type, event.evidence.trigger_span, str(event.source), str(event.target))
        for result in results
        for event in result.events
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = parser.parse_args()
    articles, gold = load_articles(args.shared.resolve(), args.articles)
    pipeline = Pipeline()
    gates = {"names where an event may be": pipeline.entity_gate, "names in every parsed sentence": None}
    if pipeline.entity_gate is None:
        sys.exit("entity_gate: this model has no entity recogniser to gate")
    results: dict[str, list[ArticleResult]] = {}
    for method, gate in gates.items():  # warm-up: the vocabulary and the lemma memory fill here
        pipeline.entity_gate = gate
        results[method] = list(pipeline.run(articles))
    seconds: dict[str, list[float]] = {method: [] for method in gates}
    for _ in range(args.rounds):
        for method, gate in gates.items():
            pipeline.entity_gate = gate
            gc.collect()
            start = time.perf_counter()
            for _result in pipeline.run(articles):
                pass
            seconds[method].append(time.perf_counter() - start)
            print(f"{method}: {seconds[method][-1]:.1f} s", flush=True)
    gated, ungated = (event_keys(results[method]) for method in gates)
    print(f"\n{len(articles)} articles, {args.rounds} round(s), the two methods taking turns\n")
    print("| method | seconds (each round) | median | events | KILL / ARREST articles found |")
    print("|---|---|---|---|---|")
    for method in gates:
        # The labels come from the warm-up pass's events: coding the corpus again would give the same.
        labels = {r.article.id: indiapoliceevents.police_labels(r.events) for r in results[method]}
        found = labels_found(Coded(labels=labels), gold)
        rounds = ", ".join(f"{value:.1f}" for value in seconds[method])
        found_text = " / ".join(str(found[label]) for label in RECALL_LABELS)
        events = sum(len(result.events) for result in results[method])
        print(f"| {method} | {rounds} | {statistics.median(seconds[method]):.1f} | {events} | {found_text} |")
    ratio = statistics.median(seconds["names in every parsed sentence"]) / statistics.median(
        seconds["names where an event may be"]
    )
    print(f"\nspeed-up of the gate: {ratio:.2f}x")
    print(f"events only without the gate: {sum((ungated - gated).values())}; "
          f"only with it: {sum((gated - ungated).values())}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
