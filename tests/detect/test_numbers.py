from __future__ import annotations

import pytest

from whodid.detect.numbers import load_outcome_words
from whodid.errors import DataFileError


def mention(mentions_of, text, trigger):
    [found] = [m for m in mentions_of(text) if m.trigger_text == trigger]
    return found


def reading(quantity):
    """A quantity as (value, upper, qualifier, approximate), or None."""
    if quantity is None:
        return None
    return (quantity.value, quantity.upper, quantity.qualifier, quantity.approximate)


# -- reading a number phrase ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "killed"),
    [
        ("Twenty-five people were killed near the border.", "killed", 25),
        ("Twenty five people were killed near the border.", "killed", 25),
        ("The militia killed forty-two herders.", "killed", 42),
        ("The bomb killed 1,200 people.", "killed", 1200),
        ("One man was killed in the ambush.", "killed", 1),
        ("A dozen soldiers were killed on the road.", "killed", 12),
        ("Gunmen killed three soldiers and a civilian.", "killed", 4),
    ],
)
def test_digits_and_number_words(mentions_of, text, trigger, killed):
    found = mention(mentions_of, text, trigger).fatalities
    assert (found.value, found.approximate) == (killed, False)


def test_a_hundred_and_some_millions(mentions_of):
    detained = mention(mentions_of, "One hundred and twenty people were detained.", "detained").arrested
    assert (detained.value, detained.text) == (120, "One hundred and twenty")
    marched = mention(mentions_of, "Two million people marched in the capital.", "marched").participants
    assert marched.value == 2_000_000
    marched = mention(mentions_of, "Some 1.5 million people marched.", "marched").participants
    assert reading(marched) == (1_500_000, None, "some", False)


@pytest.mark.parametrize(
    ("text", "trigger", "role", "value"),
    [
        ("Dozens of villagers were injured in the shelling.", "injured", "injured", 24),
        ("Scores of protesters were arrested in the square.", "arrested", "arrested", 40),
        ("Thousands of protesters rallied outside parliament.", "rallied", "participants", 2_000),
        ("Tens of thousands of teachers marched through the city.", "marched", "participants", 20_000),
        ("Hundreds of thousands of people protested on Sunday.", "protested", "participants", 200_000),
    ],
)
def test_vague_amounts_are_their_least_value_and_approximate(mentions_of, text, trigger, role, value):
    found = getattr(mention(mentions_of, text, trigger), role)
    assert (found.value, found.approximate) == (value, True)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The raid killed 10 to 15 people.", 10, 15),
        ("The raid killed 10-15 people.", 10, 15),
        ("Between 10 and 15 people were killed.", 10, 15),
        ("The bombing killed two or three people.", 2, 3),
    ],
)
def test_a_range_is_its_lower_bound_with_the_upper_kept(mentions_of, text, low, high):
    found = mention(mentions_of, text, "killed" if "killed" in text else "bombing").fatalities
    assert (found.value, found.upper) == (low, high)


@pytest.mark.parametrize(
    ("text", "trigger", "role", "value", "qualifier"),
    [
        ("The bomb killed at least 40 people.", "killed", "fatalities", 40, "at least"),
        ("More than a dozen people were arrested.", "arrested", "arrested", 12, "more than"),
        ("Gunmen killed over 30 passengers.", "killed", "fatalities", 30, "over"),
        ("Up to 300 people were detained.", "detained", "arrested", 300, "up to"),
        ("Nearly 2,000 demonstrators marched.", "marched", "participants", 2_000, "nearly"),
        ("A crowd of about 500 gathered to protest.", "protest", "participants", 500, "about"),
        ("Some 2,000 people marched through the city.", "marched", "participants", 2_000, "some"),
        ("Police detained around 60 students.", "detained", "arrested", 60, "around"),
        ("As many as 40 people were wounded.", "wounded", "injured", 40, "as many as"),
    ],
)
def test_qualifiers(mentions_of, text, trigger, role, value, qualifier):
    found = getattr(mention(mentions_of, text, trigger), role)
    assert (found.value, found.qualifier) == (value, qualifier)


def test_a_named_person_is_one(mentions_of):
    arrested = mention(mentions_of, "Police arrested opposition leader Ali Musa.", "arrested").arrested
    assert (arrested.value, arrested.text) == (1, "Ali Musa")


def test_an_article_alone_is_no_count(mentions_of):
    assert mention(mentions_of, "Police arrested a man in the capital.", "arrested").arrested is None


