"""A CSV or TSV corpus larger than the byte limit is read a line at a time, as the same file would be read
whole, the limit holding per line."""

from __future__ import annotations

from pathlib import Path

from whodid.ingest import Skipped, read_articles
from whodid.records import Article

LIMIT = 2_000  # bytes: small, so the test needs no large file


def write_corpus(path: Path, delimiter: str = ",") -> None:
    rows = [delimiter.join(["id", "title", "text", "published"])]
    for number in range(50):
        text = f"Traders in Kisii closed {number} stalls after a tax rise."
        if number == 5:  # a quoted field over several lines
            text = '"Farmers marched in Eldoret.\nThey asked for fair prices.\n""We are tired,"" one said."'
        rows.append(delimiter.join([f"c{number}", f"Day {number}", text, "2024-06-01"]))
    rows[12] = delimiter.join(["c11", "a row with a field too few"])
    # The last row is in Windows-1252, among UTF-8 ones.
    last = delimiter.join(["c99", "Caf\xe9 owners", "Caf\xe9 owners in Kisumu struck.", "2024-06-02"])
    path.write_bytes("\r\n".join(rows).encode("utf-8") + b"\r\n" + last.encode("cp1252") + b"\r\n")


def test_a_csv_file_over_the_limit_reads_as_the_same_file_under_the_limit_does(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.csv"
    write_corpus(corpus)
    assert corpus.stat().st_size > LIMIT

    streamed = list(read_articles([corpus], max_bytes=LIMIT))
    whole = list(read_articles([corpus]))

    assert streamed == whole
    articles = [item for item in streamed if isinstance(item, Article)]
    [skipped] = [item for item in streamed if isinstance(item, Skipped)]
    assert len(articles) == 50 and skipped.origin == f"{corpus}:15"  # row 5 took three lines
    assert articles[5].text.startswith("Farmers marched in Eldoret.\nThey asked")
    assert articles[-1].text == "Café owners in Kisumu struck."


def test_a_tsv_file_over_the_limit_streams_too(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.tsv"
    write_corpus(corpus, delimiter="\t")

    assert list(read_articles([corpus], max_bytes=LIMIT)) == list(read_articles([corpus]))


def test_a_line_over_the_limit_ends_the_reading_after_the_rows_before_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.csv"
    rows = ["id,text", *(f"k{n},Police in Nyeri held {n} suspects." for n in range(40))]
    rows[21] = "long," + "word " * 600
    corpus.write_text("\n".join(rows) + "\n", encoding="utf-8")

    items = list(read_articles([corpus], max_bytes=LIMIT))

    assert [item.id for item in items if isinstance(item, Article)] == [f"k{n}" for n in range(20)]
    assert items[-1] == Skipped(
        f"{corpus}:22", "line 22: over the 0 MB limit for one line; the rest is not read"
    )


def test_a_large_utf16_csv_file_is_refused_with_a_reason(tmp_path: Path) -> None:
    corpus = tmp_path / "wide.csv"
    rows = ["id,text", *(f"w{n},Talks in Arusha {n}." for n in range(200))]
    corpus.write_text("\n".join(rows), encoding="utf-16")

    [skipped] = read_articles([corpus], max_bytes=LIMIT)

    assert isinstance(skipped, Skipped) and "must be UTF-8, not UTF-16/32" in skipped.reason
