from __future__ import annotations

import pytest


def mention(mentions_of, text, trigger):
    [found] = [m for m in mentions_of(text) if m.trigger_text == trigger]
    return found


@pytest.mark.parametrize(
    ("text", "trigger", "killed"),
    [
        ("The killing of three soldiers shocked the town.", "killing", 3),
        ("Gunmen killed 12 villagers on Sunday.", "killed", 12),
        ("Seven civilians were killed in the raid.", "killed", 7),
        ("The bomb killed at least 1,200 people.", "killed", 1200),
        ("The assassination of Ahmed Salem drew condemnation.", "assassination", 1),
    ],
)
def test_fatalities(mentions_of, text, trigger, killed):
    assert mention(mentions_of, text, trigger).fatalities.value == killed


def test_at_least_is_kept_as_a_qualifier(mentions_of):
    fatalities = mention(mentions_of, "The bomb killed at least 40 people.", "killed").fatalities
    assert (fatalities.value, fatalities.qualifier) == (40, "at least")


def test_a_count_on_the_event_noun(mentions_of):
    found = mention(mentions_of, "The militia carried out 25 attacks against army posts.", "attacks")
    assert found.count.value == 25
    assert found.fatalities is None


def test_non_lethal_triggers_state_no_fatalities(mentions_of):
    assert mention(mentions_of, "Police arrested 30 protesters.", "arrested").fatalities is None
