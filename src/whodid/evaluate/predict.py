"""Helpers the format predictors share: which of our events answers a gold item."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from whodid.records import Actor, Event

FACTUALITY_RANK = {
    "asserted": 0,
    "reported": 1,
    "denied": 3,
    "planned": 2,
    "threatened": 2,
    "hypothetical": 2,
}


def main_event(events: Sequence[Event], types: Iterable[str] | None = None) -> Event | None:
    """The event a one-event gold item most likely means: the outermost (the main clause's event before
    one it reports, refuses or explains), then asserted before reported before the rest, then the one
    with most roles filled, then the most confident, then the first in the text."""
    wanted = set(types) if types is not None else None
    candidates = [e for e in events if wanted is None or e.type in wanted]
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda e: (
            e.evidence.clause_depth,
            FACTUALITY_RANK.get(e.factuality, 2),
            -(bool(e.source) + bool(e.target)),
            -e.confidence,
            e.evidence.trigger_span[0],
        ),
    )


def first_actor(actors: Sequence[Actor]) -> Actor | None:
    return actors[0] if actors else None


def actor_name(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.name or actor.text
