"""RC403 link-unverifiable: a link refcheck could not check (bot wall, rate limit, timeout, no network).

## What it does
With `--links`, reports URLs whose state cannot be known from here: 401/403
from bot walls (e.g. `cf-mitigated: challenge`), 429 after retries, LinkedIn's
999, timeouts, and every link when there is no network. These are never
counted as dead and do not fail CI by default. With no network at all, one
finding per document says how many links could not be checked.

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
from .base import Context, Problem, plural

CODE = "RC403"
NAME = "link-unverifiable"
DEFAULT_SEVERITY = Severity.INFO


def check(ctx: Context) -> Iterator[Problem]:
    offline = []  # with no network every link fails alike: one finding says so
    for ref, span, url, status in probed(ctx, "unverifiable"):
        if (status.reason or "").startswith("no network") and ctx.link_status:
            offline.append((ref, span, url, status))
            continue
        yield Problem(span, f"{ref.label}: could not verify the link ({status.reason}): {url}", None, None, ref.id)
    if len(offline) == 1:
        ref, span, url, status = offline[0]
        yield Problem(span, f"{ref.label}: could not verify the link ({status.reason}): {url}", None, None, ref.id)
    elif offline:
        ref, span, url, status = offline[0]
        yield Problem(span, f"{plural(len(offline), 'link')} could not be checked ({status.reason})", None, None, ref.id)
