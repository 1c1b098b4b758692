"""RC206 url-noise: a URL with a text fragment, tracking parameters, or a trailing "?" or "#".

## What it does
Reports URLs that carry browser text fragments (#:~:text=...), tracking
parameters (utm_*, fbclid, gclid, mc_cid, ...), or a dangling "?" or "#", and
suggests the clean URL. The clean URL is also what a link check probes.

## Why is this bad?
Fragments and trackers make URLs long and fragile, leak how the writer found
the page, and defeat duplicate detection.

## Example

    It agreed to intervene (Eurasianet, 2022).

    References
    Eurasianet (2022). CSTO agrees to intervene in Kazakhstan unrest. Retrieved from https://eurasianet.org/csto-agrees-to-intervene-in-kazakhstan-unrest#:~:text=A%20Russia. Accessed on 10.06.2025.

## Fix
Replace the URL with the suggested clean one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..findings import Severity
from ..model import Span
from .base import Context, Problem

CODE = "RC206"
NAME = "url-noise"
DEFAULT_SEVERITY = Severity.INFO

TRACKERS = re.compile(r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|yclid|ref_src)$", re.IGNORECASE)


def clean_url(url: str) -> tuple[str, list[str]]:
    """The URL without fragments, trackers and dangling separators, and what was removed."""
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
    clean = clean.rstrip("?#")
    return clean, removed


def check(ctx: Context) -> Iterator[Problem]:
    text = ctx.document.text
    for ref in ctx.references:
        for url in ref.urls:
            clean, removed = clean_url(url)
            if removed and clean != url:
                at = text.find(url, ref.span.start, ref.span.end)
                span = Span(at, at + len(url)) if at != -1 else ref.span
                yield Problem(span, f"{ref.label}: the URL has {' and '.join(removed)}", clean, None, ref.id)
