"""Acceptance on the seed article and its hand-coded gold events (read from ../shared, never copied)."""

from __future__ import annotations

from datetime import date

import pytest

from whodid.evaluate.seed_gold import asserted_violations, check_gold, load_seed_gold
from whodid.ingest import Skipped, read_articles


@pytest.fixture(scope="module")
def seed(pipeline, seed_dir):
    gold = load_seed_gold(seed_dir / "gold.yaml")
    [article] = [
        item for item in read_articles([seed_dir / f"{gold.document}.txt"]) if not isinstance(item, Skipped)
    ]
    [result] = list(pipeline.run([article]))
    checks = {event.id: check_gold(event, result.events) for event in gold.events}
    return gold, result.events, checks


def test_at_least_eight_of_ten_core_events_are_found(seed):
    _gold, _, checks = seed
    core = [check for check in checks.values() if check.gold.core]
    missed = [check.gold.id for check in core if not check.found]
    assert len(core) == 10
    assert len(core) - len(missed) >= 8, f"missed core events: {missed}"


def test_the_saadi_strike_is_dated_and_placed_in_baghdad(seed):
    _, _, checks = seed
    strike = checks["saadi-strike"]
    assert strike.found
    assert strike.event.date == date(2024, 2, 7)
    assert strike.fields["place"] is True, strike.event.location


def test_the_tower_22_attack_killed_three(seed):
    _, _, checks = seed
    assert checks["tower-22"].event.fatalities.value == 3


def test_the_kataib_hezbollah_suspension_is_dated_31_january(seed):
    _, _, checks = seed
    assert checks["kh-suspension"].event.date == date(2024, 1, 31)


def test_the_leaked_agreement_is_reported_not_asserted(seed):
    _, _, checks = seed
    assert checks["sudani-iri-agreement"].event.factuality == "reported"


def test_what_might_happen_yields_no_asserted_assault(seed):
    gold, events, _ = seed
    assert gold.not_asserted
    assert asserted_violations(gold.not_asserted, events) == []


def test_every_event_points_at_its_evidence(seed, seed_dir):
    _, events, _ = seed
    text = (seed_dir / "cradle-2024-03-01.txt").read_text(encoding="utf-8")
    for event in events:
        start, end = event.evidence.sentence_span
        assert text[start:end] == event.evidence.sentence
        start, end = event.evidence.trigger_span
        assert text[start:end] == event.evidence.trigger_text
        for actor in event.source + event.target:
            assert text[actor.span[0] : actor.span[1]] == actor.text
        if event.location is not None:
            assert text[event.location.span[0] : event.location.span[1]] == event.location.text
