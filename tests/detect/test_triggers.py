from __future__ import annotations

import pytest


def types_and_triggers(mentions):
    return [(m.type, m.trigger_text) for m in mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants attacked a police station in the north.", ("ASSAULT", "attacked")),
        ("The ministry condemned the shelling of the market.", ("ACCUSE", "condemned")),
        ("Hundreds of farmers protested outside parliament.", ("PROTEST", "protested")),
        ("The minister met her Turkish counterpart in Ankara.", ("CONSULT", "met")),
        ("The rebels threatened the capital's water supply.", ("THREATEN", "threatened")),
        ("The council rejected the proposal on Tuesday.", ("REJECT", "rejected")),
        ("The union called for a general strike.", ("REQUEST", "called")),
        ("Both parties agreed on a truce in Nairobi.", ("AGREE", "agreed")),
        ("Both parties signed an agreement in Nairobi.", ("SUPPORT", "signed")),
        ("The army withdrew from the town overnight.", ("RETREAT", "withdrew")),
        ("Washington imposed sanctions on three banks.", ("SANCTION", "sanctions")),
        ("The island state severed diplomatic ties with its neighbour.", ("SANCTION", "severed")),
        ("The donors sent humanitarian aid to the camps.", ("AID", "sent")),
        ("Police arrested the opposition leader.", ("COERCE", "arrested")),
        ("The senator praised the mediators.", ("SUPPORT", "praised")),
        ("The regional bloc began a mediation between the two governments.", ("CONSULT", "mediation")),
        ("The delegations reached a consensus on water sharing.", ("AGREE", "consensus")),
        ("Three detainees died after weeks of torture in a police cell.", ("ASSAULT", "torture")),
        ("A grand jury indicted the former governor on Friday.", ("ACCUSE", "indicted")),
    ],
)
def test_each_core_type_has_triggers(mentions_of, text, expected):
    assert expected in types_and_triggers(mentions_of(text))


def test_a_weak_noun_needs_a_martial_or_aimed_context(mentions_of):
    assert types_and_triggers(mentions_of("The club celebrated a lucky strike in the final.")) == []
    assert ("ASSAULT", "strike") in types_and_triggers(mentions_of("A missile strike hit the depot."))
    assert ("ASSAULT", "operations") in types_and_triggers(
        mentions_of("The group claimed 40 operations against army outposts.")
    )


def test_an_intransitive_trigger_with_an_object_is_not_an_event(mentions_of):
    assert types_and_triggers(mentions_of("The team demonstrated its skill.")) == []
    assert ("PROTEST", "demonstrated") in types_and_triggers(
        mentions_of("Students demonstrated in the square.")
    )


def test_a_stopped_activity_is_not_an_event_of_its_own(mentions_of):
    found = types_and_triggers(mentions_of("The militia announced a suspension of attacks on the airport."))
    assert ("RETREAT", "suspension") in found
    assert ("ASSAULT", "attacks") not in found


def test_a_phrasal_trigger_needs_its_particle(mentions_of):
    assert ("REQUEST", "called") not in types_and_triggers(mentions_of("The mayor called the governor."))


def test_a_gerund_the_parser_calls_a_verb_is_read_as_the_event_noun(mentions_of):
    mentions = mentions_of("official figures say that 99 persons have been killed in police firing.")
    firing = next(m for m in mentions if m.trigger_text == "firing")
    assert [[p.text for p in ref.candidates] for ref in firing.sources] == [["police"]]


def test_shot_dead_is_a_killing(mentions_of):
    [mention] = mentions_of("Soldiers shot dead three smugglers at the border.")
    assert mention.fatalities is not None and mention.fatalities.value == 3


def test_a_disaster_that_kills_is_no_trigger(mentions_of):
    assert mentions_of("Floods killed twelve people in the delta.") == []
    assert mentions_of("Twelve people were killed by the landslide.") == []


