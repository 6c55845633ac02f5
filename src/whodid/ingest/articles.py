"""Building ``Article`` records from a text and its metadata, the same way for every input format.

Every reader hands its fields here, so ids, optional fields and publication dates follow one rule
whether they come from a sidecar, a JSONL line, a CSV row, an HTML page or a feed item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from whodid.records import Article

OPTIONAL_FIELDS = ("title", "outlet", "url", "language")
# No news article we read is older than this; date resolution refuses earlier years too.
EARLIEST_PUBLISHED = date(1900, 1, 1)
# A publication date may run one day ahead of the reader's clock: the outlet may sit east of it.
FUTURE_GRACE = timedelta(days=1)
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(slots=True, frozen=True)
class Skipped:
    """An input (or one line, row or item of it) that could not be read as an article, and why."""

    origin: str  # file name, "file.jsonl:12", "file.csv:7", "feed.rss:item 3", "<stdin>"
    reason: str


class Unreadable(Exception):
    """One input or field cannot be used; carries the human reason that becomes a ``Skipped``."""


def require_text(text: str) -> str:
    if not text.strip():
        raise Unreadable("only whitespace, no text")
    _refuse_surrogates("text", text)
    return text


def _refuse_surrogates(name: str, value: str) -> None:
    # A JSON escape such as "\ud800" with no pair decodes to half a character, which no encoding can
    # write: the article could be neither hashed nor stored.
    found = _SURROGATE.search(value)
    if found:
        raise Unreadable(f"{name}: holds an unpaired surrogate (U+{ord(found.group()):04X}), no character")


def build_article(
    metadata: dict[str, Any], text: str, default_id: str, origin: str, published: date | None
) -> Article:
    """An article from its text and metadata; the metadata's date wins over the fallback ``published``."""
    own_date = parse_published(metadata.get("published"))
    fields = {name: optional_text(metadata, name) for name in OPTIONAL_FIELDS}
    return Article(
        id=optional_text(metadata, "id") or default_id,
        text=text,
        published=own_date or published,
        origin=origin,
        **fields,
    )


def optional_text(metadata: dict[str, Any], name: str) -> str | None:
    value = metadata.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise Unreadable(f"{name}: expected text, got {type(value).__name__}")
    _refuse_surrogates(name, str(value))
    return str(value)


def parse_published(value: object) -> date | None:
    """A publication date; None when absent.

    Accepted: ISO ``YYYY-MM-DD``, a full ISO datetime, or an RFC 822 date as RSS writes it
    ("Tue, 05 Mar 2024 08:30:00 +0000"); of a datetime the date as written is kept, in the outlet's
    own time zone. Anything else, and any date before 1900 or after tomorrow, raises ``Unreadable``: the
    article is skipped with the reason rather than silently undated or misdated.
    """
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return _plausible(value.date() if isinstance(value, datetime) else value, value)
    if not isinstance(value, str):
        raise Unreadable(f"published: not a date: {value!r}")
    found = _iso_date(value.strip()) or _rfc822_date(value.strip())
    if found is None:
        raise Unreadable(f"published: not a date: {value!r}")
    return _plausible(found, value)


def _iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


def _rfc822_date(text: str) -> date | None:
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _plausible(found: date, written: object) -> date:
    if found < EARLIEST_PUBLISHED:
        raise Unreadable(f"published: {written!r} is before {EARLIEST_PUBLISHED.year}, not a news date")
    if found > date.today() + FUTURE_GRACE:
        raise Unreadable(f"published: {written!r} is in the future")
    return found
