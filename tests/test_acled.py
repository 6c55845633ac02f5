"""ACLED categories of coded events, on sentences we wrote: each ACLED rule shown on real parses."""

from __future__ import annotations

from pathlib import Path

import pytest

from whodid.acled import load_acled_rules
from whodid.errors import DataFileError


def categories(pipeline, text: str) -> list[tuple[str, str | None]]:
    return [(event.type, event.acled_sub_event_type) for event in pipeline.extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants hurled a grenade at a police patrol in the market.", ("ASSAULT", "Grenade")),
        (
            "Two soldiers were killed when a roadside bomb exploded under their truck.",
            ("ASSAULT", "Remote explosive/landmine/IED"),
        ),
        ("Warplanes bombed rebel positions east of the city.", ("ASSAULT", "Air/drone strike")),
        ("Government troops and rebels clashed near the airport.", ("ASSAULT", "Armed clash")),
        ("A mob attacked two men accused of theft in the village.", ("ASSAULT", "Mob violence")),
        ("Rioters torched shops and cars in the old quarter.", ("ASSAULT", "Mob violence")),
        (
            "Government forces recaptured the town of Valdora from the rebels on Sunday.",
            ("COERCE", "Government regains territory"),
        ),
        (
            "Rebel fighters seized the town of Valdora on Sunday.",
            ("COERCE", "Non-state actor overtakes territory"),
        ),
        ("Army engineers defused a bomb planted outside the stadium.", ("COERCE", "Disrupted weapons use")),
        (
            "The militia established a new base near the river crossing.",
            ("MOBILIZE", "Headquarters or base established"),
        ),
        ("The two armies exchanged prisoners at the bridge.", ("RETREAT", "Agreement")),
        ("Thousands of teachers marched through the capital on Monday.", ("PROTEST", "Peaceful protest")),
    ],
)
def test_the_trigger_instrument_object_or_actors_decide_the_category(pipeline, text, expected):
    assert expected in categories(pipeline, text)


def test_state_force_against_protesters_is_an_intervention_or_excessive_force(pipeline):
    tear_gas = categories(
        pipeline, "Police fired tear gas and arrested dozens of protesters outside parliament."
    )
    assert ("ASSAULT", "Protest with intervention") in tear_gas
    killing = categories(
        pipeline, "Police opened fire on protesters in the square, killing four demonstrators."
    )
    assert ("ASSAULT", "Excessive force against protesters") in killing


def test_force_the_sentence_calls_violent_or_that_beats_is_excessive(pipeline):
    suppressed = categories(pipeline, "Security forces violently suppressed a peaceful protest in Minsk.")
    assert ("PROTEST", "Excessive force against protesters") in suppressed
    beaten = categories(pipeline, "Riot police beat a student during a protest in Dhaka.")
    assert ("ASSAULT", "Excessive force against protesters") in beaten


def test_an_arrest_a_protest_is_about_is_no_intervention(pipeline):
    found = categories(pipeline, "Hundreds of lawyers demonstrated in Lagos over the detention of a judge.")
    assert ("PROTEST", "Peaceful protest") in found
    assert ("COERCE", "Protest with intervention") not in found


def test_protesters_who_attack_make_the_protest_violent(pipeline):
    found = categories(
        pipeline, "Protesters threw stones at police and set fire to a bank during the demonstration."
    )
    assert ("PROTEST", "Violent demonstration") in found


@pytest.mark.parametrize(
    "text",
    [
        "Police fired tear gas at the demonstrators as the protest descended into violence.",
        "Police detained dozens of marchers after projectiles were thrown at officers during the protest.",
    ],
)
def test_a_crowds_violence_makes_a_violent_demonstration_though_the_police_intervene(pipeline, text):
    found = {sub for _, sub in categories(pipeline, text)}
    assert "Violent demonstration" in found and "Protest with intervention" not in found


def test_violence_a_protest_decries_is_not_the_protests(pipeline):
    found = categories(
        pipeline, "Students took to the streets of the capital to decry the arrests and violence."
    )
    assert ("PROTEST", "Peaceful protest") in found


