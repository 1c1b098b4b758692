"""The interface every registry client shares: polite, rate-limited, bounded GETs.

A :class:`Service` sends the polite-pool identity (``mailto`` in the
User-Agent, and as a parameter where the service reads one), spaces its
requests by a per-service interval, retries 429 and 503 (and timeouts and
resets) a bounded number of times, honouring Retry-After up to a cap, and
never raises: a failure is a :class:`Reply` with a reason.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx

from ... import __version__
from ..failures import retry_after

RETRY_STATUSES = (429, 502, 503, 504)


@dataclass(frozen=True)
class VerifySettings:
    mailto: str | None = None
    crossref_url: str = "https://api.crossref.org"
    openalex_url: str = "https://api.openalex.org"
    datacite_url: str = "https://api.datacite.org"
    arxiv_url: str = "https://export.arxiv.org/api/query"
    handle_url: str = "https://doi.org/api/handles"
    timeout: float = 15.0
    retries: int = 3
    backoff: float = 1.0  # first wait when the server names none; doubles
    max_wait: float = 20.0  # a Retry-After beyond this is not waited for: the source counts as rate-limited
    budget: float = 60.0  # seconds per request, retries included
    max_bytes: int = 4_000_000
    concurrency: int = 4  # requests in flight per service
    # seconds between request starts, per service (arXiv asks for one every three seconds)
    intervals: dict[str, float] = field(default_factory=lambda: {
        "Crossref": 0.05, "OpenAlex": 0.1, "DataCite": 0.1, "arXiv": 3.0, "doi.org": 0.05})

    @property
    def user_agent(self) -> str:
        contact = f"; mailto:{self.mailto}" if self.mailto else ""
        return f"refcheck/{__version__} (https://github.com/refcheck/refcheck{contact})"


@dataclass(frozen=True)
class Reply:
    status: int | None  # None: no HTTP answer at all
    text: str = ""
    reason: str = ""  # why it failed, when it did
    retry_after: str | None = None  # the header, on a 429 or 503


class Service:
    """One registry: its base URL, its pace, its retries."""

    name = "service"

    def __init__(self, client: httpx.AsyncClient, base: str, settings: VerifySettings,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep, clock: Callable[[], float] = time.monotonic) -> None:
        self.client = client
        self.base = base.rstrip("/")
        self.settings = settings
        self.sleep = sleep
        self.clock = clock
        self.interval = settings.intervals.get(self.name, 0.1)
        self.requests = 0
        self._slots = asyncio.Semaphore(settings.concurrency)
        self._pace = asyncio.Lock()
        self._next = 0.0

    def params(self) -> dict[str, str]:
        """Parameters every request carries (the polite pool's mailto, where read)."""
        return {}

    def answer(self, reply: Reply, works_of: Callable, by_identifier: bool = False):
        """What a JSON reply says: ``works_of(data)`` gives its works ("found", or
        "absent" when none); a 404 to an identifier look-up is "absent"; any other
        status, or JSON of another shape, is "failed" with the reason."""
        from .work import Answer

        if by_identifier and reply.status == 404:
            return Answer(self.name, "absent")
        if reply.status != 200:
            return Answer(self.name, "failed", reason=reply.reason or f"HTTP {reply.status}")
        try:
            works = tuple(works_of(json.loads(reply.text)))
        except (ValueError, KeyError, TypeError, AttributeError, IndexError):
            return Answer(self.name, "failed", reason=f"malformed JSON from {self.name}")
        return Answer(self.name, "found" if works else "absent", works)

    async def get(self, url: str, params: dict[str, str] | None = None) -> Reply:
        """GET ``url``; retried on 429/5xx-busy, timeouts and resets; never raises."""
        start = self.clock()
        query = {**self.params(), **(params or {})}
        attempt = 0
        while True:
            reply = await self._once(url, query)
            retryable = reply.status in RETRY_STATUSES or reply.reason == "timed out" or reply.reason.startswith("connection failed")
            if not retryable or attempt >= self.settings.retries:
                return self._final(reply, attempt)
            attempt += 1
            wait = self._retry_wait(reply, attempt)
            if wait > self.settings.max_wait:
                return Reply(reply.status, "", f"rate-limited ({reply.status}; asked to wait {wait:.0f} s)")
            if self.clock() - start + wait > self.settings.budget:
                return self._final(reply, attempt)
            await self.sleep(wait)

    def _retry_wait(self, reply: Reply, attempt: int) -> float:
        wait = retry_after(reply.retry_after, time.time()) if reply.retry_after else None
        return wait if wait is not None else self.settings.backoff * 2 ** (attempt - 1)

    def _final(self, reply: Reply, attempts: int) -> Reply:
        if reply.status is not None and reply.status < 500 and reply.status != 429:
            return reply
        after = f" after {attempts} retr{'y' if attempts == 1 else 'ies'}" if attempts else ""
        if reply.status == 429:
            return Reply(429, "", f"rate-limited (429){after}")
        if reply.status is not None:
            return Reply(reply.status, "", f"HTTP {reply.status}{after}")
        return Reply(None, "", f"{reply.reason}{after}")

    async def _paced(self) -> None:
        async with self._pace:
            now = self.clock()
            if self._next > now:
                await self.sleep(self._next - now)
                now = self._next
            self._next = now + self.interval

    async def _once(self, url: str, params: dict[str, str]) -> Reply:
        async with self._slots:
            await self._paced()
            self.requests += 1
            headers = {"User-Agent": self.settings.user_agent, "Accept": "application/json, application/atom+xml;q=0.9"}
            try:
                async with self.client.stream("GET", url, params=params, headers=headers,
                                              timeout=self.settings.timeout) as response:
                    body = bytearray()
                    async for chunk in response.aiter_bytes():
                        body += chunk
                        if len(body) > self.settings.max_bytes:
                            return Reply(None, "", f"answer larger than {self.settings.max_bytes} bytes")
                    text = bytes(body).decode(response.encoding or "utf-8", errors="replace")
                    return Reply(response.status_code, text, "", response.headers.get("retry-after"))
            except httpx.TimeoutException:
                return Reply(None, "", "timed out")
            except httpx.HTTPError as exc:
                text = str(exc) or type(exc).__name__
                return Reply(None, "", "connection refused" if "refused" in text.lower() else f"connection failed ({text})")

