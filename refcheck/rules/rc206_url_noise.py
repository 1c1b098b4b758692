"""RC206 url-noise: a URL with a text fragment, tracking parameters, a trailing "?" or "#", or one that cannot be used.

## What it does
Reports URLs that carry browser text fragments (#:~:text=...), tracking
parameters (utm_*, fbclid, gclid, mc_cid, ...), or a dangling "?" or "#", and
suggests the clean URL. The clean URL is also what a link check probes.
As a warning, it reports URLs that no browser can open: a port beyond 65535,
an unbalanced "[" around the host, a numeric host that is not a dotted-decimal
IPv4 address ("0177.0.0.1"), a host name that is not valid even after
internationalised-name mapping. A link check does not request them (RC405).

## Why is this bad?
Fragments and trackers make URLs long and fragile, leak how the writer found
the page, and defeat duplicate detection. A URL that cannot be parsed is a
typo or a trap, and readers cannot follow it.

## Example

    It agreed to intervene (Eurasianet, 2022).

    References
    Eurasianet (2022). CSTO agrees to intervene in Kazakhstan unrest. Retrieved from https://eurasianet.org/csto-agrees-to-intervene-in-kazakhstan-unrest#:~:text=A%20Russia. Accessed on 10.06.2025.

## Fix
Replace the URL with the suggested clean one.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..extract.urls import BadUrl, clean_url, parse_url
from ..findings import Severity
from ..model import Span
from .base import Context, Problem

CODE = "RC206"
NAME = "url-noise"
DEFAULT_SEVERITY = Severity.INFO

def check(ctx: Context) -> Iterator[Problem]:
    text = ctx.document.text
    for ref in ctx.references:
        for url in ref.urls:
            at = text.find(url, ref.span.start, ref.span.end)
            span = Span(at, at + len(url)) if at != -1 else ref.span
            parsed = parse_url(url)
            if isinstance(parsed, BadUrl):
                if "://" in url:  # "www.example.org" without a scheme is a form, not an error
                    yield Problem(span, f"{ref.label}: the URL cannot be used: {parsed.reason}", None, None, ref.id,
                                  Severity.WARNING)
                continue
            clean, removed = clean_url(url)
            if removed and clean != url:
                edit = {"replacement": clean, "applicability": "safe"} if at != -1 else {}
                yield Problem(span, f"{ref.label}: the URL has {' and '.join(removed)}", clean, None, ref.id, **edit)
