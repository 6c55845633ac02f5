"""EventQuery's SQL: every value travels as a parameter, never inside the statement's text."""

from __future__ import annotations

from datetime import date

import pytest

from whodid.store.query import MAX_LIMIT, EventQuery, Near


def test_no_filters_read_every_event_in_stored_order() -> None:
    assert EventQuery().where() == ("", [])
    assert EventQuery().sql("record") == ("SELECT record FROM events ORDER BY added_order", [])


def test_types_match_plover_acled_and_acled_sub_types() -> None:
    where, params = EventQuery(types=("ASSAULT", "Battles")).where()
    assert where == (
        ' WHERE ("type" IN (?, ?) OR acled_event_type IN (?, ?) OR acled_sub_event_type IN (?, ?))'
    )
    assert params == ["ASSAULT", "Battles"] * 3


def test_an_actor_is_looked_for_by_name_part_kb_id_and_country() -> None:
    where, params = EventQuery(actor="Hezbollah").where()
    assert "lower(ac.name) LIKE ?" in where and "ac.actor_id = ?" in where and "ac.country = ?" in where
    assert params == ["%hezbollah%", "Hezbollah", "HEZBOLLAH"]


@pytest.mark.parametrize(
    "hostile",
    [
        "O'Brien's men",
        "100% Brigade",
        "x'); DROP TABLE events; --",
        '"type" = "type"',
        "what?",
    ],
)
def test_no_value_is_written_into_the_sql_text(hostile: str) -> None:
    query = EventQuery(
        types=(hostile,),
        actor=hostile,
        country=hostile,
        factuality=(hostile,),
    )
    sql, params = query.sql("record")
    assert hostile not in sql and hostile.upper() not in sql and hostile.casefold() not in sql
    # No literal but LIKE's escape character: the statement is the same whatever is asked.
    assert "'" not in sql.replace("ESCAPE '\\'", "")
    assert sql == EventQuery(types=("x",), actor="x", country="x", factuality=("x",)).sql("record")[0]
    assert sql.count("?") == len(params)
    # A % or _ in the name is matched as itself, not as a wildcard.
    literal = hostile.casefold().replace("%", "\\%").replace("_", "\\_")
    assert f"%{literal}%" in params
    assert hostile.upper() in params


def test_every_filter_together_keeps_placeholders_and_parameters_in_step() -> None:
    query = EventQuery(
        types=("ASSAULT",),
        actor="army",
        country="irq",
        date_from=date(2024, 3, 1),
        date_to=date(2024, 3, 31),
        near=Near(35.0, 44.0, 100.0),
        min_sources=2,
        factuality=("asserted", "reported"),
        limit=10,
        offset=20,
        order_by_date=True,
    )
    sql, params = query.sql("event_id")
    assert sql.count("?") == len(params)
    assert sql.startswith("SELECT event_id FROM events WHERE ")
    assert sql.endswith(' ORDER BY "date" NULLS LAST, added_order LIMIT ? OFFSET ?')
    assert params[-2:] == [10, 20]
    # Dates and numbers stay typed: the driver, not string formatting, renders them.
    assert date(2024, 3, 1) in params and date(2024, 3, 31) in params
    assert "IRQ" in params  # countries are compared in upper case
    assert params[-4:-2] == ["asserted", "reported"]
    assert 2 in params


def test_dates_bound_the_event_date_inclusively() -> None:
    where, params = EventQuery(date_from=date(2024, 1, 1), date_to=date(2024, 1, 31)).where()
    assert where == ' WHERE "date" >= ? AND "date" <= ?'
    assert params == [date(2024, 1, 1), date(2024, 1, 31)]


def test_near_is_a_latitude_box_then_a_great_circle_distance() -> None:
    where, params = EventQuery(near=Near(35.0, 44.0, 111.0)).where()
    assert "lat BETWEEN ? AND ?" in where and "asin(" in where
    # A box one degree either side of 35 N for 111 km; then lat, lat, lon and the radius.
    assert params == [pytest.approx(34.0), pytest.approx(36.0), 35.0, 35.0, 44.0, 111.0]


def test_limits_are_capped_and_offsets_optional() -> None:
    sql, params = EventQuery(limit=MAX_LIMIT * 10).sql("record")
    assert sql.endswith(" LIMIT ?") and params == [MAX_LIMIT]
    sql, params = EventQuery(offset=5).sql("record")
    assert sql.endswith(" OFFSET ?") and params == [5]
    sql, params = EventQuery(limit=0).sql("record")
    assert sql.endswith(" LIMIT ?") and params == [0]  # a limit of 0 is a limit, not "no limit"


def test_min_sources_of_zero_or_one_filters_nothing_away() -> None:
    assert EventQuery(min_sources=0).where() == ("", [])
    assert EventQuery(min_sources=1).where() == (" WHERE independent_sources >= ?", [1])


def test_near_parses_lat_lon_km() -> None:
    assert Near.parse("35.47,44.39,50") == Near(35.47, 44.39, 50.0)
    assert Near.parse(" -33.9 , 18.4 , 0.5 ") == Near(-33.9, 18.4, 0.5)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("35.47,44.39", "is not LAT,LON,KM"),
        ("35.47,44.39,50,1", "is not LAT,LON,KM"),
        ("", "is not LAT,LON,KM"),
        ("north,44.39,50", "is not LAT,LON,KM"),
        ("35.47,44.39,far", "is not LAT,LON,KM"),
        ("95,44.39,50", "is not a latitude,longitude"),
        ("35.47,-181,50", "is not a latitude,longitude"),
        ("35.47,44.39,0", "is not between 0 and 20,000"),
        ("35.47,44.39,-5", "is not between 0 and 20,000"),
        ("35.47,44.39,20001", "is not between 0 and 20,000"),
    ],
)
def test_near_refuses_what_is_not_a_place_and_radius(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Near.parse(text)
