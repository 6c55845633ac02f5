"""Store: articles, mentions and events in DuckDB or PostgreSQL, with idempotent re-ingest."""

from whodid.store.event_store import SCHEMA_VERSION, EventStore
from whodid.store.writer import StoredArticle

__all__ = ["SCHEMA_VERSION", "EventStore", "StoredArticle"]
