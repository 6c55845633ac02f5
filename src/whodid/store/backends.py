"""One way to talk to either database: DuckDB (a file, the default) or PostgreSQL (a URL).

Every statement the store runs is written once, with `?` placeholders, in the SQL both engines share;
the PostgreSQL connection turns the placeholders into psycopg's `%s`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from whodid.errors import StoreError

Params = Sequence[Any]
# PostgreSQL takes at most 65,535 parameters in one statement.
_ROWS_PER_STATEMENT = 1000
_STAGED_ROWS = "whodid_staged_rows"  # the name a batch's rows go by while DuckDB inserts them
_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")
STORE_MEMORY_MB = 64  # DuckDB's memory limit while a store file is open for writing, to start with
log = logging.getLogger(__name__)


def is_postgres_url(location: str | Path) -> bool:
    return str(location).startswith(("postgresql://", "postgres://"))


class Database:
    """A connection with explicit transactions; subclasses adapt one engine."""

    engine: str
    location: str

    def execute(self, sql: str, params: Params = ()) -> None:
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        raise NotImplementedError

    def fetchall(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def fetch_columns(self, sql: str, params: Params = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        """The column names and rows of a query (for raw SQL and data frames)."""
        raise NotImplementedError

    def fetch_lists(self, sql: str, params: Params = ()) -> list[list[Any]]:
        """A query's result as one list per column (NULL as None): a map's 50,000 points without
        building 50,000 row tuples first where the engine can hand over columns."""
        names, rows = self.fetch_columns(sql, params)
        return [[row[index] for row in rows] for index in range(len(names))]

    def run_script(self, sql: str) -> None:
        """Several `;`-separated statements without parameters (a migration)."""
        raise NotImplementedError

    def sequence_value(self, name: str) -> int:
        """The last value a sequence handed out to anyone (0 before the first)."""
        raise NotImplementedError

    def set_up_for_writing(self) -> None:
        """Settle the engine in this process for a store that ingests: what it caches stays small, and
        it leaves the cores to the coding (a server keeps its own memory and cores: nothing to do)."""

    def more_memory(self, err: BaseException) -> bool:
        """Whether a failure was the engine running into its memory limit and the limit is now higher,
        so the work may be tried again."""
        return False

    def insert_rows(self, head: str, rows: Sequence[Params], tail: str = "") -> None:
        """`head` ("INSERT INTO t (a, b) VALUES") with many rows in one statement: both engines spend
        far more on each statement than on each row."""
        for start in range(0, len(rows), _ROWS_PER_STATEMENT):
            chunk = rows[start : start + _ROWS_PER_STATEMENT]
            marks = ", ".join("(" + ", ".join("?" for _ in row) + ")" for row in chunk)
            self.execute(f"{head} {marks} {tail}", [value for row in chunk for value in row])

    def fetchall_in(self, head: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
        """`head` ("SELECT ... WHERE x IN") over any number of values, a statement per thousand."""
        found: list[tuple[Any, ...]] = []
        for start in range(0, len(values), _ROWS_PER_STATEMENT):
            chunk = list(values[start : start + _ROWS_PER_STATEMENT])
            found += self.fetchall(f"{head} ({', '.join('?' for _ in chunk)})", chunk)
        return found

    def fetchone(self, sql: str, params: Params = ()) -> tuple[Any, ...] | None:
        rows = self.fetchall(sql, params)
        return rows[0] if rows else None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: the block's statements commit together or roll back together."""
        self._begin()
        try:
            yield
            self._commit()
        except BaseException:
            # A failed COMMIT too: the connection must leave the transaction, or every later statement
            # fails with "transaction is aborted".
            self._rollback()
            raise

    def _begin(self) -> None:
        raise NotImplementedError

    def _commit(self) -> None:
        raise NotImplementedError

    def _rollback(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    @property
    def errors(self) -> tuple[type[BaseException], ...]:
        """The engine's own exception classes, which the store turns into StoreError."""
        raise NotImplementedError


class DuckDatabase(Database):
    engine = "duckdb"

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.location = str(path)
        self.memory_limit_mb: int | None = None  # as DuckDB sets it until set_up_for_writing
        self.memory_ceiling_mb = _memory_ceiling_mb()
        try:
            self._con = duckdb.connect(self.location, read_only=read_only)
        except duckdb.Error as err:
            raise StoreError(f"cannot open the event store at {self.location}: {err}") from err

    def execute(self, sql: str, params: Params = ()) -> None:
        self._con.execute(sql, list(params))

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        if rows:
            self._con.executemany(sql, [list(row) for row in rows])

    def insert_rows(self, head: str, rows: Sequence[Params], tail: str = "") -> None:
        """DuckDB reads a data frame's columns far faster than it parses a long VALUES list."""
        if not rows:
            return
        table_and_columns = head.removeprefix("INSERT INTO ").removesuffix(" VALUES")
        frame = pd.DataFrame([list(row) for row in rows], dtype=object)
        self._con.register(_STAGED_ROWS, frame)
        try:
            self.execute(f"INSERT INTO {table_and_columns} SELECT * FROM {_STAGED_ROWS} {tail}")
        finally:
            # In a transaction the insert failed, this fails too; its error must not hide the insert's.
            with contextlib.suppress(duckdb.Error):
                self._con.unregister(_STAGED_ROWS)

    def fetchall_in(self, head: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
        # One list parameter: DuckDB plans a long IN list of parameters as many comparisons, several
        # times slower than a semi-join with the list unnested (5 ms against 20 for 1,000 buckets).
        if not values:
            return []
        return self.fetchall(f"{head} (SELECT unnest(?))", [list(values)])

    def fetchall(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        return self._con.execute(sql, list(params)).fetchall()

    def fetch_columns(self, sql: str, params: Params = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        cursor = self._con.execute(sql, list(params))
        names = [column[0] for column in cursor.description or []]
        return names, cursor.fetchall()

    def fetch_lists(self, sql: str, params: Params = ()) -> list[list[Any]]:
        # NumPy columns (masked where NULL) turn into Python lists in C, several times faster than rows.
        columns = self._con.execute(sql, list(params)).fetchnumpy()
        return [column.tolist() for column in columns.values()]

    def run_script(self, sql: str) -> None:
        self._con.execute(sql)

    def set_up_for_writing(self) -> None:
        # DuckDB otherwise keeps every table block it has touched, up to 80% of the machine's memory:
        # an ingest would grow with its store. A store in memory must hold all it stores.
        if self.location != ":memory:":
            self.limit_memory(STORE_MEMORY_MB)
        # A store's statements are small (a batch's rows, a month of events): a second thread only
        # contends with the processes coding the next articles, about 10% more of this one's time.
        self._con.execute("SET threads = 1")

    def limit_memory(self, megabytes: int) -> None:
        self._con.execute(f"SET memory_limit = '{int(megabytes)}MB'")
        self.memory_limit_mb = megabytes

    def more_memory(self, err: BaseException) -> bool:
        # What DuckDB must hold (its indexes) grows with the store: twice the limit, up to the ceiling.
        limit = self.memory_limit_mb
        if (
            not isinstance(err, duckdb.OutOfMemoryException)
            or limit is None
            or limit >= self.memory_ceiling_mb
        ):
            return False
        self.limit_memory(min(2 * limit, self.memory_ceiling_mb))
        log.info("the store ran out of memory; trying again with up to %d MB", self.memory_limit_mb)
        return True

    def sequence_value(self, name: str) -> int:
        found = self.fetchone("SELECT last_value FROM duckdb_sequences() WHERE sequence_name = ?", [name])
        if found is None:
            raise StoreError(f"no sequence {name!r} in {self.location}")
        return int(found[0] or 0)

    def _begin(self) -> None:
        self._con.execute("BEGIN TRANSACTION")

    def _commit(self) -> None:
        self._con.execute("COMMIT")

    def _rollback(self) -> None:
        # A failed COMMIT may already have ended the transaction; the original error is the one to report.
        with contextlib.suppress(duckdb.Error):
            self._con.execute("ROLLBACK")

    def close(self) -> None:
        self._con.close()

    @property
    def errors(self) -> tuple[type[BaseException], ...]:
        return (duckdb.Error,)


class PostgresDatabase(Database):
    engine = "postgresql"

    def __init__(self, url: str, read_only: bool = False) -> None:
        import psycopg  # only a PostgreSQL store needs the driver loaded

        self._psycopg = psycopg
        self.location = _without_password(url)
        try:
            self._con = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as err:
            raise StoreError(f"cannot connect to the event store at {self.location}: {err}") from err
        if read_only:
            self._con.execute("SET default_transaction_read_only = on")
            # A raw query on a shared server must not run for ever.
            self._con.execute("SET statement_timeout = '60s'")

    def _run(self, sql: str, params: Params) -> Any:
        """Without parameters the text goes as it is, so a user's `?` or `%` means what it says."""
        if not params:
            return self._con.execute(sql.encode("utf-8"))
        return self._con.execute(_pyformat(sql), list(params))

    def execute(self, sql: str, params: Params = ()) -> None:
        self._run(sql, params)

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        if rows:
            with self._con.cursor() as cursor:
                cursor.executemany(_pyformat(sql), [list(row) for row in rows])

    def fetchall(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        return self._run(sql, params).fetchall()

    def fetch_columns(self, sql: str, params: Params = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        cursor = self._run(sql, params)
        if cursor.description is None:  # a statement that returns no rows (a write): nothing to fetch
            return [], []
        names = [column.name for column in cursor.description]
        return names, cursor.fetchall()

    def run_script(self, sql: str) -> None:
        self._run(sql, ())

    def sequence_value(self, name: str) -> int:
        if not _IDENTIFIER.fullmatch(name):
            raise ValueError(f"not a sequence name: {name!r}")
        found = self.fetchone(f"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {name}")
        return int(found[0]) if found else 0

    def _begin(self) -> None:
        self._con.execute("BEGIN")

    def _commit(self) -> None:
        self._con.execute("COMMIT")

    def _rollback(self) -> None:
        with contextlib.suppress(self._psycopg.Error):
            self._con.execute("ROLLBACK")

    def close(self) -> None:
        self._con.close()

    @property
    def errors(self) -> tuple[type[BaseException], ...]:
        return (self._psycopg.Error,)


def _memory_ceiling_mb() -> int:
    """Where raising the limit stops: DuckDB's own default, 80% of the machine's memory."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # not a POSIX system: assume a small machine
        total = 4 << 30
    return max(STORE_MEMORY_MB, int(0.8 * total) >> 20)


def open_database(location: str | Path, read_only: bool = False) -> Database:
    """A DuckDB file (or ":memory:"), or a PostgreSQL server given as postgresql://user:pw@host/db."""
    if is_postgres_url(location):
        return PostgresDatabase(str(location), read_only=read_only)
    return DuckDatabase(location, read_only=read_only)


def _pyformat(sql: str) -> str:
    """`?` placeholders as psycopg's `%s`; a literal `%` (as in LIKE patterns) doubled first."""
    return sql.replace("%", "%%").replace("?", "%s")


def _without_password(url: str) -> str:
    """The URL to show in messages: the password never goes into a log."""
    scheme, _, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not at:
        return url
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}@{host}"
