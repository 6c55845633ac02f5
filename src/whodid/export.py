"""Export views of the event record: JSONL (the record itself) and CSV in ACLED's columns."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any, TextIO, TypeVar

import pycountry

from whodid.records import Event, as_record

ActorT = TypeVar("ActorT")

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities", "article_id",
)  # fmt: skip

# ACLED: 1 = the exact day, 2 = a week or a few days, 3 = a month or less precise.
_TIME_PRECISION = {"day": "1", "week": "2", "month": "3", "year": "3"}

# ACLED's geo_precision stops at 3 (a larger region); our 4 (the country alone) is as coarse as it gets.
_ACLED_MAX_GEO_PRECISION = 3

# Where ACLED spells a country differently from pycountry's name and common name.
_ACLED_COUNTRY_NAMES = {
    "BRN": "Brunei",
    "CIV": "Ivory Coast",
    "COD": "Democratic Republic of Congo",
    "COG": "Republic of Congo",
    "CPV": "Cape Verde",
    "CZE": "Czech Republic",
    "FSM": "Micronesia",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SWZ": "eSwatini",
    "TUR": "Turkey",
    "VAT": "Vatican City",
}


def write_jsonl(events: Iterable[Event | dict[str, Any]], out: TextIO) -> int:
    """Write one event record per line; return how many were written."""
    written = 0
    for event in events:
        out.write(json.dumps(as_record(event), ensure_ascii=False) + "\n")
        written += 1
    return written


def write_acled_csv(
    events: Iterable[Event | dict[str, Any]], out: TextIO, outlets: Mapping[str, str] | None = None
) -> int:
    """Write events as CSV in ACLED's columns; ``outlets`` maps article id -> outlet for ``source``.

    Open ``out`` with ``newline=""`` so notes holding newlines survive unchanged.
    """
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    written = 0
    for event in events:
        record = as_record(event)
        outlet = outlets.get(record.get("article_id", "")) if outlets else None
        writer.writerow(acled_row(record, outlet))
        written += 1
    return written


def acled_row(event: Event | dict[str, Any], outlet: str | None = None) -> dict[str, str]:
    """One event as an ACLED row: every column of ``ACLED_COLUMNS``, as text ("" when unknown)."""
    record = as_record(event)
    location = record.get("location") or {}
    sources, targets = acled_sides(record.get("source") or [], record.get("target") or [],
                                   bool(record.get("reciprocal")))  # fmt: skip
    inter1, inter2 = _inter(sources), _inter(targets)
    country_code = location.get("country")
    evidence = record.get("evidence") or {}
    fatalities = record.get("fatalities") or {}
    return {
        "event_id_cnty": f"{country_code or ''}{record['event_id']}",
        "event_date": record.get("date") or "",
        "time_precision": _TIME_PRECISION.get(record.get("date_precision") or "", ""),
        "event_type": record.get("acled_event_type") or "",
        "sub_event_type": record.get("acled_sub_event_type") or "",
        "actor1": _actor_name(sources[0]) if sources else "",
        "assoc_actor_1": "; ".join(_actor_name(actor) for actor in sources[1:]),
        "inter1": inter1,
        "actor2": _actor_name(targets[0]) if targets else "",
        "assoc_actor_2": "; ".join(_actor_name(actor) for actor in targets[1:]),
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "country": _country_name(country_code),
        "admin1": location.get("admin1") or "",
        "location": location.get("name") or location.get("text") or "",
        "latitude": _coordinate(location.get("lat")),
        "longitude": _coordinate(location.get("lon")),
        "geo_precision": _geo_precision(location.get("precision")),
        "source": outlet or "; ".join(report_outlets(record)),
        "notes": evidence.get("sentence") or "",
        "fatalities": str(fatalities.get("value") or 0),
        "article_id": record.get("article_id") or "",
    }


def acled_sides(
    sources: Sequence[ActorT], targets: Sequence[ActorT], reciprocal: bool
) -> tuple[list[ActorT], list[ActorT]]:
    """ACLED's actor 1 and actor 2 sides: source and target, but for a reciprocal event whose sides all
    stand as its sources ("X and Y clashed", "X and Y signed a deal"), the first against the others."""
    if reciprocal and not targets and len(sources) >= 2:
        return list(sources[:1]), list(sources[1:])
    return list(sources), list(targets)


def _actor_name(actor: Mapping[str, Any]) -> str:
    return actor.get("name") or actor.get("text") or ""


def _inter(actors: list[dict[str, Any]]) -> str:
    """The first actor's ACLED inter code; "0" when there is no actor (ACLED's way), "" when unknown."""
    if not actors:
        return "0"
    code = actors[0].get("acled_inter")
    return str(code) if code is not None else ""


def _interaction(inter1: str, inter2: str) -> str:
    """ACLED's two-digit interaction: the lower inter code first; a lone actor gives e.g. "10"."""
    if not inter1 or not inter2 or inter1 == inter2 == "0":
        return ""
    known = sorted(int(code) for code in (inter1, inter2) if code != "0")
    if len(known) == 1:
        return f"{known[0]}0"
    return f"{known[0]}{known[1]}"


@lru_cache(maxsize=512)
def _country_name(alpha3: str | None) -> str:
    """The country name as ACLED writes it ("Iraq", "Syria", "Russia"); the code itself if unknown."""
    if not alpha3:
        return ""
    if alpha3 in _ACLED_COUNTRY_NAMES:
        return _ACLED_COUNTRY_NAMES[alpha3]
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        return alpha3
    return getattr(country, "common_name", None) or country.name


def _coordinate(value: float | None) -> str:
    return f"{value:.4f}" if value is not None else ""


def _geo_precision(precision: int | None) -> str:
    return str(min(precision, _ACLED_MAX_GEO_PRECISION)) if precision else ""


def report_outlets(record: Mapping[str, Any]) -> list[str]:
    """The distinct outlets behind a merged event, in report order."""
    reports = record.get("reports") or []
    return list(dict.fromkeys(report["outlet"] for report in reports if report.get("outlet")))
