"""The DuckDB event store, on real files in tmp_path."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from whodid.errors import StoreError
from whodid.records import Actor, Article, Event, Evidence, Place, Quantity
from whodid.store import EventStore
from whodid.store.duckdb_store import SCHEMA_VERSION

TEXT = "Gunmen attacked a checkpoint near Kirkuk on Monday, killing two soldiers."


def make_article(text: str = TEXT, article_id: str = "kirkuk-1") -> Article:
    return Article(
        id=article_id, text=text, published=date(2024, 3, 5), outlet="Example News", origin="kirkuk.txt"
    )


def make_event(event_id: str = "ev1", article_id: str = "kirkuk-1") -> Event:
    return Event(
        event_id=event_id,
        article_id=article_id,
        type="ASSAULT",
        evidence=Evidence(
            sentence=TEXT, sentence_span=(0, len(TEXT)), trigger_text="attacked", trigger_span=(7, 15)
        ),
        cameo="190",
        quad_class=4,
        goldstein=-10.0,
        source=[Actor(text="Gunmen", span=(0, 6), sector="REB", acled_inter=3)],
        target=[Actor(text="soldiers", span=(65, 73), country="IRQ", sector="MIL", acled_inter=1)],
        date=date(2024, 3, 4),
        date_precision="day",
        location=Place(text="Kirkuk", span=(34, 40), name="Kirkuk", country="IRQ", lat=35.4681, lon=44.3922),
        fatalities=Quantity(value=2, span=(58, 61), text="two"),
        confidence=0.8,
    )


def test_add_stores_article_and_events(tmp_path: Path) -> None:
    events = [make_event("ev1"), make_event("ev2")]
    with EventStore(tmp_path / "w.duckdb") as store:
        assert store.add(make_article(), events) is True
        assert store.count_articles() == 1
        assert store.count_events() == 2
        assert store.has_article(make_article().content_hash)
        assert store.events() == [event.to_dict() for event in events]
        assert store.outlets() == {"kirkuk-1": "Example News"}


def test_re_adding_the_same_text_writes_nothing(tmp_path: Path) -> None:
    with EventStore(tmp_path / "w.duckdb") as store:
        store.add(make_article(), [make_event()])
        # Same text under another id (a second copy of the file): the content hash decides.
        assert store.add(make_article(article_id="copy"), [make_event("ev9", "copy")]) is False
        assert (store.count_articles(), store.count_events()) == (1, 1)


def test_a_failing_event_rolls_back_the_whole_article(tmp_path: Path) -> None:
    duplicate_ids = [make_event("same"), make_event("same")]
    with EventStore(tmp_path / "w.duckdb") as store:
        with pytest.raises(StoreError, match="kirkuk-1") as caught:
            store.add(make_article(), duplicate_ids)
        assert "nothing was written" in str(caught.value)
        assert (store.count_articles(), store.count_events()) == (0, 0)
        assert not store.has_article(make_article().content_hash)
        # The store is still usable after the failure.
        assert store.add(make_article(), [make_event("ok")]) is True
        assert (store.count_articles(), store.count_events()) == (1, 1)


def test_reopened_file_reads_back_what_was_written(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with EventStore(path) as store:
        store.add(make_article(), [make_event("ev1")])
        store.add(make_article("Another text.", "other"), [make_event("ev2", "other")])

    with EventStore(path) as store:
        assert (store.count_articles(), store.count_events()) == (2, 2)
        assert [record["event_id"] for record in store.events()] == ["ev1", "ev2"]
        assert store.add(make_article(), []) is False

    con = duckdb.connect(str(path), read_only=True)
    try:
        assert con.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
        row = con.execute(
            'SELECT "type", "date", fatalities, country, lat, quad_class FROM events WHERE event_id = ?',
            ["ev1"],
        ).fetchone()
        assert row == ("ASSAULT", date(2024, 3, 4), 2, "IRQ", 35.4681, 4)
        published = con.execute("SELECT published FROM articles WHERE id = ?", ["kirkuk-1"]).fetchone()
        assert published == (date(2024, 3, 5),)
    finally:
        con.close()


def test_article_without_events_is_stored(tmp_path: Path) -> None:
    with EventStore(tmp_path / "w.duckdb") as store:
        assert store.add(make_article(), []) is True
        assert (store.count_articles(), store.count_events()) == (1, 0)


def test_a_known_id_with_different_text_is_refused(tmp_path: Path) -> None:
    with EventStore(tmp_path / "w.duckdb") as store:
        store.add(make_article(), [make_event()])
        with pytest.raises(StoreError, match="kirkuk-1"):
            store.add(make_article("An edited text."), [make_event("ev2")])
        assert (store.count_articles(), store.count_events()) == (1, 1)


def test_unopenable_path_raises_store_error_naming_it(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(StoreError, match="a-folder"):
        EventStore(folder)

    not_a_database = tmp_path / "notes.duckdb"
    not_a_database.write_text("these are not the bytes of a database\n" * 200, encoding="utf-8")
    with pytest.raises(StoreError, match=r"notes\.duckdb"):
        EventStore(not_a_database)


def test_people_counts_survive_a_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    event = make_event()
    event.injured = Quantity(value=10, span=(80, 88), text="10 to 14", qualifier=None, upper=14)
    event.arrested = Quantity(value=9, span=(90, 94), text="nine")
    event.participants = Quantity(value=2000, span=(96, 105), text="thousands", approximate=True)
    with EventStore(path) as store:
        store.add(make_article(), [event])
    with EventStore(path) as store:
        [record] = store.events()
    assert record == event.to_dict()
    assert (record["injured"]["upper"], record["participants"]["approximate"]) == (14, True)

    con = duckdb.connect(str(path), read_only=True)
    try:
        row = con.execute("SELECT fatalities, injured, arrested, participants FROM events").fetchone()
        assert row == (2, 10, 9, 2000)
    finally:
        con.close()


VERSION_1_EVENTS = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version VALUES (1);
CREATE SEQUENCE event_order;
CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, "type" VARCHAR NOT NULL, mode VARCHAR,
    cameo VARCHAR, quad_class INTEGER, goldstein DOUBLE, acled_event_type VARCHAR,
    acled_sub_event_type VARCHAR, "date" DATE, date_end DATE, date_precision VARCHAR, factuality VARCHAR,
    fatalities INTEGER, country VARCHAR, lat DOUBLE, lon DOUBLE, confidence DOUBLE, record JSON NOT NULL,
    added_order BIGINT NOT NULL DEFAULT nextval('event_order')
);
CREATE INDEX events_by_article ON events (article_id);
INSERT INTO events (event_id, article_id, "type", fatalities, record)
    VALUES ('old', 'a0', 'ASSAULT', 3, '{}');
"""


def test_a_version_1_file_gains_the_people_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(VERSION_1_EVENTS)
    con.close()

    event = make_event("new")
    event.arrested = Quantity(value=9, span=(90, 94), text="nine")
    with EventStore(path) as store:
        assert store.add(make_article(), [event]) is True
    with EventStore(path) as store:  # opening again changes nothing
        assert store.count_events() == 2

    con = duckdb.connect(str(path), read_only=True)
    try:
        assert con.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
        rows = con.execute(
            "SELECT event_id, fatalities, arrested FROM events ORDER BY added_order"
        ).fetchall()
        assert rows == [("old", 3, None), ("new", 2, 9)]
    finally:
        con.close()
