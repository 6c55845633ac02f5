"""Coded articles as Parquet partitions: what a cluster's workers write and the store loads.

One row per article, in input order: the article and its events as JSON records (`Article` and
`Event` in their `to_dict()` form, so `from_record` rebuilds them exactly), or the reason it failed,
and the text's MinHash signature where the worker computed it.
Files are written under a temporary name and renamed, so a partition is either whole or absent.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import duckdb
import pandas as pd

from whodid.pipeline import ArticleResult
from whodid.records import Article, Event, article_record, from_record

COLUMNS = ("position", "article_id", "article", "events", "event_count", "error", "signature")
_local = threading.local()  # each thread's own DuckDB connection (a connection is not shared safely)


def write_partition(results: list[ArticleResult], path: Path) -> int:
    """Write the coded articles to `path` (Parquet); returns how many rows were written."""
    frame = pd.DataFrame(
        {
            "position": list(range(len(results))),
            "article_id": [result.article.id for result in results],
            "article": [json.dumps(article_record(result.article), ensure_ascii=False) for result in results],
            "events": [
                json.dumps([event.to_dict() for event in result.events], ensure_ascii=False)
                for result in results
            ],
            "event_count": [len(result.events) for result in results],
            "error": [result.error for result in results],
            "signature": [result.signature for result in results],
        },
        columns=list(COLUMNS),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    connection = _connection()
    connection.register("coded", frame)
    try:
        connection.execute(f"COPY coded TO '{_quoted(partial)}' (FORMAT parquet)")
    finally:
        connection.unregister("coded")
    os.replace(partial, path)
    return len(results)


def read_partition(path: Path) -> list[ArticleResult]:
    """The coded articles of a partition, in the order they were written."""
    sql = "SELECT article, events, error, signature FROM read_parquet(?) ORDER BY position"
    rows = _connection().execute(sql, [str(path)]).fetchall()
    return [
        ArticleResult(
            from_record(Article, json.loads(article)),
            [from_record(Event, record) for record in json.loads(events)],
            error=error,
            signature=None if signature is None else bytes(signature),
        )
        for article, events, error, signature in rows
    ]


def _connection() -> duckdb.DuckDBPyConnection:
    """This thread's in-memory DuckDB connection, opened once: opening one costs about 17 ms, ten times
    what reading a partition does."""
    connection = getattr(_local, "connection", None)
    if connection is None:
        connection = _local.connection = duckdb.connect()
    return connection


def _quoted(path: Path) -> str:
    """A path inside a single-quoted SQL string (COPY takes no parameter for its target)."""
    return str(path).replace("'", "''")
