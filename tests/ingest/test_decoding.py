"""From bytes to text by one rule, and publication dates by one rule, for every input format."""

from __future__ import annotations

import codecs
from datetime import UTC, date, datetime, timedelta

import pytest

from whodid.ingest.articles import Unreadable, parse_published
from whodid.ingest.decoding import decode

TEXT = "Protesters gathered in Basra — police said “twelve” were held.\r\n"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_a_byte_order_mark_decides_the_encoding_and_is_dropped(encoding: str) -> None:
    data = TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    decoded = decode(data)
    assert (decoded.text, decoded.note) == (TEXT, None)


def test_utf8_is_read_as_it_is() -> None:
    assert decode(TEXT.encode()).text == TEXT


def test_windows1252_bytes_in_utf8_keep_the_utf8_and_get_a_note() -> None:
    decoded = decode("Goma — ".encode() + b"\x93peace\x94 and caf\xe9")
    assert decoded.text == "Goma — “peace” and café"
    assert decoded.note is not None and "offset 9" in decoded.note


def test_bytes_windows1252_leaves_undefined_are_read_as_latin1() -> None:
    data = b"Two bytes no code page defines, \x81 and \x8d, in a sentence long enough to be text."
    assert decode(data).text == data.decode("latin-1")


def test_a_declared_encoding_is_used_only_for_markup_that_is_not_utf8() -> None:
    cyrillic = '<meta charset="windows-1251"><p>Полиция</p>'
    assert decode(cyrillic.encode("cp1251"), markup=True).text == cyrillic
    # The same bytes in a plain text file: no declaration is read, Windows-1252 it is.
    assert decode(cyrillic.encode("cp1251")).text != cyrillic
    # A declaration that is no character set is passed by.
    assert decode(b'<?xml version="1.0" encoding="rot13"?><a>\xe9</a>', markup=True).text.endswith("é</a>")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\nrest", "binary file (PNG image)"),
        (b"%PDF-1.7 ...", "binary file (PDF document)"),
        (b"PK\x03\x04rest", "binary file (ZIP archive or office document)"),
        (b"text\x00more", "binary file (NUL bytes)"),
        ("Text with a NUL\x00".encode("utf-16"), "binary data (NUL characters)"),
        (bytes(range(1, 32)) * 3 + b"words", "binary data"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "not UTF-16-LE text"),
    ],
)
def test_binary_data_is_refused(data: bytes, reason: str) -> None:
    with pytest.raises(Unreadable, match=reason.replace("(", r"\(").replace(")", r"\)")):
        decode(data)


def test_a_few_control_characters_in_text_are_kept() -> None:
    text = "Page one.\x0cPage two, with a stray \x1b escape and tabs\t.\n" * 3
    assert decode(text.encode()).text == text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", date(2024, 3, 5)),
        (" 2024-03-05T23:30:00-05:00 ", date(2024, 3, 5)),  # the outlet's own day, not UTC's
        ("2024-03-05T08:30:00.123Z", date(2024, 3, 5)),
        ("Tue, 05 Mar 2024 08:30:00 +0000", date(2024, 3, 5)),
        ("05 Mar 24 08:30 GMT", date(2024, 3, 5)),
        (datetime(2024, 3, 5, 1, 0, tzinfo=UTC), date(2024, 3, 5)),
        (None, None),
        ("", None),
    ],
)
def test_publication_dates_in_iso_and_rfc822(value: object, expected: date | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("0000-01-01", "not a date"),
        ("9999-99-99", "not a date"),
        ("2024-02-30", "not a date"),
        ("yesterday-ish", "not a date"),
        (20240305, "not a date"),
        ("1066-10-14", "before 1900"),
        ("1899-12-31", "before 1900"),
        ("2999-01-01", "in the future"),
        ((date.today() + timedelta(days=2)).isoformat(), "in the future"),
    ],
)
def test_absurd_publication_dates_are_refused_with_a_reason(value: object, reason: str) -> None:
    with pytest.raises(Unreadable, match=reason):
        parse_published(value)


def test_tomorrow_is_allowed_for_outlets_ahead_of_our_clock() -> None:
    tomorrow = date.today() + timedelta(days=1)
    assert parse_published(tomorrow.isoformat()) == tomorrow
    assert parse_published("1900-01-01") == date(1900, 1, 1)
