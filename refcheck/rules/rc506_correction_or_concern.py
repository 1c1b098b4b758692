"""RC506 correction-or-concern: the cited work has a correction or an expression of concern.

## What it does
With `--verify`, reports a work whose record carries a correction (erratum,
corrigendum, addendum) or an expression of concern, with the notice's DOI
where known. Retractions are RC505.

## Why is this bad?
It is not necessarily bad: a corrected work may still be sound. But the
reader should know, and the correction may change the figure cited.

## Example

    The estimate is modest (Moreau, 2011).

    References
    Moreau, C. (2011). A study of rainfall and rice yields in the delta. Journal of Studies, 4(2), 1-20. https://doi.org/10.1234/rice.2011.1

With a correction notice in the record, `refcheck check --verify` reports RC506.

## Fix
Read the notice; cite the correction too where it matters.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ._verify import doi_link, identified
from .base import Context, Problem

CODE = "RC506"
NAME = "correction-or-concern"
DEFAULT_SEVERITY = Severity.INFO


def check(ctx: Context) -> Iterator[Problem]:
    for ref, verdict in identified(ctx):
        for kind, doi in dict.fromkeys(n for n in verdict.work.notices if n[0] != "retraction"):
            where = f": {doi_link(doi)}" if doi else ""
            yield Problem(ref.span, f"{ref.label}: the work has {'an' if kind[0] in 'aeiou' else 'a'} {kind}{where}",
                          None, None, ref.id)
