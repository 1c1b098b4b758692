"""Probe URLs with httpx: polite, bounded, and honest about what it cannot know.

HEAD first (GET for hosts known to lie on HEAD, or when a page title is
wanted), GET when HEAD is refused or inconclusive; redirects followed by hand
(at most ``max_redirects``, loops detected, the policy checked at every hop);
retries with exponential backoff and jitter for 429, 5xx, timeouts and
connection resets, honouring Retry-After, with a cap on each wait and on the
total time per URL; a global and a per-host (host:port) concurrency limit.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import re
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from .. import __version__
from .policy import Policy, Resolver, Unresolvable, system_resolver
from .slots import HostStats, Slots
from .status import LinkStatus

USER_AGENT = f"Mozilla/5.0 (compatible; refcheck/{__version__}; +https://github.com/refcheck/refcheck)"
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_OG_TITLE = re.compile(r"""<meta[^>]+property=["']og:title["'][^>]+content=["']([^"']*)["']""", re.IGNORECASE)
_LOGIN = re.compile(r"/(?:login|signin|sign-in|log-in|auth|sso|account/login)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ProbeSettings:
    concurrency: int = 64
    host_concurrency: int = 10
    max_redirects: int = 10
    retries: int = 3
    backoff: float = 0.25  # first backoff; doubles, with jitter
    max_wait: float = 5.0  # cap on one wait (Retry-After beyond it is not waited for)
    url_budget: float = 30.0  # total seconds per URL, retries included
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    user_agent: str = USER_AGENT
    get_only_hosts: tuple[str, ...] = ("linkedin.com", "www.linkedin.com")
    want_titles: bool = False
    title_bytes: int = 65536


@dataclass
class _Answer:
    status: int | None = None
    headers: httpx.Headers = field(default_factory=httpx.Headers)
    title: str | None = None
    failure: str | None = None  # "timeout", "reset", "refused", "tls", "other"
    detail: str = ""


def _title_of(html: str) -> str | None:
    found = _OG_TITLE.search(html) or _TITLE.search(html)
    return re.sub(r"\s+", " ", found.group(1)).strip() if found else None


def retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


def _classify_error(exc: Exception) -> tuple[str, str]:
    text = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        return "timeout", "timed out"
    low = text.lower()
    if "ssl" in low or "certificate" in low or "tls" in low:
        return "tls", f"TLS failure: {text}"
    if "refused" in low:
        return "refused", "connection refused"
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError)) or "reset" in low:
        return "reset", f"connection reset: {text}"
    return "other", text


class Prober:
    def __init__(
        self,
        client: httpx.AsyncClient,
        policy: Policy | None = None,
        settings: ProbeSettings | None = None,
        resolver: Resolver = system_resolver,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        seed: int = 0,
    ) -> None:
        self.client = client
        self.policy = policy or Policy()
        self.settings = settings or ProbeSettings()
        self.resolver = resolver
        self.sleep = sleep
        self.clock = clock
        self.random = random.Random(seed)
        self.hosts: dict[str, HostStats] = defaultdict(HostStats)
        self.requests = 0
        self._global = asyncio.Semaphore(self.settings.concurrency)
        self._host_slots: dict[str, Slots] = {}

    async def probe_all(self, urls: Iterable[str], done: Callable[[LinkStatus], None] | None = None) -> dict[str, LinkStatus]:
        urls = list(dict.fromkeys(urls))

        async def one(url: str) -> LinkStatus:
            status = await self.probe(url)
            if done:
                done(status)
            return status

        results = await asyncio.gather(*(one(u) for u in urls))
        return dict(zip(urls, results))

    async def probe(self, url: str) -> LinkStatus:
        start = self.clock()
        reason = self.policy.excluded(url)
        if reason:
            return LinkStatus(url, "excluded", reason=reason)
        host = (urlsplit(url).hostname or "").lower()
        method = "GET" if self.settings.want_titles or host in self.settings.get_only_hosts else "HEAD"
        chain: list[str] = []
        current = url
        permanent = True
        attempt = 0
        method_start = method
        while True:
            try:
                refused = await self.policy.refused(current, self.resolver)
            except Unresolvable as exc:
                return self._done(url, start, "dead", None, chain, current, f"host name does not resolve ({exc})")
            if refused:
                why = refused if not chain else f"redirected to {current}: {refused}"
                return self._done(url, start, "excluded", None, chain, current, why)
            answer = await self._request(method, current, first=not chain and not attempt and method_start == method)
            elapsed = self.clock() - start
            code = answer.status
            if answer.failure:
                if answer.failure in ("timeout", "reset") and attempt < self.settings.retries:
                    attempt += 1
                    if await self._wait(self._backoff(attempt), start):
                        continue
                if answer.failure == "timeout":
                    return self._done(url, start, "unverifiable", None, chain, current, "timed out")
                return self._done(url, start, "error", None, chain, current, answer.detail)
            if code in (301, 302, 303, 307, 308) and answer.headers.get("location"):
                target = urljoin(current, answer.headers["location"])
                chain.append(current)
                if target in chain or target == current:
                    return self._done(url, start, "error", code, chain, target, "redirect loop")
                if len(chain) > self.settings.max_redirects:
                    return self._done(url, start, "error", code, chain, target, f"more than {self.settings.max_redirects} redirects")
                permanent = permanent and code in (301, 308)
                current = target
                continue
            if method == "HEAD" and code in (400, 403, 404, 405, 406, 500, 501):
                method = "GET"  # HEAD refused or not to be trusted: ask again properly
                continue
            if code in (429, 500, 502, 503, 504) and attempt < self.settings.retries:
                attempt += 1
                wait = retry_after(answer.headers.get("retry-after"), time.time())
                if wait is None:
                    wait = self._backoff(attempt)
                if wait <= self.settings.max_wait and elapsed + wait <= self.settings.url_budget:
                    await self.sleep(wait)
                    continue
            return self._verdict(url, start, code, answer, chain, current, permanent, attempt)

    def _backoff(self, attempt: int) -> float:
        base = self.settings.backoff * 2 ** (attempt - 1)
        return min(self.settings.max_wait, base * (0.5 + self.random.random()))

    async def _wait(self, seconds: float, start: float) -> bool:
        if self.clock() - start + seconds > self.settings.url_budget:
            return False
        await self.sleep(seconds)
        return True

    def _verdict(self, url, start, code, answer, chain, current, permanent, attempts) -> LinkStatus:
        after = f" after {attempts} retr{'y' if attempts == 1 else 'ies'}" if attempts else ""
        if code is not None and 200 <= code < 300:
            if chain and permanent and current.rstrip("/") != url.rstrip("/"):
                path = urlsplit(current).path
                soft = " (the site's home page: likely a removed page)" if path in ("", "/") and urlsplit(url).path not in ("", "/") else ""
                soft = soft or (" (a login page)" if _LOGIN.search(path) else "")
                return self._done(url, start, "redirected", code, chain, current, f"moved permanently{soft}", answer.title)
            return self._done(url, start, "alive", code, chain, current, "", answer.title)
        if code in (404, 410):
            return self._done(url, start, "dead", code, chain, current, f"HTTP {code}")
        if code == 429:
            return self._done(url, start, "unverifiable", code, chain, current, f"rate limited (429){after}")
        if code == 999:
            return self._done(url, start, "unverifiable", code, chain, current, "bot wall (999)")
        if code in (401, 403):
            mitigated = answer.headers.get("cf-mitigated", "")
            why = "bot challenge (cf-mitigated: challenge)" if mitigated else "access denied"
            return self._done(url, start, "unverifiable", code, chain, current, f"{why} ({code})")
        if code is not None and code >= 500:
            return self._done(url, start, "error", code, chain, current, f"HTTP {code}{after}")
        return self._done(url, start, "error", code, chain, current, f"HTTP {code}")

    def _done(self, url, start, status, code, chain, final, reason, title=None) -> LinkStatus:
        elapsed = int((self.clock() - start) * 1000)
        host = self.hosts[urlsplit(url).netloc.lower()]
        host.slowest_ms = max(host.slowest_ms, elapsed)
        if status in ("dead", "error"):
            host.failures += 1
        return LinkStatus(url, status, code, final if final != url else None, reason, elapsed, tuple(chain), title)

    async def _request(self, method: str, url: str, first: bool = True) -> _Answer:
        netloc = urlsplit(url).netloc.lower()
        slots = self._host_slots.setdefault(netloc, Slots(self.settings.host_concurrency))
        stats = self.hosts[netloc]
        # host first: a task waiting for its host holds no global slot
        await slots.acquire(1 if first else 0)
        try:
            async with self._global:
                stats.in_flight += 1
                stats.max_in_flight = max(stats.max_in_flight, stats.in_flight)
                stats.requests += 1
                self.requests += 1
                try:
                    return await self._send(method, url)
                finally:
                    stats.in_flight -= 1
        finally:
            slots.release()

    async def _send(self, method: str, url: str) -> _Answer:
        headers = {"User-Agent": self.settings.user_agent, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
        try:
            async with self.client.stream(method, url, headers=headers) as response:
                title = None
                kind = response.headers.get("content-type", "")
                if method == "GET" and self.settings.want_titles and "html" in kind and response.status_code < 300:
                    title = await self._read_title(response)
                return _Answer(response.status_code, response.headers, title)
        except httpx.HTTPError as exc:
            failure, detail = _classify_error(exc)
            return _Answer(failure=failure, detail=detail)

    async def _read_title(self, response: httpx.Response) -> str | None:
        data = b""
        async for chunk in response.aiter_bytes():
            data += chunk
            if len(data) >= self.settings.title_bytes or b"</title>" in data.lower():
                break
        return _title_of(data[: self.settings.title_bytes].decode(response.encoding or "utf-8", errors="replace"))
