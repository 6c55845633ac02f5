"""PLOVER JSON, GeoJSON and Parquet exports of hand-built events."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from whodid import export_formats
from whodid.export_formats import (
    PARQUET_COLUMNS,
    geojson_feature,
    plover_record,
    write_geojson,
    write_parquet,
    write_plover_json,
)
from whodid.records import Actor, Event, Evidence, Place, Quantity, Report

SENTENCE = "Pro-government gunmen shelled a market in Ḩāmidīyah on Tuesday, the Łódź Monitor said."
OTHER_SENTENCE = "The shelling of the market killed five people."


def make_event(event_id: str = "ev-1", **changes: object) -> Event:
    event = Event(
        event_id=event_id,
        article_id="story-9",
        type="ASSAULT",
        mode="aerial",
        contexts=["civilians", "repression"],
        cameo="195",
        quad_class=4,
        goldstein=-10.0,
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Shelling/artillery/missile attack",
        evidence=Evidence(
            sentence=SENTENCE,
            sentence_span=(120, 120 + len(SENTENCE)),
            trigger_text="shelled",
            trigger_span=(142, 149),
        ),
        source=[
            Actor(
                text="Pro-government gunmen",
                span=(120, 141),
                name="Ḩāmid Brigade",
                actor_id="hamid-brigade",
                country="SYR",
                sector="MIL",
                acled_inter=2,
            ),
            Actor(text="the coalition", span=(0, 13), name="Northern Accord", kind="alliance"),
        ],
        target=[
            Actor(
                text="a market", span=(150, 158), name="Civilians", country="SYR", sector="CVL", acled_inter=7
            )
        ],
        date=date(2031, 5, 6),
        date_end=date(2031, 5, 7),
        date_precision="day",
        location=Place(
            text="Ḩāmidīyah",
            span=(169, 178),
            name="Ḩāmidīyah",
            country="SYR",
            admin1="Ḩamāh",
            lat=35.25,
            lon=36.5,
            geonameid=7654321,
            precision=1,
        ),
        fatalities=Quantity(value=5, span=(0, 4), text="five"),
        arrested=Quantity(value=0, span=(0, 4), text="none"),
        confidence=0.8,
        reports=[
            Report(
                article_id="story-9",
                sentence_index=3,
                sentence_span=(120, 120 + len(SENTENCE)),
                outlet="Łódź Monitor",
            ),
            Report(article_id="story-12", sentence_index=0, sentence_span=(0, 20), outlet="Valley Post"),
        ],
        independent_sources=2,
        merged=[
            Evidence(
                sentence=OTHER_SENTENCE, sentence_span=(0, 46), trigger_text="killed", trigger_span=(26, 32)
            ),
            Evidence(
                sentence=SENTENCE, sentence_span=(120, 160), trigger_text="gunmen", trigger_span=(135, 141)
            ),
        ],
    )
    for name, value in changes.items():
        setattr(event, name, value)
    return event


def bare_event(event_id: str = "ev-bare") -> Event:
    """An event that knows little: no place, no date, no numbers, no actors."""
    return Event(
        event_id=event_id,
        article_id="story-3",
        type="PROTEST",
        evidence=Evidence(
            sentence="Crowds marched.", sentence_span=(0, 15), trigger_text="marched", trigger_span=(7, 14)
        ),
    )


# --- PLOVER JSON -------------------------------------------------------------------------------------


def test_plover_record_maps_our_fields_onto_plovers() -> None:
    record = plover_record(make_event())

    assert record["id"] == "ev-1"
    assert record["story_id"] == "story-9"
    assert (record["date"], record["enddate"], record["date_precision"]) == (
        "2031-05-06",
        "2031-05-07",
        "day",
    )
    assert record["event"] == ["ASSAULT"]
    assert record["mode"] == ["aerial"]
    assert record["context"] == ["civilians", "repression"]
    assert (record["quad_code"], record["event_scale"], record["cameo"]) == (4, -10.0, "195")
    assert record["actor"] == [
        {"entity_text": "Pro-government gunmen", "code": "SYR", "code_from_place": False, "sector": "MIL",
         "identifier_id": "hamid-brigade", "identifier_text": "Ḩāmid Brigade"},
        {"entity_text": "the coalition", "code": "IGO", "code_from_place": False, "sector": None,
         "identifier_id": None, "identifier_text": "Northern Accord"},
    ]  # fmt: skip
    assert record["recipient"] == [
        {"entity_text": "a market", "code": "SYR", "code_from_place": False, "sector": "CVL",
         "identifier_id": None, "identifier_text": "Civilians"}
    ]  # fmt: skip
    assert record["event_loc"] == {
        "extracted_place": "Ḩāmidīyah", "resolved_place": "Ḩāmidīyah", "geonameid": 7654321,
        "lat": 35.25, "lon": 36.5, "province": "Ḩamāh", "country": "Syrian Arab Republic",
        "country_code": "SYR", "resolution": 4,
    }  # fmt: skip
    # The evidence sentence first; a merged mention's sentence once even if it repeats.
    assert record["event_text"] == [SENTENCE, OTHER_SENTENCE]
    assert record["text_info"] == {"sequence": 3, "start": 120, "end": 120 + len(SENTENCE)}
    assert record["size"] == {"dead": 5, "injured": None, "arrested": 0, "participants": None}
    assert record["cite_info"] == {"coder": "whodid", "publication": "Łódź Monitor; Valley Post"}
    assert (record["factuality"], record["confidence"]) == ("asserted", 0.8)
    assert record["trigger"] == {"text": "shelled", "start": 142, "end": 149}


def test_plover_record_leaves_unknowns_empty() -> None:
    record = plover_record(bare_event())

    assert record["event_loc"] is None
    assert record["date"] is None and record["enddate"] is None
    assert record["mode"] is None and record["context"] is None
    assert record["actor"] == [] and record["recipient"] == []
    assert record["size"] == {"dead": None, "injured": None, "arrested": None, "participants": None}
    assert record["text_info"]["sequence"] is None
    assert record["cite_info"]["publication"] is None


def test_a_reciprocal_events_sides_are_all_plover_actors() -> None:
    record = plover_record(make_event(reciprocal=True))

    assert [entity["entity_text"] for entity in record["actor"]] == [
        "Pro-government gunmen", "the coalition", "a market"
    ]  # fmt: skip
    assert record["recipient"] == []
    assert record["recipient_implied"] is None  # a reciprocal event has no recipient at all


def test_an_event_that_names_no_recipient_implies_the_state_where_it_happened() -> None:
    place = Place(text="Ḩāmidīyah", span=(169, 178), country="SYR", precision=1)
    record = plover_record(make_event(type="PROTEST", cameo="140", target=[], location=place))

    assert record["recipient"] == []  # the text names none, so the recipient stays empty ...
    assert record["recipient_implied"] == [
        {
            "entity_text": "Ḩāmidīyah",  # the words of the place it is read from
            "code": "SYR",
            "code_from_place": True,
            "sector": "GOV",
            "identifier_id": None,
            "identifier_text": "Syrian Arab Republic",
        }
    ]  # fmt: skip ... and the implied one is kept apart
    assert plover_record(make_event())["recipient_implied"] is None  # a named recipient implies none
    assert plover_record(bare_event())["recipient_implied"] is None  # nor does an event with no place


def test_a_curfew_imposed_on_a_place_implies_the_people_under_it() -> None:
    place = Place(text="Ḩāmidīyah", span=(169, 178), country="SYR", precision=1)
    curfew = make_event(type="COERCE", cameo="1723", source=[], target=[], location=place)
    [implied] = plover_record(curfew)["recipient_implied"]
    assert (implied["code"], implied["sector"]) == ("SYR", "CVL")
    lifted = make_event(type="CONCEDE", cameo="0813", source=[], target=[], location=place)
    [implied] = plover_record(lifted)["recipient_implied"]
    assert implied["sector"] == "GOV"  # a curfew lifted is a concession the state makes


def test_an_attack_or_a_threat_that_names_no_one_implies_the_people_of_the_place() -> None:
    place = Place(text="Ḩāmidīyah", span=(169, 178), country="SYR", precision=1)
    for event_type, cameo in [("ASSAULT", "195"), ("THREATEN", "138")]:
        event = make_event(type=event_type, cameo=cameo, target=[], location=place)
        [implied] = plover_record(event)["recipient_implied"]
        assert (implied["code"], implied["sector"]) == ("SYR", "CVL")


def test_an_event_with_no_place_implies_its_actors_own_state() -> None:
    farmers = Actor(text="Chilean farmers", span=(0, 15), country="CHL", sector="AGR")
    protest = bare_event()
    protest.source = [farmers]
    [implied] = plover_record(protest)["recipient_implied"]
    assert (implied["code"], implied["code_from_place"]) == ("CHL", False)  # the protesters' own
    refusal = make_event(type="REJECT", cameo="120", source=[farmers], target=[], location=None)
    [implied] = plover_record(refusal)["recipient_implied"]
    assert (implied["code"], implied["sector"]) == ("CHL", "GOV")
    attack = make_event(type="ASSAULT", source=[farmers], target=[], location=None)
    assert plover_record(attack)["recipient_implied"] is None  # an attack harms whom it names, or no one
    chile = Actor(text="Chile", span=(0, 5), country="CHL", sector="GOV", kind="state")
    rejected = make_event(type="REJECT", cameo="120", source=[chile], target=[], location=None)
    assert plover_record(rejected)["recipient_implied"] is None  # a state may act on anyone
    court = Actor(text="Chile's supreme court", span=(0, 21), country="CHL", sector="JUD", kind="agent")
    ruling = make_event(type="CONCEDE", cameo="080", source=[court], target=[], location=None)
    assert plover_record(ruling)["recipient_implied"] is None  # a court acts within its state
    ousted = Actor(text="Rafael Ortiz", span=(0, 12), country="CHL", sector="ELI", kind="person")
    demand = make_event(type="REQUEST", cameo="100", source=[ousted], target=[], location=None)
    assert plover_record(demand)["recipient_implied"] is None  # out of office, often abroad
    elders = Actor(text="Chilean elders", span=(0, 14), country="CHL", sector="ELI", kind="agent")
    demand = make_event(type="REQUEST", cameo="100", source=[elders], target=[], location=None)
    assert plover_record(demand)["recipient_implied"][0]["code"] == "CHL"  # elders press their state


def test_forces_readied_at_home_show_force_at_no_one_named() -> None:
    police = Actor(text="Chilean police", span=(0, 14), country="CHL", sector="COP", kind="agent")
    at_home = Place(text="Valparaiso", span=(30, 40), country="CHL", precision=1)
    patrols = make_event(type="MOBILIZE", cameo="150", source=[police], target=[], location=at_home)
    assert plover_record(patrols)["recipient_implied"] is None
    abroad = Place(text="Tacna", span=(30, 35), country="PER", precision=1)
    patrols = make_event(type="MOBILIZE", cameo="150", source=[police], target=[], location=abroad)
    assert plover_record(patrols)["recipient_implied"][0]["code"] == "PER"  # shown at another state


def test_a_bombing_that_names_no_doer_implies_an_armed_group_of_the_state_where_it_happened() -> None:
    place = Place(text="Ḩāmidīyah", span=(169, 178), country="SYR", precision=1)
    shelling = make_event(source=[], location=place)  # shells fired by no one the text names
    record = plover_record(shelling)
    assert record["actor"] == []  # the text names none, so the actor stays empty ...
    [implied] = record["actor_implied"]  # ... and the implied one is kept apart
    assert (implied["code"], implied["sector"], implied["code_from_place"]) == ("SYR", "REB", True)
    assert plover_record(make_event(location=place))["actor_implied"] is None  # a named doer
    air_strike = make_event(source=[], location=place, acled_sub_event_type="Air/drone strike")
    assert plover_record(air_strike)["actor_implied"] is None  # armed groups seldom fly
    assert plover_record(make_event(source=[], location=None))["actor_implied"] is None  # no place
    protest = bare_event()
    protest.location = place
    assert plover_record(protest)["actor_implied"] is None  # only a bombing


def test_an_arrest_or_an_inquiry_that_names_no_doer_implies_the_state_where_it_happened() -> None:
    place = Place(text="Sidon", span=(40, 45), country="LBN", precision=1)
    arrest = make_event(
        type="COERCE", cameo="173", source=[], location=place, acled_event_type="Strategic developments",
        acled_sub_event_type="Arrests",
    )  # fmt: skip
    [implied] = plover_record(arrest)["actor_implied"]
    assert (implied["code"], implied["sector"], implied["code_from_place"]) == ("LBN", "GOV", True)
    inquiry = make_event(type="ACCUSE", cameo="090", source=[], location=place, acled_event_type=None)
    assert plover_record(inquiry)["actor_implied"][0]["code"] == "LBN"
    assert plover_record(make_event(type="COERCE", cameo="173", location=place))["actor_implied"] is None
    beating = make_event(type="ASSAULT", cameo="180", source=[], location=place, acled_event_type=None)
    assert plover_record(beating)["actor_implied"] is None  # anyone may beat someone


def test_an_actor_of_no_known_country_is_coded_with_the_country_where_the_event_happened() -> None:
    refugees = Actor(text="refugees", span=(0, 8), sector="REF", kind="agent")
    place = Place(text="Ḩāmidīyah", span=(169, 178), country="SYR", precision=1)
    [entity] = plover_record(make_event(target=[refugees], location=place))["recipient"]
    assert (entity["code"], entity["code_from_place"]) == ("SYR", True)
    [unplaced] = plover_record(make_event(target=[refugees], location=None))["recipient"]
    assert (unplaced["code"], unplaced["code_from_place"]) == (None, False)


def test_an_armed_group_of_no_country_is_an_international_militarized_group() -> None:
    group = Actor(text="the network", span=(0, 11), name="Global Front", kind="armed_group")
    [entity] = plover_record(make_event(source=[group]))["actor"]
    assert entity["code"] == "IMG"


def test_plover_resolution_counts_the_other_way_from_our_precision() -> None:
    def resolution(precision: int | None) -> int | None:
        place = Place(text="x", span=(0, 1), country="SYR", precision=precision)
        return plover_record(make_event(location=place))["event_loc"]["resolution"]

    assert [resolution(p) for p in (1, 2, 3, 4, None)] == [4, 3, 2, 1, None]


def test_plover_json_is_one_array_of_every_event() -> None:
    events = [make_event("a"), bare_event("b"), make_event("c").to_dict()]
    out = io.StringIO()

    assert write_plover_json(events, out) == 3

    text = out.getvalue()
    assert "Ḩāmidīyah" in text  # unicode kept as written, not escaped
    records = json.loads(text)
    assert [record["id"] for record in records] == ["a", "b", "c"]
    assert records[1]["event_loc"] is None
    # An Event and its dict give the same record.
    assert records[2] == {**records[0], "id": "c"}


def test_plover_json_of_no_events_is_an_empty_array() -> None:
    out = io.StringIO()
    assert write_plover_json(iter([]), out) == 0
    assert json.loads(out.getvalue()) == []


# --- GeoJSON -----------------------------------------------------------------------------------------


def test_geojson_is_a_feature_collection_of_points_in_lon_lat_order() -> None:
    country_only = make_event(
        "country", location=Place(text="Syria", span=(0, 5), country="SYR", precision=4)
    )
    events = [make_event("placed"), bare_event("nowhere"), country_only, make_event("dict").to_dict()]
    out = io.StringIO()

    assert write_geojson(events, out) == 2

    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    assert [feature["id"] for feature in collection["features"]] == ["placed", "dict"]
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"] == {"type": "Point", "coordinates": [36.5, 35.25]}  # lon, lat
        assert all(not isinstance(value, (dict, list)) for value in feature["properties"].values())


def test_geojson_properties_are_a_flat_summary() -> None:
    feature = geojson_feature(make_event(injured=None))

    assert feature is not None
    assert feature["properties"] == {
        "event_id": "ev-1",
        "article_id": "story-9",
        "type": "ASSAULT",
        "mode": "aerial",
        "cameo": "195",
        "acled_event_type": "Explosions/Remote violence",
        "acled_sub_event_type": "Shelling/artillery/missile attack",
        "date": "2031-05-06",
        "date_precision": "day",
        "factuality": "asserted",
        "source_names": "Ḩāmid Brigade; Northern Accord",
        "source_countries": "SYR",
        "target_names": "Civilians",
        "target_countries": "SYR",
        "location": "Ḩāmidīyah",
        "country": "SYR",
        "precision": 1,
        "fatalities": 5,
        "injured": None,
        "arrested": 0,
        "independent_sources": 2,
        "trigger": "shelled",
    }
    assert geojson_feature(bare_event()) is None


def test_geojson_of_no_placed_events_is_an_empty_collection() -> None:
    out = io.StringIO()
    assert write_geojson([bare_event()], out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


# --- Parquet -----------------------------------------------------------------------------------------


def read_parquet(path: Path) -> tuple[dict[str, str], list[dict[str, object]]]:
    """The file's column types and its rows, read back with DuckDB."""
    with duckdb.connect() as connection:
        relation = connection.sql("SELECT * FROM read_parquet(?)", params=[str(path)])
        types = dict(zip(relation.columns, (str(t) for t in relation.types), strict=True))
        rows = [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]
    return types, rows


