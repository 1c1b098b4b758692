"""What may be requested at all, decided before any request and at every redirect hop.

Every URL, the first and each redirect target, is parsed by
:func:`refcheck.extract.urls.parse_url` (an unusable URL is not requested),
must be http or https, must not match an ``exclude`` pattern, and its host
must resolve only to globally routable addresses: loopback, private (RFC 1918,
fc00::/7), link-local (incl. 169.254.169.254), shared (CGNAT 100.64/10),
multicast, reserved, unspecified, documentation and IPv4-mapped/compatible
forms of these are refused unless ``allow_private``.

The name is resolved once per run, in the exact ASCII form the connection
uses, and the connection is made to one of the addresses that were checked
(see :mod:`refcheck.net.connect`), so a DNS answer that changes between the
check and the connection (rebinding) cannot redirect it.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from ..extract.urls import BadUrl, Url

Resolver = Callable[[str], Awaitable[list[str]]]
SCHEMES = ("http", "https")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class Unresolvable(Exception):
    """The host name does not resolve."""


async def system_resolver(host: str) -> list[str]:
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise Unresolvable(str(getattr(exc, "strerror", None) or exc)) from None
    return sorted({info[4][0] for info in infos})


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and (int(ip) >> 32 == 0 or ip in _NAT64):  # ::a.b.c.d, 64:ff9b::a.b.c.d
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:  # judged by the IPv4 address it carries
            return int(embedded) != 0 and is_public(str(embedded))
    return bool(ip.is_global) and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


@dataclass(frozen=True)
class Policy:
    allow_private: bool = False
    exclude: tuple[re.Pattern[str], ...] = field(default=())

    def excluded(self, url: str, parsed: Url | BadUrl) -> str | None:
        """Why a URL is refused without looking it up, or None."""
        if parsed.scheme not in SCHEMES:
            return f"unsupported scheme {parsed.scheme or '(none)'}"
        if isinstance(parsed, BadUrl):
            return f"invalid URL: {parsed.reason}"
        for pattern in self.exclude:
            if pattern.search(url) or pattern.search(parsed.text):
                return f"excluded by pattern {pattern.pattern!r}"
        return None

    def refused(self, host: str, addresses: tuple[str, ...]) -> str | None:
        """Why ``host``, resolved to ``addresses``, may not be contacted, or None."""
        if self.allow_private:
            return None
        private = [a for a in addresses if not is_public(a)]
        if addresses == (host,) and private:
            return f"{host} is a non-public address; use --allow-private to probe it"
        if private:
            return f"{host} resolves to a non-public address ({private[0]}); use --allow-private to probe it"
        return None