def test_an_object_decides_the_sense(mentions_of):
    assert types_and_triggers(mentions_of("Tokyo suspended economic aid to the junta.")) == [
        ("SANCTION", "suspended")
    ]
    assert types_and_triggers(mentions_of("The spokesman declined to comment on the raid.")) == [
        ("ASSAULT", "raid")
    ]
    assert ("COERCE", "took") in types_and_triggers(mentions_of("Rebels took the town of Arlen on Friday."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway gave 20 million euros to the flooded provinces.", ("AID", "gave")),
        ("The two navies began joint exercises off the coast.", ("COOPERATE", "exercises")),
        ("The council withdrew its peacekeepers from the border zone.", ("SANCTION", "withdrew")),
        ("Prosecutors opened an investigation into the contracts.", ("ACCUSE", "investigation")),
        ("A court found the former minister guilty of fraud.", ("SANCTION", "found")),
        ("The governor denied permission for the rally.", ("REJECT", "denied")),
        ("The army announced a cease-fire with the rebels.", ("RETREAT", "cease-fire")),
        ("Two hundred prisoners began a hunger strike on Monday.", ("PROTEST", "strike")),
        ("The governor lifted the curfew in the old city.", ("CONCEDE", "lifted")),
        ("The appeals court revoked the ban on the weekly paper.", ("CONCEDE", "revoked")),
        # Letting people, aid or observers in (CAMEO 086); an envoy received is hosted (043).
        ("Lunaria opened its northern border to the families fleeing the fighting.", ("RETREAT", "opened")),
        ("The minister received election observers from the regional bloc.", ("RETREAT", "received")),
        ("The president received the Norwegian ambassador on Tuesday.", ("CONSULT", "received")),
        # Aid forbidden is aid stopped (CAMEO 162), not an administrative ban.
        ("Ostland will prohibit all aid to the northern rebels.", ("SANCTION", "prohibit")),
    ],
)
def test_senses_that_the_object_or_modifier_makes(mentions_of, text, expected):
    assert expected in types_and_triggers(mentions_of(text))


def test_accidents_are_no_attacks(mentions_of):
    assert mentions_of("A dozen people were killed in a plane crash near the airport.") == []
    assert mentions_of("Powerful earthquakes struck the island on Sunday, killing at least two people.") == []


def test_saying_what_another_must_do_is_a_demand(mentions_of):
    [demand] = [
        m
        for m in mentions_of("Officials said the army should withdraw from the town.")
        if m.type == "REQUEST"
    ]
    assert demand.trigger_text == "said"
    assert [ref.candidates[0].text for ref in demand.targets] == ["army"]
    assert [m.type for m in mentions_of("The minister said he must resign.")] == ["RETREAT"]


def test_a_claim_of_responsibility_is_a_statement_and_its_act_is_the_claimants(pipeline):
    events = pipeline.extract(
        "The Taliban claimed responsibility for the attack on the police station in Kabul."
    )
    claim = next(event for event in events if event.evidence.trigger_text == "claimed")
    attack = next(event for event in events if event.type == "ASSAULT")
    assert (claim.type, claim.cameo) == ("AGREE", "015")
    assert [actor.text for actor in attack.source] == ["Taliban"]


def test_what_a_measure_is_of_decides_the_sense(mentions_of):
    [mention] = mentions_of("The Red Cross handed over 900 kg of medicine to the hospital.")
    assert (mention.type, mention.cameo) == ("AID", "073")


def test_refuge_sought_is_a_request_and_inspectors_sent_an_investigation(mentions_of):
    [refuge] = mentions_of("Thousands of Kurds sought refuge in Turkey last month.")
    assert (refuge.type, refuge.cameo) == ("REQUEST", "0233")
    [inspection] = mentions_of("The IAEA dispatched inspectors to the plant on Monday.")
    assert (inspection.type, inspection.cameo) == ("ACCUSE", "090")


def test_a_named_victim_in_the_passive_is_evidence_for_a_weak_trigger(mentions_of):
    assert [m.trigger_text for m in mentions_of("David Hicks was captured in Afghanistan.")] == ["captured"]


def test_whom_a_weak_verb_lets_act_is_evidence_for_it(mentions_of):
    text = "The court decided to allow candidate Odo Varga to stand in the election."
    assert "allow" in [m.trigger_text for m in mentions_of(text)]
    assert "allow" not in [m.trigger_text for m in mentions_of("The weather may allow the harvest to begin.")]


def test_an_event_that_another_act_is_about_stands_below_it(mentions_of):
    # What was agreed to, condemned or protested is one clause down, as "agreed to mediate" would be:
    # the act about it is what the sentence reports.
    depth = {m.type: m.clause_depth for m in mentions_of("The prime minister agreed to Norwegian mediation.")}
    assert depth == {"AGREE": 0, "CONSULT": 1}
    depth = {
        m.type: m.clause_depth for m in mentions_of("Students protested against the killing of a teacher.")
    }
    assert depth == {"PROTEST": 0, "ASSAULT": 1}
    # Inside an act of its own type that another act is about, as deep as that act.
    text = "Israel is opposed to French mediation in the peace negotiations with Syria."
    depth = {m.type: m.clause_depth for m in mentions_of(text)}
    assert depth["REJECT"] < depth["CONSULT"]
    # Beside each other, neither is about the other.
    depth = {
        m.type: m.clause_depth for m in mentions_of("Rebels attacked the town and police arrested two men.")
    }
    assert depth == {"ASSAULT": 0, "COERCE": 0}


