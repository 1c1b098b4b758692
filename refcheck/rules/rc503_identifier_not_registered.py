"""RC503 identifier-not-registered: the DOI or arXiv id does not exist.

## What it does
With `--verify`, reports a DOI that doi.org does not know (and that neither
Crossref nor DataCite holds), or an arXiv id arXiv has no paper for. Only an
answer saying so counts: a registry that fails or is rate-limited gives
"cannot determine" instead.

## Why is this bad?
The link leads nowhere. A mistyped identifier hides the work; an invented
one is a sign of a fabricated reference.

## Example

    Deep learning took off (LeCun, 2015).

    References
    LeCun, Y. (2015). Deep learning. Nature, 521, 436-444. https://doi.org/10.1038/nature14539x

When doi.org has no such DOI, `refcheck check --verify` reports RC503.

## Fix
Copy the identifier from the work's landing page.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ._verify import identifier_span, verdicts
from .base import Context, Problem

CODE = "RC503"
NAME = "identifier-not-registered"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    for ref, verdict in verdicts(ctx, "unregistered"):
        yield Problem(identifier_span(ctx, ref, verdict.identifier),
                      f"{ref.label}: {verdict.identifier} is not registered ({verdict.reason})",
                      "copy the identifier from the work's landing page", None, ref.id)
