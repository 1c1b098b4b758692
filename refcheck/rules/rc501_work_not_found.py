"""RC501 work-not-found: no registry holds a record of the work, and every registry answered.

## What it does
With `--verify`, reports a scholarly-looking entry (journal, volume, pages,
publisher, ISBN, proceedings) without a DOI that a bibliographic search of
Crossref, OpenAlex and DataCite does not find, when every one of them
answered and the entry has a volume or pages (books and reports are often
missing from the registries: those are "cannot determine"). When any source
failed, was rate-limited or could not be reached, the verdict is "cannot
determine" instead, and nothing is reported. News pages, blogs and other web
sources are never searched for (the link check covers them).

## Why is this bad?
An entry no registry knows may be garbled (a wrong title, author or year)
or invented, as references from writing assistants sometimes are. It may
also be a real work the registries do not index (a report, a new paper), so
this is a warning to check by hand, not a verdict of fabrication.

## Example

    The effect is large (Okafor, 2019).

    References
    Okafor, J. (2019). Quantum coherence in migratory songbird navigation under urban light pollution. Nature, 570(7760), 112-118.

With no matching record anywhere, `refcheck check --verify` reports RC501.

## Fix
Find the work and correct the entry (title, authors, year, journal), add its
DOI; or remove it if it cannot be found.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ._verify import SOURCES, verdicts
from .base import Context, Problem

CODE = "RC501"
NAME = "work-not-found"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for ref, verdict in verdicts(ctx, "not-found"):
        closest = f" (closest: {verdict.work.describe()})" if verdict.work is not None else ""
        yield Problem(ref.span, f"{ref.label}: no matching record in {SOURCES}, and every source answered{closest}",
                      "check the title, authors and year against the work itself", None, ref.id)
