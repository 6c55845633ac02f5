"""File reading the format readers share: whole files as lines, and the first lines for sniffing."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

from whodid.errors import InputError


def read_text(path: Path, what: str) -> str:
    """A UTF-8 gold file's text; InputError names the file and says what it was to be."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot read the {what}: {error}") from error


def read_lines(path: Path, what: str) -> list[str]:
    return read_text(path, what).splitlines()


def head_text(path: Path, size: int) -> str:
    """The first characters of a file, for cheap format guessing; empty if it cannot be read."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return handle.read(size)
    except OSError:
        return ""


def head_lines(path: Path, count: int) -> list[str]:
    """The first lines of a file, for cheap format guessing; none if it cannot be read."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return list(islice(handle, count))
    except OSError:
        return []
