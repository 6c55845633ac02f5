from __future__ import annotations

import pytest

from whodid.detect.syntax import noun_phrase, noun_phrases


def _phrase_of(nlp, text: str, head_word: str) -> str:
    doc = nlp(text)
    [head] = [token for token in doc if token.text == head_word]
    return noun_phrase(head).text


@pytest.mark.parametrize(
    ("text", "head", "phrase"),
    [
        # numbers, modifiers and where the people are belong to what the text calls them
        ("The shelling killed at least 40 displaced people in northern Yemen.", "people",
         "at least 40 displaced people in northern Yemen"),
        # a relative clause tells about them
        ("Police arrested a Kenyan trader who had crossed the border twice.", "trader", "a Kenyan trader"),
        # a time is when, not who
        ("An Accra court on 3 May freed the two reporters.", "court", "An Accra court"),
        # another member of a coordination is an actor of its own
        ("Militias attacked the army and the police in the valley.", "army", "the army"),
        # a person's name beside a title is part of it; a description of a country is not
        ("Chile's foreign minister, Ana Pereda, met the envoy.", "minister",
         "Chile's foreign minister, Ana Pereda"),
        ("Soldiers shelled Chad, a landlocked state, on Sunday.", "Chad", "Chad"),
        # an acronym in brackets is part of the name
        ("The Farmers Union of Ruvara (FUR) left.", "Union", "The Farmers Union of Ruvara (FUR)"),
    ],
)  # fmt: skip
def test_noun_phrase_is_what_the_text_calls_an_actor(nlp, text, head, phrase):
    assert _phrase_of(nlp, text, head) == phrase


def test_an_actor_inside_a_prepositional_phrase_has_a_noun_phrase_of_its_own(nlp):
    doc = nlp("The council renewed UN sanctions against Iran and dozens of its banks.")
    [sanctions] = [token for token in doc if token.text == "sanctions"]
    assert [phrase.text for phrase in noun_phrases(sanctions)] == ["UN sanctions against Iran", "Iran"]


def test_what_a_number_counts_is_no_noun_phrase_of_its_own(nlp):
    doc = nlp("Police detained dozens of students in the capital.")
    [dozens] = [token for token in doc if token.text == "dozens"]
    assert [phrase.text for phrase in noun_phrases(dozens)] == [
        "dozens of students in the capital",
        "the capital",
    ]


@pytest.mark.parametrize(
    ("text", "head", "phrase"),
    [
        # a role, a cause or a time the parser hangs on the noun is not what the text calls the actor
        ("The gunmen hold several hundred families as human shields in the old town.", "families",
         "several hundred families"),
        ("Prosecutors opened inquiries against hundreds of banks over tax fraud.", "hundreds",
         "hundreds of banks"),
        ("The police detained dozens of students over the protest.", "dozens", "dozens of students"),
        # a purpose is not part of the name either
        ("The minister defended Russia's recent efforts to expand its fleet.", "efforts",
         "Russia's recent efforts"),
        # but what a participle calls them is
        ("The US suspended aid to the group known as the White Helmets.", "group",
         "the group known as the White Helmets"),
    ],
)  # fmt: skip
def test_a_noun_phrase_ends_before_a_role_a_cause_or_a_purpose(nlp, text, head, phrase):
    assert _phrase_of(nlp, text, head) == phrase
