"""Mentions of one happening, across sentences and articles, become one event.

Pure functions over event records (``Event.to_dict()`` form): what the store reads off a record to find
its event again (`facts_of`), whether two records may report one happening and how well they match
(`match_score`), and the event record made of all its mentions (`combine`).

Two records may be one happening when they have the same type, are told on the same footing, and
nothing they say contradicts: their places lie within a distance set by the coarser precision, their
dates within a window set by the coarser precision, and each side's actors share an actor or a country.
Agreement must also be positive: across articles a shared place or date and one more shared fact.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from whodid.geo import haversine_km
from whodid.records import HAPPENED, as_date

# How far apart two places may be and still be one event's, by the coarser of their precisions
# (1 town, 2 near a town or a district, 3 a region); two country-level places must share the country.
RADIUS_KM = {1: 25.0, 2: 50.0, 3: 250.0}
# How far apart two dates may be, by the coarser precision: reports of one day's event disagree by a day
# when it happened overnight or across time zones.
DATE_WINDOW_DAYS = {"day": 2, "week": 8, "month": 31, "year": 366}
# The widest window, for the store's first, indexed look-up of candidate events.
SEARCH_WINDOW_DAYS = 31
# Points of agreement needed: within one article a single shared actor or place will do; across articles
# it takes a shared place or date and one more fact (the same town and day, or a day and both actors).
WITHIN_ARTICLE_SCORE = 2
ACROSS_ARTICLES_SCORE = 3
# A republished copy's mention joins its original's event when the two sentences share this much.
COPY_SENTENCE_OVERLAP = 0.5
_DATE_PRECISION_RANK = {"day": 4, "week": 3, "month": 2, "year": 1}
_COUNTS = ("fatalities", "injured", "arrested", "participants")
_WORD = re.compile(r"\w+")
_STRONG = ("id:", "cc:")  # actor keys that identify; the others only describe
_NAMING = ("id:", "name:")  # actor keys that name one actor


@dataclass(frozen=True, slots=True)
class Facts:
    """What matching needs of an event record."""

    type: str
    factuality: str
    date: date | None
    date_precision: str | None
    lat: float | None
    lon: float | None
    precision: int | None
    country: str | None
    # Actor ids and countries ("id:…", "cc:IRQ") on each side: shared ones are agreement, disjoint ones
    # are a contradiction. Generic agents ("agent:police") and names the KB does not know ("name:…")
    # only ever count as agreement: "police" and "Karachi police" may be one actor.
    sources: frozenset[str]
    targets: frozenset[str]
    fatalities: int | None

    @property
    def happened(self) -> bool:
        return self.factuality in HAPPENED


def facts_of(record: Mapping[str, Any]) -> Facts:
    location = record.get("location") or {}
    fatalities = record.get("fatalities") or {}
    return Facts(
        type=record["type"],
        factuality=record.get("factuality") or "asserted",
        date=as_date(record.get("date")),
        date_precision=record.get("date_precision"),
        lat=location.get("lat"),
        lon=location.get("lon"),
        precision=location.get("precision"),
        country=location.get("country"),
        sources=actor_keys(record.get("source") or []),
        targets=actor_keys(record.get("target") or []),
        fatalities=fatalities.get("value"),
    )


def actor_keys(actors: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    keys: set[str] = set()
    for actor in actors:
        actor_id = actor.get("actor_id")
        if actor_id and str(actor_id).startswith("agent:"):
            keys.add(str(actor_id))
        elif actor_id:
            keys.add(f"id:{actor_id}")
        elif actor.get("name") or actor.get("text"):
            keys.add(f"name:{normal_name(actor.get('name') or actor['text'])}")
        if actor.get("country"):
            keys.add(f"cc:{actor['country']}")
    return frozenset(keys)


def match_score(first: Facts, second: Facts, same_article: bool) -> int | None:
    """How many points of agreement two records share, or None when they cannot be one happening."""
    if first.type != second.type:
        return None
    if first.happened != second.happened or (not first.happened and first.factuality != second.factuality):
        return None
    # Each test may rule the pair out, cheapest first: the store runs this on every candidate event.
    place = _place_score(first, second)
    if place is None:
        return None
    when = _date_score(first, second)
    if when is None or not (same_article or place or when):
        return None
    sources = _side_score(first.sources, second.sources)
    if sources is None:
        return None
    targets = _side_score(first.targets, second.targets)
    if targets is None:
        return None
    total = place + when + sources + targets
    if first.fatalities and first.fatalities == second.fatalities:
        total += 1
    return total if total >= (WITHIN_ARTICLE_SCORE if same_article else ACROSS_ARTICLES_SCORE) else None


def _place_score(first: Facts, second: Facts) -> int | None:
    if first.country and second.country and first.country != second.country:
        return None
    if first.lat is None or second.lat is None or first.lon is None or second.lon is None:
        return 0
    coarser = max(first.precision or 4, second.precision or 4)
    if coarser not in RADIUS_KM:  # a country-level place: the shared country is all it can say
        return 0 if first.country and first.country == second.country else None
    if haversine_km(first.lat, first.lon, second.lat, second.lon) > RADIUS_KM[coarser]:
        return None
    return 2 if coarser <= 2 else 1


def _date_score(first: Facts, second: Facts) -> int | None:
    if first.date is None or second.date is None:
        return 0
    coarser = min(
        (first.date_precision or "day", second.date_precision or "day"),
        key=lambda precision: _DATE_PRECISION_RANK.get(precision, 0),
    )
    apart = abs((first.date - second.date).days)
    if apart > DATE_WINDOW_DAYS.get(coarser, SEARCH_WINDOW_DAYS):
        return None
    return 2 if coarser == "day" and apart <= 1 else 1


def _side_score(first: frozenset[str], second: frozenset[str]) -> int | None:
    """2 for a shared actor, 1 for a shared country or kind of agent only, 0 when a side is unknown, None
    when both sides name known actors and share nothing (the Iraqi army is not the Syrian army)."""
    shared = first & second
    if shared:
        return 2 if any(key.startswith(_NAMING) for key in shared) else 1
    return None if _identifies(first) and _identifies(second) else 0


@functools.lru_cache(maxsize=8192)
def _identifies(keys: frozenset[str]) -> bool:
    """Whether a side's keys name a known actor or country. Cached: a store compares the same few sets
    (a frozenset keeps its hash) hundreds of thousands of times."""
    return any(key.startswith(_STRONG) for key in keys)


def copy_compatible(first: Facts, second: Facts) -> bool:
    """A republished copy's reworded sentence may drop a place or a date, but not change who acted."""
    return (
        first.type == second.type
        and first.happened == second.happened
        and _side_score(first.sources, second.sources) is not None
        and _side_score(first.targets, second.targets) is not None
    )


