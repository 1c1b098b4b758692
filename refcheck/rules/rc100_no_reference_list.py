"""RC100 no-reference-list: the document cites sources but has no reference list.

## What it does
Reports a document that contains author-year citations when no reference list
heading (References, Bibliography, Works Cited, Sources, Literatur,
Referencias, ...) was found, or when the list under it is empty.

## Why is this bad?
Without a list, no citation can be checked and readers cannot find the
sources. Often the heading is spelled in a way refcheck does not know, or the
list was lost when the document was converted.

## Example

    Central Asian states pool their resources (Lemon, 2018).

## Fix
Add the reference list under a heading of its own, e.g. `References`. Run
`refcheck refs FILE` to see what refcheck found.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ..model import Span
from .base import Context, Problem, plural

CODE = "RC100"
NAME = "no-reference-list"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    if not ctx.citations or ctx.references:
        return
    first = ctx.citations[0]
    if ctx.section is None:
        message = f"{plural(len(ctx.citations), 'citation')} but no reference list (no References or Bibliography heading found)"
        yield Problem(Span(first.span.start, first.span.end), message, "add a reference list under a heading such as 'References'", first.id)
    else:
        message = f"{plural(len(ctx.citations), 'citation')} but the reference list under the heading is empty"
        yield Problem(Span(ctx.section.heading_start, ctx.section.start), message, None, first.id)
