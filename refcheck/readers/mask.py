"""Blank out regions of a text where citations must not be looked for.

Masking replaces characters with spaces (newlines are kept), so offsets and
line numbers in the masked text are those of the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_NOT_NEWLINE = re.compile(r"[^\n]+")
# A bracketed IPv6 host ("http://[2001:db8::1]:8080/") is the one place a URL
# may hold "]"; elsewhere "]" ends it (Markdown links, "[Online]").
URL_RE = re.compile(
    r"""(?:https?|ftp)://(?:\[[\w:.%~-]{1,64}\][^\s<>"'\]]*|[^\s<>"'\]]+)|\bwww\.[^\s<>"'\]]+""", re.IGNORECASE
)


def blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Return ``text`` with each ``(start, end)`` range replaced by spaces."""
    pieces: list[str] = []
    last = 0
    for start, end in sorted(spans):
        start = max(start, last)
        if end <= start:
            continue
        pieces.append(text[last:start])
        pieces.append(_NOT_NEWLINE.sub(_spaces, text[start:end]))
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _spaces(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def url_spans(text: str) -> list[tuple[int, int]]:
    if "://" not in text and "www." not in text and "WWW." not in text:
        return []
    return [m.span() for m in find_urls(text)]


def find_urls(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``URL_RE.finditer(text)``, found faster: a URL starts three
    to five characters before a "://" ("ftp", "http", "https") or two before a
    "w." ("www."), so the regex is tried at those places only, in text order,
    each after the end of the URL before it (``finditer`` alone tries it at
    every character of the text: 0.19 s for 6.7 MB with one URL)."""
    starts = []
    at = text.find("://")
    while at != -1:
        starts += (start for start in (at - 5, at - 4, at - 3) if start >= 0)
        at = text.find("://", at + 3)
    for dot in ("w.", "W."):
        at = text.find(dot, 2)
        while at != -1:
            if text[at - 2:at].lower() == "ww":
                starts.append(at - 2)
            at = text.find(dot, at + 2)
    end = 0
    for start in sorted(starts):
        if start < end:
            continue
        match = URL_RE.match(text, start)
        if match:
            end = match.end()
            yield match
