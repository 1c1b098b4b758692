"""RC502 identifier-conflict: the DOI or arXiv id belongs to a different work.

## What it does
With `--verify`, looks the entry's DOI (or arXiv id) up and compares the
record with the entry: when the titles are unlike (and the first author or
year does not rescue them), reports the work the identifier really names,
with its title, first author and year.

## Why is this bad?
A reader who follows the identifier lands on another paper; the cited work
cannot be found. A DOI copied from the neighbouring entry, or one made up,
is a common sign of a reference written from memory.

## Example

    Graphs are sparse (Smith, 2019).

    References
    Smith, J. (2019). Fast methods for sparse graphs. Journal of Graphs, 3(2), 1-9. https://doi.org/10.1038/nature14539

When the DOI is the record of another paper, `refcheck check --verify` reports RC502.

## Fix
Look the work up and replace the identifier with its own; remove it if the
work has none.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ._verify import identifier_span, verdicts
from .base import Context, Problem

CODE = "RC502"
NAME = "identifier-conflict"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    for ref, verdict in verdicts(ctx, "conflict"):
        work = verdict.work
        ours = f' "{ref.title}"' if ref.title else ""
        yield Problem(identifier_span(ctx, ref, verdict.identifier),
                      f"{ref.label}: {verdict.identifier} is another work in {work.source}: {work.describe()}, "
                      f"not{ours or ' this entry'}", "replace the identifier with the cited work's own", None, ref.id)
