"""RC100 no-reference-list: the document cites sources but has no reference list.

## What it does
Reports a document that contains author-year citations when no reference list
heading (References, Bibliography, Works Cited, Sources, Literatur,
Referencias, ...) was found, or when the list under it is empty.

A document that cites by key (`\\cite{key}`, `[@key]`) is reported when no
bibliography was found or none could be read: the message says which file
is missing and how to name one (`--bib FILE`, or the config key `bib`). It is an
error when a bibliography was named or there are three keyed citations or more
(nothing can be checked), else a warning, or info in Markdown (one `[@key]` may
be a text about Pandoc).

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
    if ctx.document.structure is not None:
        yield _no_bibliography(ctx, first)
        return
    if ctx.section is None:
        message = f"{plural(len(ctx.citations), 'citation')} but no reference list (no References or Bibliography heading found)"
        yield Problem(Span(first.span.start, first.span.end), message, "add a reference list under a heading such as 'References'", first.id)
    else:
        message = f"{plural(len(ctx.citations), 'citation')} but the reference list under the heading is empty"
        yield Problem(Span(ctx.section.heading_start, ctx.section.start), message, None, first.id)


def _no_bibliography(ctx: Context, first) -> Problem:
    structure = ctx.document.structure
    count = plural(len(ctx.citations), "citation") + " by key"
    failed = [b for b in structure.bibliographies if b.problem]
    if failed:
        shown = "; ".join(f"{b.path} ({b.given_by}): {b.problem}" for b in failed[:3])
        message = f"{count} but the bibliography cannot be read: {shown}"
    elif structure.bibliographies:
        message = f"{count} but the bibliography has no entries"
    else:
        looked = "no bibliography: or references: in the front matter" if ctx.document.kind == "markdown" else "no \\bibliography, \\addbibresource or thebibliography"
        message = f"{count} but no bibliography was found ({looked})"
    # nothing at all can be checked: an error, so that the run does not pass; one or two
    # "[@key]" and no bibliography named may be a text about Pandoc: said quietly
    sure = bool(structure.bibliographies) or len(ctx.citations) >= 3
    return Problem(first.span, message, "name the bibliography file with --bib FILE (or the config key bib)", first.id,
                   severity=Severity.ERROR if sure else Severity.INFO if ctx.document.kind == "markdown" else Severity.WARNING)
