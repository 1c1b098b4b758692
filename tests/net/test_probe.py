"""The prober against httpx.MockTransport: every status class, redirects, retries, policy."""

from __future__ import annotations

import asyncio
import re

import httpx

from refcheck.net.policy import Policy
from refcheck.net.status import STATUSES

from .conftest import probe


def routes(table):
    """A handler from {(method, url): response or callable}; records the requests."""
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.method, str(request.url)))
        found = table.get((request.method, str(request.url))) or table.get(("*", str(request.url)))
        if found is None:
            return httpx.Response(404)
        return found(request) if callable(found) else found

    handler.seen = seen
    return handler


def one(handler, url, **kw):
    results, prober, fake = probe(handler, [url], **kw)
    return results[url], prober, fake


def test_status_words_are_the_documented_six():
    assert STATUSES == ("alive", "dead", "error", "unverifiable", "redirected", "excluded")


def test_alive_with_head_only():
    handler = routes({("HEAD", "https://example.org/a"): httpx.Response(200)})
    status, prober, _ = one(handler, "https://example.org/a")
    assert (status.status, status.http_status, status.final_url) == ("alive", 200, None)
    assert handler.seen == [("HEAD", "https://example.org/a")]
    assert prober.requests == 1


def test_dead_404_confirmed_by_get_and_410():
    handler = routes({("*", "https://example.org/missing"): httpx.Response(404), ("*", "https://example.org/gone"): httpx.Response(410)})
    results, _, _ = probe(handler, ["https://example.org/missing", "https://example.org/gone"])
    assert [(s.status, s.http_status, s.reason) for s in results.values()] == [("dead", 404, "HTTP 404"), ("dead", 410, "HTTP 410")]
    assert sorted(handler.seen) == [("GET", "https://example.org/missing"), ("HEAD", "https://example.org/gone"), ("HEAD", "https://example.org/missing")]


def test_head_refused_then_get():
    handler = routes({("HEAD", "https://example.org/a"): httpx.Response(405), ("GET", "https://example.org/a"): httpx.Response(200)})
    status, _, _ = one(handler, "https://example.org/a")
    assert status.status == "alive"
    assert [m for m, _ in handler.seen] == ["HEAD", "GET"]


def test_server_error_after_retries_with_backoff():
    handler = routes({("*", "https://example.org/a"): httpx.Response(500)})
    status, _, fake = one(handler, "https://example.org/a", retries=3, backoff=0.5)
    assert (status.status, status.http_status, status.reason) == ("error", 500, "HTTP 500 after 3 retries")
    assert len(fake.waits) == 3
    assert all(0.25 <= w <= 0.75 * 2 ** i for i, w in enumerate(fake.waits))
    assert fake.waits[2] > fake.waits[0]


def test_retry_after_is_honoured_then_alive():
    calls = []

    def flaky(request):
        calls.append(1)
        return httpx.Response(429, headers={"Retry-After": "2"}) if len(calls) < 3 else httpx.Response(200)

    status, _, fake = one(routes({("*", "https://example.org/a"): flaky}), "https://example.org/a")
    assert status.status == "alive"
    assert fake.waits == [2.0, 2.0]


def test_rate_limited_for_ever_is_unverifiable_and_long_waits_are_not_taken():
    handler = routes({("*", "https://example.org/a"): httpx.Response(429, headers={"Retry-After": "3600"})})
    status, _, fake = one(handler, "https://example.org/a", max_wait=5)
    assert (status.status, status.http_status) == ("unverifiable", 429)
    assert fake.waits == []
    handler = routes({("*", "https://example.org/b"): httpx.Response(429, headers={"Retry-After": "1"})})
    status, _, fake = one(handler, "https://example.org/b", retries=2)
    assert (status.status, status.reason) == ("unverifiable", "rate limited (429) after 2 retries")
    assert fake.waits == [1.0, 1.0]


