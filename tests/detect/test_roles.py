from __future__ import annotations

import pytest


def roles(mentions_of, text, trigger):
    [mention] = [m for m in mentions_of(text) if m.trigger_text == trigger]
    first = [[p.text for p in ref.candidates] for ref in mention.sources]
    second = [[p.text for p in ref.candidates] for ref in mention.targets]
    return first, second


def further_targets(mentions_of, text, trigger):
    [mention] = [m for m in mentions_of(text) if m.trigger_text == trigger]
    return [ref.candidates[0].text for ref in mention.further_targets]


def test_active_voice(mentions_of):
    sources, targets = roles(mentions_of, "Turkish jets bombed Kurdish positions.", "bombed")
    assert [ref[0] for ref in sources] == ["Turkish jets"]
    assert [ref[0] for ref in targets] == ["Kurdish positions"]


def test_passive_voice_with_by(mentions_of):
    sources, targets = roles(mentions_of, "The convoy was attacked by gunmen near the border.", "attacked")
    assert [ref[0] for ref in sources] == ["gunmen"]
    assert [ref[0] for ref in targets] == ["convoy"]


def test_nominal_event_with_against_and_a_compound_source(mentions_of):
    sources, targets = roles(mentions_of, "A Russian drone attack on Odesa damaged the port.", "attack")
    assert sources == [["Russian"]]
    assert targets[0][0] == "Odesa"


def test_relative_clause_subject_is_the_antecedent(mentions_of):
    text = "Israeli officials, who on Monday accused Hamas of delaying the talks, left Cairo."
    sources, targets = roles(mentions_of, text, "accused")
    assert "Israeli officials" in sources[0]
    assert targets[0][0] == "Hamas"


def test_light_verb_carries_source_and_target(mentions_of):
    sources, targets = roles(mentions_of, "The council issued a warning to the rebels.", "warning")
    assert [ref[0] for ref in sources] == ["council"]
    assert [ref[0] for ref in targets] == ["rebels"]


def test_tightening_a_blockade_carries_its_doer(mentions_of):
    sources, _ = roles(
        mentions_of, "The alliance said it would tighten the naval blockade of Ruritania.", "blockade"
    )
    assert [ref[-1] for ref in sources] == ["it"]


def test_coordinated_targets_are_each_an_actor(mentions_of):
    _, targets = roles(mentions_of, "The group attacked Chad and Niger.", "attacked")
    assert [t[0] for t in targets] == ["Chad", "Niger"]


def test_each_member_of_an_of_phrase_is_an_actor(mentions_of):
    text = "Police tortured scores of refugees and migrants."
    _, targets = roles(mentions_of, text, "tortured")
    assert [t[0] for t in targets] == ["scores of refugees", "migrants"]


def test_an_accusation_about_an_act_targets_its_author(mentions_of):
    _, targets = roles(mentions_of, "Cairo voiced condemnation of the Israeli raid.", "condemnation")
    assert targets[0][0] == "Israeli"


@pytest.mark.parametrize(
    ("text", "trigger", "author"),
    [
        ("The cabinet rejected the call of the Farmers Union for aid.", "rejected", "Farmers Union"),
        # the parser hangs "by" on the verb: only who said the charges can be meant
        ("The ministry denied charges by the Bar Council that it tortured men.", "denied", "Bar Council"),
    ],
)  # fmt: skip
def test_rejecting_what_someone_said_targets_who_said_it(mentions_of, text, trigger, author):
    _, targets = roles(mentions_of, text, trigger)
    assert author in targets[0]


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # a call for an act is aimed where the act is
        ("The bishop called for sanctions against Gabon over the killings.", "called", "Gabon"),
        # the parser hangs "into" on the light verb: the allegation's author is who is investigated
        ("The panel completed its investigation into an allegation by the Farmers Union.", "investigation",
         "Farmers Union"),
    ],
)  # fmt: skip
def test_an_act_named_after_the_trigger_passes_on_whom_it_is_aimed_at(mentions_of, text, trigger, target):
    _, targets = roles(mentions_of, text, trigger)
    assert any(target in ref for ref in targets)


def test_an_active_verbs_by_names_no_target_beside_an_act_nobody_said(mentions_of):
    text = "Crowds protested the abuses under the new law by the religious police."
    _, targets = roles(mentions_of, text, "protested")
    assert not any("religious police" in ref for ref in targets)


def test_a_threat_targets_the_complement(mentions_of):
    _, targets = roles(mentions_of, "The militia threatened to strike against Turkish forces.", "threatened")
    assert targets[0][0] == "Turkish forces"


def test_members_of_a_named_group_name_the_group(mentions_of):
    _, targets = roles(mentions_of, "Soldiers killed two fighters of al-Shabaab.", "killed")
    assert "two fighters of al-Shabaab" in targets[0] or "fighters of al-Shabaab" in targets[0]


def test_members_from_a_named_group_name_the_group_but_people_from_a_place_do_not(pipeline):
    [attack] = pipeline.extract("Gunmen from al-Shabaab attacked the police post.")
    assert attack.source[0].name == "al-Shabaab"
    [protest] = pipeline.extract("Refugees from Serbia protested in the square.")
    assert (protest.source[0].country, protest.source[0].sector) == ("SRB", "REF")


def test_coordinated_nationalities_make_one_actor_each(mentions_of):
    [mention] = [
        m
        for m in mentions_of("Senior Hungarian and Romanian officials met in Vienna.")
        if m.type == "CONSULT"
    ]
    assert [[p.text for p in ref.candidates] for ref in mention.sources] == [
        ["Hungarian officials"],
        ["Romanian officials"],
    ]


