"""IndiaPoliceEvents documents (`docs.jsonl`): Times of India articles of 2002, each with the labels
KILL, ARREST, FAIL, FORCE, ANY_ACTION telling what the police did (Halterman et al. 2021).

One item per article; each label is a flag field. The publication date is read off the text's first
line ("This story is from March 10, 2002") or, failing that, from `metadata.jsonl` beside the file.
The texts were stored as UTF-8 read as cp1252 ("â€™" for "’"); the reader repairs those sequences.
`police_labels` (shared with the sentence reader) answers the labels from our events.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from whodid.data_files import load_yaml_mapping, package_data_path
from whodid.errors import DataFileError, InputError
from whodid.evaluate.gold import Dropped, FieldSpec, GoldItem, GoldSet, ReadOptions
from whodid.records import Actor, Event

NAME = "ipe-docs"
LABELS = ("KILL", "ARREST", "FAIL", "FORCE", "ANY_ACTION")
FIELDS = [
    FieldSpec("kill", "flag", "the police killed someone"),
    FieldSpec("arrest", "flag", "the police arrested or detained someone"),
    FieldSpec("fail", "flag", "the police failed to act"),
    FieldSpec("force", "flag", "the police used force (lathi charge, firing, tear gas)"),
    FieldSpec("any_action", "flag", "the police did anything of the above or any other action"),
]
DOC_KEYS = frozenset({"doc_id", "doc_text", "doc_labels"})
TERMS_FILE = "evaluate/police_terms.yaml"

_STORY_DATE = re.compile(r"^\s*this story is from (\w+ \d{1,2}, \d{4})", re.IGNORECASE)
# UTF-8 punctuation decoded as cp1252, longest first; "â€\ufffd" is a closing quote whose last byte was lost.
_MOJIBAKE = (
    ("â€\ufffd", "”"), ("â€œ", "“"), ("â€˜", "‘"), ("â€™", "’"), ("â€”", "—"), ("â€“", "–"),
    ("â€¢", "•"), ("â€¦", "…"), ("â€š", "‚"), ("Â\ufffd", " "), ("Â\xa0", " "), ("Â", ""),
    ("â€", "’"), ("™", ""),  # an apostrophe the dataset's sentence splitter cut in two
)  # fmt: skip
# Events that did not happen: they cannot be police action, but a denied one may be a failure to act.
_NOT_DONE = frozenset({"denied", "hypothetical", "planned", "threatened"})


def sniff(path: Path) -> bool:
    return first_record_keys(path) >= DOC_KEYS


def read(path: Path, options: ReadOptions) -> GoldSet:
    return read_units(path, options, NAME, DOC_KEYS, _document_unit)


def _document_unit(record: dict[str, Any], dates: dict[str, date]) -> Unit:
    doc_id = str(record["doc_id"])
    text = _repaired(record["doc_text"])
    published = (story_date(text) if isinstance(text, str) else None) or dates.get(doc_id)
    return Unit(doc_id, text, record["doc_labels"], published)


@dataclass(frozen=True, slots=True)
class Unit:
    """One gold item as a record of either file gives it, before its labels are checked."""

    item_id: str
    text: Any  # a str when the record is well formed
    labels: Any
    published: date | None


def read_units(
    path: Path,
    options: ReadOptions,
    name: str,
    keys: frozenset[str],
    unit_of: Callable[[dict[str, Any], dict[str, date]], Unit],
) -> GoldSet:
    """The reading loop both IndiaPoliceEvents files share: records to items, bad rows to `dropped`."""
    dates = metadata_dates(path.parent / "metadata.jsonl")
    items: list[GoldItem] = []
    dropped: list[Dropped] = []
    seen: set[str] = set()
    for origin, record in json_records(path, keys, name, dropped):
        if options.limit is not None and len(items) >= options.limit:
            break
        unit = unit_of(record, dates)
        gold = gold_flags(unit.labels)
        problem = gold if isinstance(gold, str) else row_problem(unit.item_id, unit.text, seen)
        if problem or isinstance(gold, str):
            dropped.append(Dropped(origin, problem or "unreadable labels"))
            continue
        seen.add(unit.item_id)
        items.append(GoldItem(unit.item_id, unit.text, gold, unit.published, origin))
    return GoldSet(name=path.stem, format=name, fields=FIELDS, items=items, predict=predict,
                   dropped=dropped, notes=reader_notes(items))  # fmt: skip


def _repaired(text: Any) -> Any:
    return repair_text(text) if isinstance(text, str) else text


def predict(item: GoldItem, events: list[Event]) -> dict[str, Any]:
    return police_labels(events)


def police_labels(events: Sequence[Event]) -> dict[str, bool]:
    """The five IndiaPoliceEvents labels read off our events, following the labels' definitions.

    The police are an event's source when a source actor has sector COP or its text or name holds a
    police word (police_terms.yaml). An arrest with no source is taken as the police's too: in these
    articles only the police arrest, and the passive ("50 persons were arrested") seldom names them.
    Over events by the police that happened (not denied, planned,
    threatened or hypothetical):

    - kill: an ASSAULT with fatalities stated or a lethal trigger (killed, shot dead, encounter);
    - arrest: a COERCE of mode arrest or with an arrest trigger (arrested, detained, rounded up);
    - force: any ASSAULT, or a COERCE with a force trigger (lathi charge, firing, tear gas);
    - any_action: any of these, or any other event by the police except a REJECT.

    fail: a COERCE or ASSAULT by the police that is denied ("police did not arrest anyone"), or a
    REJECT by the police ("police refused to register the complaint"). Rare for us: most failures are
    told as inaction ("remained mute spectators"), which is no event at all.
    """
    terms = police_terms()
    by_police = [event for event in events if _by_police(event, terms)]
    done = [event for event in by_police if event.factuality not in _NOT_DONE]
    kill = any(
        event.type == "ASSAULT"
        and (bool(event.fatalities and event.fatalities.value > 0) or terms.lethal_trigger(event))
        for event in done
    )
    arrest = any(
        event.type == "COERCE" and (event.mode == "arrest" or terms.arrest_trigger(event)) for event in done
    )
    force = any(
        event.type == "ASSAULT" or (event.type == "COERCE" and terms.force_trigger(event)) for event in done
    )
    fail = any(
        event.type == "REJECT" or (event.type in {"COERCE", "ASSAULT"} and event.factuality == "denied")
        for event in by_police
    )
    other_action = any(event.type != "REJECT" for event in done)
    return {
        "kill": kill,
        "arrest": arrest,
        "fail": fail,
        "force": force,
        "any_action": kill or arrest or force or other_action,
    }


@dataclass(frozen=True, slots=True)
class PoliceTerms:
    police: re.Pattern[str]
    lethal: re.Pattern[str]
    arrest: re.Pattern[str]
    force: re.Pattern[str]

    def lethal_trigger(self, event: Event) -> bool:
        return bool(self.lethal.search(event.evidence.trigger_text.lower()))

    def arrest_trigger(self, event: Event) -> bool:
        return bool(self.arrest.search(event.evidence.trigger_text.lower()))

    def force_trigger(self, event: Event) -> bool:
        return bool(self.force.search(event.evidence.trigger_text.lower()))


@lru_cache(maxsize=1)
def police_terms() -> PoliceTerms:
    path = package_data_path(TERMS_FILE)
    data = load_yaml_mapping(path)
    lists = {key: _word_list(data, key, path) for key in ("police", "lethal", "arrest", "force")}
    return PoliceTerms(
        police=_alternation(lists["police"], r"(?:e?s)?\b"),  # whole words, plural allowed
        lethal=_alternation(lists["lethal"], ""),  # word starts: kill -> killed, killing
        arrest=_alternation(lists["arrest"], ""),
        force=_alternation(lists["force"], ""),
    )


def _by_police(event: Event, terms: PoliceTerms) -> bool:
    if not event.source:
        return event.type == "COERCE" and (event.mode == "arrest" or terms.arrest_trigger(event))
    return any(_is_police(actor, terms) for actor in event.source)


def _is_police(actor: Actor, terms: PoliceTerms) -> bool:
    if actor.sector == "COP":
        return True
    return any(terms.police.search(words.lower()) for words in (actor.text, actor.name) if words)


def _word_list(data: dict[str, Any], key: str, path: Path) -> list[str]:
    words = data.get(key)
    if not isinstance(words, list) or not words or not all(isinstance(word, str) for word in words):
        raise DataFileError(str(path), f"'{key}' must be a non-empty list of words")
    return words


def _alternation(words: list[str], suffix: str) -> re.Pattern[str]:
    # Longest first, so "head constable" wins over "constable" where both could match.
    ordered = sorted((word.lower() for word in words), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(word) for word in ordered) + ")" + suffix)


# --- reading, shared with the sentence reader -------------------------------------------------------


def json_records(
    path: Path, keys: frozenset[str], format_name: str, dropped: list[Dropped]
) -> Iterator[tuple[str, dict[str, Any]]]:
    """The JSON lines of `path` that hold `keys`, with their origin; malformed lines go to `dropped`.
    A file whose first record is not of this kind is not of the format: InputError."""
    first = True
    for number, line in enumerate(_lines(path), start=1):
        if not line.strip():
            continue
        origin = f"{path.name}:{number}"
        record, problem = _parse_record(line, keys)
        if first and problem:
            reason = f"not an IndiaPoliceEvents {format_name} file: line {number} {problem}"
            raise InputError(str(path), reason)
        first = False
        if problem or record is None:
            dropped.append(Dropped(origin, problem or "empty record"))
            continue
        yield origin, record
    if first:
        raise InputError(str(path), f"not an IndiaPoliceEvents {format_name} file: it holds no records")


def gold_flags(labels: Any) -> dict[str, bool] | str:
    """The five flags from a label list, or why the list cannot be read."""
    if not isinstance(labels, list) or not all(isinstance(label, str) for label in labels):
        return f"labels are not a list of strings: {labels!r:.60}"
    unknown = sorted(set(labels) - set(LABELS))
    if unknown:
        return f"unknown label(s) {', '.join(unknown)}; known: {', '.join(LABELS)}"
    return {label.lower(): label in labels for label in LABELS}


def story_date(text: str) -> date | None:
    """The date of the text's 'This story is from <Month D, YYYY>' line, if it has one."""
    match = _STORY_DATE.match(text)
    if not match:
        return None
    try:
        return datetime.strptime(match.group(1), "%B %d, %Y").date()
    except ValueError:
        return None