def test_an_act_that_is_the_object_of_an_act_of_its_type_stands_below_the_verb(mentions_of):
    # "host a meeting": the meeting is the hosting, told with who does it
    text = "The emir said he would host talks between the Sudanese army and the RSF."
    depth = {m.trigger_text: m.clause_depth for m in mentions_of(text)}
    assert depth["host"] < depth["talks"]
    # a light verb ("provide aid") tells its noun's act as one, at the noun's depth
    depth = {m.trigger_text: m.clause_depth for m in mentions_of("Qatar provided aid to Gaza.")}
    assert depth.get("aid") == 0


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Thousands of nurses took to the streets of Accra on Monday.", "took"),
        ("Students poured into the streets after the ruling.", "poured"),
        ("Hundreds of demonstrators gathered outside the electoral commission.", "gathered"),
    ],
)
def test_a_crowd_out_in_protest_is_a_protest(mentions_of, text, trigger):
    assert ("PROTEST", trigger) in types_and_triggers(mentions_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "The courier took the street behind the market.",  # one street, no crowd: a way, not a protest
        "The ministers gathered in Vienna for the budget summit.",  # gathering, but no protesters
        "Journalists took photographs of the streets.",
    ],
)
def test_going_or_gathering_alone_is_no_protest(mentions_of, text):
    assert "PROTEST" not in [m.type for m in mentions_of(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dock workers went on strike for better pay.", ("PROTEST", "strike")),
        ("The union staged a strike at the port on Monday.", ("PROTEST", "strike")),
        ("The air force carried out a strike on the depot.", ("ASSAULT", "strike")),
    ],
)
def test_who_strikes_decides_whether_a_strike_is_a_protest_or_an_attack(mentions_of, text, expected):
    assert expected in types_and_triggers(mentions_of(text))


def test_an_aimed_argument_of_the_light_verb_makes_a_weak_noun_an_event(mentions_of):
    text = "The navy carried out strikes on Friday evening against rebel positions."
    assert ("ASSAULT", "strikes") in types_and_triggers(mentions_of(text))
    # "on" and "at" are when and where for a light verb: no evidence of an attack.
    assert types_and_triggers(mentions_of("The firm carried out an operation on Friday at the plant.")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Government troops violated the ceasefire near the border.", ("ASSAULT", "violated")),
        ("The alliance strengthened its forces in the east.", ("MOBILIZE", "strengthened")),
        ("Moscow offered to bolster Iraqi forces.", ("SUPPORT", "bolster")),
        ("Hackers launched cyber warfare against the ministry.", ("COERCE", "warfare")),
    ],
)
def test_what_is_broken_built_up_or_waged_decides_the_sense(mentions_of, text, expected):
    assert expected in types_and_triggers(mentions_of(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Italy returned two stolen statues to the government of Greece.", [("RETREAT", "returned")]),
        ("The governor returned to the capital on Monday.", []),  # only what is handed back
        ("The villagers returned home after the floods.", []),
        ("The soldiers returned fire at the gunmen.", [("ASSAULT", "returned")]),
    ],
)
def test_property_handed_back_is_returned_and_a_journey_home_is_not(mentions_of, text, expected):
    assert types_and_triggers(mentions_of(text)) == expected


def test_calling_on_someone_is_a_request(mentions_of):
    text = "The labour federation called on the government to raise wages."
    assert ("REQUEST", "called") in types_and_triggers(mentions_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "The union called for the ministry to raise wages.",
        "The union is pushing hard for the ministry to raise wages.",
        # the "to" dropped, as hurried copy drops it
        "The union is pushing for the ministry raise wages.",
    ],
)
def test_calling_for_someone_to_act_is_a_request(mentions_of, text):
    """The "for" of "called for X to act" opens the clause, which the parser makes its mark."""
    assert "REQUEST" in [m.type for m in mentions_of(text) if m.trigger_text in {"called", "pushing"}]


def test_a_particle_yaml_reads_as_a_boolean_is_refused(tmp_path):
    from whodid.data_files import package_data_path
    from whodid.detect.lexicon import load_lexicon
    from whodid.errors import DataFileError

    text = package_data_path("lexicon/triggers.yaml").read_text(encoding="utf-8")
    assert 'with: [for, "on"]' in text
    broken = tmp_path / "triggers.yaml"
    broken.write_text(text.replace('with: [for, "on"]', "with: [for, on]"), encoding="utf-8")
    with pytest.raises(DataFileError, match="quoted"):
        load_lexicon.__wrapped__(broken)


