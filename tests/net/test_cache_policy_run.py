"""The link cache, the address policy, and the run around the prober."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from refcheck.net.cache import Cache
from refcheck.net.policy import is_public
from refcheck.net.run import LinkRun, probe_urls
from refcheck.net.status import LinkStatus
from refcheck.net.urls import clean_url, collect

from .conftest import fake_resolver


@pytest.mark.parametrize(
    "address, public",
    [("93.184.216.34", True), ("2606:2800:220:1:248:1893:25c8:1946", True), ("127.0.0.1", False), ("10.1.2.3", False),
     ("172.16.0.1", False), ("192.168.0.1", False), ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False),
     ("224.0.0.1", False), ("240.0.0.1", False), ("::1", False), ("fe80::1", False), ("fc00::1", False),
     ("::ffff:127.0.0.1", False), ("::ffff:10.0.0.1", False), ("::", False),
     # embedded IPv4 is judged by what it carries: mapped, compatible, NAT64, 6to4
     ("::ffff:93.184.216.34", True), ("::127.0.0.1", False), ("64:ff9b::7f00:1", False), ("64:ff9b::5db8:d822", True),
     ("2002:7f00:1::1", False), ("2002:a00:1::1", False), ("2002:5db8:d822::1", True),
     ("100.127.255.254", False), ("192.0.2.1", False), ("198.18.0.1", False), ("255.255.255.255", False),
     ("ff02::1", False), ("2001:db8::1", False)],
)
def test_public_addresses(address, public):
    assert is_public(address) is public


def test_cache_reuses_fresh_verdicts_and_never_stores_transient_ones(tmp_path):
    now = [0.0]
    cache = Cache(str(tmp_path), ttl=100, clock=lambda: now[0])
    cache.put(LinkStatus("https://a.test/", "alive", 200))
    cache.put(LinkStatus("https://b.test/", "unverifiable", 429))
    cache.put(LinkStatus("https://c.test/", "error", 500))
    cache.put(LinkStatus("https://d.test/", "dead", 404, reason="HTTP 404"))
    assert cache.get("https://a.test/").status == "alive" and cache.get("https://a.test/").cached
    assert cache.get("https://b.test/") is None and cache.get("https://c.test/") is None
    assert cache.get("https://d.test/").reason == "HTTP 404"
    now[0] = 101
    assert cache.get("https://a.test/") is None
    assert cache.clear() == 2
    cache.close()


def test_two_processes_share_the_cache_file(tmp_path):
    first, second = Cache(str(tmp_path)), Cache(str(tmp_path))
    first.put(LinkStatus("https://a.test/", "alive", 200))
    assert second.get("https://a.test/").status == "alive"
    first.close()
    second.close()


def test_corrupt_cache_is_reported_once_and_rebuilt(tmp_path):
    (tmp_path / "links.sqlite3").write_bytes(b"this is not a database" * 100)
    warnings = []
    cache = Cache(str(tmp_path), warn=warnings.append)
    assert len(warnings) == 1 and "is unreadable" in warnings[0] and "rebuilding it" in warnings[0]
    cache.put(LinkStatus("https://a.test/", "alive", 200))
    assert cache.get("https://a.test/").status == "alive"
    cache.close()


def test_clean_url_and_one_probe_per_clean_url():
    assert clean_url("https://x.org/a/#:~:text=Over%2C") == ("https://x.org/a/", ["a text fragment"])
    assert clean_url("https://x.org/a?utm_source=x&id=2") == ("https://x.org/a?id=2", ["tracking parameters"])
    from refcheck.extract.references import parse_entries
    from refcheck.extract.sections import Entry

    refs = parse_entries((
        Entry(0, 1, "A, B. (2020). T. https://x.org/a#:~:text=1"),
        Entry(2, 3, "C, D. (2021). U. https://x.org/a?utm_source=news https://doi.org/10.1/abc"),
        Entry(4, 5, "E, F. (2022). V. Journal, 1(2), 3-4. 10.5555/xyz"),
    ))
    assert collect(refs) == {
        "https://x.org/a#:~:text=1": "https://x.org/a",
        "https://x.org/a?utm_source=news": "https://x.org/a",
        "https://doi.org/10.1/abc": "https://doi.org/10.1/abc",
        "https://doi.org/10.5555/xyz": "https://doi.org/10.5555/xyz",
    }


def run_with(handler, urls, tmp_path, resolver=fake_resolver, **kw):
    run = LinkRun(cache_dir=str(tmp_path), **kw)
    return probe_urls(urls, run, warn=lambda m: None, transport=httpx.MockTransport(handler), resolver=resolver)


def test_offline_every_link_is_unverifiable(tmp_path, monkeypatch):
    from refcheck.net.cache import Cache

    closed = []
    close = Cache.close
    monkeypatch.setattr(Cache, "close", lambda self: closed.append(1) or close(self))

    async def nothing_resolves(host):
        return await fake_resolver("unknown." + host)

    calls = []
    results = run_with(lambda r: calls.append(r) or httpx.Response(200), ["https://example.org/a", "https://site.test/b"],
                       tmp_path, resolver=nothing_resolves)
    assert {s.status for s in results.values()} == {"unverifiable"}
    assert results["https://example.org/a"].reason == "no network: no host name could be resolved"
    assert calls == []
    assert closed == [1]  # on this way out too: the program ends without cleaning up


def test_dead_link_gets_an_archived_copy_and_archive_failures_are_silent(tmp_path):
    def handler(request):
        if request.url.host == "archive.org":
            if "missing" in str(request.url):
                return httpx.Response(200, json={"archived_snapshots": {"closest": {
                    "available": True, "status": "200", "url": "http://web.archive.org/web/2020/https://example.org/missing"}}})
            return httpx.Response(503)
        return httpx.Response(404)

    results = run_with(handler, ["https://example.org/missing", "https://example.org/other"], tmp_path)
    assert results["https://example.org/missing"].archive_url == "http://web.archive.org/web/2020/https://example.org/missing"
    assert results["https://example.org/other"].archive_url is None
    assert results["https://example.org/other"].status == "dead"


def test_cached_verdicts_skip_the_network(tmp_path):
    calls = []

    def handler(request):
        calls.append(str(request.url))
        return httpx.Response(200)

    run_with(handler, ["https://example.org/a"], tmp_path, suggest_archive=False)
    assert calls == ["https://example.org/a"]
    again = run_with(handler, ["https://example.org/a"], tmp_path, suggest_archive=False)
    assert calls == ["https://example.org/a"] and again["https://example.org/a"].cached
    run_with(handler, ["https://example.org/a"], tmp_path, suggest_archive=False, use_cache=False)
    assert len(calls) == 2


def test_system_resolver_reads_localhost_from_the_hosts_file():
    from refcheck.net.policy import system_resolver

    assert "127.0.0.1" in asyncio.run(system_resolver("localhost"))


def test_deadlines_come_from_the_config_and_the_command_line(tmp_path):
    from refcheck.config import load
    from refcheck.errors import ConfigError

    path = tmp_path / "refcheck.toml"
    path.write_text('url-deadline = 5\nlink-deadline = 60.5\n', encoding="utf-8")
    config = load(str(path))
    assert (config.url_deadline, config.link_deadline) == (5.0, 60.5)
    assert config.with_options(url_deadline=2).url_deadline == 2.0
    path.write_text('url-deadline = 0\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="url-deadline must be a number of seconds above 0"):
        load(str(path))
    with pytest.raises(ConfigError, match="--link-deadline must be a number of seconds"):
        config.with_options(link_deadline=-1)


def test_probing_starts_when_the_first_name_resolves_not_when_the_last_does(tmp_path):
    events = []

    async def uneven(host):
        await asyncio.sleep(0.01 if host == "example.org" else 0.4)
        events.append(f"resolved {host}")
        return await fake_resolver(host)

    def handler(request):
        events.append(f"request {request.url.host}")
        return httpx.Response(200)

    results = run_with(handler, ["https://example.org/a", "https://site.test/b"], tmp_path, resolver=uneven)
    assert {s.status for s in results.values()} == {"alive"}
    assert events == ["resolved example.org", "request example.org", "resolved site.test", "request site.test"]
