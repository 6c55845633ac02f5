"""From a file's bytes to its text: what counts as binary, and which encoding is used.

The rule, the same for every input format:

1. A byte-order mark decides: UTF-8, UTF-16 or UTF-32 (the mark is dropped, it is no part of the text).
2. Otherwise the bytes are read as UTF-8. Valid UTF-8 is never changed.
3. Bytes that are not valid UTF-8 are read in the encoding an HTML or XML document declares
   (``<meta charset>``, ``<?xml encoding?>``), when it has one and the whole document decodes with it;
   else each byte outside UTF-8 is read as Windows-1252 (as Latin-1 for the five bytes Windows-1252
   leaves undefined). So a UTF-8 file with a few Windows-1252 bytes pasted in keeps its UTF-8 text and
   gets "é" or "’" for the stray bytes, and a whole Windows-1252 or Latin-1 file reads correctly.

Text read by rule 3 comes with a note the reader logs, so a mis-encoded corpus does not pass unseen.
Binary data is refused: a known file signature (PNG, ZIP, PDF ...), NUL bytes outside UTF-16/32, or
more than ``MAX_CONTROL_SHARE`` control characters once decoded.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from whodid.ingest.articles import Unreadable

# Signatures of the binary formats most often dropped into a folder of articles by mistake.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old office document"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)
# Longest first: the UTF-32 little-endian mark starts with the UTF-16 one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
MAX_CONTROL_SHARE = 0.05  # text has next to none; random bytes decode to about 12%
# Control characters other than tab, newlines, vertical tab and form feed, which text does use.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_DECLARED = re.compile(
    rb"""<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)"""
    rb"""|<meta\b[^>]*?charset\s*=\s*["']?([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_DECLARATION_WINDOW = 4096  # a declaration sits in the document's head
# Codecs that are no character set a document could be written in.
_NOT_CHARSETS = frozenset({"idna", "punycode", "unicode_escape", "raw_unicode_escape", "undefined", "utf_7"})
_FALLBACK = "cp1252"


def _fallback_char(byte: int) -> str:
    try:
        return bytes([byte]).decode(_FALLBACK)
    except UnicodeDecodeError:
        return chr(byte)  # one of the five bytes Windows-1252 leaves undefined: read as Latin-1


# Windows-1252 for each byte, Latin-1 where Windows-1252 has no character.
_FALLBACK_CHARS = tuple(_fallback_char(byte) for byte in range(256))
_FALLBACK_HANDLER = "whodid-cp1252-bytes"


def _fallback_bytes(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(_FALLBACK_CHARS[byte] for byte in bad), error.end


# An error handler lets the C decoder go on past each bad byte; decoding the rest again after each
# one would be quadratic in a file with many.
codecs.register_error(_FALLBACK_HANDLER, _fallback_bytes)


@dataclass(slots=True, frozen=True)
class Decoded:
    text: str
    note: str | None = None  # set when the bytes were not plain UTF-8: what was done instead


def refuse_binary(data: bytes) -> None:
    """Raise ``Unreadable`` for bytes that are no text file: a known signature, or NUL bytes."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise Unreadable(f"binary file ({kind})")
    if b"\x00" in data and _bom_encoding(data) in {None, "utf-8"}:
        raise Unreadable("binary file (NUL bytes)")


def decode(data: bytes, markup: bool = False) -> Decoded:
    """The text of ``data`` by the module's rule; ``markup`` lets an HTML/XML declaration name the
    encoding of bytes that are not UTF-8. Raises ``Unreadable`` for binary content."""
    refuse_binary(data)
    encoding = _bom_encoding(data)
    if encoding is not None:
        decoded = Decoded(_decode_with_bom(data, encoding))
    else:
        decoded = _decode_without_bom(data, markup)
    refuse_control_characters(decoded.text)
    return decoded


def refuse_control_characters(text: str) -> None:
    if "\x00" in text:
        raise Unreadable("binary data (NUL characters)")
    controls = len(_CONTROL.findall(text))
    if controls and controls > MAX_CONTROL_SHARE * len(text):
        raise Unreadable(f"binary data ({controls} control characters in {len(text)})")


def _bom_encoding(data: bytes) -> str | None:
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def _decode_with_bom(data: bytes, encoding: str) -> str:
    bom_length = next(len(bom) for bom, name in _BOMS if name == encoding)
    try:
        return data[bom_length:].decode(encoding)
    except UnicodeDecodeError as err:
        where = err.start + bom_length
        raise Unreadable(
            f"not {encoding.upper()} text though it starts with its mark (offset {where})"
        ) from err


def _decode_without_bom(data: bytes, markup: bool) -> Decoded:
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError as err:
        first_bad = err.start
    declared = _declared_encoding(data) if markup else None
    if declared is not None:
        try:
            text = data.decode(declared)
            return Decoded(
                text, f"not UTF-8 (offset {first_bad}); read as {declared}, as the document declares"
            )
        except (UnicodeError, LookupError):
            pass
    text = data.decode("utf-8", errors=_FALLBACK_HANDLER)
    return Decoded(text, f"not valid UTF-8 (first at offset {first_bad}); those bytes read as Windows-1252")


def _declared_encoding(data: bytes) -> str | None:
    """The character set an XML declaration or HTML meta tag names, if Python knows it."""
    match = _DECLARED.search(data[:_DECLARATION_WINDOW])
    if match is None:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if info.name.replace("-", "_") in _NOT_CHARSETS:
        return None
    if info.name.startswith(("utf-16", "utf-32")):
        return None  # without a byte-order mark these are refused as binary before we get here
    return info.name
