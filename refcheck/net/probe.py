"""Probe URLs with httpx: polite, bounded, and honest about what it cannot know.

HEAD first (GET for hosts known to lie on HEAD, or when a page title is
wanted), GET when HEAD is refused or inconclusive; redirects followed by hand
(at most ``max_redirects``, loops detected, the whole policy -- URL syntax,
scheme, excludes, addresses -- checked at every hop); retries with exponential
backoff and jitter for 429, 5xx, timeouts and connection resets, honouring
Retry-After, with a cap on each wait; a global and a per-host (host:port)
concurrency limit.

Each URL has one deadline (``url_budget``) that covers every hop, retry, wait
and byte, counted from its first request; :meth:`Prober.probe_all` takes a
deadline for the whole set.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from .. import __version__
from ..extract.urls import BadUrl, Url, parse_url
from .body import ACCEPT_ENCODING
from .connect import Pins
from .exchange import Answer, send
from .failures import RETRYABLE, retry_after
from .policy import Policy, Resolver, Unresolvable, system_resolver
from .slots import Deadline, HostStats, Slots, within
from .status import LinkStatus
from .verdict import verdict

USER_AGENT = f"Mozilla/5.0 (compatible; refcheck/{__version__}; +https://github.com/refcheck/refcheck)"
_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class ProbeSettings:
    concurrency: int = 64
    host_concurrency: int = 10
    max_redirects: int = 10
    retries: int = 3
    backoff: float = 0.25  # first backoff; doubles, with jitter
    max_wait: float = 5.0  # cap on one wait (Retry-After beyond it is not waited for)
    url_budget: float = 30.0  # deadline per URL: every hop, retry, wait and byte
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    user_agent: str = USER_AGENT
    get_only_hosts: tuple[str, ...] = ("linkedin.com", "www.linkedin.com")
    want_titles: bool = False
    title_bytes: int = 65536  # read at most this many bytes of a page, before and after decoding
    finish_bytes: int = 16384  # the rest of a body is read when it is at most this long ...
    finish_seconds: float = 0.5  # ... and comes within this time, so that its connection is used again


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
        pins: Pins | None = None,
        gate: asyncio.Future | None = None,
    ) -> None:
        self.client = client
        self.policy = policy or Policy()
        self.settings = settings or ProbeSettings()
        self.pins = pins or Pins(resolver)
        self.sleep = sleep
        self.clock = clock
        self.random = random.Random(seed)
        self.hosts: dict[str, HostStats] = defaultdict(HostStats)
        self.requests = 0
        self._global = asyncio.Semaphore(self.settings.concurrency)
        self._host_slots: dict[str, Slots] = {}
        self._verdicts: dict[tuple, str | None] = {}  # (host, addresses) -> policy.refused(...)
        self.gate = gate  # no request before it is done with a false result (run.py: "not offline")
        self._headers = {"User-Agent": self.settings.user_agent, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
                         "Accept-Encoding": ACCEPT_ENCODING}

    async def probe_all(self, urls: Iterable[str], done: Callable[[LinkStatus], None] | None = None,
                        deadline: float | None = None) -> dict[str, LinkStatus]:
        """Probe every URL; those not finished within ``deadline`` seconds are unverifiable."""
        tasks = {url: asyncio.ensure_future(self.probe(url)) for url in dict.fromkeys(urls)}
        if done:
            for task in tasks.values():
                task.add_done_callback(lambda t: t.cancelled() or done(t.result()))
        pending: set = set()
        if tasks:
            _, pending = await asyncio.wait(tasks.values(), timeout=deadline)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        late = f"not checked: the link check stopped at its {deadline:g} s limit" if deadline is not None else ""
        return {url: LinkStatus(url, "unverifiable", reason=late) if task in pending else task.result()
                for url, task in tasks.items()}

    async def admit(self, url: str) -> str | None:
        """Check ``url`` against the whole policy and pin its host's addresses;
        why it may not be requested, or None. Raises Unresolvable."""
        parsed = parse_url(url)
        reason = self.policy.excluded(url, parsed)
        if reason or isinstance(parsed, BadUrl):
            return reason or "invalid URL"
        return self.policy.refused(parsed.host, await self.pins.resolve(parsed.host, parsed.is_ip))

    async def probe(self, url: str) -> LinkStatus:
        start = self.clock()
        parsed = parse_url(url)
        reason = self.policy.excluded(url, parsed)
        if reason or not isinstance(parsed, Url):
            return LinkStatus(url, "excluded", reason=reason or "invalid URL")
        deadline = Deadline(self.settings.url_budget)
        method = "GET" if self.settings.want_titles or parsed.host in self.settings.get_only_hosts else "HEAD"
        first_method = method
        chain: list[str] = []
        current = parsed
        permanent = True
        retries = 0
        done = lambda *a, **k: self._done(url, parsed, start, *a, **k)
        while True:
            addresses = self.pins.known(current.host, current.is_ip)
            if addresses is None:
                try:  # a slow name server counts against the URL's time too
                    limit = self.settings.url_budget if deadline.end is None else max(0.0, deadline.left())
                    addresses = await asyncio.wait_for(self.pins.resolve(current.host, current.is_ip), limit)
                except Unresolvable as exc:
                    return done("dead", None, chain, current, f"host name does not resolve ({exc})")
                except asyncio.TimeoutError:
                    return done("unverifiable", None, chain, current, f"timed out resolving {current.host}")
            refused = self._refused(current.host, addresses)
            if refused:
                return done("excluded", None, chain, current, refused if not chain else f"redirected to {current.text}: {refused}")
            first = not chain and not retries and method == first_method
            answer = await self._request(method, current, first, deadline)
            elapsed = self.clock() - start
            code = answer.status
            if answer.failure:
                retry = answer.failure in RETRYABLE and retries < self.settings.retries
                if retry and await self._wait(self._backoff(retries + 1), start, deadline):
                    retries += 1
                    continue
                if answer.failure == "deadline":
                    return done("unverifiable", None, chain, current, f"timed out at the {self.settings.url_budget:g} s limit per URL")
                if answer.failure == "timeout":
                    return done("unverifiable", None, chain, current, "timed out")
                return done("error", None, chain, current, answer.detail)
            if code in _REDIRECTS and answer.headers.get("location"):
                chain.append(current.text)
                target, why = self._next_hop(current, answer.headers["location"])
                if why:
                    return done(why[0], code, chain, current, why[1])
                if target.text in chain:
                    return done("error", code, chain, target, "redirect loop")
                if len(chain) > self.settings.max_redirects:
                    return done("error", code, chain, target, f"more than {self.settings.max_redirects} redirects")
                permanent = permanent and code in (301, 308)
                current = target
                continue
            if method == "HEAD" and code in (400, 403, 404, 405, 406, 500, 501):
                method = "GET"  # HEAD refused or not to be trusted: ask again properly
                continue
            if code in (429, 500, 502, 503, 504) and retries < self.settings.retries:
                wait = retry_after(answer.headers.get("retry-after"), time.time())
                if wait is None:
                    wait = self._backoff(retries + 1)
                if wait <= self.settings.max_wait and elapsed + wait <= self.settings.url_budget and wait < deadline.left():
                    retries += 1
                    await self.sleep(wait)
                    continue
            return verdict(done, parsed, code, answer, chain, current, permanent, retries)

    def _refused(self, host: str, addresses: tuple[str, ...]) -> str | None:
        key = (host, addresses)
        if key not in self._verdicts:
            self._verdicts[key] = self.policy.refused(host, addresses)
        return self._verdicts[key]

    def _next_hop(self, current: Url, location: str) -> tuple[Url | None, tuple[str, str] | None]:
        """The redirect target, or (None, (status, reason)) when it may not be followed."""
        shown = location if len(location) <= 200 else location[:200] + "..."
        try:
            text = urljoin(current.text, location)
        except ValueError:
            return None, ("error", f"invalid redirect target (Location: {shown})")
        target = parse_url(text)
        why = self.policy.excluded(text, target)
        if isinstance(target, BadUrl) and target.scheme in ("http", "https"):
            return None, ("error", f"invalid redirect target (Location: {shown}): {target.reason}")
        if why:
            return None, ("excluded", f"redirected to {text if len(text) <= 200 else shown}: {why}")
        return target, None  # type: ignore[return-value]

    def _backoff(self, attempt: int) -> float:
        base = self.settings.backoff * 2 ** (attempt - 1)
        return min(self.settings.max_wait, base * (0.5 + self.random.random()))

    async def _wait(self, seconds: float, start: float, deadline: Deadline) -> bool:
        if self.clock() - start + seconds > self.settings.url_budget or seconds >= deadline.left():
            return False
        await self.sleep(seconds)
        return True

    def _done(self, url, parsed: Url, start, status, code, chain, final: Url, reason, title=None) -> LinkStatus:
        elapsed = int((self.clock() - start) * 1000)
        host = self.hosts[parsed.netloc]
        host.slowest_ms = max(host.slowest_ms, elapsed)
        if status in ("dead", "error"):
            host.failures += 1
        moved = final.text if chain and final.text != url else None
        return LinkStatus(url, status, code, moved, reason, elapsed, tuple(chain), title)

    async def _request(self, method: str, url: Url, first: bool, deadline: Deadline) -> Answer:
        if self.gate is not None and (not self.gate.done() or self.gate.result()):
            if await asyncio.shield(self.gate):
                return Answer(failure="other", detail="no network")
        slots = self._host_slots.setdefault(url.netloc, Slots(self.settings.host_concurrency))
        stats = self.hosts[url.netloc]
        # host first: a task waiting for its host holds no global slot
        await slots.acquire(1 if first else 0)
        try:
            async with self._global:
                deadline.start()
                if deadline.left() <= 0:
                    return Answer(failure="deadline")
                stats.in_flight += 1
                stats.max_in_flight = max(stats.max_in_flight, stats.in_flight)
                stats.requests += 1
                self.requests += 1
                try:
                    exchange = send(self.client, method, url.text, self._headers, self.settings, deadline)
                    return await within(deadline.left(), exchange)
                except asyncio.TimeoutError:
                    return Answer(failure="deadline")
                finally:
                    stats.in_flight -= 1
        finally:
            slots.release()
