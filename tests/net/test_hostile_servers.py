"""Servers that try to steer, hold or flood the link checker: real sockets on 127.0.0.1 only.

Host names are resolved by a fake resolver (no DNS query leaves the machine);
every connection goes to the loopback server the test started.
"""

from __future__ import annotations

import gzip
import time
import tracemalloc
import zlib

from refcheck.api import check_paths
from refcheck.net.policy import Unresolvable
from refcheck.net.run import LinkRun

from .loopback import document, findings, link_config, links_of, reply, serve


def check(tmp_path, text, resolver=None, **run):
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    config = link_config(allow_private=run.pop("allow_private", False))
    link_run = LinkRun(cache_dir=str(tmp_path / "cache"), suggest_archive=False, **run)
    return check_paths([str(path)], config, link_run, resolver=resolver)


def resolving(table, calls=None):
    async def resolver(host):
        if calls is not None:
            calls.append(host)
        if host not in table:
            raise Unresolvable("Name or service not known")
        return table[host]

    return resolver


def ok_page(handler):
    reply(handler, 200, [("Content-Type", "text/html")], b"<html><title>Notes</title></html>")


def test_idna_host_is_checked_and_connected_under_the_name_httpx_sends(tmp_path):
    # IDNA 2003 (getaddrinfo) would look up strasse.test; the request goes to xn--strae-oqa.test
    table = {"strasse.test": ["93.184.216.34"], "xn--strae-oqa.test": ["127.0.0.1"]}
    with serve(ok_page) as (base, seen):
        port = base.rsplit(":", 1)[1]
        url = f"http://straße.test:{port}/page"
        calls: list[str] = []
        report = check(tmp_path, document(url), resolving(table, calls))
        assert seen == [] and calls == ["xn--strae-oqa.test"]
        assert findings(report, "RC405") == [(4, 49, "RC405", (f"Abe (2020): link not checked (xn--strae-oqa.test resolves to "
                                              f"a non-public address (127.0.0.1); use --allow-private to probe it): {url}"))]
        report = check(tmp_path, document(url), resolving(table), allow_private=True)
        assert links_of(report)[url].status == "alive"
        assert seen == [f"GET /page xn--strae-oqa.test:{port}"]  # Host header: the name; socket: the checked address


def test_each_name_is_resolved_once_and_the_connection_uses_that_answer(tmp_path):
    # a second lookup would get an address nothing listens on; the checked answer is the one used
    answers = iter([["127.0.0.1"]] + [["192.0.2.1"]] * 10)
    calls: list[str] = []

    async def rebinding(host):
        calls.append(host)
        return next(answers)

    def pages(handler):
        if handler.path == "/a":
            reply(handler, 301, [("Location", "/b")])
        else:
            ok_page(handler)

    with serve(pages) as (base, seen):
        port = base.rsplit(":", 1)[1]
        urls = [f"http://rebind.test:{port}/a", f"http://rebind.test:{port}/c"]
        report = check(tmp_path, document(*urls), rebinding, allow_private=True)
    status = links_of(report)
    assert (status[urls[0]].status, status[urls[0]].final_url) == ("redirected", f"http://rebind.test:{port}/b")
    assert status[urls[1]].status == "alive"
    assert calls == ["rebind.test"]
    assert sorted(seen) == sorted([f"GET /a rebind.test:{port}", f"GET /b rebind.test:{port}", f"GET /c rebind.test:{port}"])


def test_redirects_to_other_schemes_and_excluded_urls_are_not_probed(tmp_path):
    def pages(handler):
        targets = {"/file": "file:///etc/passwd", "/gopher": "gopher://127.0.0.1:70/", "/skip": "/private/x",
                   "/bad": "http://[::1/x"}
        reply(handler, 302, [("Location", targets[handler.path])])

    with serve(pages) as (base, seen):
        urls = [f"{base}/file", f"{base}/gopher", f"{base}/skip", f"{base}/bad"]
        path = tmp_path / "doc.md"
        path.write_text(document(*urls), encoding="utf-8")
        config = link_config(allow_private=True, exclude=("/private/",))
        report = check_paths([str(path)], config, LinkRun(cache_dir=str(tmp_path / "c"), suggest_archive=False))
        hits = list(seen)
    status = links_of(report)
    assert [(status[u].status, status[u].reason) for u in urls] == [
        ("excluded", "redirected to file:///etc/passwd: unsupported scheme file"),
        ("excluded", "redirected to gopher://127.0.0.1:70/: unsupported scheme gopher"),
        ("excluded", f"redirected to {base}/private/x: excluded by pattern '/private/'"),
        ("error", "invalid redirect target (Invalid URL in location header: Invalid port: ':1')"),
    ]
    assert [code for _, _, code, _ in findings(report, "RC401", "RC402", "RC405")] == ["RC405", "RC405", "RC405", "RC402"]
    assert sorted(hits) == sorted(f"GET /{p} {base[7:]}" for p in ("file", "gopher", "skip", "bad"))  # no retry, no hop


