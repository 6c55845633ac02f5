"""The event store: articles and their events in one DuckDB file.

Re-ingesting is idempotent, keyed on the article's content hash, and each article is written in one
transaction with its events, so a failure never leaves an article without its events.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from whodid.errors import StoreError
from whodid.records import Article, Event, Quantity

SCHEMA_VERSION = 2  # 2: injured, arrested and participants columns

_ARTICLE_COLUMNS = (
    "id", "content_hash", "title", "url", "outlet", "published", "language", "origin", "text", "ingested_at",
)  # fmt: skip
_EVENT_COLUMNS = (
    "event_id", "article_id", "type", "mode", "cameo", "quad_class", "goldstein", "acled_event_type",
    "acled_sub_event_type", "date", "date_end", "date_precision", "factuality", "fatalities", "injured",
    "arrested", "participants", "country", "lat", "lon", "confidence", "record",
)  # fmt: skip


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    quoted = ", ".join(f'"{column}"' for column in columns)
    placeholders = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({quoted}) VALUES ({placeholders})"


_INSERT_ARTICLE = _insert_sql("articles", _ARTICLE_COLUMNS)
_INSERT_EVENT = _insert_sql("events", _EVENT_COLUMNS)


class EventStore:
    """Articles and events in a DuckDB file (``":memory:"`` for a throwaway store)."""

    def __init__(self, path: str | Path = "whodid.duckdb") -> None:
        self.path = str(path)
        try:
            self._con = duckdb.connect(self.path)
        except duckdb.Error as err:
            raise StoreError(f"cannot open the event store at {self.path}: {err}") from err
        try:
            self._create_schema()
        except duckdb.Error as err:
            self._con.close()
            raise StoreError(f"cannot set up the event store at {self.path}: {err}") from err
        except StoreError:
            self._con.close()
            raise

    def _create_schema(self) -> None:
        schema = resources.files("whodid.store").joinpath("schema.sql").read_text(encoding="utf-8")
        self._con.execute(schema)
        row = self._con.execute("SELECT max(version) FROM schema_version").fetchone()
        version = row[0] if row else None
        if version is None:
            self._con.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION])
        elif version < SCHEMA_VERSION:
            # schema.sql has just brought the tables up to date; record it.
            self._con.execute("UPDATE schema_version SET version = ?", [SCHEMA_VERSION])
        elif version > SCHEMA_VERSION:
            raise StoreError(
                f"the event store at {self.path} has schema version {version}, newer than this whodid "
                f"reads ({SCHEMA_VERSION}); upgrade whodid"
            )

    def has_article(self, content_hash: str) -> bool:
        row = self._con.execute("SELECT 1 FROM articles WHERE content_hash = ?", [content_hash]).fetchone()
        return row is not None

    def add(self, article: Article, events: Sequence[Event]) -> bool:
        """Store an article and its events in one transaction.

        Returns False, writing nothing, when an article with the same text is already stored.
        Raises ``StoreError`` (with nothing written) when the rows cannot be inserted.
        """
        content_hash = article.content_hash
        self._con.execute("BEGIN TRANSACTION")
        try:
            if self.has_article(content_hash):
                self._rollback()
                return False
            self._con.execute(_INSERT_ARTICLE, _article_row(article, content_hash))
            if events:
                self._con.executemany(_INSERT_EVENT, [_event_row(event) for event in events])
            self._con.execute("COMMIT")
        except duckdb.Error as err:
            self._rollback()
            origin = f" (from {article.origin})" if article.origin else ""
            raise StoreError(
                f"could not store article {article.id!r}{origin} in {self.path}; nothing was written: {err}"
            ) from err
        except BaseException:
            self._rollback()
            raise
        return True

    def _rollback(self) -> None:
        # A failed COMMIT may already have ended the transaction; the original error is the one to report.
        with contextlib.suppress(duckdb.Error):
            self._con.execute("ROLLBACK")

    def count_articles(self) -> int:
        return self._count("articles")

    def count_events(self) -> int:
        return self._count("events")

    def _count(self, table: str) -> int:
        row = self._con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def events(self) -> list[dict[str, Any]]:
        """Every stored event record (``Event.to_dict()`` form), in the order they were added."""
        rows = self._con.execute("SELECT record FROM events ORDER BY added_order").fetchall()
        return [json.loads(record) for (record,) in rows]

    def outlets(self) -> dict[str, str]:
        """Article id -> outlet, for the articles whose outlet is known (the ACLED ``source`` column)."""
        rows = self._con.execute("SELECT id, outlet FROM articles WHERE outlet IS NOT NULL").fetchall()
        return dict(rows)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _article_row(article: Article, content_hash: str) -> list[Any]:
    ingested_at = datetime.now(UTC).replace(tzinfo=None)
    return [
        article.id, content_hash, article.title, article.url, article.outlet, article.published,
        article.language, article.origin, article.text, ingested_at,
    ]  # fmt: skip


def _event_row(event: Event) -> list[Any]:
    location = event.location
    return [
        event.event_id,
        event.article_id,
        event.type,
        event.mode,
        event.cameo,
        event.quad_class,
        event.goldstein,
        event.acled_event_type,
        event.acled_sub_event_type,
        event.date,
        event.date_end,
        event.date_precision,
        event.factuality,
        _value(event.fatalities),
        _value(event.injured),
        _value(event.arrested),
        _value(event.participants),
        location.country if location else None,
        location.lat if location else None,
        location.lon if location else None,
        event.confidence,
        json.dumps(event.to_dict(), ensure_ascii=False),
    ]


def _value(quantity: Quantity | None) -> int | None:
    return quantity.value if quantity else None
