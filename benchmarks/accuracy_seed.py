"""Accuracy on the seed article: each gold event of ../shared/data/seed/gold.yaml, found or not, and
each of its checkable fields. Prints a Markdown table for docs/benchmarks.md.

    .venv/bin/python benchmarks/accuracy_seed.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from whodid import Pipeline
from whodid.evaluate.seed_gold import GoldCheck, asserted_violations, check_gold, load_seed_gold
from whodid.ingest import Skipped, read_articles

FIELDS = ("date", "place", "fatalities", "count", "factuality")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    args = parser.parse_args(argv)
    seed = args.shared / "data" / "seed"
    if not (seed / "gold.yaml").exists():
        print(f"no seed gold at {seed}: this benchmark needs ../shared", file=sys.stderr)
        return 2
    gold = load_seed_gold(seed / "gold.yaml")
    articles = [a for a in read_articles([seed / f"{gold.document}.txt"]) if not isinstance(a, Skipped)]
    [result] = list(Pipeline().run(articles))
    checks = [check_gold(event, result.events) for event in gold.events]
    print(render(checks, asserted_violations(gold.not_asserted, result.events), len(result.events)))
    return 0


def render(checks: list[GoldCheck], violations: list[str], extracted: int) -> str:
    lines = ["| gold event | core | found | type | " + " | ".join(FIELDS) + " |",
             "|---|---|---|---|" + "---|" * len(FIELDS)]  # fmt: skip
    for check in checks:
        cells = [_cell(check.fields.get(name)) for name in FIELDS] if check.found else [""] * len(FIELDS)
        found_type = check.event.type if check.event else ""
        core, found = ("yes" if check.gold.core else ""), ("yes" if check.found else "no")
        lines.append(f"| {check.gold.id} | {core} | {found} | {found_type} | " + " | ".join(cells) + " |")
    core = [c for c in checks if c.gold.core]
    lines += [
        "",
        f"Core events found: {sum(c.found for c in core)} of {len(core)}; "
        f"all gold events found: {sum(c.found for c in checks)} of {len(checks)}; "
        f"events extracted from the article: {extracted}; "
        f"'not asserted' phrases coded as asserted ASSAULT: {len(violations)}.",
    ]
    return "\n".join(lines)


def _cell(verdict: bool | None) -> str:
    return "" if verdict is None else ("right" if verdict else "wrong")


if __name__ == "__main__":
    sys.exit(main())
