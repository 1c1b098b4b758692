"""RC504 metadata-mismatch: the first author, title, year or journal differ from the work's record.

## What it does
With `--verify`, compares the entry with the record of the work it names
(by DOI or arXiv id, or a confident search match) and reports each field
that differs, with both values: the first author (family name; particles,
diacritics and initials do not count), the title (case, punctuation and a
subtitle do not count), the year (one year apart is allowed for online-first
publication) and, for journal articles, the journal (abbreviations allowed).

## Why is this bad?
A wrong year or first author breaks the author-year citation and makes the
work hard to find; a real title with the wrong authors is a common trace of
a reference written from memory or by a writing assistant.

## Example

    Deep networks learn features (Bengio, 2012).

    References
    Bengio, Y. (2012). Deep learning. Nature, 521, 436-444. https://doi.org/10.1038/nature14539

When the record says LeCun (2015), `refcheck check --verify` reports RC504.

## Fix
Correct the entry (and its citations) from the record.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ._verify import verdicts
from .base import Context, Problem

CODE = "RC504"
NAME = "metadata-mismatch"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for ref, verdict in verdicts(ctx, "mismatch"):
        work = verdict.work
        fields = "; ".join(f'{name} "{ours}" here, "{theirs}" in the record' for name, ours, theirs in verdict.differences)
        where = verdict.identifier or f"a confident match (score {verdict.score:.2f})"
        fix = "; ".join(f"{name}: {theirs}" for name, _, theirs in verdict.differences)
        yield Problem(ref.span, f"{ref.label}: differs from {work.source}'s record for {where}: {fields}", fix, None, ref.id)
