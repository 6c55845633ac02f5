"""ConfliBERT's CAMEO class file (`cameo_class/train.tsv`): one sentence and one class 0-4 per line,
tab-separated, no header. We read the class as CAMEO's quad class, 0 meaning no event."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from whodid.errors import InputError
from whodid.evaluate.formats._files import head_lines, read_lines
from whodid.evaluate.gold import Dropped, FieldSpec, GoldItem, GoldSet, ReadOptions
from whodid.evaluate.predict import main_event
from whodid.ontology import load_ontology, plover_coded_type, plover_for_cameo
from whodid.records import Event

NAME = "conflibert-class"

CLASSES = frozenset({"0", "1", "2", "3", "4"})
NO_EVENT = "0"
SNIFF_LINES = 5

FIELDS = [
    FieldSpec(
        "quad_class",
        "label",
        "0 no event, 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict",
    ),
    FieldSpec("has_event", "flag", "the sentence reports an event (gold class is not 0)"),
]

NOTES = [
    "Class labels 0-4 are not documented by ConfliBERT's authors: reading them as 0 no event and "
    "CAMEO quad classes 1-4 is an inference.",
    "The labels read as PLOVER's quad categories (sanctions and expulsions of diplomats are 3, as PLOVER's "
    "SANCTION; a promised release is 1, as an intent to cooperate), with 0 for what PLOVER drops (CAMEO "
    "01 statements and 02 appeals: 'urged', 'condolences'), except for CONCEDE: the labels hold CAMEO's "
    "YIELD (08: restrictions eased, demands met) material cooperation, 2, as CAMEO's quad classes do, where "
    "PLOVER calls it verbal.",
    "Predicted quad_class is the PLOVER quad class of the main event's type as PLOVER codes it (a planned "
    "act as AGREE or THREATEN); 0 when its CAMEO code is one PLOVER drops or whodid finds no event.",
]


def sniff(path: Path) -> bool:
    if path.suffix.lower() not in {".tsv", ".txt"} or not path.is_file():
        return False
    lines = [line for line in head_lines(path, SNIFF_LINES) if line.strip()]
    good = sum(_split(line) is not None for line in lines)
    return good > 0 and good * 2 >= len(lines)  # tolerate the odd malformed line


def read(path: Path, options: ReadOptions) -> GoldSet:
    gold = GoldSet(path.stem, NAME, list(FIELDS), [], predict, notes=list(NOTES))
    for number, line in enumerate(read_lines(path, "ConfliBERT class file"), 1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        row = _split(line)
        if row is None:
            gold.dropped.append(Dropped(origin, _why_malformed(line)))
            continue
        sentence, label = row
        gold.items.append(GoldItem(f"{path.stem}-{number}", sentence, _gold(label), origin=origin))
        if options.limit is not None and len(gold.items) >= options.limit:
            break
    if not gold.items:
        raise InputError(str(path), "not a ConfliBERT class file: no line is 'sentence<TAB>class 0-4'")
    return gold


def predict(item: GoldItem, events: list[Event]) -> dict[str, Any]:
    event = main_event(events)
    quad = _plover_quad_class(event) if event is not None else None
    return {"quad_class": NO_EVENT if quad is None else str(quad), "has_event": bool(events)}


# Where these labels leave PLOVER's quad categories for CAMEO's: a concession is material cooperation,
# as CAMEO's YIELD (08) is (items whose main event is CONCEDE: 36 labelled 2, none 1).
LABEL_QUAD_CLASS = {"CONCEDE": 2}


def _plover_quad_class(event: Event) -> int | None:
    code = plover_for_cameo(event.cameo) if event.cameo else None
    if code is not None and code.plover is None:
        return None
    coded = plover_coded_type(event.type, event.factuality)
    return LABEL_QUAD_CLASS.get(coded, load_ontology()[coded].quad_class)


def _gold(label: str) -> dict[str, Any]:
    return {"quad_class": label, "has_event": label != NO_EVENT}


def _split(line: str) -> tuple[str, str] | None:
    """(sentence, class) of a well-formed line, else None."""
    parts = line.rstrip("\r\n").split("\t")
    if len(parts) != 2 or not parts[0].strip() or parts[1].strip() not in CLASSES:
        return None
    return parts[0].strip(), parts[1].strip()


def _why_malformed(line: str) -> str:
    parts = line.rstrip("\r\n").split("\t")
    if len(parts) != 2:
        return f"expected 'sentence<TAB>class', got {len(parts)} tab-separated fields"
    if not parts[0].strip():
        return "empty sentence"
    return f"class {parts[1].strip()!r} is not one of 0-4"
