"""The stored events a new mention may report, kept at hand by type and month.

Finding them in SQL cost a scan of every stored event for each mention: neither engine can use an index
for a type, a date range and boxes around a point at once, and on a dense corpus (a year of one state's
violence) most of a batch's time went there. So the store reads the events of one type and month once,
keeps what matching needs of them (their `Facts`) and narrows them with NumPy for each mention. Its own
batches keep the months current once they commit; a batch another connection wrote is noticed by the
mention sequence moving further than this store's writes, and the cache then starts afresh. A month no
mention has looked at for `IDLE_BATCHES` batches is let go (a corpus read in date order leaves its past
behind), and at most `MAX_EVENTS` are kept: the months least lately used go first.

The narrowing keeps every event `match_score` could accept for a mention of another article (and few
others): same type, reference dates within `SEARCH_WINDOW_DAYS`, no other country, places within the
radius of the coarser precision or not comparable, day-dated events within the day window, and a shared
place or date possible. `match_score` then decides.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from whodid.consolidate import DATE_WINDOW_DAYS, RADIUS_KM, SEARCH_WINDOW_DAYS, Facts
from whodid.geo import EARTH_RADIUS_KM
from whodid.store import rows
from whodid.store.backends import Database

MAX_EVENTS = 100_000  # about 60 MB
IDLE_BATCHES = 16  # about 4,000 articles in full batches
SEQUENCE = "mention_order"  # every batch that changes events adds mentions
# NumPy's distance and `haversine_km` may differ in the last bits: narrow a little wide, let match decide.
_RADIUS_SLACK = 1.001
_NO_PRECISION = 4  # a stored event without a place precision counts as country-level, as in SQL before

MonthKey = tuple[str, int]  # event type, months since year 0


class WrittenEvent(NamedTuple):
    """An event a committed batch inserted or rewrote."""

    event_id: str
    facts: Facts
    ref_date: date | None
    order: int  # its added_order: ties between candidates go to the earliest stored


class Candidate(NamedTuple):
    """A stored event a mention may report."""

    order: int  # its added_order: ties between candidates go to the earliest stored
    event_id: str
    facts: Facts


class _Columns(NamedTuple):
    ids: list[str]
    facts: list[Facts]
    order: npt.NDArray[np.int64]
    ref: npt.NDArray[np.int64]  # reference date, as a day number
    lat: npt.NDArray[np.float64]  # NaN where there is no place
    lon: npt.NDArray[np.float64]
    precision: npt.NDArray[np.int64]
    country: npt.NDArray[np.object_]
    dated: npt.NDArray[np.bool_]
    day_dated: npt.NDArray[np.bool_]
    day: npt.NDArray[np.int64]  # the date as a day number, 0 where there is none


@dataclass(slots=True)
class _Month:
    events: dict[str, tuple[int, int, Facts]] = field(default_factory=dict)  # id -> (order, ref, facts)
    columns: _Columns | None = None  # built on first use after a change
    used: int = 0  # the batch that last looked at it

    def put(self, event_id: str, order: int, ref: int, facts: Facts) -> int:
        """Keep an event; 1 if it was not kept before, else 0."""
        new = event_id not in self.events
        self.events[event_id] = (order, ref, facts)
        self.columns = None
        return int(new)

    def drop(self, event_id: str) -> int:
        """Let an event go; 1 if it was kept, else 0."""
        if self.events.pop(event_id, None) is None:
            return 0
        self.columns = None
        return 1

    def table(self) -> _Columns:
        if self.columns is None:
            self.columns = _columns(self.events)
        return self.columns


@dataclass(slots=True)
class CandidateCache:
    """One store's events by (type, month), as its batches left them; see the module's docstring."""

    max_events: int = MAX_EVENTS
    months: OrderedDict[MonthKey, _Month] = field(default_factory=OrderedDict)
    placed: dict[str, MonthKey] = field(default_factory=dict)  # event id -> the month it is kept in
    known_sequence: int | None = None  # the mention sequence after this store's last batch
    batches: int = 0  # batches started
    shared: dict[frozenset[str], frozenset[str]] = field(default_factory=dict)  # see _compact
    held: int = 0  # events kept in all months: counted as they come and go, not summed per look-up

    def clear(self) -> None:
        self.months.clear()
        self.placed.clear()
        self.shared.clear()
        self.held = 0

    def forget_all(self) -> None:
        """Start afresh and check the store again before the next batch."""
        self.clear()
        self.known_sequence = None

    def candidates(self, db: Database, facts: Facts, reference: date) -> list[Candidate]:
        """The stored events a mention with these facts (and this reference date) may report, earliest
        stored first."""
        has_place = _comparable_place(facts)
        if not has_place and facts.date is None:  # across articles a match needs a shared place or date
            return []
        window = timedelta(days=SEARCH_WINDOW_DAYS)
        keys = [(facts.type, month) for month in months_between(reference - window, reference + window)]
        self._load(db, facts.type, [key for key in keys if key not in self.months])
        found: list[Candidate] = []
        for key in keys:
            self.months.move_to_end(key)
            self.months[key].used = self.batches
            table = self.months[key].table()
            if not table.ids:
                continue
            for index in np.flatnonzero(_narrow(table, facts, reference)):
                found.append(Candidate(int(table.order[index]), table.ids[index], table.facts[index]))
        self._evict(keep=len(keys))
        found.sort(key=lambda candidate: candidate.order)
        return found

    # -- keeping it current ---------------------------------------------------------------------------

    def batch_started(self, db: Database) -> int:
        """The mention sequence as a batch starts; if another connection wrote since this store's last
        batch, what is kept may be stale: start afresh."""
        now = db.sequence_value(SEQUENCE)
        if now != self.known_sequence:
            self.clear()
        self.batches += 1
        for key in [key for key, month in self.months.items() if month.used < self.batches - IDLE_BATCHES]:
            self._drop(key)
        return now

    def batch_committed(
        self, db: Database, started: int, mentions_written: int, events: Iterable[WrittenEvent]
    ) -> None:
        """Take in what a committed batch wrote, unless another connection wrote at the same time."""
        now = db.sequence_value(SEQUENCE)
        self.known_sequence = now
        if now - started != mentions_written:
            self.clear()
            return
        for event in events:
            self._place(event)

    def _place(self, event: WrittenEvent) -> None:
        old = self.placed.pop(event.event_id, None)
        if old is not None and old in self.months:
            self.held -= self.months[old].drop(event.event_id)
        if event.ref_date is None:
            return
        key = (event.facts.type, month_of(event.ref_date))
        month = self.months.get(key)
        if month is None:  # a month not read yet is read whole from the store when needed
            return
        facts = self._compact(event.facts)
        self.held += month.put(event.event_id, event.order, event.ref_date.toordinal(), facts)
        self.placed[event.event_id] = key

    # -- reading from the store -----------------------------------------------------------------------

    def _load(self, db: Database, event_type: str, missing: Sequence[MonthKey]) -> None:
        if not missing:
            return
        first = _first_day(min(month for _, month in missing))
        last = _first_day(max(month for _, month in missing) + 1) - timedelta(days=1)
        for key in missing:
            self.months[key] = _Month()
        sql = (
            f"SELECT {rows.FACT_COLUMNS}, ref_date, added_order FROM events "
            'WHERE "type" = ? AND ref_date BETWEEN ? AND ?'
        )
        wanted = set(missing)
        for row in db.fetchall(sql, [event_type, first, last]):
            ref_date, order = row[-2], row[-1]
            key = (event_type, month_of(ref_date))
            if key in wanted:
                event_id, facts = rows.facts_from_row(row[:-2])
                self.held += self.months[key].put(event_id, order, ref_date.toordinal(), self._compact(facts))
                self.placed[event_id] = key

    def _compact(self, facts: Facts) -> Facts:
        """The facts with one shared copy of each set of actor keys: events repeat the same few sets
        ("agent:police", "cc:IND"), and each copy would cost a few hundred bytes an event."""
        if len(self.shared) > self.max_events:  # sets of evicted events: let them go
            self.shared.clear()
        sources = self.shared.setdefault(facts.sources, facts.sources)
        targets = self.shared.setdefault(facts.targets, facts.targets)
        if sources is facts.sources and targets is facts.targets:
            return facts
        return replace(facts, sources=sources, targets=targets)

    def _evict(self, keep: int) -> None:
        """Drop the months least lately used, but never the `keep` just used."""
        while self.held > self.max_events and len(self.months) > keep:
            self._drop(next(iter(self.months)))

    def _drop(self, key: MonthKey) -> None:
        """Let a month go."""
        month = self.months.pop(key)
        for event_id in month.events:
            self.placed.pop(event_id, None)
        self.held -= len(month.events)


def _comparable_place(facts: Facts) -> bool:
    return facts.lat is not None and facts.lon is not None and (facts.precision or 4) in RADIUS_KM


def _narrow(table: _Columns, facts: Facts, reference: date) -> npt.NDArray[np.bool_]:
    keep = np.abs(table.ref - reference.toordinal()) <= SEARCH_WINDOW_DAYS
    if facts.country:  # an event placed in another country cannot be this one
        keep &= (table.country == None) | (table.country == facts.country)  # noqa: E711 (elementwise)
    agreement = np.zeros(len(table.ids), dtype=bool)  # a shared place or date must be possible
    if _comparable_place(facts) and facts.lat is not None and facts.lon is not None:
        placed = ~np.isnan(table.lat)
        comparable = placed & (table.precision <= max(RADIUS_KM))
        # The radius of the coarser precision, by the stored event's precision (1, 2 or 3).
        radius = np.array([RADIUS_KM[max(facts.precision or 4, p)] for p in sorted(RADIUS_KM)])
        limit = radius[np.clip(table.precision, 1, len(radius)) - 1] * _RADIUS_SLACK
        within = comparable & (_distance_km(facts.lat, facts.lon, table.lat, table.lon) <= limit)
        keep &= ~placed | ~comparable | within
        agreement |= within
    if facts.date is not None:
        if (facts.date_precision or "day") == "day":  # a day's event is within days of another day's
            near = np.abs(table.day - facts.date.toordinal()) <= DATE_WINDOW_DAYS["day"]
            keep &= ~table.dated | ~table.day_dated | near
        agreement |= table.dated
    return keep & agreement


def _distance_km(
    lat: float, lon: float, lats: npt.NDArray[np.float64], lons: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """Great-circle distances from one point (NaN where a place is missing), as `geo.haversine_km`."""
    phi1, phi2 = np.radians(lat), np.radians(lats)
    half_dphi, half_dlambda = (phi2 - phi1) / 2, np.radians(lons - lon) / 2
    a = np.sin(half_dphi) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(half_dlambda) ** 2
    with np.errstate(invalid="ignore"):
        return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))


def _columns(events: dict[str, tuple[int, int, Facts]]) -> _Columns:
    kept = list(events.values())
    facts = [item[2] for item in kept]
    return _Columns(
        ids=list(events),
        facts=facts,
        order=np.array([item[0] for item in kept], dtype=np.int64),
        ref=np.array([item[1] for item in kept], dtype=np.int64),
        lat=np.array([np.nan if f.lat is None else f.lat for f in facts], dtype=np.float64),
        lon=np.array([np.nan if f.lon is None else f.lon for f in facts], dtype=np.float64),
        precision=np.array([f.precision or _NO_PRECISION for f in facts], dtype=np.int64),
        country=np.array([f.country for f in facts], dtype=object),
        dated=np.array([f.date is not None for f in facts], dtype=bool),
        day_dated=np.array([(f.date_precision or "day") == "day" for f in facts], dtype=bool),
        day=np.array([f.date.toordinal() if f.date else 0 for f in facts], dtype=np.int64),
    )


def month_of(day: date) -> int:
    return day.year * 12 + day.month - 1


def months_between(first: date, last: date) -> range:
    return range(month_of(first), month_of(last) + 1)


def _first_day(month: int) -> date:
    return date(month // 12, month % 12 + 1, 1)
