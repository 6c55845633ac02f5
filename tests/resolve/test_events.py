"""Mentions resolved into events: actors, pronouns, the governing date and place."""

from __future__ import annotations

from datetime import date

import pytest

from whodid.geo import haversine_km


def events_of(pipeline, text, published=date(2024, 5, 8)):
    return pipeline.extract(text, published)


def described(actors):
    return [(actor.text, actor.name, actor.country, actor.sector) for actor in actors]


def only(events, trigger):
    [event] = [e for e in events if e.evidence.trigger_text == trigger]
    return event


def test_actors_resolve_to_countries_and_sectors(pipeline):
    event = only(events_of(pipeline, "Iraqi police arrested two Syrian smugglers in Mosul."), "arrested")
    assert (event.source[0].country, event.source[0].sector) == ("IRQ", "COP")
    assert event.target[0].country == "SYR"


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        # the longer phrase tells whose cabinet it is
        ("Israel's Cabinet met the envoy on Sunday.", "met", "ISR"),
        # a state named before the people in their own noun phrase, beside words the base does not know
        ("Nicaragua's Sandinista government banned the newspaper on Monday.", "banned", "NIC"),
        ("Ankara's Cankaya district administration denied the request for land.", "denied", "TUR"),
    ],
)
def test_people_of_no_known_country_take_the_state_their_noun_phrase_names(pipeline, text, trigger, country):
    assert only(events_of(pipeline, text), trigger).source[0].country == country


def test_a_pronoun_takes_the_nearest_earlier_person(pipeline):
    text = "Prime Minister Mohammed Shia al-Sudani returned to Baghdad. The French ambassador met with him."
    event = only(events_of(pipeline, text), "met")
    assert event.target[0].text == "him"
    assert event.target[0].name == "Mohammed Shia al-Sudani"


def test_a_pronoun_opening_a_relative_clause_is_not_the_noun_it_describes(pipeline):
    text = "Hamas said that it will free all the people they have abducted in the south."
    event = only(events_of(pipeline, text), "abducted")
    assert event.source[0].text == "they"
    assert event.source[0].name == "Hamas"


def test_the_date_governing_the_trigger_wins(pipeline):
    text = "On Friday the envoy arrived, and rebels attacked the town on 2 May."
    event = only(events_of(pipeline, text), "attacked")
    assert (event.date, event.date_precision, event.date_text) == (date(2024, 5, 2), "day", "2 May")


def test_no_date_in_the_text_means_no_date(pipeline):
    event = only(events_of(pipeline, "Rebels attacked the town of Goma."), "attacked")
    assert event.date is None
    assert event.date_precision is None


def test_the_place_of_the_event_not_the_home_of_its_actors(pipeline):
    event = only(events_of(pipeline, "Kenyan troops attacked a camp near Kismayo."), "attacked")
    assert event.location is not None
    assert event.location.country == "SOM"
    assert haversine_km(event.location.lat, event.location.lon, -0.358, 42.545) < 25


def test_a_site_missing_from_ner_is_found_in_the_supplement(pipeline):
    events = events_of(pipeline, "A drone attack on Tower 22 on Sunday killed three soldiers.")
    [event] = [e for e in events if e.type == "ASSAULT"]
    assert event.fatalities.value == 3
    assert event.location.name == "Tower 22"
    assert event.location.country == "JOR"


def test_a_capital_as_actor_is_not_the_place(pipeline):
    event = only(events_of(pipeline, "Washington condemned the raid."), "condemned")
    assert event.source[0].country == "USA"
    assert event.location is None


def test_event_ids_are_stable_across_runs(pipeline):
    text = "Rebels attacked an army post in Goma on Monday."
    first = [e.event_id for e in events_of(pipeline, text)]
    assert first == [e.event_id for e in events_of(pipeline, text)]
    assert first


def test_first_person_pronouns_are_not_resolved_to_earlier_actors(pipeline):
    text = "Rioters burned shops in the old city. 'I appeal to the rioters to stop,' the mayor said."
    event = only(events_of(pipeline, text), "appeal")
    assert event.source == [] or event.source[0].text.lower() != "i"


def test_an_unknown_person_takes_the_country_and_sector_of_the_title_before_the_name(pipeline):
    [visitor] = pipeline.extract("Kenyan President Odo Varga will visit Tanzania next week.")[0].source
    assert (visitor.text, visitor.country, visitor.sector, visitor.actor_id) == (
        "Odo Varga",
        "KEN",
        "GOV",
        None,
    )
    # A title that names no country we know gives nothing: the name stays a bare person.
    [stranger] = pipeline.extract("Ruritanian President Odo Varga will visit Kenya next week.")[0].source
    assert (stranger.text, stranger.country) == ("Odo Varga", None)