def test_a_disaster_is_no_event(pipeline):
    assert categories(pipeline, "A strong earthquake killed eight people in the mountain villages.") == []


def test_violence_with_no_actor_is_kept_only_when_its_means_show_an_attack(pipeline):
    found = categories(pipeline, "Five grenade attacks injured 14 in the market town on Friday.")
    assert ("ASSAULT", "Grenade") in found
    assert categories(pipeline, "Two were hurt on the road outside the town on Friday.") == []


def test_a_malformed_rules_file_is_refused(tmp_path: Path):
    path = tmp_path / "acled.yaml"
    path.write_text("by_mode: {}\nby_type: {PROTEST: [Protests]}\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        load_acled_rules(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soldiers raped three women in the village last week.", ("ASSAULT", "Sexual violence")),
        ("Guards sexually abused detainees at the camp.", ("ASSAULT", "Sexual violence")),
        (
            "A large cache of rifles and ammunition was found in a farmhouse near the border.",
            ("COERCE", "Disrupted weapons use"),
        ),
        ("Police seized a lot of weapons during the night.", ("COERCE", "Disrupted weapons use")),
        (
            "Turkish troops set up a new observation post near the town.",
            ("MOBILIZE", "Headquarters or base established"),
        ),
        (
            "The army deployed two more battalions to the border region.",
            ("MOBILIZE", "Change to group/activity"),
        ),
        (
            "Government troops pulled out of the northern district on Monday.",
            ("RETREAT", "Change to group/activity"),
        ),
        ("Two hundred rebel fighters defected to the army.", ("REJECT", "Change to group/activity")),
    ],
)
def test_strategic_developments_and_sexual_violence(pipeline, text, expected):
    assert expected in categories(pipeline, text)


def test_ground_taken_as_the_other_side_withdraws_or_without_resistance_changed_hands_peacefully(pipeline):
    found = categories(pipeline, "Rebels took the town of Valdora after government troops withdrew from it.")
    assert ("COERCE", "Non-violent transfer of territory") in found
    assert ("RETREAT", "Non-violent transfer of territory") in found
    found = categories(
        pipeline, "Rebel fighters seized the town of Valdora without any resistance on Sunday."
    )
    assert found == [("COERCE", "Non-violent transfer of territory")]
    # With a fight, the same taking is the rebels' overtaking of territory.
    fought = categories(
        pipeline, "Rebel fighters seized the town of Valdora after fierce fighting on Sunday."
    )
    assert ("COERCE", "Non-state actor overtakes territory") in fought


def test_a_place_the_tagger_calls_a_person_is_still_ground_regained(pipeline):
    found = categories(pipeline, "Government forces recaptured Palmyra on Friday.")
    assert ("COERCE", "Government regains territory") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protesters clashed with police outside the parliament.", ("ASSAULT", "Violent demonstration")),
        ("Violent protests broke out in the capital on Tuesday.", ("PROTEST", "Violent demonstration")),
        (
            "Villagers clashed with sticks over a land dispute near the river.",
            ("ASSAULT", "Mob violence"),
        ),
        ("A mob lynched a man accused of theft in the market.", ("ASSAULT", "Mob violence")),
        # The protesters are not parsed as a side, but the sentence names them.
        (
            "Riot police clashed on Friday with hundreds of protesters outside the ministry.",
            ("ASSAULT", "Violent demonstration"),
        ),
        (
            "Hundreds of farmers held aggressive demonstrations outside the ministry.",
            ("PROTEST", "Violent demonstration"),
        ),
    ],
)
def test_crowds_that_clash_or_turn_violent(pipeline, text, expected):
    assert expected in categories(pipeline, text)


def test_an_attack_fought_back_is_a_clash_and_the_ground_it_aimed_at_was_not_taken(pipeline):
    text = "The rebels' attack to capture the army's positions near the airport was repelled by troops."
    found = categories(pipeline, text)
    assert ("ASSAULT", "Armed clash") in found
    assert ("ASSAULT", "Non-state actor overtakes territory") not in found


