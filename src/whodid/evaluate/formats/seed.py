"""The seed's `gold.yaml`: document-level gold events with tolerances (see ../shared/data/seed/).

Each gold event is one item over the article's text (the text is coded once). An event is found when
one of ours has an accepted type and agrees with the gold source and target; its date, place,
fatalities, count and factuality are then scored where the gold states them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from whodid.errors import InputError
from whodid.evaluate.gold import FieldSpec, GoldItem, GoldSet, ReadOptions
from whodid.evaluate.seed_gold import GoldEvent, check_gold, load_seed_gold
from whodid.records import Event

NAME = "seed"
FIELDS = [
    FieldSpec(
        "found",
        "flag",
        "an event of an accepted type with agreeing source and target",
        headline="recall",
        baseline=False,
    ),
    FieldSpec("date", "date", "the day the article states"),
    FieldSpec("place", "distance", "the event's place"),
    FieldSpec("fatalities", "number", "people killed"),
    FieldSpec("count", "number", "how many events the phrase counts"),
    FieldSpec("factuality", "label", "asserted, reported, hypothetical ..."),
]


def sniff(path: Path) -> bool:
    if path.suffix not in {".yaml", ".yml"} or not path.is_file():
        return False
    head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    return "document:" in head and "events:" in head


def read(path: Path, options: ReadOptions) -> GoldSet:
    gold = load_seed_gold(path)
    text_path = path.parent / f"{gold.document}.txt"
    if not text_path.is_file():
        raise InputError(str(path), f"the article {text_path.name} it scores is not beside it")
    text = text_path.read_text(encoding="utf-8")
    events = gold.events[: options.limit] if options.limit else gold.events
    items = [
        GoldItem(
            id=event.id,
            text=text,
            gold=_gold_fields(event),
            published=gold.published,
            origin=f"{path.name}:{event.id}",
            extra={"gold_event": event},
        )
        for event in events
    ]
    return GoldSet(name=gold.document, format=NAME, fields=FIELDS, items=items, predict=predict)


def predict(item: GoldItem, events: list[Event]) -> dict[str, Any]:
    check = check_gold(item.extra["gold_event"], events)
    event = check.event
    if event is None:
        return {"found": False}
    location = event.location
    return {
        "found": True,
        "date": event.date,
        "place": (location.lat, location.lon) if location and location.lat is not None else None,
        "fatalities": event.fatalities.value if event.fatalities else 0,
        "count": event.count.value if event.count else 0,
        "factuality": event.factuality,
    }


def _gold_fields(event: GoldEvent) -> dict[str, Any]:
    return {
        "found": True,
        "date": event.date,
        "place": (event.place.lat, event.place.lon) if event.place else None,
        "fatalities": event.fatalities,
        "count": event.count,
        "factuality": event.factuality,
    }
