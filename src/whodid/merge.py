"""Merge: mentions of one happening become one event.

This first step merges within a sentence: "the killing of three US soldiers ..., in an Iraqi resistance
operation" names one attack twice, once with its victims and once with its authors. Two mentions merge
when they have the same type and factuality and nothing they say contradicts the other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from whodid.records import HAPPENED, Actor, Event

# Fields a merged event takes from whichever mention states them.
_FILLABLE = ("mode", "date", "date_end", "date_precision", "date_text", "date_span", "location", "fatalities",
             "injured", "arrested", "participants", "count", "acled_event_type", "acled_sub_event_type",
             "attributed_to", "attributed_to_text", "date_rejected")  # fmt: skip


def merge_events(events: Sequence[Event], outcome_of: Mapping[str, str] | None = None) -> list[Event]:
    """Events in article order, with compatible mentions in one sentence folded into the first.

    `outcome_of` maps an event id to the id of the event it is the outcome of ("attacked the base,
    killing four soldiers", "five were killed in police firing"): those merge whatever their roles and
    wherever the cause stands in the sentence, the victims joining the targets."""
    by_id = {event.event_id: event for event in events}
    absorbed: set[str] = set()
    for event in events:
        cause = _root_cause(event, by_id, outcome_of or {})
        if cause is not None and _same_footing(cause.factuality, event.factuality):
            _absorb(cause, event)
            absorbed.add(event.event_id)
    merged: list[Event] = []
    for event in (event for event in events if event.event_id not in absorbed):
        partner = next((kept for kept in merged if _same_happening(kept, event)), None)
        if partner is None:
            merged.append(event)
        else:
            _absorb(partner, event)
    return merged


def _same_footing(first: str, second: str) -> bool:
    """An outcome and its cause are told alike, or both as having happened (one asserted, one
    attributed: "police firing ... in which, officials said, 37 were killed")."""
    return first == second or {first, second} <= HAPPENED


def _root_cause(event: Event, by_id: Mapping[str, Event], outcome_of: Mapping[str, str]) -> Event | None:
    """The event this one is (through a chain of outcomes) the outcome of, if any."""
    cause, seen = None, {event.event_id}
    while (next_id := outcome_of.get((cause or event).event_id)) in by_id and next_id not in seen:
        seen.add(next_id)
        cause = by_id[next_id]
    return cause


def _same_happening(first: Event, second: Event) -> bool:
    return (
        first.reports[0].sentence_index == second.reports[0].sentence_index
        and first.article_id == second.article_id
        and first.type == second.type
        and first.factuality == second.factuality
        and _compatible(first.source, second.source)
        and _compatible(first.target, second.target)
        and (bool(first.source) != bool(second.source) or bool(first.target) != bool(second.target))
        and _agree(first.date, second.date)
        and _agree(first.fatalities and first.fatalities.value, second.fatalities and second.fatalities.value)
    )


def _compatible(first: list[Actor], second: list[Actor]) -> bool:
    """Either side unknown, or the same countries: "US" and "American forces" may be one actor."""
    if not first or not second:
        return True
    return {a.country for a in first} == {a.country for a in second}


def _specificity(cameo: str) -> int:
    """How much a CAMEO code says: its digits, less a closing 0, which names the family itself ("170",
    coerce, says less than "192", occupy territory, or "1721")."""
    return len(cameo) - (len(cameo) > 2 and cameo.endswith("0"))


def _agree(first: object, second: object) -> bool:
    return first is None or second is None or first == second


def _absorb(kept: Event, other: Event) -> None:
    """Fill what `kept` lacks from `other`, and join its targets: "six people were killed and dozens
    of protesters wounded" harmed both. The more specific mention keeps its evidence."""
    joined = [a for a in other.target if all(a.span != b.span for b in kept.target)]
    if not kept.source:
        kept.source, kept.reciprocal = other.source, other.reciprocal and not kept.target
    # "clashes between X and Y killed five": the victims are no side of the clash.
    kept.reciprocal = kept.reciprocal and not joined
    kept.target += joined
    for name in _FILLABLE:
        if getattr(kept, name) is None:
            setattr(kept, name, getattr(other, name))
    if other.cameo and (not kept.cameo or _specificity(other.cameo) > _specificity(kept.cameo)):
        kept.cameo = other.cameo
    kept.confidence = round(max(kept.confidence, other.confidence) + 0.05, 2)
    kept.reports += [r for r in other.reports if r not in kept.reports]
    kept.merged += [other.evidence, *other.merged]
