"""RC108 reference-order: the reference list is not in author-year order.

## What it does
Reports an entry that sorts before the one above it, comparing first
authors alphabetically (ignoring case, diacritics and a leading "The") and
then years.

## Why is this bad?
Author-date styles order the list alphabetically so that readers can find an
entry from the citation; an entry out of place looks missing.

## Example

    Both agree (Lemon, 2018; Abbasova, 2022).

    References
    Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.
    Abbasova, Vusala (2022). President Tokayev says Kazakhstan will not recognize Donetsk. Caspian News.

## Fix
Move the entry to its place in alphabetical order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..extract.names import fold
from ..findings import Severity
from ..model import Source
from .base import Context, Problem

CODE = "RC108"
NAME = "reference-order"
DEFAULT_SEVERITY = Severity.INFO


_NOT_ALNUM = re.compile(r"[^\w ]|_")


def _keys(ref) -> tuple[tuple, tuple]:
    family = fold(ref.authors[0].family).lower() if ref.authors else ""
    if not family.isalnum():  # (one word of letters and digits has nothing to drop)
        family = _NOT_ALNUM.sub("", family)  # letters, digits and spaces (str.isalnum)
    year = ref.year if ref.year and ref.year[0].isdigit() else ("0000" if ref.year == "n.d." else "9999")
    bare = family[4:] if family.startswith("the ") else family
    return (family, year, ref.year_suffix), (bare, year, ref.year_suffix)


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.numeric_citations:
        return  # a numbered list is in citation order (RC111)
    # a .bib or CSL file is in any order (the bibliography style sorts it), a
    # JATS ref-list in the publisher's
    refs = [r for r in ctx.references if r.authors and r.source == Source.TEXT]
    keys = [_keys(r) for r in refs]
    for (before, (lit_b, bare_b)), (ref, (lit_r, bare_r)) in zip(zip(refs, keys), zip(refs[1:], keys[1:])):
        if lit_r < lit_b and bare_r < bare_b:
            yield Problem(
                ref.span,
                f"{ref.label} is out of order: it follows {before.label}",
                None,
                None,
                ref.id,
            )
