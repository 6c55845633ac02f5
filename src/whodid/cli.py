"""The command line: a thin face over the library (ingest -> Pipeline -> export or store)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO

import click
from rich.console import Console
from rich.table import Table

from whodid.errors import WhodidError
from whodid.evaluate.formats import FORMAT_MODULES
from whodid.export import write_acled_csv, write_jsonl
from whodid.ingest import Skipped, read_articles
from whodid.nlp import DEFAULT_MODEL
from whodid.pipeline import ArticleResult, Pipeline
from whodid.records import Article, Event

EXIT_SKIPPED = 3  # the run finished, but some inputs were skipped (their reasons are on stderr)

log = logging.getLogger("whodid")


@dataclass(slots=True)
class RunTally:
    articles: int = 0
    events: int = 0
    already_stored: int = 0
    skipped: list[str] = field(default_factory=list)

    def exit_code(self) -> int:
        return EXIT_SKIPPED if self.skipped else 0


class _IsoDate(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date in YYYY-MM-DD form", param, ctx)


inputs_argument = click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
published_option = click.option(
    "--published", type=_IsoDate(), default=None,
    help="Publication date for inputs that carry none (bare .txt, stdin); anchors relative dates.",
)  # fmt: skip
model_option = click.option(
    "--model", default=DEFAULT_MODEL, show_default=True, help="Installed spaCy model."
)
parse_all_option = click.option(
    "--parse-all", is_flag=True, default=False,
    help="Parse every sentence, not only those where a trigger word occurs (slower; for checking).",
)  # fmt: skip


@click.group()
@click.version_option(package_name="whodid")
@click.option("-v", "--verbose", is_flag=True, help="Log more detail to stderr.")
def main(verbose: bool) -> None:
    """whodid: who did what to whom, where and when, and who says so.

    INPUT is a .txt file (with an optional .json sidecar of the same stem), a .jsonl file, a folder of
    them, or - for stdin. Exit status: 0 done, 3 done but some inputs were skipped, 1 error.
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="whodid: %(message)s")


@main.command()
@inputs_argument
@click.option("-o", "--output", type=click.File("w", encoding="utf-8", lazy=True), default="-",
              help="Write here instead of stdout.")  # fmt: skip
@click.option("--format", "output_format", type=click.Choice(["jsonl", "acled", "table"]), default="jsonl",
              show_default=True, help="JSON Lines records, CSV in ACLED's columns, or a table.")  # fmt: skip
@published_option
@model_option
@parse_all_option
def extract(
    inputs: tuple[str, ...], output: TextIO, output_format: str, published: date | None, model: str,
    parse_all: bool,
) -> None:  # fmt: skip
    """Code the events of INPUT... and write them out."""
    tally = RunTally()
    results = _run(inputs, published, _pipeline(model, parse_all), tally)
    events_and_outlets = ((event, result.article.outlet) for result in results for event in result.events)
    if output_format == "table":
        _print_table([event for event, _ in events_and_outlets], output)
    elif output_format == "acled":
        outlets: dict[str, str] = {}

        def remember(pairs: Iterable[tuple[Event, str | None]]) -> Iterator[Event]:
            for event, outlet in pairs:
                if outlet:
                    outlets[event.article_id] = outlet
                yield event

        write_acled_csv(remember(events_and_outlets), output, outlets)
    else:
        write_jsonl((event for event, _ in events_and_outlets), output)
    _finish(tally)


@main.command()
@inputs_argument
@click.option(
    "--db", "db_path", default="whodid.duckdb", show_default=True, help="DuckDB file to store into."
)
@published_option
@model_option
@parse_all_option
def ingest(
    inputs: tuple[str, ...], db_path: str, published: date | None, model: str, parse_all: bool
) -> None:
    """Code INPUT... and store articles and events; inputs already stored are left as they are."""
    from whodid.store import EventStore  # only this command needs the database

    tally = RunTally()
    stored = 0
    try:
        with EventStore(db_path) as store:
            pipeline = _pipeline(model, parse_all)
            for result in _run(inputs, published, pipeline, tally, skip_known=store.has_article):
                if store.add(result.article, result.events):
                    stored += 1
                else:
                    tally.already_stored += 1  # the same text twice in one run
    except WhodidError as error:
        raise click.ClickException(str(error)) from error
    click.echo(
        f"{stored} articles stored ({tally.events} events), {tally.already_stored} already stored, "
        f"{len(tally.skipped)} skipped -> {db_path}",
        err=True,
    )
    _finish(tally)


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "gold_format", default="auto", show_default=True,
              help="Gold format: auto, or one of " + ", ".join(FORMAT_MODULES) + ".")  # fmt: skip
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the full report here (.md or .html), with the worst cases.")  # fmt: skip
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N gold items.")
@click.option("--published-offset-days", type=click.IntRange(min=0, max=3650), default=3, show_default=True,
              help="ACLED gold: the article is taken to appear this many days after the event.")  # fmt: skip
@click.option("--worst", type=click.IntRange(min=0, max=1000), default=20, show_default=True,
              help="How many worst cases per field the report lists.")  # fmt: skip
