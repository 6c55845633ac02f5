"""The ConfliBERT actor-span reader, on a small CoNLL file of invented sentences in the same format."""

from __future__ import annotations

from pathlib import Path

import pytest

from whodid.errors import InputError
from whodid.evaluate.formats import conflibert_ner
from whodid.evaluate.gold import GoldItem, ReadOptions
from whodid.evaluate.runner import evaluate
from whodid.records import Actor, Event, Evidence, Phrase, Place

CONLL = """\
Malian B-S
soldiers I-S
attacked O
a O
rebel B-T
camp I-T
. O

Ghana B-R
and O
Togo B-R
held O
talks O
. O

The O
weather O
was O
calm O
. O

Police B-S
arrested O
BROKEN-LINE
. O
"""


@pytest.fixture
def ner_file(tmp_path: Path) -> Path:
    path = tmp_path / "train.txt"
    path.write_text(CONLL, encoding="utf-8")
    return path


def test_sniff(ner_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "story.txt"
    other.write_text("Rebels attacked the town on Monday.\n", encoding="utf-8")
    assert conflibert_ner.sniff(ner_file)
    assert not conflibert_ner.sniff(other)


def test_read_rebuilds_text_and_spans(ner_file: Path) -> None:
    gold = conflibert_ner.read(ner_file, ReadOptions())
    attack, talks, weather = gold.items
    assert attack.text == "Malian soldiers attacked a rebel camp ."
    assert attack.gold["source"] == ["Malian soldiers"]
    assert attack.gold["target"] == ["rebel camp"]
    assert attack.extra["target_spans"] == [(27, 37)]
    assert talks.gold["source"] == talks.gold["target"] == ["Ghana", "Togo"]  # reciprocal: both roles
    assert weather.gold["source"] is None
    assert weather.gold["source_match"] == "no"
    assert attack.gold["source_match"] == "yes"


def test_malformed_sentence_is_dropped_with_its_line(ner_file: Path) -> None:
    gold = conflibert_ner.read(ner_file, ReadOptions())
    assert len(gold.dropped) == 1
    assert gold.dropped[0].origin == f"{ner_file}:22"
    assert "line 24" in gold.dropped[0].reason


def test_a_file_that_is_not_the_format_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "prose.txt"
    path.write_text("This is a paragraph of prose, not tagged tokens.\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a ConfliBERT actor file"):
        conflibert_ner.read(path, ReadOptions())


def _event(source: list[Actor], target: list[Actor] | None = None) -> Event:
    evidence = Evidence("", (0, 0), "attacked", (16, 24))
    return Event("e1", "a1", "ASSAULT", evidence, source=source, target=target or [])


def test_match_needs_an_overlapping_span() -> None:
    item = GoldItem("s1", "Malian soldiers attacked a rebel camp .", {},
                    extra={"source_spans": [(0, 15)], "target_spans": []})  # fmt: skip
    right = conflibert_ner.predict(item, [_event([Actor("soldiers", (7, 15))])])
    wrong = conflibert_ner.predict(item, [_event([Actor("camp", (33, 37))])])
    none = conflibert_ner.predict(item, [])
    assert (right["source_match"], wrong["source_match"], none["source_match"]) == ("yes", "wrong", "no")
    assert right["source"] == ["soldiers"]
    assert none["source"] is None


def test_an_actor_is_named_by_the_whole_phrase_it_stands_in_as_the_gold_spans_are() -> None:
    text = "Malian soldiers attacked at least ten herders in Mopti ."
    item = GoldItem("s4", text, {}, extra={"source_spans": [(0, 15)], "target_spans": [(25, 54)]})
    herders = Actor("herders", (37, 44), phrase=Phrase("at least ten herders in Mopti", (25, 54)))
    answer = conflibert_ner.predict(item, [_event([Actor("soldiers", (7, 15))], [herders])])
    assert answer["source"] == ["soldiers"]  # no longer phrase known: its own words
    assert answer["target"] == ["at least ten herders in Mopti"]


def test_the_sides_of_a_reciprocal_event_are_in_both_roles() -> None:
    item = GoldItem("s2", "Chad and Niger signed a treaty .", {},
                    extra={"source_spans": [(0, 14)], "target_spans": [(0, 14)]})  # fmt: skip
    sides = [Actor("Chad", (0, 4)), Actor("Niger", (9, 14))]
    one_sided = conflibert_ner.predict(item, [_event(sides)])
    reciprocal = _event(sides)
    reciprocal.reciprocal = True
    both = conflibert_ner.predict(item, [reciprocal])
    assert (one_sided["source_match"], one_sided["target_match"]) == ("yes", "no")
    assert (both["source_match"], both["target_match"]) == ("yes", "yes")


def test_an_event_that_names_no_target_is_scored_with_the_place_its_recipient_is_implied_from() -> None:
    text = "The army declared a state of siege in Pando ."
    item = GoldItem("s3", text, {}, extra={"source_spans": [(0, 8)], "target_spans": [(38, 43)]})
    pando = Place("Pando", (38, 43), country="BOL")
    siege = Event("e1", "a1", "COERCE", Evidence(text, (0, len(text)), "siege", (29, 34)),
                  source=[Actor("army", (4, 8))], location=pando)  # fmt: skip
    assert conflibert_ner.predict(item, [siege])["target_match"] == "yes"
    siege.location = None  # no place, no implied recipient
    assert conflibert_ner.predict(item, [siege])["target_match"] == "no"


def test_a_pronoun_is_scored_by_the_words_it_stands_for_in_the_sentence() -> None:
    text = "Chad called Niger and urged him to act ."
    item = GoldItem("s5", text, {}, extra={"source_spans": [(0, 4)], "target_spans": [(12, 17)]})
    urged = Event("e1", "a1", "REQUEST", Evidence(text, (0, len(text)), "urged", (22, 27)),
                  source=[Actor("Chad", (0, 4))],
                  target=[Actor("him", (28, 31), antecedent=Phrase("Niger", (12, 17)))])  # fmt: skip
    answer = conflibert_ner.predict(item, [urged])
    assert (answer["target"], answer["target_match"]) == (["Niger"], "yes")
    # named in an earlier sentence: the pronoun itself
    urged.target[0].antecedent = Phrase("Niger", (-40, -35))
    assert conflibert_ner.predict(item, [urged])["target_match"] == "wrong"


def test_people_of_a_group_the_article_names_are_scored_by_their_own_words() -> None:
    text = "The Delta Front said rebels shelled the town ."
    item = GoldItem("s6", text, {}, extra={"source_spans": [(23, 29)], "target_spans": [(38, 46)]})
    rebels = Actor("rebels", (23, 29), kind="armed_group", antecedent=Phrase("Delta Front", (4, 15)))
    shelled = Event("e1", "a1", "ASSAULT", Evidence(text, (0, len(text)), "shelled", (30, 37)),
                    source=[rebels], target=[Actor("the town", (38, 46))])  # fmt: skip
    answer = conflibert_ner.predict(item, [shelled])
    assert (answer["source"], answer["source_match"]) == (["rebels"], "yes")


def test_evaluate_end_to_end(ner_file: Path, pipeline) -> None:
    result = evaluate(conflibert_ner.read(ner_file, ReadOptions()), pipeline)
    scores = {score.spec.name: score for score in result.scores}
    assert scores["source"].scored == 2
    assert scores["source_match"].scored == 3
    assert result.items == 3
