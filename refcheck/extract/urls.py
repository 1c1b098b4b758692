"""The one place a URL written in a document is parsed.

:func:`parse_url` turns the text into a :class:`Url` whose host is the exact
ASCII name (or address) a connection would use, or into a :class:`BadUrl`
saying why it cannot be used. It never raises. Rules, the reference listing
and the link checker all go through it, so a URL that crashes one of them
cannot exist.

Host names are mapped and encoded the way current browsers do (UTS #46
without transitional processing, then IDNA 2008): "ｅｘａｍｐｌｅ.org" is
example.org, "straße.de" is xn--strae-oqa.de (not strasse.de). A host whose
last label is a number must be a dotted-decimal IPv4 address; the octal, hex
and integer spellings ("0177.0.0.1", "0x7f.1", "2130706433") are refused,
because resolvers disagree on what they mean.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..model import Reference

MAX_LENGTH = 8192
_PORT = re.compile(r"(?::\d*)?")  # what may follow "[IPv6]" in a host
TRACKERS = re.compile(r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|yclid|ref_src)$", re.IGNORECASE)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]{0,30}):")
_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$")
_NUMERIC_LABEL = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)$")


@dataclass(frozen=True)
class Url:
    """A URL that can be requested: ``host`` is lower-case ASCII (an A-label
    name, or an address without brackets), ``port`` a number or None."""

    scheme: str
    host: str
    port: int | None
    path: str
    query: str
    fragment: str
    is_ip: bool

    @property
    def netloc(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port is None else f"{host}:{self.port}"

    @property
    def text(self) -> str:
        """The URL as it is requested (no credentials)."""
        return urlunsplit((self.scheme, self.netloc, self.path, self.query, self.fragment))


@dataclass(frozen=True)
class BadUrl:
    """A URL that cannot be requested, and why (a phrase: "port 99999 is out of range")."""

    scheme: str
    reason: str


def parse_url(text: str) -> Url | BadUrl:
    """``text`` as a checked :class:`Url`, or a :class:`BadUrl`; never raises."""
    found = _SCHEME.match(text)
    scheme = found.group(1).lower() if found else ""
    if not scheme:
        return BadUrl("", "no scheme (such as https://)")
    if len(text) > MAX_LENGTH:
        return BadUrl(scheme, f"longer than {MAX_LENGTH} characters")
    if any(ord(c) <= 0x20 or 0x7F <= ord(c) <= 0x9F for c in text):
        return BadUrl(scheme, "a space or control character")
    try:
        parts = urlsplit(text)
    except ValueError as exc:
        return BadUrl(scheme, _split_error(str(exc)))
    if not text[found.end():].startswith("//") or not parts.netloc:
        return BadUrl(scheme, "no host name")
    hostport = parts.netloc.rpartition("@")[2]
    bracketed = hostport.startswith("[")
    if bracketed and not _PORT.fullmatch(hostport.rpartition("]")[2]):
        return BadUrl(scheme, _split_error("IPv6"))
    try:
        port = parts.port
    except ValueError:
        written = hostport.rpartition("]")[2] if bracketed else hostport.partition(":")[2]
        return BadUrl(scheme, f"port {written.lstrip(':')!r} is not a number from 1 to 65535")
    if port == 0:
        return BadUrl(scheme, "port 0")
    host = parts.hostname or ""
    if not host:
        return BadUrl(scheme, "no host name")
    checked = _host(host, bracketed)
    if isinstance(checked, str):
        return BadUrl(scheme, checked)
    ascii_host, is_ip = checked
    return Url(scheme, ascii_host, port, parts.path, parts.query, parts.fragment, is_ip)


def _split_error(message: str) -> str:
    if "IPv6" in message:
        return "an unbalanced [ ] or a host in [ ] that is not an IPv6 address"
    if "brackets" in message:
        return "an IPv4 address in [ ]"
    if "NFKC" in message:
        return "a host with characters that normalise to URL delimiters"
    return message


def _host(host: str, bracketed: bool) -> tuple[str, bool] | str:
    """(ASCII host, is an address) or why the host is unusable."""
    if bracketed:
        if "%" in host:
            return "an IPv6 zone id in the host"
        try:
            return str(ipaddress.IPv6Address(host)), True
        except ValueError:
            return f"{host!r} in [ ] is not an IPv6 address"
    if not host.isascii():
        host = _idna(host)
        if host.startswith("!"):
            return host[1:]
    name = host.removesuffix(".")
    labels = name.split(".")
    if len(name) > 253 or not all(_LABEL.match(label) for label in labels):
        return f"{name!r} is not a valid host name"
    if _NUMERIC_LABEL.match(labels[-1]):
        try:
            return str(ipaddress.IPv4Address(name)), True
        except ValueError:
            return f"ambiguous numeric host {name!r} (only dotted-decimal IPv4 addresses are accepted)"
    return host, False


def _idna(host: str) -> str:
    """The A-label form of a non-ASCII host, or "!" and why it has none."""
    import idna  # a dependency of httpx; loaded only for non-ASCII hosts

    try:
        return idna.encode(host, uts46=True, transitional=False).decode("ascii").lower()
    except (idna.IDNAError, UnicodeError, ValueError) as exc:
        return f"!{host!r} is not a valid internationalised host name ({exc})"


def clean_url(url: str) -> tuple[str, list[str]]:
    """The URL without text fragments, trackers and dangling "?"/"#", and what
    was removed. A URL that does not parse is returned as it is."""
    if isinstance(parse_url(url), BadUrl):
        return url, []
    removed = []
    parts = urlsplit(url)
    fragment = parts.fragment
    if ":~:" in fragment:
        removed.append("a text fragment")
        fragment = fragment.split(":~:")[0].rstrip("#")
    query = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in query if not TRACKERS.match(k)]
    if len(kept) != len(query):
        removed.append("tracking parameters")
    clean = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(kept) if kept != query else parts.query, fragment))
    if url.endswith(("?", "#")) and not clean.endswith(("?", "#")) and not removed:
        removed.append(f'a trailing "{url[-1]}"')
    return clean.rstrip("?#"), removed


def doi_url(doi: str) -> str:
    return f"https://doi.org/{doi}"


def reference_urls(ref: Reference) -> list[str]:
    """The URLs of an entry as written, with its DOI as a resolver URL when no
    written URL already is one."""
    urls = list(ref.urls)
    if ref.doi and not any("doi.org/" in u for u in urls):
        urls.append(doi_url(ref.doi))
    return urls
