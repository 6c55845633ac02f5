"""The PLOVER gold-standard records (`PLOVER_GSR_CAMEO.txt`): one JSON array of single-sentence
events with type, mode, source/target actors (CAMEO country code and sector) and sometimes a place.

The records use older PLOVER type names and a few CAMEO country codes that are not ISO; both are
mapped to today's names here (mappings in `whodid/data/evaluate/`). Their dates are placeholders
(2000-01-01), so items carry no publication date.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry

from whodid.data_files import load_yaml_mapping, package_data_path
from whodid.errors import InputError
from whodid.evaluate.formats._files import head_text, read_text
from whodid.evaluate.gold import Dropped, FieldSpec, GoldItem, GoldSet, ReadOptions
from whodid.evaluate.predict import main_event
from whodid.evaluate.scoring import NONE_LABEL
from whodid.export_formats import implied_actor, implied_recipient, plover_sides
from whodid.ontology import plover_coded_type
from whodid.records import PLOVER_TYPES, Event, as_record

NAME = "plover-gsr"

# PLOVER renamed some types after these records were coded.
OLD_TYPE_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# The records' draft mode names that today's manual renamed or folded into one mode.
OLD_MODE_NAMES = {
    "assassinate": "targeted", "detain": "arrest", "confiscate": "seize", "ban": "restrict",
    "demo-org": "demo", "demo-spon": "demo", "riot-spon": "riot", "strike-hun": "hunger",
    "strike-gen": "strike", "host": "visit",
}  # fmt: skip
NOT_EVENTS = {"DOCUMENT": "a DOCUMENT record documents the file; it is not an event"}

UNKNOWN = "(unknown)"  # we named an actor but cannot say its country or sector
JOIN = "+"  # a role with several actors ("Hungarian and Romanian officials") is scored as their set


FIELDS = [
    FieldSpec("event_type", "label", "PLOVER type (old names mapped to today's)"),
    FieldSpec("mode", "label", "PLOVER mode, where the gold gives one"),
    FieldSpec("source_country", "label", "source actors' alpha-3 (or IGO/NGO/IMG); (none) without one"),
    FieldSpec("target_country", "label", "target actors' alpha-3 (or IGO/NGO/IMG); (none) without one"),
    FieldSpec("source_sector", "label", "source actors' sector code; (none) without a source"),
    FieldSpec("target_sector", "label", "target actors' sector code; (none) without a target"),
    FieldSpec("location_country", "label", "alpha-3 of the event's place, where the gold gives one"),
    FieldSpec("location", "name", "the event's place name, where the gold gives one"),
]

NOTES = [
    "Old type names mapped: DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, FIGHT->ASSAULT.",
    "Predicted event_type is the main event's type as PLOVER codes it: a planned or threatened act is "
    "its type's intent (AGREE for cooperation, THREATEN for force or pressure).",
    "Dates in the gold are placeholders (2000-01-01): items have no publication date.",
    "A role with several actors is scored as the set of their codes joined by '+'.",
    "Transnational codes IGO/NGO/IMG are labels of their own; our actors without a country are "
    "labelled by kind (igo/alliance->IGO, ngo->NGO, armed_group->IMG), else (unknown).",
    "Our roles are read as our PLOVER export writes them: a reciprocal event has every side as actor "
    "and no recipient (but one only intended, coded as its intent, is the intending side's towards the "
    "other side it names); an event naming no recipient has the state where it happened as its recipient "
    "(the export's recipient_implied), as these records code a protest or a curfew in a country; a "
    "bombing naming no doer has an unidentified armed group of that state as its actor (actor_implied).",
    "An actor coded with a bare country code and no sector is the state: sector GOV (CAMEO's reading).",
    "Sectors compare on their first three letters (ethnic/religious qualifiers dropped); "
    "'***' is not scored.",
    "location_country is scored where the gold gives a country code or the place is a country; "
    "gold modes in draft names are renamed to today's (assassinate->targeted, detain->arrest, "
    "confiscate->seize, ban->restrict, demo-org/demo-spon->demo, riot-spon->riot, strike-hun->hunger, "
    "strike-gen->strike, host->visit); the others are compared as written.",
]


@dataclass(frozen=True, slots=True)
class _Codes:
    """The crosswalks from the gold's codes to ours, read from data files."""

    countries: dict[str, str]  # non-ISO CAMEO code -> alpha-3
    transnational: dict[str, dict[str, str]]  # IGO -> {label, sector}
    sector_aliases: dict[str, str]
    unscored_sectors: frozenset[str]
    country_names: dict[str, str]  # lower-case country name or alias -> alpha-3

    @classmethod
    def load(cls) -> _Codes:
        countries = load_yaml_mapping(package_data_path("evaluate/cameo_country_codes.yaml"))
        sectors = load_yaml_mapping(package_data_path("evaluate/plover_sector_codes.yaml"))
        return cls(
            countries=dict(countries.get("countries") or {}),
            transnational=dict(countries.get("transnational") or {}),
            sector_aliases=dict(sectors.get("aliases") or {}),
            unscored_sectors=frozenset(sectors.get("unscored") or ()),
            country_names=_country_names(),
        )

    def alpha3(self, code: str) -> str | None:
        code = self.countries.get(code, code)
        return code if pycountry.countries.get(alpha_3=code) else None