def test_a_word_list_yaml_reads_as_booleans_is_refused(tmp_path):
    from whodid.data_files import package_data_path
    from whodid.detect.lexicon import load_lexicon
    from whodid.errors import DataFileError

    text = package_data_path("lexicon/factuality.yaml").read_text(encoding="utf-8")
    assert '"no"]' in text
    broken = tmp_path / "factuality.yaml"
    broken.write_text(text.replace('"no"]', "no]", 1), encoding="utf-8")
    with pytest.raises(DataFileError, match="quote"):
        load_lexicon.__wrapped__(factuality_path=broken)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rebels released two aid workers on Sunday.", [("RETREAT", "released")]),
        ("Hundreds of prisoners were released from the central jail on Friday.", [("RETREAT", "released")]),
        ("The kidnappers released Maria Gonzalez after a week.", [("RETREAT", "released")]),
        ("The kidnappers freed two engineers after a week.", [("RETREAT", "freed")]),
        ("The army released a report on the clashes.", []),  # published, not let go
        ("The ministry released a video of the ceremony.", []),
        ("The donors released funds for the flood victims.", [("AID", "released")]),
    ],
)
def test_who_or_what_is_released_decides_whether_anyone_was_let_go(mentions_of, text, expected):
    assert [pair for pair in types_and_triggers(mentions_of(text)) if pair[1] != "clashes"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Washington cut tariffs on Mexican steel.", ("RETREAT", "cut")),
        ("The parliament repealed the emergency law on Tuesday.", ("CONCEDE", "repealed")),
        ("The government removed restrictions on travel to the islands.", ("CONCEDE", "removed")),
        ("The president declared a cessation of hostilities in the east.", ("RETREAT", "cessation")),
        ("The agency handed over $2 million worth of medicine to the clinic.", ("AID", "handed")),
    ],
)
def test_restrictions_eased_fighting_ceased_and_goods_handed_over(mentions_of, text, expected):
    assert expected in types_and_triggers(mentions_of(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana is sending 400 troops to the UN peacekeeping mission in Mali.", [("AID", "sending")]),
        ("The first peacekeepers arrived in the capital on Friday.", [("AID", "arrived")]),
        ("Russia deployed troops to the border with Ukraine.", [("MOBILIZE", "deployed")]),
        # The clause says why they were sent, and peacekeeping is only what they study.
        ("The UN sent experts to study the cost of a peacekeeping force.", []),
    ],
)
def test_troops_sent_on_a_peace_mission_provide_peacekeeping(mentions_of, text, expected):
    assert [pair for pair in types_and_triggers(mentions_of(text)) if pair[0] != "ACCUSE"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peru extradited the banker to Spain on Friday.", ("COOPERATE", "extradited")),
        ("The two states established diplomatic ties in March.", ("SUPPORT", "established")),
        ("Ankara and Cairo upgraded their diplomatic relations.", ("SUPPORT", "upgraded")),
        ("The donor suspended part of its military aid to the army.", ("SANCTION", "suspended")),
        ("The city council cancelled the restrictions on street trading.", ("CONCEDE", "cancelled")),
        ("The governor lifted the state of emergency in the north.", ("CONCEDE", "lifted")),
        ("The mayor has reneged on his promise to the strikers.", ("REJECT", "reneged")),
        ("Hackers launched cyber attacks on the central bank.", ("COERCE", "attacks")),
    ],
)
def test_what_cooperation_concession_or_coercion_a_phrase_names(mentions_of, text, expected):
    assert expected in types_and_triggers(mentions_of(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The police used water cannons against the marchers.", [("ASSAULT", "used")]),
        (
            "Soldiers suppressed the demonstration in the main square.",
            [("ASSAULT", "suppressed"), ("PROTEST", "demonstration")],  # which took place too
        ),
        ("The crowd dispersed peacefully after the speeches.", []),  # nobody dispersed it
        ("The agency used new software for the census.", []),
    ],
)
def test_a_crowd_dispersed_or_put_down_is_violent_repression(mentions_of, text, expected):
    assert types_and_triggers(mentions_of(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Government forces captured the village and marched into the city.", ("MOBILIZE", "marched")),
        ("Thousands of teachers marched through the capital on Friday.", ("PROTEST", "marched")),
    ],
)
def test_who_marches_decides_whether_a_march_is_a_protest(mentions_of, text, expected):
    assert expected in types_and_triggers(mentions_of(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hundreds of nurses staged a sit-in outside the ministry.", ("PROTEST", "sit-in")),
        ("Militants set off a roadside device near the convoy.", ("ASSAULT", "set")),
        (
            "Soldiers discovered a large amount of ammunition thought to belong to the rebels.",
            ("COERCE", "discovered"),
        ),
    ],
)
def test_words_the_tokenizer_or_the_parser_splits_still_make_their_event(mentions_of, text, expected):
    assert expected in types_and_triggers(mentions_of(text))


