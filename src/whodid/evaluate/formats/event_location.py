"""Halterman's event-location sentences (`labeled_text.jsonl`, or the `.zip` holding it): each row is a
sentence, one event verb and the span(s) naming the place where that event happened.

Only the adjudicated rows (`source == "RELABEL"`) are read. Span texts come from the token offsets
(`token_start`..`token_end`, inclusive) because some character offsets are broken. A row with no
place span is kept with the gold place "(none)": the event's place is not in the sentence, and saying
so is the right answer.

`place`: the location of our event for the annotated verb (the event whose trigger overlaps it; with
no such event, no place), compared leniently (case, accents, "the", punctuation); a row may mark
several spans as the place, and naming any of them counts. `place_recognised`: the gold place is
among the places whodid named in the sentence (resolved by the gazetteer or kept as the text names
it), chosen for an event or not; scored only on rows with a gold place. `place_when_recognised`: the
place chosen for the annotated event, on the rows whose gold place we recognised.
"""

from __future__ import annotations

import json
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from whodid.errors import InputError
from whodid.evaluate.formats._files import head_text
from whodid.evaluate.gold import Dropped, FieldSpec, GoldItem, GoldSet, ReadOptions
from whodid.evaluate.predict import main_event
from whodid.evaluate.scoring import NONE_LABEL, NOT_SCORED
from whodid.records import Event, Place, Span

NAME = "event-location"
GOLD_SOURCE = "RELABEL"
FIELDS = [
    FieldSpec("place", "label", "where the annotated event happened (normalised name), or (none)"),
    # Scored only where the gold has a place, so every gold value is "yes": recall is the figure.
    FieldSpec(
        "place_recognised",
        "flag",
        "the gold place is among the places we found in the sentence",
        "recall",
        False,
    ),
    FieldSpec(
        "place_when_recognised",
        "label",
        "where the annotated event happened, on rows whose gold place we recognised",
        baseline=False,
    ),
]
Record = dict[str, Any]


class _BadRow(ValueError):
    """A row that cannot be gold: its message is the reason reported in `dropped`."""


def sniff(path: Path) -> bool:
    if path.suffix.lower() not in {".zip", ".jsonl", ".json"} or not path.is_file():
        return False
    try:
        head = _head(path)
    except (OSError, zipfile.BadZipFile, InputError):
        return False
    return all(key in head for key in ('"spans"', '"token_start"', '"text"'))


def read(path: Path, options: ReadOptions) -> GoldSet:
    gold_set = GoldSet(
        name=path.stem.removesuffix(".jsonl"),
        format=NAME,
        fields=FIELDS,
        items=[],
        predict=predict,
        predict_with_places=predict_with_places,
    )
    gold_set.notes.append(f'only adjudicated rows (source == "{GOLD_SOURCE}") are read')
    gold_set.notes.append("place_recognised is scored only on rows with a gold place")
    seen: Counter[str] = Counter()
    for origin, record in _records(path):
        if record.get("source") != GOLD_SOURCE:
            continue
        try:
            item = _item(record, origin)
        except _BadRow as error:
            gold_set.dropped.append(Dropped(origin, str(error)))
            continue
        seen[item.id] += 1
        if seen[item.id] > 1:
            item.id = f"{item.id}#{seen[item.id]}"
        gold_set.items.append(item)
        if options.limit is not None and len(gold_set.items) >= options.limit:
            break
    return gold_set


def predict(item: GoldItem, events: list[Event]) -> dict[str, Any]:
    return predict_with_places(item, events, [])


def predict_with_places(item: GoldItem, events: list[Event], places: list[Place]) -> dict[str, Any]:
    gold_places: list[str] = item.extra.get("gold_places", [])
    event = _event_for_verb(events, item.extra.get("verb_span"))
    place = _place_label(event)
    # Any of the gold spans is right: answer with the gold label so the label scorer agrees.
    if place in gold_places:
        place = item.gold["place"]
    named = [event.location for event in events if event.location is not None] + places
    recognised = bool({key for found in named for key in _place_keys(found)} & set(gold_places))
    return {
        "place": place,
        "place_recognised": recognised,
        "place_when_recognised": place if recognised else NOT_SCORED,
    }