def test_whoever_leads_or_backs_an_operation_carries_it_out(mentions_of):
    sources, _ = roles(mentions_of, "The Hamas-led operation began before dawn on Saturday.", "operation")
    assert sources == [["Hamas"]]


def test_a_date_after_on_is_no_target(mentions_of):
    _, targets = roles(mentions_of, "A man was shot dead in Kisumu on Monday.", "shot")
    assert all("Monday" not in ref for ref in targets)


def test_a_light_verb_carries_a_coordination_of_nominal_triggers(mentions_of):
    text = "The air force launched air and artillery strikes on rebel positions."
    sources, targets = roles(mentions_of, text, "strikes")
    assert [ref[0] for ref in sources] == ["air force"]
    assert targets[0][0] == "rebel positions"


def test_a_light_verbs_subject_is_a_further_source_behind_the_triggers_modifier(mentions_of):
    [mention] = [
        m for m in mentions_of("Russia launched surprise attacks on Georgia.") if m.trigger_text == "attacks"
    ]
    assert [ref.candidates[0].text for ref in mention.sources] == ["surprise"]
    assert [ref.candidates[0].text for ref in mention.further_sources] == ["Russia"]


def test_whom_a_things_object_goes_to_is_a_further_target(mentions_of):
    text = "The ministry suspended food supplies to the northern rebels."
    _, targets = roles(mentions_of, text, "suspended")
    assert [ref[0] for ref in targets] == ["food supplies"]
    assert further_targets(mentions_of, text, "suspended") == ["northern rebels"]
    text = "The minister threatened to cut off electricity to the breakaway region's militias."
    assert further_targets(mentions_of, text, "threatened") == ["breakaway region's militias"]
    text = "The court lifted a travel ban imposed on the opposition leader."
    assert further_targets(mentions_of, text, "lifted") == ["opposition leader"]


def test_rejecting_calls_made_by_someone_targets_them(mentions_of):
    text = "The cabinet rejected repeated calls by the opposition parties for an early vote."
    _, targets = roles(mentions_of, text, "rejected")
    assert [ref[0] for ref in targets] == ["opposition parties"]


def test_a_protest_parsed_as_a_participle_of_a_verbless_sentence_has_the_noun_as_subject(mentions_of):
    sources, _ = roles(mentions_of, "Hundreds of refugees protested in Berlin.", "protested")
    assert sources[0][0] == "Hundreds of refugees"


def test_conceding_to_demands_targets_whoever_made_them(mentions_of):
    text = "The president conceded to demands from the opposition parties to overhaul the courts."
    _, targets = roles(mentions_of, text, "conceded")
    assert "opposition parties" in [ref[0] for ref in targets]


def test_a_place_name_before_a_people_noun_says_where_they_are(mentions_of):
    [mention] = [
        m for m in mentions_of("The army accused Darfur rebels of looting.") if m.trigger_text == "accused"
    ]
    assert [ref.located_in.text for ref in mention.targets] == ["Darfur"]


def test_whoever_is_willing_or_ready_to_act_is_the_source(mentions_of):
    sources, _ = roles(
        mentions_of, "Kenya is ready to contribute troops to the mission in Haiti.", "contribute"
    )
    assert [ref[0] for ref in sources] == ["Kenya"]


def test_a_statement_issued_by_someone_makes_its_demand_theirs(mentions_of):
    text = "The rebel alliance issued a declaration demanding that the government release its leader."
    [mention] = [m for m in mentions_of(text) if m.trigger_text == "demanding"]
    assert [ref.candidates[0].text for ref in mention.sources] == ["declaration"]
    assert [ref.candidates[0].text for ref in mention.further_sources] == ["rebel alliance"]


def reciprocal_kind(mentions_of, text, trigger):
    [mention] = [m for m in mentions_of(text) if m.trigger_text == trigger]
    return mention.reciprocal


def test_coordinated_parties_of_a_reciprocal_trigger_may_act_jointly(mentions_of):
    assert reciprocal_kind(mentions_of, "Chile and Peru signed a fisheries treaty.", "signed") == "joint"


def test_a_reciprocal_trigger_that_names_the_other_side(mentions_of):
    assert reciprocal_kind(mentions_of, "Farmers clashed with police in Kisumu.", "clashed") == "counterpart"
    assert reciprocal_kind(mentions_of, "The envoy met the Ghanaian president.", "met") == "counterpart"
    assert reciprocal_kind(mentions_of, "Oslo held talks with the rebels.", "talks") == "counterpart"


def test_a_with_set_apart_by_and_or_a_comma_names_no_other_side(mentions_of):
    text = "The assembly agreed to lift the curbs on Lusitania, and with strings attached, on Ruritania."
    assert reciprocal_kind(mentions_of, text, "agreed") == "joint"


def test_whom_an_agreed_act_gives_to_is_aimed_at_where_its_objects_are_no_one(mentions_of):
    text = "Ruritania has agreed to re-open its borders to UN monitors."
    assert further_targets(mentions_of, text, "agreed") == ["UN monitors"]


