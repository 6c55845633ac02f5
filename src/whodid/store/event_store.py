"""The event store: articles, the mentions coded from them, and the events those mentions report.

One schema on either engine (a DuckDB file by default, PostgreSQL given a URL). Articles are written in
batches, one transaction each, with their sentences, mentions and the events they join or start (see
`whodid.store.writer`), so a crash never leaves half an article; re-ingesting the same text from the
same address is a no-op.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from whodid.errors import StoreError
from whodid.records import Article, Event
from whodid.republication import Signature
from whodid.store import rows
from whodid.store.backends import Database, open_database
from whodid.store.candidates import CandidateCache
from whodid.store.migrate import Migration, current_version, migrate
from whodid.store.query import EventQuery
from whodid.store.writer import ArticleInfo, BatchWriter, Held, StoredArticle, stored_texts

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

MIGRATIONS = (
    Migration(1, "0001_articles_events.sql"),
    Migration(2, "0002_people_counts.sql"),
    Migration(3, "0003_events_of_many_reports.sql", rows.backfill_version_3),
    Migration(4, "0004_ingest_errors.sql"),
)
ERROR_STAGES = ("read", "code", "store")
ERROR_COLUMNS = ("origin", "article_id", "stage", "reason", "attempts", "first_seen", "last_seen")
SCHEMA_VERSION = MIGRATIONS[-1].version
_WHOLE_NUMBERS = ("quad_class", "fatalities", "injured", "arrested", "participants", "geo_precision",
                  "mention_count", "article_count", "independent_sources")  # fmt: skip
# The events table's columns a data frame shows (the actors' names are added from the record).
FRAME_COLUMNS = (
    "event_id", "type", "mode", "cameo", "quad_class", "goldstein", "acled_event_type",
    "acled_sub_event_type", "date", "date_end", "date_precision", "factuality", "fatalities", "injured",
    "arrested", "participants", "place_name", "admin1", "country", "lat", "lon", "geo_precision",
    "mention_count", "article_count", "independent_sources", "confidence", "article_id",
)  # fmt: skip


def error_origin(article: Article) -> str:
    """The name an article's failures are noted under: where it was read from, else its id."""
    return article.origin or article.id


