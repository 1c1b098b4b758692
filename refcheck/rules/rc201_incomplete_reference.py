"""RC201 incomplete-reference: an entry lacks a title, a source, or (for web pages in Harvard) an access date.

## What it does
Reports an entry with an author and a year but no title; an entry with no
source at all (no journal, book, publisher, site, URL or DOI); a journal-style
entry (volume or pages) with no journal name; and, when the style is Harvard,
a web source without an access date. Entries refcheck cannot split are RC110.
When Harvard was read from the document (``--style auto``) and no entry of the
list gives an access date, the list follows a house style without them: a
missing access date alone is then info.

An entry of a .bib or CSL file is checked against the fields its type
requires (@article: author, title, journal, year; @book: author or editor,
title, publisher, year; @inproceedings: author, title, booktitle, year; ...).

## Why is this bad?
Readers cannot find a work from an author and a year alone; an incomplete
entry also cannot be verified against bibliographic databases.

## Example

    The record is thin (Lemon, 2018).

    References
    Lemon, Edward (2018). Critical approaches to security in Central Asia.

## Fix
Add the missing element: the journal and volume, the publisher, or the URL
and access date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Severity
from ..model import Source
from ._required import missing as required_missing
from .base import Context, Problem

_UNPUBLISHED_WORDS = ("personal communication", "unpublished", "interview with")
# (the lookahead lets the engine skip to the letters a match can start with)
_UNPUBLISHED = re.compile(r"(?=[pui])(?:" + "|".join(_UNPUBLISHED_WORDS) + ")", re.IGNORECASE)


def _unpublished(raw: str) -> bool:
    """Whether the entry says it is unpublished; an ASCII text is lowered and searched
    in C (IGNORECASE differs from lower() only on letters outside ASCII: "ſ", "K")."""
    if raw.isascii():
        low = raw.lower()
        return any(word in low for word in _UNPUBLISHED_WORDS)
    return _UNPUBLISHED.search(raw) is not None

CODE = "RC201"
NAME = "incomplete-reference"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    refs = ctx.references
    # Harvard read from the document whose list gives no access date at all: its house style
    dates_unused = ctx.style == "harvard" and ctx.style_inferred and not any(r.accessed_raw for r in refs)
    for number, ref in enumerate(refs):
        if ref.source in (Source.BIBTEX, Source.CSL):
            if ref.problem is None and ref.entry_type:
                lacking = required_missing(ref.entry_type, ref.fields, csl=ref.source == Source.CSL)
                if lacking:
                    fields = ", ".join(lacking)
                    yield Problem(ref.span, f"{ref.key}: this @{ref.entry_type} lacks the required field{'s' if len(lacking) > 1 else ''} {fields}",
                                  None, None, ref.id)
            continue
        if ref.problem or not ref.authors or _unpublished(ref.raw):
            continue
        # an unreadable next entry is often this one's tail, cut off by a page break (RC110)
        cut_off = number + 1 < len(refs) and refs[number + 1].problem is not None
        # a title with a comma or colon tail has probably swallowed the publication details
        swallowed = bool(ref.title) and (", " in ref.title or ": " in ref.title)
        missing = []
        if not ref.title:
            missing.append("a title")
        if (ref.volume or ref.pages) and not ref.container:
            missing.append("the journal name")
        elif not (ref.container or ref.urls or ref.doi or cut_off or swallowed):
            missing.append("a source (journal, book, publisher, site or URL)")
        web = [u for u in ref.urls if "doi.org" not in u]
        if ctx.style == "harvard" and web and not ref.doi and not ref.accessed_raw:
            missing.append("an access date for the web source")
        if missing:
            alone = dates_unused and len(missing) == 1 and missing[0].startswith("an access date")
            message = f"{ref.label}: the entry lacks {' and '.join(missing)}"
            if alone:
                message += " (no entry of the list gives one: leave it if its house style does not)"
            yield Problem(ref.span, message, None, None, ref.id, Severity.INFO if alone else None)