def best_match(facts: Facts, candidates: Sequence[tuple[str, Facts]], same_article: bool) -> str | None:
    """The id of the candidate that agrees most (the earliest on a tie), or None."""
    best_id, best_score = None, 0
    for candidate_id, candidate in candidates:
        score = match_score(facts, candidate, same_article)
        if score is not None and score > best_score:
            best_id, best_score = candidate_id, score
    return best_id


def group_article_mentions(records: Sequence[Mapping[str, Any]]) -> list[list[int]]:
    """An article's mentions (in order) grouped by happening, as lists of indexes: each mention joins the
    earlier group it agrees with most. Mentions of one sentence stay apart; the pipeline has already
    folded together what one sentence says twice."""
    groups: list[list[int]] = []
    facts = [facts_of(record) for record in records]
    for index, record in enumerate(records):
        sentence = sentence_index(record)
        candidates = [
            (str(number), facts[group[0]])
            for number, group in enumerate(groups)
            if all(sentence_index(records[member]) != sentence for member in group)
        ]
        chosen = best_match(facts[index], candidates, same_article=True)
        if chosen is None:
            groups.append([index])
        else:
            groups[int(chosen)].append(index)
    return groups


def sentence_overlap(first: str, second: str) -> float:
    """Shared words over all words (Jaccard) of two sentences, case-blind."""
    words_first = set(_WORD.findall(first.casefold()))
    words_second = set(_WORD.findall(second.casefold()))
    if not words_first or not words_second:
        return 0.0
    return len(words_first & words_second) / len(words_first | words_second)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a mention was published: its article, outlet, and the original it republishes (if any)."""

    article_id: str
    outlet: str | None
    original_id: str | None
    original_outlet: str | None

    @property
    def independence_key(self) -> str:
        """One key per independent source: a copy counts as its original, and an outlet counts once."""
        outlet = self.original_outlet if self.original_id else self.outlet
        if outlet:
            return f"outlet:{outlet.casefold()}"
        return f"article:{self.original_id or self.article_id}"


def combine(mentions: Sequence[tuple[Mapping[str, Any], Source]], event_id: str) -> dict[str, Any]:
    """The event record made of its mentions (in the order they were stored).

    The best-specified mention lends its evidence; each field comes from the mention that states it most
    precisely; counts take the lowest figure reported (the conservative rule ACLED follows), and where
    mentions disagree the values are kept in `conflicts`."""
    records = [record for record, _ in mentions]
    best = max(range(len(records)), key=lambda index: (_specificity(records[index]), -index))
    merged: dict[str, Any] = dict(records[best])
    merged["event_id"] = event_id
    merged["article_id"] = mentions[0][1].article_id
    conflicts: dict[str, list[Any]] = {}
    for side in ("source", "target"):
        merged[side] = max(records, key=_side_strength(side)).get(side) or []
    dated = max(records, key=lambda record: _DATE_PRECISION_RANK.get(record.get("date_precision") or "", 0))
    for name in ("date", "date_end", "date_precision", "date_text", "date_span"):
        merged[name] = dated.get(name)
    placed = [record for record in records if record.get("location")]
    if placed:
        merged["location"] = min(placed, key=lambda record: record["location"].get("precision") or 5)[
            "location"
        ]
    for name in _COUNTS:
        stated = [record[name] for record in records if record.get(name)]
        if stated:
            merged[name] = min(stated, key=lambda quantity: quantity["value"])
        _note_conflict(conflicts, name, [(quantity or {}).get("value") for quantity in stated])
    for name in ("acled_event_type", "acled_sub_event_type", "mode", "cameo"):
        if not merged.get(name):
            merged[name] = next((record.get(name) for record in records if record.get(name)), None)
    if any(record.get("factuality") == "asserted" for record in records):
        merged["factuality"] = "asserted"
    _note_conflict(conflicts, "date", [record.get("date") for record in records])
    _note_conflict(conflicts, "location", [_place_label(record.get("location")) for record in records])
    _note_conflict(
        conflicts, "acled_sub_event_type", [record.get("acled_sub_event_type") for record in records]
    )
    merged["confidence"] = round(min(1.0, max(record.get("confidence") or 0 for record in records)
                                     + 0.05 * (len(records) - 1)), 2)  # fmt: skip
    merged["reports"] = [_report(record, source) for record, source in mentions]
    merged["independent_sources"] = len({source.independence_key for _, source in mentions})
    merged["conflicts"] = conflicts
    return merged


def _specificity(record: Mapping[str, Any]) -> tuple[int, ...]:
    location = record.get("location") or {}
    return (
        record.get("factuality") == "asserted",
        bool(record.get("source")),
        bool(record.get("target")),
        _DATE_PRECISION_RANK.get(record.get("date_precision") or "", 0),
        5 - (location.get("precision") or 5),
        sum(bool(record.get(name)) for name in _COUNTS),
        int(100 * (record.get("confidence") or 0)),
    )


def _side_strength(side: str) -> Callable[[Mapping[str, Any]], tuple[int, int]]:
    def strength(record: Mapping[str, Any]) -> tuple[int, int]:
        actors = record.get(side) or []
        known = sum(bool(actor.get("actor_id") or actor.get("country")) for actor in actors)
        return known, len(actors)

    return strength


def _report(record: Mapping[str, Any], source: Source) -> dict[str, Any]:
    evidence = record.get("evidence") or {}
    first = (record.get("reports") or [{}])[0]
    return {
        "article_id": source.article_id,
        "sentence_index": first.get("sentence_index"),
        "sentence_span": evidence.get("sentence_span") or first.get("sentence_span"),
        "outlet": source.outlet,
        "mention_id": record["event_id"],
        "copy_of": source.original_id,
    }


def _note_conflict(conflicts: dict[str, list[Any]], name: str, values: Iterable[Any]) -> None:
    distinct = list(dict.fromkeys(value for value in values if value is not None))
    if len(distinct) > 1:
        conflicts[name] = distinct


def _place_label(location: Mapping[str, Any] | None) -> str | None:
    if not location:
        return None
    return location.get("name") or location.get("text")


def sentence_index(record: Mapping[str, Any]) -> int | None:
    reports = record.get("reports") or []
    return reports[0].get("sentence_index") if reports else None


def normal_name(name: str) -> str:
    return " ".join(_WORD.findall(name.casefold()))
