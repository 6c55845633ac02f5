"""Readers over small files we write here: every bad input is a Skipped naming it, never an exception."""

from __future__ import annotations

import io
import json
import logging
from datetime import date
from pathlib import Path

import pytest

from whodid.ingest import Skipped, read_articles
from whodid.records import Article

TEXT = "Protesters gathered in Basra on Monday.\r\nPolice fired tear gas.\n"


def read_all(*inputs: str | Path, **options: object) -> list[Article | Skipped]:
    return list(read_articles(list(inputs), **options))  # type: ignore[arg-type]


def only_article(items: list[Article | Skipped]) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def only_skipped(items: list[Article | Skipped]) -> Skipped:
    assert len(items) == 1 and isinstance(items[0], Skipped), items
    return items[0]


def test_txt_with_sidecar_takes_its_metadata_and_keeps_text_exact(tmp_path: Path) -> None:
    text_file = tmp_path / "basra.txt"
    text_file.write_bytes(TEXT.encode("utf-8"))
    sidecar = {
        "id": "basra-01",
        "title": "Protest in Basra",
        "outlet": "Example News",
        "url": "https://example.org/basra",
        "published": "2024-03-01",
        "language": "en",
        "text_file": "basra.txt",
        "republished_by": "ignored",
    }
    (tmp_path / "basra.json").write_text(json.dumps(sidecar), encoding="utf-8")

    article = only_article(read_all(text_file, published=date(2020, 1, 1)))

    assert article.id == "basra-01"
    assert article.text == TEXT  # CRLF kept: spans are offsets into this text
    assert article.published == date(2024, 3, 1)  # the sidecar's date wins over the fallback
    assert (article.title, article.outlet, article.url, article.language) == (
        "Protest in Basra",
        "Example News",
        "https://example.org/basra",
        "en",
    )
    assert article.origin == str(text_file)


def test_bare_txt_uses_stem_as_id_and_fallback_date(tmp_path: Path) -> None:
    text_file = tmp_path / "note.txt"
    text_file.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))

    article = only_article(read_all(text_file, published=date(2024, 2, 2)))

    assert article.id == "note"
    assert article.text == TEXT  # the BOM is not part of the text
    assert article.published == date(2024, 2, 2)
    assert article.title is None


def test_jsonl_reads_good_lines_around_a_malformed_one(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "First text.", "published": "2024-03-05T08:30:00+03:00"}),
        "",
        "{not json",
        json.dumps({"text": "Third text.", "outlet": "Wire"}),
        json.dumps({"title": "no text here"}),
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")

    items = read_all(feed)

    articles = [item for item in items if isinstance(item, Article)]
    skipped = [item for item in items if isinstance(item, Skipped)]
    assert [a.id for a in articles] == ["a", "feed-4"]
    assert articles[0].published == date(2024, 3, 5)
    assert articles[1].outlet == "Wire"
    assert articles[1].origin == f"{feed}:4"
    assert [s.origin for s in skipped] == [f"{feed}:3", f"{feed}:5"]
    assert skipped[0].reason.startswith("line 3: invalid JSON")
    assert skipped[1].reason == "line 5: no 'text' field"