def test_bot_walls_are_unverifiable_not_dead():
    handler = routes({
        ("*", "https://example.org/cf"): httpx.Response(403, headers={"cf-mitigated": "challenge"}),
        ("*", "https://example.org/li"): httpx.Response(999),
        ("*", "https://example.org/auth"): httpx.Response(401),
    })
    results, _, _ = probe(handler, ["https://example.org/cf", "https://example.org/li", "https://example.org/auth"])
    assert [(s.status, s.reason) for s in results.values()] == [
        ("unverifiable", "bot challenge (cf-mitigated: challenge) (403)"),
        ("unverifiable", "bot wall (999)"),
        ("unverifiable", "access denied (401)"),
    ]


def test_timeouts_retry_then_unverifiable():
    def slow(request):
        raise httpx.ReadTimeout("read timed out", request=request)

    status, prober, fake = one(routes({("*", "https://example.org/a"): slow}), "https://example.org/a", retries=2)
    assert (status.status, status.reason) == ("unverifiable", "timed out")
    assert len(fake.waits) == 2 and prober.requests == 3


def test_connection_refused_and_tls_are_errors():
    def refused(request):
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    def tls(request):
        raise httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed", request=request)

    results, _, _ = probe(routes({("*", "https://example.org/r"): refused, ("*", "https://example.org/t"): tls}),
                          ["https://example.org/r", "https://example.org/t"])
    assert results["https://example.org/r"].reason == "connection refused"
    assert results["https://example.org/t"].status == "error"
    assert results["https://example.org/t"].reason.startswith("TLS failure")


def test_unknown_host_is_dead():
    status, _, _ = one(routes({}), "https://no-such-host.test/a")
    assert (status.status, status.reason) == ("dead", "host name does not resolve (Name or service not known)")


def test_permanent_redirect_chain_reports_final_url():
    handler = routes({
        ("HEAD", "http://example.org/a"): httpx.Response(301, headers={"Location": "https://example.org/a"}),
        ("HEAD", "https://example.org/a"): httpx.Response(308, headers={"Location": "/b"}),
        ("HEAD", "https://example.org/b"): httpx.Response(200),
    })
    status, _, _ = one(handler, "http://example.org/a")
    assert (status.status, status.final_url) == ("redirected", "https://example.org/b")
    assert status.chain == ("http://example.org/a", "https://example.org/a")


def test_temporary_redirect_is_alive_and_home_page_redirect_is_soft_404():
    handler = routes({
        ("HEAD", "https://example.org/t"): httpx.Response(302, headers={"Location": "/elsewhere"}),
        ("HEAD", "https://example.org/elsewhere"): httpx.Response(200),
        ("HEAD", "https://example.org/old/article"): httpx.Response(301, headers={"Location": "https://example.org/"}),
        ("HEAD", "https://example.org/"): httpx.Response(200),
    })
    results, _, _ = probe(handler, ["https://example.org/t", "https://example.org/old/article"])
    assert results["https://example.org/t"].status == "alive"
    moved = results["https://example.org/old/article"]
    assert (moved.status, moved.reason) == ("redirected", "moved permanently (the site's home page: likely a removed page)")


def test_redirect_loop_and_too_many_redirects():
    handler = routes({
        ("HEAD", "https://example.org/a"): httpx.Response(302, headers={"Location": "/b"}),
        ("HEAD", "https://example.org/b"): httpx.Response(302, headers={"Location": "/a"}),
    })
    status, _, _ = one(handler, "https://example.org/a")
    assert (status.status, status.reason) == ("error", "redirect loop")
    chain = {("HEAD", f"https://example.org/{i}"): httpx.Response(301, headers={"Location": f"/{i + 1}"}) for i in range(20)}
    status, prober, _ = one(routes(chain), "https://example.org/0", max_redirects=10)
    assert (status.status, status.reason) == ("error", "more than 10 redirects")
    assert prober.requests == 11


def test_redirect_to_private_address_is_refused_before_the_request():
    handler = routes({
        ("HEAD", "https://example.org/a"): httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/meta-data"}),
        ("HEAD", "https://example.org/b"): httpx.Response(302, headers={"Location": "http://internal.test/admin"}),
    })
    results, _, _ = probe(handler, ["https://example.org/a", "https://example.org/b"])
    assert [s.status for s in results.values()] == ["excluded", "excluded"]
    assert results["https://example.org/b"].reason.startswith("redirected to http://internal.test/admin: internal.test resolves to a non-public address (10.0.0.5)")
    assert all("169.254" not in url and "internal" not in url for _, url in handler.seen)