class EventStore:
    """Articles, mentions and events in a DuckDB file (``":memory:"`` for a throwaway store) or on a
    PostgreSQL server (``postgresql://user:password@host/db``)."""

    def __init__(self, location: str | Path = "whodid.duckdb", read_only: bool = False) -> None:
        self.location = str(location)
        self.db: Database = open_database(location, read_only=read_only)
        # Outlet, original and publication date of the articles whose mentions were lately read or
        # written: every source count needs them, and they never change once stored.
        self._articles: dict[str, ArticleInfo] = {}
        self._candidates = CandidateCache()
        try:
            if read_only:
                self._check_readable()
            else:
                migrate(self.db, MIGRATIONS)
                self.db.set_up_for_writing()
        except self.db.errors as err:
            self.db.close()
            raise StoreError(f"cannot set up the event store at {self.db.location}: {err}") from err
        except StoreError:
            self.db.close()
            raise

    def _check_readable(self) -> None:
        version = current_version(self.db)
        if version != SCHEMA_VERSION:
            found = "no whodid schema" if version is None else f"schema version {version}"
            raise StoreError(
                f"the event store at {self.db.location} has {found}; this whodid reads version "
                f"{SCHEMA_VERSION} (run an ingest into it once to create or upgrade it)"
            )

    # -- writing -------------------------------------------------------------------------------------

    def held(self, articles: Sequence[Article]) -> list[Held]:
        """What the store already holds of each article, asked in two statements for all of them: an
        ingest reads a corpus ahead in chunks and parses only what this does not settle. Raises
        ``StoreError`` when the store cannot be read."""
        try:
            texts = stored_texts(self.db, articles)
        except self.db.errors as err:
            raise StoreError(f"cannot read what {self.db.location} holds: {err}") from err
        return [texts.held(article) for article in articles]

    def is_stored(self, article: Article) -> bool:
        """Whether this text from this address is already stored (its ingest needs no parse)."""
        return self.held([article])[0].stored

    def exact_original(self, article: Article) -> str | None:
        """The stored original of an article with this very text from another address, if any."""
        return self.held([article])[0].original

    def has_article(self, content_hash: str) -> bool:
        """Whether any stored article has this text."""
        return self.db.fetchone("SELECT 1 FROM articles WHERE content_hash = ?", [content_hash]) is not None

    def add(self, article: Article, events: Sequence[Event]) -> bool:
        """Store an article and its coded events in one transaction; False when already stored."""
        return self.store(article, events).stored

    def store(self, article: Article, events: Sequence[Event] | None) -> StoredArticle:
        """Store an article with its events. With `events` None the article must be an exact copy of a
        stored one (see `exact_original`), whose mentions it then repeats without being parsed.

        Raises ``StoreError``, with nothing written, when the rows cannot be stored."""
        return self.store_batch([(article, events)])[0]

    def store_batch(
        self,
        batch: Sequence[tuple[Article, Sequence[Event] | None]],
        signatures: Mapping[str, Signature] | None = None,
    ) -> list[StoredArticle]:
        """Store several articles in one transaction, in order: all of them, or (raising ``StoreError``)
        none. Batches of a few dozen articles write many times faster than one at a time. `signatures`
        maps content hashes to MinHash signatures already computed (by the processes that coded them).

        A batch that runs into the engine's memory limit is rolled back and tried again under a higher
        limit (see `Database.more_memory`)."""
        while True:
            try:
                return self._write_batch(batch, signatures)
            except self.db.errors as err:
                if not self.db.more_memory(err):
                    names = ", ".join(repr(article.id) for article, _ in batch[:3])
                    names += " ..." if len(batch) > 3 else ""
                    origin = f" (from {batch[0][0].origin})" if len(batch) == 1 and batch[0][0].origin else ""
                    raise StoreError(
                        f"could not store article {names}{origin} in {self.db.location}; "
                        f"nothing was written: {err}"
                    ) from err

    def _write_batch(
        self,
        batch: Sequence[tuple[Article, Sequence[Event] | None]],
        signatures: Mapping[str, Signature] | None,
    ) -> list[StoredArticle]:
        writer = BatchWriter(self.db, self._articles, self._candidates)
        try:
            with self.db.transaction():
                started = self._candidates.batch_started(self.db)
                writer.look_up([article for article, _ in batch], signatures)
                outcomes = [writer.add(article, events) for article, events in batch]
                writer.flush()
                self._clear_errors([article for article, _ in batch])
        except BaseException:
            self._forget(writer)
            self._candidates.forget_all()  # a failed COMMIT may still have written: check before trusting
            raise
        try:
            self._candidates.batch_committed(self.db, started, len(writer.mention_rows), writer.written())
        except self.db.errors as err:  # the batch is stored; only the cache cannot be trusted
            log.warning("starting the store's cache of events afresh: %s", err)
            self._candidates.forget_all()
        return outcomes

    def record_error(self, origin: str, stage: str, reason: str, article_id: str | None = None) -> None:
        """Note that an input failed at `stage` (read, code or store); a second failure of the same input
        updates its row and counts the attempt. Never raises: a failure to note one is only logged."""
        if stage not in ERROR_STAGES:
            raise ValueError(f"stage must be one of {', '.join(ERROR_STAGES)}, not {stage!r}")
        now = datetime.now(UTC).replace(tzinfo=None)
        try:
            with self.db.transaction():
                self.db.execute(
                    "INSERT INTO ingest_errors VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT (origin) DO UPDATE "
                    "SET article_id = excluded.article_id, stage = excluded.stage, reason = excluded.reason, "
                    "attempts = ingest_errors.attempts + 1, last_seen = excluded.last_seen",
                    [origin, article_id, stage, reason, now, now],
                )
        except self.db.errors as err:
            log.warning("could not note the failure of %s in %s: %s", origin, self.db.location, err)

    def _clear_errors(self, articles: Sequence[Article]) -> None:
        """Inside a batch's transaction: its inputs are stored now, so their past failures are over."""
        origins = [error_origin(article) for article in articles]
        marks = ", ".join("?" for _ in origins)
        self.db.execute(f"DELETE FROM ingest_errors WHERE origin IN ({marks})", origins)

    def errors(self) -> list[dict[str, Any]]:
        """The inputs that failed and have not been stored since, in the order they first failed."""
        return [
            dict(zip(ERROR_COLUMNS, row, strict=True))
            for row in self.db.fetchall(
                f"SELECT {', '.join(ERROR_COLUMNS)} FROM ingest_errors ORDER BY first_seen, origin"
            )
        ]

    def _forget(self, writer: BatchWriter) -> None:
        """A batch rolled back: its articles were never stored."""
        for article_id in writer.ids:
            self._articles.pop(article_id, None)

    # -- reading ---------------------------------------------------------------------------------------

    def count_articles(self) -> int:
        return self._count("articles")

    def count_events(self) -> int:
        return self._count("events")

    def count_mentions(self) -> int:
        return self._count("mentions")

    def _count(self, table: str) -> int:
        row = self.db.fetchone(f"SELECT count(*) FROM {table}")
        return int(row[0]) if row else 0

    def events(self) -> list[dict[str, Any]]:
        """Every stored event record, merged from its mentions, in the order events were first stored."""
        return list(self.iter_records("SELECT record FROM events ORDER BY added_order"))

    def mentions(self, event_id: str | None = None) -> list[dict[str, Any]]:
        """The mention records (each article's own coding), of one event or of all, in stored order."""
        if event_id is None:
            return list(self.iter_records("SELECT record FROM mentions ORDER BY added_order"))
        return list(
            self.iter_records(
                "SELECT record FROM mentions WHERE event_id = ? ORDER BY added_order", [event_id]
            )
        )

    def iter_records(self, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        for (record,) in self.db.fetchall(sql, params):
            yield rows.load_json(record)

    def query(self, query: EventQuery | None = None) -> list[dict[str, Any]]:
        """The records of the events that pass the query's filters."""
        sql, params = (query or EventQuery()).sql("record")
        return list(self.iter_records(sql, params))

    def query_frame(self, query: EventQuery | None = None) -> pd.DataFrame:
        """The events that pass the filters as a pandas DataFrame: one row per event, flat columns."""
        import pandas as pd

        sql, params = (query or EventQuery()).sql(
            ", ".join(f'"{name}"' for name in FRAME_COLUMNS) + ", record"
        )
        names, found = self.db.fetch_columns(sql, params)
        frame = pd.DataFrame([row[:-1] for row in found], columns=names[:-1])
        for name in _WHOLE_NUMBERS:  # counts stay whole numbers where some are missing
            frame[name] = frame[name].astype("Int64")
        records = [rows.load_json(row[-1]) for row in found]
        for side in ("source", "target"):
            frame[side] = ["; ".join(actor_names(record.get(side))) for record in records]
        return frame

    def sql(self, statement: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """Any SQL on the store, as a pandas DataFrame (open the store read-only for untrusted SQL)."""
        import pandas as pd

        try:
            names, found = self.db.fetch_columns(statement, params)
        except self.db.errors as err:
            raise StoreError(f"the query failed on {self.db.location}: {err}") from err
        return pd.DataFrame(found, columns=names)

    def outlets(self) -> dict[str, str]:
        """Article id -> outlet, for the articles whose outlet is known (the ACLED ``source`` column)."""
        return dict(self.db.fetchall("SELECT id, outlet FROM articles WHERE outlet IS NOT NULL"))

    def article(self, article_id: str) -> dict[str, Any] | None:
        names, found = self.db.fetch_columns(
            "SELECT id, title, url, outlet, published, language, origin, original_id, copy_similarity, text "
            "FROM articles WHERE id = ?",
            [article_id],
        )
        return dict(zip(names, found[0], strict=True)) if found else None

    def copies(self) -> dict[str, list[tuple[str, float]]]:
        """Original article id -> its stored copies (id, similarity), in stored order."""
        grouped: dict[str, list[tuple[str, float]]] = {}
        for article_id, original_id, similarity in self.db.fetchall(
            "SELECT id, original_id, copy_similarity FROM articles WHERE original_id IS NOT NULL "
            "ORDER BY added_order"
        ):
            grouped.setdefault(original_id, []).append((article_id, similarity))
        return grouped

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def actor_names(actors: list[dict[str, Any]] | None) -> list[str]:
    """The names of a record's actors as a reader knows them: the KB's name, else the text's words."""
    return [actor.get("name") or actor.get("text") or "" for actor in actors or []]