def test_an_unknown_person_takes_the_sector_of_a_title_and_the_state_after_of(pipeline):
    text = "Judge Teodora Vlasic ordered the arrest of the mayor."
    assert [(a.text, a.sector) for a in only(events_of(pipeline, text), "arrest").source] == [
        ("Teodora Vlasic", "JUD")
    ]
    # a hyphenated name the noun phrase ends inside
    text = "The mayor allowed opposition leader Maulana Fazl-ur-Rehman to address supporters."
    assert [(a.text, a.sector) for a in only(events_of(pipeline, text), "allowed").target] == [
        ("Maulana Fazl-ur-Rehman", "OPP")
    ]
    text = "President Osric of Lesotho will visit Ghana next week."
    [president] = only(events_of(pipeline, text), "visit").source
    assert (president.country, president.sector) == ("LSO", "GOV")


def test_a_pronoun_may_stand_for_a_name_we_do_not_know(pipeline):
    text = "Rebel commander Dario Fenwick said he would release the hostages."
    [release] = events_of(pipeline, text)
    [commander] = release.source
    assert (commander.text, commander.sector, commander.antecedent.text) == ("he", "REB", "Dario Fenwick")


def test_an_impossible_date_is_no_date_and_says_why(pipeline):
    event = only(events_of(pipeline, "Rebels attacked the town of Goma on 31 February."), "attacked")
    assert event.date is None
    assert event.date_rejected == "31 February: February has no day 31"


def test_a_town_the_recogniser_calls_a_person_is_still_the_place(pipeline):
    text = "Government forces liberated the village of Tamthil after a long battle."
    event = only(events_of(pipeline, text), "liberated")
    assert event.location is not None and event.location.text == "Tamthil"


def test_the_finer_place_wins_over_the_landmark_that_situates_it(pipeline):
    text = "Gunmen killed four farmers in Mahmudiyah, just south of Baghdad, on Saturday."
    event = only(events_of(pipeline, text), "killed")
    assert event.location.text == "Mahmudiyah"
    assert event.location.country == "IRQ"  # Baghdad tells which of the towns of that name


def test_a_neighbourhood_named_by_of_beats_the_city_that_modifies_it(pipeline):
    text = "In the southern Baghdad neighbourhood of Dora, a roadside bomb killed two policemen."
    event = only(events_of(pipeline, text), "killed")
    assert event.location.text == "Dora"


def test_a_name_the_gazetteer_lacks_stays_a_place_at_the_town_that_situates_it(pipeline):
    text = "Soldiers shelled the hamlet of Qarwatnaz, 20 km south of Mosul, on Monday."
    event = only(events_of(pipeline, text), "shelled")
    place = event.location
    assert (place.text, place.feature, place.country, place.precision) == (
        "Qarwatnaz",
        "unresolved",
        "IRQ",
        2,
    )
    mosul = next(p for p in pipeline.extract("Police arrested two men in Mosul.")[0:1] if p.location).location
    assert haversine_km(place.lat, place.lon, mosul.lat, mosul.lon) < 1


def test_a_place_in_another_verbs_clause_is_not_the_events(pipeline):
    text = "Students demonstrated across Turkey on Thursday as ministers gathered in Istanbul."
    event = only(events_of(pipeline, text), "demonstrated")
    assert event.location.text == "Turkey"


def test_a_nationality_before_a_person_is_no_place(pipeline):
    text = "A grenade killed a U.S. soldier, the army said."
    event = only(events_of(pipeline, text), "killed")
    assert event.location is None


def test_a_captured_town_is_the_place_not_a_target(pipeline):
    [event] = events_of(pipeline, "Rebels captured Jaffna on Monday.")
    assert event.location is not None and event.location.text == "Jaffna"
    assert all(actor.text != "Jaffna" for actor in event.target)


def test_the_article_result_lists_the_places_it_names(pipeline):
    from whodid.records import Article

    article = Article(id="p", text="Rebels shelled Kidal and Gao on Monday, the army said.")
    [result] = list(pipeline.run([article]))
    assert {place.text for place in result.places} >= {"Kidal", "Gao"}


def test_an_ambiguous_city_takes_the_country_of_the_story(pipeline):
    text = "Lebanese soldiers clashed with gunmen in Tripoli on Sunday, the army said."
    event = only(events_of(pipeline, text), "clashed")
    assert (event.location.text, event.location.country) == ("Tripoli", "LBN")


def test_a_capital_standing_for_its_government_does_not_decide_its_own_country(pipeline):
    text = "Tripoli condemned the shelling of Tripoli by Syrian forces, Lebanese officials said."
    places = {place.country for event in events_of(pipeline, text) if (place := event.location)}
    assert "LBY" not in places


def test_violence_its_sentence_does_not_place_is_placed_at_the_articles_focus_as_a_region(pipeline):
    text = (
        "Rebels attacked Kidal on Monday. Residents said the rebels shelled Kidal again on Tuesday. "
        "Gunmen killed three soldiers at a checkpoint, the army said. The minister met the envoy."
    )
    events = events_of(pipeline, text)
    killing = only(events, "killed")
    assert (killing.location.name, killing.location.precision) == ("Kidal", 3)
    meeting = only(events, "met")
    assert meeting.location is None  # a statement or meeting is not placed by the story's focus


