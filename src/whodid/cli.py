"""The command line: a thin face over the library (ingest -> Pipeline -> export or store)."""

from __future__ import annotations

import logging
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click
from rich.console import Console
from rich.table import Table

from whodid.errors import WhodidError
from whodid.evaluate.formats import FORMAT_MODULES
from whodid.export import write_acled_csv, write_jsonl
from whodid.ingest import Skipped, read_articles
from whodid.ingest.readers import STDIN
from whodid.nlp import DEFAULT_MODEL
from whodid.pipeline import ArticleResult, Coder, Pipeline, PipelineOptions
from whodid.progress import IngestProgress
from whodid.records import FACTUALITIES, Article, Event
from whodid.resolve.actors import ActorKB, Role
from whodid.store.query import MAX_LIMIT

if TYPE_CHECKING:
    import pandas as pd

    from whodid.store import EventStore
    from whodid.store.loading import Loaded

EXIT_SKIPPED = 3  # the run finished, but some inputs were skipped (their reasons are on stderr)
MAX_REASONS_SHOWN = 10

log = logging.getLogger("whodid")


@dataclass(slots=True)
class RunTally:
    articles: int = 0
    events: int = 0
    skipped: list[str] = field(default_factory=list)
    reasons: Counter[str] = field(default_factory=Counter)

    def exit_code(self) -> int:
        return EXIT_SKIPPED if self.skipped else 0


@dataclass(slots=True)
class IngestSummary:
    """What an ingest run did, for its last lines."""

    tally: RunTally = field(default_factory=RunTally)
    statuses: Counter[str] = field(default_factory=Counter)
    new_events: int = 0
    joined_events: int = 0
    total_events: int = 0

    def add(self, loaded: Loaded) -> None:
        self.statuses[loaded.status] += 1
        self.tally.events += loaded.mentions
        if loaded.result is not None:
            self.new_events += loaded.result.new_events
            self.joined_events += loaded.result.joined_events

    def describe(self, location: str, seconds: float) -> str:
        from whodid.store.loading import COPIED, KNOWN, STORED

        coded = self.statuses[STORED]
        lines = [
            f"{coded} articles coded ({self.tally.events} mentions: {self.new_events} new events, "
            f"{self.joined_events} joined stored ones), {self.statuses[COPIED]} exact copies, "
            f"{self.statuses[KNOWN]} already stored, {len(self.tally.skipped)} skipped -> {location} "
            f"({self.total_events} events) in {seconds:.1f} s ({coded / max(seconds, 1e-9):.1f} articles/s)"
        ]
        for reason, count in self.tally.reasons.most_common(MAX_REASONS_SHOWN):
            lines.append(f"  skipped {count}: {reason}")
        if len(self.tally.reasons) > MAX_REASONS_SHOWN:
            lines.append(
                f"  ... {len(self.tally.reasons) - MAX_REASONS_SHOWN} more reasons; see whodid errors"
            )
        return "\n".join(lines)


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
kb_option = click.option(
    "--kb", "kb_files", multiple=True, metavar="FILE",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Your own actor file (YAML, or a countries CSV), read after the shipped ones: its actors are "
    "added, and on the same id replace ours. Repeatable. Check it with `whodid kb check FILE`.",
)  # fmt: skip


