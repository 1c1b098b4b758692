"""RC110 unparsed-reference: an entry refcheck cannot split into authors and year.

## What it does
Reports a reference-list entry in which no author or no year could be found,
so that no citation can be linked to it.

## Why is this bad?
An entry without a recognisable author and year cannot be found from an
author-year citation, by readers or by refcheck. Often it is a fragment of
the entry above, a note, or an entry in another style.

## Example

    Security is interconnected (Lemon, 2018).

    References

    Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.

    Critical approaches to security, Central Asian Survey.

## Fix
Write the entry as "Author, Given (Year). Title. Source." or join it to the
entry it belongs to.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from .base import Context, Problem, first_words

CODE = "RC110"
NAME = "unparsed-reference"
DEFAULT_SEVERITY = Severity.INFO


def check(ctx: Context) -> Iterator[Problem]:
    for ref in ctx.references:
        if ref.problem:
            yield Problem(ref.span, f"cannot read this entry ({ref.problem}): \"{first_words(ref.raw)}\"", None, None, ref.id)
