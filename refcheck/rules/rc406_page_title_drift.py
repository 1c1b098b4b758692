"""RC406 page-title-drift: the fetched page's title does not resemble the entry's title.

## What it does
With `--links`, compares the page's `<title>` (or `og:title`) with the entry's
title by their content words, and reports a page that shares almost none of
them.

## Why is this bad?
A page that no longer carries the cited article (a reused URL, a wrong link,
a parked domain) passes a status check but not a reader's.

## Example

    It was reported (Bicer, 2022).

    References
    Bicer, Aysu (2022). Türkiye to Produce Drone in Kazakhstan. Retrieved from https://www.aa.com.tr/en/economy/turkiye-to-produce-drone-in-kazakhstan/2584822. Accessed on 24.06.2025.

If that page now reads "Domain for sale", RC406 quotes both titles.

## Fix
Find the article's current address, or cite an archived copy.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..extract.names import content_words as words
from ..findings import Severity
from ._links import probed
from .base import Context, Problem

CODE = "RC406"
NAME = "page-title-drift"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for status_word in ("alive", "redirected"):
        for ref, span, url, status in probed(ctx, status_word):
            if not status.title or not ref.title or "doi.org/" in url:
                continue
            listed = {k for k, _ in words(ref.title)}
            page = {k for k, _ in words(status.title)}
            if len(listed) < 3 or not page:
                continue
            shared = len(listed & page) / len(listed)
            if shared < 0.3:
                yield Problem(span, f'{ref.label}: the page is titled "{status.title}", the entry "{ref.title}"', None, None, ref.id)
