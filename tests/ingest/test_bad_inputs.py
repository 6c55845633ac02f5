"""The corpus of bad inputs in tests/data/bad_inputs, read as a whole folder: every file gives what
EXPECTED.yaml says, nothing raises, and a second read gives the same articles with the same ids."""

from __future__ import annotations

import logging
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from whodid.ingest import DEFAULT_MAX_BYTES, Skipped, read_articles
from whodid.records import Article

BAD_INPUTS = Path(__file__).resolve().parents[1] / "data" / "bad_inputs"
EXPECTATIONS = BAD_INPUTS / "EXPECTED.yaml"
ARTICLE_FIELDS = ("id", "title", "outlet", "url", "published", "language")
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load(EXPECTATIONS.read_text(encoding="utf-8"))
IN_FOLDER = sorted(name for name, spec in EXPECTED.items() if spec.get("in_folder", True))
PASSED_BY = sorted(name for name, spec in EXPECTED.items() if not spec.get("in_folder", True))


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def read_logged(*inputs: Path) -> tuple[list[Article | Skipped], list[str]]:
    """What the readers give for the inputs, and the messages they log meanwhile."""
    handler, logger = _Records(), logging.getLogger("whodid.ingest")
    logger.addHandler(handler)
    try:
        return list(read_articles(list(inputs))), handler.messages
    finally:
        logger.removeHandler(handler)


@pytest.fixture(scope="module")
def folder_read() -> tuple[list[Article | Skipped], list[str]]:
    return read_logged(BAD_INPUTS)


def file_of(origin: str) -> str:
    """The folder's file an origin names: "broken.csv:4" and "feed.rss:item 2" name their file too."""
    relative = Path(origin).relative_to(BAD_INPUTS).as_posix()
    return relative.split(":", 1)[0]


def by_file(items: list[Article | Skipped]) -> dict[str, list[Article | Skipped]]:
    grouped: dict[str, list[Article | Skipped]] = defaultdict(list)
    for item in items:
        origin = item.origin
        assert origin is not None, item
        grouped[file_of(origin)].append(item)
    return grouped


def relative_origin(item: Article | Skipped) -> str:
    assert item.origin is not None
    return item.origin.removeprefix(f"{BAD_INPUTS}/")


def test_every_file_of_the_folder_has_its_expectation() -> None:
    on_disk = {path.name for path in BAD_INPUTS.iterdir()} - {EXPECTATIONS.name}
    assert on_disk == set(EXPECTED)


def test_the_folder_read_gives_something_for_exactly_the_input_files(folder_read) -> None:
    items, _ = folder_read
    assert sorted(by_file(items)) == IN_FOLDER


@pytest.mark.parametrize("name", IN_FOLDER)
def test_each_file_gives_its_expected_articles_and_skips(folder_read, name: str) -> None:
    items, _ = folder_read
    spec = EXPECTED[name]
    mine = by_file(items)[name]
    articles = [item for item in mine if isinstance(item, Article)]
    skipped = [item for item in mine if isinstance(item, Skipped)]

    expected_articles = spec.get("articles", [])
    assert [relative_origin(a) for a in articles] == [e["origin"] for e in expected_articles]
    for article, expected in zip(articles, expected_articles, strict=True):
        for field in ARTICLE_FIELDS:
            if field in expected:
                assert getattr(article, field) == expected[field], (field, article)
        assert expected.get("text_has", "") in article.text

    expected_skips = spec.get("skipped", [])
    assert [relative_origin(s) for s in skipped] == [e["origin"] for e in expected_skips]
    for skip, expected in zip(skipped, expected_skips, strict=True):
        assert expected["reason"] in skip.reason, skip


@pytest.mark.parametrize("name", sorted(name for name, spec in EXPECTED.items() if "warning" in spec))
def test_decoding_that_is_not_plain_utf8_is_logged(folder_read, name: str) -> None:
    _, messages = folder_read
    assert any(EXPECTED[name]["warning"] in message for message in messages), messages


def test_only_files_that_are_not_plain_utf8_are_logged(folder_read) -> None:
    _, messages = folder_read
    warned = {name for name, spec in EXPECTED.items() if "warning" in spec}
    assert {file_of(message.split(": ", 1)[0]) for message in messages} == warned


@pytest.mark.parametrize("name", PASSED_BY)
def test_a_file_the_folder_read_passes_by_is_skipped_when_named(name: str) -> None:
    [skipped] = read_articles(BAD_INPUTS / name)
    assert isinstance(skipped, Skipped)
    assert skipped.origin == str(BAD_INPUTS / name)
    assert EXPECTED[name]["named"] in skipped.reason


@pytest.mark.parametrize("name", IN_FOLDER)
def test_a_file_read_alone_gives_what_it_gives_in_the_folder(folder_read, name: str) -> None:
    items, _ = folder_read
    alone, _ = read_logged(BAD_INPUTS / name)
    assert alone == by_file(items)[name]


def test_reading_twice_gives_identical_articles_and_ids(folder_read) -> None:
    items, _ = folder_read
    again, _ = read_logged(BAD_INPUTS)
    assert again == items
    ids = [item.id for item in items if isinstance(item, Article)]
    assert len(ids) == len(set(ids))


def test_a_50_mb_file_is_skipped_with_its_size(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    line = b"Police arrested 12 protesters in Kisumu on Tuesday, officials said.\n"
    chunk = line * (1024 * 1024 // len(line) + 1)
    with huge.open("wb") as out:
        for _ in range(50):
            out.write(chunk[: 1024 * 1024])
    assert huge.stat().st_size == 50 * 1024 * 1024 > DEFAULT_MAX_BYTES

    [skipped] = read_articles(huge)

    limit = DEFAULT_MAX_BYTES // (1024 * 1024)
    assert skipped == Skipped(str(huge), f"file too large: 50 MB, over the {limit} MB limit")
