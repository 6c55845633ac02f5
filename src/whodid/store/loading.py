"""Articles into a store: parse what is new, repeat what is an exact copy, skip what is stored.

Coded articles are stored in batches, one transaction each, in input order, so a run stopped at any
point and started again goes on where it stopped: what was stored is recognised by its text and address
and not parsed again, and nothing is stored twice. One article that cannot be coded or stored is
reported and the run goes on.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from whodid.errors import StoreError
from whodid.pipeline import ArticleResult, Pipeline
from whodid.records import Article
from whodid.store.event_store import EventStore
from whodid.store.writer import StoredArticle

log = logging.getLogger(__name__)

STORED, COPIED, KNOWN, FAILED = "stored", "copied", "known", "failed"
# Coded articles written per transaction: each statement costs far more than each row, and a crash
# loses at most one batch, which the next run codes again.
DEFAULT_BATCH = 32


@dataclass(frozen=True, slots=True)
class Loaded:
    """What became of one article."""

    article: Article
    status: str  # stored (coded now), copied (an exact copy, not parsed), known (stored before), failed
    mentions: int = 0
    result: StoredArticle | None = None
    reason: str | None = None  # why it failed


def load_articles(
    store: EventStore, pipeline: Pipeline, articles: Iterable[Article], batch_size: int = DEFAULT_BATCH
) -> Iterator[Loaded]:
    """Store each article with its events, `batch_size` coded articles per transaction; yields one
    outcome per article, each once its batch is committed. Articles that need no parse (stored before,
    or exact copies of stored ones) are settled at once, so their outcomes may come before those of
    articles read earlier that were still waiting for their batch."""
    settled: deque[Loaded] = deque()  # outcomes decided without the parser, reported in their turn

    def to_parse() -> Iterator[Article]:
        for article in articles:
            outcome = _without_parsing(store, article)
            if outcome is None:
                yield article
            else:
                settled.append(outcome)

    batch: list[ArticleResult] = []
    for result in pipeline.run(to_parse()):
        if result.error:
            yield from _drain(settled)
            yield Loaded(result.article, FAILED, reason=result.error)
            continue
        batch.append(result)
        if len(batch) >= batch_size:
            yield from _store(store, batch)
            yield from _drain(settled)
            batch = []
    yield from _store(store, batch)
    yield from _drain(settled)


def _store(store: EventStore, batch: list[ArticleResult]) -> Iterator[Loaded]:
    """A batch in one transaction; if it fails, its articles one by one, so one bad article fails alone."""
    if not batch:
        return
    try:
        stored = store.store_batch([(result.article, result.events) for result in batch])
    except StoreError as error:
        if len(batch) > 1:
            for result in batch:
                yield from _store(store, [result])
            return
        log.info("article %s not stored: %s", batch[0].article.id, error)
        yield Loaded(batch[0].article, FAILED, reason=str(error))
        return
    for result, outcome in zip(batch, stored, strict=True):
        status = STORED if outcome.stored else KNOWN  # the same text twice in one run
        yield Loaded(result.article, status, len(result.events), outcome)


def _without_parsing(store: EventStore, article: Article) -> Loaded | None:
    """The outcome of an article that needs no parse (stored already, or an exact copy), else None."""
    try:
        if store.is_stored(article):
            return Loaded(article, KNOWN)
        if store.exact_original(article) is None:
            return None
        stored = store.store(article, None)
    except StoreError as error:
        return Loaded(article, FAILED, reason=str(error))
    return Loaded(article, COPIED if stored.stored else KNOWN, result=stored)


def _drain(settled: deque[Loaded]) -> Iterator[Loaded]:
    while settled:
        yield settled.popleft()
