"""RC401 link-dead: a URL or DOI that answers 404 or 410, or whose host does not exist.

## What it does
With `--links`, reports each reference URL (and DOI, as https://doi.org/...)
that the server says is gone (404, 410) or whose host name does not resolve,
and suggests an archived copy from the Wayback Machine when one exists.

## Why is this bad?
A dead link leaves the reader with no way to check the source.

## Example

    It was reported (Bicer, 2022).

    References
    Bicer, Aysu (2022). Türkiye to Produce Drone in Kazakhstan. Retrieved from https://www.aa.com.tr/en/economy/turkiye-to-produce-drone-in-kazakhstan/2584822. Accessed on 24.06.2025.

With the page removed, `refcheck check --links` reports RC401 for its URL.

## Fix
Replace the URL with the page's new address or an archived copy.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ._links import probed
from .base import Context, Problem

CODE = "RC401"
NAME = "link-dead"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    for ref, span, url, status in probed(ctx, "dead"):
        suggestion = f"archived copy: {status.archive_url}" if status.archive_url else None
        yield Problem(span, f"{ref.label}: dead link ({status.reason}): {url}", suggestion, None, ref.id)
