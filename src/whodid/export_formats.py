"""More export views of the event record: PLOVER JSON, GeoJSON and Parquet.

Like ``whodid.export``, every writer takes ``Event`` objects or their ``to_dict()`` records and returns
how many events it wrote. Missing values stay missing (JSON null, SQL NULL): a view never invents one.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

import duckdb
import pycountry

from whodid.export import report_outlets
from whodid.records import Event, as_date, as_record, quantity_value
from whodid.resolve.kb_files import PERSON_KIND, STATE_KIND

Record = dict[str, Any]

# Our place precision (1 town, 2 near town/district, 3 region, 4 country) as PLOVER's location
# resolution (4 city, 3 district, 2 province, 1 country).
_PLOVER_RESOLUTION = {1: 4, 2: 3, 3: 2, 4: 1}

# PLOVER codes actors that belong to no country by what they are; these are our kinds of them (an armed
# group of no country is an international militarized group, IMG) ...
_PLOVER_TRANSNATIONAL = {"igo": "IGO", "alliance": "IGO", "ngo": "NGO", "armed_group": "IMG"}
# ... and the sectors that place a person of no country in one ("a UN envoy").
_PLOVER_TRANSNATIONAL_SECTORS = {"IGO": "IGO", "NGO": "NGO"}
# The recipient PLOVER's coders give an event whose text names none: the state where it happened; for a
# curfew, a state of emergency or martial law imposed on a place (CAMEO 1723, 1724), the people who live
# under it, as they code "imposed a curfew in the town"; and for an attack or a threat that names no one
# ("shells fell on the town", "threatened to ban voting in the city"), the people of the place.
_IMPLIED_RECIPIENT_SECTOR = "GOV"
_HARMING_TYPES = frozenset({"ASSAULT", "THREATEN"})
_POPULATION_RESTRICTIONS = frozenset({"1723", "1724"})
_POPULATION_SECTOR = "CVL"
_ASSAULT = "ASSAULT"
_RETREAT = "RETREAT"
_COERCE = "COERCE"
_MOBILIZE = "MOBILIZE"
_ACCESS_MODE = "access"
_COURT_SECTOR = "JUD"
_OUT_OF_OFFICE_SECTOR = "ELI"  # CAMEO's elites: a person out of office
# The actor they give a bombing whose text names no doer: an unidentified armed group of the country where
# it happened (ACLED's "Unidentified Armed Group (Iraq)"), sector REB. Not for air strikes, which armed
# groups seldom carry out.
_IMPLIED_ACTOR_SECTOR = "REB"
_UNCLAIMED_ACLED_TYPE = "Explosions/Remote violence"
_NOT_UNCLAIMED_ACLED_SUB_TYPES = frozenset({"Air/drone strike"})
# ... and to an arrest, an expulsion or an investigation whose text names no doer, the state where it
# happened ("a missionary was arrested in Lebanon": Lebanon), whose authorities alone do these (CAMEO
# 173, 174 and 09*).
_STATE_ACT_CAMEO_PREFIXES = ("173", "174", "09")
_STATE_ACT_SECTOR = "GOV"

_PLOVER_CODER = "whodid"
_COUNTS = ("fatalities", "injured", "arrested", "participants")

# Rows held in Python before they go to DuckDB: bounds memory whatever the number of events.
PARQUET_BATCH_ROWS = 1000

# Parquet columns and their SQL types, in file order.
PARQUET_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR"), ("article_id", "VARCHAR"), ("type", "VARCHAR"), ("mode", "VARCHAR"),
    ("cameo", "VARCHAR"), ("quad_class", "INTEGER"), ("goldstein", "DOUBLE"),
    ("acled_event_type", "VARCHAR"), ("acled_sub_event_type", "VARCHAR"),
    ("date", "DATE"), ("date_end", "DATE"), ("date_precision", "VARCHAR"), ("factuality", "VARCHAR"),
    ("source_names", "VARCHAR"), ("source_countries", "VARCHAR"),
    ("target_names", "VARCHAR"), ("target_countries", "VARCHAR"),
    ("location", "VARCHAR"), ("country", "VARCHAR"), ("admin1", "VARCHAR"),
    ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("precision", "INTEGER"),
    ("fatalities", "INTEGER"), ("injured", "INTEGER"), ("arrested", "INTEGER"), ("participants", "INTEGER"),
    ("confidence", "DOUBLE"), ("independent_sources", "INTEGER"),
    ("trigger", "VARCHAR"), ("sentence", "VARCHAR"), ("record", "VARCHAR"),
)  # fmt: skip


# --- PLOVER JSON -------------------------------------------------------------------------------------


def write_plover_json(events: Iterable[Event | Record], out: TextIO) -> int:
    """Write events as one JSON array of PLOVER event records; return how many were written.

    Field names follow the PLOVER manual's data-field tables (with POLECAT's ``story_id``); each
    record is built by ``plover_record``:

    - ``id`` <- event_id; ``story_id`` <- article_id
    - ``date`` / ``enddate`` <- date / date_end (ISO; null when the text gives no date)
    - ``event`` <- [type]; ``mode`` <- [mode]; ``context`` <- contexts (lists, as PLOVER allows
      several; null when empty)
    - ``quad_code`` <- quad_class; ``event_scale`` <- goldstein
    - ``actor`` / ``recipient`` <- source / target actors, each an entity object: ``entity_text`` <-
      text, ``code`` <- country (alpha-3, or IGO/NGO/IMG for such actors without one), ``sector`` <-
      sector, ``identifier_id`` <- actor_id (our knowledge base's id), ``identifier_text`` <- name,
      ``code_from_place`` (our own): true where nothing in the text tells the actor's country and
      ``code`` is the country where the event happened, as PLOVER's coders code one.
      A reciprocal event ("X and Y agreed", "X clashed with Y") has every side as ``actor`` and no
      ``recipient``, as the PLOVER manual codes reciprocal events.
    - ``actor_implied`` (our own): for a bombing or other remote violence (not an air strike) that
      names no actor, an unidentified armed group (``sector`` REB) of the country where it happened,
      as PLOVER's gold-standard records code an unclaimed roadside bomb; null otherwise.
    - ``recipient_implied`` (our own): for an event that is not reciprocal and names no recipient, the
      state where it happened (``code`` <- the place's country, or for a protest with no place the
      protesters' own country; ``sector`` GOV, or CVL for a curfew, state of emergency or martial law
      imposed, CAMEO 1723 and 1724, whose recipients are the people under it; ``entity_text`` <- the
      words that name the place), which is how PLOVER's gold-standard records code a protest in Serbia,
      a curfew lifted in Montenegro or one imposed in Cizre; null for a retreat that lets no one in (a
      resignation, a surrender, a unilateral ceasefire: those records name no recipient), and
      otherwise. It is kept apart from ``recipient`` because the text does not name it.
    - ``event_loc`` <- location (null without one): ``extracted_place`` <- text, ``resolved_place``
      <- name, ``geonameid``, ``lat``, ``lon``, ``province`` <- admin1, ``country_code`` <- country,
      ``country`` <- its ISO short name, ``resolution`` <- precision as PLOVER counts it
      (town 4, district 3, region 2, country 1)
    - ``event_text`` <- the evidence sentence, then the distinct sentences of merged mentions
    - ``text_info`` <- the evidence sentence's ``start`` / ``end`` offsets in the article and its
      ``sequence`` (sentence index) when a report gives it
    - ``size`` <- ``dead`` / ``injured`` / ``arrested`` / ``participants`` <- the stated numbers
    - ``cite_info`` <- ``coder`` and ``publication`` (the reports' outlets)
    - our own fields kept beside them: ``cameo``, ``date_precision``, ``factuality``, ``confidence``,
      ``trigger`` ({text, start, end} of the trigger in the article)
    """
    written = 0
    out.write("[")
    for event in events:
        out.write(",\n" if written else "\n")
        out.write(json.dumps(plover_record(event), ensure_ascii=False))
        written += 1
    out.write("\n]\n" if written else "]\n")
    return written


def plover_record(event: Event | Record) -> Record:
    """One event as a PLOVER event record (see ``write_plover_json`` for the mapping)."""
    record = as_record(event)
    evidence = record.get("evidence") or {}
    sentence_span = evidence.get("sentence_span") or [None, None]
    trigger_span = evidence.get("trigger_span") or [None, None]
    actors, recipients = plover_sides(record)
    return {
        "id": record["event_id"],
        "story_id": record.get("article_id"),
        "date": record.get("date"),
        "enddate": record.get("date_end"),
        "event": [record["type"]],
        "mode": [record["mode"]] if record.get("mode") else None,
        "context": list(record.get("contexts") or []) or None,
        "quad_code": record.get("quad_class"),
        "event_scale": record.get("goldstein"),
        "actor": actors,
        "recipient": recipients,
        "actor_implied": implied_actor(record),
        "recipient_implied": implied_recipient(record),
        "event_loc": _plover_location(record.get("location")),
        "event_text": _sentences(record),
        "text_info": {
            "sequence": _sentence_index(record),
            "start": sentence_span[0],
            "end": sentence_span[1],
        },
        "size": {
            "dead": quantity_value(record, "fatalities"),
            "injured": quantity_value(record, "injured"),
            "arrested": quantity_value(record, "arrested"),
            "participants": quantity_value(record, "participants"),
        },
        "cite_info": {"coder": _PLOVER_CODER, "publication": _joined(report_outlets(record))},
        "cameo": record.get("cameo"),
        "date_precision": record.get("date_precision"),
        "factuality": record.get("factuality"),
        "confidence": record.get("confidence"),
        "trigger": {"text": evidence.get("trigger_text"), "start": trigger_span[0], "end": trigger_span[1]},
    }


def plover_sides(record: Mapping[str, Any]) -> tuple[list[Record], list[Record]]:
    """The event's PLOVER ``actor`` and ``recipient`` entities: source and target, or for a reciprocal
    event every side as actor and no recipient."""
    place_country = (record.get("location") or {}).get("country")
    sources = [_plover_entity(actor, place_country) for actor in record.get("source") or []]
    targets = [_plover_entity(actor, place_country) for actor in record.get("target") or []]
    return (sources + targets, []) if record.get("reciprocal") else (sources, targets)


def implied_recipient(record: Mapping[str, Any]) -> list[Record] | None:
    """The state where an event that names no recipient happened, as PLOVER's coders take its recipient
    ("protesters rallied in Lagos": Nigeria; an event with no place, its actors' own state); None
    for a reciprocal event, one with a recipient, one with no country to go by, a retreat (a
    resignation, a surrender, a unilateral ceasefire), which these records code with no recipient, unless
    it lets someone in (a border opened to aid for a country), or forces readied at home ("the
    government of Sindh province ordered patrols"), which show force at no one named."""
    location = record.get("location") or {}
    country = location.get("country") or _actors_country(record)
    if record.get("reciprocal") or record.get("target") or not country or _retreats_from_no_one(record):
        return None
    if _readied_at_home(record, country):
        return None
    placed = bool(location.get("country"))
    words = location.get("text") if placed else None  # the place it is read from
    return [{"entity_text": words, "code": country, "code_from_place": placed,
             "sector": _implied_recipient_sector(record), "identifier_id": None,
             "identifier_text": _iso_country_name(country)}]  # fmt: skip


def _readied_at_home(record: Mapping[str, Any], country: str) -> bool:
    sources = record.get("source") or []
    return record.get("type") == _MOBILIZE and {actor.get("country") for actor in sources} == {country}


def _retreats_from_no_one(record: Mapping[str, Any]) -> bool:
    return record.get("type") == _RETREAT and record.get("mode") != _ACCESS_MODE


def _implied_recipient_sector(record: Mapping[str, Any]) -> str:
    restricted = record.get("cameo") in _POPULATION_RESTRICTIONS and record.get("type") == _COERCE
    harms = record.get("type") in _HARMING_TYPES
    return _POPULATION_SECTOR if restricted or harms else _IMPLIED_RECIPIENT_SECTOR


def implied_actor(record: Mapping[str, Any]) -> list[Record] | None:
    """The doer PLOVER's coders give an event whose text names none: for a bombing ("a roadside bomb
    near Samarra killed a soldier"), an unidentified armed group of the country where it happened; for
    an arrest, an expulsion or an investigation ("was arrested in Lebanon"), that country's state. None
    for any other event, one with a named actor, or one with no country to go by."""
    country = (record.get("location") or {}).get("country")
    if record.get("source") or not country:
        return None
    unclaimed = (
        record.get("acled_event_type") == _UNCLAIMED_ACLED_TYPE
        and record.get("acled_sub_event_type") not in _NOT_UNCLAIMED_ACLED_SUB_TYPES
    )
    if unclaimed:
        sector = _IMPLIED_ACTOR_SECTOR
    elif str(record.get("cameo") or "").startswith(_STATE_ACT_CAMEO_PREFIXES):
        sector = _STATE_ACT_SECTOR
    else:
        return None
    return [{"entity_text": None, "code": country, "code_from_place": True,
             "sector": sector, "identifier_id": None, "identifier_text": None}]  # fmt: skip


def _actors_country(record: Mapping[str, Any]) -> str | None:
    """Where an event with no place happened: its actors' own country, whose state they act towards
    ("Algerian landowners began a hunger strike outside parliament", "the teachers' union called off
    its strike", "the vice-president declined to resign"). Not where a state acts, which may be
    anywhere ("Iran rejected the plan"), nor an attack, which names whom it harms or no one, nor a
    court, which acts within its state on what its ruling names ("Israel's high court opened a
    hearing"), nor people put out of office, often abroad ("the ousted president agreed to resign")."""
    sources = record.get("source") or []
    if record.get("type") == _ASSAULT or any(actor.get("kind") == STATE_KIND for actor in sources):
        return None
    if sources and all(_not_acting_towards_their_state(actor) for actor in sources):
        return None
    countries = {actor.get("country") for actor in sources}
    return countries.pop() if len(countries) == 1 else None


def _not_acting_towards_their_state(actor: Mapping[str, Any]) -> bool:
    """A court, which acts within its state, or a person out of office, who is often abroad."""
    out_of_office = actor.get("sector") == _OUT_OF_OFFICE_SECTOR and actor.get("kind") == PERSON_KIND
    return actor.get("sector") == _COURT_SECTOR or out_of_office


def _plover_entity(actor: Mapping[str, Any], place_country: str | None) -> Record:
    """An actor as PLOVER codes it. One whose country nothing in the text tells ("refugees", "the UCF")
    is coded with the country where the event happened, as PLOVER's coders code one, and
    `code_from_place` says so."""
    code = (
        actor.get("country")
        or _PLOVER_TRANSNATIONAL.get(actor.get("kind") or "")
        or _PLOVER_TRANSNATIONAL_SECTORS.get(actor.get("sector") or "")
    )
    return {
        "entity_text": actor.get("text"),
        "code": code or place_country,
        "code_from_place": not code and place_country is not None,
        "sector": actor.get("sector"),
        "identifier_id": actor.get("actor_id"),
        "identifier_text": actor.get("name"),
    }


def _plover_location(place: Mapping[str, Any] | None) -> Record | None:
    if not place:
        return None
    return {
        "extracted_place": place.get("text"),
        "resolved_place": place.get("name"),
        "geonameid": place.get("geonameid"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "province": place.get("admin1"),
        "country": _iso_country_name(place.get("country")),
        "country_code": place.get("country"),
        "resolution": _PLOVER_RESOLUTION.get(place.get("precision") or 0),
    }


def _iso_country_name(alpha3: str | None) -> str | None:
    country = pycountry.countries.get(alpha_3=alpha3) if alpha3 else None
    return country.name if country is not None else None


def _sentences(record: Mapping[str, Any]) -> list[str]:
    """The evidence sentence first, then the other sentences folded into the event, each once."""
    evidence = [record.get("evidence") or {}, *(record.get("merged") or [])]
    return list(dict.fromkeys(item["sentence"] for item in evidence if item.get("sentence")))


def _sentence_index(record: Mapping[str, Any]) -> int | None:
    """The evidence sentence's index in its article, from the report that points at it."""
    span = list((record.get("evidence") or {}).get("sentence_span") or [])
    for report in record.get("reports") or []:
        if (
            report.get("article_id") == record.get("article_id")
            and list(report.get("sentence_span") or []) == span
        ):
            return report.get("sentence_index")
    return None


# --- GeoJSON -----------------------------------------------------------------------------------------


def write_geojson(events: Iterable[Event | Record], out: TextIO) -> int:
    """Write a GeoJSON FeatureCollection (RFC 7946) with one Point per event; return the features written.

    Events without both coordinates are left out: GeoJSON has no place for a feature without a point.
    Coordinates are [longitude, latitude] in WGS 84, as the RFC orders them.
    """
    written = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for event in events:
        feature = geojson_feature(event)
        if feature is None:
            continue
        out.write(",\n" if written else "\n")
        out.write(json.dumps(feature, ensure_ascii=False))
        written += 1
    out.write("\n]}\n" if written else "]}\n")
    return written


def geojson_feature(event: Event | Record) -> Record | None:
    """One event as a GeoJSON Point Feature with flat properties; None when it has no coordinates."""
    record = as_record(event)
    place = record.get("location") or {}
    lat, lon = place.get("lat"), place.get("lon")
    if lat is None or lon is None:
        return None
    evidence = record.get("evidence") or {}
    properties = {
        "event_id": record["event_id"],
        "article_id": record.get("article_id"),
        "type": record.get("type"),
        "mode": record.get("mode"),
        "cameo": record.get("cameo"),
        "acled_event_type": record.get("acled_event_type"),
        "acled_sub_event_type": record.get("acled_sub_event_type"),
        "date": record.get("date"),
        "date_precision": record.get("date_precision"),
        "factuality": record.get("factuality"),
        **_actor_columns(record),
        "location": place.get("name") or place.get("text"),
        "country": place.get("country"),
        "precision": place.get("precision"),
        "fatalities": quantity_value(record, "fatalities"),
        "injured": quantity_value(record, "injured"),
        "arrested": quantity_value(record, "arrested"),
        "independent_sources": record.get("independent_sources"),
        "trigger": evidence.get("trigger_text"),
    }
    return {
        "type": "Feature",
        "id": record["event_id"],
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": properties,
    }


# --- Parquet -----------------------------------------------------------------------------------------


def write_parquet(events: Iterable[Event | Record], path: str | Path) -> int:
    """Write one row per event to a Parquet file (columns: ``PARQUET_COLUMNS``); return the rows written.

    The file appears whole or not at all: it is written beside ``path`` under a temporary name and
    moved into place only once complete. ``record`` holds the full event record as JSON text.
    """
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    try:
        written = _write_parquet_file(events, temporary)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return written


def _write_parquet_file(events: Iterable[Event | Record], file: str) -> int:
    columns = ", ".join(f'"{name}" {sql_type}' for name, sql_type in PARQUET_COLUMNS)
    # A batch goes in as one list per column: binding values row by row is far slower in DuckDB.
    insert = "INSERT INTO events SELECT " + ", ".join(
        f"unnest(?::{sql_type}[])" for _, sql_type in PARQUET_COLUMNS
    )
    written = 0
    with duckdb.connect(":memory:") as connection:
        connection.execute(f"CREATE TABLE events ({columns})")
        for batch in _batches((_parquet_row(event) for event in events), PARQUET_BATCH_ROWS):
            connection.execute(insert, [list(column) for column in zip(*batch, strict=True)])
            written += len(batch)
        # COPY takes no parameters: the path goes in as an escaped string literal.
        literal = file.replace("'", "''")
        connection.execute(f"COPY events TO '{literal}' (FORMAT PARQUET)")
    return written


def _parquet_row(event: Event | Record) -> tuple[Any, ...]:
    record = as_record(event)
    place = record.get("location") or {}
    evidence = record.get("evidence") or {}
    row = {
        **{name: record.get(name) for name in ("event_id", "article_id", "type", "mode", "cameo")},
        "quad_class": record.get("quad_class"),
        "goldstein": record.get("goldstein"),
        "acled_event_type": record.get("acled_event_type"),
        "acled_sub_event_type": record.get("acled_sub_event_type"),
        "date": as_date(record.get("date")),
        "date_end": as_date(record.get("date_end")),
        "date_precision": record.get("date_precision"),
        "factuality": record.get("factuality"),
        **_actor_columns(record),
        "location": place.get("name") or place.get("text"),
        **{name: place.get(name) for name in ("country", "admin1", "lat", "lon", "precision")},
        **{name: quantity_value(record, name) for name in _COUNTS},
        "confidence": record.get("confidence"),
        "independent_sources": record.get("independent_sources"),
        "trigger": evidence.get("trigger_text"),
        "sentence": evidence.get("sentence"),
        "record": json.dumps(record, ensure_ascii=False),
    }
    return tuple(row[name] for name, _ in PARQUET_COLUMNS)


def _batches(rows: Iterable[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# --- shared ------------------------------------------------------------------------------------------


def _actor_columns(record: Mapping[str, Any]) -> dict[str, str | None]:
    """Source and target actors as flat text: names and distinct countries, each joined with "; "."""
    columns: dict[str, str | None] = {}
    for role in ("source", "target"):
        actors = record.get(role) or []
        columns[f"{role}_names"] = _joined(actor.get("name") or actor.get("text") or "" for actor in actors)
        columns[f"{role}_countries"] = _joined(
            dict.fromkeys(a["country"] for a in actors if a.get("country"))
        )
    return columns


def _joined(texts: Iterable[str]) -> str | None:
    joined = "; ".join(text for text in texts if text)
    return joined or None
