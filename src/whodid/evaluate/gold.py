"""Gold sets in one shape, whatever their file format: items (a text and its gold fields) and how
each field is scored. Format readers live in `whodid.evaluate.formats`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from whodid.records import Event, Place

# How a field is compared:
#   label     one class per item (accuracy, per-class P/R/F1, confusion matrix)
#   flag      true/false per item (P/R/F1 of "true")
#   number    a count (exact share, mean absolute error)
#   distance  a (lat, lon) point (km between; share within 5/25/50 km)
#   date      a calendar date (exact share; within 1 and 7 days)
#   name      an actor or place name (normalised fuzzy match)
FieldKind = Literal["label", "flag", "number", "distance", "date", "name"]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    kind: FieldKind
    description: str = ""
    headline: str | None = None  # the figure that sums the field up, when not the kind's usual one
    baseline: bool = True  # False where a trivial rule means nothing (every gold item is positive)
    group_by: str | None = None  # an `extra` key whose values split the figures ("geo_precision")
    macro_excludes: frozenset[str] = frozenset()  # labels left out of a label field's macro-F1


@dataclass(slots=True)
class GoldItem:
    """One unit of scoring: a text (a snippet, a sentence or a whole article) and its gold fields."""

    id: str
    text: str
    gold: dict[str, Any]  # field name -> gold value; a missing or None value is not scored
    published: date | None = None
    origin: str = ""  # "file:line", for messages and the report
    extra: dict[str, Any] = field(default_factory=dict)  # what a format's predictor needs besides the text


@dataclass(frozen=True, slots=True)
class Dropped:
    """A gold row that could not be used, and why: counted and reported, never silently lost."""

    origin: str
    reason: str


# Our answer for one item, per field, from the events whodid produced for its text.
Predictor = Callable[[GoldItem, list[Event]], dict[str, Any]]
PlacePredictor = Callable[[GoldItem, list[Event], list[Place]], dict[str, Any]]


@dataclass(slots=True)
class GoldSet:
    name: str
    format: str
    fields: list[FieldSpec]
    items: list[GoldItem]
    predict: Predictor
    dropped: list[Dropped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the reader assumed, for the report
    # For gold about places: also given every place whodid named in the text, event or not.
    predict_with_places: PlacePredictor | None = None


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What a format reader may be told from the command line."""

    published_offset_days: int = 3  # ACLED: the article is taken to appear this long after the event
    limit: int | None = None  # read at most this many items (samples for CI); None reads all


def as_date(value: object) -> date:
    """A date from a date or an ISO string (gold files hold both)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))