def test_a_parenthesised_governorate_situates_the_town_before_it(pipeline):
    [event] = events_of(pipeline, "Houthi fighters shelled Sirwah (Marib) on Tuesday.")
    assert (event.location.text, event.location.country, event.location.precision) == ("Sirwah", "YEM", 1)


def test_a_province_word_makes_the_region_the_place(pipeline):
    [event] = events_of(pipeline, "A car bomb killed six people in Helmand province on Sunday.")
    place = event.location
    assert (place.text, place.country, place.precision, place.feature) == ("Helmand", "AFG", 3, "admin1")


def test_help_handed_over_by_the_measure_is_aid_placed_where_it_arrived(pipeline):
    [event] = events_of(pipeline, "Swiss doctors handed over 700 kg of medicine to a clinic in Bam, Iran.")
    assert (event.type, event.location.text, event.location.country) == ("AID", "Bam", "IRN")


def test_people_of_no_country_take_the_country_of_the_place_they_are_in(pipeline):
    event = only(events_of(pipeline, "Demonstrators in Baghdad blocked a main road."), "blocked")
    assert described(event.source) == [("Demonstrators", "Iraqi protesters", "IRQ", "CVL")]
    # A named actor keeps its own country wherever it is.
    event = only(events_of(pipeline, "Hezbollah fighters in Syria attacked a convoy."), "attacked")
    assert event.source[0].country == "LBN"


def test_ethnic_people_are_of_the_state_they_live_in_not_the_state_of_their_name(pipeline):
    event = only(
        events_of(pipeline, "Ethnic Hungarians in northern Serbia marched against the new law."), "marched"
    )
    assert [(a.country, a.sector) for a in event.source] == [("SRB", "CVL")]
    # Without "ethnic", a nationality names its state's people.
    event = only(events_of(pipeline, "Hungarians in northern Serbia marched against the new law."), "marched")
    assert [a.country for a in event.source] == ["HUN"]


def test_agents_listed_with_an_agent_of_a_nation_on_its_side_are_of_that_nation(pipeline):
    event = only(events_of(pipeline, "Turkish helicopters and tanks shelled the border villages."), "shelled")
    assert [(a.country, a.sector) for a in event.source] == [("TUR", "MIL"), ("TUR", "MIL")]
    event = only(events_of(pipeline, "Iraqi soldiers and policemen stormed the building."), "stormed")
    assert [(a.country, a.sector) for a in event.source] == [("IRQ", "MIL"), ("IRQ", "COP")]
    # The two sides of a clash are not one nation's.
    event = only(events_of(pipeline, "Iraqi soldiers and rebels clashed near the airport."), "clashed")
    assert [a.country for a in event.source + event.target] == ["IRQ", None]


def test_people_listed_with_a_named_official_of_a_nation_as_a_body_are_of_that_nation(pipeline):
    text = "Polish Senate speaker Marek Wozny and a group of deputies held talks with Ukrainian leaders."
    event = only(events_of(pipeline, text), "talks")
    assert [(a.text, a.country) for a in event.source] == [("Marek Wozny", "POL"), ("deputies", "POL")]


def test_weapons_stand_for_the_forces_that_fire_them(pipeline):
    event = only(events_of(pipeline, "Israeli tanks fired shells at the camp."), "fired")
    assert [(a.name, a.sector) for a in event.source] == [("Israeli armoured forces", "MIL")]
    event = only(events_of(pipeline, "British aircraft bombed a depot near Basra."), "bombed")
    assert [(a.country, a.sector) for a in event.source] == [("GBR", "MIL")]


def test_a_surname_names_the_person_the_article_named_in_full_before(pipeline):
    text = (
        "Kyrgyz President Askar Akayev met opposition leaders on Monday. "
        "On Tuesday Akayev threatened to dissolve the parliament."
    )
    event = only(events_of(pipeline, text, date(2003, 6, 2)), "threatened")
    assert described(event.source) == [("Akayev", "Askar Akayev", "KGZ", "GOV")]


def test_people_loyal_to_an_actor_are_of_its_country(pipeline):
    event = only(
        events_of(pipeline, "Fighters loyal to Bashar al-Assad shelled the town overnight."), "shelled"
    )
    assert [a.country for a in event.source] == ["SYR"]