def test_a_hyphenated_trigger_is_told_whole(mentions_of):
    [mention] = mentions_of("Hundreds of nurses staged a sit-in outside the ministry.")
    text = "Hundreds of nurses staged a sit-in outside the ministry."
    assert text[slice(*mention.trigger_span)] == mention.trigger_text == "sit-in"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The junta allowed foreign journalists into the northern region.", [("CONCEDE", "allowed")]),
        # Aid let in is the more specific concession of CAMEO 0863.
        ("The junta allowed aid convoys into the northern region.", [("RETREAT", "allowed")]),
        ("The new rules allow companies to hire more staff.", []),  # no actor lets anyone do anything
    ],
)
def test_an_actor_letting_others_act_concedes(mentions_of, text, expected):
    assert types_and_triggers(mentions_of(text)) == expected


def test_a_protest_called_off_eases_dissent_and_did_not_happen(mentions_of):
    text = "The teachers' union called off its strike after talks with the ministry."
    pairs = types_and_triggers(mentions_of(text))
    assert ("CONCEDE", "called") in pairs and not any(kind == "PROTEST" for kind, _ in pairs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hackers broke into the ministry's servers and defaced its website.", ("COERCE", "defaced")),
        ("State hackers tried to hack into the election commission's computers.", ("COERCE", "hack")),
        ("Police prevented the demonstration outside the embassy.", ("COERCE", "prevented")),
    ],
)
def test_computers_broken_into_and_protests_prevented_are_coercion(mentions_of, text, expected):
    assert expected in types_and_triggers(mentions_of(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The governors said they agree with the minister that schools should reopen.", []),
        ("Israel agreed with the militants on a truce.", [("AGREE", "agreed"), ("RETREAT", "truce")]),
    ],
)
def test_agreeing_with_someone_on_nothing_is_an_opinion(mentions_of, text, expected):
    assert types_and_triggers(mentions_of(text)) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The ministry rejected accusations of torture in the camps.", "016"),  # a charge denied
        ("The council rejected the peace proposal on Tuesday.", "120"),
    ],
)
def test_a_charge_rejected_is_a_denial_of_responsibility(mentions_of, text, code):
    assert [m.cameo for m in mentions_of(text) if m.type == "REJECT"] == [code]


def test_possibilities_explored_are_no_event(mentions_of):
    assert types_and_triggers(mentions_of("The ministry is exploring the possibility of new roads.")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dock workers ended their strike on Monday.", ("CONCEDE", "ended")),
        ("Pyongyang has violated a ban on missile tests.", ("REJECT", "violated")),
        ("The rebels laid down their weapons on Friday.", ("RETREAT", "laid")),
    ],
)
def test_protests_ended_bans_defied_and_arms_laid_down(mentions_of, text, expected):
    assert expected in types_and_triggers(mentions_of(text))


def test_an_event_kicked_off_was_started_not_kicked(mentions_of):
    assert types_and_triggers(mentions_of("Thousands of dockers kicked off the protests in the port.")) == [
        ("PROTEST", "protests")
    ]
    kicked = types_and_triggers(mentions_of("Police kicked the protester in the head."))
    assert ("ASSAULT", "kicked") in kicked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "bases" was lemmatised "basis"
        ("Turkish forces set up two bases near the border town.", ("MOBILIZE", "150")),
        ("The rebels formed a new brigade in the north.", ("MOBILIZE", "150")),
        ("Soldiers discovered 100 kg of explosives in a well near the farm.", ("COERCE", "171")),
        ("More than 50 kg of explosives were discovered in a well near the farm.", ("COERCE", "171")),
        ("Police fired tear gas and pepper spray at the shoppers.", ("ASSAULT", "175")),
        ("Police pushed back the protesters with batons.", ("ASSAULT", "175")),
        ("The army drove back the militants from the village.", ("COERCE", "192")),
        ("Rioters set fire to a police station.", ("ASSAULT", "180")),
        ("Dozens of shops have been burned in the old town.", ("ASSAULT", "180")),
        ("Angry residents went on a looting spree in the market.", ("ASSAULT", "180")),
    ],
)
def test_objects_particles_and_nouns_of_material_acts(mentions_of, text, expected):
    assert expected in [(m.type, m.cameo) for m in mentions_of(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The ministry pushed back the deadline for tax returns to May.",
        "The parties formed a coalition government after the vote.",
        "The company set up two new offices in the city.",
    ],
)
def test_the_same_words_with_other_objects_are_no_event(mentions_of, text):
    assert mentions_of(text) == []


