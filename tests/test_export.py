"""JSONL and ACLED CSV exports of hand-built events."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from whodid.export import ACLED_COLUMNS, acled_row, write_acled_csv, write_jsonl
from whodid.records import Actor, Event, Evidence, Place, Quantity, Report

SENTENCE = "Militants fired rockets at the base, the ministry said."


def make_event(event_id: str = "abc123", **changes: object) -> Event:
    event = Event(
        event_id=event_id,
        article_id="art-1",
        type="ASSAULT",
        evidence=Evidence(
            sentence=SENTENCE, sentence_span=(0, len(SENTENCE)), trigger_text="fired", trigger_span=(10, 15)
        ),
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Shelling/artillery/missile attack",
        source=[
            Actor(text="Militants", span=(0, 9), name="Militants", acled_inter=3),
            Actor(text="their allies", span=(0, 1), name="Allied Militia", acled_inter=3),
        ],
        target=[
            Actor(text="US forces", span=(30, 34), name="Military Forces of the United States", acled_inter=8)
        ],
        date=date(2024, 2, 4),
        date_precision="day",
        location=Place(
            text="Ain al-Asad",
            span=(0, 1),
            name="Ain al-Asad Air Base",
            country="IRQ",
            admin1="Anbar",
            lat=33.8,
            lon=42.441,
            precision=1,
        ),
        fatalities=Quantity(value=3, span=(0, 1), text="three"),
    )
    for name, value in changes.items():
        setattr(event, name, value)
    return event


def test_jsonl_round_trip() -> None:
    events = [make_event("e1"), make_event("e2", location=None, fatalities=None)]
    out = io.StringIO()

    assert write_jsonl(events, out) == 2

    lines = out.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == [event.to_dict() for event in events]
    # Dicts (as read back from the store) are written unchanged.
    again = io.StringIO()
    write_jsonl([json.loads(line) for line in lines], again)
    assert again.getvalue() == out.getvalue()


def test_acled_columns_are_exactly_acleds_plus_article_id() -> None:
    assert ACLED_COLUMNS == (
        "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
        "country", "admin1", "location", "latitude", "longitude", "geo_precision",
        "source", "notes", "fatalities", "article_id",
    )  # fmt: skip
    header = io.StringIO()
    write_acled_csv([], header)
    assert header.getvalue() == ",".join(ACLED_COLUMNS) + "\n"


def test_acled_row_maps_the_record() -> None:
    row = acled_row(make_event(), outlet="Example News")

    assert tuple(row) == ACLED_COLUMNS
    assert row == {
        "event_id_cnty": "IRQabc123",
        "event_date": "2024-02-04",
        "time_precision": "1",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "Militants",
        "assoc_actor_1": "Allied Militia",
        "inter1": "3",
        "actor2": "Military Forces of the United States",
        "assoc_actor_2": "",
        "inter2": "8",
        "interaction": "38",
        "country": "Iraq",
        "admin1": "Anbar",
        "location": "Ain al-Asad Air Base",
        "latitude": "33.8000",
        "longitude": "42.4410",
        "geo_precision": "1",
        "source": "Example News",
        "notes": SENTENCE,
        "fatalities": "3",
        "article_id": "art-1",
    }


def test_interaction_puts_the_lower_code_first_and_a_lone_actor_gives_code_zero() -> None:
    reversed_roles = make_event(
        source=[Actor(text="police", span=(0, 6), acled_inter=1)],
        target=[Actor(text="rioters", span=(0, 7), acled_inter=5)],
    )
    assert acled_row(reversed_roles)["interaction"] == "15"
    assert (
        acled_row(make_event(source=reversed_roles.target, target=reversed_roles.source))["interaction"]
        == "15"
    )

    lone = acled_row(make_event(target=[]))
    assert (lone["actor2"], lone["inter2"], lone["interaction"]) == ("", "0", "30")

    unknown = acled_row(make_event(source=[Actor(text="someone", span=(0, 7))]))
    assert (unknown["actor1"], unknown["inter1"], unknown["interaction"]) == ("someone", "", "")


def test_missing_values_give_acled_defaults() -> None:
    row = acled_row(
        make_event(
            fatalities=None,
            location=None,
            date=None,
            date_precision=None,
            acled_event_type=None,
            acled_sub_event_type=None,
        )
    )
    assert row["fatalities"] == "0"
    assert row["event_id_cnty"] == "abc123"
    assert row["country"] == row["latitude"] == row["geo_precision"] == row["event_date"] == ""
    assert row["event_type"] == row["sub_event_type"] == ""


def test_country_names_and_precisions_follow_acled() -> None:
    syria = Place(text="Syria", span=(0, 5), name="Syria", country="SYR", precision=4)
    row = acled_row(make_event(location=syria, date_precision="month"))
    assert (row["country"], row["geo_precision"], row["time_precision"]) == ("Syria", "3", "3")
    assert acled_row(make_event(location=Place(text="x", span=(0, 1), country="RUS")))["country"] == "Russia"


def test_source_falls_back_to_the_outlets_of_the_reports() -> None:
    reports = [
        Report(article_id="a", sentence_index=0, sentence_span=(0, 5), outlet="The Cradle"),
        Report(article_id="b", sentence_index=2, sentence_span=(0, 5), outlet="21st Century Wire"),
        Report(article_id="c", sentence_index=1, sentence_span=(0, 5), outlet="The Cradle"),
    ]
    assert acled_row(make_event(reports=reports))["source"] == "The Cradle; 21st Century Wire"


def test_csv_quotes_notes_with_commas_quotes_and_newlines() -> None:
    note = 'He said "they fired, twice"\nand left.'
    event = make_event(
        evidence=Evidence(sentence=note, sentence_span=(0, 5), trigger_text="x", trigger_span=(0, 1))
    )
    out = io.StringIO(newline="")

    assert write_acled_csv([event, event.to_dict()], out, outlets={"art-1": "Example News"}) == 2

    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert len(rows) == 2
    assert rows[0]["notes"] == note
    assert rows[0]["source"] == "Example News"
    assert rows[0] == rows[1]
    assert tuple(rows[0]) == ACLED_COLUMNS


def test_a_reciprocal_events_sides_are_acleds_two_actors() -> None:
    sides = [
        Actor(text="Chad", span=(0, 4), name="Military Forces of Chad", acled_inter=1),
        Actor(text="the rebels", span=(9, 19), name="FACT", acled_inter=2),
    ]
    row = acled_row(make_event(source=sides, target=[], reciprocal=True))
    assert (row["actor1"], row["assoc_actor_1"], row["actor2"]) == ("Military Forces of Chad", "", "FACT")
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("1", "2", "12")
    # Not reciprocal, the same two actors act together: ACLED's actor and its associate.
    row = acled_row(make_event(source=sides, target=[]))
    assert (row["actor1"], row["assoc_actor_1"], row["actor2"]) == ("Military Forces of Chad", "FACT", "")