def test_what_a_nominal_act_is_for_aims_it(mentions_of):
    text = "The talks followed coercive measures by the Treasury to weaken the Iraqi dinar."
    assert further_targets(mentions_of, text, "measures") == ["Iraqi dinar"]
    # also where the parser hangs the purpose on the verb above the act's phrase
    text = "The talks came after punitive measures by the US Treasury to weaken the value of the Iraqi dinar."
    assert further_targets(mentions_of, text, "measures") == ["value of the Iraqi dinar"]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a "for" that says why names no target
        ("Chile apologized to Peru for the soldiers who crossed the border.", "apologized", ["Peru"]),
        ("The president praised the army for its restraint.", "praised", ["army"]),
        # an act put after what the verb calls it is its object, and aimed at its author
        ("Greece condemned as a grave injustice Turkey's arrest of the journalists.", "condemned",
         ["Turkey"]),
        # where a withdrawal leaves, also where the parser hangs it on what leaves
        ("Britain speeded up the withdrawal of some invasion forces from Iraq on Thursday.", "withdrawal",
         ["Iraq"]),
    ],
)  # fmt: skip
def test_whom_an_act_is_aimed_at(mentions_of, text, trigger, expected):
    _, targets = roles(mentions_of, text, trigger)
    assert [t[0] for t in targets] == expected


def test_where_withdrawn_forces_leave_says_nothing_of_whose_they_are(mentions_of):
    text = "Britain speeded up the withdrawal of some invasion forces from Iraq on Thursday."
    [mention] = [m for m in mentions_of(text) if m.trigger_text == "withdrawal"]
    assert [ref.located_in for ref in mention.sources] == [None]


def test_a_one_sided_trigger_is_not_reciprocal(mentions_of):
    assert reciprocal_kind(mentions_of, "Gunmen attacked a police post in Kano.", "attacked") is None


def test_talks_between_two_sides_name_both(mentions_of):
    text = "Talks between Ethiopia and Eritrea resumed in Jeddah."
    sources, targets = roles(mentions_of, text, "Talks")
    assert [sources[0][0], targets[0][0]] == ["Ethiopia", "Eritrea"]
    assert reciprocal_kind(mentions_of, text, "Talks") == "counterpart"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Chad and Sudan resumed negotiations on the return of Sudanese refugees.", "negotiations"),
        ("Chad and Sudan failed to reach an agreement on the fate of Sudanese refugees.", "agreement"),
    ],
)
def test_what_talks_or_an_agreement_are_on_is_their_topic_not_a_target(mentions_of, text, trigger):
    assert roles(mentions_of, text, trigger)[1] == []
    assert further_targets(mentions_of, text, trigger) == []


def test_a_mediation_between_two_sides_is_aimed_at_both(mentions_of):
    text = "Qatar launched a mediation effort between Chad and Sudan."
    sources, targets = roles(mentions_of, text, "mediation")
    assert [ref[0] for ref in targets] == ["Chad", "Sudan"]
    assert "Chad" not in [ref[0] for ref in sources]


def test_between_a_modifier_and_its_conjunct_are_two_sides(mentions_of):
    # parsed as "rebels" modified by "the army and M23"
    text = "Clashes between the army and M23 rebels killed five people."
    sources, targets = roles(mentions_of, text, "Clashes")
    assert sources[0][0] == "army"
    assert targets[0][0] == "M23 rebels"


def test_a_martial_word_in_an_agreed_act_is_no_target(mentions_of):
    text = "Kenya and Uganda have agreed to undertake joint military exercises."
    _, targets = roles(mentions_of, text, "agreed")
    assert targets == []


def test_a_pronoun_that_reports_on_itself_is_the_speaker(mentions_of):
    sources, _ = roles(mentions_of, "Kenya says it will not accept more refugees.", "accept")
    assert sources[0][0] == "Kenya"
    sources, _ = roles(mentions_of, "The rebels said they would release the hostages.", "release")
    assert sources[0][0] == "rebels"


def test_a_pronoun_that_does_not_agree_with_the_speaker_stays_a_pronoun(mentions_of):
    # "they" is not the minister: the pronoun is left to the earlier actors of the article.
    sources, _ = roles(mentions_of, "The minister said they had attacked the convoy.", "attacked")
    assert sources == [["they"]]


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        ("The LRA is responsible for mass killings in the north.", "killings", "LRA"),
        ("Al-Shabaab was behind the attack on the hotel.", "attack", "Al-Shabaab"),
        ("The militia is accused of killings near the border.", "killings", "militia"),
        ("The government accused the rebels of the bombing in Kabul.", "bombing", "rebels"),
    ],
)
def test_whom_the_sentence_holds_responsible_did_the_act(mentions_of, text, trigger, doer):
    sources, _ = roles(mentions_of, text, trigger)
    assert len(sources) == 1 and doer in sources[0]


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Police said the Maoists were responsible for the blast that killed five soldiers.", "Maoists"),
        ("The rebels were behind the bomb that wounded two policemen.", "rebels"),
    ],
)
def test_whom_the_sentence_holds_responsible_for_a_thing_did_what_the_thing_did(mentions_of, text, doer):
    [mention] = [m for m in mentions_of(text) if m.type == "ASSAULT"]
    assert [ref.candidates[0].text for ref in mention.further_sources] == [doer]


def test_a_light_verb_carries_the_event_noun_that_modifies_its_object(mentions_of):
    text = "Qatar launched a mediation effort between Chad and Sudan."
    sources, _ = roles(mentions_of, text, "mediation")
    assert [ref[0] for ref in sources] == ["Qatar"]


