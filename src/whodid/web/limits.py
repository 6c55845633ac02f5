"""How much a client may ask of the server: a rate limit on writes and a bounded read of a request body."""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field


class TooLarge(Exception):
    """A request body over the limit; carries the limit in bytes."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the request body is over the limit of {limit:,} bytes")
        self.limit = limit


@dataclass
class RateLimiter:
    """A token bucket per client: `per_minute` requests a minute on average, in bursts of up to `burst`."""

    per_minute: float
    burst: int
    clock: Callable[[], float] = time.monotonic
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)  # client -> (tokens, when)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    MAX_CLIENTS = 10_000  # buckets kept; the oldest go first, so memory stays bounded

    def take(self, client: str) -> float | None:
        """Spend one request of `client`'s allowance: None if allowed, else the seconds until it is."""
        now = self.clock()
        rate = self.per_minute / 60.0
        with self._lock:
            tokens, then = self._buckets.pop(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - then) * rate)
            allowed = tokens >= 1.0
            self._buckets[client] = (tokens - 1.0 if allowed else tokens, now)
            while len(self._buckets) > self.MAX_CLIENTS:
                del self._buckets[next(iter(self._buckets))]
        return None if allowed else (1.0 - tokens) / rate


async def read_limited(chunks: AsyncIterator[bytes], limit: int) -> bytes:
    """The whole body, refusing (``TooLarge``) as soon as it passes `limit` bytes, whatever its
    Content-Length said: a client cannot make the server hold more than the limit."""
    size = 0
    parts: list[bytes] = []
    async for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise TooLarge(limit)
        parts.append(chunk)
    return b"".join(parts)
