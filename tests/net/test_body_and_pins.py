"""Bounded body reads, and a transport that connects only where the policy looked."""

from __future__ import annotations

import asyncio
import gzip
import zlib

import httpx
import pytest

from refcheck.net.body import read_start
from refcheck.net.connect import PinnedTransport, Pins
from refcheck.net.policy import Unresolvable
from refcheck.net.probe import Prober, ProbeSettings

from .conftest import FakeTime, fake_resolver


class Chunks(httpx.AsyncByteStream):
    """A response body served chunk by chunk, counting what was taken."""

    def __init__(self, chunks):
        self.chunks = list(chunks)
        self.taken = 0

    async def __aiter__(self):
        for chunk in self.chunks:
            self.taken += 1
            yield chunk


def streamed(body_chunks, encoding=""):
    stream = Chunks(body_chunks)
    headers = {"content-encoding": encoding} if encoding else {}
    return httpx.Response(200, headers=headers, stream=stream), stream


def run(coroutine):
    return asyncio.run(coroutine)


def test_identity_bodies_are_read_up_to_the_limit_and_no_further():
    response, stream = streamed([b"a" * 1000] * 100)
    assert run(read_start(response, 4096)) == b"a" * 4096
    assert stream.taken == 5


def test_inflating_stops_at_the_limit_inside_one_chunk():
    bomb = gzip.compress(bytes(50 << 20))  # 50 MB of zeros in ~50 KB
    response, stream = streamed([bomb], "gzip")
    data = run(read_start(response, 65536))
    assert data == bytes(65536) and stream.taken == 1


def test_deflate_with_and_without_its_zlib_header():
    page = b"<html><title>Rivers</title></html>"
    raw = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    for body in (zlib.compress(page), raw.compress(page) + raw.flush()):
        response, _ = streamed([body[:5], body[5:]], "deflate")
        assert run(read_start(response, 65536)) == page


def test_reading_stops_at_the_end_of_the_title_and_survives_a_damaged_stream():
    response, stream = streamed([b"<title>A</title>", b"x" * 100, b"y" * 100])
    assert run(read_start(response, 65536)) == b"<title>A</title>" and stream.taken == 1
    broken = gzip.compress(b"<html><head>" * 50)[:40] + b"\xff" * 40
    response, _ = streamed([broken], "gzip")
    assert run(read_start(response, 65536)).startswith(b"<html>")


def test_an_encoding_that_cannot_be_decoded_is_not_read():
    response, stream = streamed([b"\x00" * 10], "br")
    assert run(read_start(response, 65536)) is None and stream.taken == 0


def test_the_transport_refuses_a_host_the_policy_never_saw():
    async def go():
        transport = PinnedTransport(Pins(fake_resolver), httpx.Limits())
        async with httpx.AsyncClient(transport=transport) as client:
            with pytest.raises(httpx.ConnectError, match="unpinned.test was not checked by the address policy"):
                await client.get("http://unpinned.test/")
        return transport.backend.connected

    assert run(go()) == []


def test_each_host_is_resolved_once_even_when_asked_at_once():
    calls = []

    async def slow(host):
        calls.append(host)
        await asyncio.sleep(0.01)
        if host == "gone.test":
            raise Unresolvable("Name or service not known")
        return ["93.184.216.34"]

    async def go():
        pins = Pins(slow)
        found = await asyncio.gather(*(pins.resolve("a.test") for _ in range(5)))
        gone = await asyncio.gather(*(pins.resolve("gone.test") for _ in range(3)), return_exceptions=True)
        return found, gone

    found, gone = run(go())
    assert found == [("93.184.216.34",)] * 5 and calls == ["a.test", "gone.test"]
    assert all(isinstance(g, Unresolvable) for g in gone)


def test_a_name_server_that_never_answers_costs_one_url_deadline():
    async def hang(host):
        await asyncio.sleep(30)

    async def go():
        fake = FakeTime()
        async with httpx.AsyncClient(transport=httpx.MockTransport(lambda r: httpx.Response(200))) as client:
            prober = Prober(client, settings=ProbeSettings(url_budget=0.2), resolver=hang, sleep=fake.sleep, clock=fake.clock)
            return await prober.probe("https://slow-dns.test/a")

    status = run(go())
    assert (status.status, status.reason) == ("unverifiable", "timed out resolving slow-dns.test")
