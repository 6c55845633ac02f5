"""Coding in worker processes on this machine: `whodid ingest --workers N`.

Each worker builds its own Pipeline once and codes chunks of articles; results come back in input order.
Only a few chunks per worker are in flight at any time, so memory stays flat however long the corpus.
A worker that dies (killed, out of memory) takes only its own articles down: the pool is restarted and
the chunks that were in flight are coded again one article at a time, so only the article that kills a
worker again is given up, with a reason.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from whodid.pipeline import ArticleResult, PipelineOptions
from whodid.records import Article
from whodid.scale.worker import ClosingCoder, chunks, code_articles, warm_up

log = logging.getLogger(__name__)

# Articles a worker codes per task: enough to keep the parser's batches full and the hand-over cheap.
DEFAULT_CHUNK = 16
# Enough queued that the workers keep coding while the main process stores a batch of coded articles.
CHUNKS_IN_FLIGHT_PER_WORKER = 4
WORKER_DIED = "the worker process coding it died (it may have run out of memory)"


class ProcessCoder(ClosingCoder):
    """A Coder that spreads articles over `workers` processes. Use it as a context manager (or call
    `close`) so the processes end with the run."""

    def __init__(
        self, workers: int, options: PipelineOptions | None = None, chunk_size: int = DEFAULT_CHUNK
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self.options = options or PipelineOptions()
        self.chunk_size = chunk_size
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # Spawned, not forked: a fork would copy this process's open store connections and threads.
        pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
        for ready in [pool.submit(warm_up, self.options) for _ in range(self.workers)]:
            ready.result()  # a model that cannot load fails here, with its own message
        return pool

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        in_flight: deque[tuple[list[Article], Future[list[ArticleResult]], ProcessPoolExecutor]] = deque()
        for chunk in chunks(articles, self.chunk_size):
            in_flight.append((chunk, *self._submit(chunk)))
            if len(in_flight) >= self.workers * CHUNKS_IN_FLIGHT_PER_WORKER:
                yield from self._collect(*in_flight.popleft())
        while in_flight:
            yield from self._collect(*in_flight.popleft())

    def _submit(self, chunk: list[Article]) -> tuple[Future[list[ArticleResult]], ProcessPoolExecutor]:
        try:
            return self._pool.submit(code_articles, chunk, self.options), self._pool
        except BrokenProcessPool:  # it broke since the last chunk was sent; its chunks are coded again
            self._restart(self._pool)
            return self._pool.submit(code_articles, chunk, self.options), self._pool

    def _collect(
        self, chunk: list[Article], future: Future[list[ArticleResult]], pool: ProcessPoolExecutor
    ) -> list[ArticleResult]:
        try:
            return future.result()
        except BrokenProcessPool:
            log.warning("a worker died while coding %d articles; coding them again one by one", len(chunk))
            self._restart(pool)
            return [self._code_alone(article) for article in chunk]
        except Exception as error:  # a result that cannot come back (unpicklable, ...): these articles fail
            log.warning("a chunk of %d articles failed in a worker: %s", len(chunk), error)
            return [ArticleResult(article, [], error=f"{type(error).__name__}: {error}") for article in chunk]

    def _code_alone(self, article: Article) -> ArticleResult:
        pool = self._pool
        try:
            return pool.submit(code_articles, [article], self.options).result()[0]
        except BrokenProcessPool:
            self._restart(pool)
            return ArticleResult(article, [], error=WORKER_DIED)

    def _restart(self, broken: ProcessPoolExecutor) -> None:
        """A fresh pool, unless the broken one was replaced already (its other chunks fail too)."""
        if self._pool is broken:
            broken.shutdown(wait=False, cancel_futures=True)
            self._pool = self._start()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
