"""RC505 retracted: the cited work has been retracted.

## What it does
With `--verify`, reports a work whose record carries a retraction (Crossref's
`updated-by` notices, including Retraction Watch's, or OpenAlex's
`is_retracted`), with the retraction notice's DOI where known.

## Why is this bad?
A retracted work no longer supports anything; citing it without saying so
misleads the reader.

## Example

    The claim was influential (Wakefield, 1998).

    References
    Wakefield, A. J. (1998). Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children. The Lancet, 351, 637-641. https://doi.org/10.1016/S0140-6736(97)11096-0

With the record marked retracted, `refcheck check --verify` reports RC505.

## Fix
Remove the citation, or cite it as retracted (with the notice) where the
retraction is the point.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ._verify import doi_link, identified
from .base import Context, Problem

CODE = "RC505"
NAME = "retracted"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    for ref, verdict in identified(ctx):
        work = verdict.work
        if not work.retracted:
            continue
        notice = next((doi for kind, doi in work.notices if kind == "retraction" and doi), None)
        where = f" (notice: {doi_link(notice)})" if notice else f" (according to {work.source})"
        yield Problem(ref.span, f"{ref.label}: the work has been retracted{where}",
                      "remove the citation, or mark it as retracted", None, ref.id)