def test_people_and_names_of_no_known_country_take_the_one_country_their_sentence_names(pipeline):
    text = "Retired teachers demanded the resignation of the Zambian finance minister."
    event = only(events_of(pipeline, text), "demanded")
    assert [(a.text, a.country) for a in event.source] == [("teachers", "ZMB")]
    text = "Judge Marta Quispe opened an investigation into six Bolivian customs officials."
    event = only(events_of(pipeline, text), "investigation")
    assert [(a.text, a.country) for a in event.source] == [("Marta Quispe", "BOL")]
    # Two countries named: nothing tells which.
    text = "Retired teachers demanded that Zambia and Malawi reopen the border."
    event = only(events_of(pipeline, text), "demanded")
    assert [a.country for a in event.source] == [None]
    # Whom force strikes says nothing of whose the attackers are.
    text = "Two Canadian engineers were shot dead by masked gunmen on Monday."
    event = only(events_of(pipeline, text), "shot")
    assert [(a.text, a.country) for a in event.source] == [("gunmen", None)]
    # A state named only as itself is one people of any nation may act on.
    text = "Cardinal Tomas Welde demanded sanctions against Nigeria."
    event = only(events_of(pipeline, text), "demanded")
    assert [(a.text, a.country) for a in event.source] == [("Tomas Welde", None)]


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Sudan threatened to shell Chadian towns on Monday.", "shell", ("TCD", "CVL")),
        ("Sudan threatened to shell Chadian cities on Monday.", "shell", ("TCD", "CVL")),
        ("Rebels shelled the capital Niamey on Sunday.", "shelled", ("NER", "CVL")),
        ("Syria accused Paris of meddling in its affairs.", "accused", ("FRA", "GOV")),  # Paris speaks
    ],
)
def test_a_town_struck_or_a_states_towns_are_the_people_who_live_there(pipeline, text, trigger, target):
    [town] = only(events_of(pipeline, text), trigger).target
    assert (town.country, town.sector) == target


def test_a_misspelt_name_of_a_country_is_that_country(pipeline):
    event = only(events_of(pipeline, "Ethopia has agreed to reopen its border crossings."), "agreed")
    assert described(event.source) == [("Ethopia", "Ethiopia", "ETH", "GOV")]


def test_a_misspelt_name_of_a_known_person_is_that_person(pipeline):
    text = "President Abdelaziz Bouteflicka threatened to impose a curfew in Algiers."
    event = only(events_of(pipeline, text, date(2001, 6, 1)), "threatened")
    assert described(event.source) == [("Abdelaziz Bouteflicka", "Abdelaziz Bouteflika", "DZA", "GOV")]


def test_residents_of_a_place_are_its_country_and_troops_are_their_owners(pipeline):
    event = only(events_of(pipeline, "Residents of Kirkuk protested against the decision."), "protested")
    assert described(event.source) == [("Residents", "Iraqi residents", "IRQ", "CVL")]
    text = "Turkey said on Monday that Kurdish militants had ambushed its soldiers near the border."
    event = only(events_of(pipeline, text), "ambushed")
    assert [(a.text, a.country, a.sector) for a in event.target] == [("soldiers", "TUR", "MIL")]


def test_further_arguments_stand_in_only_where_the_nearer_ones_name_no_actor(pipeline):
    event = only(events_of(pipeline, "Russia launched cyber attacks on Georgian ministries."), "attacks")
    assert [(a.text, a.country) for a in event.source] == [("Russia", "RUS")]
    event = only(
        events_of(pipeline, "The United States suspended food supplies to Somali rebels."), "suspended"
    )
    assert [(a.text, a.country, a.sector) for a in event.target] == [("Somali rebels", "SOM", "REB")]
    # A target the object names itself wins over one further down: the soldiers only helped.
    text = "Kenyan police arrested two protesters with the help of soldiers."
    event = only(events_of(pipeline, text), "arrested")
    assert [a.text for a in event.target] == ["protesters"]


def test_people_of_no_country_are_of_the_country_where_the_sentence_places_the_event(pipeline):
    event = only(events_of(pipeline, "Protesters blocked the main roads in Monrovia on Monday."), "blocked")
    assert [(a.text, a.country, a.sector) for a in event.source] == [("Protesters", "LBR", "CVL")]
    # Troops often fight abroad: the place of the shelling says nothing of whose they are.
    event = only(events_of(pipeline, "Soldiers shelled villages near Kharkiv."), "shelled")
    assert [(a.text, a.country) for a in event.source] == [("Soldiers", None)]


def test_the_words_that_name_the_source_do_not_name_the_target_too(pipeline):
    text = "The Mozambique government on Thursday rejected demands from the rebels that it initiate reforms."
    event = only(events_of(pipeline, text), "demands")
    assert [a.text for a in event.source] == ["rebels"]
    assert event.target == []


def test_a_definite_agent_is_the_earlier_actor_it_describes(pipeline):
    text = "The Iraqi army shelled the town on Monday. The soldiers then stormed the market."
    stormed = only(events_of(pipeline, text), "stormed")
    assert described(stormed.source) == [("soldiers", "Iraqi Armed Forces", "IRQ", "MIL")]


def test_a_definite_crowd_is_whoever_did_that_act_before(pipeline):
    text = (
        "Kenyan nurses protested in Nairobi on Monday. "
        "The protesters gathered outside the parliament building."
    )
    gathered = only(events_of(pipeline, text), "gathered")
    protested = only(events_of(pipeline, text), "protested")
    assert gathered.source[0].text == "protesters"
    assert (gathered.source[0].country, gathered.source[0].sector) == (
        protested.source[0].country,
        protested.source[0].sector,
    )


