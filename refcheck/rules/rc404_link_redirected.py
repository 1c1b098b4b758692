"""RC404 link-redirected: a link that permanently redirects elsewhere.

## What it does
With `--links`, reports URLs that answer a permanent redirect (301, 308) to
another URL, and suggests the final URL. A redirect to the site's home page
or to a login page is a likely removed page and is reported as a warning.

## Why is this bad?
Permanent redirects break eventually; a redirect to a home page usually means
the cited page is gone.

## Example

    It was reported (Bicer, 2022).

    References
    Bicer, Aysu (2022). Türkiye to Produce Drone in Kazakhstan. Retrieved from http://www.aa.com.tr/en/economy/turkiye-to-produce-drone-in-kazakhstan/2584822. Accessed on 24.06.2025.

Redirected to its https address, the link gets RC404 with the final URL.

## Fix
Use the final URL; for a redirect to a home page, find the page's new address
or an archived copy.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ._links import probed
from .base import Context, Problem

CODE = "RC404"
NAME = "link-redirected"
DEFAULT_SEVERITY = Severity.INFO


def check(ctx: Context) -> Iterator[Problem]:
    for ref, span, url, status in probed(ctx, "redirected"):
        soft = "(" in status.reason
        message = f"{ref.label}: the link {status.reason}: {url} -> {status.final_url}"
        yield Problem(span, message, status.final_url, None, ref.id, Severity.WARNING if soft else None)
