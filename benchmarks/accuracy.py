"""Accuracy on every development gold set present under ../shared/data, each field beside a simple
baseline (majority class, always-0 or always-no), written into docs/benchmarks.md.

    .venv/bin/python benchmarks/accuracy.py [--limit N] [--only FORMAT ...] [--reports DIR] [--no-write]

Each set is scored on its first `full_limit` items (see whodid/evaluate/devsets.py) or `--limit`.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from whodid import Pipeline
from whodid.evaluate.devsets import DEV_SETS, DevSet, default_data_root
from whodid.evaluate.formats import format_module
from whodid.evaluate.gold import ReadOptions
from whodid.evaluate.report import render_markdown
from whodid.evaluate.runner import EvalResult, evaluate
from whodid.evaluate.scoring import headline

BENCHMARKS_DOC = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
BEGIN, END = "<!-- accuracy-table:begin -->", "<!-- accuracy-table:end -->"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_root(), help="the shared data folder")
    parser.add_argument("--limit", type=int, default=None, help="score at most N items per set")
    parser.add_argument("--only", nargs="*", default=None, help="formats to run (default: all present)")
    parser.add_argument("--reports", type=Path, default=None, help="write each set's full report here")
    parser.add_argument("--no-write", action="store_true", help="print the table, leave docs/ alone")
    args = parser.parse_args(argv)
    present = [s for s in DEV_SETS if s.path(args.data).exists() and (not args.only or s.format in args.only)]
    if not present:
        print(f"no development sets under {args.data}: this benchmark needs ../shared", file=sys.stderr)
        return 2
    pipeline = Pipeline()
    rows: list[str] = []
    for dev_set in present:
        started = time.perf_counter()
        result = _evaluate(dev_set, args, pipeline)
        seconds = time.perf_counter() - started
        rows += _rows(dev_set, result)
        print(f"{dev_set.name}: {result.items} items in {seconds:.0f} s", file=sys.stderr)
        if args.reports:
            args.reports.mkdir(parents=True, exist_ok=True)
            (args.reports / f"{dev_set.format}.md").write_text(render_markdown(result), encoding="utf-8")
    command = "python benchmarks/accuracy.py" + (f" --limit {args.limit}" if args.limit else "")
    table = _table(rows, command)
    print(table)
    if not args.no_write and not args.only:
        _write_into_doc(table)
    return 0


def _evaluate(dev_set: DevSet, args: argparse.Namespace, pipeline: Pipeline) -> EvalResult:
    limit = args.limit or dev_set.full_limit
    gold = format_module(dev_set.format).read(dev_set.path(args.data), ReadOptions(limit=limit))
    return evaluate(gold, pipeline)


def _rows(dev_set: DevSet, result: EvalResult) -> list[str]:
    coverage = "n/a" if result.coverage is None else f"{result.coverage:.0%}"
    dropped = len(result.gold.dropped) + len(result.failed)
    rows = []
    for score in result.scores:
        figure = headline(score.spec)
        whodid, baseline = _format(score.metrics.get(figure)), _format(score.baseline.get(figure))
        field = f"{score.spec.name} ({score.scored})"
        rows.append(f"| {dev_set.name} | {result.items} | {dropped} | {coverage} | {field} | {figure} "
                    f"| {whodid} | {baseline} | {score.baseline_rule} |")  # fmt: skip
    return rows


def _format(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _table(rows: list[str], command: str) -> str:
    header = [
        "| gold set | items | dropped | coverage | field | figure | whodid | baseline | baseline rule |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    return "\n".join([*header, *rows, "", f"Produced by `{command}` on {time.strftime('%Y-%m-%d')}."])


def _write_into_doc(table: str) -> None:
    text = BENCHMARKS_DOC.read_text(encoding="utf-8")
    block = f"{BEGIN}\n{table}\n{END}"
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + block + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip() + "\n\n## Accuracy on the development sets\n\n" + block + "\n"
    BENCHMARKS_DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
