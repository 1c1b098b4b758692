"""RC106 year-suffix: same author and year without a/b suffixes, or suffixes that disagree.

## What it does
Reports two entries with the same authors and year that are not told apart
by suffixes (2019a, 2019b); a citation whose suffix the list does not have,
or that has none where the list uses them; a citation that could refer to
several entries; and a suffix on an entry that has no sibling (no other entry
by the same first author in that year).

## Why is this bad?
"(Harvey, 1996)" cannot be resolved when the list holds two Harvey 1996
works: the reader cannot tell which one supports the claim.

## Example

    Space and time were compressed (Harvey, 1989a).

    References
    Harvey, David (1989). The Condition of Postmodernity. Oxford: Blackwell.

## Fix
Give same-author, same-year entries suffixes in title order (a, b, ...) and
use the same suffixes in the citations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..extract.names import name_key, title_key
from ..findings import Severity
from .base import Context, Problem, cited_label, rewrite, year_text

CODE = "RC106"
NAME = "year-suffix"
DEFAULT_SEVERITY = Severity.WARNING


def _authors_key(ref) -> tuple[str, ...]:
    return tuple(name_key(a.family) for a in ref.authors) + (("etal",) if ref.et_al else ())


def check(ctx: Context) -> Iterator[Problem]:
    groups = defaultdict(list)
    first_authors: dict[tuple[str, str], int] = defaultdict(int)
    for ref in ctx.references:
        if ref.authors and ref.year:
            groups[(_authors_key(ref), ref.year)].append(ref)
            first_authors[(name_key(ref.authors[0].family), ref.year)] += 1
    for refs in groups.values():
        if len(refs) == 1:
            # works by the same first author in one year are cited alike ("Schaufeli
            # et al., 2002a"), so APA gives them suffixes even with other co-authors
            if refs[0].year_suffix and first_authors[(name_key(refs[0].authors[0].family), refs[0].year)] == 1:
                ref = refs[0]
                yield Problem(ref.span, f"{ref.label}: a year suffix but no other entry by these authors in {ref.year}", ref.year, None, ref.id)
            continue
        titles: set[str] = set()
        distinct = []
        for ref in refs:  # an exact repeat is RC107's, not a missing suffix
            key = title_key(ref.title) or ref.id
            if key not in titles:
                titles.add(key)
                distinct.append(ref)
        refs = distinct
        seen: dict[str, object] = {}
        for ref in refs:
            if len(refs) > 1 and ref.year_suffix in seen:
                other = seen[ref.year_suffix]
                yield Problem(
                    ref.span,
                    f"{ref.label}: {len(refs)} entries by the same authors in {ref.year} need suffixes (also line {ctx.line_of(other)})",
                    f"{ref.year}a, {ref.year}b, ... in title order",
                    None,
                    ref.id,
                )
            seen.setdefault(ref.year_suffix, ref)
    for citation, link in ctx.of_kind("suffix", "ambiguous"):
        if link.kind == "suffix":
            ref = link.reference
            listed = f"{ref.label}" if ref.year_suffix else f"{ref.label} without a suffix"
            yield Problem(citation.span, f"{cited_label(citation)}: the reference list has {listed}", rewrite(citation, year=year_text(ref)), citation.id, ref.id)
        elif link.kind == "ambiguous":
            choices = "; ".join(f"{r.label} (line {ctx.line_of(r)})" for r in link.others)
            yield Problem(citation.span, f"{cited_label(citation)}: could be any of {choices}", "add a/b suffixes to the entries and the citations", citation.id)
