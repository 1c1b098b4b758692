"""Fakes for the URL stage: a resolver, a clock and a sleep; no network, ever."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from refcheck.net.policy import Policy, Unresolvable
from refcheck.net.probe import Prober, ProbeSettings

ADDRESSES = {
    "example.org": ["93.184.216.34"],
    "site.test": ["93.184.216.35"],
    "other.test": ["93.184.216.36"],
    "archive.org": ["207.241.224.2"],
    "doi.org": ["104.18.1.1"],
    "internal.test": ["10.0.0.5"],
    "metadata.test": ["169.254.169.254"],
    "mapped.test": ["::ffff:127.0.0.1"],
    "v6local.test": ["fe80::1"],
}


async def fake_resolver(host: str) -> list[str]:
    if host not in ADDRESSES:
        raise Unresolvable("Name or service not known")
    return ADDRESSES[host]


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.waits: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.waits.append(round(seconds, 3))
        self.now += seconds
        await asyncio.sleep(0)


def probe(handler, urls, policy=None, **settings):
    """Run a Prober over ``urls`` against an httpx.MockTransport ``handler``."""
    fake = FakeTime()

    async def go():
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            prober = Prober(client, policy or Policy(), ProbeSettings(**settings), fake_resolver, fake.sleep, fake.clock)
            return await prober.probe_all(urls), prober

    results, prober = asyncio.run(go())
    return results, prober, fake


@pytest.fixture
def fake_time():
    return FakeTime()
