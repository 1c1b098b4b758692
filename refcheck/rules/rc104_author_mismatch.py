"""RC104 author-mismatch: a near-miss spelling of a listed author, or another co-author.

## What it does
Reports a citation whose first author is a near miss of a listed author
("Jonson" for "Johnson", "Mueler" for "Müller"), names the authors in another
order than the entry, names a co-author the entry does not have in place of
one it has, or names the first author alone where the entry has two or more
and no "et al." (a warning: the text may mean another, unlisted work).
Suggests the listed spelling.

## Why is this bad?
Misspelt names break the link between text and list for readers and for
indexing services, and misattribute the work.

## Example

    The budget rose by a tenth (Sakenva, 2023).

    References
    Sakenova, Saniya (2023). Kazakhstan spends more on defense. The Astana Times.

## Fix
Spell the names as the reference list does (or correct the list).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..extract.linking import osa_distance
from ..extract.names import name_key
from ..findings import Severity
from ..model import Citation, Reference, author_label
from .base import ET_AL_FROM, Context, Problem, cited_label, edited, names_edit, rewrite

CODE = "RC104"
NAME = "author-mismatch"
DEFAULT_SEVERITY = Severity.ERROR


def _listed_names(citation: Citation, ref: Reference) -> str:
    if citation.et_al:
        return f"{ref.authors[0].family} et al."
    families = [a.family for a in ref.authors[: max(1, len(citation.authors))]]
    return families[0] if len(families) == 1 else ", ".join(families[:-1]) + " & " + families[-1]


def _all_names(ref: Reference) -> str:
    families = [a.family for a in ref.authors]
    return ", ".join(families[:-1]) + " & " + families[-1]


def check(ctx: Context) -> Iterator[Problem]:
    # a misspelled or reordered name, whatever the count; else one name cited for an entry
    # of one author leaves nothing to compare (the name linked)
    misread = [(c, link) for c, link in ctx.of_kind("fuzzy", "order") if c.authors and link.reference is not None]
    unlisted: dict[tuple, list[str]] = {}  # (cited names, entry id) -> the cited names the entry lacks
    for citation, link in misread + [p for p in ctx.linked_plural() if p[1].kind not in ("fuzzy", "order")]:
        ref = link.reference
        if link.kind == "fuzzy":
            yield Problem(
                citation.span,
                f"{cited_label(citation)}: no entry for {citation.authors[0]}; the reference list has {ref.label}",
                edited(ctx, citation, names_edit(ctx, citation, _listed_names(citation, ref)), rewrite(citation, authors=_listed_names(citation, ref))),
                citation.id,
                ref.id,
                **names_edit(ctx, citation, _listed_names(citation, ref)),
            )
        elif link.kind == "order":
            yield Problem(
                citation.span,
                f"{cited_label(citation)}: the entry lists the authors in another order: {ref.label}",
                edited(ctx, citation, names_edit(ctx, citation, _listed_names(citation, ref)), rewrite(citation, authors=_listed_names(citation, ref))),
                citation.id,
                ref.id,
                **names_edit(ctx, citation, _listed_names(citation, ref)),
            )
        elif (link.kind == "exact" and len(citation.authors) == 1 and not citation.et_al and not ref.et_al and len(ref.authors) >= 2
              and not ref.corporate and not ref.editors):
            count = len(ref.authors)
            fix = _all_names(ref) if count < ET_AL_FROM[ctx.style] else f"{ref.authors[0].family} et al."
            yield Problem(
                citation.span,
                f"{cited_label(citation)}: names {citation.authors[0]} alone, but the entry has {count} authors: {ref.label}",
                edited(ctx, citation, names_edit(ctx, citation, fix), rewrite(citation, authors=fix)),
                citation.id,
                ref.id,
                Severity.WARNING,
                **names_edit(ctx, citation, fix),
            )
        elif len(citation.authors) > 1 and not citation.et_al and not ref.et_al and len(ref.authors) >= len(citation.authors):
            # a document cites a work alike again and again: each pair of names is compared once
            pair = (citation.authors, ref.id)
            wrong = unlisted.get(pair)
            if wrong is None:
                listed = [name_key(a.family) for a in ref.authors]
                wrong = unlisted[pair] = [n for n in citation.authors[1:] if name_key(n) not in listed]
            if wrong:
                near = [a.family for a in ref.authors[1:] if osa_distance(name_key(wrong[0]), name_key(a.family), 2) <= 2]
                spelled = f"; the entry spells it {near[0]}" if len(wrong) == 1 and near else ""
                yield Problem(
                    citation.span,
                    f"{cited_label(citation)}: {', '.join(wrong)} is not an author of {author_label(ref)} ({ref.year}){spelled}",
                    edited(ctx, citation, names_edit(ctx, citation, _listed_names(citation, ref)), rewrite(citation, authors=_listed_names(citation, ref))),
                    citation.id,
                    ref.id,
                    **names_edit(ctx, citation, _listed_names(citation, ref)),
                )