def test_private_names_and_addresses_are_never_requested():
    urls = ["http://127.0.0.1:8080/x", "http://[::1]/x", "http://internal.test/x", "http://metadata.test/x",
            "http://mapped.test/x", "http://v6local.test/x", "http://0.0.0.0/x", "http://224.0.0.1/x", "ftp://example.org/x"]
    handler = routes({})
    results, prober, _ = probe(handler, urls)
    assert all(s.status == "excluded" for s in results.values())
    assert results["ftp://example.org/x"].reason == "unsupported scheme ftp"
    assert handler.seen == [] and prober.requests == 0
    results, _, _ = probe(routes({("HEAD", "http://internal.test/x"): httpx.Response(200)}), ["http://internal.test/x"],
                          policy=Policy(allow_private=True))
    assert results["http://internal.test/x"].status == "alive"


def test_exclude_patterns():
    handler = routes({})
    results, _, _ = probe(handler, ["https://example.org/private/x"], policy=Policy(exclude=(re.compile(r"/private/"),)))
    assert results["https://example.org/private/x"].reason == "excluded by pattern '/private/'"
    assert handler.seen == []


def test_concurrency_limits_are_enforced_per_host_and_globally():
    active = {"now": 0, "max": 0}

    async def handler(request):
        active["now"] += 1
        active["max"] = max(active["max"], active["now"])
        await asyncio.sleep(0.01)
        active["now"] -= 1
        return httpx.Response(200)

    urls = [f"https://example.org/{i}" for i in range(20)] + [f"https://site.test/{i}" for i in range(20)]
    _, prober, _ = probe(handler, urls, concurrency=6, host_concurrency=2)
    assert prober.hosts["example.org"].max_in_flight == 2
    assert prober.hosts["site.test"].max_in_flight == 2
    assert active["max"] <= 4
    active["max"] = 0
    _, prober, _ = probe(handler, urls, concurrency=3, host_concurrency=10)
    assert active["max"] <= 3


def test_user_agent_and_page_title():
    def page(request):
        assert request.headers["user-agent"].startswith("Mozilla/5.0 (compatible; refcheck/")
        html = "<html><head><title>\n Kazakhstan Spends $1.5 Billion\n</title></head><body>" + "x" * 200000
        return httpx.Response(200, headers={"content-type": "text/html; charset=utf-8"}, text=html)

    status, _, _ = one(routes({("GET", "https://example.org/a"): page}), "https://example.org/a", want_titles=True)
    assert (status.status, status.title) == ("alive", "Kazakhstan Spends $1.5 Billion")


def test_the_address_policy_is_asked_once_per_host_and_answer_and_still_refuses_each_hop():
    asked = []

    class Counting(Policy):
        def refused(self, host, addresses):
            asked.append((host, addresses))
            return super().refused(host, addresses)

    handler = routes({
        ("HEAD", "https://example.org/a"): httpx.Response(302, headers={"Location": "http://internal.test/admin"}),
        ("HEAD", "https://example.org/b"): httpx.Response(302, headers={"Location": "http://internal.test/other"}),
        ("HEAD", "https://example.org/c"): httpx.Response(200),
        ("HEAD", "http://93.184.216.40/d"): httpx.Response(200),
    })
    urls = ["https://example.org/a", "https://example.org/b", "https://example.org/c", "http://93.184.216.40/d"]
    results, _, _ = probe(handler, urls, Counting())
    assert [results[u].status for u in urls] == ["excluded", "excluded", "alive", "alive"]
    assert sorted(asked) == [("93.184.216.40", ("93.184.216.40",)), ("example.org", ("93.184.216.34",)),
                             ("internal.test", ("10.0.0.5",))]
    assert ("HEAD", "http://internal.test/admin") not in handler.seen
