"""What may be requested at all, decided before any request and at every redirect hop.

By default refcheck refuses URLs whose host resolves to an address that is not
globally routable (loopback, private, link-local incl. 169.254.169.254, multicast,
reserved, unspecified, shared, IPv4-mapped forms of these), so that a document
cannot make a CI runner request its own network. Limitation: httpx resolves the
name again when it connects, so a DNS answer that changes in between (rebinding)
is not caught.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

Resolver = Callable[[str], Awaitable[list[str]]]


class Unresolvable(Exception):
    """The host name does not resolve."""


async def system_resolver(host: str) -> list[str]:
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise Unresolvable(str(exc.strerror or exc)) from None
    return sorted({info[4][0] for info in infos})


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return bool(ip.is_global) and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


@dataclass(frozen=True)
class Policy:
    allow_private: bool = False
    exclude: tuple[re.Pattern[str], ...] = field(default=())

    def excluded(self, url: str) -> str | None:
        """Why a URL is refused without looking it up, or None."""
        scheme = urlsplit(url).scheme.lower()
        if scheme not in ("http", "https"):
            return f"unsupported scheme {scheme or '(none)'}"
        if not urlsplit(url).hostname:
            return "no host name"
        for pattern in self.exclude:
            if pattern.search(url):
                return f"excluded by pattern {pattern.pattern!r}"
        return None

    async def refused(self, url: str, resolver: Resolver) -> str | None:
        """Why the host may not be contacted (private address), or None.
        Raises :class:`Unresolvable` when the name does not resolve."""
        host = urlsplit(url).hostname or ""
        try:
            addresses = [host] if _is_ip(host) else await resolver(host)
        except Unresolvable:
            raise
        if self.allow_private:
            return None
        private = [a for a in addresses if not is_public(a)]
        if private:
            return f"{host} resolves to a non-public address ({private[0]}); use --allow-private to probe it"
        return None


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