def test_a_march_in_a_protest_over_a_shooting_is_the_protest(mentions_of):
    text = "Hundreds of students marched in a peaceful protest over the shooting of a teenager."
    depths = {m.trigger_text: m.clause_depth for m in mentions_of(text)}
    assert depths["protest"] == 0 and depths["shooting"] == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two sides agreed to allow humanitarian access to all areas.", ("RETREAT", "0863")),
        ("The prime minister received a mission of observers from the OSCE.", ("RETREAT", "0862")),
        ("The rebels said they will return the weapons seized from the peacekeepers.", ("RETREAT", "0842")),
        ("The government accepted demands from the rebels for political reforms.", ("CONCEDE", "080")),
        ("Serbia lodged an official protest with Albania on Tuesday.", ("ACCUSE", "114")),
        ("The rebels handed over the hostages to the Red Cross.", ("RETREAT", "0841")),
        ("The provincial government ordered patrols by police and soldiers.", ("MOBILIZE", "150")),
        ("Police stepped up patrols in the old city.", ("MOBILIZE", "150")),
        ("The president gave a warm welcome on Thursday to the visiting leader.", ("CONSULT", "043")),
        ("The army sent troops and reinforcements to the border town.", ("MOBILIZE", "150")),
        ("Turkish forces are redeploying at the observation points.", ("MOBILIZE", "150")),
        ("The factions continue to fortify their positions near the front.", ("MOBILIZE", "150")),
    ],
)
def test_things_let_in_given_back_or_yielded_to_and_complaints(mentions_of, text, expected):
    assert expected in [(m.type, m.cameo) for m in mentions_of(text)]


def test_a_protest_lodged_is_no_street_protest_and_a_protest_prevented_is_no_protest(mentions_of):
    assert "PROTEST" not in {m.type for m in mentions_of("Serbia lodged an official protest with Albania.")}
    prevented = mentions_of("Police prevented the demonstration outside the university on Monday.")
    assert [(m.type, m.cameo) for m in prevented] == [("COERCE", "172")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police imposed a curfew in the old city on Monday.", ("COERCE", "1723", "curfew")),
        (
            "The interim government said it will impose martial law in the capital.",
            ("COERCE", "1724", "martial-law"),
        ),
        ("The high court opened a hearing into the interrogation methods.", ("ACCUSE", "090", "investigate")),
    ],
)
def test_a_sense_chosen_by_the_object_takes_its_codes_mode(mentions_of, text, expected):
    assert expected in [(m.type, m.cameo, m.mode) for m in mentions_of(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The government met the strikers' demands on Friday.", ("CONCEDE", "080", "met")),
        ("The rebels dismissed an appeal from the president to disarm.", ("REJECT", "120", "dismissed")),
        ("The minister dismissed the allegations as lies.", ("REJECT", "016", "dismissed")),
        ("A local businessman is suing the ministry for damages.", ("ACCUSE", "115", "suing")),
        ("The opposition protested that the vote had been rigged.", ("ACCUSE", "114", "protested")),
        ("Thousands of students protested outside parliament.", ("PROTEST", "140", "protested")),
    ],
)
def test_demands_met_calls_dismissed_lawsuits_and_protests_in_words(mentions_of, text, expected):
    assert expected in [(m.type, m.cameo, m.trigger_text) for m in mentions_of(text)]


def test_blowing_a_whistle_is_no_attack_but_blowing_up_a_bridge_is(mentions_of):
    assert all(m.type != "ASSAULT" for m in mentions_of("The demonstrators blew whistles and jeered."))
    assert ("ASSAULT", "blew") in types_and_triggers(mentions_of("Rebels blew up the bridge on Monday."))


@pytest.mark.parametrize(
    "text",
    [
        "A suspected thief was set ablaze by an angry mob on Wednesday.",
        "A man died after his hands were chopped off by an angry mob.",
    ],
)
def test_people_set_ablaze_or_maimed_are_attacked(mentions_of, text):
    assert "ASSAULT" in [m.type for m in mentions_of(text)]


@pytest.mark.parametrize("noun", ["gunbattle", "firefight", "skirmish", "shoot-out"])
def test_a_fight_between_armed_parties_is_an_armed_clash(mentions_of, noun):
    [mention] = mentions_of(f"Two policemen and a bandit died in a {noun} near Kaduna.")
    assert (mention.type, mention.trigger_text) == ("ASSAULT", noun)
    assert (mention.acled_event_type, mention.acled_sub_event_type) == ("Battles", "Armed clash")


def test_a_battle_in_court_is_no_clash(mentions_of):
    assert mentions_of("The farmers lost a legal battle against the ministry.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Some 4,000 villagers fled the hills around the district last week.",
        "Thousands of residents are fleeing the port town, an aid agency said.",
        "Around 900 Eritreans fled across the border overnight.",
        "Dozens of families were forced to flee their homes when the camp was shelled.",
    ],
)
def test_people_who_flee_are_displaced(mentions_of, text):
    flights = [m for m in mentions_of(text) if m.trigger_text.startswith("fle")]
    assert [(m.type, m.mode, m.acled_sub_event_type) for m in flights] == [("SANCTION", "expel", "Other")]


