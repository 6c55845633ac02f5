"""ACLED CSV exports (old and new schemas): each row's `notes` is the text, the row's coding the gold.

The article is taken to appear `published_offset_days` after `event_date`, so the text (not the answer)
has to set the event's date. Inter codes are compared as "0".."8" whether the export writes them as
numbers (old schema) or as names such as "State forces" (new schema); no second actor is "0".
Rows with a bad date, number or inter code, or an empty note, are dropped with a reason.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from whodid.errors import InputError
from whodid.evaluate.gold import Dropped, FieldSpec, GoldItem, GoldSet, ReadOptions
from whodid.evaluate.predict import actor_name, first_actor, main_event
from whodid.export import acled_sides
from whodid.records import Actor, Event

NAME = "acled"
REQUIRED_COLUMNS = ("notes", "event_date", "event_type", "sub_event_type")
FIELDS = [
    FieldSpec("event_type", "label", "ACLED event type"),
    FieldSpec("sub_event_type", "label", "ACLED sub-event type"),
    FieldSpec("inter1", "label", "ACLED actor type of actor 1, '1'..'8'"),
    FieldSpec("inter2", "label", "ACLED actor type of actor 2, '0' when there is none"),
    FieldSpec("actor1", "name", "first actor"),
    FieldSpec("actor2", "name", "second actor"),
    FieldSpec(
        "location",
        "distance",
        "the event's (lat, lon), also by ACLED geo_precision",
        group_by="geo_precision",
    ),
    FieldSpec("event_date", "date", "the day of the event"),
    FieldSpec("fatalities", "number", "reported fatalities"),
]
# Optional column -> the gold fields that go unscored without it.
OPTIONAL_COLUMNS = {
    "actor1": ("actor1",),
    "actor2": ("actor2",),
    "inter1": ("inter1",),
    "inter2": ("inter2",),
    "latitude": ("location",),
    "longitude": ("location",),
    "fatalities": ("fatalities",),
}
DATE_FORMATS = ("%d %B %Y", "%Y-%m-%d", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%d/%m/%Y")
# New exports name the actor type; keys are the names lower-cased, letters only, plural "s" dropped.
INTER_CODES = {
    "stateforce": 1,
    "rebelgroup": 2,
    "politicalmilitia": 3,
    "identitymilitia": 4,
    "rioter": 5,
    "protester": 6,
    "civilian": 7,
    "externalotherforce": 8,
    "otherforce": 8,
    "externalforce": 8,
}
ENCODINGS = ("utf-8", "utf-8-sig", "latin-1")


class _BadRow(ValueError):
    """A row that cannot be gold: its message is the reason reported in `dropped`."""


def sniff(path: Path) -> bool:
    if path.suffix.lower() != ".csv" or not path.is_file():
        return False
    with path.open("rb") as handle:
        head = handle.read(4000).removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    header = head.splitlines()[0] if head else ""
    columns = {column.strip().strip('"').lower() for column in header.split(",")}
    return {"notes", "event_type"} <= columns


def read(path: Path, options: ReadOptions) -> GoldSet:
    text, encoding = _decode(path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [column.strip().lower() for column in reader.fieldnames or []]
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        raise InputError(str(path), f"missing column(s): {', '.join(missing)} (is this an ACLED export?)")
    reader.fieldnames = columns
    gold_set = GoldSet(name=path.stem, format=NAME, fields=FIELDS, items=[], predict=predict)
    gold_set.notes.append(f"read as {encoding}")
    gold_set.notes.extend(_missing_column_notes(columns))
    gold_set.notes.append(
        "location scores are over all geo_precision levels (1 town, 2 near a town, 3 region), "
        "and broken down by level in the location section"
    )
    seen: Counter[str] = Counter()
    for row in reader:
        origin = f"{path.name}:{reader.line_num}"
        try:
            item = _item(row, origin, options.published_offset_days)
        except _BadRow as error:
            gold_set.dropped.append(Dropped(origin, str(error)))
            continue
        item.id = _unique_id(item.id or origin, seen)
        gold_set.items.append(item)
        if options.limit is not None and len(gold_set.items) >= options.limit:
            break
    return gold_set


def predict(item: GoldItem, events: list[Event]) -> dict[str, Any]:
    # The gold row is always in ACLED's scope, so an in-scope event is the better answer when we have one.
    in_scope = [event for event in events if event.acled_event_type]
    event = main_event(in_scope) or main_event(events)
    if event is None:
        return {"inter1": "0", "inter2": "0", "fatalities": 0}
    sources, targets = acled_sides(event.source, event.target, event.reciprocal)
    source, target = first_actor(sources), first_actor(targets)
    place = event.location
    located = place is not None and place.lat is not None and place.lon is not None
    return {
        "event_type": event.acled_event_type,
        "sub_event_type": event.acled_sub_event_type,
        "inter1": _predicted_inter(source),
        "inter2": _predicted_inter(target),
        "actor1": actor_name(source),
        "actor2": actor_name(target),
        "location": (place.lat, place.lon) if located and place else None,
        "event_date": event.date,
        "fatalities": event.fatalities.value if event.fatalities else 0,
    }


def _predicted_inter(actor: Actor | None) -> str | None:
    if actor is None:
        return "0"
    return None if actor.acled_inter is None else str(actor.acled_inter)


def _decode(path: Path) -> tuple[str, str]:
    """The file's text and the encoding that read it: exports from spreadsheets are often not UTF-8."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror}") from error
    # A BOM decodes as UTF-8 too, but would stick to the first column name.
    encodings = ("utf-8-sig",) if raw.startswith(b"\xef\xbb\xbf") else ENCODINGS
    for encoding in encodings:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputError(str(path), "cannot decode as UTF-8 or latin-1")  # unreachable: latin-1 takes any byte