def test_folder_reads_inputs_recursively_in_order_and_skips_hidden_and_sidecars(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Text b.", encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"title": "B"}), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.ndjson").write_text(json.dumps({"text": "Text c."}) + "\n", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": "Text a."}) + "\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Hidden too.", encoding="utf-8")
    (tmp_path / "readme.md").write_text("Not an input.", encoding="utf-8")

    items = read_all(tmp_path)

    assert all(isinstance(item, Article) for item in items), items
    assert [(a.id, a.text) for a in items] == [("a-1", "Text a."), ("b", "Text b."), ("c-1", "Text c.")]
    assert items[1].title == "B"


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    skipped = only_skipped(read_all(tmp_path))
    assert skipped.origin == str(tmp_path)
    assert "no .txt" in skipped.reason


def test_stdin_bare_text_is_one_article() -> None:
    article = only_article(read_all("-", stdin=io.StringIO(TEXT), published=date(2024, 1, 9)))
    assert article.text == TEXT
    assert article.id.startswith("stdin")
    assert article.published == date(2024, 1, 9)
    assert article.origin == "<stdin>"


def test_stdin_starting_with_a_brace_is_jsonl() -> None:
    feed = "\n  " + json.dumps({"id": "x", "text": "One."}) + "\n" + json.dumps({"text": "Two."}) + "\n"
    items = read_all("-", stdin=io.StringIO(feed))
    assert [(a.id, a.text) for a in items] == [("x", "One."), ("stdin-3", "Two.")]


def test_empty_file_is_skipped(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\t\n", encoding="utf-8")

    first, second = read_all(empty, blank)

    assert first == Skipped(str(empty), "empty file")
    assert isinstance(second, Skipped) and second.origin == str(blank)
    assert "whitespace" in second.reason


def test_binary_files_are_skipped_and_latin1_is_read_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Café in Mosul".encode("latin-1"))

    with caplog.at_level(logging.WARNING, logger="whodid.ingest"):
        first, second = read_all(binary, latin)

    assert first == Skipped(str(binary), "binary file (NUL bytes)")
    assert isinstance(second, Article) and second.text == "Café in Mosul"
    assert f"{latin}: not valid UTF-8 (first at offset 3)" in caplog.text


def test_missing_path_and_unknown_extension_are_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    other = tmp_path / "table.docx"
    other.write_text("a,b\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Good text.", encoding="utf-8")

    first, second, third = read_all(missing, other, good)

    assert first == Skipped(str(missing), "no such file or folder")
    assert isinstance(second, Skipped) and second.origin == str(other)
    assert "unknown file type (.docx); expected .txt, .jsonl" in second.reason
    assert isinstance(third, Article) and third.id == "good"


def test_impossible_date_skips_that_article(tmp_path: Path) -> None:
    text_file = tmp_path / "dated.txt"
    text_file.write_text("Some text.", encoding="utf-8")
    (tmp_path / "dated.json").write_text(json.dumps({"published": "2024-13-45"}), encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": "T.", "published": "yesterday"}) + "\n", encoding="utf-8")

    first, second = read_all(text_file, feed)

    assert first == Skipped(str(text_file), "published: not a date: '2024-13-45'")
    assert second == Skipped(f"{feed}:1", "line 1: published: not a date: 'yesterday'")


def test_file_over_the_size_limit_is_skipped(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("x" * 2000, encoding="utf-8")

    skipped = only_skipped(read_all(big, max_bytes=1000))

    assert skipped.origin == str(big)
    assert skipped.reason.startswith("file too large")


def test_malformed_sidecar_skips_its_article(tmp_path: Path) -> None:
    text_file = tmp_path / "story.txt"
    text_file.write_text("A story.", encoding="utf-8")
    (tmp_path / "story.json").write_text("{broken", encoding="utf-8")

    skipped = only_skipped(read_all(text_file))

    assert skipped.origin == str(text_file)
    assert "sidecar story.json" in skipped.reason


def test_a_single_path_string_is_one_input(tmp_path: Path) -> None:
    text_file = tmp_path / "one.txt"
    text_file.write_text("One text.", encoding="utf-8")
    assert [a.id for a in read_articles(str(text_file))] == ["one"]  # type: ignore[union-attr]


def test_json_lines_past_the_decoder_limits_are_skipped(tmp_path: Path) -> None:
    feed = tmp_path / "limits.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    huge_number = '{"text": "A number.", "id": ' + "9" * 5000 + "}"
    feed.write_text(f"{deep}\n{huge_number}\n" + json.dumps({"text": "Still read."}) + "\n", encoding="utf-8")

    first, second, third = read_all(feed)

    assert isinstance(first, Skipped) and first.reason == "line 1: invalid JSON: nested too deeply"
    assert isinstance(second, Skipped) and second.reason.startswith("line 2: invalid JSON")
    assert isinstance(third, Article) and third.text == "Still read."


def test_a_jsonl_or_csv_file_of_blank_lines_is_reported_not_passed_over(tmp_path: Path) -> None:
    blank_jsonl = tmp_path / "blank.jsonl"
    blank_jsonl.write_text("\n \r\n\n", encoding="utf-8")
    blank_csv = tmp_path / "blank.csv"
    blank_csv.write_text("\n\n", encoding="utf-8")

    assert read_all(blank_jsonl, blank_csv) == [
        Skipped(str(blank_jsonl), "only whitespace, no text"),
        Skipped(str(blank_csv), "only whitespace, no text"),
    ]


def test_stdin_of_control_characters_is_binary() -> None:
    skipped = only_skipped(read_all("-", stdin=io.StringIO("\x1b\x01\x02 ok \x03\x04\x05")))
    assert skipped.origin == "<stdin>" and skipped.reason.startswith("binary data")


def test_non_english_text_passes_through_with_its_declared_language(tmp_path: Path) -> None:
    feed = tmp_path / "world.jsonl"
    feed.write_text(
        json.dumps({"text": "Des manifestants ont défilé à Dakar.", "language": "fr"}) + "\n", "utf-8"
    )
    article = only_article(read_all(feed))
    assert (article.text, article.language) == ("Des manifestants ont défilé à Dakar.", "fr")
