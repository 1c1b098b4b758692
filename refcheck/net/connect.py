"""Connect only to addresses the policy checked.

:class:`Pins` resolves each host once per run (the exact ASCII name httpx
puts in the request) and remembers the answer. :class:`PinnedTransport` is an
httpx transport whose network backend connects to those addresses and to
nothing else: the Host header, TLS SNI and certificate check still use the
name, but no second DNS lookup happens, so a rebinding answer is never used.
Environment proxies are not used (a proxy would resolve the name itself).
"""

from __future__ import annotations

import asyncio
import select
import ssl
import typing

import certifi
import httpcore
import httpx

from .policy import Resolver, Unresolvable


class Pins:
    """host -> the addresses it resolved to, looked up once per run."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.addresses: dict[str, tuple[str, ...]] = {}
        self._pending: dict[str, asyncio.Task] = {}

    def known(self, host: str, is_ip: bool = False) -> tuple[str, ...] | None:
        """The host's addresses when they are known already (an address stands
        for itself, and is then known to the transport), else None."""
        if is_ip:
            self.addresses[host] = (host,)
        return self.addresses.get(host)

    async def resolve(self, host: str, is_ip: bool = False) -> tuple[str, ...]:
        """The host's addresses (an address stands for itself); raises Unresolvable."""
        if is_ip:
            self.addresses[host] = (host,)
        if host in self.addresses:
            return self.addresses[host]
        task = self._pending.get(host)
        if task is None:
            task = self._pending[host] = asyncio.ensure_future(self._lookup(host))
        return await asyncio.shield(task)

    async def _lookup(self, host: str) -> tuple[str, ...]:
        try:
            found = tuple(await self.resolver(host))
        except Unresolvable:
            raise
        except (OSError, ValueError, UnicodeError) as exc:
            raise Unresolvable(str(exc) or type(exc).__name__) from None
        if not found:
            raise Unresolvable("no address")
        self.addresses[host] = found
        return found


class _Stream(httpcore.AsyncNetworkStream):
    """A connected stream that answers "is_readable" by polling its socket.

    httpcore's pool asks every idle connection whether the server closed it,
    on every request and every response closed; through anyio that builds a
    table of socket attributes each time. The socket is looked up once here.
    """

    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self.stream = stream
        self.sock = stream.get_extra_info("socket")

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self.stream.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self.stream.write(buffer, timeout)

    async def aclose(self) -> None:
        await self.stream.aclose()

    async def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                        timeout: float | None = None) -> httpcore.AsyncNetworkStream:
        return _Stream(await self.stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> typing.Any:
        if info != "is_readable" or self.sock is None:
            return self.stream.get_extra_info(info)
        if self.sock.fileno() == -1:
            return True  # closed: as good as "the server hung up"
        if not hasattr(select, "poll"):  # pragma: no cover - Windows
            return bool(select.select([self.sock], [], [], 0)[0])
        poller = select.poll()
        poller.register(self.sock, select.POLLIN)
        return bool(poller.poll(0))


class _PinnedBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, pins: Pins) -> None:
        self.pins = pins
        self.real = httpcore.AnyIOBackend()
        self.connected: list[tuple[str, str, int]] = []  # (name, address, port), for tests and --verbose

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                          socket_options: typing.Iterable | None = None) -> httpcore.AsyncNetworkStream:
        addresses = self.pins.addresses.get(host.lower().strip("[]"))
        if not addresses:
            raise httpcore.ConnectError(f"refcheck: {host} was not checked by the address policy")
        error: Exception | None = None
        for address in addresses:
            try:
                stream = await self.real.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
                continue
            self.connected.append((host, address, port))
            return _Stream(stream)
        raise error  # type: ignore[misc]

    async def connect_unix_socket(self, *args, **kwargs):  # pragma: no cover - never asked for
        raise httpcore.ConnectError("refcheck: unix sockets are not used")

    async def sleep(self, seconds: float) -> None:
        await self.real.sleep(seconds)