def test_the_forces_a_mobilisation_moves_are_no_target(mentions_of):
    _, targets = roles(mentions_of, "The alliance strengthened its forces in the east.", "strengthened")
    assert targets == []
    _, targets = roles(mentions_of, "The army deployed troops against the rebels.", "deployed")
    assert [ref[0] for ref in targets] == ["rebels"]


def test_a_people_noun_before_an_act_of_violence_may_name_its_victims(mentions_of):
    sources, targets = roles(mentions_of, "Child abductions rose sharply in the north.", "abductions")
    assert (sources, [ref[0] for ref in targets]) == ([], ["Child"])
    sources, _ = roles(mentions_of, "A police shooting killed two men.", "shooting")
    assert [ref[0] for ref in sources] == ["police"]  # the doers: "police" is no victim word


def test_who_is_let_go_is_the_target_of_a_release(mentions_of):
    sources, targets = roles(mentions_of, "The army announced the release of three journalists.", "release")
    assert ([ref[0] for ref in sources], [ref[0] for ref in targets]) == (["army"], ["journalists"])
    sources, _ = roles(mentions_of, "The withdrawal of Russian troops began on Monday.", "withdrawal")
    assert [ref[0] for ref in sources] == ["Russian troops"]  # who withdraws


def test_the_troops_sent_on_a_peace_mission_are_the_senders_own(mentions_of):
    text = "Ghana is sending 400 troops to the UN peacekeeping mission in Mali."
    sources, targets = roles(mentions_of, text, "sending")
    assert [ref[0] for ref in sources] == ["Ghana"] and not any("troops" in ref[0] for ref in targets)


def test_the_agent_of_a_passive_light_verb_carried_out_the_act(mentions_of):
    sources, _ = roles(mentions_of, "The attack was carried out by Hamas fighters.", "attack")
    assert [ref[0] for ref in sources] == ["Hamas fighters"]


def test_the_suspect_extradited_is_the_means_and_the_receiving_state_the_target(mentions_of):
    text = "Peru extradited the banker to Spain on Friday."
    sources, targets = roles(mentions_of, text, "extradited")
    assert ([ref[0] for ref in sources], [ref[0] for ref in targets]) == (["Peru"], ["Spain"])


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("The court is investigating crimes by the militia against villagers.", "investigating", "militia"),
        ("The panel opened an investigation into abuses committed by the police.", "investigation", "police"),
        ("The minister refused to respond to a demand from the union.", "refused", "union"),
        ("The EU condemned the annexation of Crimea by Russia.", "condemned", "Russia"),
    ],
)
def test_the_doer_of_the_act_an_event_is_about_is_its_target(mentions_of, text, trigger, target):
    _, targets = roles(mentions_of, text, trigger)
    assert [ref[0] for ref in targets] == [target]


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("Russia began withdrawing its troops from Syria on Monday.", "withdrawing", "Syria"),
        ("Qatar withdrew its ambassador from Egypt on Monday.", "withdrew", "Egypt"),
    ],
)
def test_what_is_withdrawn_is_the_actors_own_and_the_place_left_the_target(mentions_of, text, trigger, place):
    _, targets = roles(mentions_of, text, trigger)
    assert [ref[0] for ref in targets] == [place]


def test_people_from_a_place_are_located_there(mentions_of):
    [mention] = [
        m
        for m in mentions_of("Croatia opened its borders to refugees from Serbia.")
        if m.trigger_text == "opened"
    ]
    assert [ref.located_in.text for ref in mention.further_targets] == ["Serbia"]  # whom the border opened to


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Russia is opposed to new sanctions against Iran.", "Russia", "Iran"),
        ("Israel is opposed to French mediation in the talks.", "Israel", "French"),
        ("The opposition was opposed to the president.", "opposition", "president"),
    ],
)
def test_one_opposed_to_something_holds_a_stance_on_it(mentions_of, text, source, target):
    sources, targets = roles(mentions_of, text, "opposed")
    assert [ref[0] for ref in sources] == [source]
    assert target in [ref[0] for ref in targets]


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # whom the condition of a threat binds
        ("The villagers threatened to strike unless Israel rescinded the order.", "threatened", "Israel"),
        (
            "Russia threatened to quit the talks if the United States deploys missiles.",
            "threatened",
            "United States",
        ),
        # the subject of an infinitive clause the act governs
        ("The minister allowed the opposition leader to hold a rally.", "allowed", "opposition leader"),
        # who protests, when force stops the protest
        ("Police prevented a demonstration staged by students near the campus.", "prevented", "students"),
        # whose ban is broken
        ("The newspaper violated a ban by the military governor.", "violated", "military governor"),
        # help named by its object goes to the "to" object, not to the object
        ("The donors gave food to the refugees in the camps.", "gave", "refugees"),
        # ... and so do troops offered
        ("Chad offered its troops to the president of Mali.", "offered", "president of Mali"),
        # what is handed back goes to the "to" object
        ("The rebels returned the weapons to the government on Monday.", "returned", "government"),
    ],
)
def test_whom_the_act_is_aimed_at_beyond_its_object(mentions_of, text, trigger, target):
    _, targets = roles(mentions_of, text, trigger)
    assert target in [ref[0] for ref in targets]


def test_a_capital_that_only_opens_the_sentence_does_not_hide_what_follows(mentions_of):
    sources, _ = roles(mentions_of, "Unidentified armed men shot dead a doctor in the market.", "shot")
    assert "armed men" in sources[0]


