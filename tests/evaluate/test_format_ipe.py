"""IndiaPoliceEvents readers (documents and sentences) and the police-label rule, on invented rows."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from whodid.errors import InputError
from whodid.evaluate.formats import guess_format
from whodid.evaluate.formats import indiapoliceevents as ipe_docs
from whodid.evaluate.formats import indiapoliceevents_sents as ipe_sents
from whodid.evaluate.gold import ReadOptions
from whodid.evaluate.runner import evaluate
from whodid.records import Actor, Event, Evidence, Quantity

ARREST_STORY = (
    "This story is from April 3, 2002\n\nsurat: the police arrested twelve youths on tuesday "
    "after a clash near the old market. the policemen later released two of them."
)
QUIET_STORY = "rajkot: the municipal board met on monday and approved a new water scheme."


def write_jsonl(path: Path, lines: list[str | dict]) -> Path:
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def docs_file(tmp_path: Path) -> Path:
    write_jsonl(
        tmp_path / "metadata.jsonl", [{"doc_id": 2, "date": "2002-04-05", "url": "", "full_text": ""}]
    )
    return write_jsonl(
        tmp_path / "docs.jsonl",
        [
            {"doc_id": 1, "doc_text": ARREST_STORY, "doc_labels": ["ANY_ACTION", "ARREST"]},
            {"doc_id": 2, "doc_text": QUIET_STORY, "doc_labels": []},
            "{this line is not json",
            {"doc_id": 3, "doc_text": "a text", "doc_labels": ["RIOT"]},
            {"doc_id": 4, "doc_text": "a text"},
            {"doc_id": 1, "doc_text": "the same id again", "doc_labels": []},
            {"doc_id": 5, "doc_text": "   ", "doc_labels": []},
        ],
    )


@pytest.fixture
def sents_file(tmp_path: Path) -> Path:
    return write_jsonl(
        tmp_path / "sents.jsonl",
        [
            {"doc_id": 7, "sent_id": 0, "sent_labels": [], "sent_text": "This story is from May 2, 2002\n\n"},
            {
                "doc_id": 7,
                "sent_id": 1,
                "sent_labels": ["FORCE", "ANY_ACTION"],
                "sent_text": "the police resorted to a lathi charge to disperse the crowd.",
            },
            {"doc_id": 7, "sent_id": 2, "sent_labels": [], "sent_text": "shops stayed shut in the old city."},
            {"doc_id": 7, "sent_id": 3, "sent_labels": "FORCE", "sent_text": "labels not a list."},
            [1, 2, 3],
        ],
    )


def test_docs_reader_keeps_good_rows_and_counts_the_rest(docs_file: Path) -> None:
    gold = ipe_docs.read(docs_file, ReadOptions())
    assert [item.id for item in gold.items] == ["1", "2"]
    assert gold.items[0].gold == {
        "kill": False,
        "arrest": True,
        "fail": False,
        "force": False,
        "any_action": True,
    }
    assert [field.name for field in gold.fields] == ["kill", "arrest", "fail", "force", "any_action"]
    reasons = [dropped.reason for dropped in gold.dropped]
    assert len(reasons) == 5
    assert any("not JSON" in reason for reason in reasons)
    assert any("unknown label" in reason and "RIOT" in reason for reason in reasons)
    assert any("lacks doc_labels" in reason for reason in reasons)
    assert any("duplicate id 1" in reason for reason in reasons)
    assert any("no text" in reason for reason in reasons)


def test_docs_reader_dates_from_the_text_then_the_metadata(docs_file: Path) -> None:
    first, second = ipe_docs.read(docs_file, ReadOptions()).items
    assert first.published == date(2002, 4, 3)
    assert second.published == date(2002, 4, 5)


def test_docs_reader_repairs_mojibake_and_honours_the_limit(tmp_path: Path) -> None:
    broken = "the officer said â€œwe will actâ€\ufffd and the crowd didnâ€™t wait."
    path = write_jsonl(
        tmp_path / "docs.jsonl",
        [{"doc_id": n, "doc_text": broken, "doc_labels": []} for n in range(3)],
    )
    gold = ipe_docs.read(path, ReadOptions(limit=2))
    assert len(gold.items) == 2
    assert gold.items[0].text == "the officer said “we will act” and the crowd didn’t wait."


def test_sents_reader_one_item_per_sentence(sents_file: Path) -> None:
    gold = ipe_sents.read(sents_file, ReadOptions())
    assert [item.id for item in gold.items] == ["7:0", "7:1", "7:2"]
    assert gold.items[1].text == "the police resorted to a lathi charge to disperse the crowd."
    assert gold.items[1].gold["force"] is True and gold.items[1].gold["kill"] is False
    assert all(item.published == date(2002, 5, 2) for item in gold.items)
    assert len(gold.dropped) == 2


def test_formats_are_told_apart(docs_file: Path, sents_file: Path) -> None:
    assert ipe_docs.sniff(docs_file) and not ipe_sents.sniff(docs_file)
    assert ipe_sents.sniff(sents_file) and not ipe_docs.sniff(sents_file)
    assert guess_format(docs_file) == "ipe-docs"
    assert guess_format(sents_file) == "ipe-sents"


@pytest.mark.parametrize("content", ['{"id": 1, "text": "something else"}\n', "plain words\n", ""])
def test_not_the_format_is_an_input_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "other.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="not an IndiaPoliceEvents"):
        ipe_docs.read(path, ReadOptions())
    with pytest.raises(InputError, match="not an IndiaPoliceEvents"):
        ipe_sents.read(path, ReadOptions())


def event(kind: str, source: str, trigger: str, *, sector: str | None = "COP", **fields) -> Event:
    return Event(
        event_id=trigger,
        article_id="a",
        type=kind,
        evidence=Evidence("s", (0, 1), trigger, (0, 1)),
        source=[Actor(source, (0, 1), sector=sector)],
        **fields,
    )


def test_police_labels_follow_the_definitions() -> None:
    labels = ipe_docs.police_labels
    none = {"kill": False, "arrest": False, "fail": False, "force": False, "any_action": False}
    assert labels([]) == none
    assert labels([event("ASSAULT", "mob", "attacked", sector="CVL")]) == none
    fired = labels([event("ASSAULT", "police", "fired", fatalities=Quantity(2, (0, 1), "two"))])
    assert fired == {**none, "kill": True, "force": True, "any_action": True}
    # Police words count even when the actor was not resolved to sector COP.
    arrested = labels([event("COERCE", "the constables", "nabbed", sector=None)])
    assert arrested == {**none, "arrest": True, "any_action": True}
    passive = event("COERCE", "x", "arrested", mode="arrest")
    passive.source = []
    assert labels([passive]) == {**none, "arrest": True, "any_action": True}
    teargas = labels([event("COERCE", "police", "tear gas")])
    assert teargas == {**none, "force": True, "any_action": True}
    denied = labels([event("COERCE", "policemen", "arrest", mode="arrest", factuality="denied")])
    assert denied == {**none, "fail": True}
    assert labels([event("CONSULT", "police", "met")]) == {**none, "any_action": True}


def test_end_to_end_on_invented_articles(docs_file: Path, pipeline) -> None:
    gold = ipe_docs.read(docs_file, ReadOptions())
    result = evaluate(gold, pipeline)
    assert result.items == 2 and not result.failed
    scores = {score.spec.name: score for score in result.scores}
    assert scores["arrest"].scored == 2
    # "the police arrested twelve youths" is an arrest by the police; the board meeting is nothing.
    assert result.outcomes["1"].predicted["arrest"] is True
    assert result.outcomes["2"].predicted["any_action"] is False