@model_option
@parse_all_option
def evaluate_command(
    gold: Path, gold_format: str, report_path: Path | None, limit: int | None, published_offset_days: int,
    worst: int, model: str, parse_all: bool,
) -> None:  # fmt: skip
    """Run whodid on GOLD's texts and score each field against the gold."""
    from whodid.evaluate.formats import format_module, guess_format
    from whodid.evaluate.gold import ReadOptions
    from whodid.evaluate.report import render_html, render_markdown, render_summary
    from whodid.evaluate.runner import evaluate

    try:
        name = guess_format(gold) if gold_format == "auto" else gold_format
        gold_set = format_module(name).read(gold, ReadOptions(published_offset_days, limit))
        result = evaluate(gold_set, Pipeline(model=model, prefilter=not parse_all))
    except WhodidError as error:
        raise click.ClickException(str(error)) from error
    click.echo(render_summary(result))
    if report_path is not None:
        render = render_html if report_path.suffix.lower() in {".html", ".htm"} else render_markdown
        report_path.write_text(render(result, worst=worst), encoding="utf-8")
        click.echo(f"report: {report_path}", err=True)


@main.group()
def gazetteer() -> None:
    """The gazetteer's index of places: build it, or ask it what a name may mean."""


@gazetteer.command("build")
@click.option("--force", is_flag=True, default=False, help="Rebuild even if an up-to-date index exists.")
def gazetteer_build(force: bool) -> None:
    """Build the gazetteer index now (otherwise the first run builds it) and say where it is."""
    from whodid.resolve.gazetteer_index import default_index_path, ensure_index

    try:
        result = ensure_index(default_index_path(), force=force)
    except WhodidError as error:
        raise click.ClickException(str(error)) from error
    when = "built now" if result.built else "already built; --force rebuilds it"
    click.echo(f"index: {result.path}")
    click.echo(f"entries: {result.entries}")
    click.echo(f"seconds: {result.seconds:.1f} ({when})")


@gazetteer.command("find")
@click.argument("name")
@click.option("--country", "countries", multiple=True, metavar="ISO3",
              help="A country the story is about (alpha-3, repeatable): its places rank first.")  # fmt: skip
def gazetteer_find(name: str, countries: tuple[str, ...]) -> None:
    """Every place NAME may mean, best first, as lookups rank them."""
    from whodid.resolve.gazetteer import Gazetteer

    hints = tuple(code.upper() for code in countries)
    if any(len(code) != 3 or not code.isalpha() for code in hints):
        raise click.BadParameter("give ISO 3166-1 alpha-3 codes such as SYR", param_hint="--country")
    try:
        entries = Gazetteer.default().ranked_entries(name, hints)
    except WhodidError as error:
        raise click.ClickException(str(error)) from error
    if not entries:
        click.echo(f"whodid: no place named {name!r} in the gazetteer", err=True)
        sys.exit(1)
    table = Table(title=f"{len(entries)} candidates for {name!r}", show_lines=False)
    columns = ("name", "feature", "country", "admin1", "lat", "lon", "precision", "population", "source")
    for column in columns:
        table.add_column(column, overflow="fold")
    for entry in entries:
        table.add_row(
            entry.name, entry.feature, entry.country or "", entry.admin1 or "",
            "" if entry.lat is None else f"{entry.lat:.4f}", "" if entry.lon is None else f"{entry.lon:.4f}",
            str(entry.precision), str(entry.population) if entry.population else "", entry.source,
        )  # fmt: skip
    Console(file=sys.stdout, width=160).print(table)


def _pipeline(model: str, parse_all: bool) -> Pipeline:
    try:
        return Pipeline(model=model, prefilter=not parse_all)
    except WhodidError as error:
        raise click.ClickException(str(error)) from error


def _run(inputs, published, pipeline: Pipeline, tally: RunTally, skip_known=None) -> Iterator[ArticleResult]:
    """Articles read from the inputs, coded; skipped inputs are reported and counted, never raised."""

    def articles() -> Iterator[Article]:
        for item in read_articles(inputs, published=published, stdin=sys.stdin):
            if isinstance(item, Skipped):
                _skip(tally, item.origin, item.reason)
            elif skip_known is not None and skip_known(item.content_hash):
                tally.already_stored += 1  # stored by an earlier run: no need to parse it again
            else:
                yield item

    for result in pipeline.run(articles()):
        tally.articles += 1
        if result.error:
            _skip(tally, result.article.origin or result.article.id, result.error)
            continue
        tally.events += len(result.events)
        yield result


def _skip(tally: RunTally, origin: str, reason: str) -> None:
    tally.skipped.append(origin)
    click.echo(f"whodid: skipped {origin}: {reason}", err=True)


def _finish(tally: RunTally) -> None:
    if tally.skipped:
        click.echo(f"whodid: {len(tally.skipped)} input(s) skipped; see the messages above", err=True)
    sys.exit(tally.exit_code())


def _print_table(events: list[Event], output: TextIO) -> None:
    table = Table(title=f"{len(events)} events", show_lines=False)
    for column in ("date", "type", "source", "target", "place", "killed", "factuality", "trigger"):
        table.add_column(column, overflow="fold")
    for event in events:
        table.add_row(
            event.date.isoformat() if event.date else "",
            event.type,
            _names(event.source),
            _names(event.target),
            event.location.name or event.location.text if event.location else "",
            str(event.fatalities.value) if event.fatalities else "",
            event.factuality,
            event.evidence.trigger_text,
        )
    Console(file=output, width=140).print(table)


def _names(actors: list) -> str:
    return "; ".join(f"{a.name or a.text} ({a.country})" if a.country else (a.name or a.text) for a in actors)
