"""RC403 link-unverifiable: a link refcheck could not check (bot wall, rate limit, timeout, no network).

## What it does
With `--links`, reports URLs whose state cannot be known from here: 401/403
from bot walls (e.g. `cf-mitigated: challenge`), 429 after retries, LinkedIn's
999, timeouts, and every link when there is no network. These are never
counted as dead and do not fail CI by default.

## Why is this bad?
It is not bad in itself; it says which links a person should open in a
browser, instead of crying wolf.

## Example

    It was reported (Bicer, 2022).

    References
    Bicer, Aysu (2022). Türkiye to Produce Drone in Kazakhstan. Retrieved from https://www.aa.com.tr/en/economy/turkiye-to-produce-drone-in-kazakhstan/2584822. Accessed on 24.06.2025.

Behind a bot challenge, `refcheck check --links` reports RC403.

## Fix
Open the link in a browser; nothing to change if it works.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ._links import probed
from .base import Context, Problem

CODE = "RC403"
NAME = "link-unverifiable"
DEFAULT_SEVERITY = Severity.INFO


def check(ctx: Context) -> Iterator[Problem]:
    for ref, span, url, status in probed(ctx, "unverifiable"):
        yield Problem(span, f"{ref.label}: could not verify the link ({status.reason}): {url}", None, None, ref.id)
