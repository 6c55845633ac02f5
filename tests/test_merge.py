"""Within-sentence merging of mentions of one happening."""

from __future__ import annotations

from datetime import date


def test_the_victims_and_the_authors_of_one_attack_are_one_event(pipeline):
    text = "The killing of four soldiers at the checkpoint came in a Taliban attack."
    events = [e for e in pipeline.extract(text, date(2024, 5, 8)) if e.type == "ASSAULT"]
    assert len(events) == 1
    [event] = events
    assert event.fatalities.value == 4
    assert event.source and event.target
    assert len(event.reports) == 1  # one sentence, one report, however many triggers


def test_two_attacks_on_different_targets_stay_apart(pipeline):
    text = "Militants attacked a police station and killed three teachers in a school."
    events = [e for e in pipeline.extract(text, date(2024, 5, 8)) if e.type == "ASSAULT"]
    assert len(events) == 2


def test_an_outcome_clause_is_part_of_its_attack(pipeline):
    text = "Gunmen attacked an army base near Goma on Monday, killing four soldiers."
    events = [e for e in pipeline.extract(text, date(2024, 5, 8)) if e.type == "ASSAULT"]
    assert len(events) == 1
    [event] = events
    assert event.evidence.trigger_text == "attacked"
    assert event.fatalities.value == 4
    assert event.date == date(2024, 5, 6)
    assert [actor.name for actor in event.target] == ["military base", "soldiers"]


def test_a_killing_in_another_act_of_violence_is_its_outcome_wherever_it_stands(pipeline):
    [event] = pipeline.extract("Nine people were killed in police firing near the station on Monday.")
    assert event.evidence.trigger_text == "firing"
    assert [evidence.trigger_text for evidence in event.merged] == ["killed"]  # kept as evidence
    assert [actor.text for actor in event.source] == ["police"]
    assert event.fatalities is not None and event.fatalities.value == 9


def test_a_merged_event_keeps_the_code_that_says_more(pipeline):
    # "crackdown" is CAMEO 170 (coerce, no more said); "recaptured the district", 192 (occupy territory).
    text = "Army units in a fresh crackdown on the rebels recaptured Dera district on Friday."
    (event,) = [e for e in pipeline.extract(text) if e.type == "COERCE"]
    assert event.cameo == "192"
    assert event.acled_sub_event_type == "Government regains territory"


def test_mentions_of_one_happening_join_their_targets(pipeline):
    text = (
        "At least six people were killed and dozens of protesters were wounded "
        "after police opened fire in Basra."
    )
    [event] = pipeline.extract(text, date(2024, 5, 8))
    assert [actor.text for actor in event.target] == ["people", "protesters"]
    # The protesters, kept, make it force against a protest rather than an attack on civilians.
    assert event.acled_sub_event_type == "Excessive force against protesters"


def test_a_clash_between_two_sides_is_reciprocal_until_its_victims_join(pipeline):
    [clash] = pipeline.extract("Fighters of two rival clans clashed with each other near Baidoa.")
    assert not clash.reciprocal  # one side named: nothing to be reciprocal between
    [clash] = pipeline.extract("Government troops and the rebels clashed near Baidoa on Monday.")
    assert clash.reciprocal
    assert len(clash.source) == 2 and clash.target == []
    [clash] = pipeline.extract("Clashes between the army and M23 rebels killed five people.")
    # The people killed are no side of the clash: its sides and victims are source and target again.
    assert not clash.reciprocal
    assert [actor.text for actor in clash.target] == ["M23 rebels", "people"]
