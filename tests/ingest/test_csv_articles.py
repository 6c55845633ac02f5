"""CSV and TSV articles: the header names the columns, each row is an article or a Skipped naming its line."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from whodid.ingest import Skipped, read_articles
from whodid.records import Article


def read_csv(path: Path, content: str, **options: object) -> list[Article | Skipped]:
    path.write_text(content, encoding="utf-8", newline="")
    return list(read_articles(path, **options))  # type: ignore[arg-type]


def test_rows_become_articles_with_their_columns_and_the_file_ids_of_jsonl(tmp_path: Path) -> None:
    content = (
        "ID , Title,outlet,url,published,language,Text,extra\r\n"
        "a1,Arrests,Lake Post,https://lake.example/a1,2024-05-15T09:00:00+03:00,en,Police held 12.,x\r\n"
        ',,,,,,"Two lines,\r\nkept as written.",y\r\n'
    )
    first, second = read_csv(tmp_path / "wire.csv", content, published=date(2024, 1, 1))

    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.title, first.outlet, first.url, first.language) == (
        "a1",
        "Arrests",
        "Lake Post",
        "https://lake.example/a1",
        "en",
    )
    assert first.published == date(2024, 5, 15)
    assert first.origin == f"{tmp_path / 'wire.csv'}:2"
    assert second.id == "wire-3"  # no id: the stem and the line the row starts on
    assert second.text == "Two lines,\r\nkept as written."  # quoted newlines kept exactly
    assert second.published == date(2024, 1, 1)  # no date of its own: the fallback
    assert second.title is None


def test_tsv_and_a_body_column_are_read(tmp_path: Path) -> None:
    [article] = read_csv(tmp_path / "wire.tsv", "id\tbody\nt1\tRebels shelled the town, residents said.\n")
    assert isinstance(article, Article)
    assert (article.id, article.text) == ("t1", "Rebels shelled the town, residents said.")


def test_text_wins_over_body_and_content_when_several_are_named(tmp_path: Path) -> None:
    [article] = read_csv(tmp_path / "x.csv", "content,body,text\nc,b,t\n")
    assert isinstance(article, Article) and article.text == "t"


def test_a_field_larger_than_the_csv_module_default_is_read(tmp_path: Path) -> None:
    long_text = "Police arrested 12 protesters. " * 10_000  # about 300 KB, over the 128 KB default
    [article] = read_csv(tmp_path / "long.csv", f'text\n"{long_text}"\n')
    assert isinstance(article, Article) and article.text == long_text


def test_blank_lines_are_passed_over_and_line_numbers_stay_true(tmp_path: Path) -> None:
    items = read_csv(tmp_path / "gaps.csv", "\ntext\n\nFirst.\n\n\nSecond.\n")
    assert [item.origin.rsplit(":", 1)[1] for item in items if item.origin] == ["4", "7"]


def test_a_header_with_no_rows_is_reported(tmp_path: Path) -> None:
    [skipped] = read_csv(tmp_path / "empty_table.csv", "id,text\n")
    assert skipped == Skipped(str(tmp_path / "empty_table.csv"), "no rows after the header")


def test_a_malformed_header_is_reported(tmp_path: Path) -> None:
    [skipped] = read_csv(tmp_path / "bad.csv", 'id,"te"xt\nrow\n')
    assert isinstance(skipped, Skipped) and skipped.reason.startswith("malformed header row")


def test_reading_goes_on_after_a_stray_quote(tmp_path: Path) -> None:
    items = read_csv(tmp_path / "q.csv", 'id,text\na,"Bad" quote\nb,Fine.\n')
    assert isinstance(items[0], Skipped) and items[0].origin.endswith("q.csv:2")
    assert isinstance(items[1], Article) and items[1].id == "b"


def test_the_field_size_limit_is_raised_only_as_far_as_needed(tmp_path: Path) -> None:
    before = csv.field_size_limit()
    read_csv(tmp_path / "small.csv", "text\nShort.\n")
    assert csv.field_size_limit() == before
