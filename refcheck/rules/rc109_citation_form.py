"""RC109 citation-form: a citation that breaks the document's own pattern.

## What it does
Reports a parenthetical citation written "(Name Year)" in a document that
otherwise writes "(Name, Year)" (or the reverse), a year that cannot be right
(five digits, or beyond next year), and works run together without a ";" or
"," between them.

## Why is this bad?
Inconsistent citations look careless, and an impossible year is a typo that
also breaks the link to the reference.

## Example

    Trade grew (Dukeev, 2023). Policy is pragmatic (Abbasova, 2022).
    Sanctions spilled over (Yuneman 2023).

    References
    Abbasova, Vusala (2022). President Tokayev says Kazakhstan will not recognize Donetsk. Caspian News.
    Dukeev, Berikbol (2023). Kazakhstan cautiously builds ties with China. Jamestown Foundation.
    Yuneman, Roman (2023). Kazakhstan's multi-vector foreign policy. Russia in Global Affairs, 21(2), 141-162.

## Fix
Write every citation the way the document's style and its majority do.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from .base import Context, Problem, cited_label, comma_edit, edited, rewrite

CODE = "RC109"
NAME = "citation-form"
DEFAULT_SEVERITY = Severity.INFO


def check(ctx: Context) -> Iterator[Problem]:
    parenthetical = [c for c in ctx.citations if c.form == "parenthetical"]
    with_comma = sum(1 for c in parenthetical if c.comma)
    without = len(parenthetical) - with_comma
    majority = None
    if len(parenthetical) >= 3 and max(with_comma, without) >= 2 * min(with_comma, without) and min(with_comma, without):
        majority = with_comma > without
    impossible: dict[str, bool] = {}  # year as cited -> not a possible year (decided once each)
    for citation in ctx.citations:
        bad = impossible.get(citation.year)
        if bad is None:
            year = citation.year.split("\u2013")[0]
            bad = impossible[citation.year] = year[:1].isdigit() and (len(year) > 4 or int(year) > ctx.this_year + 1)
        if bad:
            yield Problem(citation.span, f"{cited_label(citation)}: {citation.year} is not a possible year", None, citation.id)
        if citation.separator_missing:
            yield Problem(citation.span, f"{cited_label(citation)}: no ';' between this work and the one before it", None, citation.id)
        if majority is not None and citation.form == "parenthetical" and citation.comma != majority:
            count = with_comma if majority else without
            edit = comma_edit(ctx, citation)
            fixed = edited(ctx, citation, edit, rewrite(_flip(citation)))
            yield Problem(
                citation.span,
                f"{cited_label(citation)} is written {'without a comma' if majority else 'with a comma'} between name and year, "
                f"unlike {count} other citations",
                f"({fixed})",
                citation.id,
                **edit,
            )


def _flip(citation):
    from dataclasses import replace

    return replace(citation, comma=not citation.comma)
