"""RC105 et-al-mismatch: "et al." where the style lists all authors, or the reverse.

## What it does
Compares how a citation names the authors with the number of authors in the
entry and the document's style (APA 7: "et al." from 3 authors; APA 6: from 3,
always from 6; Chicago and Harvard: either from 3 or from 4, as their editions
differ; ABNT: from 4). Reports "et al." for a work with too few authors, a full
list where the style asks for "et al.", an entry truncated with "et al." cited by
its first author alone, and more names in the text than the entry has. A
multi-author work cited by its first author alone is RC104's.

When Harvard or Chicago was read from the document (``--style auto``) and its
text names every author of each work it cites that has four or more, a house
style may ask for that: such a full list is then info, not a warning.

## Why is this bad?
The author part of a citation is how readers find the entry; a citation that
drops or invents co-authors points at a different work.

## Example

    The policy has a long history (Gleason et al., 2022).

    References
    Gleason, Gregory, and Dunay, Pal (2022). CSTO deployment in Kazakhstan. The Diplomat.

## Fix
Name one or two authors in full; use "First et al." from the style's threshold.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from .base import ET_AL_ALWAYS_FROM, ET_AL_FROM, Context, Problem, cited_label, rewrite

CODE = "RC105"
NAME = "et-al-mismatch"
DEFAULT_SEVERITY = Severity.WARNING


def _all_names(families: list[str]) -> str:
    return families[0] if len(families) == 1 else ", ".join(families[:-1]) + " & " + families[-1]


# styles whose editions and house variants differ on when "et al." starts
_VARIANTS = ("harvard", "chicago")


def _lists_all(ctx: Context, always: int) -> bool:
    """The style was read from the document, not given, and the text never writes
    "et al." for a work of ``always`` or more authors: its own convention."""
    if not ctx.style_inferred or ctx.style not in _VARIANTS:
        return False
    return not any(c.et_al for c, link in ctx.linked_plural() if len(link.reference.authors) >= always)


def check(ctx: Context) -> Iterator[Problem]:
    threshold = ET_AL_FROM[ctx.style]
    always = ET_AL_ALWAYS_FROM[ctx.style]
    lists_all: bool | None = None  # worked out at the first full list
    for citation, link in ctx.linked_plural():  # one name for one author is right in every style
        ref = link.reference
        if link.kind in ("fuzzy", "order") or ref.corporate or ref.editors:
            continue
        count = len(ref.authors)
        if citation.et_al:
            if not ref.et_al and count < threshold:
                families = [a.family for a in ref.authors]
                yield Problem(
                    citation.span,
                    f"{cited_label(citation)}: \"et al.\" for a work with {count} author{'s' if count != 1 else ''}; {ctx.style} names {'both' if count == 2 else 'the'} author{'s' if count != 1 else ''}: {ref.label}",
                    rewrite(citation, authors=_all_names(families)),
                    citation.id,
                    ref.id,
                )
            continue
        cited = len(citation.authors)
        if ref.et_al and cited > 1 or cited == 1 and count >= 2 and not ref.et_al:
            continue  # a full list for an "et al." entry is fine; a co-author dropped is RC104's
        families = [a.family for a in ref.authors]
        first = families[0]
        if ref.et_al and cited == 1:
            yield Problem(citation.span, f"{cited_label(citation)}: the entry has several authors ({ref.label}); cite it as {first} et al.", rewrite(citation, authors=f"{first} et al."), citation.id, ref.id)
        elif cited > count:
            label = f"{ref.label} has {count} author{'s' if count > 1 else ''}"
            yield Problem(citation.span, f"{cited_label(citation)}: names {cited} authors but {label}", rewrite(citation, authors=_all_names(families) if count < threshold else f"{first} et al."), citation.id, ref.id)
        elif cited == count and count >= always:
            if lists_all is None:
                lists_all = _lists_all(ctx, always)
            message = f"{cited_label(citation)}: {ctx.style} cites a work with {count} authors as {first} et al."
            if lists_all:
                message += f" (the text names every author of each work with {always} or more: leave it if its house style does)"
            yield Problem(citation.span, message, rewrite(citation, authors=f"{first} et al."), citation.id, ref.id,
                          Severity.INFO if lists_all else None)
        elif 1 < cited < count and count >= threshold:
            yield Problem(citation.span, f"{cited_label(citation)}: names {cited} of the {count} authors of {ref.label}; write {first} et al.", rewrite(citation, authors=f"{first} et al."), citation.id, ref.id)
        elif 1 < cited < count:
            yield Problem(citation.span, f"{cited_label(citation)}: names {cited} of the {count} authors of {ref.label}", rewrite(citation, authors=_all_names(families)), citation.id, ref.id)