def test_a_clash_between_armed_sides_stays_a_battle(pipeline):
    found = categories(pipeline, "Government troops clashed with rebels near the airport.")
    assert ("ASSAULT", "Armed clash") in found
    # With one side unparsed, a clash in a sentence that names no crowd stays a battle.
    assert ("ASSAULT", "Armed clash") in categories(
        pipeline, "Police clashed with gunmen near the border on Friday."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Nineteen people were killed when their bus plunged off a bridge.",
        "Six workers were killed and two injured when a chemical plant exploded.",
        "Five people died after the volcano erupted on Monday.",
    ],
)
def test_accidents_told_in_a_when_clause_are_no_events(pipeline, text):
    assert categories(pipeline, text) == []


def test_a_minefield_that_kills_is_a_landmine(pipeline):
    found = categories(pipeline, "A minefield explosion near the village killed two shepherds on Sunday.")
    assert ("ASSAULT", "Remote explosive/landmine/IED") in found


def test_a_bomb_that_kills_in_a_when_clause_is_still_an_attack(pipeline):
    found = categories(pipeline, "Five people were killed when a car bomb exploded near the market.")
    assert ("ASSAULT", "Remote explosive/landmine/IED") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police detained dozens of students during a protest outside the ministry.",
            ("COERCE", "Protest with intervention"),
        ),
        (
            "Ten protesters were injured after police dispersed the sit-in near the bridge.",
            ("ASSAULT", "Excessive force against protesters"),
        ),
        ("Police arrested two activists ahead of the referendum.", ("COERCE", "Arrests")),
        ("Forty rebels surrendered to the army in the hills.", ("RETREAT", "Agreement")),
        ("The rebels began peace talks with the government in the capital.", ("CONSULT", "Agreement")),
        (
            "Government troops freed three villages from the rebels.",
            ("COERCE", "Government regains territory"),
        ),
        (
            "Militants attacked an army checkpoint outside the town, killing five people.",
            ("ASSAULT", "Armed clash"),
        ),
    ],
)
def test_protest_interventions_agreements_and_attacks_on_posts(pipeline, text, expected):
    assert expected in categories(pipeline, text)


def test_riot_police_are_actors_not_a_riot(pipeline):
    assert categories(pipeline, "Riot police stood outside the parliament on Monday.") == []


def test_ground_left_under_fire_is_no_peaceful_transfer(pipeline):
    found = categories(
        pipeline, "Government troops retook the town after the rebels withdrew under heavy shelling."
    )
    assert ("COERCE", "Government regains territory") in found
    assert ("COERCE", "Non-violent transfer of territory") not in found


@pytest.mark.parametrize(
    "text",
    [
        "The government targeted the neighbouring country with sweeping sanctions on Friday.",
        "The ministry announced new measures targeting Russia on Monday.",
    ],
)
def test_targeting_by_sanctions_is_a_sanction_not_an_attack(pipeline, text):
    found = categories(pipeline, text)
    assert ("SANCTION", None) in found
    assert not any(event_type == "ASSAULT" for event_type, _ in found)


def test_targeting_with_weapons_stays_an_attack(pipeline):
    found = categories(pipeline, "Rebels targeted an army base with rockets on Friday.")
    assert ("ASSAULT", "Shelling/artillery/missile attack") in found


@pytest.mark.parametrize(
    "text",
    [
        "The army denied that its helicopters bombed the market in Valdora.",
        "Floods killed twelve people and soldiers were deployed to rescue stranded villagers.",
        "Three workers were hurt when a tank at the fertiliser plant exploded on Tuesday.",
        "Police arrested four men for smuggling counterfeit cigarettes across the border.",
        "The rebel group claimed responsibility for the bombing of the checkpoint.",
        "The minister accused the rebels of shelling the hospital in Valdora.",
        "The government imposed sanctions on the militia after its attack on the convoy.",
    ],
)
def test_what_acled_leaves_out_gets_no_category(pipeline, text):
    found = categories(pipeline, text)
    assert found, "the sentence should still give events, only no ACLED category"
    assert [category for _, category in found if category is not None] == []


def test_a_mob_that_beats_people_accused_of_a_crime_is_still_mob_violence(pipeline):
    found = categories(pipeline, "A mob attacked two men accused of theft in the village.")
    assert ("ASSAULT", "Mob violence") in found


