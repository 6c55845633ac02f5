"""Merging mentions of one happening: matching, grouping within an article, and the combined record."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from math import pi
from typing import Any

import pytest

from whodid.consolidate import (
    Facts,
    Source,
    actor_keys,
    best_match,
    combine,
    copy_compatible,
    facts_of,
    group_article_mentions,
    match_score,
    sentence_overlap,
)
from whodid.geo import EARTH_RADIUS_KM
from whodid.records import Actor, Event, Evidence, Place, Quantity, Report

MONDAY = date(2024, 3, 4)
KM_PER_DEGREE = pi * EARTH_RADIUS_KM / 180
# Kirkuk, as a town.
TOWN = Facts(
    type="ASSAULT",
    factuality="asserted",
    date=MONDAY,
    date_precision="day",
    lat=35.4681,
    lon=44.3922,
    precision=1,
    country="IRQ",
    sources=frozenset(),
    targets=frozenset(),
    fatalities=None,
)


def north(facts: Facts, km: float, precision: int | None = None) -> Facts:
    """The same facts placed `km` due north, at another precision if given."""
    assert facts.lat is not None
    return replace(facts, lat=facts.lat + km / KM_PER_DEGREE, precision=precision or facts.precision)


def later(facts: Facts, days: int, precision: str = "day") -> Facts:
    assert facts.date is not None
    return replace(facts, date=date.fromordinal(facts.date.toordinal() + days), date_precision=precision)


def nowhere(facts: Facts) -> Facts:
    return replace(facts, lat=None, lon=None, precision=None)


def undated(facts: Facts) -> Facts:
    return replace(facts, date=None, date_precision=None)


# -- match_score -----------------------------------------------------------------------------------------


def test_the_same_town_and_day_match_across_articles() -> None:
    assert match_score(TOWN, TOWN, same_article=False) == 4  # 2 for the town, 2 for the day
    assert match_score(TOWN, TOWN, same_article=True) == 4


def test_another_type_never_matches() -> None:
    assert match_score(TOWN, replace(TOWN, type="PROTEST"), same_article=True) is None


@pytest.mark.parametrize(
    ("first", "second", "matches"),
    [
        ("asserted", "asserted", True),
        ("asserted", "reported", True),  # both say it happened
        ("asserted", "denied", False),
        ("reported", "planned", False),
        ("denied", "denied", True),
        ("threatened", "threatened", True),
        ("denied", "threatened", False),
        ("planned", "hypothetical", False),
    ],
)
def test_factuality_must_be_on_the_same_footing(first: str, second: str, matches: bool) -> None:
    score = match_score(replace(TOWN, factuality=first), replace(TOWN, factuality=second), same_article=False)
    assert (score is not None) == matches


@pytest.mark.parametrize(
    ("precision", "km", "matches"),
    [
        (1, 20, True),
        (1, 30, False),  # two towns 30 km apart are two places
        (2, 45, True),
        (2, 60, False),
        (3, 200, True),
        (3, 300, False),
    ],
)
def test_places_may_lie_as_far_apart_as_their_coarser_precision_allows(
    precision: int, km: float, matches: bool
) -> None:
    # The other report is as precise as the town, or coarser: the coarser one sets the radius.
    other = north(TOWN, km, precision)
    assert (match_score(TOWN, other, same_article=False) is not None) == matches
    assert (match_score(other, TOWN, same_article=False) is not None) == matches


def test_a_region_agrees_less_than_a_town() -> None:
    assert match_score(TOWN, north(TOWN, 100, precision=3), same_article=False) == 3  # 1 place + 2 day
    assert match_score(TOWN, north(TOWN, 10, precision=2), same_article=False) == 4


def test_country_level_places_agree_only_on_the_country() -> None:
    country_only = replace(TOWN, lat=33.0, lon=44.0, precision=4)
    # The shared country is no point of agreement: the day alone is too little across articles.
    assert match_score(TOWN, country_only, same_article=False) is None
    assert match_score(TOWN, country_only, same_article=True) == 2
    elsewhere = replace(country_only, country="SYR")
    assert match_score(TOWN, elsewhere, same_article=True) is None


def test_places_in_two_countries_never_match_however_close() -> None:
    across_the_border = replace(north(TOWN, 5), country="TUR")
    assert match_score(TOWN, across_the_border, same_article=True) is None


@pytest.mark.parametrize(
    ("precision", "days", "matches"),
    [
        ("day", 1, True),
        ("day", 2, True),  # overnight, or across time zones
        ("day", 3, False),
        ("week", 8, True),
        ("week", 9, False),
        ("month", 31, True),
        ("month", 32, False),
        ("year", 366, True),
        ("year", 367, False),
    ],
)
def test_dates_may_lie_as_far_apart_as_their_coarser_precision_allows(
    precision: str, days: int, matches: bool
) -> None:
    other = later(TOWN, days, precision)
    assert (match_score(TOWN, other, same_article=False) is not None) == matches
    assert (match_score(other, TOWN, same_article=False) is not None) == matches


def test_the_same_or_next_day_agrees_more_than_a_wider_window() -> None:
    assert match_score(TOWN, later(TOWN, 1), same_article=False) == 4
    assert match_score(TOWN, later(TOWN, 2), same_article=False) == 3
    assert match_score(TOWN, later(TOWN, 3, "month"), same_article=False) == 3


def test_across_articles_a_place_or_a_date_and_one_more_fact_are_needed() -> None:
    town_only = undated(TOWN)
    assert match_score(town_only, town_only, same_article=True) == 2
    assert match_score(town_only, town_only, same_article=False) is None
    # The same toll is one more fact.
    dead = replace(town_only, fatalities=4)
    assert match_score(dead, dead, same_article=False) == 3
    assert match_score(dead, replace(dead, fatalities=5), same_article=False) is None
    # Shared actors alone, with neither place nor date, never tie two articles together.
    actors = nowhere(undated(replace(TOWN, sources=frozenset({"id:kb:a"}), targets=frozenset({"id:kb:b"}))))
    assert match_score(actors, actors, same_article=True) == 4
    assert match_score(actors, actors, same_article=False) is None
    # A day and both actors will do.
    assert match_score(replace(actors, date=MONDAY), replace(actors, date=MONDAY), same_article=False) == 6


def actors(*specs: dict[str, Any]) -> list[dict[str, Any]]:
    """Actors in record form, with only the fields that say who they are."""
    return [dict(spec) for spec in specs]


def with_sides(source: list[dict[str, Any]], target: list[dict[str, Any]] | None = None) -> Facts:
    return replace(TOWN, sources=actor_keys(source), targets=actor_keys(target or []))


def test_actor_keys_say_who_identifies_and_who_only_describes() -> None:
    assert actor_keys(actors({"actor_id": "kb:army", "country": "IRQ"})) == {"id:kb:army", "cc:IRQ"}
    assert actor_keys(actors({"actor_id": "agent:police"})) == {"agent:police"}
    assert actor_keys(actors({"text": "The  Gunmen!"})) == {"name:the gunmen"}
    assert actor_keys(actors({"name": "Mr O'Neill", "text": "he"})) == {"name:mr o neill"}


@pytest.mark.parametrize(
    ("first", "second", "score"),
    [
        pytest.param({"actor_id": "kb:army"}, {"actor_id": "kb:army"}, 6, id="same-actor"),
        pytest.param({"actor_id": "kb:army"}, {"actor_id": "kb:rebels"}, None, id="two-known-actors"),
        pytest.param({"country": "IRQ"}, {"country": "SYR"}, None, id="two-countries"),
        pytest.param({"country": "IRQ"}, {"country": "IRQ"}, 5, id="same-country"),
        pytest.param({"actor_id": "agent:police"}, {"actor_id": "kb:army"}, 4, id="agent-vs-known"),
        pytest.param({"actor_id": "agent:police"}, {"actor_id": "agent:police"}, 5, id="same-agent"),
        pytest.param({"actor_id": "agent:police"}, {"actor_id": "agent:army"}, 4, id="two-agents"),
        pytest.param({"text": "gunmen"}, {"text": "militants"}, 4, id="two-unknown-names"),
        pytest.param({"text": "gunmen"}, {"text": "Gunmen"}, 6, id="same-unknown-name"),
        pytest.param({"actor_id": "kb:army"}, {"text": "soldiers"}, 4, id="known-vs-unknown"),
    ],
)
def test_actors_agree_contradict_or_say_nothing(
    first: dict[str, Any], second: dict[str, Any], score: int | None
) -> None:
    # Generic agents ("agent:police") and unknown names never contradict: "police" may be "Kirkuk police".
    assert match_score(with_sides(actors(first)), with_sides(actors(second)), same_article=False) == score
    # The same holds on the target side.
    assert (
        match_score(with_sides([], actors(first)), with_sides([], actors(second)), same_article=False)
        == score
    )


def test_best_match_takes_the_most_agreeing_and_the_earliest_on_a_tie() -> None:
    candidates = [
        ("far", north(TOWN, 100)),
        ("region", north(TOWN, 100, precision=3)),
        ("town-a", TOWN),
        ("town-b", TOWN),
    ]
    assert best_match(TOWN, candidates, same_article=False) == "town-a"
    assert best_match(TOWN, candidates[:2], same_article=False) == "region"
    assert best_match(TOWN, candidates[:1], same_article=False) is None
    assert best_match(TOWN, [], same_article=False) is None


def test_a_copy_may_drop_place_and_date_but_not_change_who_acted() -> None:
    army = with_sides(actors({"actor_id": "kb:army"}))
    assert copy_compatible(army, nowhere(undated(army)))
    assert copy_compatible(army, replace(army, factuality="reported"))
    assert not copy_compatible(army, with_sides(actors({"actor_id": "kb:rebels"})))
    assert not copy_compatible(army, replace(army, type="PROTEST"))
    assert not copy_compatible(army, replace(army, factuality="denied"))


def test_sentence_overlap_is_the_share_of_shared_words() -> None:
    assert sentence_overlap("Gunmen attacked the base.", "gunmen ATTACKED the base") == 1.0
    assert sentence_overlap("a b c d", "a b x y") == pytest.approx(2 / 6)
    assert sentence_overlap("", "anything") == 0.0


# -- records ---------------------------------------------------------------------------------------------

SENTENCE = "Gunmen attacked an army checkpoint in Kirkuk on Monday, killing four soldiers."


def record(
    mention_id: str,
    article_id: str = "a1",
    *,
    sentence_index: int = 0,
    event_type: str = "ASSAULT",
    day: date | None = MONDAY,
    date_precision: str = "day",
    place: tuple[str, float, float, int] | None = ("Kirkuk", 35.4681, 44.3922, 1),
    fatalities: int | None = None,
    injured: int | None = None,
    factuality: str = "asserted",
    source: list[Actor] | None = None,
    target: list[Actor] | None = None,
    acled: tuple[str, str] | None = None,
    confidence: float = 0.5,
    sentence: str = SENTENCE,
) -> dict[str, Any]:
    """A mention as one article codes it, in record form."""
    span = (0, len(sentence))
    name, lat, lon, precision = place or ("", 0.0, 0.0, 0)
    return Event(
        event_id=mention_id,
        article_id=article_id,
        type=event_type,
        evidence=Evidence(
            sentence=sentence, sentence_span=span, trigger_text="attacked", trigger_span=(7, 15)
        ),
        acled_event_type=acled[0] if acled else None,
        acled_sub_event_type=acled[1] if acled else None,
        source=source or [],
        target=target or [],
        date=day,
        date_precision=date_precision if day else None,
        location=(
            Place(text=name, span=(38, 44), name=name, country="IRQ", lat=lat, lon=lon, precision=precision)
            if place
            else None
        ),
        fatalities=Quantity(value=fatalities, span=(56, 60), text=str(fatalities)) if fatalities else None,
        injured=Quantity(value=injured, span=(61, 65), text=str(injured)) if injured else None,
        factuality=factuality,
        confidence=confidence,
        reports=[Report(article_id=article_id, sentence_index=sentence_index, sentence_span=span)],
    ).to_dict()


def test_facts_of_reads_what_matching_needs() -> None:
    facts = facts_of(
        record(
            "m1",
            fatalities=4,
            source=[Actor(text="the army", span=(0, 8), actor_id="kb:army", country="IRQ")],
            target=[Actor(text="police", span=(9, 15), actor_id="agent:police")],
        )
    )
    assert facts == replace(
        TOWN, sources=frozenset({"id:kb:army", "cc:IRQ"}), targets=frozenset({"agent:police"}), fatalities=4
    )
    assert facts_of({"type": "PROTEST"}).factuality == "asserted"  # unstated is asserted


# -- group_article_mentions ------------------------------------------------------------------------------


def test_an_articles_mentions_are_grouped_by_happening_but_never_within_one_sentence() -> None:
    mentions = [
        record("m0", sentence_index=0),
        record("m1", sentence_index=0),  # a second attack told in the same sentence
        record("m2", sentence_index=1),  # the attack again, a sentence later
        record("m3", sentence_index=2, event_type="PROTEST"),
        record("m4", sentence_index=3, place=("Mosul", 36.34, 43.13, 1)),  # another attack, 150 km away
        record("m5", sentence_index=4, place=("Mosul", 36.34, 43.13, 1)),
    ]
    assert group_article_mentions(mentions) == [[0, 2], [1], [3], [4, 5]]


def test_within_one_article_a_shared_town_is_enough() -> None:
    first = record("m0", sentence_index=0, day=None)
    second = record("m1", sentence_index=1, day=None)
    assert group_article_mentions([first, second]) == [[0, 1]]
    assert group_article_mentions([]) == []


# -- combine ---------------------------------------------------------------------------------------------

LEDGER = Source("a1", "Daily Ledger", None, None)
COURIER = Source("a2", "Evening Courier", None, None)


def test_one_mention_combines_into_itself_reported_once() -> None:
    alone = record("m1", fatalities=4, acled=("Battles", "Armed clash"), confidence=0.8)
    merged = combine([(alone, LEDGER)], "event-1")
    expected = {
        **alone,
        "event_id": "event-1",
        "reports": [
            {
                "article_id": "a1",
                "sentence_index": 0,
                "sentence_span": [0, len(SENTENCE)],
                "outlet": "Daily Ledger",
                "mention_id": "m1",
                "copy_of": None,
            }
        ],
        "independent_sources": 1,
        "conflicts": {},
    }
    assert merged == expected


def test_each_field_comes_from_the_mention_that_states_it_best() -> None:
    vague = record(
        "m1",
        "a1",
        day=date(2024, 3, 1),
        date_precision="month",
        place=("Kirkuk Governorate", 35.3, 44.2, 3),
        fatalities=4,
        injured=5,
        factuality="reported",
        source=[Actor(text="gunmen", span=(0, 6))],
        acled=("Battles", "Armed clash"),
        confidence=0.6,
        sentence="Four soldiers were reported killed in Kirkuk province in March.",
    )
    precise = record(
        "m2",
        "a2",
        fatalities=2,
        source=[Actor(text="IS fighters", span=(0, 11), name="Islamic State", actor_id="kb:is")],
        target=[Actor(text="soldiers", span=(70, 78), country="IRQ", sector="MIL")],
        confidence=0.7,
    )
    merged = combine([(vague, LEDGER), (precise, COURIER)], "event-1")
    assert (merged["event_id"], merged["article_id"]) == ("event-1", "a1")  # the first report's article
    assert merged["evidence"] == precise["evidence"]  # the best-specified mention speaks for the event
    assert (merged["date"], merged["date_precision"]) == ("2024-03-04", "day")
    assert merged["location"]["name"] == "Kirkuk"
    assert [actor["name"] for actor in merged["source"]] == ["Islamic State"]
    assert [actor["text"] for actor in merged["target"]] == ["soldiers"]
    assert merged["fatalities"]["value"] == 2  # the lowest count reported
    assert merged["injured"]["value"] == 5  # only one report gave it: no conflict
    assert (merged["acled_event_type"], merged["acled_sub_event_type"]) == ("Battles", "Armed clash")
    assert merged["factuality"] == "asserted"  # one report asserts it
    assert merged["confidence"] == 0.75  # the best, and a little more for each further report
    assert merged["conflicts"] == {
        "fatalities": [4, 2],
        "date": ["2024-03-01", "2024-03-04"],
        "location": ["Kirkuk Governorate", "Kirkuk"],
    }
    assert [(report["mention_id"], report["outlet"]) for report in merged["reports"]] == [
        ("m1", "Daily Ledger"),
        ("m2", "Evening Courier"),
    ]
    assert merged["independent_sources"] == 2


def test_reports_that_only_report_stay_reported_and_disagreeing_sub_types_are_noted() -> None:
    first = record("m1", "a1", factuality="reported", acled=("Battles", "Armed clash"))
    second = record("m2", "a2", factuality="reported", acled=("Battles", "Government regains territory"))
    merged = combine([(first, LEDGER), (second, COURIER)], "event-1")
    assert merged["factuality"] == "reported"
    assert merged["conflicts"] == {"acled_sub_event_type": ["Armed clash", "Government regains territory"]}


def test_confidence_never_exceeds_one() -> None:
    sure = [(record(f"m{n}", f"a{n}", confidence=0.99), Source(f"a{n}", None, None, None)) for n in range(5)]
    assert combine(sure, "event-1")["confidence"] == 1.0


@pytest.mark.parametrize(
    ("sources", "independent"),
    [
        pytest.param([LEDGER, COURIER], 2, id="two-outlets"),
        pytest.param([LEDGER, Source("a2", "daily ledger", None, None)], 1, id="one-outlet-twice"),
        pytest.param([LEDGER, Source("c1", "Evening Courier", "a1", "Daily Ledger")], 1, id="copy-of-one"),
        # A copy speaks for its original's outlet even when the original is no report of this event.
        pytest.param(
            [LEDGER, Source("c1", "Evening Courier", "a9", "Daily Ledger")], 1, id="copy-of-same-outlet"
        ),
        pytest.param([COURIER, Source("c1", "Evening Courier", "a9", "Daily Ledger")], 2, id="copy-of-other"),
        pytest.param([Source("a1", None, None, None), Source("a2", None, None, None)], 2, id="no-outlets"),
        pytest.param(
            [Source("a1", None, None, None), Source("c1", None, "a1", None)], 1, id="copy-no-outlets"
        ),
        pytest.param(
            [LEDGER, Source("c1", "Evening Courier", "a1", "Daily Ledger"), COURIER], 2, id="copy-and-another"
        ),
    ],
)
def test_independent_sources_count_outlets_with_copies_as_their_originals(
    sources: list[Source], independent: int
) -> None:
    mentions = [(record(f"m{n}", source.article_id), source) for n, source in enumerate(sources)]
    merged = combine(mentions, "event-1")
    assert merged["independent_sources"] == independent
    assert [report["copy_of"] for report in merged["reports"]] == [source.original_id for source in sources]
