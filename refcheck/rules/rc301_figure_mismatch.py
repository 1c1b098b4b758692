"""RC301 figure-mismatch: the text states a figure that the cited source's title contradicts.

## What it does
Compares the money amounts, percentages and scaled counts in the sentence (or
clause) that carries a citation with those in the cited entry's title. It
reports a figure of the same kind, unit and role (a level, a share "of GDP", a
change "up 9%") that disagrees beyond rounding and qualifiers ("about",
"over", "up to"). Different currencies, kinds or roles are never compared, and
a figure with no counterpart in the title is not reported.

## Why is this bad?
A figure copied wrongly from a source is the error readers trust least and
checkers catch least: the citation looks right, the number is not.

## Example

    The defence budget reached $2.5 billion (Sakenova, 2023).

    References
    Sakenova, Saniya (2023). Kazakhstan Spends $1.5 Billion on Defense This Year. The Astana Times.

## Fix
Check the figure against the source and correct the text (or cite the source
that gives the stated figure).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..extract.quantities import agree, comparable, figures
from ..extract.urls import reference_urls
from ..findings import Severity
from ..model import Span, author_label
from .base import Context, Problem, citing_clause

CODE = "RC301"
NAME = "figure-mismatch"
DEFAULT_SEVERITY = Severity.WARNING


def _source_figures(ctx: Context, ref) -> list:
    sources = [("title", ref.title)]
    if ctx.link_status:  # with --links, the fetched page titles count as the source's words too
        sources += [("page title", s.title) for u in reference_urls(ref)
                    if (s := ctx.link_status.get(u)) is not None and s.title]
    return [(where, f) for where, text in sources if text for f in figures(text)]


def check(ctx: Context) -> Iterator[Problem]:
    text = ctx.document.text
    # the entries whose title states a figure, worked out first: most state none, and
    # then the citations (five times as many) need not be read at all
    by_reference = {ref.id: listed for ref in ctx.references if ref.title and (listed := _source_figures(ctx, ref))}
    if not by_reference:
        return
    for citation, link in ctx.linked():
        if link.kind not in ("exact", "suffix"):
            continue
        ref = link.reference
        listed = by_reference.get(ref.id)
        if not listed:
            continue
        start, end = citing_clause(ctx, citation)
        stated = figures(text[start:end])
        reported = set()
        for where, source in listed:
            same = [f for f in stated if comparable(f, source)]
            if not same or any(agree(f, source) for f in same):
                continue
            claim = same[0]
            if (claim.start, source.text) in reported:
                continue
            reported.add((claim.start, source.text))
            yield Problem(
                Span(start + claim.start, start + claim.end),
                f'text says "{claim.text}"; {author_label(ref)} ({ref.year}) {where} says "{source.text}" (line {ctx.line_of(ref)})',
                f"check the figure against the source: {source.text}",
                citation.id,
                ref.id,
            )
