"""Texts written in capitals: told apart, and restored to a case the parser reads, span for span."""

from __future__ import annotations

from whodid.detect.casing import is_common_word, names_spelt_out, restore_case, written_in_capitals

WIRE = "GUERRILLAS OF THE NORTHERN FRONT (NF) ATTACKED A POST IN VALLEVERDE. I SAW THE SMOKE, A WITNESS SAID."


def test_a_text_in_capitals_is_told_from_ordinary_text_and_headlines() -> None:
    assert written_in_capitals(WIRE)
    assert not written_in_capitals(WIRE.capitalize())
    assert not written_in_capitals("UN SAYS 5 KM")  # a headline: too short to restore
    assert written_in_capitals(WIRE.replace("5", "5 km"))


def test_names_keep_their_capitals_abbreviations_all_of_them_and_sentences_start_with_one() -> None:
    front = (WIRE.index("NORTHERN"), WIRE.index(" (NF)"))
    nf = (WIRE.index("NF)"), WIRE.index(")"))
    town = (WIRE.index("VALLEVERDE"), WIRE.index(". I"))
    restored = restore_case(WIRE, [front, nf, town], [0, WIRE.index("I SAW")])
    assert restored == (
        "Guerrillas of the Northern Front (NF) attacked a post in Valleverde. "
        "I saw the smoke, a witness said."
    )
    assert len(restored) == len(WIRE)


def test_restoring_keeps_every_offset_even_for_letters_that_lower_to_two() -> None:
    text = "İSTANBUL POLICE DETAINED TWENTY PEOPLE AFTER A PROTEST NEAR THE GOVERNOR'S OFFICE."
    restored = restore_case(text, [], [0])
    assert len(restored) == len(text)
    assert restored.startswith("İstanbul police detained")


def test_an_abbreviation_inside_a_longer_name_keeps_its_capitals() -> None:
    text = "AN UNKNOWN NUMBER OF FMLN TERRORISTS ATTACKED THE POST."
    name = text.index("FMLN"), text.index(" ATTACKED")
    restored = restore_case(text, [name], [0], abbreviations={"FMLN"})
    assert restored == "An unknown number of FMLN Terrorists attacked the post."
    assert restore_case(text, [name], [0]) == "An unknown number of Fmln Terrorists attacked the post."


def test_a_name_that_is_a_common_word_in_capitals_is_the_word() -> None:
    text = "THEY ATTACKED US. THE US EMBASSY SAID SO. THE MEN WHO FIRED FLED."
    assert is_common_word(text, (14, 16))  # the pronoun
    assert not is_common_word(text, (22, 24))  # the country
    assert is_common_word(text, (text.index("WHO"), text.index(" FIRED")))  # not the health organisation
    assert not is_common_word(text, (text.index("EMBASSY"), text.index(" SAID")))


def test_a_name_spelt_out_before_its_acronym_is_a_name_and_so_is_the_acronym() -> None:
    text = "TWO MEN WERE SHOT BY MEN FROM THE TAMBO RIVER ARMED FORCES OF LIBERATION (FAL). THE FAL SAID SO."
    spans = names_spelt_out(text)
    assert [text[a:b] for a, b in spans] == ["TAMBO RIVER ARMED FORCES OF LIBERATION", "FAL", "FAL"]
    restored = restore_case(text, spans, [0, text.index("THE FAL")])
    # An acronym the knowledge base already tied to a name it knows is left to that name.
    assert names_spelt_out(text, known={spans[1]}) == []
    assert "men from the Tambo River Armed Forces Of Liberation (FAL). The FAL said so." in restored


def test_a_speakers_label_in_brackets_names_nothing() -> None:
    text = "WE DO NOT KNOW WHO IS CAUSING THIS PROBLEM (REPORTER) IS IT THE ARMY?"
    assert names_spelt_out(text) == []
    # The name begins after the function word before it, not at "OF" inside it.
    text = "GUNMEN ATTACKED THE OFFICES OF THE UNION OF RIVER BOATMEN (URB) LAST NIGHT."
    assert [text[start:end] for start, end in names_spelt_out(text)] == ["UNION OF RIVER BOATMEN", "URB"]