def test_parquet_columns_are_typed() -> None:
    types = dict(PARQUET_COLUMNS)
    assert types["date"] == types["date_end"] == "DATE"
    assert types["lat"] == types["lon"] == types["goldstein"] == types["confidence"] == "DOUBLE"
    assert types["fatalities"] == types["quad_class"] == types["independent_sources"] == "INTEGER"
    assert types["record"] == "VARCHAR"


def test_parquet_round_trips_types_and_values(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    events = [make_event("ev-1"), bare_event("ev-2"), make_event("ev-3").to_dict()]

    assert write_parquet(events, path) == 3

    types, rows = read_parquet(path)
    assert types == dict(PARQUET_COLUMNS)
    assert [row["event_id"] for row in rows] == ["ev-1", "ev-2", "ev-3"]
    full, bare, from_dict = rows
    assert full["date"] == date(2031, 5, 6) and full["date_end"] == date(2031, 5, 7)
    assert (full["lat"], full["lon"], full["precision"]) == (35.25, 36.5, 1)
    assert (full["location"], full["admin1"], full["country"]) == ("Ḩāmidīyah", "Ḩamāh", "SYR")
    assert (full["fatalities"], full["injured"], full["arrested"]) == (5, None, 0)
    assert (full["quad_class"], full["goldstein"], full["confidence"]) == (4, -10.0, 0.8)
    assert full["source_names"] == "Ḩāmid Brigade; Northern Accord"
    assert (full["target_names"], full["target_countries"]) == ("Civilians", "SYR")
    assert (full["trigger"], full["sentence"]) == ("shelled", SENTENCE)
    assert json.loads(full["record"]) == make_event("ev-1").to_dict()
    # The event without a place or numbers is kept, with NULLs where nothing is known.
    assert bare["lat"] is bare["lon"] is bare["location"] is bare["date"] is bare["fatalities"] is None
    assert bare["source_names"] is None and bare["type"] == "PROTEST"
    assert from_dict == {**full, "event_id": "ev-3", "record": from_dict["record"]}


def test_parquet_keeps_the_order_across_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_formats, "PARQUET_BATCH_ROWS", 2)
    ids = [f"ev-{index}" for index in range(7)]
    path = tmp_path / "batched.parquet"

    assert write_parquet((bare_event(event_id) for event_id in ids), path) == 7

    assert [row["event_id"] for row in read_parquet(path)[1]] == ids


