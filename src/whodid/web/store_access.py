"""The server's one connection to its store, shared by its threads one at a time.

DuckDB lets one process write a file, so the server keeps one connection (read-only when it takes no
writes) and lends it out under a lock; every read takes milliseconds. The connection is closed when the
app shuts down and opened again if the app is started again (as test clients do, once per request).
"""

from __future__ import annotations

import threading
from types import TracebackType

from whodid.store import EventStore


class StoreAccess:
    def __init__(self, location: str, read_only: bool) -> None:
        self.location = location
        self.read_only = read_only
        self._lock = threading.Lock()
        # Opened now, so a store that cannot be served fails when the app is made, not at a request.
        self._store: EventStore | None = EventStore(location, read_only=read_only)

    def __enter__(self) -> EventStore:
        self._lock.acquire()
        try:
            if self._store is None:
                self._store = EventStore(self.location, read_only=self.read_only)
            return self._store
        except BaseException:
            self._lock.release()
            raise

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._lock.release()

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
