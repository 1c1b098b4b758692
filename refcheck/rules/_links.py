"""Shared by the RC4xx rules: each reference's URLs with their probe results."""

from __future__ import annotations

from collections.abc import Iterator

from ..extract.urls import reference_urls
from ..model import Reference, Span
from .base import Context


def probed(ctx: Context, status: str) -> Iterator[tuple[Reference, Span, str, object]]:
    """(reference, span of the URL in the text, written URL, LinkStatus) for
    every URL of the list whose probe ended in ``status``."""
    if ctx.link_status is None:
        return
    text = ctx.document.text
    for ref in ctx.references:
        for url in reference_urls(ref):
            found = ctx.link_status.get(url)
            if found is None or found.status != status:
                continue
            at = text.find(url, ref.span.start, ref.span.end)
            yield ref, (Span(at, at + len(url)) if at != -1 else ref.span), url, found
