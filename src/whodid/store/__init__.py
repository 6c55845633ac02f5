"""Store: articles and events in DuckDB, with idempotent re-ingest."""

from whodid.store.duckdb_store import SCHEMA_VERSION, EventStore

__all__ = ["SCHEMA_VERSION", "EventStore"]
