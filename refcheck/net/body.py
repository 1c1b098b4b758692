"""Read the start of a response body, bounded before and after decoding.

httpx decodes a whole compressed chunk at once: 64 KB of gzip can inflate to
64 MB before a size check sees it. Here the raw stream is read and inflated
with ``zlib`` under ``max_length``, so at most ``limit`` raw bytes are read
and at most ``limit`` decoded bytes ever exist.

:func:`finish` reads the rest of a short body, so that its connection can be
used again (httpcore closes a connection whose response was not read to the
end).
"""

from __future__ import annotations

import asyncio
import re
import zlib
from collections.abc import AsyncIterator

import httpx

from .failures import REQUEST_ERRORS

ACCEPT_ENCODING = "gzip, deflate"  # what :class:`_Inflater` can decode
# bounded: a page of "<title><title>..." or of "<meta " costs a linear scan, not a quadratic one
_TITLE = re.compile(r"<title[^>]{0,200}>(.{0,2000}?)</title>", re.IGNORECASE | re.DOTALL)
_OG_TITLE = re.compile(r"""<meta[^>]{1,300}property=["']og:title["'][^>]{1,300}content=["']([^"']{0,2000})["']""", re.IGNORECASE)


class _Inflater:
    def __init__(self, wbits: int) -> None:
        self.wbits = wbits
        self.inflater = zlib.decompressobj(wbits)
        self.started = False

    def feed(self, chunk: bytes, room: int) -> bytes:
        if self.inflater.eof:
            return b""
        try:
            data = self.inflater.decompress(chunk, room)
        except zlib.error:
            if self.started or self.wbits != zlib.MAX_WBITS:
                raise
            self.inflater = zlib.decompressobj(-zlib.MAX_WBITS)  # "deflate" sent without its zlib header
            data = self.inflater.decompress(chunk, room)
        self.started = True
        return data


class _Identity:
    def feed(self, chunk: bytes, room: int) -> bytes:
        return chunk[:room]


def _decoder(encoding: str) -> _Inflater | _Identity | None:
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return _Identity()
    if encoding in ("gzip", "x-gzip"):
        return _Inflater(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return _Inflater(zlib.MAX_WBITS)
    return None


def raw_chunks(response: httpx.Response) -> AsyncIterator[bytes] | None:
    """The raw body as one iterator that :func:`read_start` and then
    :func:`finish` take chunks from; None when it is in memory already (a
    response built in a test) or was read."""
    return None if response.is_stream_consumed else response.aiter_raw()


async def read_start(response: httpx.Response, limit: int, stop: bytes = b"</title>",
                     chunks: AsyncIterator[bytes] | None = None) -> bytes | None:
    """At most ``limit`` decoded bytes from the start of the body (fewer when
    ``stop`` appears), taken from ``chunks`` (default: the raw body); None for
    an encoding that cannot be decoded."""
    try:
        return response.content[:limit]  # already in memory (a response built in a test)
    except httpx.ResponseNotRead:
        pass
    decoder = _decoder(response.headers.get("content-encoding", ""))
    if decoder is None:
        return None
    out = bytearray()
    raw = 0
    async for chunk in chunks or response.aiter_raw():
        raw += len(chunk)
        seen = len(out)
        try:
            out += decoder.feed(chunk, limit - len(out))
        except zlib.error:
            break  # keep what was decoded before the damage
        if len(out) >= limit or raw >= limit or stop in out[max(0, seen - len(stop)):].lower():
            break
    return bytes(out)


def title_of(html: str) -> str | None:
    found = _OG_TITLE.search(html) or _TITLE.search(html)
    return re.sub(r"\s+", " ", found.group(1)).strip() if found else None


async def finish(response: httpx.Response, chunks: AsyncIterator[bytes] | None, limit: int, seconds: float) -> bool:
    """Read the rest of the body when it ends within ``limit`` raw bytes and
    ``seconds``, so that the connection can be used again; whether it ended.
    A longer or slower body is left unread (its connection is then closed)."""
    if chunks is None:
        return True
    length = response.headers.get("content-length", "")
    if length.isdigit() and (len(length) > 12 or int(length) > limit):
        return False
    try:
        if response.request.method == "HEAD" or length == "0":  # nothing to wait for
            return await _drain(chunks, limit)
        return await asyncio.wait_for(_drain(chunks, limit), seconds)
    except asyncio.TimeoutError:
        return False
    except REQUEST_ERRORS:  # the answer is known; a body cut short only costs its connection
        return False


async def _drain(chunks: AsyncIterator[bytes], limit: int) -> bool:
    read = 0
    async for chunk in chunks:
        read += len(chunk)
        if read > limit:
            return False
    return True


async def read_title(response: httpx.Response, limit: int, chunks: AsyncIterator[bytes] | None = None) -> str | None:
    data = await read_start(response, limit, chunks=chunks)
    if data is None:
        return None
    try:
        return title_of(data.decode(response.charset_encoding or "utf-8", errors="replace"))
    except LookupError:  # a charset Python does not know
        return title_of(data.decode("utf-8", errors="replace"))
