"""The event-location reader: adjudicated rows, token-based spans, lenient place labels."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from whodid.errors import InputError
from whodid.evaluate.formats import event_location, guess_format
from whodid.evaluate.gold import ReadOptions
from whodid.evaluate.runner import evaluate
from whodid.evaluate.scoring import NOT_SCORED
from whodid.records import Event, Evidence, Place


def record(
    text: str, verb: str, places: list[str], source: str = "RELABEL", row_id: str = "r"
) -> dict[str, Any]:
    """A row as the annotation tool writes it; the spans' character offsets are deliberately wrong."""
    tokens = [
        {"id": i, "start": m.start(), "end": m.end(), "text": m.group()}
        for i, m in enumerate(re.finditer(r"\w+|[^\w\s]", text))
    ]
    words = [token["text"] for token in tokens]

    def span(phrase: str, label: str) -> dict[str, Any]:
        parts = re.findall(r"\w+|[^\w\s]", phrase)
        start = next(i for i in range(len(words)) if words[i : i + len(parts)] == parts)
        return {
            "start": 0,
            "end": 0,
            "token_start": start,
            "token_end": start + len(parts) - 1,
            "label": label,
        }

    spans = [span(verb, "VERB")] + [span(place, "LOCATION") for place in places]
    return {
        "_id": row_id,
        "text": text,
        "source": source,
        "spans": spans,
        "tokens": tokens,
        "answer": "accept",
    }


RECORDS = [
    record("Rebels shelled the market in the town of Zenda on Sunday.", "shelled", ["Zenda"], row_id="a"),
    record("Police arrested twelve students after the rally, officials said.", "arrested", [], row_id="b"),
    record("Troops raided a village near Strelsau.", "raided", ["Strelsau"], source="APW_RA", row_id="c"),
    record(
        "Gunmen killed three farmers in the U.S. and in The Hague.",
        "killed",
        ["U.S.", "The Hague"],
        row_id="a",
    ),
]


def write_zip(path: Path, records: list[dict[str, Any]], as_array: bool = True) -> Path:
    content = json.dumps(records) if as_array else "\n".join(json.dumps(r) for r in records)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("labeled_text.jsonl", content)
        archive.writestr("__MACOSX/._labeled_text.jsonl", "resource fork")
    return path


def located(trigger: tuple[int, int], place: str | None) -> Event:
    location = Place(place, (0, 1)) if place else None
    return Event("e", "a", "ASSAULT", Evidence("s", (0, 1), "t", trigger), location=location)


def test_reads_only_adjudicated_rows(tmp_path: Path) -> None:
    gold = event_location.read(write_zip(tmp_path / "labeled_text.jsonl.zip", RECORDS), ReadOptions())
    assert [item.id for item in gold.items] == ["a", "b", "a#2"]
    assert gold.items[0].gold == {
        "place": "zenda",
        "place_recognised": True,
        "place_when_recognised": "zenda",
    }
    assert gold.items[1].gold == {"place": "(none)", "place_recognised": None, "place_when_recognised": None}
    assert gold.items[2].extra["gold_places"] == ["us", "hague"]
    text = gold.items[0].text
    start, end = gold.items[0].extra["verb_span"]
    assert text[start:end] == "shelled"