def test_a_modifier_says_more_than_the_trigger(pipeline):
    found = categories(pipeline, "Two soldiers were killed in a suicide bombing at the checkpoint.")
    assert ("ASSAULT", "Suicide bomb") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A grenade exploded in the crowded bus station, injuring twelve people.", "Grenade"),
        ("Shells hit the market in the old city on Sunday.", "Shelling/artillery/missile attack"),
    ],
)
def test_a_weapon_going_off_is_violence(pipeline, text, expected):
    assert ("ASSAULT", expected) in categories(pipeline, text)


def test_harm_told_beside_an_explosion_is_the_explosions(pipeline):
    found = categories(
        pipeline, "A roadside bomb hit an army truck near the border. Six people were killed on Friday."
    )
    assert found.count(("ASSAULT", "Remote explosive/landmine/IED")) == 2
    alone = categories(pipeline, "Gunmen stormed the village on Friday. Six people were killed.")
    assert ("ASSAULT", "Remote explosive/landmine/IED") not in alone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The agent decides over the shell or bomb that carried it.
        ("Militants fired mortar rounds containing poisonous gas at the army post.", "Chemical weapon"),
        ("Banned chlorine munitions were dropped on a northern city in October.", "Chemical weapon"),
        (
            "Six people were killed when government forces used chlorine gas south of the city.",
            "Chemical weapon",
        ),
        # Bombs dropped are an attack; from a helicopter, an air strike.
        (
            "A government helicopter dropped two barrel bombs on the farmland north of the town.",
            "Air/drone strike",
        ),
        # The agent named by the gas's modifier.
        ("The patients were hurt by the use of poisonous gas by the militants.", "Chemical weapon"),
        ("Government forces dropped containers of toxic gas on a town in the north.", "Chemical weapon"),
    ],
)
def test_chemical_agents_and_dropped_bombs(pipeline, text, expected):
    assert ("ASSAULT", expected) in categories(pipeline, text)


def test_things_used_or_dropped_that_are_no_weapons_are_no_attack(pipeline):
    assert categories(pipeline, "The farmer used the old bomb shelter as a barn.") == []
    assert categories(pipeline, "Prices dropped sharply in the market after the harvest.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Government troops pushed the militants out of three villages in the region.",
        "The rebels were driven out of the town by the army on Monday.",
    ],
)
def test_forces_that_push_the_other_side_out_regain_ground(pipeline, text):
    assert ("COERCE", "Government regains territory") in categories(pipeline, text)


def test_pushing_things_out_is_no_seizure_of_ground(pipeline):
    assert categories(pipeline, "Rising rents pushed the old shops out of the city centre.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police fired tear gas to disperse the crowd outside the court.", "Protest with intervention"),
        ("Riot police broke up a rally of teachers in the capital.", "Protest with intervention"),
        (
            "Police used batons to disperse hundreds of protesters, injuring twelve.",
            "Excessive force against protesters",
        ),
    ],
)
def test_a_crowd_dispersed_or_broken_up_is_a_protest_met_by_force(pipeline, text, expected):
    assert ("ASSAULT", expected) in categories(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "The militia handed over the town of Bamba to the army on Sunday.",
        "Government troops withdrew from the border post, leaving it in the hands of the rebels.",
        "The army withdrew from the crossing, allowing the militants to take it without resistance.",
    ],
)
def test_ground_handed_over_or_left_to_others_changes_hands_without_a_fight(pipeline, text):
    assert "Non-violent transfer of territory" in [sub for _, sub in categories(pipeline, text)]


def test_forces_that_withdraw_alone_change_their_activity(pipeline):
    text = "Government troops withdrew from the border post on Friday."
    assert ("RETREAT", "Change to group/activity") in categories(pipeline, text)


def test_a_clash_in_which_ground_changed_hands_is_that_battle(pipeline):
    text = "Government forces took control of the town of Valdora in fierce clashes with the rebels."
    assert set(categories(pipeline, text)) == {
        ("COERCE", "Government regains territory"),
        ("ASSAULT", "Government regains territory"),
    }


