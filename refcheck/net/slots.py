"""Concurrency bookkeeping for the prober: per-host slots served by priority, and stats."""

from __future__ import annotations

import asyncio
import heapq
from dataclasses import dataclass


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
