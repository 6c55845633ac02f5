"""Read articles from text files, sidecars, JSONL, folders and stdin.

Every problem with one input becomes a ``Skipped`` item naming the input and the reason, never an
exception: a corpus with one bad file or line still gets read.  Texts are kept exactly as decoded
(no newline or whitespace normalisation) because every span downstream is an offset into them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from whodid.records import Article

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
INPUT_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES
OPTIONAL_FIELDS = ("title", "outlet", "url", "language")
STDIN = "-"
STDIN_ORIGIN = "<stdin>"


@dataclass(slots=True, frozen=True)
class Skipped:
    """An input (or one line of it) that could not be read as an article, and why."""

    origin: str  # file name, "file.jsonl:12", "<stdin>"
    reason: str


class _Unreadable(Exception):
    """Internal: one input or field cannot be used; carries the human reason."""


def read_articles(
    inputs: Iterable[str | Path] | str | Path,
    published: date | None = None,
    stdin: TextIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Skipped]:
    """Yield an ``Article`` for every readable article in ``inputs`` and a ``Skipped`` for the rest.

    ``inputs`` holds paths to ``.txt``/``.jsonl``/``.ndjson`` files, folders, or ``"-"`` for stdin.
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
        yield Skipped(str(folder), "folder holds no .txt, .jsonl or .ndjson files")
    for path in files:
        yield from _read_file(path, published, max_bytes)


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _read_file(path: Path, published: date | None, max_bytes: int) -> Iterator[Article | Skipped]:
    suffix = path.suffix.lower()
    if suffix not in INPUT_SUFFIXES:
        yield Skipped(str(path), _unknown_suffix_reason(suffix))
        return
    try:
        data = _read_bytes(path, max_bytes)
    except _Unreadable as problem:
        yield Skipped(str(path), str(problem))
        return
    if suffix in TEXT_SUFFIXES:
        yield _text_file_article(path, data, published)
    else:
        yield from _jsonl_articles(data.split(b"\n"), path.stem, str(path), published)


def _unknown_suffix_reason(suffix: str) -> str:
    if suffix == ".json":
        return "a .json file is read only as the sidecar of a .txt with the same stem, not as an input"
    shown = suffix or "no extension"
    return f"unknown file type ({shown}); expected .txt, .jsonl or .ndjson"


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            limit = _megabytes(max_bytes)
            raise _Unreadable(f"file too large: {_megabytes(size)} MB, over the {limit} MB limit")
        data = path.read_bytes()
    except OSError as err:
        raise _Unreadable(f"cannot read: {err.strerror or err}") from err
    if not data:
        raise _Unreadable("empty file")
    if b"\x00" in data:
        raise _Unreadable("binary file (NUL bytes)")
    return data


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0")


def _decode(data: bytes) -> str:
    # utf-8-sig drops a leading BOM, which is not part of the text spans point into.
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise _Unreadable(f"not UTF-8 text (bad byte at offset {err.start})") from err


def _text_file_article(path: Path, data: bytes, published: date | None) -> Article | Skipped:
    origin = str(path)
    try:
        text = _require_text(_decode(data))
        metadata = _read_sidecar(path)
        return _build_article(metadata, text, default_id=path.stem, origin=origin, published=published)
    except _Unreadable as problem:
        return Skipped(origin, str(problem))


def _require_text(text: str) -> str:
    if not text.strip():
        raise _Unreadable("only whitespace, no text")
    return text


def _read_sidecar(text_path: Path) -> dict[str, Any]:
    sidecar = text_path.with_suffix(".json")
    if not sidecar.is_file():
        return {}
    try:
        metadata = json.loads(_decode(sidecar.read_bytes()))
    except (OSError, ValueError, _Unreadable) as err:
        raise _Unreadable(f"sidecar {sidecar.name}: cannot read: {err}") from err
    if not isinstance(metadata, dict):
        raise _Unreadable(f"sidecar {sidecar.name}: expected a JSON object, got {type(metadata).__name__}")
    return metadata


def _jsonl_articles(
    lines: Iterable[bytes | str], stem: str, origin: str, published: date | None
) -> Iterator[Article | Skipped]:
    for number, line in enumerate(lines, start=1):
        where = f"{origin}:{number}"
        try:
            if isinstance(line, bytes):
                line = _decode_line(line, first=number == 1)
            if not line.strip():
                continue
            record = _parse_json_object(line)
            text = record.get("text")
            if text is None:
                raise _Unreadable("no 'text' field")
            if not isinstance(text, str):
                raise _Unreadable(f"'text' is not a string but {type(text).__name__}")
            _require_text(text)
            default_id = f"{stem}-{number}"
            yield _build_article(record, text, default_id=default_id, origin=where, published=published)
        except _Unreadable as problem:
            yield Skipped(where, f"line {number}: {problem}")


def _decode_line(line: bytes, first: bool) -> str:
    try:
        return line.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as err:
        raise _Unreadable("not UTF-8 text") from err


def _parse_json_object(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise _Unreadable(f"invalid JSON: {err.msg} at column {err.colno}") from err
    if not isinstance(record, dict):
        raise _Unreadable(f"expected a JSON object, got {type(record).__name__}")
    return record


def _build_article(
    metadata: dict[str, Any], text: str, default_id: str, origin: str, published: date | None
) -> Article:
    """An article from its text and metadata; the metadata's date wins over the fallback ``published``."""
    own_date = _parse_published(metadata.get("published"))
    fields = {name: _optional_text(metadata, name) for name in OPTIONAL_FIELDS}
    return Article(
        id=_optional_text(metadata, "id") or default_id,
        text=text,
        published=own_date or published,
        origin=origin,
        **fields,
    )


def _optional_text(metadata: dict[str, Any], name: str) -> str | None:
    value = metadata.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise _Unreadable(f"{name}: expected text, got {type(value).__name__}")
    return str(value)


def _parse_published(value: object) -> date | None:
    """A date from ISO ``YYYY-MM-DD`` or a full ISO datetime (its date kept); None when absent.

    Anything else raises ``_Unreadable``, so the article is skipped rather than silently undated.
    """
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    if not isinstance(value, str):
        raise _Unreadable(f"published: not a date: {value!r}")
    cleaned = value.strip()
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(cleaned).date()
    except ValueError:
        raise _Unreadable(f"published: not a date: {value!r}") from None


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
        # A hash, not a bare "stdin", so two runs over different texts never share an article id.
        article = Article(id="stdin", text=text, published=published, origin=STDIN_ORIGIN)
        article.id = f"stdin-{article.content_hash[:12]}"
        yield article
