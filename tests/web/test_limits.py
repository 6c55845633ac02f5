"""The write's bounds: a token bucket per client, and a body read that stops at its limit."""

from __future__ import annotations

import asyncio

import pytest

from whodid.web.limits import RateLimiter, TooLarge, read_limited


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_is_allowed_then_the_client_waits_for_the_rate():
    clock = Clock()
    limiter = RateLimiter(per_minute=6, burst=2, clock=clock)
    assert limiter.take("a") is None and limiter.take("a") is None
    wait = limiter.take("a")
    assert wait == pytest.approx(10.0)
    clock.now = 10.0
    assert limiter.take("a") is None


def test_clients_have_their_own_allowance():
    limiter = RateLimiter(per_minute=1, burst=1, clock=Clock())
    assert limiter.take("a") is None and limiter.take("a") is not None
    assert limiter.take("b") is None


def test_the_limiter_forgets_the_oldest_clients_beyond_its_bound():
    limiter = RateLimiter(per_minute=1, burst=1, clock=Clock())
    limiter.MAX_CLIENTS = 3
    for client in "abcd":
        limiter.take(client)
    assert list(limiter._buckets) == ["b", "c", "d"]


async def _chunks(sizes):
    for size in sizes:
        yield b"x" * size


def test_a_body_within_the_limit_is_read_whole():
    assert asyncio.run(read_limited(_chunks([3, 4]), limit=7)) == b"x" * 7


def test_a_body_over_the_limit_stops_being_read():
    read = []

    async def chunks():
        for _ in range(100):
            read.append(1)
            yield b"x" * 10

    with pytest.raises(TooLarge, match="25 bytes"):
        asyncio.run(read_limited(chunks(), limit=25))
    assert len(read) == 3