class _NotScorable(Exception):
    """A record that cannot be used; its message is the reason reported in `dropped`."""


def sniff(path: Path) -> bool:
    if path.suffix.lower() not in {".txt", ".json"} or not path.is_file():
        return False
    head = head_text(path, 4096)
    return head.lstrip().startswith("[") and '"eventText"' in head and '"textInfo"' in head


def read(path: Path, options: ReadOptions) -> GoldSet:
    text = read_text(path, "PLOVER gold-standard file")
    records = _json_records(path, text)
    codes = _Codes.load()
    gold = GoldSet(path.stem, NAME, list(FIELDS), [], predict, notes=list(NOTES))
    for index, record in enumerate(records):
        origin = _origin(path, text, record, index)
        try:
            gold.items.append(_item(record, origin, codes))
        except _NotScorable as reason:
            gold.dropped.append(Dropped(origin, str(reason)))
            continue
        if options.limit is not None and len(gold.items) >= options.limit:
            break
    if not gold.items:
        raise InputError(
            str(path), "not a PLOVER gold-standard file: no record has a PLOVER 'event' and 'text'"
        )
    return gold


def predict(item: GoldItem, events: list[Event]) -> dict[str, Any]:
    event = main_event(events)
    if event is None:
        return {"source_country": NONE_LABEL, "target_country": NONE_LABEL,
                "source_sector": NONE_LABEL, "target_sector": NONE_LABEL}  # fmt: skip
    place = event.location
    # Scored as our PLOVER export codes it: a reciprocal event's sides all actors; an event that names
    # no recipient aimed at the state where it happened, as these records code one.
    record = as_record(event)
    coded_type = plover_coded_type(event.type, event.factuality)
    if coded_type != event.type and event.target:
        # An intent to meet or to talk ("offered to negotiate with Armenia") is the offerer's towards
        # the other side it names, as PLOVER codes an AGREE: not yet the joint act of both.
        record["reciprocal"] = False
    actors, recipients = plover_sides(record)
    actors = actors or implied_actor(record) or []
    recipients = recipients or implied_recipient(record) or []
    return {
        "event_type": coded_type,
        "mode": event.mode,
        "source_country": _joined(entity["code"] or UNKNOWN for entity in actors),
        "target_country": _joined(entity["code"] or UNKNOWN for entity in recipients),
        "source_sector": _joined(entity["sector"] or UNKNOWN for entity in actors),
        "target_sector": _joined(entity["sector"] or UNKNOWN for entity in recipients),
        "location_country": place.country if place else None,
        "location": (place.name or place.text) if place else None,
    }


