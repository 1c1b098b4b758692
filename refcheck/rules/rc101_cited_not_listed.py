"""RC101 cited-not-listed: a citation with no entry in the reference list.

## What it does
Reports an in-text citation whose author matches no entry in the reference
list, even allowing for diacritics, a leading "The", particles and small
spelling slips (those are RC104).

## Why is this bad?
Readers cannot find the cited work, and reviewers take a missing entry as a
sign of careless or invented sourcing.

## Example

    Kazakhstan pursues a multi-vector policy (Kumar, 2015).

    References
    Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.

## Fix
Add the missing entry to the reference list, or correct the citation to the
work you meant.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from .base import Context, Problem, cited_label, cited_names, plural

CODE = "RC101"
NAME = "cited-not-listed"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    if not ctx.references:
        return  # RC100 speaks for the whole document
    for citation in ctx.citations:
        link = ctx.links[citation.id]
        if link.kind == "none":
            message = f"{cited_label(citation)}: no entry in the reference list for {cited_names(citation)}"
            if link.others:  # same first author, other co-authors
                shown = ", ".join(r.label for r in link.others[:3])
                more = f" and {plural(len(link.others) - 3, 'other')}" if len(link.others) > 3 else ""
                message += f"; the list has {shown}{more}"
            yield Problem(citation.span, message, None, citation.id)
