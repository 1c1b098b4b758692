"""RC102 listed-not-cited: a reference that no citation points to.

## What it does
Reports each entry of the reference list that no in-text citation links to.

## Why is this bad?
Author-date styles (APA, Harvard, Chicago) list only works cited in the text.
An uncited entry is padding, a leftover from an earlier draft, or a sign that
the citation to it is misspelled.

## Example

    Security cooperation grew (Lemon, 2018).

    References
    Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.
    Yuneman, Roman (2023). Kazakhstan's multi-vector foreign policy. Russia in Global Affairs, 21(2), 141-162.

## Fix
Cite the work where it is used, or remove the entry.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..extract.linking import LINKED
from ..findings import Severity
from .base import Context, Problem

CODE = "RC102"
NAME = "listed-not-cited"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.numeric_citations:
        return  # RC111: this list is cited by number
    cited = set()
    for link in ctx.links.values():
        if link.kind in LINKED and link.reference is not None:
            cited.add(link.reference.id)
            if link.kind == "exact":  # the twins of a duplicated entry (RC107)
                cited.update(r.id for r in link.others)
        elif link.kind == "ambiguous":
            cited.update(r.id for r in link.others)
    for ref in ctx.references:
        if ref.id not in cited and ref.problem is None:
            yield Problem(ref.span, f"{ref.label} is listed but never cited", None, None, ref.id)