def _item(record: Any, origin: str, codes: _Codes) -> GoldItem:
    if not isinstance(record, dict):
        raise _NotScorable(f"expected a JSON object, got {type(record).__name__}")
    raw_type = str(record.get("event") or "").strip().upper()
    if raw_type in NOT_EVENTS:
        raise _NotScorable(NOT_EVENTS[raw_type])
    event_type = OLD_TYPE_NAMES.get(raw_type, raw_type)
    if event_type not in PLOVER_TYPES:
        raise _NotScorable(f"unknown event type {record.get('event')!r}")
    sentence = record.get("text")
    if not isinstance(sentence, str) or not sentence.strip():
        raise _NotScorable("no 'text'")
    gold: dict[str, Any] = {"event_type": event_type}
    mode = record.get("mode")
    if isinstance(mode, str) and mode.strip():
        gold["mode"] = OLD_MODE_NAMES.get(mode.strip(), mode.strip())
    for role in ("source", "target"):
        actors = _gold_actors(record.get(role))
        gold[f"{role}_country"] = _gold_countries(actors, codes)
        gold[f"{role}_sector"] = _gold_sectors(actors, codes)
    gold["location_country"], gold["location"] = _gold_place(record.get("eventLoc"), codes)
    item_id = str(record.get("id") or origin)
    return GoldItem(item_id, sentence, gold, published=None, origin=origin)


def _gold_actors(raw: Any) -> list[dict[str, Any]] | None:
    """The role's actors; [] when the gold has none; None when the field is not a list of actors
    (one record holds a context word there), so the role is not scored."""
    if raw is None or raw == "":
        return []
    if isinstance(raw, list) and all(isinstance(actor, dict) and actor.get("code") for actor in raw):
        return raw
    return None


def _gold_countries(actors: list[dict[str, Any]] | None, codes: _Codes) -> str | None:
    if actors is None:
        return None
    labels = [_gold_country(str(actor["code"]).strip().upper(), codes) for actor in actors]
    return None if None in labels else _joined(label for label in labels if label)


def _gold_country(code: str, codes: _Codes) -> str | None:
    if code in codes.transnational:
        return codes.transnational[code]["label"]
    return codes.alpha3(code)  # None for a code we cannot read: the role is not scored


def _gold_sectors(actors: list[dict[str, Any]] | None, codes: _Codes) -> str | None:
    if actors is None:
        return None
    labels = [_gold_sector(actor, codes) for actor in actors]
    return None if None in labels else _joined(label for label in labels if label)


def _gold_sector(actor: dict[str, Any], codes: _Codes) -> str | None:
    raw = str(actor.get("sector") or "").strip()
    code = str(actor["code"]).strip().upper()
    if raw in codes.unscored_sectors:
        return None
    if raw:
        primary = raw[:3].upper()
        return codes.sector_aliases.get(primary, primary)
    if code in codes.transnational:
        return codes.transnational[code]["sector"]
    return "GOV" if codes.alpha3(code) else None


def _gold_place(raw: Any, codes: _Codes) -> tuple[str | None, str | None]:
    """(alpha-3, name) of the gold's place; alpha-3 only from its country code or a country's name."""
    if not isinstance(raw, dict) or not str(raw.get("name") or "").strip():
        return None, None
    name = str(raw["name"]).strip()
    alpha2 = str(raw.get("country code") or "").strip().upper()
    country = pycountry.countries.get(alpha_2=alpha2) if len(alpha2) == 2 else None
    if country is not None:
        return country.alpha_3, name
    return codes.country_names.get(name.lower()), name


def _joined(labels: Any) -> str:
    distinct = sorted(set(labels))
    return JOIN.join(distinct) if distinct else NONE_LABEL


def _country_names() -> dict[str, str]:
    """Country names and aliases from our knowledge base's country table (facts from pycountry)."""
    path = package_data_path("actors/countries.csv")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    names: dict[str, str] = {}
    for row in csv.DictReader(lines):
        for name in [row["name"], *row["aliases"].split("|")]:
            if name:
                names.setdefault(name.lower(), row["alpha3"])
    return names


def _json_records(path: Path, text: str) -> Sequence[Any]:
    try:
        records = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{path}:{error.lineno}", f"not a PLOVER gold-standard file: invalid JSON ({error.msg})"
        ) from error
    if not isinstance(records, list):
        raise InputError(str(path), "not a PLOVER gold-standard file: expected a JSON array of records")
    return records


def _origin(path: Path, text: str, record: Any, index: int) -> str:
    """`file:line` of the record's id (the file is one JSON array, so lines come from the text)."""
    record_id = record.get("id") if isinstance(record, dict) else None
    at = text.find(json.dumps(record_id)) if isinstance(record_id, str) else -1
    if at < 0:
        return f"{path}#{index + 1}"
    return f"{path}:{text.count(chr(10), 0, at) + 1}"