def normalise_place(text: str) -> str:
    """Case, accents, a leading "the" and punctuation do not make a different place."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"[.'’]", "", folded)  # "U.S." is "us", "Be'er" is "beer"
    words = re.sub(r"[^a-z0-9]+", " ", folded).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def _event_for_verb(events: list[Event], verb_span: Span | None) -> Event | None:
    if verb_span is None:
        return main_event(events)
    on_verb = [e for e in events if any(_overlaps(trigger, verb_span) for trigger in _triggers(e))]
    return main_event(on_verb) if on_verb else None


def _triggers(event: Event) -> list[Span]:
    """The event's own trigger and those of the mentions merged into it ("killed in clashes")."""
    return [event.evidence.trigger_span, *(evidence.trigger_span for evidence in event.merged)]


def _overlaps(first: Span, second: Span) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _place_label(event: Event | None) -> str:
    if event is None or event.location is None:
        return NONE_LABEL
    return normalise_place(event.location.text) or NONE_LABEL


def _place_keys(place: Place) -> set[str]:
    return {normalise_place(text) for text in (place.text, place.name) if text} - {""}


def _item(record: Record, origin: str) -> GoldItem:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _BadRow("no text")
    spans = record.get("spans") or []
    places = [_span_text(record, span) for span in spans if span.get("label") == "LOCATION"]
    gold_places = [normalise_place(place) for place in places if normalise_place(place)]
    verbs = [span for span in spans if span.get("label") == "VERB"]
    return GoldItem(
        id=str(record.get("_id") or record.get("doc_id") or origin).strip(),
        text=text,
        gold={
            "place": gold_places[0] if gold_places else NONE_LABEL,
            "place_recognised": True if gold_places else None,
            "place_when_recognised": gold_places[0] if gold_places else None,
        },
        origin=origin,
        extra={
            "gold_places": gold_places,
            "verb_span": _char_span(record, verbs[0]) if verbs else None,
            "verb": _span_text(record, verbs[0]) if verbs else None,
        },
    )


def _char_span(record: Record, span: Record) -> Span:
    """The span's character offsets read off its tokens (the span's own offsets can be wrong)."""
    tokens = {token.get("id", index): token for index, token in enumerate(record.get("tokens") or [])}
    first, last = tokens.get(span.get("token_start")), tokens.get(span.get("token_end"))
    if first is None or last is None:
        raise _BadRow(f"span {span.get('label')} points at tokens the row does not have")
    return int(first["start"]), int(last["end"])


def _span_text(record: Record, span: Record) -> str:
    if record.get("tokens"):
        start, end = _char_span(record, span)
        return record["text"][start:end]
    if span.get("text"):
        return str(span["text"])
    raise _BadRow(f"span {span.get('label')} has neither tokens nor text")


def _records(path: Path) -> Iterator[tuple[str, Record]]:
    """(origin, record) for a JSON array or JSON lines, inside a zip or not."""
    name, content = _content(path)
    where = f"{path.name}:{name}" if name else path.name
    if content.lstrip().startswith("["):
        try:
            records = json.loads(content)
        except json.JSONDecodeError as error:
            raise InputError(where, f"invalid JSON at line {error.lineno}: {error.msg}") from error
        for index, record in enumerate(records, start=1):
            yield f"{where}#{index}", record
        return
    for line_number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield f"{where}:{line_number}", json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{where}:{line_number}", f"invalid JSON: {error.msg}") from error


def _content(path: Path) -> tuple[str | None, str]:
    """The data file's text, and its member name when it came out of a zip."""
    try:
        if path.suffix.lower() != ".zip":
            return None, path.read_text(encoding="utf-8")
        with zipfile.ZipFile(path) as archive:
            member = _data_member(archive, path)
            return member, archive.read(member).decode("utf-8")
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror or error}") from error
    except zipfile.BadZipFile as error:
        raise InputError(str(path), f"not a readable zip: {error}") from error
    except UnicodeDecodeError as error:
        raise InputError(str(path), f"not UTF-8 (byte {error.start})") from error


def _data_member(archive: zipfile.ZipFile, path: Path) -> str:
    # macOS zips carry "__MACOSX/._name" resource forks beside the real file.
    members = [
        name
        for name in archive.namelist()
        if name.endswith((".jsonl", ".json")) and not name.startswith("__MACOSX/")
    ]
    if not members:
        raise InputError(str(path), "the zip holds no .jsonl or .json file")
    return members[0]


def _head(path: Path, size: int = 4000) -> str:
    if path.suffix.lower() != ".zip":
        return head_text(path, size)
    with zipfile.ZipFile(path) as archive, archive.open(_data_member(archive, path)) as handle:
        return handle.read(size).decode("utf-8", errors="replace")
