"""RC101 cited-not-listed: a citation with no entry in the reference list.

## What it does
Reports an in-text citation whose author matches no entry in the reference
list, even allowing for diacritics, a leading "The", particles and small
spelling slips (those are RC104).

A citation by key (`\\citep{key}`, `[@key]`, a JATS xref) is reported when
no entry of the bibliography has that key; a key that differs only by case or
by a small typo is suggested (a difference of case only is a warning: BibTeX
accepts it, biber and Pandoc do not).

When the name stands in some entry all the same (as an editor or translator,
or in an entry refcheck split badly), the finding is a warning and says where.

## Why is this bad?
Readers cannot find the cited work, and reviewers take a missing entry as a
sign of careless or invented sourcing.

## Example

    Kazakhstan pursues a multi-vector policy (Kumar, 2015).

    References
    Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.

## Fix
Add the missing entry to the reference list, or correct the citation to the
work you meant.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..extract.mentions import first_holding
from ..extract.names import fold
from ..findings import Severity
from .base import Context, Problem, cited_label, cited_names, plural

CODE = "RC101"
NAME = "cited-not-listed"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    if not ctx.references:
        return  # RC100 speaks for the whole document
    for citation, link in ctx.of_kind("none"):
        if citation.key is not None:
            yield _keyed(ctx, citation, link)
        else:
            message = f"{cited_label(citation)}: no entry in the reference list for {cited_names(citation)}"
            if link.others:  # same first author, other co-authors
                shown = ", ".join(r.label for r in link.others[:3])
                more = f" and {plural(len(link.others) - 3, 'other')}" if len(link.others) > 3 else ""
                message += f"; the list has {shown}{more}"
            mentioned = _mentioned(ctx, citation.authors[0]) if not link.others else None
            if mentioned is not None:
                # the name stands in an entry refcheck read otherwise (an editor, a
                # translator, a badly split entry): a warning that says where
                message += f"; the list mentions {citation.authors[0]} at line {ctx.line_of(mentioned)}"
                yield Problem(citation.span, message, None, citation.id, None, Severity.WARNING)
            else:
                yield Problem(citation.span, message, None, citation.id)


def _mentioned(ctx: Context, name: str):
    """The first entry whose text names ``name`` (its last word, folded) as a word."""
    word = _last_word(name)
    return _entries_naming(ctx).get(word) if word else None


def _last_word(name: str) -> str | None:
    words = fold(name).lower().split()
    return words[-1] if words and len(words[-1]) >= 3 else None


def _entries_naming(ctx: Context) -> dict:
    """The last word of each unlisted citation's first author -> the first entry that
    holds it as a word (worked out once per document, for those words only)."""
    cached = ctx.memo.get("rc101-words")
    if cached is None:
        wanted = set()
        for citation, link in ctx.of_kind("none"):
            if citation.key is None and not link.others and citation.authors:
                wanted.add(_last_word(citation.authors[0]))
        wanted.discard(None)
        refs = ctx.references
        first = first_holding([fold(ref.raw).lower() for ref in refs], wanted) if wanted else {}
        cached = ctx.memo["rc101-words"] = {word: refs[index] for word, index in first.items()}
    return cached


def _keyed(ctx: Context, citation, link) -> Problem:
    where = _bibliographies(ctx)
    message = f"{_written(citation)}: no entry with the key '{citation.key}'{where}"
    suggestion = None
    severity = None
    if link.others:
        best = link.others[0]
        if best.key.lower() == citation.key.lower():
            message += f"; the bibliography has '{best.key}' (BibTeX accepts another case, biber and Pandoc do not)"
            severity = Severity.WARNING  # the document may well compile
        else:
            message += f"; did you mean '{best.key}'?"
        suggestion = f"cite '{best.key}'"
    return Problem(citation.span, message, suggestion, citation.id, severity=severity)


def _written(citation) -> str:
    text = citation.text if len(citation.text) <= 60 else citation.text[:57] + "..."
    return text or citation.key


def _bibliographies(ctx: Context) -> str:
    structure = ctx.document.structure
    read = [b.path for b in getattr(structure, "bibliographies", ()) if b.problem is None]
    if not read:
        return ""
    return f" in {', '.join(read[:3])}" + (f" and {len(read) - 3} more" if len(read) > 3 else "")
