"""The store's schema, brought up to date one numbered migration at a time.

Each migration is a SQL file in `whodid/store/migrations/` that both engines run unchanged, and may be
followed by a Python step that fills new tables from what older versions stored. A migration and its
version number commit together, so a store is never left half-upgraded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from whodid.errors import StoreError
from whodid.store.backends import Database


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    script: str  # file name in whodid/store/migrations/
    backfill: Callable[[Database], None] | None = None


def migrate(db: Database, migrations: tuple[Migration, ...]) -> int:
    """Apply the migrations newer than the store's version; return the version it is now at."""
    latest = migrations[-1].version
    db.run_script("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = db.fetchone("SELECT max(version) FROM schema_version")
    current = int(row[0]) if row and row[0] is not None else 0
    if current > latest:
        raise StoreError(
            f"the event store at {db.location} has schema version {current}, newer than this whodid "
            f"reads ({latest}); upgrade whodid"
        )
    for migration in migrations:
        if migration.version <= current:
            continue
        with db.transaction():
            db.run_script(_script(migration.script))
            if migration.backfill is not None:
                migration.backfill(db)
            db.execute("DELETE FROM schema_version")
            db.execute("INSERT INTO schema_version VALUES (?)", [migration.version])
    return latest


def current_version(db: Database) -> int | None:
    """The version a store is at, or None when it has no schema yet (for read-only opening)."""
    try:
        row = db.fetchone("SELECT max(version) FROM schema_version")
    except db.errors:
        return None
    return int(row[0]) if row and row[0] is not None else None


def _script(name: str) -> str:
    return resources.files("whodid.store.migrations").joinpath(name).read_text(encoding="utf-8")