def test_ground_taken_is_a_battle_whose_side_the_loser_can_tell(pipeline):
    events = pipeline.extract(
        "Soldiers from the northern command captured two camps of the New People's Army."
    )
    taken = [e for e in events if e.cameo == "192"]
    assert [(e.acled_event_type, e.acled_sub_event_type) for e in taken] == [
        ("Battles", "Government regains territory")
    ]


def test_a_road_taken_over_by_a_crowd_is_no_battle(pipeline):
    found = categories(pipeline, "Protesters took over the main highway into the capital on Monday.")
    assert not {sub for _, sub in found} & {
        "Government regains territory",
        "Non-state actor overtakes territory",
    }


@pytest.mark.parametrize(
    "text",
    [
        "The rebels took over two oil fields in the desert on Tuesday.",
        "Mai Mai rebels have taken over four localities in the territory.",
        "The militants seized a deserted rocket-launching site close to the air base.",
    ],
)
def test_sites_and_localities_taken_over_are_ground(pipeline, text):
    assert ("COERCE", "Non-state actor overtakes territory") in categories(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "The army units drove back the militants from a key village in the east.",
        "The jihadist fighters were pushed back from their strongholds south of the city.",
    ],
)
def test_fighters_driven_back_lose_ground(pipeline, text):
    assert ("COERCE", "Government regains territory") in categories(pipeline, text)


def test_a_deadline_pushed_back_is_no_ground(pipeline):
    assert categories(pipeline, "The ministry pushed back the deadline for the tax returns to May.") == []


def test_a_clash_told_beside_ground_taken_is_the_battle_for_it(pipeline):
    text = (
        "The army drove back the militants from the village of Tel Sawa. "
        "Troops killed several fighters in fierce clashes near the village."
    )
    assert ("ASSAULT", "Government regains territory") in categories(pipeline, text)
    assert ("ASSAULT", "Armed clash") not in categories(pipeline, text)


def test_a_withdrawal_told_beside_a_handover_is_that_handover(pipeline):
    text = (
        "The coalition withdrew from the Tamra air base on Sunday. "
        "Its forces handed control of the base over to the national army."
    )
    assert ("RETREAT", "Non-violent transfer of territory") in categories(pipeline, text)
    assert ("RETREAT", "Change to group/activity") not in categories(pipeline, text)


def test_a_fight_that_did_not_take_place_leaves_the_ground_handed_over(pipeline):
    text = "The guards withdrew from the crossing, and the rebels entered it without fighting."
    found = categories(pipeline, text)
    assert ("RETREAT", "Non-violent transfer of territory") in found
    assert ("ASSAULT", "Armed clash") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Farmers blocked roads and railways across the state to protest the new farm laws.",
        "Hundreds of protesters blocked the main thoroughfares of the capital on Saturday.",
        "Protesters shut down roads and government offices in the capital on Sunday.",
        "Protesters barricaded the main road into the city.",
    ],
)
def test_roads_blocked_by_protesters_are_a_violent_demonstration(pipeline, text):
    assert ("PROTEST", "Violent demonstration") in categories(pipeline, text)


def test_crowd_control_weapons_fired_are_an_intervention(pipeline):
    text = "Police fired tear gas and pepper spray at shoppers in the busy district on Sunday."
    assert ("ASSAULT", "Protest with intervention") in categories(pipeline, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "More foreign-owned shops have been burned in the city, officials said.",
            "Looting/property destruction",
        ),
        (
            "Hundreds of angry residents went on a looting spree in the market.",
            "Looting/property destruction",
        ),
        ("Rioters set fire to a police station on the edge of town.", "Mob violence"),
        # a mob's violence, whatever its act
        ("An angry mob vandalised three temples in the district.", "Mob violence"),
    ],
)
def test_property_burned_or_looted(pipeline, text, expected):
    assert ("ASSAULT", expected) in categories(pipeline, text)


def test_harm_told_beside_an_accident_is_its_toll_not_an_attack(pipeline):
    text = "Workers at a gas plant were hurt when a tank exploded on Thursday. Four people were injured."
    assert [sub for _, sub in categories(pipeline, text) if sub] == []
    attack = "Gunmen attacked a village on Monday. Four people were injured."
    assert categories(pipeline, attack).count(("ASSAULT", "Attack")) == 2


