"""The lexical prefilter: which sentences reach the parser, and that coding does not change for it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from whodid import Pipeline
from whodid.detect.lexicon import load_lexicon
from whodid.detect.prefilter import TriggerPrefilter, split_sentences, trigger_word_forms
from whodid.ingest.readers import Skipped, read_articles

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def sentences(text: str) -> list[str]:
    units = split_sentences(text)
    return [text[start:end] for start, end in zip(units.starts, units.ends, strict=True)]


def test_sentences_end_at_stops_and_blank_lines_but_not_after_abbreviations():
    text = (
        "Gen. Okafor met Mr. Haddad in the U.S. capital. Talks ended late!\n\n"
        "FLOODS HIT THE VALLEY\n\nthe archive is lower-cased. so are its sentences."
    )
    assert sentences(text) == [
        "Gen. Okafor met Mr. Haddad in the U.S. capital.",
        "Talks ended late!",
        "FLOODS HIT THE VALLEY",
        "the archive is lower-cased.",
        "so are its sentences.",
    ]


def test_initials_do_not_end_a_sentence():
    text = "The president welcomed F.W. de Klerk in Paris. J.R. Okafor stayed home."
    assert sentences(text) == ["The president welcomed F.W. de Klerk in Paris.", "J.R. Okafor stayed home."]


def test_sentence_index_counts_the_cut_sentences():
    text = "One sentence here. Another one there. A third."
    units = split_sentences(text)
    assert [units.index_of(text.index(word)) for word in ("One", "Another", "third")] == [0, 1, 2]


def test_word_forms_come_from_the_lemmatizer_tables(nlp):
    forms = trigger_word_forms(["shoot", "attack", "ban", "seize"], "verb", nlp)
    assert {"shot", "shoots", "shooting", "attacked", "attacking", "banned", "seized", "seizing"} <= forms
    assert {"bombing", "strikes"} <= trigger_word_forms(["bombing", "strike"], "noun", nlp)


@pytest.fixture(scope="module")
def prefilter(nlp) -> TriggerPrefilter:
    return TriggerPrefilter(load_lexicon(), nlp)


def test_a_sentence_passes_with_any_inflected_trigger(prefilter):
    assert prefilter.may_hold_trigger("Gunmen shot two guards at the gate.")
    assert prefilter.may_hold_trigger("The ARMY SHELLED the ridge overnight.")
    assert not prefilter.may_hold_trigger("The weather was mild and the markets were quiet.")


def test_a_month_beside_a_day_is_not_a_march(prefilter):
    assert not prefilter.may_hold_trigger("the hearing is fixed for march 15 in the district court.")
    assert prefilter.may_hold_trigger("thousands joined the march to the square.")


def test_masking_blanks_sentences_without_triggers_and_keeps_every_offset(prefilter):
    text = "The weather was mild.\nRebels attacked the depot on Monday. Markets were calm."
    masked = prefilter.mask(text, split_sentences(text))
    assert len(masked) == len(text)
    assert masked.count("\n") == 1
    start = text.index("Rebels")
    end = text.index("Markets")
    assert masked[start:end] == text[start:end]
    assert masked[:start].strip() == "" and masked[end:].strip() == ""


def coded(pipeline: Pipeline, path: Path) -> list[tuple]:
    articles = [
        item for item in read_articles([path], published=date(2024, 5, 20)) if not isinstance(item, Skipped)
    ]
    return [
        # Who and where too: with the prefilter, names are recognised only where an event may be.
        (
            *(event.article_id, event.type, event.evidence.trigger_span, event.fatalities, event.date),
            *(event.source, event.target, event.location),
        )
        for result in pipeline.run(articles)
        for event in result.events
    ]


@pytest.mark.parametrize("name", ["border-strike.txt", "port-protest.txt", "wire.jsonl"])
def test_the_prefilter_changes_speed_not_events(pipeline, name):
    parse_everything = Pipeline(prefilter=False)
    with_prefilter = coded(pipeline, EXAMPLES / name)
    assert with_prefilter, "the example article should yield events"
    assert with_prefilter == coded(parse_everything, EXAMPLES / name)


def test_words_that_are_triggers_only_with_their_object_pass(prefilter):
    assert prefilter.may_hold_trigger("Rebel fighters took the northern town.")


@pytest.mark.parametrize(
    ("sentence", "passes"),
    [
        # "call" is a trigger only as "call for": the particle must be there.
        ("The union called for a general strike.", True),
        ("The reporter called the office twice that morning.", False),
        # A CAMEO phrase wants its particle after the verb, and an actor beside it.
        ("The rebels gave up the hill after a week.", True),
        ("Up the hill, the old farmer gave the goats their water.", False),
        ("Up the hill, the rebels gave the goats their water.", False),
        # A first word that is no common word may be a name: "Hamas" is; "The" is not.
        ("Hamas gave up its weapons in the north.", True),
        ("The old bridge gave up its last stones in the flood.", False),
        # A crowd out in protest: going out beside "streets", gathering beside protesters.
        ("Thousands took to the streets of the capital.", True),
        ("The crowd took the early train to the capital.", False),
        ("Demonstrators gathered near the embassy.", True),
        ("The committee gathered near the embassy.", False),
        # Sending or arriving beside a word of peacekeeping.
        ("Ghana is sending 400 troops to the UN peacekeeping mission.", True),
        ("Ghana is sending 400 students to universities abroad.", False),
        # A phrase's objects pass it only with its particle: "laid down their weapons".
        ("The rebels laid down their weapons on Friday.", True),
        ("The rebels laid their weapons on the table.", False),
        # Saying what another must do, a demand: a reporting verb beside "must" or "should".
        ("The minister said that China must drop its barriers.", True),
        ("The minister said that the road was long.", False),
    ],
)
def test_words_that_want_a_particle_or_an_actor_pass_only_beside_them(prefilter, sentence, passes):
    assert prefilter.may_hold_trigger(sentence) is passes


def test_a_sentence_the_prefilter_blanks_yields_no_event_when_parsed(pipeline):
    # The sentences blanked above give nothing when parsed either: the prefilter saved only time.
    parse_everything = Pipeline(prefilter=False)
    for sentence in (
        "The reporter called the office twice that morning.",
        "Up the hill, the old farmer gave the goats their water.",
        "The old bridge gave up its last stones in the flood.",
    ):
        assert parse_everything.extract(sentence) == []


def test_a_demand_told_as_what_another_must_do_is_not_blanked(pipeline):
    sentence = "The minister said that China must drop its barriers."
    assert [e.type for e in pipeline.extract(sentence)] == ["REQUEST"]
    assert [e.type for e in Pipeline(prefilter=False).extract(sentence)] == ["REQUEST"]


def test_a_hyphenated_trigger_passes_its_sentence(prefilter):
    assert prefilter.may_hold_trigger("Hundreds of nurses staged a sit-in outside the ministry.")
