"""Records to their JSON-ready form and back: every field, nested records, dates, spans and absences."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from datetime import date

from whodid.records import (
    Actor,
    Article,
    Event,
    Evidence,
    Phrase,
    Place,
    Quantity,
    Report,
    article_record,
    from_record,
)


def _every_field_set() -> Event:
    evidence = Evidence("Rebels shelled the town.", (0, 24), "shelled", (7, 14), clause_depth=1)
    return Event(
        event_id="e1",
        article_id="a1",
        type="ASSAULT",
        evidence=evidence,
        mode="bombard",
        contexts=["military"],
        cameo="195",
        quad_class=4,
        goldstein=-10.0,
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Shelling/artillery/missile attack",
        source=[Actor("Rebels", (0, 6), "Rebels", "r1", "XYZ", "REB", 2, "agent", Phrase("Rebels", (0, 6)))],
        target=[Actor("the town", (15, 23)), Actor("its people", (30, 40), country="XYZ")],
        date=date(2024, 2, 29),
        date_end=date(2024, 3, 2),
        date_precision="day",
        date_text="on Thursday",
        date_span=(25, 36),
        date_rejected="31 February: February has no day 31",
        location=Place("Town", (15, 23), "Town", "XYZ", "North", 1.5, -2.25, 42),
        fatalities=Quantity(3, (40, 45), "three", "at least", 5, approximate=True),
        injured=Quantity(12, (50, 52), "12"),
        arrested=None,
        participants=None,
        count=Quantity(2, (60, 63), "two"),
        factuality="reported",
        attributed_to=Actor("officials", (70, 79), sector="GOV"),
        attributed_to_text="officials",
        confidence=0.75,
        reports=[Report("a1", 0, (0, 24), "Outlet", "m1", None), Report("a2", 3, (5, 9), copy_of="a1")],
        independent_sources=2,
        merged=[Evidence("They killed three.", (25, 43), "killed", (30, 36))],
        conflicts={"fatalities": [3, 4], "date": ["2024-02-29", None]},
    )


def _reference_form(record: object) -> object:
    """The JSON-ready form by the standard library alone: what `to_dict` must equal."""
    return json.loads(json.dumps(asdict(record), default=lambda value: value.isoformat()))


def test_an_event_with_every_field_set_becomes_json_ready_and_comes_back_equal() -> None:
    event = _every_field_set()
    unset = {item.name for item in fields(Event) if getattr(event, item.name) is None}
    assert unset == {"arrested", "participants"}  # absences too must survive
    record = event.to_dict()
    assert record == _reference_form(event)
    assert json.loads(json.dumps(record)) == record  # nothing in it that JSON changes
    rebuilt = from_record(Event, json.loads(json.dumps(record)))
    assert rebuilt == event
    assert isinstance(rebuilt.date, date) and rebuilt.evidence.trigger_span == (7, 14)
    assert isinstance(rebuilt.reports[1].sentence_span, tuple) and rebuilt.fatalities is not None
    assert rebuilt.fatalities.upper == 5 and rebuilt.arrested is None


def test_a_bare_event_and_an_article_round_trip() -> None:
    bare = Event("e2", "a2", "PROTEST", Evidence("Crowds marched.", (0, 15), "marched", (7, 14)))
    assert bare.to_dict() == _reference_form(bare)
    assert from_record(Event, bare.to_dict()) == bare
    article = Article("a3", "Text.", date(2023, 1, 31), "Title", "https://x.example/1", "Outlet", "en", "f:2")
    assert article_record(article) == _reference_form(article)
    assert from_record(Article, article_record(article)) == article


def test_fields_a_class_does_not_have_are_ignored_when_rebuilding() -> None:
    record = {"id": "a4", "text": "Text.", "published": None, "shelf": "kept elsewhere"}
    assert from_record(Article, record) == Article("a4", "Text.")