def test_a_definite_agent_of_another_side_or_a_bare_one_stays_generic(pipeline):
    text = "Rebels attacked an army post near Goma on Monday. The soldiers fired back at the attackers."
    assert only(events_of(pipeline, text), "fired").source[0].sector == "MIL"  # not the rebels
    text = "The Iraqi army shelled the town on Monday. Soldiers then stormed the market."
    assert only(events_of(pipeline, text), "stormed").source[0].name != "Iraqi Armed Forces"  # maybe others


def test_a_nationality_word_names_its_country_not_a_town_called_so(pipeline):
    # A Malaysian city has "Thai" among its other names.
    text = "Troops captured a rebel stronghold on the Thai border after five days of fighting."
    event = only(events_of(pipeline, text), "captured")
    assert (event.location.text, event.location.country, event.location.feature) == ("Thai", "THA", "country")


def test_a_continent_is_a_place_with_no_country(pipeline):
    event = only(events_of(pipeline, "Gunmen attacked a convoy in West Africa on Monday."), "attacked")
    assert (event.location.text, event.location.country, event.location.lat) == ("West Africa", None, None)


def test_a_country_after_anti_is_no_ones_country(pipeline):
    # "anti-Syria" says what the journalist is against; Beirut says whose people they are.
    text = "A prominent anti-Syria journalist was killed by a car bomb in Beirut on Monday."
    event = only(events_of(pipeline, text), "killed")
    assert [(actor.text, actor.country) for actor in event.target] == [("journalist", "LBN")]


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("Egyptian police dispersed the demonstrators with tear gas on Monday.", "dispersed", "EGY"),
        ("The Mozambique government accepted demands from the rebels.", "accepted", "MOZ"),
        ("French police arrested three men in Kabul on Monday.", "arrested", "AFG"),  # the place says
        ("French troops attacked the rebels on Monday.", "attacked", None),  # armies act abroad
    ],
)
def test_whom_police_officials_or_courts_act_on_is_of_their_country(pipeline, text, trigger, country):
    event = only(events_of(pipeline, text), trigger)
    assert [actor.country for actor in event.target] == [country]


def test_an_actor_keeps_the_whole_noun_phrase_its_words_stand_in(pipeline):
    text = "Government jets killed at least 40 displaced people in northern Yemen, who had fled the coast."
    [victims] = only(events_of(pipeline, text), "killed").target
    assert victims.text == "displaced people"
    assert victims.phrase is not None
    assert victims.phrase.text == "at least 40 displaced people in northern Yemen"
    assert text[slice(*victims.phrase.span)] == victims.phrase.text


def test_an_actor_inside_a_longer_phrase_keeps_its_own(pipeline):
    [shelling] = events_of(pipeline, "The army shelled positions of the Arakan Army near the river.")
    [army] = shelling.target
    assert (army.name, army.phrase and army.phrase.text) == ("Arakan Army", "the Arakan Army")


def test_an_actor_named_by_all_its_phrase_keeps_no_second_copy(pipeline):
    [event] = events_of(pipeline, "Kenya expelled two diplomats.")
    assert event.source[0].text == "Kenya" and event.source[0].phrase is None


def test_a_body_of_unknown_name_is_of_the_one_state_its_name_holds(pipeline):
    event = only(
        events_of(pipeline, "The Liberian Peace Council accused the NPFL of seizing the town."), "accused"
    )
    assert (event.source[0].text, event.source[0].country) == ("Liberian Peace Council", "LBR")
    # a name that holds no state's name, in a sentence that names none, stays of no known country
    event = only(
        events_of(pipeline, "The Velmora Heritage Council accused the rebels of seizing the town."), "accused"
    )
    assert event.source[0].country is None


def test_a_pronoun_does_not_stand_for_a_countrys_adjective(pipeline):
    text = (
        "Ivory Coast rebels rejected a Senegalese peace plan. "
        "They said the deployment was illegal, and they opposed it."
    )
    event = only(events_of(pipeline, text), "opposed")
    assert (event.source[0].text, event.source[0].country) == ("they", "CIV")
    # a name that is also an adjective ("US") still may
    event = only(events_of(pipeline, "The US said it would send more troops."), "send")
    assert event.source[0].country == "USA"


@pytest.mark.parametrize(
    ("text", "trigger", "sector"),
    [
        ("The Palestinians rejected the Israeli proposal.", "rejected", "GOV"),
        ("Palestinians and Israelis failed to reach agreement on the offices.", "agreement", "GOV"),
        # people described further, or acting in the street, stay people
        ("Young Algerians demanded jobs from the government.", "demanded", "CVL"),
        ("Thousands of Nigerians marched in Lagos.", "marched", "CVL"),
        # some of them, named by the nation's adjective
        ("Lebanese protesters demanded the resignation of the cabinet.", "demanded", "CVL"),
    ],
)
def test_a_nations_people_named_bare_speak_as_its_government(pipeline, text, trigger, sector):
    event = only(events_of(pipeline, text), trigger)
    assert {actor.sector for actor in event.source} == {sector}


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Former Socialist prime minister Andreas Papandreou demanded immediate elections.", "ELI"),
        ("Ousted President Askar Akayev demanded immediate elections.", "ELI"),
        ("The ex-president demanded immediate elections.", "ELI"),
        ("The president demanded immediate elections.", "GOV"),
    ],
)
def test_an_official_the_text_puts_out_of_office_is_of_the_elites(pipeline, text, sector):
    event = only(events_of(pipeline, text, published=date(2004, 6, 1)), "demanded")
    assert event.source[0].sector == sector


