"""Read articles from text, HTML, JSON Lines, CSV/TSV and RSS/Atom files, folders of them, and stdin.

Every problem with one input becomes a ``Skipped`` item naming the input and the reason, never an
exception: a corpus with one bad file, line, row or item still gets read. Texts are kept exactly as
decoded (no newline or whitespace normalisation) because every span downstream is an offset into them;
for HTML pages and feed items the text is the extracted readable text.

What each file holds is told by its suffix:

- ``.txt``: one article, with an optional sidecar ``.json`` of the same stem holding its metadata;
- ``.jsonl``/``.ndjson``: one JSON object per line, ``text`` required;
- ``.csv``/``.tsv``: a header row, then one article per row (see ``csv_articles``);
- ``.html``/``.htm``: one article, its readable text and declared metadata (see ``html_text``);
- ``.rss``/``.atom``/``.xml``: a feed, one article per item or entry (see ``feeds``).

Bytes become text by one rule for every format (see ``decoding``): a byte-order mark decides, else
UTF-8, with bytes outside UTF-8 read as Windows-1252 (or as an HTML/XML document's declared encoding),
which is logged as a warning. Empty, whitespace-only, binary and oversized files are skipped; JSON Lines,
CSV and TSV files over the size limit are read a line at a time instead, the limit holding per line.

Metadata fields are ``id``, ``title``, ``outlet``, ``url``, ``published`` and ``language``, the same in
every format. A publication date that is no date, or lies before 1900 or after tomorrow, skips its
article with the reason (see ``articles.parse_published``). Text in any language is passed through with
the ``language`` it declares: refusing what is not English is the pipeline's decision, not ingest's.
"""

from __future__ import annotations

