"""Place names in parsed sentences: place words, mislabelled towns, and which place situates which."""

from __future__ import annotations

from pathlib import Path

import pytest

from whodid.detect.lexicon import load_lexicon
from whodid.detect.mentions import detect_article
from whodid.detect.places import load_place_words, place_phrases
from whodid.errors import DataFileError
from whodid.records import PlacePhrase


def places_of(nlp, text: str) -> list[PlacePhrase]:
    doc = nlp(text)
    lexicon = load_lexicon()
    words = load_place_words()
    found: list[PlacePhrase] = []
    for sentence in doc.sents:
        entities = [e for e in doc.ents if sentence.start <= e.start and e.end <= sentence.end]
        found += place_phrases(
            sentence, entities, set(), words, frozenset(lexicon.nouns), lexicon.agent_nouns
        )
    return found


def by_text(places: list[PlacePhrase]) -> dict[str, PlacePhrase]:
    return {place.text: place for place in places}


def test_a_place_word_makes_a_name_a_place_and_says_its_kind(nlp) -> None:
    places = by_text(places_of(nlp, "Gunmen attacked the village of Tamthil at dawn."))
    assert "Tamthil" in places
    assert places["Tamthil"].kind_word == "village"
    assert not places["Tamthil"].needs_gazetteer


def test_the_landmark_situates_the_town_before_it(nlp) -> None:
    text = "Two farmers were killed in Mahmudiyah, just south of Baghdad, on Saturday."
    places = by_text(places_of(nlp, text))
    assert places["Baghdad"].locates == places["Mahmudiyah"].span
    assert places["Mahmudiyah"].locates is None


def test_a_modifier_city_situates_the_neighbourhood_named_by_of(nlp) -> None:
    text = "In the southern Baghdad neighbourhood of Dora, a roadside bomb killed two policemen."
    places = by_text(places_of(nlp, text))
    assert places["Baghdad"].locates == places["Dora"].span


def test_a_province_word_is_dropped_from_the_name_but_kept_as_its_kind(nlp) -> None:
    places = by_text(places_of(nlp, "Militants shelled two villages in Diyala province on Monday."))
    assert "Diyala" in places and "Diyala province" not in places
    assert places["Diyala"].kind_word == "province"


def test_a_lower_case_direction_is_not_part_of_the_name(nlp) -> None:
    places = by_text(places_of(nlp, "Rebels attacked a convoy in eastern Chad on Tuesday."))
    assert "Chad" in places


def test_a_nationality_before_a_person_is_no_place(nlp) -> None:
    assert "U.S." not in by_text(places_of(nlp, "A grenade killed a U.S. soldier near the market."))


def test_a_city_before_a_building_is_where_it_stands(nlp) -> None:
    places = by_text(places_of(nlp, "Protesters gathered outside a Nairobi hotel on Friday."))
    assert places["Nairobi"].modifier and places["Nairobi"].kind_word == "hotel"


def test_the_object_of_a_verb_of_taking_ground_needs_the_gazetteer_only_if_a_person_could_stand_there(
    nlp,
) -> None:
    places = places_of(nlp, "Government troops liberated Palmyra after a long battle.")
    palmyra = next(place for place in places if place.text == "Palmyra")
    assert not palmyra.needs_notable  # people are not liberated


def test_article_detection_lists_places_in_sentences_without_events(nlp) -> None:
    doc = nlp("Mopti lies on the Niger river. Rebels attacked the town of Kona on Monday.")
    mentions, placed = detect_article(doc, "a")
    assert [m.trigger_text for m in mentions] == ["attacked"]
    named = [place.text for sentence in placed for place in sentence.places]
    assert "Mopti" in named and "Kona" not in named  # Kona is in the event's sentence
    assert [sentence.sentence.index for sentence in placed] == [0]


def test_a_malformed_place_words_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "places.yaml"
    bad.write_text("place_nouns: {town: 7}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="precision of 1, 2 or 3"):
        load_place_words(bad)
    bad.write_text("place_nouns: {town: 1}\nsite_nouns: hotel\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="site_nouns"):
        load_place_words(bad)


def test_an_acronym_after_an_organisations_name_is_no_place_it_names(nlp) -> None:
    # "Office" is a place noun, and a town in Peru is called Ilo.
    text = "The International Labor Office (ILO) urged Israel to ease restrictions on workers."
    assert "ILO" not in by_text(places_of(nlp, text))


@pytest.mark.parametrize(
    ("text", "surname", "place"),
    [
        ("The talks may stop, Dutch Foreign Minister Hans Van den Broek said on Tuesday.", "Broek", None),
        ("Police arrested Ursula von der Leyen in Brussels on Monday.", "Leyen", "Brussels"),
        ("Police arrested John Smith in Chicago on Monday.", None, "Chicago"),
    ],
)
def test_the_end_of_a_persons_name_is_no_place(
    nlp, text: str, surname: str | None, place: str | None
) -> None:
    # The recogniser cuts these names and calls the surname a place; "in" is no part of a name.
    places = by_text(places_of(nlp, text))
    assert surname not in places
    assert place is None or place in places