def test_no_one_is_a_stated_zero(mentions_of):
    injured = mention(mentions_of, "No one was hurt in the shelling.", "shelling").injured
    assert (injured.value, injured.text) == (0, "No one")


# -- fatalities ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "killed"),
    [
        ("The killing of three soldiers shocked the town.", "killing", 3),
        ("Gunmen killed 12 villagers on Sunday.", "killed", 12),
        ("Seven civilians were killed in the raid.", "killed", 7),
        ("Seven civilians were killed in the raid.", "raid", 7),
        ("The bomb killed at least 1,200 people.", "killed", 1200),
        ("The assassination of Ahmed Salem drew condemnation.", "assassination", 1),
        ("The shelling left 5 dead.", "shelling", 5),
        ("Militants stormed the hotel, killing at least 12 guests.", "stormed", 12),
        ("The death toll from the bombing rose to 30.", "bombing", 30),
        ("Rebels attacked the town on Sunday, and the death toll rose to 30.", "attacked", 30),
        ("A bombing in the market, 5 dead, shocked the city.", "bombing", 5),
        ("Rebels ambushed a convoy, leaving three soldiers dead.", "ambushed", 3),
        ("Five people died in the attack.", "attack", 5),
        ("Five people were killed when gunmen stormed a bank.", "stormed", 5),
        ("Militants launched an attack on the base, killing 7 soldiers.", "attack", 7),
    ],
)
def test_fatalities(mentions_of, text, trigger, killed):
    assert mention(mentions_of, text, trigger).fatalities.value == killed


def test_at_least_is_kept_as_a_qualifier(mentions_of):
    fatalities = mention(mentions_of, "The bomb killed at least 40 people.", "killed").fatalities
    assert (fatalities.value, fatalities.qualifier) == (40, "at least")


def test_non_lethal_triggers_state_no_fatalities(mentions_of):
    assert mention(mentions_of, "Police arrested 30 protesters.", "arrested").fatalities is None


# -- injured -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "killed", "injured"),
    [
        ("A car bomb exploded near the mosque, killing two and injuring five.", "killing", 2, 5),
        ("A car bomb exploded near the mosque, killing two and injuring five.", "injuring", 2, 5),
        ("Five people were killed and twelve others were wounded in the attack.", "attack", 5, 12),
        ("A bomb exploded at a bus station, 5 dead and 12 injured.", "exploded", 5, 12),
        ("The shooting left three people dead and 12 wounded.", "shooting", 3, 12),
        ("The attack killed 5 and injured 12.", "attack", 5, 12),
    ],
)
def test_injured_beside_the_dead(mentions_of, text, trigger, killed, injured):
    found = mention(mentions_of, text, trigger)
    assert (found.fatalities.value, found.injured.value) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "trigger", "injured"),
    [
        ("Five others were wounded.", "wounded", 5),
        ("Dozens of people were injured in the shelling.", "shelling", 24),
        ("The explosion left 20 injured.", "injured", 20),
        ("Soldiers wounded four smugglers at the crossing.", "wounded", 4),
    ],
)
def test_injured(mentions_of, text, trigger, injured):
    found = mention(mentions_of, text, trigger)
    assert found.injured.value == injured
    assert found.fatalities is None


# -- arrested ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "arrested"),
    [
        ("Police arrested 12 people after the rally.", "arrested", 12),
        ("30 were detained during the protest.", "detained", 30),
        ("The arrest of five suspects was announced on Friday.", "arrest", 5),
        ("Police made 12 arrests during the demonstration.", "arrests", 12),
        ("Thousands rallied in the port, and police arrested 40 of them.", "arrested", 40),
    ],
)
def test_arrested(mentions_of, text, trigger, arrested):
    found = mention(mentions_of, text, trigger)
    assert found.arrested.value == arrested
    assert found.fatalities is None and found.participants is None


def test_only_arrests_count_arrested(mentions_of):
    assert mention(mentions_of, "Gunmen killed 12 villagers on Sunday.", "killed").arrested is None


# -- participants --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "participants"),
    [
        ("Thousands of protesters rallied in the capital.", "rallied", 2_000),
        ("Some 2,000 people marched through the city.", "marched", 2_000),
        ("A crowd of about 500 protested outside the ministry.", "protested", 500),
        ("Thousands joined the protest in the capital.", "protest", 2_000),
        ("Tens of thousands took part in a march against the reform.", "march", 20_000),
        ("Police fired tear gas at a rally of 5,000 people.", "rally", 5_000),
    ],
)
def test_participants(mentions_of, text, trigger, participants):
    assert mention(mentions_of, text, trigger).participants.value == participants


