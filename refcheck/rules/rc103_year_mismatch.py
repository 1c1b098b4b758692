"""RC103 year-mismatch: the cited author is listed, with another year.

## What it does
Reports a citation whose author matches an entry of the reference list while
the year differs, and suggests the listed year.

A year that the entry names elsewhere (a reprint or translation it mentions)
makes the finding a warning, with that said.

## Why is this bad?
A wrong year sends readers to a different edition or a different work, and is
the most common slip when citations are typed by hand.

## Example

    As Lemon (2019) notes, security is interconnected.

    References
    Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.

## Fix
Correct the year in the text (or in the entry, if the entry is wrong).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Severity
from .base import Context, Problem, cited_label, edited, rewrite, year_edit, year_text

CODE = "RC103"
NAME = "year-mismatch"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    for citation, link in ctx.of_kind("year"):
        if not citation.authors or link.reference is None:
            continue  # as Context.linked()
        ref = link.reference
        also = [r for r in link.others if r.year and r.year != ref.year]
        extra = ""
        if also:
            extra = " (also " + ", ".join(sorted({year_text(r) for r in also})) + ")"
        # the entry names the cited year elsewhere (a reprint, a translation, an
        # original edition refcheck did not read as such): likely, not certainly, wrong
        elsewhere = citation.year[:1].isdigit() and _names_year(ref, citation.year)
        edit = year_edit(ctx, citation, year_text(ref))
        yield Problem(
            citation.span,
            f"{cited_label(citation)}: the reference list has {ref.label}{extra}"
            + (f"; the entry also mentions {citation.year}" if elsewhere else ""),
            edited(ctx, citation, edit, rewrite(citation, year=year_text(ref))),
            citation.id,
            ref.id,
            Severity.WARNING if elsewhere else None,
            **edit,
        )


def _names_year(ref, year: str) -> bool:
    text = ref.raw
    for url in ref.urls:
        text = text.replace(url, " ")
    if ref.accessed_raw:
        text = text.replace(ref.accessed_raw, " ")
    return re.search(rf"(?<![\d/.-]){re.escape(year)}(?![\d/-])", text) is not None
