"""The text behind an event: which stretches of its article support which field, for showing them.

Pure functions over an event record in its dict form (``Event.to_dict()``): a reader sees the article
with the trigger, actors, place, date and numbers marked, each mark naming the field it supports.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

# The fields a mark can support, in the order a legend lists them.
MARK_KINDS = (
    "sentence", "trigger", "outcome", "source", "target", "place", "date", "fatalities", "injured",
    "arrested", "participants", "attribution",
)  # fmt: skip
_QUANTITIES = ("fatalities", "injured", "arrested", "participants")


@dataclass(frozen=True, slots=True)
class Mark:
    """A stretch of the article's text (character offsets, end exclusive) and the field it supports."""

    kind: str
    start: int
    end: int
    label: str | None = None  # what it was read as: the actor's canonical name, the date, the number


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text under the same marks (none for plain text)."""

    text: str
    kinds: tuple[str, ...]
    labels: tuple[str, ...] = ()


def marks(record: dict[str, Any]) -> list[Mark]:
    """Every supported field of one mention's record, as marks on its article's text."""
    found: list[Mark] = []
    evidence = record.get("evidence") or {}
    _add(found, "sentence", evidence.get("sentence_span"))
    _add(found, "trigger", evidence.get("trigger_span"), record.get("type"))
    for merged in record.get("merged") or []:
        _add(found, "outcome", merged.get("trigger_span"))
    for role in ("source", "target"):
        for actor in record.get(role) or []:
            _add(found, role, actor.get("span"), _actor_label(actor))
    location = record.get("location") or {}
    _add(found, "place", location.get("span"), location.get("name"))
    _add(found, "date", record.get("date_span"), record.get("date"))
    for kind in _QUANTITIES:
        quantity = record.get(kind) or {}
        value = quantity.get("value")
        _add(found, kind, quantity.get("span"), None if value is None else str(value))
    attributed = record.get("attributed_to") or {}
    _add(found, "attribution", attributed.get("span"), _actor_label(attributed) if attributed else None)
    return found


def segments(text: str, found: list[Mark], window: tuple[int, int] | None = None) -> list[Segment]:
    """The text (or the `window` of it) cut at every mark's edge, each piece with the marks over it:
    overlapping marks ("killing" is both an outcome and inside the sentence) need no nesting to show."""
    start, end = window if window else (0, len(text))
    start, end = max(0, start), min(len(text), end)
    usable = [mark for mark in found if mark.start < end and mark.end > start and mark.start < mark.end]
    edges = sorted({start, end, *(max(start, m.start) for m in usable), *(min(end, m.end) for m in usable)})
    pieces: list[Segment] = []
    for left, right in pairwise(edges):
        over = [mark for mark in usable if mark.start <= left and mark.end >= right]
        kinds = tuple(kind for kind in MARK_KINDS if any(mark.kind == kind for mark in over))
        labels = tuple(dict.fromkeys(mark.label for mark in over if mark.label))
        piece = Segment(text[left:right], kinds, labels)
        if pieces and pieces[-1].kinds == piece.kinds and pieces[-1].labels == piece.labels:
            last = pieces.pop()
            piece = Segment(last.text + piece.text, kinds, piece.labels)
        pieces.append(piece)
    return pieces


def window_around(found: list[Mark], length: int, size: int) -> tuple[int, int]:
    """A stretch of at most `size` characters of a text of `length` that holds the mention's sentence."""
    if length <= size:
        return (0, length)
    anchor = next((mark for mark in found if mark.kind == "sentence"), found[0] if found else None)
    middle = (anchor.start + anchor.end) // 2 if anchor else 0
    start = max(0, min(middle - size // 2, length - size))
    return (start, start + size)


def _add(found: list[Mark], kind: str, span: Any, label: Any = None) -> None:
    if not isinstance(span, (list, tuple)) or len(span) != 2:
        return
    start, end = span
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
        found.append(Mark(kind, start, end, None if label is None else str(label)))


def _actor_label(actor: dict[str, Any]) -> str | None:
    name = actor.get("name")
    country = actor.get("country")
    if name and country and country not in name:
        return f"{name} ({country})"
    return name or None
