"""RC402 link-error: a server error after retries, a refused connection, or a TLS failure.

## What it does
With `--links`, reports URLs that still answer 5xx after retries with backoff,
refuse the connection, fail the TLS handshake, or loop in redirects.

## Why is this bad?
The link may be temporarily broken or permanently misconfigured; either way
a reader following it today gets nothing.

## Example

    It was reported (Bicer, 2022).

    References
    Bicer, Aysu (2022). Türkiye to Produce Drone in Kazakhstan. Retrieved from https://www.aa.com.tr/en/economy/turkiye-to-produce-drone-in-kazakhstan/2584822. Accessed on 24.06.2025.

With the server answering 500, `refcheck check --links` reports RC402.

## Fix
Check the link by hand later; if it stays broken, replace it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ._links import probed
from .base import Context, Problem

CODE = "RC402"
NAME = "link-error"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for ref, span, url, status in probed(ctx, "error"):
        yield Problem(span, f"{ref.label}: link error ({status.reason}): {url}", None, None, ref.id)
