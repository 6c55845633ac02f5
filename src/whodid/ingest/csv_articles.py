"""Articles from CSV and TSV: a header row naming the columns, then one article per row.

The header must name a ``text`` column (``body`` or ``content`` are accepted too, in that order of
preference); ``id``, ``title``, ``outlet``, ``url``, ``published`` and ``language`` are read when present
and other columns are ignored. Names are matched without regard to case or surrounding spaces.

Each bad row (no text, a field count other than the header's, a bad date, a quote left open or a stray
quote) is skipped as ``file.csv:LINE`` with the reason, LINE being the line the row starts on, and
reading goes on with the next row. A row without an ``id`` gets ``<file stem>-<LINE>``, as a JSONL line
without one gets ``<file stem>-<line number>``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from whodid.ingest.articles import Skipped, Unreadable, build_article, require_text
from whodid.records import Article

if TYPE_CHECKING:
    from _csv import Reader as CsvReader  # the type csv.reader returns, named only in _csv

TEXT_COLUMNS = ("text", "body", "content")
_SHOWN_HEADER_NAMES = 8  # how many of a header's names a message quotes
_SHOWN_NAME_CHARS = 24  # and how much of each: a row that is no header may hold a whole article


def csv_articles(
    lines: Iterable[str],
    stem: str,
    origin: str,
    published: date | None,
    delimiter: str = ",",
    longest: int = 0,
) -> Iterator[Article | Skipped]:
    """The articles of a CSV (or, with ``delimiter="\\t"``, TSV) text given as its lines (newlines kept,
    as ``io.StringIO(text, newline="")`` gives them), and a ``Skipped`` per bad row. A field may be
    ``longest`` characters long (at least the csv module's default)."""
    _allow_fields_of(longest)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    try:
        header = _header(reader)
    except Unreadable as problem:
        yield Skipped(origin, str(problem))
        return
    table = _Table(header, next(name for name in TEXT_COLUMNS if name in header), stem, origin, published)
    rows = 0
    for start, end, row in _rows(reader):
        rows += 1
        try:
            if isinstance(row, csv.Error):
                raise Unreadable(f"malformed CSV: {_csv_problem(row)}")
            yield _row_article(table, row, start, end)
        except Unreadable as problem:
            yield Skipped(f"{origin}:{start}", f"line {start}: {problem}")
    if not rows:
        yield Skipped(origin, "no rows after the header")


def _rows(reader: CsvReader) -> Iterator[tuple[int, int, list[str] | csv.Error]]:
    """Each non-blank row, or the error that stopped it, with the lines it starts and ends on."""
    while True:
        start = reader.line_num + 1
        try:
            row: list[str] | csv.Error = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            row = err
        if row:
            yield start, reader.line_num, row
        if isinstance(row, csv.Error) and reader.line_num < start:
            return  # the error consumed nothing: no row can follow


def _allow_fields_of(size: int) -> None:
    # The csv module refuses fields over 128 KB by default; an article's text may be longer. The caller
    # bounds a field: by the file's size, or by the byte limit when the file is read a line at a time.
    if csv.field_size_limit() <= size:
        csv.field_size_limit(size + 1)


def _header(reader: CsvReader) -> list[str]:
    try:
        row = next((row for row in reader if row), None)
    except csv.Error as err:
        raise Unreadable(f"malformed header row: {_csv_problem(err)}") from err
    if row is None:
        raise Unreadable("no rows, not even a header")
    header = [name.strip().lower() for name in row]
    if not any(name in header for name in TEXT_COLUMNS):
        shown = ", ".join(repr(_shortened(name)) for name in row[:_SHOWN_HEADER_NAMES])
        more = ", ..." if len(row) > _SHOWN_HEADER_NAMES else ""
        raise Unreadable(
            f"no header row naming a 'text' (or 'body' or 'content') column; the first row is {shown}{more}"
        )
    return header


@dataclass(frozen=True, slots=True)
class _Table:
    """What every row of one file is read with."""

    header: list[str]
    text_column: str
    stem: str
    origin: str
    published: date | None


def _row_article(table: _Table, row: list[str], start: int, end: int) -> Article:
    """The article of the row on lines ``start`` to ``end`` (several when a quoted field holds newlines)."""
    if len(row) != len(table.header):
        span = f" (the row runs over lines {start}-{end}: a quote left open?)" if end > start else ""
        raise Unreadable(f"{len(row)} fields where the header has {len(table.header)}{span}")
    record: dict[str, str] = {}
    for name, value in zip(table.header, row, strict=True):
        record.setdefault(name, value)  # a repeated column name: the first one counts
    text = record[table.text_column]
    if not text:
        raise Unreadable(f"no text in the '{table.text_column}' column")
    require_text(text)
    where = f"{table.origin}:{start}"
    return build_article(
        record, text, default_id=f"{table.stem}-{start}", origin=where, published=table.published
    )


def _shortened(name: str) -> str:
    return name if len(name) <= _SHOWN_NAME_CHARS else name[: _SHOWN_NAME_CHARS - 3] + "..."


def _csv_problem(err: csv.Error) -> str:
    message = str(err)
    if message == "unexpected end of data":
        return "a quote is left open until the end of the file"
    return message
