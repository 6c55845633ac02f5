"""The seed's gold format (`gold.yaml`): document-level events with tolerances, and how we score them.

An extracted event matches a gold event when its type is one of the gold types and its source and
target agree with the gold actors: the same country, or the same named actor. Date, place, fatalities
and factuality are then checked field by field on the best match.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pycountry

from whodid.data_files import load_yaml_mapping
from whodid.errors import DataFileError
from whodid.evaluate.gold import as_date
from whodid.evaluate.scoring import NAME_MATCH_THRESHOLD, name_similarity
from whodid.geo import haversine_km
from whodid.records import Actor, Event


@dataclass(frozen=True, slots=True)
class GoldActor:
    countries: frozenset[str]  # alpha-3
    name: str | None = None

    def agrees(self, actors: Sequence[Actor]) -> bool:
        return any(actor.country in self.countries or self._named(actor) for actor in actors)

    def _named(self, actor: Actor) -> bool:
        return (
            self.name is not None
            and name_similarity(self.name, actor.name or actor.text) >= NAME_MATCH_THRESHOLD
        )


@dataclass(frozen=True, slots=True)
class GoldPlace:
    lat: float
    lon: float
    within_km: float


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    types: frozenset[str]
    source: GoldActor | None
    target: GoldActor | None
    date: date | None
    place: GoldPlace | None
    fatalities: int | None
    count: int | None
    factuality: str | None
    core: bool


@dataclass(frozen=True, slots=True)
class SeedGold:
    document: str
    published: date
    events: tuple[GoldEvent, ...]
    not_asserted: tuple[str, ...]


@dataclass(slots=True)
class GoldCheck:
    """How one gold event fared: the matched event and each field's verdict (None: not checkable)."""

    gold: GoldEvent
    event: Event | None
    fields: dict[str, bool | None] = field(default_factory=dict)

    @property
    def found(self) -> bool:
        return self.event is not None


def load_seed_gold(path: Path) -> SeedGold:
    raw = load_yaml_mapping(path)
    try:
        events = tuple(_gold_event(entry) for entry in raw["events"])
        return SeedGold(
            document=str(raw["document"]),
            published=as_date(raw["published"]),
            events=events,
            not_asserted=tuple(str(phrase) for phrase in raw.get("not_asserted", [])),
        )
    except (KeyError, TypeError, ValueError, LookupError) as error:
        raise DataFileError(str(path), f"not a seed gold file: {error!r}") from error


def check_gold(gold: GoldEvent, events: Sequence[Event]) -> GoldCheck:
    """The best extracted event for one gold event, and which of its fields are right."""
    candidates = [event for event in events if matches(gold, event)]
    if not candidates:
        return GoldCheck(gold, None)
    scored = [(_field_verdicts(gold, event), event) for event in candidates]
    verdicts, best = max(scored, key=lambda pair: sum(v is True for v in pair[0].values()))
    return GoldCheck(gold, best, verdicts)


def matches(gold: GoldEvent, event: Event) -> bool:
    if event.type not in gold.types:
        return False
    if gold.source is not None and not gold.source.agrees(event.source):
        return False
    return gold.target is None or gold.target.agrees(event.target)


def asserted_violations(
    phrases: Sequence[str], events: Sequence[Event], event_type: str = "ASSAULT"
) -> list[str]:
    """The phrases (things that might happen) that still yielded an asserted event of `event_type`."""
    return [
        phrase
        for phrase in phrases
        if any(
            phrase in event.evidence.sentence and event.type == event_type and event.factuality == "asserted"
            for event in events
        )
    ]


def _field_verdicts(gold: GoldEvent, event: Event) -> dict[str, bool | None]:
    verdicts: dict[str, bool | None] = {
        "date": None if gold.date is None else event.date == gold.date,
        "fatalities": None
        if gold.fatalities is None
        else (event.fatalities or _NONE).value == gold.fatalities,
        "count": None if gold.count is None else (event.count or _NONE).value == gold.count,
        "factuality": None if gold.factuality is None else event.factuality == gold.factuality,
        "place": None,
    }
    if gold.place is not None:
        location = event.location
        verdicts["place"] = (
            location is not None
            and location.lat is not None
            and location.lon is not None
            and haversine_km(location.lat, location.lon, gold.place.lat, gold.place.lon)
            <= gold.place.within_km
        )
    return verdicts


@dataclass(frozen=True, slots=True)
class _NoQuantity:
    value: None = None


_NONE = _NoQuantity()


def _gold_event(entry: dict[str, Any]) -> GoldEvent:
    location = entry.get("location") or {}
    place = None
    if "lat" in location and "lon" in location:
        place = GoldPlace(
            float(location["lat"]), float(location["lon"]), float(location.get("within_km", 25))
        )
    return GoldEvent(
        id=str(entry["id"]),
        types=frozenset(str(t) for t in entry["type"]),
        source=_gold_actor(entry.get("source")),
        target=_gold_actor(entry.get("target")),
        date=as_date(entry["date"]) if entry.get("date") else None,
        place=place,
        fatalities=entry.get("fatalities"),
        count=entry.get("count"),
        factuality=entry.get("factuality"),
        core=bool(entry.get("core", False)),
    )


def _gold_actor(raw: dict[str, Any] | None) -> GoldActor | None:
    if not raw:
        return None
    countries = raw.get("country") or []
    if isinstance(countries, str):
        countries = [countries]
    if not countries and not raw.get("name"):
        return None  # an actor given only by sector or description cannot be matched by country or name
    return GoldActor(frozenset(_alpha3(code) for code in countries), raw.get("name"))


def _alpha3(code: str) -> str:
    if len(code) == 3:
        return code.upper()
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        raise LookupError(f"unknown country code {code!r}")
    return str(country.alpha_3)
