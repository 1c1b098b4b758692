"""RC203 url-date-mismatch: the date in the URL disagrees with the entry's year.

## What it does
Reads a date from the URL path (/2024/11/, -2022-6-20) and reports an entry
whose year is different.

## Why is this bad?
News sites and blogs put the publication date in the URL; a different year in
the entry usually means a wrong year (and then the citations carry it too).

## Example

    Chairmanship ended (Omirgazy, 2023).

    References
    Omirgazy, Dana (2023). Tokayev reviews outcomes of Kazakhstan's chairmanship. Retrieved from https://astanatimes.com/2024/11/tokayev-reviews-outcomes/. Accessed on 11.06.2025.

## Fix
Use the publication year the URL shows (and update the citations).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..extract.dates import url_date
from ..findings import Severity
from .base import Context, Problem

CODE = "RC203"
NAME = "url-date-mismatch"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for ref in ctx.references:
        if not ref.year or not ref.year.isdigit():
            continue
        for url in ref.urls:
            dated = url_date(url)
            if dated and str(dated[0]) != ref.year:
                yield Problem(ref.span, f"{ref.label}: the URL is dated {dated[0]}-{dated[1]:02d}, the entry says {ref.year}", str(dated[0]), None, ref.id)
                break
