"""Articles into a store: parse what is new, repeat what is an exact copy, skip what is stored.

Coded articles are stored in batches, one transaction each, in input order, so a run stopped at any
point and started again goes on where it stopped: what was stored is recognised by its text and address
and not parsed again, and nothing is stored twice. One article that cannot be coded or stored is
reported and the run goes on.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from whodid.errors import StoreError
from whodid.pipeline import ArticleResult, Coder
from whodid.records import Article
from whodid.republication import signature_from_bytes
from whodid.store.event_store import EventStore, error_origin
from whodid.store.writer import StoredArticle

log = logging.getLogger(__name__)

STORED, COPIED, KNOWN, FAILED = "stored", "copied", "known", "failed"
# Coded articles written per transaction: each statement and commit costs far more than each row (on
# 5,000 coded articles, batches of 256 stored in about three quarters of the time 64 took, and 64 in
# two thirds of the time 32 took), and a crash loses at most one batch, which the next run codes again.
DEFAULT_BATCH = 256
# A batch is written sooner once its first article has waited this long: on a slow run, progress and
# what a crash may lose stay bounded in time, not only in articles.
BATCH_SECONDS = 10.0
MAX_SETTLED = 256  # outcomes settled without a parse that may wait to be reported
LOOK_AHEAD = 64  # articles read at once and checked against the store in one look-up


@dataclass(frozen=True, slots=True)
class Loaded:
    """What became of one article."""

    article: Article
    status: str  # stored (coded now), copied (an exact copy, not parsed), known (stored before), failed
    mentions: int = 0
    result: StoredArticle | None = None
    reason: str | None = None  # why it failed


def load_articles(
    store: EventStore, coder: Coder, articles: Iterable[Article], batch_size: int = DEFAULT_BATCH
) -> Iterator[Loaded]:
    """Store each article with its events, `batch_size` coded articles per transaction (fewer when the
    first has waited `BATCH_SECONDS`); yields one outcome per article, each once its batch is committed.
    `coder` is a Pipeline, or a coder that spreads the work over processes or a cluster (`whodid.scale`).
    Articles that need no parse (stored before, or exact copies of stored ones) are settled at once, so
    their outcomes may come before those of articles read earlier that were still waiting for their
    batch. Failures are noted in the store's errors table (`EventStore.errors`) and never stop the run."""
    feeder = _Feeder(store, iter(articles))
    batch: list[ArticleResult] = []
    opened = 0.0  # when the batch's first article came
    while not feeder.exhausted:
        for result in coder.run(feeder.to_parse()):
            if result.error:
                yield from feeder.drain()
                yield _failed(store, result.article, "code", result.error)
                continue
            if not batch:
                opened = time.monotonic()
            batch.append(result)
            if len(batch) >= batch_size or time.monotonic() - opened >= BATCH_SECONDS:
                yield from _store(store, batch)
                yield from feeder.drain()
                batch = []
        yield from feeder.drain()
    yield from _store(store, batch)
    yield from feeder.drain()


class _Feeder:
    """Hands the coder the articles that need parsing and settles the others on the way. The corpus is
    read `LOOK_AHEAD` articles at a time, and the store asked once per chunk what it holds of them. It
    pauses after `MAX_SETTLED` settled outcomes so they can be reported: a re-run over a corpus that is
    all stored must not hold the whole corpus waiting for a parse that never comes."""

    def __init__(self, store: EventStore, articles: Iterator[Article]) -> None:
        self.store = store
        self.articles = articles
        self.settled: deque[Loaded] = deque()  # outcomes decided without the parser, reported in turn
        self.waiting: deque[Article] = deque()  # read and found new: to parse
        self.exhausted = False

    def to_parse(self) -> Iterator[Article]:
        while True:
            while self.waiting:
                yield self.waiting.popleft()
            if len(self.settled) >= MAX_SETTLED:
                return  # the caller reports them, then asks again
            chunk = list(islice(self.articles, LOOK_AHEAD))
            if not chunk:
                self.exhausted = True
                return
            self._sort(chunk)

    def _sort(self, chunk: list[Article]) -> None:
        """Settle what the store already holds of a chunk, and queue the rest for parsing."""
        try:
            held = self.store.held(chunk)
        except StoreError as error:
            self.settled.extend(_failed(self.store, article, "store", str(error)) for article in chunk)
            return
        copies = []
        for article, found in zip(chunk, held, strict=True):
            if found.stored:
                self.settled.append(Loaded(article, KNOWN))
            elif found.original is not None:
                copies.append(ArticleResult(article, []))
            else:
                self.waiting.append(article)
        self.settled.extend(_store(self.store, copies, repeated=True))

    def drain(self) -> Iterator[Loaded]:
        while self.settled:
            yield self.settled.popleft()


def _store(store: EventStore, batch: list[ArticleResult], repeated: bool = False) -> Iterator[Loaded]:
    """A batch in one transaction; if it fails, its articles one by one, so one bad article fails alone.
    `repeated`: the articles are exact copies of stored ones, whose mentions they repeat unparsed."""
    if not batch:
        return
    pairs = [(result.article, None if repeated else result.events) for result in batch]
    signatures = {
        r.article.content_hash: signature_from_bytes(r.signature) for r in batch if r.signature is not None
    }
    try:
        stored = store.store_batch(pairs, signatures)
    except StoreError as error:
        if len(batch) > 1:
            for result in batch:
                yield from _store(store, [result], repeated)
            return
        log.info("article %s not stored: %s", batch[0].article.id, error)
        yield _failed(store, batch[0].article, "store", str(error))
        return
    log.info("stored a batch of %d articles", len(batch))
    for result, outcome in zip(batch, stored, strict=True):
        if not outcome.stored:  # the same text from the same address twice in one run
            yield Loaded(result.article, KNOWN, result=outcome)
        elif repeated:
            yield Loaded(result.article, COPIED, result=outcome)
        else:
            yield Loaded(result.article, STORED, len(result.events), outcome)


def _failed(store: EventStore, article: Article, stage: str, reason: str) -> Loaded:
    store.record_error(error_origin(article), stage, reason, article.id)
    return Loaded(article, FAILED, reason=reason)