def test_a_number_of_protests_is_a_count_not_participants(mentions_of):
    found = mention(mentions_of, "Two protests took place in the capital.", "protests")
    assert (found.count.value, found.participants) == (2, None)


@pytest.mark.parametrize(
    "text", ["Three parties protested against the law.", "Hamas rallied in Gaza on Friday."]
)
def test_only_counted_people_are_participants(mentions_of, text):
    [protest] = [m for m in mentions_of(text) if m.type == "PROTEST"]
    assert protest.participants is None


# -- which number belongs to which event ---------------------------------------------------------


def test_each_of_two_events_keeps_its_own_number(mentions_of):
    text = "Gunmen killed four villagers on Monday, and police later arrested nine suspects."
    killed, arrested = mention(mentions_of, text, "killed"), mention(mentions_of, text, "arrested")
    assert (killed.fatalities.value, killed.arrested) == (4, None)
    assert (arrested.arrested.value, arrested.fatalities) == (9, None)


def test_a_killing_coordinated_with_its_own_object_is_not_the_first_attacks_outcome(mentions_of):
    text = "Militants attacked a police station and killed three teachers in a school."
    assert mention(mentions_of, text, "attacked").fatalities is None
    assert mention(mentions_of, text, "killed").fatalities.value == 3


def test_deaths_after_an_arrest_are_not_the_arrests(mentions_of):
    text = "Police arrested 30 protesters and 5 people were killed."
    arrested = mention(mentions_of, text, "arrested")
    assert (arrested.arrested.value, arrested.fatalities) == (30, None)


def test_a_clause_with_its_own_time_and_actors_is_not_an_outcome(mentions_of):
    text = "Soldiers raided the camp after militants killed 5 soldiers."
    assert mention(mentions_of, text, "raided").fatalities is None


@pytest.mark.parametrize(
    ("text", "trigger", "role", "value"),
    [
        ("Gunmen attacked a bus in 2023, killing 4.", "attacked", "fatalities", 4),
        ("Police detained 12 people on 5 May.", "detained", "arrested", 12),
        ("The blast destroyed 3 vehicles and injured 4 people.", "injured", "injured", 4),
    ],
)
def test_years_dates_and_things_are_never_people(mentions_of, text, trigger, role, value):
    assert getattr(mention(mentions_of, text, trigger), role).value == value


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Rebels attacked 3 vehicles on 12 May.", "attacked"),
        ("The blast destroyed 3 vehicles and injured 4 people.", "destroyed"),
        ("Protesters rallied in 30 cities on 12 May.", "rallied"),
        ("Rebels shelled the town in 2023.", "shelled"),
    ],
)
def test_no_people_count_from_years_dates_or_things(mentions_of, text, trigger):
    found = mention(mentions_of, text, trigger)
    assert (found.fatalities, found.injured, found.arrested, found.participants) == (None, None, None, None)


# -- counts of events ----------------------------------------------------------------------------


def test_a_count_on_the_event_noun(mentions_of):
    found = mention(mentions_of, "The militia carried out 25 attacks against army posts.", "attacks")
    assert found.count.value == 25
    assert found.fatalities is None


def test_a_vague_count_of_events(mentions_of):
    found = mention(mentions_of, "Militants carried out dozens of attacks in the region.", "attacks")
    assert reading(found.count) == (24, None, None, True)


def test_a_year_before_the_event_noun_is_no_count(mentions_of):
    assert mention(mentions_of, "The 2023 protest drew a large crowd.", "protest").count is None


# -- the outcome words data file -----------------------------------------------------------------


def test_the_outcome_words_load_from_their_data_file():
    words = load_outcome_words()
    assert {"villager", "protester", "people"} <= words.people_nouns
    assert "kill" in words.death_words and "arrest" in words.arrest_words


def test_a_malformed_outcome_words_file_names_the_bad_list(tmp_path):
    path = tmp_path / "outcomes.yaml"
    path.write_text("death_words: kill\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="death_words"):
        load_outcome_words(path)


def test_deaths_counted_where_their_cause_is_given_belong_to_the_cause(pipeline):
    [firing] = pipeline.extract(
        "Officials said 31 deaths due to police firing were reported from the district."
    )
    assert firing.evidence.trigger_text == "firing"
    assert firing.fatalities is not None and firing.fatalities.value == 31