def test_a_hyphenated_reciprocal_noun_is_read_whole(mentions_of):
    [mention] = mentions_of("A shoot-out between bandits and soldiers left the road closed.")
    assert mention.reciprocal == "counterpart"


def test_a_name_comes_before_the_description_beside_it(mentions_of):
    # "a close Brazilian ally" describes Paraguay; it does not make the act Brazil's.
    sources, _ = roles(mentions_of, "Paraguay, a close Brazilian ally, condemned the coup.", "condemned")
    assert sources[0][0] == "Paraguay"


def test_a_possessive_pronoun_owns_a_nominal_act_and_a_demand_is_aimed_at_who_is_to_act(mentions_of):
    text = "The union repeated its demand that the government raise wages."
    sources, targets = roles(mentions_of, text, "demand")
    assert sources == [["its"]]
    assert targets[0][0] == "government"  # who is to act


@pytest.mark.parametrize(
    ("text", "trigger", "expected_sources", "expected_target"),
    [
        ("The former mayor was placed under house arrest on Friday.", "arrest", [], "former mayor"),
        ("Police put the editor under house arrest.", "arrest", ["Police"], "editor"),
        ("The town remained under siege for a month.", "siege", [], "town"),
    ],
)
def test_who_is_put_under_an_act_is_its_target(mentions_of, text, trigger, expected_sources, expected_target):
    sources, targets = roles(mentions_of, text, trigger)
    assert [ref[0] for ref in sources] == expected_sources
    assert targets[0][0] == expected_target


def test_who_is_guilty_of_an_act_did_it(mentions_of):
    sources, _ = roles(mentions_of, "The rebels are guilty of violating the truce.", "violating")
    assert sources[0][0] == "rebels"


def test_what_is_done_under_an_accord_puts_no_one_under_it(mentions_of):
    text = "Under the accord, each community will name representatives to a joint peace committee."
    assert [m.targets for m in mentions_of(text) if m.trigger_text == "accord"] in ([], [[]])


def test_the_nation_word_of_a_modifier_stands_in_for_a_name_the_base_may_not_know(mentions_of):
    sources, _ = roles(mentions_of, "Israeli Apache strikes killed three militants in Gaza.", "strikes")
    assert sources == [["Israeli Apache", "Israeli"]]


def test_people_who_flee_are_the_target_and_whom_they_flee_the_source(mentions_of):
    # PLOVER codes people fleeing as the target of an expulsion by whoever drove them out.
    sources, targets = roles(mentions_of, "Hundreds of villagers fled the Lord's Resistance Army.", "fled")
    assert [ref[0] for ref in targets] == ["Hundreds of villagers"]
    assert [ref[0] for ref in sources] == ["Lord's Resistance Army"]
    sources, _ = roles(mentions_of, "Thousands of villagers fled from the Lord's Resistance Army.", "fled")
    assert [ref[0] for ref in sources] == ["Lord's Resistance Army"]
    # A place fled is no one who drove them out.
    sources, targets = roles(mentions_of, "About 3,000 civilians fled Mosul on Sunday.", "fled")
    assert sources == []
    assert [ref[0] for ref in targets] == ["civilians"]


def test_a_demand_for_an_act_is_aimed_at_those_asked_to_do_it(mentions_of):
    # "the withdrawal of X", "a meeting of X": X is asked to act.
    text = "The regional bloc demanded the withdrawal of Ruritanian forces from the border zone."
    _, targets = roles(mentions_of, text, "demanded")
    assert [ref[0] for ref in targets] == ["Ruritanian forces"]
    text = "The delegation demanded an urgent meeting of the Security Council."
    _, targets = roles(mentions_of, text, "demanded")
    assert len(targets) == 1 and targets[0][0].endswith("Security Council")
    # Those let go are not whom a demand for their release asks to act.
    _, targets = roles(mentions_of, "The union demanded the release of three jailed organisers.", "demanded")
    assert targets == []


def test_a_counted_object_read_as_up_to_is_still_the_object(mentions_of):
    text = "The rebels kidnapped up to 16 foreign engineers from the mine."
    _, targets = roles(mentions_of, text, "kidnapped")
    assert len(targets) == 1 and targets[0][0].endswith("engineers")


def test_a_word_that_picks_another_triggers_sense_may_still_name_the_doer(mentions_of):
    # "a mob dispersed" makes "mob" a sense word of "disperse"; before "violence" it names who.
    sources, _ = roles(mentions_of, "Mob violence against traders spread across the district.", "violence")
    assert [ref[0] for ref in sources] == ["Mob"]
    # The words that pick the noun's own sense say how, not who: "hunger" is no striker.
    assert roles(mentions_of, "A hunger strike began outside the ministry.", "strike")[0] == []


@pytest.mark.parametrize(
    ("text", "trigger", "doers", "done_to"),
    [
        # who is engaged in an act does it
        ("Militia fighters were engaged in killings against the villagers of the valley.", "engaged",
         ["Militia fighters"], ["villagers of the valley"]),
        # a light verb shared with another verb names the doer by "by"
        ("The abduction of six union leaders was planned and carried out by the army.", "abduction",
         ["army"], ["union leaders"]),
    ],
)  # fmt: skip
def test_who_does_an_act_told_around_it(mentions_of, text, trigger, doers, done_to):
    sources, targets = roles(mentions_of, text, trigger)
    assert [ref[0] for ref in sources] == doers
    assert [ref[0] for ref in targets] == done_to