def test_demonstrators_who_take_part_in_a_march_protest(pipeline):
    text = "Hundreds of demonstrators participated in what the organisers called a walk for peace."
    assert ("PROTEST", "Peaceful protest") in categories(pipeline, text)


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        # the crowd turns violent a sentence later: the whole protest is a violent demonstration
        (
            "Thousands of teachers marched through the capital on Monday. Later, clashes erupted between "
            "the police and the marchers near the ministry.",
            "Violent demonstration",
        ),
        # force that killed protesters, told beside the protest: excessive force against it
        (
            "Students staged a sit-in outside the university on Friday. Soldiers opened fire on the "
            "protesters, killing two of them.",
            "Excessive force against protesters",
        ),
        # the police stepped in: a protest with intervention
        (
            "Hundreds of farmers rallied outside parliament on Tuesday. Police fired tear gas to disperse "
            "the crowd.",
            "Protest with intervention",
        ),
    ],
)
def test_a_protest_takes_the_gravest_category_told_of_it(pipeline, text, sub_type):
    protests = [e for e in pipeline.extract(text) if e.type == "PROTEST"]
    assert protests and {e.acled_sub_event_type for e in protests} == {sub_type}


def test_force_that_met_a_crowd_does_not_make_it_violent(pipeline):
    text = "Farmers rallied in the square on Monday. Police violently dispersed the rally."
    protests = [e for e in pipeline.extract(text) if e.type == "PROTEST"]
    assert protests and all(e.acled_sub_event_type != "Violent demonstration" for e in protests)


def test_ground_taken_beside_the_other_sides_withdrawal_changed_hands_without_a_fight(pipeline):
    text = (
        "The militants seized the border crossing on Thursday. They took it after the government "
        "forces withdrew from the post."
    )
    seized = next(e for e in pipeline.extract(text) if e.evidence.trigger_text == "seized")
    assert seized.acled_sub_event_type == "Non-violent transfer of territory"
    fought = (
        "The militants seized the border crossing on Thursday. The government forces withdrew from the "
        "post after heavy fighting."
    )
    seized = next(e for e in pipeline.extract(fought) if e.evidence.trigger_text == "seized")
    assert seized.acled_sub_event_type == "Non-state actor overtakes territory"


def test_people_displaced_are_another_strategic_development_beside_the_attacks_they_flee(pipeline):
    found = categories(
        pipeline, "Some 6,000 villagers have fled their homes because of militia attacks, an aid agency said."
    )
    assert ("SANCTION", "Other") in found
    assert ("ASSAULT", "Attack") in found  # the attacks fled are no sanction's reason: they stay in scope
    displaced = categories(pipeline, "The fighting has displaced 40,000 people in the north.")
    assert ("SANCTION", "Other") in displaced


def test_people_displaced_by_a_flood_are_out_of_scope(pipeline):
    found = categories(pipeline, "Floods displaced 12,000 people in the delta last week.")
    assert [category for _, category in found if category is not None] == []


def test_a_mob_whose_victim_is_accused_of_a_crime_is_still_mob_violence(pipeline):
    text = "A man accused of stealing a goat died after he was beaten by an angry mob in the village."
    assert ("ASSAULT", "Mob violence") in categories(pipeline, text)


def test_injuries_among_protesters_make_the_force_used_on_them_excessive(pipeline):
    text = "Serious injuries were reported among the demonstrators as the police suppressed their march."
    assert "Excessive force against protesters" in [category for _, category in categories(pipeline, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Police exchanged fire with the gunmen for two hours near the market.",
        "Soldiers were engaged in a fire exchange with the militants since morning.",
    ],
)
def test_fire_exchanged_is_an_armed_clash(pipeline, text):
    assert ("ASSAULT", "Armed clash") in categories(pipeline, text)
    # Prisoners exchanged are still released under an agreement.
    assert ("RETREAT", "Agreement") in categories(pipeline, "The two sides exchanged prisoners on Monday.")