def test_armed_men_who_flee_are_not_displaced(mentions_of):
    assert mentions_of("The militants fled the town as the army advanced.") == []


def test_an_act_told_as_the_cause_of_another_stands_below_it(mentions_of):
    # "because of", "in the wake of", "after": what led to the act the sentence reports.
    text = "About 2,000 farmers fled the valley because of repeated militia attacks."
    assert {m.type: m.clause_depth for m in mentions_of(text)} == {"SANCTION": 0, "ASSAULT": 1}
    text = "Police arrested four men in the wake of the bombing of the market."
    assert {m.type: m.clause_depth for m in mentions_of(text)} == {"COERCE": 0, "ASSAULT": 1}
    # below what the word it hangs from sets out to do, too
    text = "The premier offered to negotiate with the head of Armenia following the invasions of Dagestan."
    depth = {m.type: m.clause_depth for m in mentions_of(text)}
    assert depth["ASSAULT"] > depth["CONSULT"]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Two kamikazes went off at the gate of the camp, killing a guard.", "suicide-attack"),
        ("A fisherman was killed in a limpet blast in the harbour.", "explosives"),
        ("The rebels lost dozens of fighters in raids by army choppers.", "aerial"),
        ("Government artillery pounded rebel positions near the dam.", "heavy-weapons"),
    ],
)
def test_weapons_named_by_their_own_words_decide_the_mode(mentions_of, text, mode):
    assert mode in [m.mode for m in mentions_of(text) if m.type == "ASSAULT"]


def test_a_thing_that_goes_off_is_no_attack_without_a_weapon(pipeline):
    assert pipeline.extract("The fire alarm went off in the school on Monday.") == []
    events = pipeline.extract("A bomb went off in the market on Monday, killing three traders.")
    assert "Explosions/Remote violence" in [e.acled_event_type for e in events]


def test_the_noun_a_participle_describes_is_what_it_acts_on(mentions_of):
    # "the mortar shells found near the school": what was found decides the sense, as an object would.
    text = "Villagers reported the mortar shells found near the school on Monday."
    found = [(m.type, m.acled_sub_event_type) for m in mentions_of(text)]
    assert ("COERCE", "Disrupted weapons use") in found


def test_a_participle_that_tells_who_holds_ground_is_no_taking_of_it(mentions_of):
    text = "Government troops attacked rebel fighters occupying the hill town overnight."
    assert "COERCE" not in [m.type for m in mentions_of(text)]
    assert "COERCE" in [m.type for m in mentions_of("Rebel fighters occupied the hill town overnight.")]


def test_what_exploded_named_by_of_makes_an_explosion_an_event(mentions_of):
    found = mentions_of("Two farmers were hurt by the explosion of a landmine near the field.")
    assert ("ASSAULT", "explosion") in types_and_triggers(found)
    assert mentions_of("The explosion of interest surprised the traders.") == []


def test_forces_on_alert_are_readied(mentions_of):
    [mention] = mentions_of("Ruritanian troops remained on alert along the border.")
    assert (mention.type, mention.cameo, mention.trigger_text) == ("MOBILIZE", "152", "alert")
    assert mentions_of("The weather office issued a flood alert for the valley.") == []


def test_a_participle_clause_shares_its_verbs_subject_as_the_doer(mentions_of):
    # "staging a strike": the employees strike, so it is a labour strike, not a military one.
    text = "Three thousand employees stopped work on Monday, staging a sit-in strike."
    assert [(m.type, m.trigger_text) for m in mentions_of(text)] == [("PROTEST", "strike")]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Ruritania has offered to the alliance an armoured regiment and fighter jets.", "0332"),
        ("Ruritania offered ten million dollars in aid to the islands.", "0331"),
    ],
)
def test_what_is_offered_decides_the_intent(mentions_of, text, cameo):
    [offer] = [m for m in mentions_of(text) if m.trigger_text == "offered"]
    assert (offer.type, offer.cameo) == ("AGREE", cameo)


def test_some_of_a_thing_given_is_the_thing(mentions_of):
    text = "Ruritania gave to Borduvia some of the military equipment."
    [gift] = [m for m in mentions_of(text) if m.trigger_text == "gave"]
    assert gift.type == "AID"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana closed its borders with Togo on Friday.", ("SANCTION", "160")),
        ("The government shut its embassy in the capital.", ("SANCTION", "161")),
        ("The army closed the country's airspace to civilian flights.", ("COERCE", "172")),
        ("The two leaders held bilateral discussions with each other in Addis Ababa.", ("CONSULT", "040")),
        ("The prime minister will seek support from the opposition leader.", ("REQUEST", "020")),
        ("The Commission launched legal action against the government.", ("ACCUSE", "115")),
        ("The army gave 600 new firearms to the marines.", ("AID", "072")),
        ("The council is considering giving money to local communities.", ("AID", "071")),
        ("The militants used villagers as human shields.", ("ASSAULT", "184")),
    ],
)
def test_senses_read_off_the_object_or_modifier(mentions_of, text, expected):
    assert expected in [(m.type, m.cameo) for m in mentions_of(text)]