def test_a_protest_is_aimed_at_whom_it_defies_or_disapproves_of(mentions_of):
    text = "Thousands of workers marched in defiance of the Ruritanian authorities on Sunday."
    _, targets = roles(mentions_of, text, "marched")
    assert [ref[0] for ref in targets] == ["Ruritanian authorities"]
    text = "Farmers blocked a highway to show their anger at the Ruritanian government's tax plan."
    _, targets = roles(mentions_of, text, "blocked")
    assert [ref[0] for ref in targets] == ["Ruritanian government", "highway"]


def test_a_protest_is_aimed_at_whom_its_demand_is(mentions_of):
    text = "Nurses continued their hunger strike to demand the resignation of the Ruritanian health minister."
    _, targets = roles(mentions_of, text, "strike")
    assert len(targets) == 1 and targets[0][0].endswith("Ruritanian health minister")


def test_who_suffers_from_an_act_is_not_its_doer(mentions_of):
    text = "Three children suffered injuries due to an explosion of a landmine near the school."
    sources, _ = roles(mentions_of, text, "explosion")
    assert sources == []


def test_a_saying_verb_shares_its_conjuncts_subject_with_the_pronoun(mentions_of):
    text = "Ruritanian rebels rejected a Borduvian peace plan and said they opposed the deployment."
    sources, _ = roles(mentions_of, text, "opposed")
    assert sources[0][0] == "Ruritanian rebels"


def test_a_complaint_is_aimed_at_whom_it_is_about_not_to_whom_it_is_made(mentions_of):
    text = "Chad complained to the Security Council over two Libyan raids on its border posts."
    _, targets = roles(mentions_of, text, "complained")
    assert [ref[0] for ref in targets] == ["Libyan"]


def test_a_demand_is_aimed_at_whom_the_thing_is_demanded_from(mentions_of):
    text = "Local council officials demanded support from the Serbian parliament in regaining their land."
    _, targets = roles(mentions_of, text, "demanded")
    assert [ref[0] for ref in targets][-1] == "Serbian parliament"  # "support" is no actor
    text = "The opposition called for an Israeli investigation."
    _, targets = roles(mentions_of, text, "called")
    assert [ref[0] for ref in targets] == ["Israeli"]


def test_people_forced_out_are_expelled(mentions_of):
    text = "Kenya forced the aid agency out of the country."
    [mention] = [m for m in mentions_of(text) if m.trigger_text == "forced"]
    assert (mention.type, mention.cameo) == ("COERCE", "174")
    assert [ref.candidates[0].text for ref in mention.targets] == ["aid agency"]


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("The council accused the NPFL of seizing the town.", "NPFL"),
        ("The government blamed the rebels for bombing the bridge.", "rebels"),
    ],
)
def test_whom_a_verb_of_blame_holds_to_have_done_an_act_did_it(mentions_of, text, doer):
    trigger = next(word for word in ("seizing", "bombing") if word in text)
    sources, _ = roles(mentions_of, text, trigger)
    assert [ref[0] for ref in sources] == [doer]


def test_a_demand_whose_clause_hangs_on_its_verb_is_aimed_at_the_clauses_subject(mentions_of):
    text = "The union (ILU) reiterated its demand today that Israel ease the restrictions on workers."
    _, targets = roles(mentions_of, text, "demand")
    assert [ref[0] for ref in targets] == ["Israel"]


def test_help_given_to_a_peace_mission_goes_to_the_country_it_serves(mentions_of):
    text = "Japan is sending troops to the United Nations peacekeeping force in South Sudan."
    _, targets = roles(mentions_of, text, "sending")
    assert [ref[0] for ref in targets] == ["South Sudan"]
    # an attack on such a force is aimed at the force
    _, targets = roles(mentions_of, "Rebels attacked the UN peacekeeping force in Mali.", "attacked")
    assert targets[0][0] != "Mali"


def test_a_call_for_someone_to_act_is_aimed_at_them(mentions_of):
    text = "The prime minister called on Friday for Ruritania to stay in the single market."
    _, targets = roles(mentions_of, text, "called")
    assert [ref[0] for ref in targets] == ["Ruritania"]


def test_the_of_object_of_a_said_act_is_who_said_it(mentions_of):
    text = "The president conceded to the demands of the protesting truck drivers."
    sources, _ = roles(mentions_of, text, "demands")
    assert sources[0][0].endswith("truck drivers")


def test_efforts_between_people_are_aimed_at_them(mentions_of):
    text = "The envoy ended mediation efforts between Albanian separatists."
    assert further_targets(mentions_of, text, "ended") == ["Albanian separatists"]


def test_who_claims_responsibility_for_an_act_did_it_and_who_denies_it_did_not(mentions_of):
    sources, _ = roles(mentions_of, "The Velmora Front claimed responsibility for the bombings.", "bombings")
    assert sources[0][0] == "Velmora Front"
    assert roles(mentions_of, "The army denied any role in the attack on the village.", "attack")[0] == []


def test_a_participles_by_names_the_doer(mentions_of):
    text = "The missiles fired by the Israeli military struck an arms depot."
    sources, _ = roles(mentions_of, text, "fired")
    assert [ref[0] for ref in sources] == ["Israeli military"]


def test_the_subject_of_a_light_verb_misparsed_as_a_participle_carries_the_act(mentions_of):
    text = "The Iraqi air force carried out at least three air strikes in western Mosul."
    sources, _ = roles(mentions_of, text, "strikes")
    assert any("Iraqi air force" in ref for ref in sources)


