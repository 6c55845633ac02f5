"""What runs inside a worker process (one Pipeline per process, built on first use and kept), and what
the coders that own worker processes share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from types import TracebackType
from typing import Self, TypeVar

from whodid.pipeline import ArticleResult, Pipeline, PipelineOptions
from whodid.records import Article
from whodid.republication import signature, signature_bytes

T = TypeVar("T")

_pipelines: dict[PipelineOptions, Pipeline] = {}


def pipeline_for(options: PipelineOptions) -> Pipeline:
    """This process's Pipeline for these options: models and data load once per worker, not per task."""
    if options not in _pipelines:
        _pipelines[options] = options.build()
    return _pipelines[options]


def warm_up(options: PipelineOptions) -> bool:
    """Load the Pipeline now, so a worker that cannot load it fails at start, not on the first task."""
    pipeline_for(options)
    return True


def code_articles(articles: list[Article], options: PipelineOptions) -> list[ArticleResult]:
    """The articles coded, each with its text's MinHash signature: computed here, in a worker, it does
    not fall to the one process that stores them all."""
    results = list(pipeline_for(options).run(articles))
    for result in results:
        if result.error is None:
            result.signature = signature_bytes(signature(result.article.text))
    return results


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last may be shorter), read lazily."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class ClosingCoder:
    """A coder that owns processes: used as a context manager, they end with the block."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
