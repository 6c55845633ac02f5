"""Ingest: turn files, folders and stdin into ``Article`` records (or ``Skipped`` notes)."""

from whodid.ingest.readers import DEFAULT_MAX_BYTES, Skipped, read_articles

__all__ = ["DEFAULT_MAX_BYTES", "Skipped", "read_articles"]