def test_a_subject_the_parser_makes_a_gerund_is_the_noun_it_describes(mentions_of):
    text = "The Red Cross operating in Iraq said US and British forces must ensure security."
    sources, _ = roles(mentions_of, text, "said")
    assert sources[0][0] == "Red Cross"


def test_a_preposition_left_without_its_object_takes_the_clause_subject_after_it(mentions_of):
    text = "Peru has granted diplomatic asylum to five Panamanian army officers holed up in a residence."
    _, targets = roles(mentions_of, text, "granted")
    assert targets[0][0].endswith("Panamanian army officers")


def test_a_refusal_to_let_someone_act_is_aimed_at_them(mentions_of):
    text = "The rebel wing refused to allow United Nations planes to land and evacuate its observers."
    _, targets = roles(mentions_of, text, "refused")
    assert targets[0][0].endswith("United Nations planes")


def test_a_refusal_despite_pressure_is_aimed_at_who_presses(mentions_of):
    text = "The governor has declined to resign despite the pressure by the state assembly."
    _, targets = roles(mentions_of, text, "declined")
    assert targets[-1][0].endswith("state assembly")


def test_a_broken_commitment_is_aimed_at_whom_it_was_made_to(mentions_of):
    text = "The president has reneged on his commitment to the Zambian people."
    _, targets = roles(mentions_of, text, "reneged")
    assert "Zambian people" in [ref[0] for ref in targets]
    assert "his" not in [ref[0] for ref in targets]


def test_a_count_of_a_count_looks_through_to_whom_it_counts(mentions_of):
    text = "The rebels said they would release three of the dozens of Colombian hostages they hold."
    _, targets = roles(mentions_of, text, "release")
    assert any("Colombian hostages" in candidate for candidate in targets[0])


def test_what_a_giving_verb_gives_goes_to_its_to_object_even_inside_the_object(mentions_of):
    text = "The US government returned dozens of Mayan artifacts to the Embassy of El Salvador."
    _, targets = roles(mentions_of, text, "returned")
    assert "Embassy of El Salvador" in targets[0]


def test_what_is_given_back_goes_to_whom_it_was_taken_from(mentions_of):
    text = "The militia groups said they will return weapons they seized from the Iraqi army."
    _, targets = roles(mentions_of, text, "return")
    assert targets[0][0] == "Iraqi army"


def test_a_lifted_blockade_is_aimed_at_whom_it_blockaded(mentions_of):
    _, targets = roles(mentions_of, "France lifted its blockade of the United Kingdom.", "lifted")
    assert targets[0][0] == "United Kingdom"


def test_an_act_the_parser_hangs_on_the_verb_is_no_target(mentions_of):
    text = "The Commission suspended humanitarian aid to Kabul in protest at the harassment of aid groups."
    _, targets = roles(mentions_of, text, "suspended")
    assert not any("harassment" in candidate for ref in targets for candidate in ref)


def test_a_threat_names_whom_it_would_strike_before_whom_its_condition_binds(mentions_of):
    text = "Hezbollah threatened to shell Haifa if Israel hits Beirut."
    _, targets = roles(mentions_of, text, "threatened")
    assert targets[0][0] == "Haifa"


def test_a_threat_that_strikes_no_one_named_is_aimed_at_whom_its_condition_binds(mentions_of):
    text = "The group threatened to resume attacks unless Israel rescinded the annexation."
    _, targets = roles(mentions_of, text, "threatened")
    assert targets[0][0] == "Israel"


def test_people_used_as_human_shields_are_the_victims(mentions_of):
    text = "The militants held hundreds of families as human shields in the old city."
    sources, targets = roles(mentions_of, text, "shields")
    assert sources[0][0] == "militants"
    assert any(candidate.endswith("families") for candidate in targets[0])


def test_forces_mobilised_for_an_act_are_aimed_at_its_target(mentions_of):
    text = "The king mobilized his troops for an offensive against the rebels of the north."
    _, targets = roles(mentions_of, text, "mobilized")
    assert targets[0][0].startswith("rebels")


def test_each_condemned_act_tells_its_doer(mentions_of):
    text = "The summit condemned the blockade and the threats made by the Ruritanian government."
    _, targets = roles(mentions_of, text, "condemned")
    assert any("Ruritanian government" in ref for ref in targets)


def test_the_state_an_island_nation_of_names(mentions_of):
    text = "Indonesia has established diplomatic ties with the South Pacific island nation of Nauru."
    [mention] = [m for m in mentions_of(text) if m.trigger_text == "established"]
    assert "Nauru" in [p.text for ref in mention.further_targets for p in ref.candidates]


def test_what_is_seized_from_someone_is_taken_from_them(mentions_of):
    text = "Police in Jericho confiscated weapons and explosives from the armed groups."
    [mention] = [m for m in mentions_of(text) if m.trigger_text == "confiscated"]
    assert "armed groups" in [p.text for ref in mention.further_targets for p in ref.candidates]


def test_the_bombings_of_an_armed_body_are_its_own_but_the_bombing_of_soldiers_hits_them(mentions_of):
    text = "Civilians died in the indiscriminate bombings of the air force."
    sources, targets = roles(mentions_of, text, "bombings")
    assert ([ref[0] for ref in sources], targets) == (["air force"], [])
    sources, targets = roles(mentions_of, "The bombing of its soldiers angered the government.", "bombing")
    assert (sources, [ref[0] for ref in targets]) == ([], ["its soldiers"])


