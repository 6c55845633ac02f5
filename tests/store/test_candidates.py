"""The store's cache of events by type and month: it narrows without losing a possible match, follows the
batches this store commits, notices batches another connection wrote, and keeps to its bound."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from test_loading import corpus_articles

from whodid.consolidate import SEARCH_WINDOW_DAYS, facts_of, match_score
from whodid.store import EventStore, rows
from whodid.store.candidates import IDLE_BATCHES, CandidateCache

TYPES = ("ASSAULT", "PROTEST")
ACTORS = ({"actor_id": "IND_POLICE", "country": "IND"}, {"actor_id": "agent:mob"}, {"name": "Ravi Das"},
          {"actor_id": "PAK_ARMY", "country": "PAK"})  # fmt: skip


def random_record(chance: random.Random, number: int) -> dict[str, Any]:
    """An event record with a type, maybe a date, a place and actors, all drawn at random."""
    record: dict[str, Any] = {
        "event_id": f"e{number:04d}",
        "article_id": f"a{number:04d}",
        "type": chance.choice(TYPES),
        "factuality": chance.choice(("asserted", "asserted", "reported", "denied")),
        "source": chance.sample(ACTORS, chance.randint(0, 2)),
        "target": chance.sample(ACTORS, chance.randint(0, 1)),
    }
    if chance.random() < 0.6:
        record["date"] = str(date(2024, 1, 1) + timedelta(days=chance.randint(0, 120)))
        record["date_precision"] = chance.choice(("day", "day", "week", "month"))
    if chance.random() < 0.7:
        record["location"] = {
            "lat": 22.0 + chance.uniform(-3, 3),
            "lon": 72.0 + chance.uniform(-3, 3),
            "precision": chance.choice((1, 2, 3, 4)),
            "country": chance.choice(("IND", "IND", "PAK", None)),
        }
    if chance.random() < 0.2:
        record["fatalities"] = {"value": chance.randint(1, 3)}
    return record


def reference_of(record: dict[str, Any], chance: random.Random) -> date:
    return (
        date.fromisoformat(record["date"])
        if "date" in record
        else date(2024, 1, 1) + timedelta(days=chance.randint(0, 120))
    )


def test_candidates_hold_every_stored_event_a_mention_could_join_in_the_order_stored() -> None:
    chance = random.Random(7)
    with EventStore(":memory:") as store:
        stored = [random_record(chance, number) for number in range(600)]
        references = {record["event_id"]: reference_of(record, chance) for record in stored}
        store.db.insert_rows(
            rows.EVENTS_HEAD, [rows.event_row(r, references[r["event_id"]], 1) for r in stored]
        )
        cache = CandidateCache()
        narrowed, windowed = 0, 0
        for number in range(600, 900):
            probe = random_record(chance, number)
            facts, reference = facts_of(probe), reference_of(probe, chance)
            found = cache.candidates(store.db, facts, reference)
            window = SEARCH_WINDOW_DAYS
            in_window = [r for r in stored if abs((references[r["event_id"]] - reference).days) <= window]
            could_join = {r["event_id"] for r in in_window
                          if match_score(facts, facts_of(r), same_article=False) is not None}  # fmt: skip
            assert could_join <= {candidate.event_id for candidate in found}
            assert [c.event_id for c in found] == sorted(c.event_id for c in found)
            assert [c.order for c in found] == sorted(c.order for c in found)
            narrowed += len(found)
            windowed += sum(r["type"] == probe["type"] for r in in_window)
        assert narrowed < windowed / 2  # it narrows, not only keeps


def test_stores_taking_turns_on_one_store_merge_as_one_store_does(store_location: str, pipeline) -> None:
    """Two connections write to one store in turns: each must see the events the other wrote, though it
    keeps the events it has read at hand."""
    coded = [(result.article, result.events) for result in pipeline.run(corpus_articles())]
    with EventStore(":memory:") as alone:
        for item in coded:
            alone.store_batch([item])
        expected = _grouping(alone)
    with EventStore(store_location) as first, EventStore(store_location) as second:
        for number, item in enumerate(coded):
            (first if number % 2 == 0 else second).store_batch([item])
        assert _grouping(first) == expected
    assert len(expected) < len(coded) * 2  # the corpus reports its happenings many times over


def test_a_store_reads_each_month_once_and_keeps_it_as_its_batches_change_it(pipeline) -> None:
    coded = [(result.article, result.events) for result in pipeline.run(corpus_articles())]
    with EventStore(":memory:") as store:
        loads: list[tuple[Any, ...]] = []
        read = store.db.fetchall

        def counting(sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
            if sql.startswith(f"SELECT {rows.FACT_COLUMNS}, ref_date"):
                loads.append(tuple(params))
            return read(sql, params)

        store.db.fetchall = counting  # type: ignore[method-assign]
        for item in coded:
            store.store_batch([item])
        store.db.fetchall = read  # type: ignore[method-assign]
        months = store._candidates.months
        kept = {event_id: facts for month in months.values()
                for event_id, (_, _, facts) in month.events.items()}  # fmt: skip
        in_months = {
            event_id: facts
            for *row, ref_date in store.db.fetchall(f"SELECT {rows.FACT_COLUMNS}, ref_date FROM events")
            for event_id, facts in [rows.facts_from_row(row)]
            if (facts.type, ref_date.year * 12 + ref_date.month - 1) in months
        }
    assert loads and len(loads) == len(set(loads))  # no month read twice
    assert kept == in_months  # the months kept hold what the store holds, as the batches left it
    assert store._candidates.held == len(kept)  # and the running count the bound is checked against


def test_the_cache_keeps_to_its_bound_but_never_drops_the_months_in_use() -> None:
    chance = random.Random(3)
    with EventStore(":memory:") as store:
        stored = [random_record(chance, number) for number in range(300)]
        for record in stored:
            record["type"] = "ASSAULT"
        store.db.insert_rows(
            rows.EVENTS_HEAD, [rows.event_row(r, reference_of(r, chance), 1) for r in stored]
        )
        cache = CandidateCache(max_events=40)
        for month in range(1, 5):
            probe = random_record(chance, 1000 + month) | {"type": "ASSAULT", "date": f"2024-0{month}-15"}
            cache.candidates(store.db, facts_of(probe), date(2024, month, 15))
            held = sum(len(kept.events) for kept in cache.months.values())
            assert cache.held == held  # the running count the bound is checked against
            in_use = sum(len(cache.months[key].events) for key in list(cache.months)[-3:])
            assert held <= max(40, in_use)
        assert ("ASSAULT", 2024 * 12) not in cache.months  # January went first


def _grouping(store: EventStore) -> set[frozenset[str]]:
    """Each event as the set of its mentions."""
    found: dict[str, set[str]] = {}
    for mention_id, event_id in store.db.fetchall("SELECT mention_id, event_id FROM mentions"):
        found.setdefault(event_id, set()).add(mention_id)
    return {frozenset(mentions) for mentions in found.values()}


def test_a_month_no_mention_looked_at_for_a_while_is_let_go() -> None:
    with EventStore(":memory:") as store:
        record = random_record(random.Random(5), 1) | {"type": "ASSAULT", "date": "2024-03-10"}
        store.db.insert_rows(rows.EVENTS_HEAD, [rows.event_row(record, date(2024, 3, 10), 1)])
        cache = CandidateCache()

        def empty_batch() -> None:
            cache.batch_committed(store.db, cache.batch_started(store.db), 0, [])

        empty_batch()
        cache.candidates(store.db, facts_of(record), date(2024, 3, 10))
        march = ("ASSAULT", 2024 * 12 + 2)
        assert record["event_id"] in cache.months[march].events
        for _ in range(IDLE_BATCHES):
            empty_batch()
        assert march in cache.months  # idle for IDLE_BATCHES batches: still kept
        empty_batch()
        assert march not in cache.months and record["event_id"] not in cache.placed
