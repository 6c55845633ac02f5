from __future__ import annotations

import pytest

from whodid.records import FACTUALITIES


def factuality(mentions_of, text, trigger):
    [mention] = [m for m in mentions_of(text) if m.trigger_text == trigger]
    return mention


@pytest.mark.parametrize(
    ("text", "trigger", "label"),
    [
        ("Rebels attacked the base.", "attacked", "asserted"),
        ("Rebels did not attack the base.", "attack", "denied"),
        ("Rebels never launched an attack on the base.", "attack", "denied"),
        ("Rebels could attack the base.", "attack", "hypothetical"),
        ("Rebels will attack the base.", "attack", "planned"),
        ("Rebels plan to attack the base.", "attack", "planned"),
        ("Rebels threatened to attack the base.", "attack", "threatened"),
        ("Any move risks provoking an attack on the base.", "attack", "hypothetical"),
        ("Did rebels attack the base?", "attack", "hypothetical"),
        ("Rebels reportedly attacked the base.", "attacked", "reported"),
        ("The governor said rebels attacked the base.", "attacked", "reported"),
        ("According to witnesses, rebels attacked the base.", "attacked", "reported"),
        ("Mediators urged both sides to accept a ceasefire.", "ceasefire", "hypothetical"),
        ("The opposition pressed for the army to withdraw.", "withdraw", "hypothetical"),
        ("Rebels will not attack the base.", "attack", "denied"),  # the negation before the modal
        ("The two sides failed to reach an agreement.", "agreement", "denied"),
        ("The rebels entered the town without fighting.", "fighting", "denied"),
        ("The army retook three villages without any clashes.", "clashes", "denied"),
        ("The rebels have sworn to fight on.", "fight", "planned"),
        # the goal of a plan, told in the present tense of a clause of time
        ("The rebels have sworn to fight until the army withdraws from the north.", "withdraws", "planned"),
        ("The rebels vowed revenge after the army withdrew from the north.", "withdrew", "asserted"),
        ("The rebels will attack the city unless the army withdraws.", "attack", "threatened"),
        ("The rebels said they would attack the city unless the army withdrew.", "attack", "threatened"),
        ("The rebels will free the hostages if the army withdraws.", "free", "planned"),
        ("The bloc may halt its mediation if the talks founder.", "halt", "threatened"),
        ("The army will withdraw from the town if the talks succeed.", "withdraw", "planned"),
        # a condition says nothing of whether it comes true
        ("Norway will send troops to defend Kuwait if it is attacked.", "attacked", "hypothetical"),
        ("The rebels will shell the town unless the army does not withdraw.", "withdraw", "hypothetical"),
        # what an act sets out to do is its aim; an attempted act is still the act
        ("Their offensive to capture the airport was repelled.", "capture", "planned"),
        ("An attempt to assassinate the mayor failed.", "assassinate", "asserted"),
    ],
)
def test_factuality_labels(mentions_of, text, trigger, label):
    assert label in FACTUALITIES
    assert factuality(mentions_of, text, trigger).factuality == label


def test_not_claiming_an_attack_does_not_deny_it(mentions_of):
    mention = factuality(mentions_of, "No group has claimed the bombing of the bridge.", "bombing")
    assert mention.factuality == "asserted"


def test_the_speaker_and_the_according_to_source_are_kept(mentions_of):
    said = factuality(mentions_of, "The governor said rebels attacked the base.", "attacked")
    assert said.attributed_to is not None
    assert said.attributed_to.candidates[-1].text == "governor"
    leaked = factuality(mentions_of, "According to local medics, rebels attacked the base.", "attacked")
    assert leaked.attributed_to_text == "local medics"


def test_a_relative_clause_keeps_its_own_factuality(mentions_of):
    text = "The envoy would meet the militia, which attacked the base on Monday."
    assert factuality(mentions_of, text, "attacked").factuality == "asserted"
    assert factuality(mentions_of, text, "meet").factuality == "hypothetical"


def test_a_future_in_reported_speech_is_a_plan_unless_a_condition_hangs_on_it(mentions_of):
    [release] = [
        m for m in mentions_of("The rebels said they would release three hostages.") if m.type == "RETREAT"
    ]
    assert release.factuality == "planned"
    meeting = mentions_of("The leaders said they would meet the envoy if he dropped his demands.")
    assert [m.factuality for m in meeting if m.type == "CONSULT"] == ["hypothetical"]


def test_an_act_an_actor_says_it_is_willing_or_ready_to_do_is_planned(mentions_of):
    [withdrawal] = [
        m
        for m in mentions_of("Syria is willing to withdraw its troops from the valley.")
        if m.type == "RETREAT"
    ]
    assert withdrawal.factuality == "planned"


def test_an_attempted_act_happened_as_an_attempt(mentions_of):
    text = "Gunmen attempted to assassinate the governor on Monday."
    [mention] = [m for m in mentions_of(text) if m.trigger_text == "assassinate"]
    assert mention.factuality == "asserted"


def test_what_a_threats_condition_asks_for_is_no_threat(mentions_of):
    text = "Nigeria will withdraw its force from Chad unless the government arranges a ceasefire."
    assert factuality(mentions_of, text, "withdraw").factuality == "threatened"
    assert factuality(mentions_of, text, "ceasefire").factuality != "threatened"


def test_a_denied_part_in_an_act_does_not_deny_the_act(mentions_of):
    [killings] = [m for m in mentions_of("The government denied responsibility for the killings.")
                  if m.trigger_text == "killings"]  # fmt: skip
    assert killings.factuality == "asserted"
    [attacking] = [
        m for m in mentions_of("The rebels denied attacking the village.") if m.trigger_text == "attacking"
    ]
    assert attacking.factuality == "denied"


def test_an_act_told_as_known_that_was_planned_before_happened_and_its_planner_did_it(mentions_of):
    planned_before = factuality(mentions_of, "The Red Hand cartel planned the attack since June.", "attack")
    assert planned_before.factuality == "asserted"
    assert [ref.candidates[0].text for ref in planned_before.sources] == ["Red Hand cartel"]
    to_come = factuality(mentions_of, "The Red Hand cartel is planning an attack on the port.", "attack")
    assert to_come.factuality == "planned"
    assert [ref.candidates[0].text for ref in to_come.sources] == ["Red Hand cartel"]
    assert factuality(mentions_of, "The cartel planned to attack the port.", "attack").factuality == "planned"
