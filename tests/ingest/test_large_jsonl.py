"""A JSON Lines corpus larger than the byte limit is read a line at a time, the limit holding per line."""

from __future__ import annotations

import json
from pathlib import Path

from whodid.ingest import Skipped, read_articles
from whodid.records import Article

LIMIT = 2_000  # bytes: small, so the test needs no large file


def test_a_jsonl_file_over_the_limit_streams_and_only_an_oversized_line_is_skipped(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps(
            {"id": f"a{number}", "text": f"Police detained {number} traders in Nakuru.", "outlet": "Desk"}
        )
        for number in range(60)
    ]
    lines[7] = json.dumps({"id": "huge", "text": "word " * 1000})  # one article over the limit
    lines[9] = "{not json"
    corpus.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode("utf-8") + b"\n")
    assert corpus.stat().st_size > LIMIT

    items = list(read_articles([corpus], max_bytes=LIMIT))

    skipped = [item for item in items if isinstance(item, Skipped)]
    articles = [item for item in items if isinstance(item, Article)]
    assert [(item.origin, item.reason.split(":")[0]) for item in skipped] == [
        (f"{corpus}:8", "line 8"),
        (f"{corpus}:10", "line 10"),
    ]
    assert "limit for one article" in skipped[0].reason and "invalid JSON" in skipped[1].reason
    assert [article.id for article in articles] == [f"a{n}" for n in range(60) if n not in (7, 9)]
    assert articles[0].origin == f"{corpus}:1" and articles[0].text == "Police detained 0 traders in Nakuru."


def test_a_large_jsonl_file_reads_as_the_same_file_under_the_limit_does(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [{"id": f"r{n}", "text": f"Crowds marched in Eldoret on day {n}.", "published": "2024-05-02"}
               for n in range(80)]  # fmt: skip
    corpus.write_text("\n".join(json.dumps(record) for record in records) + "\n", encoding="utf-8")

    streamed = list(read_articles([corpus], max_bytes=LIMIT))
    whole = list(read_articles([corpus]))

    assert streamed == whole and len(whole) == 80


def test_a_large_utf16_jsonl_file_is_refused_with_a_reason(tmp_path: Path) -> None:
    corpus = tmp_path / "wide.jsonl"
    corpus.write_text(
        "\n".join(json.dumps({"text": f"Talks in Arusha {n}."}) for n in range(100)), encoding="utf-16"
    )
    [skipped] = read_articles([corpus], max_bytes=LIMIT)
    assert isinstance(skipped, Skipped) and "must be UTF-8" in skipped.reason
