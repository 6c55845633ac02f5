"""Filters over stored events, turned into one parameterised WHERE clause both engines run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from whodid.geo import EARTH_RADIUS_KM

# One degree of latitude in km: the box that lets the index-free distance test see fewer rows.
_KM_PER_DEGREE = 111.0
MAX_LIMIT = 100_000  # a page never asks for more rows than this
# The orders events can be read in, by name; ties keep the order events were stored in.
SORTS: dict[str, str] = {
    "stored": "added_order",
    "date": '"date" NULLS LAST, added_order',
    "-date": '"date" DESC NULLS LAST, added_order',
    "fatalities": "fatalities NULLS LAST, added_order",
    "-fatalities": "fatalities DESC NULLS LAST, added_order",
    "sources": "independent_sources, added_order",
    "-sources": "independent_sources DESC, added_order",
    "type": '"type", added_order',
    "country": "country NULLS LAST, added_order",
}


@dataclass(frozen=True, slots=True)
class Near:
    lat: float
    lon: float
    km: float

    def __post_init__(self) -> None:
        if not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180):
            raise ValueError(f"{self.lat},{self.lon} is not a latitude,longitude")
        if not 0 < self.km <= 20_000:
            raise ValueError(f"a radius of {self.km} km is not between 0 and 20,000")

    @classmethod
    def parse(cls, text: str) -> Near:
        """From "LAT,LON,KM" as typed on the command line."""
        parts = text.split(",")
        if len(parts) != 3:
            raise ValueError(f"{text!r} is not LAT,LON,KM")
        try:
            lat, lon, km = (float(part) for part in parts)
        except ValueError as err:
            raise ValueError(f"{text!r} is not LAT,LON,KM: {err}") from err
        return cls(lat, lon, km)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events to read. Every filter is optional; given ones must all hold."""

    types: tuple[str, ...] = ()  # PLOVER types, ACLED event types or sub-event types
    actor: str | None = None  # part of a source's or target's name, its KB id, or its country (alpha-3)
    country: str | None = None  # where it happened (alpha-3)
    date_from: date | None = None
    date_to: date | None = None
    near: Near | None = None
    min_sources: int | None = None  # independent sources at least
    factuality: tuple[str, ...] = ()
    limit: int | None = None
    offset: int = 0
    order_by_date: bool = False  # by date (undated last); otherwise in the order events were stored
    sort: str | None = None  # one of SORTS; wins over order_by_date

    def __post_init__(self) -> None:
        if self.sort is not None and self.sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {self.sort!r}")

    def where(self, also: str | None = None) -> tuple[str, list[Any]]:
        """The WHERE clause (or "") and its parameters; `also` is one more condition, without parameters,
        that the events must meet ("lat IS NOT NULL")."""
        clauses: list[str] = [also] if also else []
        params: list[Any] = []
        if self.types:
            marks = ", ".join("?" for _ in self.types)
            clauses.append(
                f'("type" IN ({marks}) OR acled_event_type IN ({marks}) OR acled_sub_event_type IN ({marks}))'
            )
            params += [*self.types, *self.types, *self.types]
        if self.actor:
            named, named_params = actor_condition(self.actor, "ac")
            clauses.append(
                "event_id IN (SELECT ea.event_id FROM event_actors ea JOIN actors ac ON ac.actor_key = "
                f"ea.actor_key WHERE {named})"
            )
            params += named_params
        if self.country:
            clauses.append("country = ?")
            params.append(self.country.upper())
        if self.date_from:
            clauses.append('"date" >= ?')
            params.append(self.date_from)
        if self.date_to:
            clauses.append('"date" <= ?')
            params.append(self.date_to)
        if self.near:
            clause, near_params = _within(self.near)
            clauses.append(clause)
            params += near_params
        if self.min_sources:
            clauses.append("independent_sources >= ?")
            params.append(self.min_sources)
        if self.factuality:
            clauses.append(f"factuality IN ({', '.join('?' for _ in self.factuality)})")
            params += list(self.factuality)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def count_sql(self) -> tuple[str, list[Any]]:
        """How many events pass the filters (limit and offset aside)."""
        where, params = self.where()
        return f"SELECT count(*) FROM events{where}", params

    def sql(self, columns: str) -> tuple[str, list[Any]]:
        where, params = self.where()
        sort = self.sort or ("date" if self.order_by_date else "stored")
        sql = f"SELECT {columns} FROM events{where} ORDER BY {SORTS[sort]}"
        limit = min(self.limit, MAX_LIMIT) if self.limit is not None else None
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        if self.offset:
            sql += " OFFSET ?"
            params.append(self.offset)
        return sql, params


def actor_condition(text: str, alias: str) -> tuple[str, list[Any]]:
    """The actors (table `alias`) that `text` names: part of a name, a KB id, or a country (alpha-3)."""
    condition = f"(lower({alias}.name) LIKE ? ESCAPE '\\' OR {alias}.actor_id = ? OR {alias}.country = ?)"
    return condition, [f"%{literal_like(text.casefold())}%", text, text.upper()]


def literal_like(text: str) -> str:
    """Text for a LIKE pattern that matches itself: "_" and "%" in a name are not wildcards."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _within(near: Near) -> tuple[str, list[Any]]:
    """Great-circle distance at most `near.km`, behind a latitude box that cuts the rows it is computed on."""
    box = near.km / _KM_PER_DEGREE
    distance = (
        f"2 * {EARTH_RADIUS_KM} * asin(sqrt(least(1.0, power(sin(radians(lat - ?) / 2), 2) + "
        "cos(radians(?)) * cos(radians(lat)) * power(sin(radians(lon - ?) / 2), 2))))"
    )
    clause = f"(lat BETWEEN ? AND ? AND lon IS NOT NULL AND {distance} <= ?)"
    return clause, [near.lat - box, near.lat + box, near.lat, near.lat, near.lon, near.km]
