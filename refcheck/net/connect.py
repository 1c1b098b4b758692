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
            return stream
        raise error  # type: ignore[misc]

    async def connect_unix_socket(self, *args, **kwargs):  # pragma: no cover - never asked for
        raise httpcore.ConnectError("refcheck: unix sockets are not used")

    async def sleep(self, seconds: float) -> None:
        await self.real.sleep(seconds)


class PinnedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport over a connection pool that uses :class:`_PinnedBackend`."""

    def __init__(self, pins: Pins, limits: httpx.Limits, ssl_context: ssl.SSLContext | None = None) -> None:
        super().__init__(limits=limits, trust_env=False)
        self.backend = _PinnedBackend(pins)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context or ssl.create_default_context(cafile=certifi.where()),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=self.backend,
        )
