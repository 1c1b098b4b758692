"""Whatever a request raises becomes a verdict; only what can pass is retried; retries are counted honestly."""

from __future__ import annotations

import httpx
import pytest

from refcheck.net.failures import _GROUP, classify

from .conftest import probe

GROUP = _GROUP[0]("connect", [OverflowError("Python int too large to convert to C int")])  # 3.11 builtin or backport


@pytest.mark.parametrize("error, reason", [
    (httpx.InvalidURL("Invalid port: '99999'"), "request failed: InvalidURL: Invalid port: '99999'"),
    (ValueError("bad value"), "request failed: ValueError: bad value"),
    (GROUP, "request failed: ExceptionGroup: connect (1 sub-exception)"),
    (httpx.LocalProtocolError("Illegal header value b'a\\x00'"), "Illegal header value b'a\\x00'"),
])
def test_errors_outside_httpx_error_are_error_verdicts_and_not_retried(error, reason):
    calls = []

    def handler(request):
        calls.append(request.method)
        raise error

    results, _, fake = probe(handler, ["https://example.org/a"])
    status = results["https://example.org/a"]
    assert (status.status, status.reason) == ("error", reason)
    assert calls == ["HEAD"] and fake.waits == []


def test_no_retry_is_reported_when_none_was_made():
    def handler(request):
        return httpx.Response(503, headers={"Retry-After": "120"})  # longer than max_wait: not waited for

    results, prober, fake = probe(handler, ["https://example.org/a"])
    status = results["https://example.org/a"]
    assert (status.status, status.http_status, status.reason) == ("error", 503, "HTTP 503")
    assert prober.requests == 1 and fake.waits == []


def test_a_broken_location_header_is_an_error_not_a_reset():
    calls = []

    def handler(request):
        calls.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://[::1/x"})

    results, _, fake = probe(handler, ["https://example.org/a"])
    status = results["https://example.org/a"]
    assert (status.status, status.reason) == ("error", "invalid redirect target (Invalid URL in location header: Invalid port: ':1')")
    assert calls == ["https://example.org/a"] and fake.waits == []


def test_a_location_that_httpx_accepts_but_the_parser_refuses_is_an_error():
    results, prober, _ = probe(lambda r: httpx.Response(301, headers={"Location": "http://example.org:99999/x"}),
                               ["https://example.org/a"])
    status = results["https://example.org/a"]
    assert (status.status, status.reason) == (
        "error", "invalid redirect target (Location: http://example.org:99999/x): port '99999' is not a number from 1 to 65535")
    assert prober.requests == 1


@pytest.mark.parametrize("error, kind", [
    (httpx.RemoteProtocolError("Server disconnected without sending a response."), "reset"),
    (httpx.RemoteProtocolError("peer closed connection without sending complete message body"), "reset"),
    (httpx.RemoteProtocolError("illegal status line: bytearray(b'XYZ')"), "other"),
    (httpx.ReadError("[Errno 104] Connection reset by peer"), "reset"),
    (httpx.ConnectError("[Errno 111] Connection refused"), "refused"),
])
def test_only_transient_failures_are_retryable(error, kind):
    assert classify(error)[0] == kind
