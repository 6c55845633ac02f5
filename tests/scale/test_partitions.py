"""Parquet partitions of coded articles: what is written is read back exactly, order and errors kept."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from whodid.pipeline import ArticleResult
from whodid.records import Article
from whodid.republication import signature, signature_bytes
from whodid.scale.partitions import read_partition, write_partition


def test_a_partition_reads_back_the_articles_and_events_written(pipeline, tmp_path: Path) -> None:
    articles = [
        Article(
            id="kisumu", text="Police arrested 12 protesters in Kisumu on Tuesday, a county official said.",
            published=date(2024, 5, 2), outlet="Lakeside Daily", url="https://example.org/k", origin="k.txt",
        ),
        Article(id="blank", text="", origin="blank.txt"),
        Article(id="mosul", text="Gunmen killed at least five soldiers near Mosul on 3 March 2024.",
                published=date(2024, 3, 5), title="Attack near Mosul"),
    ]  # fmt: skip
    results = list(pipeline.run(articles))
    assert results[0].events and results[2].events and results[1].error
    results[0].signature = signature_bytes(signature(articles[0].text))  # as a worker sets it
    path = tmp_path / "parts" / "part-000000.parquet"

    assert write_partition(results, path) == 3
    back = read_partition(path)

    assert [r.article for r in back] == articles
    assert [r.error for r in back] == [r.error for r in results]
    assert [r.events for r in back] == [r.events for r in results]
    assert [r.signature for r in back] == [r.signature for r in results]
    assert not list(path.parent.glob(".*partial"))  # written under another name, then renamed
    # Any Parquet reader sees one row per article with its event count.
    with duckdb.connect() as connection:
        counts = connection.execute(
            "SELECT article_id, event_count FROM read_parquet(?) ORDER BY position", [str(path)]
        ).fetchall()
    assert counts == [(r.article.id, len(r.events)) for r in results]


def test_an_empty_partition_is_a_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "part-empty.parquet"
    assert write_partition([], path) == 0
    assert read_partition(path) == []


def test_article_results_without_events_survive(tmp_path: Path) -> None:
    results = [ArticleResult(Article(id="a", text="Nothing happened today."), [])]
    path = tmp_path / "p.parquet"
    write_partition(results, path)
    assert read_partition(path) == results