@click.group()
@click.version_option(package_name="whodid")
@click.option("-v", "--verbose", is_flag=True, help="Log more detail to stderr.")
def main(verbose: bool) -> None:
    """whodid: who did what to whom, where and when, and who says so.

    INPUT is a .txt file (with an optional .json sidecar of the same stem), a .jsonl/.ndjson, .csv/.tsv,
    .html/.htm or RSS/Atom (.rss, .atom, .xml) file, a folder of them, or - for stdin. Exit status: 0
    done, 3 done but some inputs were skipped, 1 error.
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
@kb_option
def extract(
    inputs: tuple[str, ...], output: TextIO, output_format: str, published: date | None, model: str,
    parse_all: bool, kb_files: tuple[Path, ...],
) -> None:  # fmt: skip
    """Code the events of INPUT... and write them out."""
    tally = RunTally()
    results = _run(inputs, published, _pipeline(_options(model, parse_all, kb_files)), tally)
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


db_option = click.option(
    "--db", "db_location", default="whodid.duckdb", show_default=True, envvar="WHODID_DB",
    help="DuckDB file, or a PostgreSQL URL (postgresql://user:password@host/db); env WHODID_DB.",
)  # fmt: skip


@main.command()
@inputs_argument
@db_option
@published_option
@model_option
@parse_all_option
@kb_option
@click.option(
    "--workers",
    type=click.IntRange(min=1, max=64),
    default=1,
    show_default=True,
    help="Processes that code articles at once (each loads its own model).",
)
@click.option(
    "--dask",
    "scheduler",
    default=None,
    metavar="SCHEDULER",
    help="Code on a Dask cluster: a scheduler address (tcp://host:8786), or local:N for N processes here.",
)
@click.option(
    "--parts",
    "parts_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="With --dask: keep the coded Parquet partitions in this folder (shared by the workers).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar on stderr [default: when stderr is a terminal].",
)
def ingest(
    inputs: tuple[str, ...],
    db_location: str,
    published: date | None,
    model: str,
    parse_all: bool,
    kb_files: tuple[Path, ...],
    workers: int,
    scheduler: str | None,
    parts_dir: Path | None,
    progress: bool | None,
) -> None:
    """Code INPUT... and store articles, mentions and events; what is stored already is left as it is.

    Mentions of one happening, in one article or many, are merged into one event; republished copies
    of a stored article are linked to it and count as one source. A run that is stopped (even killed)
    goes on where it stopped when started again; inputs that fail are listed by `whodid errors`."""
    from whodid.store import EventStore  # only the store's commands need the database
    from whodid.store.loading import FAILED, load_articles

    if scheduler is not None and workers > 1:
        raise click.UsageError("give --workers or --dask, not both (a Dask cluster has its own workers)")
    show = sys.stderr.isatty() if progress is None else progress
    summary = IngestSummary()
    options = _options(model, parse_all, kb_files)
    try:
        with (
            EventStore(db_location) as store,
            _coder(options, workers, scheduler, parts_dir) as coder,
        ):
            total = _count_articles(inputs, published) if show and STDIN not in inputs else None
            with IngestProgress(total, enabled=show) as bar:
                articles = _read(inputs, published, summary.tally, store)
                for loaded in load_articles(store, coder, articles):
                    summary.add(loaded)
                    bar.advance(loaded.mentions)
                    if loaded.status == FAILED:
                        _skip(summary.tally, loaded.article.origin or loaded.article.id, loaded.reason or "")
            seconds = bar.seconds
            summary.total_events = store.count_events()
            location = store.db.location
    except WhodidError as error:
        raise click.ClickException(str(error)) from error
    click.echo(summary.describe(location, seconds), err=True)
    _finish(summary.tally)


@contextmanager
def _coder(
    options: PipelineOptions, workers: int, scheduler: str | None, parts_dir: Path | None
) -> Iterator[Coder]:
    """The Pipeline in this process, or one spread over worker processes or a Dask cluster."""
    if scheduler is not None:
        from whodid.scale import DaskCoder  # Dask loads only for a cluster run

        with DaskCoder(scheduler, options, parts_dir=parts_dir) as coder:
            yield coder
    elif workers > 1:
        from whodid.scale import ProcessCoder

        with ProcessCoder(workers, options) as coder:
            yield coder
    else:
        yield _pipeline(options)


def _count_articles(inputs: tuple[str, ...], published: date | None) -> int:
    """How many articles the inputs hold, for the progress bar's end: reading is cheap beside coding."""
    return sum(1 for item in read_articles(inputs, published=published) if not isinstance(item, Skipped))


@main.command()
@db_option
@click.option(
    "--limit",
    type=click.IntRange(min=1, max=MAX_LIMIT),
    default=100,
    show_default=True,
    help="Show at most N inputs.",
)
def errors(db_location: str, limit: int) -> None:
    """List the inputs that could not be read, coded or stored, and why (until they are stored)."""
    from whodid.store import EventStore

    try:
        with EventStore(db_location, read_only=True) as store:
            failed = store.errors()
    except WhodidError as error:
        raise click.ClickException(str(error)) from error
    if not failed:
        click.echo("no failed inputs", err=True)
        return
    table = Table(title=f"{len(failed)} failed inputs", show_lines=False)
    for column in ("input", "stage", "reason", "attempts", "last seen"):
        table.add_column(column, overflow="fold")
    for row in failed[:limit]:
        last_seen = str(row["last_seen"])[:19]
        table.add_row(row["origin"], row["stage"], row["reason"], str(row["attempts"]), last_seen)
    Console(file=sys.stdout, width=160).print(table)


QUERY_FORMATS = ("table", "jsonl", "acled", "plover", "geojson", "parquet", "csv")


