"""Connections kept alive and used again, one small pool per host, bounded body reads: real sockets on 127.0.0.1."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

from refcheck.net.connect import PinnedTransport, Pins
from refcheck.net.exchange import LinkClient
from refcheck.net.policy import Policy
from refcheck.net.probe import Prober, ProbeSettings

PAGE = b"<html><head><title>Rivers</title></head><body>" + b"x" * 200 + b"</body></html>"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def verify_request(self, request, client_address) -> bool:
        self.connections += 1
        return True


@contextlib.contextmanager
def serve(answer):
    """An HTTP/1.1 server (keep-alive) on 127.0.0.1 that counts the TCP
    connections it accepts; yields (port, server)."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def _any(self):
            try:
                answer(self)
            except (BrokenPipeError, ConnectionResetError):
                pass

        do_GET = do_HEAD = _any

        def log_message(self, *args):
            pass

    httpd = _Server(("127.0.0.1", 0), Handler)
    httpd.connections = 0
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1], httpd
    finally:
        httpd.shutdown()
        httpd.server_close()


def page(handler, body=PAGE, status=200):
    handler.send_response(status)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if handler.command == "GET":
        handler.wfile.write(body)


async def loopback(host):
    return ["127.0.0.1"]


def probe(urls, settings=None, **transport_options):
    async def go():
        pins = Pins(loopback)
        transport = PinnedTransport(pins, httpx.Limits(), **transport_options)
        async with httpx.AsyncClient(transport=transport) as client:
            prober = Prober(client, Policy(allow_private=True), settings or ProbeSettings(host_concurrency=1), pins=pins)
            results = await prober.probe_all(urls)
            return results, transport

    return asyncio.run(go())


def test_one_connection_serves_every_url_of_a_host_one_after_another():
    with serve(page) as (port, server):
        urls = [f"http://a.test:{port}/{i}" for i in range(6)]
        results, _ = probe(urls, ProbeSettings(host_concurrency=1, want_titles=True))
        assert [results[u].status for u in urls] == ["alive"] * 6
        assert {results[u].title for u in urls} == {"Rivers"}
        assert server.connections == 1


def test_heads_redirects_and_errors_leave_the_connection_usable():
    def pages(handler):
        if handler.path == "/moved":
            handler.send_response(301)
            handler.send_header("Location", "/ok")
            handler.send_header("Content-Length", "0")
            handler.end_headers()
        elif handler.path == "/gone":
            page(handler, b"<html>not here</html>", 404)
        else:
            page(handler)

    with serve(pages) as (port, server):
        urls = [f"http://a.test:{port}/{p}" for p in ("moved", "gone", "ok")]
        results, _ = probe(urls)
        assert [results[u].status for u in urls] == ["redirected", "dead", "alive"]
        assert server.connections == 1


def test_a_long_body_is_not_read_to_its_end_and_its_connection_is_not_kept():
    big = b"<html><head><title>Big</title></head>" + b"x" * 200_000

    with serve(lambda h: page(h, big)) as (port, server):
        urls = [f"http://a.test:{port}/{i}" for i in range(3)]
        results, _ = probe(urls, ProbeSettings(host_concurrency=1, want_titles=True, finish_bytes=16384))
        assert [(results[u].status, results[u].title) for u in urls] == [("alive", "Big")] * 3
        assert server.connections == 3


def test_a_body_that_trickles_after_its_title_costs_at_most_the_finish_time():
    def trickle(handler):
        head = b"<html><head><title>Slow</title></head>"
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(len(head) + 20))
        handler.end_headers()
        handler.wfile.write(head)
        for _ in range(20):  # bounded: 20 bytes, 4 s at most
            time.sleep(0.2)
            handler.wfile.write(b"x")

    with serve(trickle) as (port, _):
        began = time.monotonic()
        results, _ = probe([f"http://a.test:{port}/"], ProbeSettings(want_titles=True, finish_seconds=0.3, url_budget=2.0))
        took = time.monotonic() - began
    status = results[f"http://a.test:{port}/"]
    assert (status.status, status.title) == ("alive", "Slow")
    assert took < 1.5


def test_each_origin_has_its_own_small_pool_and_idle_pools_beyond_the_bound_are_closed():
    with serve(page) as (port, server):
        urls = [f"http://{name}.test:{port}/" for name in ("a", "b", "c", "a")]

        async def go():
            pins = Pins(loopback)
            transport = PinnedTransport(pins, httpx.Limits(), per_host=2, max_pools=2)
            async with httpx.AsyncClient(transport=transport) as client:
                prober = Prober(client, Policy(allow_private=True), pins=pins)
                found = [await prober.probe(u) for u in urls]  # one after another
                pools = transport._pool.pools
                return found, [origin[1] for origin in pools], {p._max_connections for p in pools.values()}

        found, origins, sizes = asyncio.run(go())
        assert [s.status for s in found] == ["alive"] * 4
        assert origins == [b"c.test", b"a.test"] and sizes == {2}  # b, least recently used, was closed
        assert server.connections == 4  # a's pool was closed when c came: a opened again


def test_no_ssl_context_is_made_without_an_https_url():
    with serve(page) as (port, _):
        results, transport = probe([f"http://a.test:{port}/"])
    assert results[f"http://a.test:{port}/"].status == "alive"
    assert transport._pool.ssl_context is None


def test_a_cookie_set_on_the_way_is_sent_on_the_next_hop_and_answers_without_one_leave_the_jar_alone():
    sent = []

    def pages(handler):
        sent.append((handler.path, handler.headers.get("Cookie")))
        if handler.path == "/wall":  # a cookie wall: set the cookie, send the reader on
            handler.send_response(302)
            handler.send_header("Set-Cookie", "seen=yes; Path=/")
            handler.send_header("Location", "/page")
            handler.send_header("Content-Length", "0")
            handler.end_headers()
        elif handler.path == "/page" and handler.headers.get("Cookie") != "seen=yes":
            page(handler, b"no cookie", 403)
        else:
            page(handler)

    with serve(pages) as (port, _):
        async def go():
            pins = Pins(loopback)
            transport = PinnedTransport(pins, httpx.Limits())
            async with LinkClient(transport=transport) as client:
                prober = Prober(client, Policy(allow_private=True), pins=pins)
                plain = await prober.probe(f"http://a.test:{port}/plain")
                jar_after_plain = len(client.cookies.jar)
                walled = await prober.probe(f"http://a.test:{port}/wall")
                return plain, jar_after_plain, walled, dict(client.cookies)

        plain, jar_after_plain, walled, cookies = asyncio.run(go())
    assert plain.status == "alive" and jar_after_plain == 0
    assert (walled.status, walled.http_status) == ("alive", 200)
    assert sent == [("/plain", None), ("/wall", None), ("/page", "seen=yes")]
    assert cookies == {"seen": "yes"}