import codecs
import io
import json
import logging
import sys
from collections.abc import Callable, Generator, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from whodid.ingest.articles import Skipped, Unreadable, build_article, require_text
from whodid.ingest.csv_articles import csv_articles
from whodid.ingest.decoding import decode, refuse_binary, refuse_control_characters
from whodid.ingest.feeds import feed_articles
from whodid.ingest.html_text import html_page
from whodid.records import Article

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_DELIMITERS = {".csv": ",", ".tsv": "\t"}
HTML_SUFFIXES = frozenset({".html", ".htm"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
# In the order messages list them.
_SUFFIX_ORDER = (".txt", ".jsonl", ".ndjson", ".csv", ".tsv", ".html", ".htm", ".rss", ".atom", ".xml")
INPUT_SUFFIXES = frozenset(_SUFFIX_ORDER)
_MARKUP_SUFFIXES = HTML_SUFFIXES | FEED_SUFFIXES  # documents that may declare their own encoding
STDIN = "-"
_SNIFF_BYTES = 64 * 1024  # what a streamed file's first read looks at, and the step over a long line
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # the UTF-32 marks start with these
STDIN_ORIGIN = "<stdin>"

# A file's articles from its path and decoded text, with the fallback publication date.
FileReader = Callable[[Path, str, date | None], Iterator[Article | Skipped]]


def read_articles(
    inputs: Iterable[str | Path] | str | Path,
    published: date | None = None,
    stdin: TextIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Skipped]:
    """Yield an ``Article`` for every readable article in ``inputs`` and a ``Skipped`` for the rest.

    ``inputs`` holds paths to files of the suffixes in ``INPUT_SUFFIXES``, folders (read recursively,
    hidden files left out), or ``"-"`` for stdin (plain text, or JSON Lines when it starts with ``{``).
    ``published`` is the publication date of articles whose input gives none. Files larger than
    ``max_bytes`` are skipped.
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    for item in inputs:
        if str(item) == STDIN:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, published, max_bytes)
        else:
            yield from _read_path(Path(item), published, max_bytes)


def _read_path(path: Path, published: date | None, max_bytes: int) -> Iterator[Article | Skipped]:
    if path.is_dir():
        yield from _read_folder(path, published, max_bytes)
    elif not path.exists():
        yield Skipped(str(path), "no such file or folder")
    else:
        yield from _read_file(path, published, max_bytes)


def _read_folder(folder: Path, published: date | None, max_bytes: int) -> Iterator[Article | Skipped]:
    files = sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and path.suffix.lower() in INPUT_SUFFIXES
        and not _is_hidden(path.relative_to(folder))
    )
    if not files:
        yield Skipped(str(folder), f"folder holds no {_suffix_list()} files")
    for path in files:
        yield from _read_file(path, published, max_bytes)


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _read_file(path: Path, published: date | None, max_bytes: int) -> Iterator[Article | Skipped]:
    suffix = path.suffix.lower()
    reader = _reader_for(suffix)
    if reader is None:
        yield Skipped(str(path), _unknown_suffix_reason(suffix))
        return
    if suffix in JSONL_SUFFIXES and _larger_than(path, max_bytes):
        yield from _streamed_jsonl(path, published, max_bytes)
        return
    if suffix in CSV_DELIMITERS and _larger_than(path, max_bytes):
        yield from _streamed_csv(path, published, max_bytes)
        return
    try:
        decoded = decode(_read_bytes(path, max_bytes), markup=suffix in _MARKUP_SUFFIXES)
        # Checked for every format: a blank JSONL or CSV file would otherwise give nothing at all.
        require_text(decoded.text)
    except Unreadable as problem:
        yield Skipped(str(path), str(problem))
        return
    if decoded.note:
        log.warning("%s: %s", path, decoded.note)
    yield from reader(path, decoded.text, published)


def _reader_for(suffix: str) -> FileReader | None:
    if suffix in TEXT_SUFFIXES:
        return _text_file_articles
    if suffix in JSONL_SUFFIXES:
        return _jsonl_file_articles
    if suffix in CSV_DELIMITERS:
        return _csv_file_articles
    if suffix in HTML_SUFFIXES:
        return _html_file_articles
    if suffix in FEED_SUFFIXES:
        return _feed_file_articles
    return None


def _suffix_list() -> str:
    return ", ".join(_SUFFIX_ORDER[:-1]) + f" or {_SUFFIX_ORDER[-1]}"


def _unknown_suffix_reason(suffix: str) -> str:
    if suffix == ".json":
        return "a .json file is read only as the sidecar of a .txt with the same stem, not as an input"
    shown = suffix or "no extension"
    return f"unknown file type ({shown}); expected {_suffix_list()}"


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            limit = _megabytes(max_bytes)
            raise Unreadable(f"file too large: {_megabytes(size)} MB, over the {limit} MB limit")
        data = path.read_bytes()
    except OSError as err:
        raise Unreadable(f"cannot read: {err.strerror or err}") from err
    if not data:
        raise Unreadable("empty file")
    return data


def _larger_than(path: Path, max_bytes: int) -> bool:
    try:
        return path.stat().st_size > max_bytes
    except OSError:
        return False  # the ordinary path reports why it cannot be read


def _streamed_jsonl(path: Path, published: date | None, max_bytes: int) -> Iterator[Article | Skipped]:
    """A JSON Lines file over the byte limit, read one line at a time: a corpus of any size in bounded
    memory. The limit then holds for each line, one article; each line is decoded by the common rule."""
    origin = str(path)
    handle = yield from _open_streamed(path, max_bytes, "a JSON Lines file")
    if handle is None:
        return
    with handle:
        number = 0
        while raw := handle.readline(max_bytes + 1):
            number += 1
            where = f"{origin}:{number}"
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                _skip_rest_of_line(handle)
                yield Skipped(
                    where, f"line {number}: over the {_megabytes(max_bytes)} MB limit for one article"
                )
                continue
            try:
                decoded = decode(raw)
            except Unreadable as problem:
                yield Skipped(where, f"line {number}: {problem}")
                continue
            if decoded.note:
                log.warning("%s: %s", where, decoded.note)
            yield from _jsonl_articles([decoded.text], path.stem, origin, published, first_number=number)


def _streamed_csv(path: Path, published: date | None, max_bytes: int) -> Iterator[Article | Skipped]:
    """A CSV or TSV file over the byte limit, read a line at a time (each line decoded by the common
    rule); the limit then holds for each field. A line that cannot be text ends the file's reading."""
    origin = str(path)
    handle = yield from _open_streamed(path, max_bytes, "a CSV or TSV file")
    if handle is None:
        return
    lines = _DecodedLines(handle, origin, max_bytes)
    delimiter = CSV_DELIMITERS[path.suffix.lower()]
    with handle:
        try:
            yield from csv_articles(lines, path.stem, origin, published, delimiter, longest=max_bytes)
        except Unreadable as problem:
            yield Skipped(f"{origin}:{lines.number}", f"line {lines.number}: {problem}; the rest is not read")


class _DecodedLines:
    """A binary file's lines as text, one at a time, with the number of the last one read. A line over
    the limit, or one that is no text, raises ``Unreadable``: a CSV row may run over several lines, so
    no line can be left out without changing the rows around it."""

    def __init__(self, handle: BinaryIO, origin: str, max_bytes: int) -> None:
        self.handle, self.origin, self.max_bytes, self.number = handle, origin, max_bytes, 0

    def __iter__(self) -> Iterator[str]:
        while raw := self.handle.readline(self.max_bytes + 1):
            self.number += 1
            if len(raw) > self.max_bytes and not raw.endswith(b"\n"):
                raise Unreadable(f"over the {_megabytes(self.max_bytes)} MB limit for one line")
            decoded = decode(raw)
            if decoded.note:
                log.warning("%s:%d: %s", self.origin, self.number, decoded.note)
            yield decoded.text


def _open_streamed(path: Path, max_bytes: int, kind: str) -> Generator[Skipped, None, BinaryIO | None]:
    """The file opened for reading a line at a time, past a UTF-8 mark; or None, having yielded why not
    (it cannot be opened, it looks binary, or it is UTF-16/32, which cannot be cut into lines as bytes)."""
    origin = str(path)
    try:
        handle = path.open("rb")
    except OSError as err:
        yield Skipped(origin, f"cannot read: {err.strerror or err}")
        return None
    head = handle.read(_SNIFF_BYTES)
    problem = None
    try:
        refuse_binary(head)
    except Unreadable as refused:
        problem = str(refused)
    if problem is None and any(head.startswith(mark) for mark in _WIDE_BOMS):
        problem = f"{kind} over {_megabytes(max_bytes)} MB must be UTF-8, not UTF-16/32"
    if problem is not None:
        handle.close()
        yield Skipped(origin, problem)
        return None
    handle.seek(len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0)
    return handle


def _skip_rest_of_line(handle: BinaryIO) -> None:
    while (chunk := handle.readline(_SNIFF_BYTES)) and not chunk.endswith(b"\n"):
        pass


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0")


# -- one reader per format -------------------------------------------------------------------------


def _text_file_articles(path: Path, text: str, published: date | None) -> Iterator[Article | Skipped]:
    origin = str(path)
    try:
        metadata = _read_sidecar(path)
        yield build_article(metadata, text, default_id=path.stem, origin=origin, published=published)
    except Unreadable as problem:
        yield Skipped(origin, str(problem))


def _jsonl_file_articles(path: Path, text: str, published: date | None) -> Iterator[Article | Skipped]:
    return _jsonl_articles(text.split("\n"), path.stem, str(path), published)


def _csv_file_articles(path: Path, text: str, published: date | None) -> Iterator[Article | Skipped]:
    delimiter = CSV_DELIMITERS[path.suffix.lower()]
    lines = io.StringIO(text, newline="")
    return csv_articles(lines, path.stem, str(path), published, delimiter, longest=len(text))


def _html_file_articles(path: Path, text: str, published: date | None) -> Iterator[Article | Skipped]:
    page = html_page(text)
    if not page.text.strip():
        yield Skipped(str(path), "no readable text (only markup, scripts, styles or navigation)")
        return
    metadata = {
        "title": page.title,
        "outlet": page.outlet,
        "url": page.url,
        "published": page.published,
        "language": page.language,
    }
    try:
        yield build_article(metadata, page.text, default_id=path.stem, origin=str(path), published=published)
    except Unreadable as problem:
        yield Skipped(str(path), str(problem))


def _feed_file_articles(path: Path, text: str, published: date | None) -> Iterator[Article | Skipped]:
    return feed_articles(text, path.stem, str(path), published)


def _read_sidecar(text_path: Path) -> dict[str, Any]:
    sidecar = text_path.with_suffix(".json")
    if not sidecar.is_file():
        return {}
    try:
        metadata = json.loads(decode(sidecar.read_bytes()).text)
    except (OSError, ValueError, Unreadable) as err:
        raise Unreadable(f"sidecar {sidecar.name}: cannot read: {err}") from err
    if not isinstance(metadata, dict):
        raise Unreadable(f"sidecar {sidecar.name}: expected a JSON object, got {type(metadata).__name__}")
    return metadata


def _jsonl_articles(
    lines: Iterable[str], stem: str, origin: str, published: date | None, first_number: int = 1
) -> Iterator[Article | Skipped]:
    for number, line in enumerate(lines, start=first_number):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = _parse_json_object(line)
            text = record.get("text")
            if text is None:
                raise Unreadable("no 'text' field")
            if not isinstance(text, str):
                raise Unreadable(f"'text' is not a string but {type(text).__name__}")
            require_text(text)
            default_id = f"{stem}-{number}"
            yield build_article(record, text, default_id=default_id, origin=where, published=published)
        except Unreadable as problem:
            yield Skipped(where, f"line {number}: {problem}")


def _parse_json_object(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise Unreadable(f"invalid JSON: {err.msg} (column {err.colno})") from err
    except RecursionError as err:
        raise Unreadable("invalid JSON: nested too deeply") from err
    except ValueError as err:  # the decoder's own limits, such as a number of over 4300 digits
        raise Unreadable(f"invalid JSON: {err}") from err
    if not isinstance(record, dict):
        raise Unreadable(f"expected a JSON object, got {type(record).__name__}")
    return record


def _read_stdin(stream: TextIO, published: date | None, max_bytes: int) -> Iterator[Article | Skipped]:
    try:
        # Read one character past the limit to know whether the limit was crossed.
        text = stream.read(max_bytes + 1)
    except UnicodeDecodeError:
        yield Skipped(STDIN_ORIGIN, "not UTF-8 text")
        return
    except OSError as err:
        yield Skipped(STDIN_ORIGIN, f"cannot read: {err}")
        return
    if len(text) > max_bytes:
        yield Skipped(STDIN_ORIGIN, f"input too large: over the {_megabytes(max_bytes)} MB limit")
        return
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        yield Skipped(STDIN_ORIGIN, "binary input (NUL bytes)")
    elif not text.strip():
        yield Skipped(STDIN_ORIGIN, "empty input")
    elif text.lstrip().startswith("{"):
        yield from _jsonl_articles(text.split("\n"), "stdin", STDIN_ORIGIN, published)
    else:
        yield from _stdin_text_article(text, published)


def _stdin_text_article(text: str, published: date | None) -> Iterator[Article | Skipped]:
    try:
        refuse_control_characters(text)
    except Unreadable as problem:
        yield Skipped(STDIN_ORIGIN, str(problem))
        return
    # A hash, not a bare "stdin", so two runs over different texts never share an article id.
    article = Article(id="stdin", text=text, published=published, origin=STDIN_ORIGIN)
    article.id = f"stdin-{article.content_hash[:12]}"
    yield article