def test_a_trickling_server_is_cut_off_at_the_per_url_deadline(tmp_path):
    def trickle(handler):
        for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 100:  # bounded: 100 bytes, 20 s at most
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(0.2)

    with serve(trickle) as (base, _):
        began = time.monotonic()
        report = check(tmp_path, document(f"{base}/slow"), allow_private=True, url_deadline=1.0)
        took = time.monotonic() - began
    status = links_of(report)[f"{base}/slow"]
    assert (status.status, status.reason) == ("unverifiable", "timed out at the 1 s limit per URL")
    assert 0.9 < took < 4
    assert findings(report, "RC403") == [
        (4, 49, "RC403", f"Abe (2020): could not verify the link (timed out at the 1 s limit per URL): {base}/slow")]


def test_slow_redirect_hops_share_one_deadline(tmp_path):
    def hops(handler):
        time.sleep(0.3)
        step = int(handler.path.strip("/"))
        reply(handler, 302, [("Location", f"/{step + 1}")])

    with serve(hops) as (base, seen):
        began = time.monotonic()
        report = check(tmp_path, document(f"{base}/0"), allow_private=True, url_deadline=1.0)
        took = time.monotonic() - began
        count = len(seen)
    status = links_of(report)[f"{base}/0"]
    assert (status.status, status.reason) == ("unverifiable", "timed out at the 1 s limit per URL")
    assert took < 3 and 2 <= count <= 5


def test_the_link_phase_has_one_deadline_for_all_urls(tmp_path):
    def stall(handler):
        time.sleep(5)  # longer than the phase may last; the client leaves first

    with serve(stall) as (base, _):
        urls = [f"{base}/{i}" for i in range(3)]
        began = time.monotonic()
        report = check(tmp_path, document(*urls), allow_private=True, url_deadline=30.0, link_deadline=1.0)
        took = time.monotonic() - began
    status = links_of(report)
    assert {(status[u].status, status[u].reason) for u in urls} == {
        ("unverifiable", "not checked: the link check stopped at its 1 s limit")}
    assert took < 3


def _bomb(decoded_mb: int) -> bytes:
    """A gzip body of <html> and then zeros, ``decoded_mb`` MB once inflated, with no title."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1 << 20)
    parts = [packer.compress(b"<html><head>")]
    parts += [packer.compress(zeros) for _ in range(decoded_mb)]
    return b"".join(parts) + packer.flush()


def test_gzip_bomb_is_bounded_while_decoding(tmp_path):
    body = _bomb(256)  # ~250 KB on the wire, 256 MB inflated

    def bomb(handler):
        reply(handler, 200, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], body)

    with serve(bomb) as (base, _):
        tracemalloc.start()
        try:
            report = check(tmp_path, document(f"{base}/bomb"), allow_private=True)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    status = links_of(report)[f"{base}/bomb"]
    assert (status.status, status.title) == ("alive", None)
    assert peak < 16 * 2**20  # httpx's own decoder would hold ~64 MB for the first 64 KB chunk


def test_a_gzip_page_title_is_read(tmp_path):
    page = gzip.compress(b"<html><head><title>Water and Borders</title></head><body>" + b"x" * 5000)

    def pages(handler):
        assert "gzip" in handler.headers.get("Accept-Encoding", "")
        reply(handler, 200, [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")], page)

    with serve(pages) as (base, _):
        report = check(tmp_path, document(f"{base}/page"), allow_private=True)
    assert links_of(report)[f"{base}/page"].title == "Water and Borders"
