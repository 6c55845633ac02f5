"""Properties of the readers on generated input: no input makes them raise, what is written as a JSONL
line or a CSV row reads back unchanged, and decoding never changes valid UTF-8."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from whodid.ingest import Skipped, read_articles
from whodid.ingest.articles import Unreadable
from whodid.ingest.decoding import decode
from whodid.ingest.html_text import html_text
from whodid.records import Article

SUFFIXES = (".txt", ".jsonl", ".csv", ".tsv", ".html", ".rss", ".atom", ".xml")
CORPUS = Path(__file__).resolve().parents[1] / "data" / "bad_inputs"
SEEDS = sorted(path.read_bytes() for path in CORPUS.iterdir() if path.suffix in SUFFIXES)
FIELDS = ("title", "outlet", "url", "language")
settings.register_profile("readers", max_examples=120, deadline=None)

# Any character a text can hold: surrogates are halves of characters, no text holds one alone.
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
# Printable text and the whitespace articles use: no control characters, which mark binary data.
printable = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\r\t")
printable_text = st.text(printable, max_size=300)
# A field as an input writes it: absent, or some text.
optional_field = st.none() | st.text(printable, min_size=1, max_size=40)
publication = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date.today())


@st.composite
def damaged_corpus_files(draw: st.DrawFn) -> bytes:
    """A file of the bad-input corpus with a stretch cut out and some bytes put in."""
    data = draw(st.sampled_from(SEEDS))
    start = draw(st.integers(0, len(data)))
    end = draw(st.integers(start, min(len(data), start + 64)))
    return data[:start] + draw(st.binary(max_size=16)) + data[end:]


# Pieces of markup and of CSV and JSON syntax, put together in any order: what parsers trip on.
SYNTAX = (
    "<",
    ">",
    "</",
    "<!",
    "<![",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "<?",
    "?>",
    "<!DOCTYPE x>",
    "<p>",
    "<br/>",
    "<script>",
    "</script>",
    "<nav>",
    "</nav>",
    "<title>",
    "<pre>",
    "<time datetime='2024-01-02'>",
    '<meta property="article:published_time" content="',
    "<rss><channel><item><description>",
    "</description></item></channel></rss>",
    '<feed xmlns="http://www.w3.org/2005/Atom"><entry>',
    "<content type='xhtml'>",
    "</content></entry></feed>",
    "&",
    "&#",
    "&amp;",
    "&#x110000;",
    ";",
    '"',
    "'",
    "=",
    ",",
    "\t",
    "\n",
    "\r",
    " ",
    "{",
    "}",
    "[",
    "]",
    ":",
    '"text"',
    "\\u",
    "d800",
    "text",
    "Police arrested 12.",
    "2024-02-30",
    "9999-12-31",
)
syntax_soup = st.lists(st.sampled_from(SYNTAX), max_size=40).map("".join)
any_bytes = (
    st.binary(max_size=3000)
    | any_text.map(lambda text: text.encode("utf-8"))
    | syntax_soup.map(lambda text: text.encode("utf-8"))
    | damaged_corpus_files()
)


@st.composite
def article_fields(draw: st.DrawFn) -> dict[str, Any]:
    text = draw(printable_text.filter(lambda text: text.strip() != ""))
    record: dict[str, Any] = {"text": text, "published": draw(publication), "id": draw(optional_field)}
    record.update({name: draw(optional_field) for name in FIELDS})
    return record


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("generated")


def read_one_file(path: Path, data: bytes) -> list[Article | Skipped]:
    path.write_bytes(data)
    return list(read_articles(path))


def assert_same_article(article: Article | Skipped, record: dict[str, Any], default_id: str) -> None:
    assert isinstance(article, Article), article
    assert article.text == record["text"]
    assert article.id == (record["id"] or default_id)
    assert article.published == record["published"]
    for name in FIELDS:
        assert getattr(article, name) == record[name], name


@settings(settings.get_profile("readers"))
@given(data=any_bytes, suffix=st.sampled_from(SUFFIXES))
def test_no_bytes_make_a_reader_raise(workdir: Path, data: bytes, suffix: str) -> None:
    path = workdir / f"input{suffix}"
    items = read_one_file(path, data)
    assert items, "every input gives an article or a note of why not"
    for item in items:
        assert isinstance(item, (Article, Skipped))
        assert item.origin is not None and item.origin.startswith(str(path))
        if isinstance(item, Article):
            assert item.text.strip()
            item.text.encode("utf-8")  # every article can be hashed and stored
        else:
            assert item.reason


@settings(settings.get_profile("readers"))
@given(record=article_fields(), ensure_ascii=st.booleans())
def test_an_article_written_as_a_jsonl_line_reads_back_unchanged(
    workdir: Path, record: dict[str, Any], ensure_ascii: bool
) -> None:
    written = {name: value for name, value in record.items() if value is not None}
    if record["published"] is not None:
        written["published"] = record["published"].isoformat()
    line = json.dumps(written, ensure_ascii=ensure_ascii)

    [article] = read_one_file(workdir / "one.jsonl", (line + "\n").encode("utf-8"))

    assert_same_article(article, record, default_id="one-1")


@settings(settings.get_profile("readers"))
@given(records=st.lists(article_fields(), min_size=1, max_size=4), tab=st.booleans())
def test_articles_written_as_csv_rows_read_back_unchanged(
    workdir: Path, records: list[dict[str, Any]], tab: bool
) -> None:
    columns = ["id", "published", "text", *FIELDS]
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t" if tab else ",")
    writer.writerow(columns)
    starts = []  # the line each row starts on, counted as the reader counts lines
    for record in records:
        starts.append(len(io.StringIO(out.getvalue(), newline="").readlines()) + 1)
        written = {**record, "published": record["published"].isoformat() if record["published"] else None}
        writer.writerow(["" if written[name] is None else written[name] for name in columns])
    path = workdir / ("rows.tsv" if tab else "rows.csv")

    articles = read_one_file(path, out.getvalue().encode("utf-8"))

    assert len(articles) == len(records)
    for article, record, start in zip(articles, records, starts, strict=True):
        assert_same_article(article, record, default_id=f"rows-{start}")
        assert article.origin == f"{path}:{start}"


@settings(settings.get_profile("readers"))
@given(text=any_text)
def test_decoding_never_changes_valid_utf8(text: str) -> None:
    assume(not text.startswith("\ufeff"))  # a leading byte-order mark is dropped by rule
    try:
        decoded = decode(text.encode("utf-8"))
    except Unreadable as refusal:
        assert str(refusal).startswith("binary")  # control characters or a file signature
    else:
        assert decoded.text == text
        assert decoded.note is None


@settings(settings.get_profile("readers"))
@given(text=printable_text)
def test_printable_utf8_is_never_taken_for_binary(text: str) -> None:
    assume(not text.startswith(("\ufeff", "%PDF-", "GIF87a", "GIF89a")))
    assert decode(text.encode("utf-8")).text == text


@settings(settings.get_profile("readers"))
@given(text=any_text)
def test_a_paragraph_of_escaped_text_reads_back_with_whitespace_collapsed(text: str) -> None:
    expected = re.sub(r"[ \t\n\r\f\xa0]+", " ", text).strip()
    assert html_text(f"<p>{html.escape(text)}</p>") == expected
