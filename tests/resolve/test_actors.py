"""The actor knowledge base, loaded from the shipped data files (no mocks)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from whodid.resolve.actors import ActorKB

SPRING_2024 = date(2024, 3, 1)


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.default()


def found(kb: ActorKB, text: str, when: date | None = None) -> list[tuple[str, str | None, str | None]]:
    return [(actor.text, actor.country, actor.sector) for actor in kb.find(text, when=when)]


def test_default_is_loaded_once(kb: ActorKB) -> None:
    assert ActorKB.default() is kb


def test_every_actor_field_is_filled_for_a_country(kb: ActorKB) -> None:
    [iraq] = kb.find("Iraq protested.")
    assert (iraq.name, iraq.actor_id, iraq.country, iraq.sector, iraq.kind, iraq.acled_inter) == (
        "Iraq", "IRQ", "IRQ", "GOV", "state", 1,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("US soldiers were wounded.", "USA", "MIL"),
        ("Iraqi resistance factions fired rockets.", "IRQ", "REB"),
        ("British troops left.", "GBR", "MIL"),
        ("Israeli settlers attacked the village.", "ISR", "CVL"),
        ("Iraq's parliament voted.", "IRQ", "LEG"),
        ("Iraqi armed forces deployed.", "IRQ", "MIL"),
        ("Palestinian youths threw stones.", "PSE", "CVL"),
        ("Israeli tanks shelled the camp.", "ISR", "MIL"),
        ("British aircraft bombed the depot.", "GBR", "MIL"),
    ],
)
def test_a_demonym_gives_the_agent_its_country(kb: ActorKB, text: str, country: str, sector: str) -> None:
    first = kb.find(text)[0]
    assert (first.country, first.sector) == (country, sector)
    assert first.span[0] == 0


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Police detained dozens of supporters.", "CVL"),
        ("The charity helped 550 households.", "CVL"),
        ("Prosecutors opened investigations into hundreds of banks.", "BUS"),
        ("The ban on aid agencies stays.", "NGO"),
        ("Troops overran a Karen guerrilla camp.", "REB"),
    ],
)
def test_generic_people_and_bodies_news_names(kb: ActorKB, text: str, sector: str) -> None:
    assert sector in [actor.sector for actor in kb.find(text)]


@pytest.mark.parametrize(
    ("text", "name", "sector"),
    [
        ("the wounded", "wounded", "CVL"),
        ("wounded soldiers", "soldiers", "MIL"),  # a state of people, not who they are
        ("the largest Protestant extremist organization", "extremist organization", "REB"),
        ("Coptic villagers", "villagers", "CVL"),  # a faith qualifies people, it names no unknown nation
    ],
)
def test_victims_extremist_organisations_and_faiths(kb: ActorKB, text: str, name: str, sector: str) -> None:
    actor = kb.resolve(text)
    assert actor is not None and (actor.text, actor.sector) == (name, sector)


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Several student groups marched.", "EDU"),
        ("An international aid group left.", "NGO"),
        ("The group claimed the attack.", "REB"),  # alone, a group is an armed one
    ],
)
def test_a_group_of_generic_people_is_those_people(kb: ActorKB, text: str, sector: str) -> None:
    assert [actor.sector for actor in kb.find(text)] == [sector]


@pytest.mark.parametrize("text", ["Guerrilla commandos blew up a pylon.", "Insurgent troops took the hill."])
def test_an_armed_groups_word_before_a_soldiers_word_says_whose_fighters_they_are(
    kb: ActorKB, text: str
) -> None:
    [actor] = kb.find(text)
    assert (actor.text.lower(), actor.sector) == (" ".join(text.lower().split()[:2]), "REB")


def test_drones_named_by_their_make_stand_for_the_forces_that_fly_them(kb: ActorKB) -> None:
    assert found(kb, "Recent US Predator attacks") == [("US Predator", "USA", "MIL")]
    assert [actor.text for actor in kb.find("police arrested a sexual predator")] == ["police"]


@pytest.mark.parametrize("text", ["Opposition groups marched.", "An opposition coalition formed."])
def test_an_opposition_group_or_coalition_is_the_opposition(kb: ActorKB, text: str) -> None:
    assert [actor.sector for actor in kb.find(text)] == ["OPP"]


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Two journalists were detained.", "JRN"),
        ("The newspaper was closed.", "JRN"),
        ("Doctors staged a walkout.", "MED"),
        ("The nurses went on strike.", "MED"),
    ],
)
def test_media_and_health_have_plovers_sector_codes(kb: ActorKB, text: str, sector: str) -> None:
    """PLOVER renamed CAMEO's codes: media is JRN, and MED is health (CAMEO's HLH)."""
    assert [actor.sector for actor in kb.find(text)] == [sector]


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("The UN Security Council met on Friday.", "GOV"),
        ("UNIFIL patrols resumed.", "MIL"),
        ("The UN refugee agency appealed for funds.", "REF"),
        ("The United Nations appealed for funds.", "IGO"),
    ],
)
def test_an_organ_of_an_international_body_has_the_sector_of_its_part(
    kb: ActorKB, text: str, sector: str
) -> None:
    [body] = kb.find(text)
    assert (body.kind, body.country, body.sector, body.acled_inter) == ("igo", None, sector, 8)


def test_a_bare_agent_has_a_sector_but_no_country(kb: ActorKB) -> None:
    [gunmen] = kb.find("Unidentified gunmen opened fire.")
    assert (gunmen.text, gunmen.country, gunmen.sector, gunmen.acled_inter) == ("gunmen", None, "REB", 2)


def test_demonym_alone_and_plural_nationality(kb: ActorKB) -> None:
    assert found(kb, "an Iraqi said") == [("Iraqi", "IRQ", "GOV")]
    [iraqis] = kb.find("Iraqis marched.")
    assert (iraqis.country, iraqis.sector, iraqis.acled_inter) == ("IRQ", "CVL", 7)


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Washington warned Tehran.", "USA", "GOV"),
        ("Moscow denied it.", "RUS", "GOV"),
        ("Kyiv said so.", "UKR", "GOV"),
        ("Jerusalem rejected the plan.", "ISR", "GOV"),
        ("the Kremlin said", "RUS", "GOV"),
        ("the White House said", "USA", "GOV"),
        ("the Pentagon said", "USA", "MIL"),
    ],
)
def test_capitals_and_seats_stand_for_governments(kb: ActorKB, text: str, country: str, sector: str) -> None:
    first = kb.find(text)[0]
    assert (first.country, first.sector) == (country, sector)


@pytest.mark.parametrize(
    "text",
    [
        "Kataib Hezbollah claimed it.",
        "Kata'ib Hizballah claimed it.",
        "Kata’ib Hizballah claimed it.",
        "Kataib-Hezbollah claimed it.",
        "the Hezbollah Brigades claimed it.",
        "KH claimed it.",
    ],
)
def test_aliases_and_spelling_variants(kb: ActorKB, text: str) -> None:
    assert kb.find(text)[0].actor_id == "kataib-hezbollah"


def test_short_all_caps_aliases_match_only_in_capitals(kb: ActorKB) -> None:
    assert kb.find("The IRI and the PMF met the KDP.")[0].actor_id == "islamic-resistance-in-iraq"
    assert [a.actor_id for a in kb.find("The IRI and the PMF met the KDP.")] == [
        "islamic-resistance-in-iraq", "popular-mobilization-forces", "kurdistan-democratic-party",
    ]  # fmt: skip
    assert kb.find("the kdp and the pmf") == []


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("The ILO criticised the law.", "international-labour-organization"),
        ("The International Labor Office criticised the law.", "international-labour-organization"),
        ("The WHO warned of an outbreak.", "world-health-organization"),
        ("The UN refugee agency opened a camp.", "unhcr"),
        ("G20 ministers met in Rome.", "group-of-twenty"),
        ("UNIFIL peacekeepers patrolled the border.", "unifil"),
    ],
)
def test_international_bodies_by_the_names_news_uses(kb: ActorKB, text: str, actor_id: str) -> None:
    assert kb.find(text)[0].actor_id == actor_id


def test_who_the_pronoun_is_no_organisation(kb: ActorKB) -> None:
    assert kb.find("Who attacked the convoy? Who fled?") == []


def test_us_pronoun_is_not_the_united_states(kb: ActorKB) -> None:
    assert kb.find("They told us to leave.") == []
    assert found(kb, "They told US officials to leave.") == [("US officials", "USA", "GOV")]
    assert found(kb, "U.S. forces left.") == [("U.S. forces", "USA", "MIL")]


def test_spans_are_exact_and_shifted_by_offset(kb: ActorKB) -> None:
    text = "On Monday, the Iraqi prime minister met Kamala Harris in Washington."
    for actor in kb.find(text, offset=100):
        start, end = actor.span
        assert text[start - 100 : end - 100] == actor.text
    assert [a.text for a in kb.find(text)] == ["Iraqi prime minister", "Kamala Harris", "Washington"]


def test_al_prefix_is_optional_and_kept_in_the_span(kb: ActorKB) -> None:
    [sudani] = kb.find("He met al-Sudani.")
    assert (sudani.text, sudani.actor_id) == ("al-Sudani", "mohammed-shia-al-sudani")
    assert kb.find("He met Sudani.")[0].actor_id == "mohammed-shia-al-sudani"


def test_a_comma_ends_a_name(kb: ActorKB) -> None:
    assert [a.text for a in kb.find("In Iraq, soldiers waited.")] == ["Iraq", "soldiers"]


def test_office_resolves_to_its_holder_on_the_date(kb: ActorKB) -> None:
    [pm] = kb.find("the Iraqi prime minister", when=SPRING_2024)
    assert (pm.name, pm.kind, pm.country, pm.sector) == ("Mohammed Shia al-Sudani", "person", "IRQ", "GOV")
    [vp] = kb.find("the US vice president", when=SPRING_2024)
    assert vp.name == "Kamala Harris"
    [later] = kb.find("the US vice president", when=date(2026, 1, 1))
    assert later.name != "Kamala Harris"
    [undated] = kb.find("the US vice president")
    assert (undated.kind, undated.country, undated.sector) == ("agent", "USA", "GOV")


def test_president_by_date(kb: ActorKB) -> None:
    assert kb.find("the US president", when=date(2019, 6, 1))[0].name == "Donald Trump"
    assert kb.find("the US president", when=SPRING_2024)[0].name == "Joe Biden"
    assert kb.find("the US president", when=date(2025, 6, 1))[0].name == "Donald Trump"


def test_title_and_name_are_one_mention(kb: ActorKB) -> None:
    [harris] = kb.find("US Vice President Kamala Harris invited him.")
    assert (harris.text, harris.actor_id) == ("US Vice President Kamala Harris", "kamala-harris")


def test_ambassador_to_a_country(kb: ActorKB) -> None:
    [envoy] = kb.find("the US ambassador to Iraq met him", when=SPRING_2024)
    assert envoy.actor_id == "alina-romanowski"
    [spelled] = kb.find("Ambassador Elena Romansky said")
    assert spelled.actor_id == "alina-romanowski"


@pytest.mark.parametrize(
    ("phrase", "actor_id", "country", "sector"),
    [
        ("an Iraqi Hezbollah Brigades leader", "kataib-hezbollah", "IRQ", "REB"),
        ("Washington", "USA", "USA", "GOV"),
        ("the Kurdistan Democratic Party", "kurdistan-democratic-party", "IRQ", "PTY"),
        ("US forces", "USAMIL", "USA", "MIL"),
        ("Lebanon's Hezbollah", "hezbollah", "LBN", "REB"),
        ("a senior leader of the Islamic Resistance in Iraq", "islamic-resistance-in-iraq", "IRQ", "REB"),
        ("the Russian Foreign Ministry", "russia-foreign-ministry", "RUS", "GOV"),
        ("the US Treasury", "us-treasury", "USA", "GOV"),
        ("Sunni factions", "agent:armed groups", None, "REB"),
    ],
)
def test_resolve_a_phrase(kb: ActorKB, phrase: str, actor_id: str, country: str | None, sector: str) -> None:
    actor = kb.resolve(phrase, when=SPRING_2024)
    assert actor is not None
    assert (actor.actor_id, actor.country, actor.sector) == (actor_id, country, sector)


def test_resolve_returns_none_for_pronouns_and_unknown_names(kb: ActorKB) -> None:
    assert kb.resolve("him") is None
    assert kb.resolve("Zorblat Fennimore") is None
    assert kb.resolve("the Zorblat Brigades in Iraq") is None  # not Iraq: the caller keeps the name


def test_resolve_shifts_the_span(kb: ActorKB) -> None:
    actor = kb.resolve("the US soldiers", span=(40, 55))
    assert actor is not None and actor.span == (44, 55)


def test_user_file_extends_the_default(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "actors:\n"
        "  - {id: zorblat-brigades, name: Zorblat Brigades, aliases: [Zorblatis], kind: armed_group,\n"
        "     country: IRQ, sector: REB}\n"
        "agents:\n"
        "  - {name: smugglers of fuel, terms: [fuel smugglers], sector: CRM}\n",
        encoding="utf-8",
    )
    kb = ActorKB.from_files(extra)
    [group] = kb.find("The Zorblatis attacked.")
    assert (group.actor_id, group.country, group.acled_inter) == ("zorblat-brigades", "IRQ", 2)
    assert kb.find("Iraqi fuel smugglers fled.")[0].sector == "CRM"
    assert kb.find("Iraq")[0].actor_id == "IRQ"  # the shipped data is still there


def test_only_the_given_files(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("agents:\n  - {name: guards, terms: [guards], sector: COP}\n", encoding="utf-8")
    kb = ActorKB.from_files(extra, include_default=False)
    assert found(kb, "Iraq guards") == [("guards", None, "COP")]


def test_every_pycountry_country_is_known(kb: ActorKB) -> None:
    import pycountry

    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in kb.entries]
    assert missing == []


def test_armed_groups_from_the_phoenix_dictionary_resolve_with_their_country(kb: ActorKB) -> None:
    [path] = kb.find("Shining Path guerrillas blew up a pylon.")
    assert (path.name, path.kind, path.country, path.acled_inter) == ("Shining Path", "armed_group", "PER", 2)
    [farc] = kb.find("FARC rebels attacked the post.")
    assert (farc.name, farc.country) == ("Revolutionary Armed Forces of Colombia", "COL")
    [lashkar] = kb.find("Lashkar-e-Taiba denied the attack.")
    assert (lashkar.actor_id, lashkar.kind) == ("lashkar-e-taiba", "armed_group")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # coded by the dictionary only with a region, or a miswritten code: their home from our file
        ("The Revolutionary United Front freed the peacekeepers.", "Revolutionary United Front", "SLE"),
        ("UNITA rebels shelled the town.", "UNITA", "AGO"),
        # other names the dictionary lacks
        ("The Liberation Tigers ambushed a patrol.", "Liberation Tigers of Tamil Eelam", "LKA"),
        ("LRA fighters raided the village.", "Lord's Resistance Army", "UGA"),
        ("The FIS called a strike.", "Islamic Salvation Front", "DZA"),
    ],
)
def test_converted_groups_have_their_home_country_and_common_names(
    kb: ActorKB, text: str, name: str, country: str
) -> None:
    [group] = [actor for actor in kb.find(text) if actor.kind == "armed_group"]
    assert (group.name, group.country) == (name, country)


def test_converted_groups_give_way_to_hand_written_actors_and_ordinary_words(kb: ActorKB) -> None:
    assert kb.find("Hezbollah fired rockets.")[0].actor_id == "hezbollah"  # actors.yaml, not the dictionary
    # Abbreviations that are English words, dates and a leader's name are not groups.
    for text in ("LET US PRAY FOR THE CAR.", "The attack of 17 November failed.", "Hafiz Saeed spoke."):
        assert not [actor for actor in kb.find(text) if actor.kind == "armed_group"], text


def test_officials_from_the_phoenix_dictionary_are_what_their_roles_make_them_on_the_day(kb: ActorKB) -> None:
    # Kyrgyzstan's president from 1990 to 2005; a former official after.
    assert found(kb, "Askar Akayev agreed.", when=date(2003, 6, 1)) == [("Askar Akayev", "KGZ", "GOV")]
    assert found(kb, "Askar Akayev agreed.", when=date(2010, 6, 1)) == [("Askar Akayev", "KGZ", "ELI")]
    # With no date, what the latest office made them.
    [clinton] = kb.find("President Bill Clinton imposed sanctions.")
    assert (clinton.actor_id, clinton.kind, clinton.country, clinton.sector) == (
        "bill-clinton",
        "person",
        "USA",
        "GOV",
    )
    [_, ouattara] = kb.find("Rebels rejected an appeal by Alassane Ouattara.")
    assert (ouattara.name, ouattara.country) == ("Alassane Ouattara", "CIV")


def test_a_shared_surname_after_a_title_is_the_office_only_where_all_its_bearers_held_it_in_one_country(
    tmp_path,
) -> None:
    presidents = [("Ann Varga", "HUN"), ("Bela Varga", "HUN"), ("Ida Kovacs", "HUN"), ("Jon Kovacs", "SVK")]
    people = tmp_path / "people.yaml"
    people.write_text(
        "actors:\n"
        + "".join(
            f"  - {{id: {name.lower().replace(' ', '-')}, name: {name}, aliases: [President {name}],"
            f" kind: person, country: {country}, sector: GOV}}\n"
            for name, country in presidents
        ),
        encoding="utf-8",
    )
    kb = ActorKB.from_files(people)
    [varga] = kb.find("President Varga spoke.")
    assert (varga.text, varga.kind, varga.country, varga.sector) == ("President Varga", "agent", "HUN", "GOV")
    # Presidents of two states share the name: no country can be told.
    assert [actor.country for actor in kb.find("President Kovacs spoke.")] == [None]


def test_religious_leaders_are_known_with_their_country(kb: ActorKB) -> None:
    [tutu] = kb.find("Archbishop Desmond Tutu called for sanctions.")
    assert (tutu.actor_id, tutu.country, tutu.sector) == ("desmond-tutu", "ZAF", "REL")
    [sistani] = kb.find("Grand Ayatollah Ali al-Sistani urged calm.")
    assert (sistani.country, sistani.sector) == ("IRQ", "REL")


def test_an_international_bodys_troops_are_its_armed_part_but_its_machines_are_the_body(kb: ActorKB) -> None:
    [peacekeepers] = kb.find("UN peacekeepers left the town.")
    assert (peacekeepers.actor_id, peacekeepers.kind, peacekeepers.sector) == ("united-nations", "igo", "MIL")
    [helicopters] = kb.find("U.N. helicopters took off.")
    assert (helicopters.actor_id, helicopters.sector) == ("united-nations", "IGO")
    [contingent] = kb.find("Bangladeshi peacekeeping troops arrived.")
    assert (contingent.country, contingent.sector, contingent.acled_inter) == ("BGD", "MIL", 8)


def test_converted_people_give_way_to_hand_written_ones_and_to_shared_names(kb: ActorKB) -> None:
    assert kb.find("Mohammed Shia al-Sudani spoke.")[0].actor_id == "mohammed-shia-al-sudani"
    # Two presidents Bush: the name alone is neither.
    assert not [actor for actor in kb.find("President Bush spoke.") if actor.kind == "person"]


def test_a_surname_after_an_office_title_is_the_one_person_of_that_name(kb: ActorKB) -> None:
    [mugabe] = kb.find("President Mugabe spoke.")
    assert (mugabe.text, mugabe.actor_id, mugabe.country) == ("President Mugabe", "robert-mugabe", "ZWE")
    # Two presidents Bush: only a date tells which; with none, both were the American president.
    [office] = kb.find("President Bush spoke.")
    assert (office.text, office.kind, office.country) == ("President Bush", "agent", "USA")
    [bush] = kb.find("President Bush spoke.", when=date(1990, 5, 1))
    assert (bush.actor_id, bush.sector) == ("george-herbert-walker-bush", "GOV")
    # A surname no one in the knowledge base has stays unknown, and so does a first name.
    assert [actor.kind for actor in kb.find("President Zorblat spoke.")] == ["agent"]
    assert [actor.kind for actor in kb.find("Defence Secretary Tom Zorblat spoke.")] == ["agent"]


def test_organisations_from_the_phoenix_dictionary_resolve_with_their_kind(kb: ActorKB) -> None:
    [iaea] = kb.find("The International Atomic Energy Agency sent inspectors.")
    assert (iaea.actor_id, iaea.kind, iaea.sector, iaea.country) == (
        "international-atomic-energy-agency",
        "igo",
        "IGO",
        None,
    )
    # An abbreviation listed apart under the same code is the organisation's alias, in capitals only.
    assert [a.actor_id for a in kb.find("IAEA inspectors left.")] == ["international-atomic-energy-agency"]
    [council] = kb.find("The Norwegian Refugee Council appealed for funds.")
    assert (council.kind, council.country) == ("ngo", "NOR")
    # Hand-written IGOs win; their other spellings are theirs.
    [osce] = kb.find("The Organisation for Security and Co-operation in Europe sent monitors.")
    assert osce.actor_id == "osce"
    [community] = kb.find("European Community foreign ministers agreed.")
    assert (community.actor_id, community.kind) == ("european-community", "igo")


def test_a_name_spelt_almost_as_one_known_is_that_actor(kb: ActorKB) -> None:
    bouteflika = kb.spelled_like("Abdelaziz Bouteflicka", (10, 31))
    assert bouteflika is not None
    assert (bouteflika.name, bouteflika.country, bouteflika.span) == ("Abdelaziz Bouteflika", "DZA", (10, 31))
    assert kb.spelled_like("Vladimir Puttin", (0, 15)).actor_id == "vladimir-putin"
    # One word is too short to tell a typo from another name; nothing close is nothing.
    assert kb.spelled_like("Puttin", (0, 6)) is None
    assert kb.spelled_like("Zorblat Quennix", (0, 15)) is None


def test_in_one_noun_phrase_a_country_reaches_its_agent_over_other_words(kb: ActorKB) -> None:
    paper = kb.resolve("French paper workers")
    assert paper is not None and (paper.country, paper.sector) == ("FRA", "LAB")
    # Over running text only the listed adjectives may come between: "French" here is no workers'.
    assert [(a.text, a.country) for a in kb.find("French paper workers blocked the road.")] == [
        ("French", "FRA"),
        ("workers", None),
    ]


def test_generic_agents_from_the_phoenix_dictionary_have_their_sectors(kb: ActorKB) -> None:
    assert found(kb, "Peasants blocked the road.") == [("Peasants", None, "AGR")]
    assert found(kb, "Iraqi cattlemen protested.") == [("Iraqi cattlemen", "IRQ", "AGR")]
    assert found(kb, "The archbishop condemned the raid.") == [("archbishop", None, "REL")]
    # Hand-written agents win on the same noun, and adjectives of identity are no agents.
    assert kb.find("Police arrested him.")[0].actor_id == "agent:police"
    assert kb.find("Islamic leaders met.")[0].actor_id == "agent:leaders"


def test_state_bodies_from_the_phoenix_country_dictionary(kb: ActorKB) -> None:
    assert found(kb, "The Peshmerga took the ridge.") == [("Peshmerga", "IRQ", "MIL")]
    assert found(kb, "Shin Bet made arrests.") == [("Shin Bet", "ISR", "SPY")]
    assert found(kb, "The Lok Sabha passed the bill.") == [("Lok Sabha", "IND", "LEG")]
    # The converted state body wins over a small group's other name.
    assert kb.find("PLA units moved.")[0].actor_id == "peoples-liberation-army"


def test_a_name_with_a_possessive_inside_matches_as_written(kb: ActorKB) -> None:
    assert [a.actor_id for a in kb.find("The People's Protection Units attacked.")] == ["ypg"]
    assert [a.actor_id for a in kb.find("The Tigray People's Liberation Front said.")] == ["tplf"]
    # A possessive the name does not have still ends it: Iraq's army is Iraq's, Hamas's wing is Hamas.
    assert [(a.text, a.actor_id) for a in kb.find("Iraq's army attacked.")] == [("Iraq's army", "IRQMIL")]
    assert [a.actor_id for a in kb.find("Hamas's armed wing fired.")] == ["hamas"]


def test_the_un_secretary_general_is_whoever_held_the_office_on_the_date(kb: ActorKB) -> None:
    assert kb.find("the UN secretary-general", when=date(1994, 6, 1))[0].name == "Boutros Boutros-Ghali"
    assert kb.find("the UN secretary-general", when=date(2003, 6, 1))[0].name == "Kofi Annan"
    assert kb.find("the UN secretary-general", when=date(2020, 6, 1))[0].name == "António Guterres"


def test_a_known_name_ending_a_longer_unknown_one_is_not_that_actor(kb: ActorKB) -> None:
    assert kb.resolve("Nigeria Labour Congress") is None  # not the US Congress: the caller keeps the name
    assert kb.resolve("US Congress").country == "USA"
    assert kb.resolve("Lebanese Hezbollah").name == kb.resolve("Hezbollah").name  # a demonym is no name


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("a prominent anti-Syria journalist", "journalists", None),
        ("pro-Russian separatists", "rebels", None),
        ("Pro-Russian rebels", "rebels", None),
        ("the pro-Iranian Hizbollah group", "Hezbollah", "LBN"),
        ("Russian separatists", "Russian rebels", "RUS"),  # no prefix: whose they are
    ],
)
def test_a_country_after_anti_or_pro_is_a_stance_not_an_owner(
    kb: ActorKB, text: str, name: str, country: str | None
) -> None:
    actor = kb.resolve(text)
    assert actor is not None and (actor.name, actor.country) == (name, country)


def test_an_unknown_name_that_starts_with_anti_stays_a_name(kb: ActorKB) -> None:
    assert kb.resolve("Anti-Balaka militia") is None  # the caller keeps the name it does not know


@pytest.mark.parametrize(
    ("text", "country"), [("Ethopia", "ETH"), ("Afganistan", "AFG"), ("Austrailia", "AUS")]
)
def test_a_countrys_name_misspelt_is_that_country(kb: ActorKB, text: str, country: str) -> None:
    actor = kb.country_spelled_like(text, (0, len(text)))
    assert actor is not None and (actor.country, actor.kind) == (country, "state")


@pytest.mark.parametrize("text", ["Nigera", "Samarra", "Kandahar", "Gorazde", "Columbia"])
def test_a_short_name_or_a_town_is_no_misspelt_country(kb: ActorKB, text: str) -> None:
    # "Nigera" could be Niger or Nigeria; towns are no countries at all.
    assert kb.country_spelled_like(text, (0, len(text))) is None


@pytest.mark.parametrize(
    ("text", "country"),
    [("Bosnia", "BIH"), ("the Soviet Union", "RUS"), ("Soviet troops", "RUS"), ("Kampuchea", "KHM")],
)
def test_countries_by_short_and_former_names(kb: ActorKB, text: str, country: str) -> None:
    actor = kb.resolve(text)
    assert actor is not None and actor.country == country


def test_inmates_are_prisoners(kb: ActorKB) -> None:
    assert ("inmate", None, "CVL") in found(kb, "Guards beat an inmate.")


def test_elders_are_notables_and_ethnic_names_are_no_unknown_names(kb: ActorKB) -> None:
    [elders] = kb.find("Igbo traditional elders demanded a share of the posts.")
    assert (elders.sector, elders.country) == ("ELI", None)


def test_a_named_operation_is_found_right_before_the_act_it_names(kb: ActorKB) -> None:
    text = "Few expected the Hamas-led Al-Aqsa Flood operation."
    operation, span = kb.operation_before(text, text.index("operation"))
    assert (operation.actor, operation.target, text[slice(*span)]) == ("hamas", "ISR", "Al-Aqsa Flood")
    # not a common phrase the name shares, nor a name further off
    assert kb.operation_before("They offered an olive branch attack.", 30) is None
    text = "After Operation Sindoor, a new attack came."
    assert kb.operation_before(text, text.index("attack")) is None


def test_the_bare_agent_a_phrase_ends_with_has_no_country(kb: ActorKB) -> None:
    militia = kb.bare_agent("Israel's militia")
    assert militia is not None and (militia.kind, militia.country, militia.sector) == ("agent", None, "REB")
    assert kb.bare_agent("Liberian security forces").sector == "COP"
    assert kb.bare_agent("Liberia") is None


@pytest.mark.parametrize(
    ("name", "civil"),
    [
        ("Association of Sahel Jurists", True),  # the head before "of"
        ("Coastal Fisheries Forum", True),
        ("Ceasefire Monitoring Committee", True),
        ("Members of the Association", True),  # the recogniser took in who they are
        ("Grand Council of Varnia", False),  # a council may be a government's or a faction's
        ("Varnian Liberation Front", False),
    ],
)
def test_an_organisation_name_headed_by_a_civil_society_word_names_an_ngo(
    kb: ActorKB, name: str, civil: bool
) -> None:
    assert kb.names_civil_society(name) is civil


def test_a_nations_word_before_a_word_for_a_tongue_names_no_actor(kb: ActorKB) -> None:
    assert kb.resolve("the use of the Hungarian language") is None
    found = kb.find("Teaching in the Hungarian language was banned by Hungarian police.")
    assert [actor.text for actor in found] == ["Hungarian police"]
    assert kb.resolve("the Hungarian government").country == "HUN"


@pytest.mark.parametrize(
    ("words", "on", "actor_id"),
    [
        ("King Hussein", date(1990, 5, 1), "hussein-bin-talal"),
        ("King Fahd", date(1995, 5, 1), "fahd-bin-abd-al-aziz-al-saud"),
        ("the Moroccan king", date(1985, 5, 1), "hassan-ii"),
    ],
)
def test_monarchs_named_by_title_and_first_name_are_the_kings_they_were(
    kb: ActorKB, words: str, on: date, actor_id: str
) -> None:
    assert kb.resolve(words, when=on).actor_id == actor_id


@pytest.mark.parametrize(
    ("words", "country"),
    [
        ("the Mugabe government", "ZWE"),
        ("the Bush administration", "USA"),  # two American presidents and a Caymanian minister
    ],
)
def test_a_government_word_after_a_leaders_surname_is_that_leaders_countrys(
    kb: ActorKB, words: str, country: str
) -> None:
    assert kb.resolve(words).country == country
    # not a surname of many countries' officials, nor a first name before a title ("Tom King")
    assert kb.resolve("the Smith government") is None
    found = kb.find("British Defence Secretary Tom King said the troops would stay.")
    assert {actor.country for actor in found} <= {"GBR", None}
