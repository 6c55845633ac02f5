"""Acronyms an article defines for itself, read on texts we wrote."""

from __future__ import annotations

from whodid.records import Actor
from whodid.resolve.acronyms import defined_acronyms

TEXT = "The Northern Delta Front (NDF) attacked a post. Later the NDF and Mr Ade (MA) met."


def test_an_acronym_in_brackets_after_an_organisation_stands_for_it_in_that_article() -> None:
    front = Actor("Northern Delta Front", (4, 24), name="Northern Delta Front", kind="armed_group")
    person = Actor("Mr Ade", (TEXT.index("Mr Ade"), TEXT.index(" (MA)")), name="Ade", kind="person")
    acronyms = defined_acronyms(TEXT, [front, person])
    assert list(acronyms.actors) == ["NDF"]  # a person's initials define nothing
    [later] = acronyms.mentions(TEXT)
    assert (later.text, later.span, later.name) == (
        "NDF",
        (TEXT.index("NDF and"), TEXT.index(" and")),
        front.name,
    )
    assert acronyms.stood_for("the NDF", later.span).name == front.name
    # At its definition the name before it names the actor; a word in lower case is no acronym.
    definition = (TEXT.index("NDF"), TEXT.index("NDF") + 3)
    assert acronyms.stood_for("NDF", definition) is None
    assert acronyms.stood_for("ndf", later.span) is None


def test_a_group_named_later_by_the_acronym_it_was_given(pipeline) -> None:
    text = (
        "Fighters of the Tupac Amaru Revolutionary Movement (MRTA) attacked a police post. "
        "The MRTA later kidnapped two engineers."
    )
    [kidnap] = [e for e in pipeline.extract(text) if e.evidence.trigger_text == "kidnapped"]
    assert [(a.text, a.name) for a in kidnap.source] == [("MRTA", "Tupac Amaru Revolutionary Movement")]


def test_an_acronym_in_a_text_in_capitals_keeps_its_capitals_and_the_country_word_of_an_agent_too(
    pipeline,
) -> None:
    text = (
        "IN A COMMUNIQUE ADDRESSED TO THE LOCAL MEDIA, THE PERUVIAN GUERRILLA MOVEMENT TUPAC AMARU "
        "REVOLUTIONARY MOVEMENT (MRTA) TODAY CLAIMED RESPONSIBILITY FOR THE KIDNAPPING OF 12 PEOPLE. "
        "THE MRTA IS ASKING A LARGE RANSOM."
    )
    [claim] = [e for e in pipeline.extract(text) if e.evidence.trigger_text == "claimed"]
    assert [a.name for a in claim.source] == ["Tupac Amaru Revolutionary Movement"]
    assert "the Peruvian guerrilla movement" in claim.evidence.sentence
    assert "(MRTA)" in claim.evidence.sentence