def test_parquet_batches_are_built_lazily() -> None:
    def stream() -> Iterator[tuple[int]]:
        for number in range(100):
            if number >= 6:
                raise AssertionError("read past the batches asked for")
            yield (number,)

    # Rows are taken one batch at a time, never all at once.
    batches = export_formats._batches(stream(), 3)
    assert next(batches) == [(0,), (1,), (2,)]
    assert next(batches) == [(3,), (4,), (5,)]
    assert list(export_formats._batches(iter([(1,), (2,)]), 3)) == [[(1,), (2,)]]


def test_parquet_of_no_events_has_the_columns_and_no_rows(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    assert write_parquet([], str(path)) == 0
    types, rows = read_parquet(path)
    assert types == dict(PARQUET_COLUMNS)
    assert rows == []


def test_parquet_failure_leaves_no_file_and_the_old_one_untouched(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    path.write_bytes(b"old contents")

    def failing() -> Iterator[Event]:
        yield make_event("ev-1")
        raise RuntimeError("the store went away")

    with pytest.raises(RuntimeError, match="went away"):
        write_parquet(failing(), path)

    assert path.read_bytes() == b"old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.parquet"]


def test_parquet_replaces_an_old_file_and_takes_any_file_name(tmp_path: Path) -> None:
    path = tmp_path / "o'brien's events.parquet"
    path.write_bytes(b"old contents")

    assert write_parquet([make_event()], path) == 1

    assert [row["event_id"] for row in read_parquet(path)[1]] == ["ev-1"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_a_retreat_that_lets_no_one_in_implies_no_recipient() -> None:
    place = Place(text="Ḩāmidīyah", span=(169, 178), country="SYR", precision=1)
    resigned = make_event(type="RETREAT", mode="resign", cameo="0874", target=[], location=place)
    assert plover_record(resigned)["recipient_implied"] is None
    opened = make_event(type="RETREAT", mode="access", cameo="086", target=[], location=place)
    [implied] = plover_record(opened)["recipient_implied"]
    assert implied["code"] == "SYR"  # a border opened lets someone in
