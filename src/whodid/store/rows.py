"""Records as table rows and back: the one place that knows the store's columns."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from whodid import republication
from whodid.consolidate import Facts, Source, actor_keys, combine, normal_name, sentence_index
from whodid.records import Article, as_date, quantity_value
from whodid.store.backends import Database

_ARTICLE_COLUMNS = (
    "id", "ingest_key", "content_hash", "title", "url", "outlet", "published", "language", "origin", "text",
    "ingested_at", "original_id", "copy_similarity", "minhash",
)  # fmt: skip
EVENT_COLUMNS = (
    "event_id", "article_id", "type", "mode", "cameo", "quad_class", "goldstein", "acled_event_type",
    "acled_sub_event_type", "date", "date_end", "date_precision", "factuality", "fatalities", "injured",
    "arrested", "participants", "country", "lat", "lon", "confidence", "record", "ref_date", "geo_precision",
    "place_name", "admin1", "source_keys", "target_keys", "mention_count", "article_count",
    "independent_sources", "place_key",
)  # fmt: skip
_MENTION_COLUMNS = (
    "mention_id", "event_id", "article_id", "sentence_index", "type", "factuality", "date", "country", "lat",
    "lon", "fatalities", "record",
)  # fmt: skip
_ACTOR_FIELDS = ("country", "sector", "acled_inter")
_PLACE_FIELDS = ("country", "admin1", "lat", "lon", "precision")
_COUNTS = ("fatalities", "injured", "arrested", "participants")


def _quoted(columns: Sequence[str]) -> str:
    return ", ".join(f'"{column}"' for column in columns)


def _insert(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({_quoted(columns)}) VALUES ({', '.join('?' for _ in columns)})"


def _head(table: str, columns: Sequence[str]) -> str:
    """The start of a many-row INSERT (see Database.insert_rows)."""
    return f"INSERT INTO {table} ({_quoted(columns)}) VALUES"


ARTICLES_HEAD = _head("articles", _ARTICLE_COLUMNS)
EVENTS_HEAD = _head("events", EVENT_COLUMNS)
EVENTS_WITH_ORDER_HEAD = _head("events", (*EVENT_COLUMNS, "added_order"))
MENTIONS_HEAD = _head("mentions", _MENTION_COLUMNS)
BANDS_HEAD = _head("article_bands", ("band", "bucket", "article_id"))
SENTENCES_HEAD = _head("sentences", ("article_id", "index", "start_char", "end_char", "text"))
SENTENCES_TAIL = 'ON CONFLICT (article_id, "index") DO NOTHING'
_ACTORS_HEAD = _head("actors", ("actor_key", "actor_id", "name", "country", "sector", "acled_inter"))
_EVENT_ACTORS_HEAD = _head("event_actors", ("event_id", "role", "actor_key"))
_PLACES_HEAD = _head(
    "places", ("place_key", "geonameid", "name", "country", "admin1", "lat", "lon", "precision")
)
UPDATE_EVENT = (
    "UPDATE events SET "
    + ", ".join(f'"{column}" = ?' for column in EVENT_COLUMNS[1:])
    + " WHERE event_id = ?"
)
# What matching reads of a stored event (see facts_from_row).
FACT_COLUMNS = (
    'event_id, "type", factuality, "date", date_precision, lat, lon, geo_precision, country, source_keys, '
    "target_keys, fatalities"
)


def ingest_key(article: Article) -> str:
    """What an ingest must not store twice: this text, from this outlet and address."""
    return f"{article.content_hash}|{article.outlet or ''}|{article.url or ''}"


def article_row(
    article: Article, original_id: str | None, similarity: float | None, signature: Any
) -> list[Any]:
    ingested_at = datetime.now(UTC).replace(tzinfo=None)
    described = [
        article.title,
        article.url,
        article.outlet,
        article.published,
        article.language,
        article.origin,
    ]
    return [
        article.id,
        ingest_key(article),
        article.content_hash,
        *described,
        article.text,
        ingested_at,
        original_id,
        similarity,
        republication.signature_bytes(signature),
    ]


def sentence_rows(article_id: str, records: Sequence[Mapping[str, Any]]) -> list[list[Any]]:
    found: dict[int, list[Any]] = {}
    for record in records:
        index = sentence_index(record)
        evidence = record.get("evidence") or {}
        span = evidence.get("sentence_span")
        if index is None or not span or index in found:
            continue
        found[index] = [article_id, index, span[0], span[1], evidence.get("sentence") or ""]
    return list(found.values())


def mention_row(record: Mapping[str, Any], event_id: str) -> list[Any]:
    location = record.get("location") or {}
    return [
        record["event_id"], event_id, record["article_id"], sentence_index(record), record["type"],
        record.get("factuality"), as_date(record.get("date")), location.get("country"), location.get("lat"),
        location.get("lon"), quantity_value(record, "fatalities"), dump_json(record),
    ]  # fmt: skip


def event_row(record: Mapping[str, Any], ref_date: date | None, article_count: int) -> list[Any]:
    """The events row of a merged record, in EVENT_COLUMNS order."""
    location = record.get("location") or {}
    return [
        record["event_id"], record["article_id"], record["type"], record.get("mode"), record.get("cameo"),
        record.get("quad_class"), record.get("goldstein"), record.get("acled_event_type"),
        record.get("acled_sub_event_type"), as_date(record.get("date")), as_date(record.get("date_end")),
        record.get("date_precision"), record.get("factuality"), *(quantity_value(record, n) for n in _COUNTS),
        location.get("country"), location.get("lat"), location.get("lon"), record.get("confidence"),
        dump_json(record), ref_date, location.get("precision"), location.get("name") or location.get("text"),
        location.get("admin1"), _keys(record.get("source")), _keys(record.get("target")),
        len(record.get("reports") or []), article_count, record.get("independent_sources") or 1,
        place_key(location) if location else None,
    ]  # fmt: skip


def facts_from_row(row: Sequence[Any]) -> tuple[str, Facts]:
    (
        event_id,
        event_type,
        factuality,
        when,
        precision,
        lat,
        lon,
        geo_precision,
        country,
        sources,
        targets,
        dead,
    ) = row
    return event_id, Facts(
        type=event_type,
        factuality=factuality or "asserted",
        date=when,
        date_precision=precision,
        lat=lat,
        lon=lon,
        precision=geo_precision,
        country=country,
        sources=_split_keys(sources),
        targets=_split_keys(targets),
        fatalities=dead,
    )


def band_rows(article_id: str, signature: Any) -> list[tuple[int, int, str]]:
    return [(band, bucket, article_id) for band, bucket in republication.band_keys(signature)]


def write_links(db: Database, records: Sequence[Mapping[str, Any]], rewritten: Sequence[str]) -> None:
    """The events' actors and places in their own tables. Rows shared by events are written once; the
    links of `rewritten` (events stored before) change only where their actors did."""
    actors: dict[str, list[Any]] = {}
    places: dict[str, list[Any]] = {}
    links: set[tuple[str, str, str]] = set()
    for record in records:
        for role in ("source", "target"):
            for actor in record.get(role) or []:
                key = actor_key(actor)
                actors[key] = [key, actor.get("actor_id"), _label(actor), *_fields(actor, _ACTOR_FIELDS)]
                links.add((record["event_id"], role, key))
        location = record.get("location")
        if location:
            key = place_key(location)
            places[key] = [
                key,
                _text(location.get("geonameid")),
                _label(location),
                *_fields(location, _PLACE_FIELDS),
            ]
    stored: set[tuple[str, str, str]] = set()
    if rewritten:
        marks = ", ".join("?" for _ in rewritten)
        sql = f'SELECT event_id, "role", actor_key FROM event_actors WHERE event_id IN ({marks})'
        stored = {tuple(row) for row in db.fetchall(sql, list(rewritten))}
        for gone in sorted(stored - links):
            db.execute('DELETE FROM event_actors WHERE event_id = ? AND "role" = ? AND actor_key = ?', gone)
    db.insert_rows(_ACTORS_HEAD, list(actors.values()), "ON CONFLICT (actor_key) DO NOTHING")
    db.insert_rows(_EVENT_ACTORS_HEAD, sorted(links - stored))
    db.insert_rows(_PLACES_HEAD, list(places.values()), "ON CONFLICT (place_key) DO NOTHING")


def actor_key(actor: Mapping[str, Any]) -> str:
    if actor.get("actor_id"):
        return str(actor["actor_id"])
    return f"text:{normal_name(actor.get('name') or actor.get('text') or '')}|{actor.get('country') or ''}"


def place_key(location: Mapping[str, Any]) -> str:
    if location.get("geonameid"):
        return f"geonames:{location['geonameid']}"
    name = normal_name(location.get("name") or location.get("text") or "")
    return f"place:{name}|{location.get('country') or ''}|{location.get('precision') or ''}"


def load_json(value: Any) -> dict[str, Any]:
    """A JSON column as a dict: DuckDB hands back text, psycopg the parsed value."""
    return json.loads(value) if isinstance(value, (str, bytes)) else dict(value)


def dump_json(record: Mapping[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, default=str)


def backfill_version_3(db: Database) -> None:
    """Fill what version 3 added from a version 2 store's rows: each stored event becomes one event of one
    mention, and each article gets its MinHash signature (old articles stay originals)."""
    for article_id, text in db.fetchall("SELECT id, text FROM articles ORDER BY added_order"):
        signature = republication.signature(text)
        db.execute(
            "UPDATE articles SET minhash = ? WHERE id = ?",
            [republication.signature_bytes(signature), article_id],
        )
        db.insert_rows(BANDS_HEAD, band_rows(article_id, signature))
    for mention_id, record_json, outlet, published in db.fetchall(
        "SELECT m.mention_id, m.record, a.outlet, a.published FROM mentions m "
        "LEFT JOIN articles a ON a.id = m.article_id ORDER BY m.added_order"
    ):
        record = load_json(record_json)
        if "type" not in record or "event_id" not in record:
            continue  # a record too old to read: it keeps its columns, not its merged form
        db.execute(
            "UPDATE mentions SET sentence_index = ? WHERE mention_id = ?",
            [sentence_index(record), mention_id],
        )
        db.insert_rows(SENTENCES_HEAD, sentence_rows(record["article_id"], [record]), SENTENCES_TAIL)
        merged = combine([(record, Source(record["article_id"], outlet, None, None))], mention_id)
        values = event_row(merged, as_date(merged.get("date")) or published, 1)
        db.execute(UPDATE_EVENT, [*values[1:], values[0]])  # the id goes last, in the WHERE
        write_links(db, [merged], rewritten=[mention_id])


def _keys(actors: Sequence[Mapping[str, Any]] | None) -> str:
    return "|".join(sorted(actor_keys(actors or [])))


def _split_keys(joined: str | None) -> frozenset[str]:
    return frozenset(key for key in (joined or "").split("|") if key)


def _label(item: Mapping[str, Any]) -> str:
    return item.get("name") or item.get("text") or ""


def _fields(item: Mapping[str, Any], names: Sequence[str]) -> list[Any]:
    return [item.get(name) for name in names]


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