def test_a_closed_shop_or_a_closed_meeting_is_no_event(mentions_of):
    assert mentions_of("The owner closed the shop early.") == []
    assert [m.type for m in mentions_of("Take a human approach and shield the poor.")] == []


def test_a_weak_giving_verb_counts_with_an_actor_to_give_to(mentions_of):
    text = "Germany is willing to provide support to Palestinian refugees."
    assert ("AID", "provide") in types_and_triggers(mentions_of(text))
    assert types_and_triggers(mentions_of("The plan would provide support over time.")) == []


def test_a_phrasal_sense_of_our_own_comes_before_the_bare_verbs_other_type(mentions_of):
    pressed = mentions_of("The administration pushed the Congress for new sanctions.")
    assert ("REQUEST", "100") in [(m.type, m.cameo) for m in pressed]
    driven = mentions_of("The army pushed the militants out of the district.")
    assert ("COERCE", "192") in [(m.type, m.cameo) for m in driven]
    assert mentions_of("The company pushed the launch.") == []


def test_people_let_free_are_released(mentions_of):
    mentions = mentions_of("The junta let free activists after the talks.")
    [release] = [m for m in mentions if m.type == "RETREAT"]
    assert release.cameo == "0841"
    assert any("activists" in p.text for ref in release.targets for p in ref.candidates)


def test_a_giving_verb_needs_a_giver_too_when_weak(mentions_of):
    text = "The market was one of the few places still supplying grain to the city's residents."
    assert ("AID", "supplying") not in types_and_triggers(mentions_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "Officers in riot gear stood by the gate.",
        "The police used riot control measures.",
        "The court issued an arrest warrant for the former minister.",
    ],
)
def test_an_event_noun_that_only_classifies_a_thing_is_no_event(mentions_of, text):
    assert [m.type for m in mentions_of(text) if m.type in {"PROTEST", "COERCE"}] == []


def test_an_event_noun_that_heads_its_phrase_is_still_an_event(mentions_of):
    assert ("PROTEST", "riot") in types_and_triggers(mentions_of("A prison riot left two inmates dead."))


def test_a_weapon_abandoned_is_no_concession(mentions_of):
    mentions = mentions_of("Two boys set off an explosive device abandoned by the militia.")
    assert "abandoned" not in [m.trigger_text for m in mentions]
    assert ("CONCEDE", "abandoned") in types_and_triggers(mentions_of("The militia abandoned the town."))


def test_fire_launched_or_directed_is_an_attack_also_as_the_last_of_several_objects(mentions_of):
    text = "Border troops launched artillery, mortar and rocket fire against rebel camps near the river."
    [attack] = [m for m in mentions_of(text) if m.type == "ASSAULT"]
    assert (attack.trigger_text, attack.cameo) == ("launched", "190")
    assert [ref.candidates[0].text for ref in attack.targets] == ["rebel camps"]
    directed = mentions_of("Rebels directed heavy fire at the convoy.")
    assert ("ASSAULT", "directed") in types_and_triggers(directed)
    assert "launched" not in [m.trigger_text for m in mentions_of("The ministry launched a new website.")]


def test_being_committed_to_an_act_is_a_pledge_by_whoever_is_committed(mentions_of):
    [pledge] = [m for m in mentions_of("The envoy said Ruritania is committed to opening its borders.")
                if m.trigger_text == "committed"]  # fmt: skip
    assert pledge.type == "AGREE"
    assert [ref.candidates[0].text for ref in pledge.sources] == ["Ruritania"]
    assert pledge.targets == []
    # Troops committed to a mission and crimes committed are no pledge.
    for text in ("Britain committed 500 troops to the mission.", "The gang committed several robberies."):
        assert "committed" not in [m.trigger_text for m in mentions_of(text) if m.type == "AGREE"]


def test_a_reminder_of_what_someone_must_do_is_a_demand(mentions_of):
    text = "The president issued a stern reminder to Ruritania that it must free the detained sailors."
    [demand] = [m for m in mentions_of(text) if m.trigger_text == "reminder"]
    assert (demand.type, demand.cameo) == ("REQUEST", "100")
    assert [ref.candidates[0].text for ref in demand.sources] == ["president"]
