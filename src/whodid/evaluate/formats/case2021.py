"""CASE 2021 task 2 TSV (`id`, `EventSnippet`, `SubType`): news snippets labelled with ACLED sub-types
in upper case (AIR_STRIKE, ARMED_CLASH ...) or with a label outside ACLED's scope (ORG_CRIME,
NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ATTRIB).

Our answer (`sub_event_type`): the main event among those with an ACLED category, its sub-type mapped
to the CASE label by `data/evaluate/case2021_labels.yaml`. With no ACLED event we reject: DIPLO when
the main event is of a verbal or diplomatic PLOVER type (CONSULT, AGREE, SANCTION ...; the list is in
the data file), else OUT_OF_SCOPE, a label no gold row has, so it is never counted right: we cannot
tell a crime from a disaster. A snippet whose main event claims or denies an act (CAMEO 015, 016) is
ATTRIB, whatever the act. `in_scope` scores the first decision alone: did we find an ACLED event
where the gold has one?
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from whodid.data_files import load_yaml_mapping, package_data_path
from whodid.errors import DataFileError, InputError
from whodid.evaluate.gold import Dropped, FieldSpec, GoldItem, GoldSet, ReadOptions
from whodid.evaluate.predict import main_event
from whodid.evaluate.scoring import NONE_LABEL
from whodid.records import Event

NAME = "case2021"
COLUMNS = ("id", "eventsnippet", "subtype")
LABELS_FILE = "evaluate/case2021_labels.yaml"
FIELDS = [
    FieldSpec("sub_event_type", "label", "CASE 2021 label: an ACLED sub-type or an out-of-scope type"),
    FieldSpec(
        "acled_sub_type",
        "label",
        "the ACLED sub-type, (none) for out-of-scope snippets; macro-F1 over the ACLED sub-types only",
        headline="macro_f1",
        macro_excludes=frozenset({NONE_LABEL}),
    ),
    FieldSpec("in_scope", "flag", "the snippet reports an event in ACLED's scope"),
    FieldSpec(
        "rejected",
        "flag",
        "an out-of-scope snippet (disaster, crime, diplomacy, attribution) is given no ACLED type",
        headline="recall",
        baseline=False,
    ),
]


@dataclass(frozen=True, slots=True)
class CaseLabels:
    by_sub_type: dict[str, str]  # ACLED sub-type name -> CASE label
    out_of_scope: frozenset[str]
    diplomatic_types: frozenset[str]  # PLOVER types answered `diplomatic` when nothing is in scope
    diplomatic: str
    otherwise: str
    attribution_codes: frozenset[str]
    attribution: str

    @property
    def known(self) -> frozenset[str]:
        return frozenset(self.by_sub_type.values()) | self.out_of_scope


@cache
def load_labels(path: Path | None = None) -> CaseLabels:
    path = path or package_data_path(LABELS_FILE)
    data = load_yaml_mapping(path)
    try:
        rejection = data["rejection"]
        return CaseLabels(
            by_sub_type={str(key): str(value) for key, value in data["sub_types"].items()},
            out_of_scope=frozenset(str(label) for label in data["out_of_scope"]),
            diplomatic_types=frozenset(str(kind) for kind in rejection["diplomatic_types"]),
            diplomatic=str(rejection["diplomatic"]),
            otherwise=str(rejection["otherwise"]),
            attribution_codes=frozenset(str(code) for code in rejection["attribution_codes"]),
            attribution=str(rejection["attribution"]),
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise DataFileError(str(path), f"expected sub_types, out_of_scope and rejection: {error}") from error


def sniff(path: Path) -> bool:
    if path.suffix.lower() not in {".tsv", ".txt"} or not path.is_file():
        return False
    with path.open("rb") as handle:
        head = handle.read(2000).removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    header = head.splitlines()[0] if head else ""
    return tuple(column.strip().lower() for column in header.split("\t")) == COLUMNS


def read(path: Path, options: ReadOptions) -> GoldSet:
    rows = csv.reader(io.StringIO(_text(path), newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = tuple(column.strip().lower() for column in next(rows, []))
    if header[:3] != COLUMNS:
        missing = [column for column in COLUMNS if column not in header]
        raise InputError(
            str(path), f"missing column(s): {', '.join(missing) or 'in order id, EventSnippet, SubType'}"
        )
    labels = load_labels()
    gold_set = GoldSet(name=path.stem, format=NAME, fields=FIELDS, items=[], predict=predict)
    gold_set.notes.append(
        f"{labels.otherwise} is our rejection when no event is in scope; no gold row has it"
    )
    seen: Counter[str] = Counter()
    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue  # a blank line is no gold row
        origin = f"{path.name}:{line}"
        reason = _row_problem(row, labels)
        if reason:
            gold_set.dropped.append(Dropped(origin, reason))
            continue
        gold_set.items.append(_item(row, origin, labels, seen))
        if options.limit is not None and len(gold_set.items) >= options.limit:
            break
    return gold_set


def predict(item: GoldItem, events: list[Event]) -> dict[str, Any]:
    labels = load_labels()
    main = main_event(events)
    if main is not None and main.cameo in labels.attribution_codes:
        return _rejected(labels.attribution)
    in_scope = [event for event in events if event.acled_sub_event_type]
    event = main_event(in_scope)
    if event is not None and event.acled_sub_event_type:
        # An unmapped sub-type shows up as itself in the confusion matrix rather than vanishing.
        label = labels.by_sub_type.get(event.acled_sub_event_type, event.acled_sub_event_type.upper())
        return {"sub_event_type": label, "acled_sub_type": label, "in_scope": True, "rejected": False}
    return _rejected(rejection_label(events, labels))


def _rejected(label: str) -> dict[str, Any]:
    """Our answer for a snippet with no ACLED event: the out-of-scope label we can name."""
    return {"sub_event_type": label, "acled_sub_type": NONE_LABEL, "in_scope": False, "rejected": True}


def rejection_label(events: list[Event], labels: CaseLabels) -> str:
    event = main_event(events)
    return (
        labels.diplomatic if event is not None and event.type in labels.diplomatic_types else labels.otherwise
    )


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise InputError(str(path), f"not UTF-8 (byte {error.start}): save it as UTF-8") from error


def _row_problem(row: list[str], labels: CaseLabels) -> str | None:
    if len(row) != len(COLUMNS):
        return f"{len(row)} tab-separated cells, expected {len(COLUMNS)} (a tab inside the snippet?)"
    if not row[1].strip():
        return "empty EventSnippet: no text to code"
    if row[2].strip() not in labels.known:
        return f"SubType {row[2].strip()!r} is not a CASE 2021 task 2 label"
    return None


def _item(row: list[str], origin: str, labels: CaseLabels, seen: Counter[str]) -> GoldItem:
    item_id = row[0].strip() or origin
    seen[item_id] += 1
    label = row[2].strip()
    return GoldItem(
        id=item_id if seen[item_id] == 1 else f"{item_id}#{seen[item_id]}",
        text=row[1].strip(),
        gold={
            "sub_event_type": label,
            "acled_sub_type": NONE_LABEL if label in labels.out_of_scope else label,
            "in_scope": label not in labels.out_of_scope,
            # scored on the out-of-scope snippets only: None leaves the others out
            "rejected": True if label in labels.out_of_scope else None,
        },
        origin=origin,
    )