@main.command()
@db_option
@click.option(
    "--type",
    "types",
    multiple=True,
    metavar="TYPE",
    help="PLOVER type, ACLED event type or ACLED sub-event type (repeatable: any of them).",
)
@click.option("--actor", default=None, help="Part of a source's or target's name, its id, or its country.")
@click.option("--country", default=None, metavar="ISO3", help="Where it happened (ISO 3166-1 alpha-3).")
@click.option("--from", "date_from", type=_IsoDate(), default=None, help="Events on or after this date.")
@click.option("--to", "date_to", type=_IsoDate(), default=None, help="Events on or before this date.")
@click.option("--near", default=None, metavar="LAT,LON,KM", help="Events within KM km of a point.")
@click.option(
    "--min-sources",
    type=click.IntRange(min=1),
    default=None,
    help="Events reported by at least N independent sources.",
)
@click.option(
    "--factuality", multiple=True, type=click.Choice(FACTUALITIES), help="Only events told so (repeatable)."
)
@click.option("--limit", type=click.IntRange(min=1, max=MAX_LIMIT), default=None, help="At most N events.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip the first N events.")
@click.option("--by-date", is_flag=True, default=False, help="Order by date (undated last), not by storing.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(QUERY_FORMATS),
    default="table",
    show_default=True,
    help="Table, JSON Lines records, ACLED CSV, PLOVER JSON, GeoJSON, Parquet or flat CSV.",
)
@click.option(
    "-o", "--output", default="-", show_default=True, help="File to write (Parquet needs one); - for stdout."
)
@click.option(
    "--sql",
    "statement",
    default=None,
    help="Run this SQL on the store, read-only, and print its rows (the filters are ignored).",
)
def query(
    db_location: str, types: tuple[str, ...], actor: str | None, country: str | None, date_from: date | None,
    date_to: date | None, near: str | None, min_sources: int | None, factuality: tuple[str, ...],
    limit: int | None, offset: int, by_date: bool, output_format: str, output: str, statement: str | None,
) -> None:  # fmt: skip
    """Read events from a store with filters, or run SQL on it, and write them in any export format."""
    from whodid.store import EventStore
    from whodid.store.query import EventQuery, Near

    try:
        point = Near.parse(near) if near else None
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--near") from error
    if country and (len(country) != 3 or not country.isalpha()):
        raise click.BadParameter("give an ISO 3166-1 alpha-3 code such as SDN", param_hint="--country")
    if output_format == "parquet" and output == "-":
        raise click.BadParameter("Parquet is written to a file: give -o FILE.parquet", param_hint="--output")
    event_query = EventQuery(
        types=types,
        actor=actor,
        country=country,
        date_from=date_from,
        date_to=date_to,
        near=point,
        min_sources=min_sources,
        factuality=factuality,
        limit=limit,
        offset=offset,
        order_by_date=by_date,
    )
    try:
        with EventStore(db_location, read_only=True) as store:
            if statement is not None:
                frame = store.sql(statement)
                _write_frame(frame, output, "table" if output_format == "table" else output_format)
                return
            if output_format in ("table", "csv"):
                _write_frame(store.query_frame(event_query), output, output_format)
                return
            written = _write_events(store.query(event_query), store.outlets(), output_format, output)
    except WhodidError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"{written} events", err=True)


def _write_events(records: list[dict], outlets: dict[str, str], output_format: str, output: str) -> int:
    from whodid.export_formats import write_geojson, write_parquet, write_plover_json

    if output_format == "parquet":
        return write_parquet(records, output)
    with click.open_file(output, "w", encoding="utf-8") as out:
        if output_format == "acled":
            return write_acled_csv(records, out, outlets)
        if output_format == "plover":
            return write_plover_json(records, out)
        if output_format == "geojson":
            return write_geojson(records, out)
        return write_jsonl(records, out)


def _write_frame(frame: pd.DataFrame, output: str, output_format: str) -> None:
    """Rows as a table, CSV or JSON Lines (for SQL results and flat event listings)."""
    if output_format not in ("table", "csv", "jsonl"):
        raise click.BadParameter("SQL results are written as table, csv or jsonl", param_hint="--format")
    with click.open_file(output, "w", encoding="utf-8") as out:
        if output_format == "csv":
            frame.to_csv(out, index=False)
        elif output_format == "jsonl":
            frame.to_json(out, orient="records", lines=True, date_format="iso", force_ascii=False)
        else:
            table = Table(title=f"{len(frame)} rows", show_lines=False)
            shown = [name for name in frame.columns if name not in _WIDE_COLUMNS] or list(frame.columns)
            for name in shown:
                table.add_column(str(name), overflow="fold")
            for row in frame[shown].itertuples(index=False):
                table.add_row(*("" if _missing(value) else str(value) for value in row))
            Console(file=out, width=200).print(table)


