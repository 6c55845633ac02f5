"""The event store on both engines: a DuckDB file and a fresh PostgreSQL schema (see `store_location`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from whodid.errors import StoreError
from whodid.geo import haversine_km
from whodid.records import Actor, Article, Event, Evidence, Place, Quantity, Report, stable_id
from whodid.store import SCHEMA_VERSION, EventStore, StoredArticle
from whodid.store.backends import is_postgres_url
from whodid.store.event_store import FRAME_COLUMNS
from whodid.store.query import EventQuery, Near

PUBLISHED = date(2024, 3, 5)
MONDAY = date(2024, 3, 4)
LEDGER = "Daily Ledger"
COURIER = "Evening Courier"


@dataclass(frozen=True, slots=True)
class Town:
    name: str
    country: str
    lat: float
    lon: float


KIRKUK = Town("Kirkuk", "IRQ", 35.4681, 44.3922)
# 2.7 degrees of latitude south of Kirkuk: some 300 km away, in the same country.
SOUTHERN_TOWN = Town("Southern Town", "IRQ", 32.7681, 44.3922)
MOSUL = Town("Mosul", "IRQ", 36.3400, 43.1300)
BASRA = Town("Basra", "IRQ", 30.5085, 47.7804)
ALEPPO = Town("Aleppo", "SYR", 36.2021, 37.1343)

LEDGER_TEXT = (
    "Gunmen attacked an army checkpoint in Kirkuk on Monday, killing four soldiers, an officer said."
)
COURIER_TEXT = "Two soldiers died on Monday when armed men opened fire on a checkpoint at the edge of Kirkuk."


def gunmen() -> list[Actor]:
    return [Actor(text="Gunmen", span=(0, 6), sector="REB", acled_inter=3)]


def soldiers() -> list[Actor]:
    return [Actor(text="soldiers", span=(60, 68), country="IRQ", sector="MIL", acled_inter=1)]


def make_event(
    event_id: str,
    article_id: str,
    sentence: str = LEDGER_TEXT,
    *,
    sentence_index: int = 0,
    sentence_start: int = 0,
    event_type: str = "ASSAULT",
    day: date | None = MONDAY,
    town: Town | None = KIRKUK,
    fatalities: int | None = 2,
    factuality: str = "asserted",
    source: list[Actor] | None = None,
    target: list[Actor] | None = None,
    acled: tuple[str, str] | None = None,
) -> Event:
    """An event as the pipeline would code it from one sentence of one article."""
    span = (sentence_start, sentence_start + len(sentence))
    trigger = sentence.split()[1]
    trigger_start = sentence.index(trigger)
    return Event(
        event_id=event_id,
        article_id=article_id,
        type=event_type,
        evidence=Evidence(
            sentence=sentence,
            sentence_span=span,
            trigger_text=trigger,
            trigger_span=(trigger_start, trigger_start + len(trigger)),
        ),
        cameo="190",
        quad_class=4,
        goldstein=-10.0,
        acled_event_type=acled[0] if acled else None,
        acled_sub_event_type=acled[1] if acled else None,
        source=gunmen() if source is None else source,
        target=soldiers() if target is None else target,
        date=day,
        date_precision="day" if day else None,
        location=(
            Place(
                text=town.name,
                span=(30, 30 + len(town.name)),
                name=town.name,
                country=town.country,
                lat=town.lat,
                lon=town.lon,
                precision=1,
            )
            if town
            else None
        ),
        fatalities=Quantity(value=fatalities, span=(50, 54), text=str(fatalities)) if fatalities else None,
        factuality=factuality,
        confidence=0.8,
        reports=[Report(article_id=article_id, sentence_index=sentence_index, sentence_span=span)],
    )


def make_article(
    article_id: str,
    text: str = LEDGER_TEXT,
    outlet: str | None = LEDGER,
    url: str | None = None,
    published: date | None = PUBLISHED,
) -> Article:
    return Article(
        id=article_id, text=text, published=published, outlet=outlet, url=url, origin=f"{article_id}.txt"
    )


def alone(event: Event, outlet: str | None) -> dict[str, Any]:
    """The event record the store makes of a single mention: the mention itself, reported once."""
    record = event.to_dict()
    record["reports"] = [
        {
            "article_id": event.article_id,
            "sentence_index": event.reports[0].sentence_index,
            "sentence_span": list(event.evidence.sentence_span),
            "outlet": outlet,
            "mention_id": event.event_id,
            "copy_of": None,
        }
    ]
    record["independent_sources"] = 1
    record["conflicts"] = {}
    return record


def counts(store: EventStore) -> tuple[int, int, int]:
    return store.count_articles(), store.count_events(), store.count_mentions()


def ids(records: list[dict[str, Any]]) -> list[str]:
    return [record["event_id"] for record in records]


# -- writing and reading back ----------------------------------------------------------------------------

TWO_SENTENCES = LEDGER_TEXT + " Hundreds of teachers marched through Mosul on Sunday to demand their pay."


def two_happenings() -> list[Event]:
    """One article, two sentences, two different happenings (an attack and a protest)."""
    second = TWO_SENTENCES[len(LEDGER_TEXT) + 1 :]
    return [
        make_event("ev1", "kirkuk-1", LEDGER_TEXT),
        make_event(
            "ev2",
            "kirkuk-1",
            second,
            sentence_index=1,
            sentence_start=len(LEDGER_TEXT) + 1,
            event_type="PROTEST",
            day=date(2024, 3, 3),
            town=MOSUL,
            fatalities=None,
            source=[Actor(text="teachers", span=(0, 8), sector="EDU")],
            target=[],
        ),
    ]


def test_add_stores_the_article_its_mentions_and_events(store_location: str) -> None:
    article = make_article("kirkuk-1", TWO_SENTENCES)
    events = two_happenings()
    with EventStore(store_location) as store:
        assert store.add(article, events) is True
        assert counts(store) == (1, 2, 2)
        assert store.is_stored(article)
        assert store.has_article(article.content_hash)
        assert store.mentions() == [event.to_dict() for event in events]
        assert store.mentions("ev2") == [events[1].to_dict()]
        assert store.events() == [alone(event, LEDGER) for event in events]
        assert store.outlets() == {"kirkuk-1": LEDGER}
        stored = store.article("kirkuk-1")
        assert stored is not None
        assert (stored["text"], stored["published"], stored["original_id"]) == (
            TWO_SENTENCES,
            PUBLISHED,
            None,
        )
        assert store.article("missing") is None
        # The sentences behind the mentions are kept with their place in the text.
        sentences = store.db.fetchall(
            'SELECT "index", start_char, end_char, text FROM sentences WHERE article_id = ? ORDER BY "index"',
            ["kirkuk-1"],
        )
        assert sentences == [
            (0, 0, len(LEDGER_TEXT), LEDGER_TEXT),
            (1, len(LEDGER_TEXT) + 1, len(TWO_SENTENCES), TWO_SENTENCES[len(LEDGER_TEXT) + 1 :]),
        ]


def test_two_sentences_of_one_article_about_one_attack_make_one_event(store_location: str) -> None:
    later = "The four soldiers were killed at the Kirkuk checkpoint, the army said."
    text = f"{LEDGER_TEXT} {later}"
    first = make_event("ev1", "kirkuk-1", LEDGER_TEXT, fatalities=4)
    second = make_event("ev2", "kirkuk-1", later, sentence_index=1, sentence_start=len(LEDGER_TEXT) + 1)
    with EventStore(store_location) as store:
        result = store.store(make_article("kirkuk-1", text), [first, second])
        assert (result.new_events, result.joined_events) == (1, 0)
        assert counts(store) == (1, 1, 2)
        [event] = store.events()
        assert event["event_id"] == "ev1"
        assert [report["sentence_index"] for report in event["reports"]] == [0, 1]
        assert event["independent_sources"] == 1  # one article is one source, however often it says so
        assert event["fatalities"]["value"] == 2


def test_re_adding_the_same_text_from_the_same_address_writes_nothing(store_location: str) -> None:
    with EventStore(store_location) as store:
        store.add(make_article("kirkuk-1"), [make_event("ev1", "kirkuk-1")])
        # The same text from the same outlet under another id (a second copy of the file) is known.
        again = make_article("copy-of-file")
        assert store.is_stored(again)
        assert store.add(again, [make_event("ev9", "copy-of-file")]) is False
        assert store.store(again, [make_event("ev9", "copy-of-file")]) == StoredArticle(stored=False)
        assert counts(store) == (1, 1, 1)


def test_a_failing_event_rolls_back_the_whole_article(store_location: str) -> None:
    with EventStore(store_location) as store:
        store.add(
            make_article("earlier", COURIER_TEXT, COURIER), [make_event("kept", "earlier", COURIER_TEXT)]
        )
        before = counts(store)
        duplicate_ids = [make_event("same", "kirkuk-1"), make_event("same", "kirkuk-1")]
        with pytest.raises(StoreError, match="kirkuk-1") as caught:
            store.add(make_article("kirkuk-1"), duplicate_ids)
        assert "nothing was written" in str(caught.value)
        assert counts(store) == before
        assert not store.is_stored(make_article("kirkuk-1"))
        # Every table of the article was rolled back, not only the articles and events.
        for table in ("article_bands", "sentences"):
            row = store.db.fetchone(f"SELECT count(*) FROM {table} WHERE article_id = ?", ["kirkuk-1"])
            assert row == (0,), table
        # The store is still usable after the failure.
        assert store.add(make_article("kirkuk-1"), [make_event("ok", "kirkuk-1")]) is True
        assert store.count_articles() == before[0] + 1
        assert "ok" in {record["event_id"] for record in store.mentions()}


def test_a_reopened_store_reads_back_what_was_written(store_location: str) -> None:
    other_text = "Another made-up report of a raid on a village near Basra on Monday."
    with EventStore(store_location) as store:
        store.add(make_article("kirkuk-1"), [make_event("ev1", "kirkuk-1")])
        store.add(
            make_article("other", other_text, COURIER),
            [make_event("ev2", "other", other_text, town=BASRA)],
        )

    with EventStore(store_location) as store:
        assert counts(store) == (2, 2, 2)
        assert ids(store.events()) == ["ev1", "ev2"]
        assert store.add(make_article("kirkuk-1"), []) is False
        assert store.db.fetchall("SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
        row = store.db.fetchone(
            'SELECT "type", "date", fatalities, country, lat, quad_class, ref_date FROM events '
            "WHERE event_id = ?",
            ["ev1"],
        )
        assert row == ("ASSAULT", MONDAY, 2, "IRQ", 35.4681, 4, MONDAY)
        assert store.db.fetchone("SELECT published FROM articles WHERE id = ?", ["kirkuk-1"]) == (PUBLISHED,)


def test_an_article_without_events_is_stored(store_location: str) -> None:
    with EventStore(store_location) as store:
        assert store.store(make_article("kirkuk-1"), []) == StoredArticle(stored=True)
        assert counts(store) == (1, 0, 0)
        assert store.events() == [] and store.query() == []


def test_a_known_id_with_different_text_is_refused(store_location: str) -> None:
    with EventStore(store_location) as store:
        store.add(make_article("kirkuk-1"), [make_event("ev1", "kirkuk-1")])
        with pytest.raises(StoreError, match="kirkuk-1"):
            store.add(make_article("kirkuk-1", "An edited text."), [make_event("ev2", "kirkuk-1")])
        assert counts(store) == (1, 1, 1)


def test_an_unopenable_duckdb_path_raises_store_error_naming_it(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(StoreError, match="a-folder"):
        EventStore(folder)

    not_a_database = tmp_path / "notes.duckdb"
    not_a_database.write_text("these are not the bytes of a database\n" * 200, encoding="utf-8")
    with pytest.raises(StoreError, match=r"notes\.duckdb"):
        EventStore(not_a_database)

    missing = tmp_path / "missing.duckdb"
    with pytest.raises(StoreError, match=r"missing\.duckdb"):
        EventStore(missing, read_only=True)
    assert not missing.exists()  # reading never creates a store


def test_an_unreachable_postgres_server_raises_store_error_without_the_password() -> None:
    # Port 1 on loopback refuses at once: no server is needed to see how the failure is reported.
    url = "postgresql://someone:hush-hush@127.0.0.1:1/nowhere"
    with pytest.raises(StoreError, match=re.escape("postgresql://someone@127.0.0.1:1/nowhere")) as caught:
        EventStore(url)
    assert "hush-hush" not in str(caught.value)


def test_a_throwaway_store_lives_in_memory() -> None:
    with EventStore(":memory:") as store:
        assert store.add(make_article("kirkuk-1"), [make_event("ev1", "kirkuk-1")]) is True
        assert counts(store) == (1, 1, 1)


def test_people_counts_survive_a_round_trip(store_location: str) -> None:
    event = make_event("ev1", "kirkuk-1")
    event.injured = Quantity(value=10, span=(80, 88), text="10 to 14", qualifier=None, upper=14)
    event.arrested = Quantity(value=9, span=(90, 94), text="nine")
    event.participants = Quantity(value=2000, span=(96, 105), text="thousands", approximate=True)
    with EventStore(store_location) as store:
        store.add(make_article("kirkuk-1"), [event])
    with EventStore(store_location) as store:
        [record] = store.events()
        [mention] = store.mentions()
        row = store.db.fetchone("SELECT fatalities, injured, arrested, participants FROM events")
    assert mention == event.to_dict()
    assert record == alone(event, LEDGER)
    assert (record["injured"]["upper"], record["participants"]["approximate"]) == (14, True)
    assert row == (2, 10, 9, 2000)


def test_actors_and_places_are_stored_once_for_every_event_naming_them(store_location: str) -> None:
    week_later = "Gunmen attacked the same Kirkuk checkpoint again a week later, killing a soldier."
    with EventStore(store_location) as store:
        store.add(make_article("kirkuk-1"), [make_event("ev1", "kirkuk-1")])
        store.add(
            make_article("kirkuk-2", week_later),
            [make_event("ev2", "kirkuk-2", week_later, day=date(2024, 3, 11), fatalities=1)],
        )
        assert store.count_events() == 2
        assert store.db.fetchall("SELECT name, country FROM actors ORDER BY name") == [
            ("Gunmen", None),
            ("soldiers", "IRQ"),
        ]
        assert store.db.fetchall("SELECT name, country, lat, lon FROM places") == [
            ("Kirkuk", "IRQ", 35.4681, 44.3922)
        ]
        links = store.db.fetchall(
            'SELECT ea.event_id, ea."role", ac.name FROM event_actors ea '
            'JOIN actors ac ON ac.actor_key = ea.actor_key ORDER BY ea.event_id, ea."role"'
        )
        assert links == [
            ("ev1", "source", "Gunmen"),
            ("ev1", "target", "soldiers"),
            ("ev2", "source", "Gunmen"),
            ("ev2", "target", "soldiers"),
        ]


# -- one happening told by many articles ------------------------------------------------------------------


def test_two_outlets_reporting_one_attack_make_one_event(store_location: str) -> None:
    first = make_event("ledger-1", "ledger", LEDGER_TEXT, fatalities=4)
    second = make_event("courier-1", "courier", COURIER_TEXT, fatalities=2)
    with EventStore(store_location) as store:
        assert store.store(make_article("ledger"), [first]) == StoredArticle(True, new_events=1)
        result = store.store(make_article("courier", COURIER_TEXT, COURIER), [second])
        # Two accounts of one attack in different words: the second joins, and is no copy.
        assert result == StoredArticle(True, original_id=None, similarity=None, new_events=0, joined_events=1)
        assert counts(store) == (2, 1, 2)
        [event] = store.events()
        assert event["event_id"] == "ledger-1"
        assert [(report["mention_id"], report["outlet"]) for report in event["reports"]] == [
            ("ledger-1", LEDGER),
            ("courier-1", COURIER),
        ]
        assert event["independent_sources"] == 2
        assert event["fatalities"]["value"] == 2  # the lower figure, as ACLED counts
        assert event["conflicts"] == {"fatalities": [4, 2]}
        # Each article's own coding is kept as it was.
        assert store.mentions("ledger-1") == [first.to_dict(), second.to_dict()]
        row = store.db.fetchone(
            "SELECT fatalities, mention_count, article_count, independent_sources FROM events"
        )
        assert row == (2, 2, 2, 2)


def test_one_outlet_reporting_an_attack_twice_is_one_source(store_location: str) -> None:
    with EventStore(store_location) as store:
        store.add(make_article("ledger-a"), [make_event("a-1", "ledger-a", LEDGER_TEXT)])
        store.add(make_article("ledger-b", COURIER_TEXT), [make_event("b-1", "ledger-b", COURIER_TEXT)])
        [event] = store.events()
        assert len(event["reports"]) == 2
        assert event["independent_sources"] == 1
        assert store.db.fetchone("SELECT article_count, independent_sources FROM events") == (2, 1)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"town": SOUTHERN_TOWN}, id="300-km-away-the-same-day"),
        pytest.param({"day": date(2024, 3, 11)}, id="same-town-a-week-later"),
        pytest.param({"event_type": "PROTEST"}, id="another-type-same-town-and-day"),
    ],
)
def test_what_cannot_be_the_same_happening_stays_a_separate_event(
    store_location: str, change: dict[str, Any]
) -> None:
    assert haversine_km(KIRKUK.lat, KIRKUK.lon, SOUTHERN_TOWN.lat, SOUTHERN_TOWN.lon) == pytest.approx(300, 1)
    with EventStore(store_location) as store:
        store.add(make_article("ledger"), [make_event("ledger-1", "ledger")])
        result = store.store(
            make_article("courier", COURIER_TEXT, COURIER),
            [make_event("courier-1", "courier", COURIER_TEXT, **change)],
        )
        assert (result.new_events, result.joined_events) == (1, 0)
        assert counts(store) == (2, 2, 2)
        assert [event["independent_sources"] for event in store.events()] == [1, 1]


# -- republished copies ----------------------------------------------------------------------------------

PROTEST_SENTENCE = "Hundreds of traders marched to the governor's office in Kirkuk on Monday afternoon."
BULLETIN = f"{LEDGER_TEXT} {PROTEST_SENTENCE}"


def bulletin_events(article_id: str) -> list[Event]:
    return [
        make_event(f"{article_id}-attack", article_id, LEDGER_TEXT),
        make_event(
            f"{article_id}-march",
            article_id,
            PROTEST_SENTENCE,
            sentence_index=1,
            sentence_start=len(LEDGER_TEXT) + 1,
            event_type="PROTEST",
            fatalities=None,
            source=[Actor(text="traders", span=(12, 19), sector="BUS")],
            target=[],
        ),
    ]


def test_an_exact_copy_repeats_its_originals_mentions_without_new_sources(store_location: str) -> None:
    original = make_article("orig", BULLETIN, LEDGER, url="https://ledger.example/1")
    copy = make_article("copy", BULLETIN, COURIER, url="https://courier.example/9")
    with EventStore(store_location) as store:
        store.add(original, bulletin_events("orig"))
        assert store.exact_original(copy) == "orig"
        assert not store.is_stored(copy)
        result = store.store(copy, None)
        assert result == StoredArticle(True, "orig", 1.0, new_events=0, joined_events=2)
        assert counts(store) == (2, 2, 4)
        for event in store.events():
            assert [(report["article_id"], report["copy_of"]) for report in event["reports"]] == [
                ("orig", None),
                ("copy", "orig"),
            ]
            assert event["independent_sources"] == 1  # a copy is its original's voice, not a new one
        repeated = [record for record in store.mentions() if record["article_id"] == "copy"]
        assert [record["event_id"] for record in repeated] == [
            stable_id("copy", "orig-attack"),
            stable_id("copy", "orig-march"),
        ]
        assert {report["outlet"] for record in repeated for report in record["reports"]} == {COURIER}
        stored = store.article("copy")
        assert stored is not None and stored["original_id"] == "orig"
        # Storing the copy again is a no-op; a copy of the copy points at the first original.
        assert store.store(copy, None) == StoredArticle(stored=False)
        third = make_article("third", BULLETIN, "Morning Herald", url="https://herald.example/3")
        assert store.store(third, None).original_id == "orig"
        assert store.copies() == {"orig": [("copy", 1.0), ("third", 1.0)]}
        assert [event["independent_sources"] for event in store.events()] == [1, 1]
        # An account of its own from yet another outlet is a second source for the attack only.
        store.add(
            make_article("courier", COURIER_TEXT, COURIER), [make_event("own", "courier", COURIER_TEXT)]
        )
        assert [event["independent_sources"] for event in store.events()] == [2, 1]


def test_only_an_exact_copy_may_be_stored_without_its_events(store_location: str) -> None:
    with EventStore(store_location) as store:
        store.add(make_article("orig", BULLETIN), bulletin_events("orig"))
        stranger = make_article("stranger", COURIER_TEXT, COURIER)
        assert store.exact_original(stranger) is None
        with pytest.raises(StoreError, match="stranger"):
            store.store(stranger, None)
        assert counts(store) == (1, 2, 2)
        assert store.copies() == {}


STORY = """Gunmen attacked an army checkpoint on the southern edge of Kirkuk early on Monday, killing four \
soldiers and wounding two others, a police officer said.
The attackers arrived in two pickup trucks shortly before dawn and opened fire on the guards at the \
checkpoint, which controls the road to the nearby market town.
Soldiers returned fire for nearly an hour before the gunmen withdrew towards the farmland to the west, \
the officer said, speaking on condition of anonymity because he was not allowed to talk to reporters.
No group has said it carried out the attack. Security forces closed the road for most of the morning and \
searched several villages along the irrigation canal.
A local council member said residents had asked for more patrols after a series of night raids on \
outlying farms in recent weeks.
"People here are tired of being afraid on their own roads," she said, adding that many families had \
stopped sending their children to the school beside the checkpoint.
The provincial governor promised an inquiry and said reinforcements would be sent to the district \
before the end of the week.
Hospital staff said the two wounded soldiers were in a stable condition."""

# Another outlet's edit of the same story: a reworded lead, one word changed, the last line dropped.
EDITED_STORY = (
    STORY.replace("early on Monday", "before dawn on Monday")
    .replace("a police officer said", "police told the Courier")
    .replace("nearly an hour", "almost an hour")
    .rsplit("\n", 1)[0]
)


def test_a_lightly_edited_republication_is_found_as_a_near_copy(store_location: str) -> None:
    assert 180 <= len(STORY.split()) <= 240 and EDITED_STORY != STORY
    lead, edited_lead = STORY.split("\n", 1)[0], EDITED_STORY.split("\n", 1)[0]
    original = make_event("orig-1", "orig", lead)
    # The copy's reworded lead was coded without its place and date: only its being a copy of the
    # original, whose sentence it repeats, can tie it to the original's event.
    copied = make_event("copy-1", "copy", edited_lead, town=None, day=None)
    with EventStore(store_location) as store:
        store.add(make_article("orig", STORY), [original])
        result = store.store(make_article("copy", EDITED_STORY, COURIER), [copied])
        assert result.original_id == "orig"
        assert result.similarity is not None and 0.6 <= result.similarity < 1.0
        assert (result.new_events, result.joined_events) == (0, 1)
        [event] = store.events()
        assert event["independent_sources"] == 1
        assert [report["copy_of"] for report in event["reports"]] == [None, "orig"]
        assert event["location"]["name"] == "Kirkuk"  # the original's place is the better specified
        stored = store.article("copy")
        assert stored is not None and stored["copy_similarity"] == pytest.approx(result.similarity)
        # A text on the same attack in other words is no copy, and a near copy cannot skip coding.
        assert store.store(make_article("other", COURIER_TEXT, "Morning Herald"), []).original_id is None
        with pytest.raises(StoreError, match="not a copy"):
            store.store(make_article("edit-2", EDITED_STORY + " Updated.", "Night Wire"), None)


# -- queries ---------------------------------------------------------------------------------------------


def stock(location: str) -> None:
    """Five events, one article each, stored in this order; a second outlet also reports the first."""
    described: dict[str, dict[str, Any]] = {
        "kirkuk": {
            "source": [
                Actor(text="IS fighters", span=(0, 11), name="Islamic State", actor_id="kb:islamic-state")
            ],
            "acled": ("Battles", "Armed clash"),
        },
        "mosul": {
            "event_type": "PROTEST",
            "day": date(2024, 3, 10),
            "town": MOSUL,
            "fatalities": None,
            "source": [Actor(text="teachers", span=(0, 8), name="Teachers' Union of Nineveh", sector="EDU")],
            "target": [Actor(text="the government", span=(20, 34), country="IRQ", sector="GOV")],
            "acled": ("Protests", "Peaceful protest"),
        },
        "aleppo": {
            "day": date(2024, 4, 1),
            "town": ALEPPO,
            "fatalities": 7,
            # Named without its country, so only the country column can find it by "SYR".
            "source": [Actor(text="warplanes", span=(0, 9), name="Government Air Force", country="SYR")],
            "target": [Actor(text="a market", span=(20, 28), sector="CVL")],
            "acled": ("Explosions/Remote violence", "Air/drone strike"),
        },
        "basra": {
            "day": date(2024, 3, 20),
            "town": BASRA,
            "factuality": "denied",
            "source": [
                Actor(
                    text="the army", span=(0, 8), name="Iraqi Army", actor_id="kb:iraqi-army", country="IRQ"
                )
            ],
            "target": [Actor(text="villagers", span=(20, 29), sector="CVL")],
        },
        "undated": {
            "event_type": "THREATEN",
            "day": None,
            "town": None,
            "fatalities": None,
            "source": [Actor(text="O'Neill", span=(0, 7), name="Mr O'Neill")],
            "target": [],
        },
    }
    with EventStore(location) as store:
        for number, (key, fields) in enumerate(described.items()):
            text = f"Made-up report number {number} about {key}, written for the query tests."
            article_id = f"a-{key}"
            event = make_event(key, article_id, text, **fields)
            store.add(make_article(article_id, text, f"Outlet {number}"), [event])
        store.add(
            make_article("b-kirkuk", COURIER_TEXT, COURIER),
            [make_event("kirkuk-again", "b-kirkuk", COURIER_TEXT)],
        )


@pytest.fixture
def stocked(store_location: str) -> str:
    stock(store_location)
    return store_location


ALL = ["kirkuk", "mosul", "aleppo", "basra", "undated"]


# (what it shows, the query, the events it finds in order)
QUERIES: list[tuple[str, EventQuery, list[str]]] = [
    ("everything-in-stored-order", EventQuery(), ALL),
    ("plover-type", EventQuery(types=("PROTEST",)), ["mosul"]),
    ("plover-type-many", EventQuery(types=("ASSAULT",)), ["kirkuk", "aleppo", "basra"]),
    ("acled-type", EventQuery(types=("Battles",)), ["kirkuk"]),
    ("acled-sub-type", EventQuery(types=("Air/drone strike",)), ["aleppo"]),
    ("types-or", EventQuery(types=("Battles", "PROTEST")), ["kirkuk", "mosul"]),
    ("actor-name-part", EventQuery(actor="islamic"), ["kirkuk"]),
    ("actor-name-case-blind", EventQuery(actor="NINEVEH"), ["mosul"]),
    ("actor-kb-id", EventQuery(actor="kb:iraqi-army"), ["basra"]),
    ("actor-country", EventQuery(actor="syr"), ["aleppo"]),
    ("actor-country-many", EventQuery(actor="IRQ"), ["kirkuk", "mosul", "basra"]),
    ("actor-with-quote", EventQuery(actor="Teachers' Union"), ["mosul"]),
    ("actor-with-quote-2", EventQuery(actor="o'neill"), ["undated"]),
    ("actor-with-percent", EventQuery(actor="100% sure"), []),
    ("country", EventQuery(country="syr"), ["aleppo"]),
    ("country-many", EventQuery(country="IRQ"), ["kirkuk", "mosul", "basra"]),
    ("from", EventQuery(date_from=date(2024, 3, 10)), ["mosul", "aleppo", "basra"]),
    ("to", EventQuery(date_to=date(2024, 3, 10)), ["kirkuk", "mosul"]),
    ("from-to", EventQuery(date_from=date(2024, 3, 5), date_to=date(2024, 3, 31)), ["mosul", "basra"]),
    ("near-50-km", EventQuery(near=Near(KIRKUK.lat, KIRKUK.lon, 50)), ["kirkuk"]),
    ("near-200-km", EventQuery(near=Near(KIRKUK.lat, KIRKUK.lon, 200)), ["kirkuk", "mosul"]),
    ("near-nothing", EventQuery(near=Near(0.0, 0.0, 500)), []),
    ("min-sources", EventQuery(min_sources=2), ["kirkuk"]),
    ("factuality", EventQuery(factuality=("denied",)), ["basra"]),
    ("factuality-2", EventQuery(factuality=("asserted",)), ["kirkuk", "mosul", "aleppo", "undated"]),
    ("combined", EventQuery(types=("ASSAULT",), country="IRQ", factuality=("asserted",)), ["kirkuk"]),
    ("limit", EventQuery(limit=2), ["kirkuk", "mosul"]),
    ("limit-offset", EventQuery(limit=2, offset=2), ["aleppo", "basra"]),
    ("offset", EventQuery(offset=4), ["undated"]),
    ("limit-0", EventQuery(limit=0), []),
    ("by-date", EventQuery(order_by_date=True), ["kirkuk", "mosul", "basra", "aleppo", "undated"]),
    ("by-date-paged", EventQuery(order_by_date=True, limit=2, offset=1), ["mosul", "basra"]),
]


def test_query_filters(stocked: str) -> None:
    # One stocked store for every query: a mismatch shows under its label in the dict comparison.
    with EventStore(stocked) as store:
        found = {label: ids(store.query(query)) for label, query, _ in QUERIES}
        [kirkuk] = store.query(EventQuery(min_sources=2))
        assert kirkuk == store.events()[0]  # the merged record, as events() gives it
        assert [report["mention_id"] for report in kirkuk["reports"]] == ["kirkuk", "kirkuk-again"]
    assert found == {label: expected for label, _, expected in QUERIES}


def test_query_frame_has_one_flat_row_per_event(stocked: str) -> None:
    with EventStore(stocked) as store:
        frame = store.query_frame()
        empty = store.query_frame(EventQuery(country="NOR"))
    assert list(frame.columns) == [*FRAME_COLUMNS, "source", "target"]
    assert list(frame["event_id"]) == ALL
    whole = ["quad_class", "fatalities", "injured", "participants", "mention_count", "independent_sources"]
    for name in whole:
        assert str(frame[name].dtype) == "Int64", name
    for name in ("lat", "lon", "goldstein", "confidence"):
        assert str(frame[name].dtype) == "float64", name
    kirkuk = frame.iloc[0]
    assert (kirkuk["type"], kirkuk["acled_sub_event_type"], kirkuk["date"]) == (
        "ASSAULT",
        "Armed clash",
        MONDAY,
    )
    assert (kirkuk["mention_count"], kirkuk["article_count"], kirkuk["independent_sources"]) == (2, 2, 2)
    assert (kirkuk["source"], kirkuk["target"], kirkuk["place_name"]) == (
        "Islamic State",
        "soldiers",
        "Kirkuk",
    )
    # A count nobody gave stays missing (not 0, not a float NaN that turns the column to floats).
    assert frame["fatalities"].fillna(-1).tolist() == [2, -1, 7, 2, -1]
    assert frame["injured"].isna().all()
    assert frame.iloc[-1]["target"] == ""
    assert list(empty.columns) == list(frame.columns) and len(empty) == 0
    assert str(empty["fatalities"].dtype) == "Int64"


def test_sql_runs_any_statement_with_parameters(stocked: str) -> None:
    with EventStore(stocked) as store:
        frame = store.sql(
            "SELECT event_id, independent_sources FROM events WHERE country = ? ORDER BY added_order", ["IRQ"]
        )
        assert list(frame.columns) == ["event_id", "independent_sources"]
        assert frame.values.tolist() == [["kirkuk", 2], ["mosul", 1], ["basra", 1]]
        with pytest.raises(StoreError, match="the query failed"):
            store.sql("SELECT no_such_column FROM events")
        # A writable store takes writes too, on either engine, and stays usable after a failed query.
        store.sql("DELETE FROM events WHERE event_id = ?", ["undated"])
        assert store.count_events() == 4


def test_a_read_only_store_reads_but_refuses_writes(stocked: str) -> None:
    with EventStore(stocked, read_only=True) as store:
        assert ids(store.query(EventQuery(country="SYR"))) == ["aleppo"]
        assert store.sql("SELECT count(*) AS n FROM events")["n"].tolist() == [5]
        with pytest.raises(StoreError, match="the query failed"):
            store.sql("DELETE FROM events")
        with pytest.raises(StoreError, match="nothing was written"):
            store.add(make_article("late", "A late made-up report."), [])
    with EventStore(stocked) as store:
        assert counts(store) == (6, 5, 6)


def test_opening_read_only_where_no_store_was_made_is_refused(store_location: str) -> None:
    if not is_postgres_url(store_location):
        duckdb.connect(store_location).close()  # an empty database: a file, but no whodid schema in it
    with pytest.raises(StoreError, match="no whodid schema"):
        EventStore(store_location, read_only=True)
    # Once a writable opening has made the schema, reading is fine.
    EventStore(store_location).close()
    with EventStore(store_location, read_only=True) as store:
        assert counts(store) == (0, 0, 0)


# -- batches ---------------------------------------------------------------------------------------------


def a_day_of_news() -> list[tuple[Article, list[Event] | None]]:
    """Articles that merge, republish and stay apart, in the order they arrive."""
    lead, edited_lead = STORY.split("\n", 1)[0], EDITED_STORY.split("\n", 1)[0]
    return [
        (make_article("ledger"), [make_event("ledger-1", "ledger", fatalities=4)]),
        (make_article("courier", COURIER_TEXT, COURIER), [make_event("courier-1", "courier", COURIER_TEXT)]),
        (make_article("herald", BULLETIN, "Morning Herald"), bulletin_events("herald")),
        (make_article("wire", BULLETIN, "Night Wire"), None),  # an exact copy of the herald's
        (make_article("story", STORY, "Town Crier"), [make_event("story-1", "story", lead)]),
        (
            make_article("story-copy", EDITED_STORY, "Valley Post"),
            [make_event("story-copy-1", "story-copy", edited_lead, town=None, day=None)],
        ),
        (
            make_article("south", "A made-up raid on a southern town the same Monday.", COURIER),
            [make_event("south-1", "south", "A made-up raid on a southern town.", town=SOUTHERN_TOWN)],
        ),
    ]


def test_a_batch_stores_what_storing_one_article_at_a_time_stores(store_location: str) -> None:
    with EventStore(":memory:") as one_by_one:
        singly = [one_by_one.store(article, events) for article, events in a_day_of_news()]
        expected = (singly, one_by_one.events(), one_by_one.mentions(), one_by_one.copies())
    with EventStore(store_location) as store:
        batched = store.store_batch(a_day_of_news())
        assert (batched, store.events(), store.mentions(), store.copies()) == expected
    # The day's news in short: one attack told by five outlets (two of them copying), a march, a raid.
    assert [(event["event_id"], event["independent_sources"]) for event in expected[1]] == [
        ("ledger-1", 4),
        ("herald-march", 1),
        ("south-1", 1),
    ]
    assert [outcome.original_id for outcome in singly] == [None, None, None, "herald", None, "story", None]


def test_a_failing_article_rolls_back_its_whole_batch(store_location: str) -> None:
    news = a_day_of_news()
    broken = (make_article("broken", "A made-up broken report."), [make_event("dup", "broken")] * 2)
    with EventStore(store_location) as store:
        with pytest.raises(StoreError, match="nothing was written"):
            store.store_batch([*news[:3], broken, *news[3:]])
        assert counts(store) == (0, 0, 0)
        # Nothing the failed batch held is remembered: the same articles store afresh, as a new store would.
        stored = store.store_batch(news)
        assert all(outcome.stored for outcome in stored)
        assert [event["independent_sources"] for event in store.events()] == [4, 1, 1]


def test_a_batch_that_runs_out_of_memory_is_stored_under_a_higher_limit(tmp_path: Path) -> None:
    news = a_day_of_news()
    with EventStore(":memory:") as roomy:
        roomy.store_batch(news)
        expected, expected_counts = roomy.events(), counts(roomy)
    with EventStore(tmp_path / "tight.duckdb") as store:
        store.db.limit_memory(1)  # far too little for a batch: DuckDB fails it with "Out of Memory"
        store.store_batch(news)
        assert store.events() == expected
        assert 1 < store.db.memory_limit_mb <= store.db.memory_ceiling_mb
        assert counts(store) == expected_counts


def test_a_batch_that_runs_out_of_memory_at_the_ceiling_fails_whole(tmp_path: Path) -> None:
    with EventStore(tmp_path / "tight.duckdb") as store:
        store.db.memory_ceiling_mb = 1
        store.db.limit_memory(1)
        with pytest.raises(StoreError, match="nothing was written"):
            store.store_batch(a_day_of_news())
        store.db.limit_memory(256)
        assert counts(store) == (0, 0, 0)


def test_a_failed_commit_leaves_the_connection_ready_for_the_next_batch(
    store_location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    news = a_day_of_news()
    with EventStore(store_location) as store:
        real_commit = store.db._commit

        def failing_commit() -> None:
            # The engine refuses the COMMIT itself (as DuckDB does when it runs out of memory there).
            store.db.execute("SELECT * FROM no_such_table")

        monkeypatch.setattr(store.db, "_commit", failing_commit)
        with pytest.raises(StoreError, match="nothing was written"):
            store.store_batch(news[:2])
        monkeypatch.setattr(store.db, "_commit", real_commit)
        assert counts(store) == (0, 0, 0)
        assert all(outcome.stored for outcome in store.store_batch(news))
        assert [event["independent_sources"] for event in store.events()] == [4, 1, 1]
