"""Stores written by older versions of whodid are brought up to date when opened, and only once."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest

from whodid.errors import StoreError
from whodid.records import Actor, Article, Event, Evidence, Place, Quantity, Report, stable_id
from whodid.store import SCHEMA_VERSION, EventStore, StoredArticle
from whodid.store.backends import open_database
from whodid.store.event_store import MIGRATIONS
from whodid.store.migrate import migrate

LEAD = "Gunmen attacked an army checkpoint in Kirkuk on Monday, killing three soldiers."
OLD_TEXT = f"""{LEAD}
The attackers came in two trucks before dawn and fired on the guards, an officer said.
Soldiers fired back for an hour before the gunmen drove off towards the farms west of the city.
No group has said it carried out the attack, and the road stayed closed for most of the morning.
Council members asked for more patrols after a string of night raids on outlying villages.
The governor promised an inquiry and said more troops would reach the district within the week."""
# Another outlet's republication of the old article with its last line rewritten.
REPUBLISHED = OLD_TEXT.rsplit("\n", 1)[0] + "\nThe governor said an inquiry would begin at once."
OUTLET = "Daily Ledger"
PUBLISHED = date(2024, 3, 5)

# Version 1 as whodid wrote it: articles whose text was unique, and one row per coded event.
VERSION_1 = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version VALUES (1);
CREATE TABLE articles (
    id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL UNIQUE, title VARCHAR, url VARCHAR, outlet VARCHAR,
    published DATE, language VARCHAR, origin VARCHAR, text VARCHAR NOT NULL, ingested_at TIMESTAMP NOT NULL
);
CREATE SEQUENCE event_order;
CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, "type" VARCHAR NOT NULL, mode VARCHAR,
    cameo VARCHAR, quad_class INTEGER, goldstein DOUBLE, acled_event_type VARCHAR,
    acled_sub_event_type VARCHAR, "date" DATE, date_end DATE, date_precision VARCHAR, factuality VARCHAR,
    fatalities INTEGER, country VARCHAR, lat DOUBLE, lon DOUBLE, confidence DOUBLE, record JSON NOT NULL,
    added_order BIGINT NOT NULL DEFAULT nextval('event_order')
);
CREATE INDEX events_by_article ON events (article_id);
"""
TABLES = ("articles", "article_bands", "sentences", "mentions", "events", "actors", "event_actors", "places")


def old_event(event_id: str = "old", article_id: str = "a0", sentence: str = LEAD) -> Event:
    return Event(
        event_id=event_id,
        article_id=article_id,
        type="ASSAULT",
        evidence=Evidence(
            sentence=sentence, sentence_span=(0, len(sentence)), trigger_text="attacked", trigger_span=(7, 15)
        ),
        cameo="190",
        quad_class=4,
        goldstein=-10.0,
        source=[Actor(text="Gunmen", span=(0, 6), sector="REB")],
        target=[Actor(text="soldiers", span=(72, 80), country="IRQ", sector="MIL")],
        date=date(2024, 3, 4),
        date_precision="day",
        location=Place(
            text="Kirkuk", span=(38, 44), name="Kirkuk", country="IRQ", lat=35.4681, lon=44.3922, precision=1
        ),
        fatalities=Quantity(value=3, span=(59, 64), text="three"),
        confidence=0.8,
        reports=[Report(article_id=article_id, sentence_index=0, sentence_span=(0, len(sentence)))],
    )


OLD_ARTICLE_INSERT = (
    "INSERT INTO articles (id, content_hash, outlet, published, text, ingested_at) VALUES (?, ?, ?, ?, ?, ?)"
)


def old_article_row() -> list[Any]:
    """The one article an old store holds, as its versions 1 and 2 stored it."""
    return [
        "a0",
        hashlib.sha256(OLD_TEXT.encode()).hexdigest(),
        OUTLET,
        PUBLISHED,
        OLD_TEXT,
        datetime(2024, 3, 6),
    ]


def write_version_1(path: Path, record: dict[str, Any]) -> None:
    con = duckdb.connect(str(path))
    try:
        con.execute(VERSION_1)
        con.execute(OLD_ARTICLE_INSERT, old_article_row())
        columns = 'event_id, article_id, "type", "date", fatalities, country, lat, lon, record'
        insert = f"INSERT INTO events ({columns}) "
        con.execute(
            insert + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ["old", "a0", "ASSAULT", date(2024, 3, 4), 3, "IRQ", 35.4681, 44.3922, json.dumps(record)],
        )
        # A record too old to read (no type, no id) is kept as it was; nothing may trip over it later.
        con.execute(insert + "VALUES ('older', 'a0', 'ASSAULT', NULL, NULL, NULL, NULL, NULL, '{}')")
    finally:
        con.close()


def snapshot(store: EventStore) -> dict[str, Any]:
    """Everything an upgrade could change: the version, every table's size, every record."""
    return {
        "version": store.db.fetchall("SELECT version FROM schema_version"),
        **{table: store.db.fetchone(f"SELECT count(*) FROM {table}") for table in TABLES},
        "events": store.events(),
        "mentions": store.mentions(),
    }


