"""RC405 link-not-probed: a link refused by policy (private address, excluded, unsupported scheme, invalid URL).

## What it does
With `--links`, reports URLs that refcheck did not request: hosts that resolve
to loopback, private, link-local, shared (CGNAT), multicast or reserved
addresses (unless `--allow-private`), URLs matching an `exclude` pattern,
schemes other than http and https, and URLs that cannot be parsed ("invalid
URL: port '99999' is not a number from 1 to 65535"; RC206 reports those too).
The same policy applies at every redirect hop: a page that redirects to
`file:`, to a private address or to an excluded URL is not followed there.

## Why is this bad?
A private address in a published reference usually means an intranet or
localhost link that readers cannot open; excluded links are listed so that
nothing is silently skipped.

## Example

    It was reported (Bicer, 2022).

    References
    Bicer, Aysu (2022). Internal note. Retrieved from http://192.168.1.20/notes/drones.html. Accessed on 24.06.2025.

## Fix
Cite a public address, or add an exclude pattern for links you check by hand.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ._links import probed
from .base import Context, Problem

CODE = "RC405"
NAME = "link-not-probed"
DEFAULT_SEVERITY = Severity.INFO


def check(ctx: Context) -> Iterator[Problem]:
    for ref, span, url, status in probed(ctx, "excluded"):
        yield Problem(span, f"{ref.label}: link not checked ({status.reason}): {url}", None, None, ref.id)
