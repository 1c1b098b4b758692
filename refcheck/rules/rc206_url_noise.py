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

from collections.abc import Iterator

from ..findings import Severity
from ..model import Span
from ..net.urls import clean_url
from .base import Context, Problem

CODE = "RC206"
NAME = "url-noise"
DEFAULT_SEVERITY = Severity.INFO

def check(ctx: Context) -> Iterator[Problem]:
    text = ctx.document.text
    for ref in ctx.references:
        for url in ref.urls:
            clean, removed = clean_url(url)
            if removed and clean != url:
                at = text.find(url, ref.span.start, ref.span.end)
                span = Span(at, at + len(url)) if at != -1 else ref.span
                yield Problem(span, f"{ref.label}: the URL has {' and '.join(removed)}", clean, None, ref.id)