def test_a_version_1_file_is_upgraded_to_the_latest_version(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    event = old_event()
    write_version_1(path, event.to_dict())

    with EventStore(path) as store:
        assert store.db.fetchall("SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
        assert (store.count_articles(), store.count_events(), store.count_mentions()) == (1, 2, 2)
        # The old event is now an event of one mention, the article's own record unchanged.
        assert store.mentions("old") == [event.to_dict()]
        merged = store.events()[0]
        assert merged["event_id"] == "old"
        assert merged["reports"] == [
            {
                "article_id": "a0",
                "sentence_index": 0,
                "sentence_span": [0, len(LEAD)],
                "outlet": OUTLET,
                "mention_id": "old",
                "copy_of": None,
            }
        ]
        assert (merged["independent_sources"], merged["conflicts"]) == (1, {})
        assert store.mentions("older") == [{}]
        row = store.db.fetchone(
            "SELECT ref_date, mention_count, article_count, independent_sources, place_name, arrested "
            "FROM events WHERE event_id = 'old'"
        )
        assert row == (date(2024, 3, 4), 1, 1, 1, "Kirkuk", None)
        # Its actors and place have their own rows now, and the article its sentence and signature.
        assert store.db.fetchall(
            'SELECT ea."role", ac.name, ac.country FROM event_actors ea JOIN actors ac '
            'ON ac.actor_key = ea.actor_key WHERE ea.event_id = ? ORDER BY ea."role"',
            ["old"],
        ) == [("source", "Gunmen", None), ("target", "soldiers", "IRQ")]
        assert store.db.fetchall("SELECT name, country FROM places") == [("Kirkuk", "IRQ")]
        assert store.db.fetchall("SELECT article_id, text FROM sentences") == [("a0", LEAD)]
        assert store.db.fetchall("SELECT octet_length(minhash), original_id FROM articles") == [
            (128 * 8, None)
        ]
        assert store.db.fetchone("SELECT count(*) FROM article_bands WHERE article_id = 'a0'") == (32,)
        upgraded = snapshot(store)

    with EventStore(path) as store:  # opening again changes nothing
        assert snapshot(store) == upgraded

        # What the upgrade filled in is what merging and copy detection look up.
        copy = Article(id="copy", text=REPUBLISHED, published=PUBLISHED, outlet="Evening Courier")
        result = store.store(copy, [old_event("copy-1", "copy")])
        assert result.original_id == "a0" and result.similarity is not None and result.similarity < 1
        assert result.joined_events == 1
        other = "Three soldiers died when gunmen hit a Kirkuk checkpoint on Monday, a made-up wire said."
        result = store.store(
            Article(id="wire", text=other, published=PUBLISHED, outlet="Night Wire"),
            [old_event("wire-1", "wire", other)],
        )
        assert result == StoredArticle(True, None, None, new_events=0, joined_events=1)
        assert store.events()[0]["independent_sources"] == 2  # the ledger (with its copy) and the wire
        # An exact copy repeats the old article's readable mention only.
        exact = Article(id="exact", text=OLD_TEXT, published=PUBLISHED, outlet="Morning Herald")
        assert store.store(exact, None) == StoredArticle(True, "a0", 1.0, new_events=0, joined_events=1)
        assert [record["event_id"] for record in store.mentions() if record.get("article_id") == "exact"] == [
            stable_id("exact", "old")
        ]
        assert store.events()[0]["independent_sources"] == 2


def write_version_2(location: str, record: dict[str, Any]) -> None:
    """A version 2 store on either engine, made by the migrations of the time."""
    db = open_database(location)
    try:
        migrate(db, MIGRATIONS[:2])
        db.execute(OLD_ARTICLE_INSERT, old_article_row())
        db.execute(
            'INSERT INTO events (event_id, article_id, "type", "date", fatalities, arrested, record) '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            ["old", "a0", "ASSAULT", date(2024, 3, 4), 3, 9, json.dumps(record)],
        )
    finally:
        db.close()


def test_a_version_2_store_is_upgraded_on_either_engine(store_location: str) -> None:
    event = old_event()
    event.arrested = Quantity(value=9, span=(90, 94), text="nine")
    write_version_2(store_location, event.to_dict())
    with EventStore(store_location) as store:
        assert store.db.fetchall("SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
        assert store.mentions() == [event.to_dict()]
        [merged] = store.events()
        assert [report["mention_id"] for report in merged["reports"]] == ["old"]
        row = store.db.fetchone(
            "SELECT arrested, mention_count, independent_sources, source_keys, target_keys FROM events"
        )
        assert row == (9, 1, 1, "name:gunmen", "cc:IRQ|name:soldiers")
        assert store.db.fetchone("SELECT count(*) FROM event_actors") == (2,)
        upgraded = snapshot(store)
    with EventStore(store_location) as store:
        assert snapshot(store) == upgraded


def test_a_store_newer_than_this_whodid_is_refused(store_location: str) -> None:
    with EventStore(store_location) as store:
        store.db.execute("DELETE FROM schema_version")
        store.db.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION + 1])
    with pytest.raises(StoreError, match="upgrade whodid"):
        EventStore(store_location)
    with pytest.raises(StoreError, match=f"schema version {SCHEMA_VERSION + 1}"):
        EventStore(store_location, read_only=True)
    # Refusing it left it as it was.
    db = open_database(store_location)
    try:
        assert db.fetchall("SELECT version FROM schema_version") == [(SCHEMA_VERSION + 1,)]
    finally:
        db.close()
