"""Run the URL stage for a set of references: dedupe, cache, probe, archive."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import httpx

from ..collect import collecting
from ..extract.urls import Url, parse_url
from .archive import API, archived_copy
from .cache import Cache, default_dir
from .connect import PinnedTransport, Pins
from .exchange import LinkClient
from .policy import Policy, Resolver, Unresolvable, system_resolver
from .probe import Prober, ProbeSettings
from .status import LinkStatus


@dataclass(frozen=True)
class LinkRun:
    policy: Policy = field(default_factory=Policy)
    settings: ProbeSettings = field(default_factory=ProbeSettings)
    cache_dir: str | None = None  # None: the user cache dir
    use_cache: bool = True
    cache_ttl: float = 86400.0
    suggest_archive: bool = True
    progress: bool = False
    verbose: bool = False
    url_deadline: float = 30.0  # seconds per URL: every hop, retry, wait and byte
    link_deadline: float = 300.0  # seconds for the whole link phase; later URLs are unverifiable


def probe_urls(urls: list[str], run: LinkRun, warn: Callable[[str], None] = lambda m: print(m, file=sys.stderr),
               transport: httpx.AsyncBaseTransport | None = None, resolver: Resolver = system_resolver) -> dict[str, LinkStatus]:
    """Clean URLs -> their LinkStatus; one probe per URL."""
    with collecting():  # asyncio and httpx make reference cycles
        return asyncio.run(_probe(urls, run, warn, transport, resolver))


async def _offline(parsed: list, pins: Pins, timeout: float) -> bool:
    """No network: not a single host name of the ``parsed`` URLs resolves (the
    resolver fails the same way for a missing host and a missing network, so
    all-or-nothing); decided by the first name that resolves. The answers are
    kept in ``pins``: each name is resolved once per run."""
    hosts = sorted({p.host for p in parsed if isinstance(p, Url) and not p.is_ip})
    if not hosts or len(hosts) < len({p.host for p in parsed if isinstance(p, Url)}):
        return False  # an address needs no name server

    async def resolves(host: str) -> bool:
        try:
            await asyncio.wait_for(pins.resolve(host), timeout)
        except (Unresolvable, asyncio.TimeoutError):
            return False
        return True

    lookups = [asyncio.ensure_future(resolves(h)) for h in hosts[:20]]
    try:
        for answer in asyncio.as_completed(lookups):
            if await answer:
                return False  # one name resolves: there is a network
        return True
    finally:
        for lookup in lookups:  # the lookups themselves go on in the pins, for the probes
            lookup.cancel()


async def _probe(urls, run, warn, transport, resolver) -> dict[str, LinkStatus]:
    cache = Cache(run.cache_dir or default_dir(), run.cache_ttl, warn) if run.use_cache else None
    try:
        return await _probe_cached(list(dict.fromkeys(urls)), run, warn, transport, resolver, cache)
    finally:
        if cache:
            cache.close()  # on every way out (no network, an interrupt): the program ends without cleaning up


async def _probe_cached(urls, run, warn, transport, resolver, cache) -> dict[str, LinkStatus]:
    results: dict[str, LinkStatus] = {}
    todo = []
    for url in urls:
        hit = cache.get(url) if cache else None
        if hit is not None and (hit.title is not None or not run.settings.want_titles):
            results[url] = hit
        else:
            todo.append(url)
    pins = Pins(resolver)
    parsed = {u: parse_url(u) for u in todo}
    excluded = {u: run.policy.excluded(u, parsed[u]) for u in todo}
    probable = [parsed[u] for u in todo if excluded[u] is None]
    # the probes start while the offline check runs (they share its lookups) and send
    # nothing before it has said there is a network: the first name that resolves says so
    offline = asyncio.ensure_future(_offline(probable, pins, run.url_deadline)) if probable else None
    limits = httpx.Limits(max_connections=run.settings.concurrency, max_keepalive_connections=run.settings.concurrency)
    timeout = httpx.Timeout(run.settings.read_timeout, connect=run.settings.connect_timeout)
    transport = transport or PinnedTransport(pins, limits, per_host=run.settings.host_concurrency)
    settings = replace(run.settings, url_budget=run.url_deadline)
    async with LinkClient(transport=transport, limits=limits, timeout=timeout, follow_redirects=False,
                          trust_env=False) as client:
        prober = Prober(client, run.policy, settings, resolver, pins=pins, gate=offline)
        bar = _progress(len(todo)) if run.progress and todo else None
        probing = asyncio.ensure_future(
            prober.probe_all(todo, (lambda s: bar.advance()) if bar else None, run.link_deadline))
        try:
            if offline is not None and await offline:
                probing.cancel()
                await asyncio.gather(probing, return_exceptions=True)
                for url in todo:
                    reason = excluded[url]
                    results[url] = LinkStatus(url, "excluded", reason=reason) if reason else LinkStatus(
                        url, "unverifiable", reason="no network: no host name could be resolved")
                return {u: results[u] for u in urls}
            found = await probing
        finally:
            probing.cancel()
            if bar:
                bar.close()
        dead = [u for u, s in found.items() if s.status == "dead"]
        if run.suggest_archive and dead and await _archive_allowed(prober):
            copies = await asyncio.gather(*(archived_copy(client, u) for u in dead))
            for url, copy in zip(dead, copies):
                if copy:
                    found[url] = replace(found[url], archive_url=copy)
    if cache:
        for status in found.values():
            cache.put(status)
    results.update(found)
    if run.verbose:
        for host, stats in sorted(prober.hosts.items()):
            warn(f"refcheck: {host}: {stats.requests} requests, {stats.failures} failed, slowest {stats.slowest_ms} ms")
    return {u: results[u] for u in urls}


async def _archive_allowed(prober: Prober) -> bool:
    """The archive's own host passes the address policy (and is pinned)."""
    try:
        return await prober.admit(API) is None
    except Unresolvable:
        return False


class _progress:
    """A rich progress bar on stderr, loaded only when it is shown."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.progress = Progress(TextColumn("checking links"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                 console=Console(stderr=True), transient=True)
        self.progress.start()
        self.task = self.progress.add_task("links", total=total)

    def advance(self) -> None:
        self.progress.advance(self.task)

    def close(self) -> None:
        self.progress.stop()