def _missing_column_notes(columns: list[str]) -> list[str]:
    absent = [column for column in OPTIONAL_COLUMNS if column not in columns]
    fields = sorted({name for column in absent for name in OPTIONAL_COLUMNS[column]})
    return [f"no column(s) {', '.join(absent)}: {', '.join(fields)} not scored"] if absent else []


def _item(row: dict[str, str | None], origin: str, offset_days: int) -> GoldItem:
    value = {key: (text or "").strip() for key, text in row.items() if key is not None}
    notes = value.get("notes", "")
    if not notes:
        raise _BadRow("empty notes: no text to code")
    event_date = _parse_date(value["event_date"])
    actor1, actor2 = value.get("actor1") or None, value.get("actor2") or None
    gold = {
        "event_type": value["event_type"] or None,
        "sub_event_type": value["sub_event_type"] or None,
        "inter1": _gold_inter(value, "inter1", actor1),
        "inter2": _gold_inter(value, "inter2", actor2),
        "actor1": actor1,
        "actor2": actor2,
        "location": _parse_point(value.get("latitude", ""), value.get("longitude", "")),
        "event_date": event_date,
        "fatalities": _parse_count(value.get("fatalities", "")),
    }
    return GoldItem(
        id=value.get("event_id_cnty", ""),
        text=notes,
        gold=gold,
        published=event_date + timedelta(days=offset_days),
        origin=origin,
        extra={
            "geo_precision": value.get("geo_precision") or None,
            "time_precision": value.get("time_precision") or None,
            "country": value.get("country") or None,
        },
    )


def _parse_date(text: str) -> date:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise _BadRow(f"event_date {text!r} is not a date (expected e.g. '07 February 2024' or '2024-02-07')")


def _parse_point(latitude: str, longitude: str) -> tuple[float, float] | None:
    if not latitude or not longitude:
        return None
    try:
        lat, lon = float(latitude), float(longitude)
    except ValueError:
        raise _BadRow(f"latitude/longitude {latitude!r}, {longitude!r} are not numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise _BadRow(f"latitude/longitude {lat}, {lon} are off the globe")
    return lat, lon


def _parse_count(text: str) -> int | None:
    if not text:
        return None  # not stated: not scored
    try:
        number = float(text)
    except ValueError:
        raise _BadRow(f"fatalities {text!r} is not a number") from None
    if number < 0 or not number.is_integer():
        raise _BadRow(f"fatalities {text!r} is not a whole count")
    return int(number)


def _gold_inter(value: dict[str, str], column: str, actor: str | None) -> str | None:
    if actor is None:
        return "0"  # ACLED's own code for "no such actor"
    text = value.get(column, "")
    if not text:
        return None  # the export leaves it out: not scored
    return str(_inter_code(text, column))


def _inter_code(text: str, column: str) -> int:
    try:
        number = float(text)
    except ValueError:
        code = INTER_CODES.get(re.sub(r"[^a-z]", "", text.lower()).rstrip("s"))
    else:
        code = int(number) if number.is_integer() and 0 <= number <= 8 else None
    if code is None:
        raise _BadRow(f"{column} {text!r} is not an ACLED actor type (1-8 or a name such as 'State forces')")
    return code


def _unique_id(item_id: str, seen: Counter[str]) -> str:
    """ACLED ids repeat across merged exports: the second copy becomes "id#2"."""
    seen[item_id] += 1
    return item_id if seen[item_id] == 1 else f"{item_id}#{seen[item_id]}"