def metadata_dates(path: Path) -> dict[str, date]:
    """doc_id -> date from the dataset's metadata.jsonl; empty when there is none (it is only a fallback)."""
    dates: dict[str, date] = {}
    if not path.is_file():
        return dates
    for line in _lines(path):
        try:
            record = json.loads(line)
            dates[str(record["doc_id"])] = date.fromisoformat(record["date"])
        except (ValueError, KeyError, TypeError):
            continue  # a bad metadata line only costs that document its fallback date
    return dates


def repair_text(text: str) -> str:
    for broken, fixed in _MOJIBAKE:
        text = text.replace(broken, fixed)
    return text


def reader_notes(items: Sequence[GoldItem]) -> list[str]:
    undated = sum(item.published is None for item in items)
    notes = [
        "texts repaired: UTF-8 punctuation stored as cp1252 (â€™ and the like) turned back into ’ “ ” —",
        "predicted labels: police_labels() over our events (police as source; see its docstring)",
    ]
    if undated:
        notes.append(f"{undated} item(s) have no publication date (neither the text nor metadata.jsonl)")
    return notes


def row_problem(item_id: str, text: Any, seen: set[str]) -> str | None:
    """Why a row with readable labels still cannot be an item."""
    if not isinstance(text, str) or not text.strip():
        return "no text"
    if item_id in seen:
        return f"duplicate id {item_id}"
    return None


def _parse_record(line: str, keys: frozenset[str]) -> tuple[dict[str, Any] | None, str | None]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return None, f"is not JSON ({error.msg})"
    if not isinstance(record, dict):
        return None, "is not a JSON object"
    missing = sorted(keys - record.keys())
    if missing:
        return None, f"lacks {', '.join(missing)}"
    return record, None


def _lines(path: Path) -> Iterator[str]:
    try:
        with path.open(encoding="utf-8") as handle:
            yield from handle
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot read: {error}") from error


def first_record_keys(path: Path) -> set[str]:
    """The keys of the first JSON line of a .jsonl file (empty when it is not one); cheap, for sniffing."""
    if path.suffix != ".jsonl" or not path.is_file():
        return set()
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    return set(record) if isinstance(record, dict) else set()
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        pass
    return set()