def test_a_pronoun_keeps_the_words_it_stands_for(pipeline):
    text = "Emmanuel Macron met the Nigerien envoy. He urged Niger to reopen the border."
    event = only(events_of(pipeline, text), "urged")
    [he] = event.source
    assert he.text == "He" and he.antecedent is not None
    assert text[slice(*he.antecedent.span)] == he.antecedent.text


def test_armed_people_from_a_group_the_base_does_not_know_act_as_that_group(pipeline):
    event = only(
        events_of(pipeline, "Gunmen from the Velmora Liberation Army attacked the post."), "attacked"
    )
    assert [(a.text, a.sector) for a in event.source] == [("Velmora Liberation Army", "REB")]
    # people who carry no arms stay what they are
    event = only(events_of(pipeline, "Protesters from the Velmora Teachers Union marched."), "marched")
    assert [a.text for a in event.source] == ["Protesters"]


def test_an_island_nation_of_a_name_is_that_state(pipeline):
    text = "Indonesia has established diplomatic ties with the South Pacific island nation of Nauru."
    event = only(events_of(pipeline, text), "established")
    assert [(actor.country, actor.sector) for actor in event.target] == [("NRU", "GOV")]


def test_a_border_closed_with_neighbours_is_aimed_at_each(pipeline):
    event = only(events_of(pipeline, "Ghana closed its borders with Togo and Burkina Faso."), "closed")
    assert [actor.country for actor in event.target] == ["TGO", "BFA"]


def test_two_sides_that_violate_a_truce_act_against_each_other(pipeline):
    text = "India and Pakistan violated the ceasefire along the border."
    event = only(events_of(pipeline, text), "violated")
    assert event.reciprocal
    assert {actor.country for actor in event.source} == {"IND", "PAK"}
    one_side = only(events_of(pipeline, "The Houthis violated the ceasefire again."), "violated")
    assert not one_side.reciprocal


def test_generic_fighters_in_an_article_about_one_armed_group_are_that_group(pipeline):
    text = "The FMLN announced a truce on Friday. Guerrillas attacked an army post near San Miguel."
    [guerrillas] = only(events_of(pipeline, text), "attacked").source
    assert described([guerrillas]) == [
        ("Guerrillas", "Farabundo Marti National Liberation Front", "SLV", "REB")
    ]
    assert guerrillas.kind == "armed_group" and guerrillas.antecedent.text == "FMLN"


def test_the_group_described_before_stands_for_the_name_the_article_gave_it(pipeline):
    text = (
        "Gunmen from the Tambo River Front attacked a police post on Monday. "
        "The group raided a second post on Tuesday."
    )
    [group] = only(events_of(pipeline, text), "raided").source
    assert (group.text, group.sector, group.antecedent.text) == ("group", "REB", "Tambo River Front")


@pytest.mark.parametrize(
    "text",
    [
        # two groups: the fighters may be either's
        "Hamas and Hezbollah praised the truce. Militants attacked a police post in Gaza.",
        # of another country than the group's
        "The FMLN announced a truce. Colombian guerrillas attacked a police post.",
        # several groups of them
        "The FMLN announced a truce. Rebel groups attacked a police post.",
    ],
)
def test_generic_fighters_stay_generic_where_the_article_names_no_one_group_of_theirs(pipeline, text):
    [fighters] = only(events_of(pipeline, text), "attacked").source
    assert fighters.kind == "agent" and fighters.antecedent is None


def test_fighters_of_a_group_that_fights_in_many_countries_keep_the_country_where_they_act(pipeline):
    text = "Al-Qaeda praised the attack. Militants attacked a police post in Mosul on Monday."
    [militants] = only(events_of(pipeline, text), "attacked").source
    assert (militants.name, militants.country) == ("al-Qaeda", "IRQ")


def test_a_nations_people_of_a_place_in_another_state_are_of_that_state(pipeline):
    event = only(events_of(pipeline, "The Albanians of southern Serbia demanded autonomy."), "demanded")
    assert [(a.text, a.country) for a in event.source] == [("Albanians", "SRB")]
    event = only(events_of(pipeline, "The Palestinians of the West Bank demanded water."), "demanded")
    assert [a.country for a in event.source] == ["PSE"]


