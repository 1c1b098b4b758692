"""RC508 doi-available: the work has a DOI the entry lacks.

## What it does
With `--verify`, when a bibliographic search finds the entry's work with
confidence (the same title, first author and year), and its record has a
DOI the entry does not give, suggests it.

## Why is this bad?
A DOI is the one link that does not rot; most styles ask for it.

## Example

    Gates help gradients (Hochreiter, 1997).

    References
    Hochreiter, S., & Schmidhuber, J. (1997). Long short-term memory. Neural Computation, 9(8), 1735-1780.

With the record found, `refcheck check --verify` suggests its DOI (RC508).

## Fix
Add the suggested DOI, as https://doi.org/...
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ._verify import doi_link, verdicts
from .base import Context, Problem

CODE = "RC508"
NAME = "doi-available"
DEFAULT_SEVERITY = Severity.INFO


def check(ctx: Context) -> Iterator[Problem]:
    for ref, verdict in verdicts(ctx, "verified"):
        if verdict.suggest_doi and not ref.doi:
            yield Problem(ref.span, f"{ref.label}: the work has a DOI ({verdict.work.source}): {verdict.suggest_doi}",
                          doi_link(verdict.suggest_doi), None, ref.id)