# Columns a terminal table leaves out (the data frame and the other formats keep them).
_WIDE_COLUMNS = frozenset(
    {
        "mode",
        "cameo",
        "quad_class",
        "goldstein",
        "date_end",
        "admin1",
        "lat",
        "lon",
        "geo_precision",
        "confidence",
        "article_id",
        "injured",
        "arrested",
        "participants",
    }
)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)  # NaN is a missing number


@main.command()
@db_option
@click.argument("article_id", required=False)
@click.option("--edits", is_flag=True, default=False, help="Show the sentences a copy changed.")
def copies(db_location: str, article_id: str | None, edits: bool) -> None:
    """List republished copies, by original; with ARTICLE_ID, that article's copies or original."""
    from whodid.republication import edits as text_edits
    from whodid.store import EventStore

    try:
        with EventStore(db_location, read_only=True) as store:
            groups = store.copies()
            if article_id is not None:
                article = store.article(article_id)
                if article is None:
                    raise click.ClickException(f"no article {article_id!r} in {store.db.location}")
                original_id = article["original_id"] or article_id
                groups = {original_id: groups.get(original_id, [])}
            for original_id, copied in groups.items():
                original = store.article(original_id) or {}
                counted = "1 copy" if len(copied) == 1 else f"{len(copied)} copies"
                click.echo(f"{original_id} ({original.get('outlet') or 'outlet unknown'}): {counted}")
                for copy_id, similarity in copied:
                    copy = store.article(copy_id) or {}
                    click.echo(
                        f"  {copy_id} ({copy.get('outlet') or 'outlet unknown'}), similarity {similarity:.2f}"
                    )
                    if edits:
                        for edit in text_edits(original.get("text") or "", copy.get("text") or ""):
                            click.echo(f"    {edit.kind}: {edit.original!r} -> {edit.copy!r}")
    except WhodidError as error:
        raise click.ClickException(str(error)) from error


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(min=1, max=65535), default=8000, show_default=True)
@click.option(
    "--api-key", default=None, envvar="WHODID_API_KEY",
    help="Key that POST /api/articles needs (env WHODID_API_KEY); without one the server is read-only.",
)  # fmt: skip
@model_option
@kb_option
@click.option(
    "--writes-per-minute", type=click.FloatRange(min=0.1, max=10_000), default=30.0, show_default=True,
    help="Write requests a client may make a minute (in bursts of up to 10).",
)  # fmt: skip
def serve(
    db_location: str, host: str, port: int, api_key: str | None, model: str, kb_files: tuple[Path, ...],
    writes_per_minute: float,
) -> None:  # fmt: skip
    """Serve the store's events: the page at /, the REST API at /api, its docs at /docs."""
    import uvicorn

    from whodid.web import ServeSettings, create_app

    options = _options(model, False, kb_files)
    settings = ServeSettings(
        db_location, api_key=api_key or None, model=model, kb_files=options.kb_files,
        writes_per_minute=writes_per_minute,
    )  # fmt: skip
    try:
        app = create_app(settings)
    except WhodidError as error:
        raise click.ClickException(str(error)) from error
    mode = "reads and writes (with the API key)" if settings.writable else "read-only"
    click.echo(
        f"whodid: serving {db_location} ({mode}) on http://{host}:{port}/  (API docs: /docs)", err=True
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")


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
@kb_option
def evaluate_command(
    gold: Path, gold_format: str, report_path: Path | None, limit: int | None, published_offset_days: int,
    worst: int, model: str, parse_all: bool, kb_files: tuple[Path, ...],
) -> None:  # fmt: skip
    """Run whodid on GOLD's texts and score each field against the gold."""
    from whodid.evaluate.formats import format_module, guess_format
    from whodid.evaluate.gold import ReadOptions
    from whodid.evaluate.report import render_html, render_markdown, render_summary
    from whodid.evaluate.runner import evaluate

    try:
        name = guess_format(gold) if gold_format == "auto" else gold_format
        gold_set = format_module(name).read(gold, ReadOptions(published_offset_days, limit))
        result = evaluate(gold_set, _options(model, parse_all, kb_files).build())
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


@main.group()
def kb() -> None:
    """The actor knowledge base: check data files, or ask who a name is."""


@kb.command("check")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def kb_check(files: tuple[Path, ...]) -> None:
    """Check the shipped actor files and FILE... (read after them, as `--kb` reads them): every mistake
    is named with its file, line and field. Says what the files hold, and which shipped actors they
    replace."""
    shipped = ActorKB.default()
    knowledge = _knowledge_base(tuple(str(path.resolve()) for path in files))
    kinds = Counter(entry.kind for entry in knowledge.entries.values())
    roles = sum(len(entry.roles) for entry in knowledge.entries.values())
    click.echo(f"files: shipped{''.join(f', {path}' for path in files)}: all well formed")
    click.echo(f"actors: {len(knowledge.entries)} ({', '.join(f'{n} {k}' for k, n in kinds.most_common())})")
    click.echo(f"roles: {roles}")
    click.echo(f"named operations: {len(knowledge.operations)}")
    replaced = sorted(
        actor_id for actor_id, entry in knowledge.entries.items()
        if actor_id in shipped.entries and shipped.entries[actor_id] != entry
    )  # fmt: skip
    if replaced:
        click.echo(f"replaced shipped actors: {', '.join(replaced)}")


@kb.command("find")
@click.argument("name")
@click.option("--on", "when", type=_IsoDate(), default=None,
              help="The date that decides who held an office (\"the Iraqi prime minister\").")  # fmt: skip
@kb_option
def kb_find(name: str, when: date | None, kb_files: tuple[Path, ...]) -> None:
    """The actors NAME names, as a run resolves them (offices by the date given with --on)."""
    knowledge = _knowledge_base(tuple(str(path.resolve()) for path in kb_files))
    found = knowledge.find(name, when=when)
    if not found:
        click.echo(f"whodid: no actor of the knowledge base in {name!r}", err=True)
        sys.exit(1)
    table = Table(title=f"actors in {name!r}" + (f" on {when}" if when else ""), show_lines=False)
    for column in ("text", "id", "name", "kind", "country", "sector", "ACLED inter", "roles"):
        table.add_column(column, overflow="fold")
    for actor in found:
        entry = knowledge.entries.get(actor.actor_id or "")
        roles = "; ".join(_role_text(role) for role in entry.roles) if entry is not None else ""
        table.add_row(
            actor.text, actor.actor_id or "", actor.name or "", actor.kind or "", actor.country or "",
            actor.sector or "", str(actor.acled_inter or ""), roles,
        )  # fmt: skip
    Console(file=sys.stdout, width=160).print(table)


def _role_text(role: Role) -> str:
    seat = role.org or role.country or ""
    since = f"{role.start or '…'} to {role.end or 'now'}"
    what = role.title or role.sector or ""
    return f"{what} ({seat}, {since})" if seat else f"{what} ({since})"


def _pipeline(options: PipelineOptions) -> Pipeline:
    try:
        return options.build()
    except WhodidError as error:
        raise click.ClickException(str(error)) from error


def _options(model: str, parse_all: bool, kb_files: tuple[Path, ...] = ()) -> PipelineOptions:
    """What builds the run's Pipeline, here or in its workers. The user's actor files are checked now,
    so a mistake in one stops the run before anything is read or stored."""
    paths = tuple(str(path.resolve()) for path in kb_files)
    if paths:
        _knowledge_base(paths)
    return PipelineOptions(model=model, prefilter=not parse_all, kb_files=paths)


def _knowledge_base(kb_files: tuple[str, ...]) -> ActorKB:
    """The shipped actor files with the user's after them, or the error that names file, line and field."""
    try:
        return ActorKB.with_user_files(kb_files)
    except WhodidError as error:
        raise click.ClickException(str(error)) from error


def _read(
    inputs: tuple[str, ...], published: date | None, tally: RunTally, store: EventStore | None = None
) -> Iterator[Article]:
    """The articles of the inputs; what cannot be read is reported and counted (and noted in the store's
    errors table when there is one), never raised."""
    for item in read_articles(inputs, published=published, stdin=sys.stdin):
        if isinstance(item, Skipped):
            _skip(tally, item.origin, item.reason)
            if store is not None:
                store.record_error(item.origin, "read", item.reason)
        else:
            yield item


def _run(inputs, published, pipeline: Pipeline, tally: RunTally) -> Iterator[ArticleResult]:
    """Articles read from the inputs, coded; skipped inputs are reported and counted, never raised."""

    for result in pipeline.run(_read(inputs, published, tally)):
        tally.articles += 1
        if result.error:
            _skip(tally, result.article.origin or result.article.id, result.error)
            continue
        tally.events += len(result.events)
        yield result


def _skip(tally: RunTally, origin: str, reason: str) -> None:
    tally.skipped.append(origin)
    tally.reasons[reason] += 1
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
