"""Bookkeeping for the prober: per-host slots served by priority, stats, the per-URL deadline, timeouts."""

from __future__ import annotations

import asyncio
import heapq
import math
import sys
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

if sys.version_info >= (3, 11):
    async def within(seconds: float, awaitable: Awaitable[T]) -> T:
        """``awaitable``'s result, or TimeoutError after ``seconds``: asyncio.timeout
        runs it in the current task, where wait_for makes a task for it."""
        async with asyncio.timeout(seconds):
            return await awaitable
else:  # pragma: no cover - Python 3.10
    async def within(seconds: float, awaitable: Awaitable[T]) -> T:
        return await asyncio.wait_for(awaitable, seconds)


class Slots:
    """A semaphore whose waiters are served by priority, then arrival: a URL
    already under way (a redirect hop, a retry) goes before a URL not started."""

    def __init__(self, size: int) -> None:
        self.free = size
        self.waiters: list[tuple[int, int, asyncio.Future]] = []
        self.arrivals = 0

    async def acquire(self, priority: int) -> None:
        if self.free > 0 and not self.waiters:
            self.free -= 1
            return
        future = asyncio.get_running_loop().create_future()
        self.arrivals += 1
        heapq.heappush(self.waiters, (priority, self.arrivals, future))
        await future

    def release(self) -> None:
        while self.waiters:
            _, _, future = heapq.heappop(self.waiters)
            if not future.done():
                future.set_result(None)
                return
        self.free += 1


@dataclass
class HostStats:
    requests: int = 0
    failures: int = 0
    slowest_ms: int = 0
    in_flight: int = 0
    max_in_flight: int = 0


class Deadline:
    """Seconds left for one URL, on the event loop's clock, from its first request."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end: float | None = None

    def start(self) -> None:
        if self.end is None:
            self.end = asyncio.get_running_loop().time() + self.seconds

    def left(self) -> float:
        return math.inf if self.end is None else self.end - asyncio.get_running_loop().time()
