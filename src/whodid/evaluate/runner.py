"""Run whodid on a gold set's texts and score every field: the library call behind `whodid eval`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from whodid.evaluate.gold import Dropped, GoldItem, GoldSet
from whodid.evaluate.scoring import FieldScore, score_field
from whodid.pipeline import Pipeline
from whodid.records import Article, Event


@dataclass(slots=True)
class ItemOutcome:
    """One gold item: its events and our answer per field (kept for the worst-cases report)."""

    item: GoldItem
    events: list[Event]
    predicted: dict[str, Any]
    error: str | None = None


@dataclass(slots=True)
class EvalResult:
    gold: GoldSet
    scores: list[FieldScore]
    outcomes: dict[str, ItemOutcome]
    coverage: float | None  # share of items with at least one event
    failed: list[Dropped] = field(default_factory=list)  # items the pipeline could not code

    @property
    def items(self) -> int:
        return len(self.outcomes)


def evaluate(gold: GoldSet, pipeline: Pipeline | None = None) -> EvalResult:
    pipeline = pipeline or Pipeline()
    outcomes = dict(_outcomes(gold, pipeline))
    scored = [o for o in outcomes.values() if o.error is None]
    scores = [
        score_field(
            spec,
            [(o.item.id, o.item.gold.get(spec.name), o.predicted.get(spec.name)) for o in scored],
            {o.item.id: o.item.extra.get(spec.group_by) for o in scored} if spec.group_by else None,
            {o.item.id: o.item.text for o in scored} if spec.kind == "name" and spec.baseline else None,
        )
        for spec in gold.fields
    ]
    coded = [o for o in outcomes.values() if o.error is None]
    coverage = sum(bool(o.events) for o in coded) / len(coded) if coded else None
    failed = [Dropped(o.item.origin or o.item.id, o.error) for o in outcomes.values() if o.error]
    return EvalResult(gold, scores, outcomes, coverage, failed)


def _outcomes(gold: GoldSet, pipeline: Pipeline) -> Iterator[tuple[str, ItemOutcome]]:
    # Items may share a text (several gold events of one article): each text is coded once.
    texts: dict[tuple[str, object], GoldItem] = {}
    for item in gold.items:
        texts.setdefault((item.text, item.published), item)
    articles = (Article(id=item.id, text=item.text, published=item.published, origin=item.origin)
                for item in texts.values())  # fmt: skip
    results = {(result.article.text, result.article.published): result for result in pipeline.run(articles)}
    for item in gold.items:
        result = results[(item.text, item.published)]
        if result.error:
            yield item.id, ItemOutcome(item, [], {}, result.error)
        elif gold.predict_with_places is not None:
            predicted = gold.predict_with_places(item, result.events, result.places)
            yield item.id, ItemOutcome(item, result.events, predicted)
        else:
            yield item.id, ItemOutcome(item, result.events, gold.predict(item, result.events))
