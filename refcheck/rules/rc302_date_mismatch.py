"""RC302 date-mismatch: the text dates an event after the cited source was published.

## What it does
Compares dated claims in the sentence (or clause) that carries a citation
("in May 2021", "on January 5, 2022", "late 2019") with the cited source's own
date, read from its URL path (/2021/03/, -2022-6-20). A source cannot report
an event that happened after it was published.

## Why is this bad?
A claim dated after its source usually means the citation points to the
wrong article, or the date in the text is wrong.

## Example

    The agreement was signed in May 2021 (Omirgazy, 2021).

    References
    Omirgazy, Dana (2021). Kazakhstan signs a deal. Retrieved from https://astanatimes.com/2021/03/kazakhstan-signs-a-deal/. Accessed on 11.06.2025.

## Fix
Cite a source published after the event, or correct the date in the text.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..extract.dates import claimed_dates, url_date
from ..findings import Severity
from ..model import Span, author_label
from .base import Context, Problem, citing_clause

CODE = "RC302"
NAME = "date-mismatch"
DEFAULT_SEVERITY = Severity.INFO


def check(ctx: Context) -> Iterator[Problem]:
    text = ctx.document.text
    for pairs in ctx.linked_by_reference.values():  # entry by entry: few URLs carry a date
        ref = pairs[0][1].reference
        dated = next((d for d in map(url_date, ref.urls) if d), None) if ref.urls else None
        if dated is not None:
            yield from _compare(ctx, text, ref, dated, [c for c, link in pairs if link.kind in ("exact", "suffix")])


def _compare(ctx: Context, text: str, ref, dated: tuple, citations: list) -> Iterator[Problem]:
    for citation in citations:
        start, end = citing_clause(ctx, citation)
        for c_start, c_end, year, first, _last, said in claimed_dates(text[start:end]):
            if (year, first) > dated:
                yield Problem(
                    Span(start + c_start, start + c_end),
                    f'text dates this to "{said}"; {author_label(ref)} ({ref.year}) was published {dated[0]}-{dated[1]:02d} (from its URL)',
                    "check the date, or cite a source published after the event",
                    citation.id,
                    ref.id,
                )
                break
