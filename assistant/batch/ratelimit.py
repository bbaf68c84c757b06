"""Requests-per-minute and tokens-per-minute limits for concurrent requests (asyncio)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

# A bucket holds this many seconds' worth of its rate: short bursts, no minute-long flood.
BURST_SECONDS = 1.0


@dataclass(kw_only=True)
class _Bucket:
    """A token bucket refilled continuously at `per_minute / 60` per second."""

    per_minute: float
    level: float = 0.0
    stamp: float = 0.0

    @property
    def capacity(self) -> float:
        """The most the bucket holds (at least one request's worth)."""
        return max(1.0, self.per_minute / 60.0 * BURST_SECONDS)

    def refill(self, now: float) -> None:
        """Add what accrued since the last look."""
        self.level = min(self.capacity, self.level + (now - self.stamp) * self.per_minute / 60.0)
        self.stamp = now

    def wait(self, cost: float) -> float:
        """Seconds until `cost` may be taken (a cost above capacity waits for a full bucket)."""
        need = min(cost, self.capacity)
        return 0.0 if self.level >= need else (need - self.level) * 60.0 / self.per_minute


class RateLimiter:
    """Admits requests so that neither requests nor tokens per minute exceed their limits."""

    def __init__(
        self,
        *,
        rpm: float | None = None,
        tpm: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        now = clock()
        self._requests = _Bucket(per_minute=rpm, stamp=now) if rpm else None
        self._tokens = _Bucket(per_minute=tpm, stamp=now) if tpm else None
        for bucket in (self._requests, self._tokens):
            if bucket:
                bucket.level = bucket.capacity
        self._clock, self._sleep = clock, sleep
        self._lock: asyncio.Lock | None = None

    @property
    def limits_tokens(self) -> bool:
        """True when a tokens-per-minute limit is set (callers then count prompt tokens)."""
        return self._tokens is not None

    async def acquire(self, tokens: int = 0) -> float:
        """Wait until one request costing `tokens` may start; return the seconds waited."""
        if self._requests is None and self._tokens is None:
            return 0.0
        started = self._clock()
        self._lock = self._lock or asyncio.Lock()
        async with self._lock:  # first come, first served
            while (pause := self._wait(tokens)) > 0:
                await self._sleep(pause)
            self._take(tokens)
        return self._clock() - started

    def _wait(self, tokens: int) -> float:
        now = self._clock()
        waits = [0.0]
        if self._requests:
            self._requests.refill(now)
            waits.append(self._requests.wait(1))
        if self._tokens:
            self._tokens.refill(now)
            waits.append(self._tokens.wait(tokens))
        return max(waits)

    def _take(self, tokens: int) -> None:
        if self._requests:
            self._requests.level -= 1
        if self._tokens:
            self._tokens.level -= tokens
