"""RC114 key-year-mismatch: a citation key names another year than its entry.

## What it does
Reports an entry of a .bib or CSL bibliography whose key carries a year
(`smith:2019b`, `abbasova2022`, `Lemon_2018`) that is not the year of the
entry itself.

## Why is this bad?
Authors choose keys by author and year and cite from memory: a key that says
2019 for a work of 2021 is usually a sign that the entry was replaced by
another edition, or that the citation points to the wrong work.

## Example

    ---
    references:
    - id: lemon2017
      author: [{family: Lemon, given: Edward}]
      issued: {date-parts: [[2018]]}
      title: Critical approaches to security in Central Asia
      container-title: Central Asian Survey
    ---
    Pooled resources [@lemon2017].

## Fix
Check that the entry is the work you meant; then correct its year, or rename
the key (and every citation of it).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..extract.keys import key_year
from ..findings import Severity
from .base import Context, Problem

CODE = "RC114"
NAME = "key-year-mismatch"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for ref in ctx.references:
        if not ref.key or not ref.year or ref.problem:
            continue
        claimed = key_year(ref.key)
        if claimed is None or claimed[0] == ref.year or claimed[0] in ref.other_years:
            continue
        yield Problem(ref.span, f"the key '{ref.key}' says {claimed[0]} but the entry's year is {ref.year}",
                      "correct the year, or rename the key and its citations", None, ref.id)