def test_a_pronoun_stands_for_its_antecedent_as_an_event_resolved_it(pipeline):
    text = "Ethnic Albanians vowed to fight until they take the villages near Macedonia's border with Greece."
    [they] = only(events_of(pipeline, text), "take").source
    assert (they.text, they.country) == ("they", "MKD")


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked a village near the Thai border.",
        "Rebels attacked a village near the border with Chad.",
    ],
)
def test_a_border_places_the_event_but_says_nothing_of_whose_people_are_there(pipeline, text):
    event = only(events_of(pipeline, text), "attacked")
    assert event.location.feature == "country"
    assert [a.country for a in event.source] == [None]


def test_a_place_the_gazetteer_lacks_is_not_put_in_the_state_whose_border_situates_it(pipeline):
    text = "Burmese troops captured the rebel stronghold of Zanmar on the Thai border."
    event = only(events_of(pipeline, text), "captured")
    assert (event.location.text, event.location.country) == ("Zanmar", None)
    assert [a.country for a in event.target] == [None]


def test_a_village_that_force_strikes_stands_for_its_people_but_a_site_does_not(pipeline):
    attack = only(events_of(pipeline, "Gunmen attacked a village near Maiduguri on Sunday."), "attacked")
    [village] = attack.target
    assert (village.text, village.sector, village.country) == ("village", "CVL", "NGA")
    assert only(events_of(pipeline, "Gunmen attacked the airport on Sunday."), "attacked").target == []
    # Not what a protest does: blocking the roads of a city is no blow to its people.
    protest = events_of(pipeline, "Hundreds of students blocked roads in the city on Sunday.")
    assert all(actor.sector != "CVL" for event in protest for actor in event.target)


def test_people_based_in_a_country_are_of_it_wherever_they_act(pipeline):
    attack = only(
        events_of(pipeline, "Militants based in Somalia attacked a border post in Kenya."), "attacked"
    )
    assert [(actor.sector, actor.country) for actor in attack.source] == [("REB", "SOM")]


def test_a_nations_adjective_left_alone_before_and_shares_the_people_of_the_next(pipeline):
    text = "Ivorian police beat Sierra Leonean and Liberian refugees."
    event = only(events_of(pipeline, text), "beat")
    assert [(a.text, a.country, a.sector) for a in event.target] == [
        ("Sierra Leonean", "SLE", "REF"),
        ("Liberian refugees", "LBR", "REF"),
    ]


def test_a_state_is_not_the_target_of_its_own_act(pipeline):
    text = "Canada said it would refuse entry into Canada to the smugglers."
    event = only(events_of(pipeline, text), "refuse")
    assert [a.country for a in event.source] == ["CAN"]
    assert [a.text for a in event.target] == ["smugglers"]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # people live in towns and homes; the town before its name, not the name after "of"
        ("Serb gunners shelled the Bosnian town of Gorazde.", "shelled", ("BIH", "CVL")),
        ("Soldiers demolished Palestinian homes on Sunday.", "demolished", ("PSE", "CVL")),
        # land invaded or annexed is its state's
        ("Syria launched an invasion of South Lebanon at dawn.", "invasion", ("LBN", "GOV")),
        ("Russia annexed Crimea after a vote.", "annexed", ("UKR", "GOV")),
    ],
)
def test_a_place_an_act_strikes_stands_for_its_people_or_its_state(pipeline, text, trigger, expected):
    [struck] = only(events_of(pipeline, text), trigger).target
    assert (struck.country, struck.sector) == expected


def test_a_town_taken_is_only_where_it_happened(pipeline):
    assert only(events_of(pipeline, "The rebels captured Jaffna on Monday."), "captured").target == []
    # and a town named by a nation's adjective is only a place where no conflict touches its people
    text = "Serb units had completed a withdrawal from the Bosnian town of Srebrenica."
    assert only(events_of(pipeline, text), "withdrawal").target == []


def test_a_named_operation_gives_the_sides_the_sentence_leaves_unsaid(pipeline):
    event = only(events_of(pipeline, "Analysts still debate the Al-Aqsa Flood operation."), "operation")
    assert [(a.actor_id, a.country) for a in event.source] == [("hamas", "PSE")]
    assert [(a.kind, a.country) for a in event.target] == [("state", "ISR")]
    # its name is no actor of its own
    text = "India said Operation Sindoor strikes hit nine sites in Pakistan."
    event = only(events_of(pipeline, text), "strikes")
    assert [(a.country, a.kind) for a in event.source] == [("IND", "state")]


def test_a_person_named_by_an_international_bodys_office_acts_for_the_body(pipeline):
    event = only(events_of(pipeline, "The rebels met UN envoy Diego Cordovez on Monday."), "met")
    [envoy] = event.target
    assert (envoy.actor_id, envoy.kind, envoy.country) == ("diego-cordovez", "igo", None)
    # whose nation then says nothing of the others'
    assert [a.country for a in event.source] == [None]
    [alone] = only(events_of(pipeline, "Diego Cordovez met the rebels on Monday."), "met").source
    assert (alone.kind, alone.country) == ("person", "ECU")


