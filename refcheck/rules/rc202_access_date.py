"""RC202 access-date: an access date that cannot be read, lies in the future, or predates the work.

## What it does
Reads access dates in the forms of the seed ("Accessed on 24.06.2025"), APA
("Retrieved June 3, 2024, from"), Harvard ("(Accessed: 28 November 2023)") and
Chicago ("accessed May 5, 2020"), and reports one that is not a valid date,
one after today, or one before the publication year.

## Why is this bad?
An impossible access date is a typo that makes the entry look careless; a
future date is often a day/month swap.

## Example

    It was reported (Bicer, 2022).

    References
    Bicer, Aysu (2022). Türkiye to Produce Drone in Kazakhstan. Retrieved from https://www.aa.com.tr/en/economy/turkiye-to-produce-drone-in-kazakhstan/2584822. Accessed on 24.06.2021.

## Fix
Write the date you consulted the source, in the style's format.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from ..findings import Severity
from .base import Context, Problem

CODE = "RC202"
NAME = "access-date"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    today = _dt.date.today().isoformat()
    for ref in ctx.references:
        if not ref.accessed_raw:
            continue
        if ref.accessed is None:
            if "/" in ref.accessed_raw:
                continue  # 1/6/2011: day and month cannot be told apart, not wrong
            yield Problem(ref.span, f"{ref.label}: cannot read the access date \"{ref.accessed_raw}\"", None, None, ref.id)
        elif ref.accessed > today:
            yield Problem(ref.span, f"{ref.label}: access date {ref.accessed} is in the future", None, None, ref.id)
        elif ref.year and ref.year.isdigit() and ref.accessed[:4] < ref.year:
            yield Problem(ref.span, f"{ref.label}: accessed {ref.accessed}, before the work's year {ref.year}", None, None, ref.id)
