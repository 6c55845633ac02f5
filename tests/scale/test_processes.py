"""Coding in worker processes: the same results as one process, in input order, and a worker killed
mid-run costs nothing but a restart."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from whodid.ingest import read_articles
from whodid.pipeline import ArticleResult, PipelineOptions
from whodid.records import Article
from whodid.republication import signature, signature_bytes
from whodid.scale import ProcessCoder
from whodid.scale.worker import chunks

CORPUS = Path(__file__).resolve().parents[1] / "data" / "merge_corpus" / "articles.jsonl"


def corpus() -> list[Article]:
    return [item for item in read_articles([str(CORPUS)]) if isinstance(item, Article)]


def coded(results: list[ArticleResult]) -> list[tuple[str, str | None, list[dict]]]:
    return [(r.article.id, r.error, [event.to_dict() for event in r.events]) for r in results]


@pytest.fixture(scope="module")
def in_one_process(pipeline) -> list[ArticleResult]:
    articles = [*corpus(), Article(id="blank", text="   ", origin="blank.txt")]
    return list(pipeline.run(articles))


def test_two_workers_code_what_one_process_codes_in_the_same_order(in_one_process) -> None:
    articles = [*corpus(), Article(id="blank", text="   ", origin="blank.txt")]
    with ProcessCoder(2, PipelineOptions(), chunk_size=3) as coder:
        results = list(coder.run(articles))
    assert [r.article.id for r in results] == [a.id for a in articles]
    assert coded(results) == coded(in_one_process)
    assert results[-1].error == "empty text"  # a refused article comes back refused, in its place
    # Each coded text's MinHash signature comes computed by its worker, so the storing process need not.
    assert [r.signature for r in results] == [
        None if r.error else signature_bytes(signature(r.article.text)) for r in results
    ]


def test_a_worker_killed_mid_run_is_replaced_and_no_article_is_lost(in_one_process) -> None:
    articles = [*corpus(), Article(id="blank", text="   ", origin="blank.txt")]
    with ProcessCoder(1, PipelineOptions(), chunk_size=2) as coder:
        stream = coder.run(articles)
        first = next(stream)
        for pid in list(coder._pool._processes):  # the live worker, killed as a crash would kill it
            os.kill(pid, signal.SIGKILL)
        results = [first, *stream]
    assert coded(results) == coded(in_one_process)


def test_workers_must_be_at_least_one() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        ProcessCoder(0)


def test_chunks_keep_order_and_the_short_tail() -> None:
    assert list(chunks(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunks([], 3)) == []