def test_a_place_in_a_condition_an_act_sets_is_not_where_the_act_happens(pipeline):
    text = "Jordan said it would not accept more refugees if fighting spreads to Syria."
    assert only(events_of(pipeline, text), "accept").location is None
    assert only(events_of(pipeline, text), "fighting").location.country == "SYR"


def test_a_pronoun_does_not_stand_for_the_title_of_a_name(pipeline):
    text = (
        "The government compensated 40 Lebanese nationals for the shops they lost when former dictator"
        " Kwame Asante expelled them."
    )
    [them] = only(events_of(pipeline, text), "expelled").target
    assert (them.country, them.sector) == ("LBN", "CVL")


def test_people_whose_patron_a_state_is_are_not_of_that_state(pipeline):
    text = "Gunmen shot an officer of Iran's militia proxies near Baghdad."
    [proxies] = only(events_of(pipeline, text), "shot").target
    assert (proxies.country, proxies.sector) == ("IRQ", "REB")
    [own] = only(events_of(pipeline, "Syria's militia attacked the village on Sunday."), "attacked").source
    assert own.country == "SYR"


def test_people_from_a_body_of_one_nation_are_of_that_nation(pipeline):
    text = "Nurses from three Danish charities delivered medicine to a clinic in Herat."
    [nurses] = only(events_of(pipeline, text), "delivered").source
    assert nurses.country == "DNK"
    # but troops "from" a state they leave are not of it
    text = "Kenya speeded up the withdrawal of some invasion forces from Somalia on Friday."
    assert "SOM" not in [a.country for a in only(events_of(pipeline, text), "withdrawal").source]


def test_an_unknown_body_named_as_civil_society_is_an_ngo_of_no_country_but_its_own(pipeline):
    text = "The Coastal Fisheries Forum asked the Liberian government to halt the trawler licences."
    [forum] = only(events_of(pipeline, text), "asked").source
    assert (forum.country, forum.sector) == (None, "NGO")
    text = "The Liberian Fishermen's Association asked the government to halt the trawler licences."
    [association] = only(events_of(pipeline, text), "asked").source
    assert (association.country, association.sector) == ("LBR", "NGO")
    # an unknown "council" may be a government's or a faction's
    text = "The Grand Council of Varnia asked the Liberian government to halt the trawler licences."
    assert only(events_of(pipeline, text), "asked").source[0].sector != "NGO"


def test_the_nation_of_whoever_reports_an_act_of_another_nations_forces_is_not_the_events(pipeline):
    text = "Laotian troops seized a Hmong rebel camp near the river, Vietnamese border guards said on Friday."
    [camp] = only(events_of(pipeline, text), "seized").target
    assert camp.country is None
    # a reporter of the actors' own nation may still tell it
    text = "Gunmen seized a rebel camp near the river, Laotian officials said on Friday."
    [camp] = only(events_of(pipeline, text), "seized").target
    assert camp.country == "LAO"


def test_the_toll_of_an_attack_is_of_no_nation_the_attackers_give(pipeline):
    text = "A village school was raided by Chadian gunmen on Monday, killing at least 30 people."
    [people] = [a for a in only(events_of(pipeline, text), "raided").target if a.text == "people"]
    assert people.country is None


def test_people_of_a_place_the_recogniser_left_unnamed_are_of_its_state(pipeline):
    text = "Druze farmers of the Syrian Golan Heights threatened to strike unless Israel lifted its ban."
    [farmers] = only(events_of(pipeline, text), "threatened").source
    assert farmers.country == "SYR"


def test_people_named_by_a_regions_adjective_are_no_unknown_name(pipeline):
    text = "A group of Chechen students began a hunger strike in Grozny on Monday."
    [students] = only(events_of(pipeline, text), "strike").source
    assert (students.text, students.country) == ("students", "RUS")


def test_a_nations_people_of_the_province_are_of_the_region_named_before_them(pipeline):
    text = "Serb police in Vojvodina harassed the Hungarians of the province on Monday."
    [hungarians] = only(events_of(pipeline, text), "harassed").target
    assert hungarians.country == "SRB"
    # some of them too
    text = "Serb police in Vojvodina harassed the Hungarian population of the province on Monday."
    [population] = only(events_of(pipeline, text), "harassed").target
    assert population.country == "SRB"


def test_a_place_an_act_is_said_to_happen_without_is_not_where_it_happens(pipeline):
    text = (
        "Deposed President Jean-Bertrand Aristide has agreed to step aside without returning to Haiti, his"
        " lawyer said Friday."
    )
    assert only(events_of(pipeline, text), "agreed").location is None


def test_the_toll_of_an_attack_on_one_nations_people_is_of_that_nation(pipeline):
    text = "A shelter for Malian refugees was raided by gunmen armed with rifles, killing at least 40 people."
    event = only(events_of(pipeline, text), "raided")
    assert [(a.text, a.country) for a in event.target] == [("Malian refugees", "MLI"), ("people", "MLI")]
