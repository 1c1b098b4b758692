"""Read the start of a response body, bounded before and after decoding.

httpx decodes a whole compressed chunk at once: 64 KB of gzip can inflate to
64 MB before a size check sees it. Here the raw stream is read and inflated
with ``zlib`` under ``max_length``, so at most ``limit`` raw bytes are read
and at most ``limit`` decoded bytes ever exist.
"""

from __future__ import annotations

import re
import zlib

import httpx

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


async def read_start(response: httpx.Response, limit: int, stop: bytes = b"</title>") -> bytes | None:
    """At most ``limit`` decoded bytes from the start of the body (fewer when
    ``stop`` appears); None for an encoding that cannot be decoded."""
    try:
        return response.content[:limit]  # already in memory (a response built in a test)
    except httpx.ResponseNotRead:
        pass
    decoder = _decoder(response.headers.get("content-encoding", ""))
    if decoder is None:
        return None
    out = bytearray()
    raw = 0
    async for chunk in response.aiter_raw():
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


async def read_title(response: httpx.Response, limit: int) -> str | None:
    data = await read_start(response, limit)
    if data is None:
        return None
    try:
        return title_of(data.decode(response.charset_encoding or "utf-8", errors="replace"))
    except LookupError:  # a charset Python does not know
        return title_of(data.decode("utf-8", errors="replace"))
