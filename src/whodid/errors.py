"""One exception hierarchy: every message says what went wrong, with which input, and what to do."""

from __future__ import annotations


class WhodidError(Exception):
    """Base of every error whodid raises on purpose."""


class InputError(WhodidError):
    """An input (file, line, stdin) could not be read as an article."""

    def __init__(self, origin: str, reason: str) -> None:
        self.origin = origin
        self.reason = reason
        super().__init__(f"{origin}: {reason}")


class DataFileError(WhodidError):
    """A data file shipped with whodid (or given by the user) is malformed."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class ModelError(WhodidError):
    """The spaCy model is missing or cannot be loaded."""


class StoreError(WhodidError):
    """The event store cannot be opened or written."""