def test_reads_json_lines_and_limit(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    assert len(event_location.read(path, ReadOptions(limit=2)).items) == 2
    assert event_location.read(path, ReadOptions()).items[0].origin == "rows.jsonl:1"


def test_malformed_input(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "x", "source": "RELABEL"\n', encoding="utf-8")
    with pytest.raises(InputError, match="invalid JSON"):
        event_location.read(broken, ReadOptions())
    empty_zip = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty_zip, "w") as archive:
        archive.writestr("readme.txt", "nothing")
    with pytest.raises(InputError, match=r"no \.jsonl"):
        event_location.read(empty_zip, ReadOptions())


def test_bad_rows_are_dropped(tmp_path: Path) -> None:
    bad_tokens = record("Rebels shelled Zenda.", "shelled", ["Zenda"], row_id="t")
    bad_tokens["spans"][1]["token_end"] = 99
    no_text = {"_id": "n", "text": "", "source": "RELABEL", "spans": []}
    gold = event_location.read(
        write_zip(tmp_path / "x.zip", [bad_tokens, no_text, RECORDS[0]]), ReadOptions()
    )
    assert [item.id for item in gold.items] == ["a"]
    assert len(gold.dropped) == 2 and "tokens" in gold.dropped[0].reason


def test_sniff(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "labeled_text.jsonl.zip", RECORDS)
    assert event_location.sniff(path) and guess_format(path) == "event-location"
    other = tmp_path / "other.jsonl"
    other.write_text('{"text": "hello"}\n', encoding="utf-8")
    assert not event_location.sniff(other)


def test_normalise_place_is_lenient() -> None:
    assert event_location.normalise_place("The Hague") == event_location.normalise_place("the hague")
    assert event_location.normalise_place("U.S.") == "us"
    assert event_location.normalise_place("São Paulo,") == "sao paulo"


def test_predict_uses_the_event_on_the_verb(tmp_path: Path) -> None:
    items = event_location.read(write_zip(tmp_path / "x.zip", RECORDS), ReadOptions()).items
    zenda, no_place, two_places = items
    verb = zenda.extra["verb_span"]
    other_event = located((0, 6), "Strelsau")
    on_verb = located(verb, "the town of Zenda")
    assert event_location.predict(zenda, [other_event, located(verb, "Zenda")]) == {
        "place": "zenda",
        "place_recognised": True,
        "place_when_recognised": "zenda",
    }
    assert event_location.predict(zenda, [on_verb, other_event])["place"] == "town of zenda"
    # Recognised only by the other event: the chosen place is scored, and it is none.
    assert event_location.predict(zenda, [located(verb, None), located((0, 6), "Zenda")]) == {
        "place": "(none)",
        "place_recognised": True,
        "place_when_recognised": "(none)",
    }
    assert event_location.predict(zenda, [other_event, located(verb, None)]) == {
        "place": "(none)",
        "place_recognised": False,
        "place_when_recognised": NOT_SCORED,
    }
    assert event_location.predict(no_place, [])["place"] == "(none)"
    # Naming either gold span is right: the answer takes the gold label.
    verb = two_places.extra["verb_span"]
    assert event_location.predict(two_places, [located(verb, "The Hague")])["place"] == "us"


def test_no_event_on_the_verb_is_no_place(tmp_path: Path) -> None:
    """Another event's place is not the annotated event's: without an event on the verb, no answer."""
    zenda = event_location.read(write_zip(tmp_path / "x.zip", RECORDS), ReadOptions()).items[0]
    assert event_location.predict(zenda, [located((0, 6), "Zenda")])["place"] == "(none)"


def test_places_named_outside_events_count_as_recognised(tmp_path: Path) -> None:
    zenda = event_location.read(write_zip(tmp_path / "x.zip", RECORDS), ReadOptions()).items[0]
    named = [Place("Zenda", (33, 38))]
    predicted = event_location.predict_with_places(zenda, [], named)
    assert predicted == {"place": "(none)", "place_recognised": True, "place_when_recognised": "(none)"}
    assert not event_location.predict_with_places(zenda, [], [Place("Strelsau", (0, 8))])["place_recognised"]


def test_end_to_end(tmp_path: Path, pipeline) -> None:
    gold = event_location.read(write_zip(tmp_path / "x.zip", RECORDS), ReadOptions())
    result = evaluate(gold, pipeline)
    scores = {score.spec.name: score for score in result.scores}
    assert scores["place"].scored == 3
    assert scores["place"].metrics["accuracy"] is not None
    assert scores["place_recognised"].scored == 2
    # Scored only where the gold place was recognised, so never more than place_recognised.
    assert scores["place_when_recognised"].scored <= 2