@pytest.mark.parametrize(
    ("text", "trigger", "doer", "hit"),
    [
        ("Four guards were killed by a roadside bomb planted by the rebels.", "killed", "rebels", "guards"),
        ("A mine laid by the militia killed two herders near the river.", "killed", "militia", "herders"),
        # Who set the weapon off is hit by it: the one who left it there did it.
        ("Two boys set off an explosive device abandoned by the militia.", "set", "militia", "boys"),
    ],
)
def test_who_left_a_weapon_where_it_went_off_did_what_it_did(mentions_of, text, trigger, doer, hit):
    sources, targets = roles(mentions_of, text, trigger)
    assert doer in [ref[0] for ref in sources]
    assert hit in [ref[0] for ref in targets]


def test_whom_a_passive_participle_describes_undergoes_it(mentions_of):
    _, targets = roles(mentions_of, "The envoy murdered in Lisbon was buried on Monday.", "murdered")
    assert [ref[0] for ref in targets] == ["envoy"]
    sources, targets = roles(mentions_of, "Guards freed the two hostages kidnapped last week.", "kidnapped")
    assert (sources, [ref[0] for ref in targets]) == ([], ["hostages"])


def test_a_verb_joined_to_others_shares_the_subject_of_the_nearest_one_that_has_one(mentions_of):
    text = (
        "the raiders came in a grey truck, hurled a grenade at the mosque gate and opened fire from rifles, "
        "but police guards posted there killed one of them on the spot while the remaining two slipped "
        "inside, a local official said."
    )
    sources, _ = roles(mentions_of, text, "killed")
    assert [ref[0] for ref in sources] == ["police guards"]
    sources, _ = roles(mentions_of, text, "hurled")
    assert [ref[0] for ref in sources] == ["raiders"]


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        # a verb the parser hangs on a noun inside the sentence's only noun phrase
        ("Engineers from two Dutch charities donated and installed 40 water pumps in the camp.", "donated",
         "Engineers"),
        # the appositive noun of a closing report
        ("Moldovan officials are failing to protect the land rights of Roma families, a civil rights group"
         " protested here Tuesday.", "protested", "civil rights group"),
    ],
)  # fmt: skip
def test_a_participle_misparsed_as_describing_a_noun_is_its_subjects_act(mentions_of, text, trigger, doer):
    sources, targets = roles(mentions_of, text, trigger)
    assert sources[0][0] == doer and targets == []


def test_a_second_object_set_off_by_a_comma_restates_whom_the_verb_names(mentions_of):
    text = (
        "Togo opened its border today to most traders expelled from Ghana, but was still refusing admittance"
        " to Nigerians, by far the biggest group involved, Togolese police said."
    )
    _, targets = roles(mentions_of, text, "refusing")
    assert all("group" not in ref[0] for ref in targets)
    assert "Nigerians" in further_targets(mentions_of, text, "refusing")


def test_whoever_dies_as_a_result_of_an_act_underwent_it(mentions_of):
    text = "A Kurdish detainee died as a result of torture while in Turkish police custody."
    sources, targets = roles(mentions_of, text, "torture")
    assert sources == [] and targets[0][0] == "Kurdish detainee"


def test_verbs_joined_before_one_object_share_whom_it_goes_to(mentions_of):
    text = "Volunteers from a Dutch charity donated and personally delivered blankets to a Kabul orphanage."
    assert further_targets(mentions_of, text, "donated") == ["Kabul orphanage"]


def test_a_noun_the_parser_made_a_second_subject_of_a_closing_report_does_its_own_verbs_acts(mentions_of):
    text = (
        "Kurdish students resorted to burning tyres during protests against the closure of their"
        " university, witnesses said on Friday."
    )
    sources, _ = roles(mentions_of, text, "protests")
    assert sources[0][0] == "Kurdish students"


def test_a_day_the_parser_gives_as_what_a_participle_names_makes_it_active(mentions_of):
    sources, _ = roles(
        mentions_of, "A Kenyan newspaper called Sunday on voters to reject the new tax.", "called"
    )
    assert sources[0][0] == "Kenyan newspaper"


def test_whom_an_act_halted_goes_among_is_its_target(mentions_of):
    text = "The African Union may suspend its mediation efforts among Somalia's rival clans."
    assert further_targets(mentions_of, text, "suspend") == ["Somalia's rival clans"]


def test_whom_a_permitted_act_is_done_by_is_the_target_of_the_permission(mentions_of):
    text = "Syria said it would permit the return of UN chemical inspectors without conditions."
    _, targets = roles(mentions_of, text, "permit")
    assert any("inspectors" in candidate for ref in targets for candidate in ref)


def test_whom_the_independence_a_protest_demands_is_from_is_its_target(mentions_of):
    text = "Students marched in Aceh on Friday demanding a referendum on independence from Indonesia."
    assert further_targets(mentions_of, text, "marched") == ["Indonesia"]


def test_whom_an_attacked_place_is_for_are_its_targets(mentions_of):
    text = "A shelter for Sudanese refugees was attacked by gunmen near the border."
    assert "Sudanese refugees" in further_targets(mentions_of, text, "attacked")


def test_an_agreement_for_a_peace_mission_is_aimed_at_the_state_it_serves(mentions_of):
    text = "The council agreed to a one-year extension of the mandate for the peacekeeping force in Cyprus."
    _, targets = roles(mentions_of, text, "agreed")
    assert targets[0][0] == "Cyprus"
