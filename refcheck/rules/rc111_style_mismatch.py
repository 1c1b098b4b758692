"""RC111 style-mismatch: the text cites by number, not by author and year.

## What it does
Reports a document whose text cites with numbers ("[1]", "[2-4]") against a
numbered reference list, or mixes numbered and author-year citations.
refcheck checks author-year citations, so such a list is not cross-checked
(and RC102 is not reported for it).

## Why is this bad?
Mixing systems confuses readers; and a numeric document checked as
author-year would report every entry as uncited.

## Example

    Security is interconnected [1].

    References
    1. Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.

## Fix
Use one citation system throughout. For numeric styles, check the numbers
by hand or with a numeric checker.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ..model import Span
from .base import Context, Problem, plural

CODE = "RC111"
NAME = "style-mismatch"
DEFAULT_SEVERITY = Severity.INFO


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.numeric_citations and ctx.section is not None:
        start = ctx.section.heading_start
        yield Problem(
            Span(start, ctx.section.start),
            f"the text cites by number ({plural(ctx.numeric_citations, 'numbered citation')}, {plural(len(ctx.citations), 'author-year citation')}); "
            f"the {plural(len(ctx.references), 'entry')} below are not cross-checked",
            None,
        )