class _Tracked:
    """A response body that tells its pool when it is closed."""

    def __init__(self, stream, done: typing.Callable[[], None]) -> None:
        self.stream = stream
        self.done: typing.Callable[[], None] | None = done

    async def __aiter__(self) -> typing.AsyncIterator[bytes]:
        async for chunk in self.stream:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self.stream.aclose()
        finally:
            if self.done is not None:
                self.done()
                self.done = None


class _Pools:
    """One httpcore connection pool per origin, each of at most ``size``
    connections, kept alive between requests.

    httpcore's pool looks at every connection it holds, for every connection,
    on each request and each response closed (encode/httpcore#1035): one pool
    of 64 connections costs more than opening a new connection each time.
    Small pools per host keep that cost small. At most ``max_pools`` are kept:
    a new origin beyond them closes the least recently used pool that has no
    request under way. The SSL context is made when the first https origin
    needs it.
    """

    def __init__(self, backend: _PinnedBackend, size: int, keepalive_expiry: float | None,
                 ssl_context: ssl.SSLContext | None, max_pools: int) -> None:
        self.backend = backend
        self.size = size
        self.keepalive_expiry = keepalive_expiry
        self.ssl_context = ssl_context
        self.max_pools = max_pools
        self.pools: dict[tuple, httpcore.AsyncConnectionPool] = {}  # in order of last use
        self.active: dict[tuple, int] = {}

    def _ssl(self) -> ssl.SSLContext:
        if self.ssl_context is None:
            self.ssl_context = ssl.create_default_context(cafile=certifi.where())
        return self.ssl_context

    def _pool(self, origin: tuple) -> httpcore.AsyncConnectionPool:
        pool = self.pools.pop(origin, None)
        if pool is None:
            pool = httpcore.AsyncConnectionPool(
                ssl_context=self._ssl() if origin[0] == b"https" else None, max_connections=self.size,
                max_keepalive_connections=self.size, keepalive_expiry=self.keepalive_expiry,
                network_backend=self.backend)
        self.pools[origin] = pool  # the most recently used goes last
        return pool

    async def _evict(self) -> None:
        """Close the least recently used pools with nothing under way, down to ``max_pools``."""
        idle = [key for key in self.pools if not self.active.get(key)]
        for key in idle[: max(0, len(self.pools) - self.max_pools)]:
            self.active.pop(key, None)
            await self.pools.pop(key).aclose()

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response:
        origin = (request.url.scheme, request.url.host, request.url.port)
        pool = self._pool(origin)
        self.active[origin] = self.active.get(origin, 0) + 1
        try:
            if len(self.pools) > self.max_pools:
                await self._evict()
            response = await pool.handle_async_request(request)
        except BaseException:
            self._closed(origin)
            raise
        stream = _Tracked(response.stream, lambda: self._closed(origin))
        return httpcore.Response(response.status, headers=response.headers, content=stream, extensions=response.extensions)

    def _closed(self, origin: tuple) -> None:
        if origin in self.active:
            self.active[origin] -= 1

    async def aclose(self) -> None:
        pools, self.pools = list(self.pools.values()), {}
        for pool in pools:
            await pool.aclose()

    async def __aenter__(self) -> _Pools:
        return self

    async def __aexit__(self, *exc_info) -> None:
        await self.aclose()


class PinnedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport (its request and response mapping) over
    :class:`_Pools` of connections made by :class:`_PinnedBackend`.

    ``per_host`` bounds the connections to one origin (default: the limits'
    ``max_connections``). httpx's ``__init__`` is not called: it would build a
    pool and an SSL context that are never used.
    """

    def __init__(self, pins: Pins, limits: httpx.Limits, ssl_context: ssl.SSLContext | None = None,
                 per_host: int | None = None, max_pools: int = 32) -> None:
        self.backend = _PinnedBackend(pins)
        size = per_host or limits.max_connections or 100
        self._pool = _Pools(self.backend, size, limits.keepalive_expiry, ssl_context, max_pools)  # type: ignore[assignment]
