"""RC107 duplicate-reference: the same work listed twice.

## What it does
Reports an entry that repeats an earlier one: the same DOI, the same URL, or
the same first author, year and title, however differently spelled
(diacritics, case, punctuation); in a .bib or CSL file also the same key
twice, and the same title and year under two keys.

## Why is this bad?
Duplicates inflate the list and split citations between two entries that
will drift apart as the document is edited.

## Example

    Security is interconnected (Lemon, 2018).

    References
    Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.
    Lemon, E. (2018). Critical Approaches to Security in Central Asia: an introduction. Central Asian Survey 37(1).

## Fix
Keep one entry and delete the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..extract.names import name_key, title_key
from ..extract.urls import clean_url
from ..findings import Severity
from .base import Context, Problem

CODE = "RC107"
NAME = "duplicate-reference"
DEFAULT_SEVERITY = Severity.WARNING


def _url_key(url: str) -> str:
    """The URL without scheme, "www.", fragment, trackers and trailing "/": the query
    stays, since it often names the work (books.google.com/books?id=...)."""
    url = clean_url(url)[0]
    url = re.sub(r"^https?://(?:www\.)?", "", url, flags=re.IGNORECASE)
    host, _, rest = url.partition("/")
    return host.lower() + "/" + rest.partition("#")[0].rstrip("/")


def check(ctx: Context) -> Iterator[Problem]:
    seen: dict[tuple, object] = {}
    for ref in ctx.references:
        keys = []
        if ref.key:
            keys.append(("key", ref.key.lower()))
        if ref.doi:
            keys.append(("DOI", ref.doi.lower()))
        keys += [("URL", _url_key(u)) for u in ref.urls if not ref.doi]
        title = title_key(ref.title)
        if ref.authors and title:
            keys.append(("author, year and title", name_key(ref.authors[0].family), ref.year, title))
        elif ref.key and title and ref.year:
            keys.append(("title and year", title, ref.year))
        for key in keys:
            first = seen.get(key)
            if first is not None and key[0] != "DOI" and first.doi and ref.doi and first.doi.lower() != ref.doi.lower():
                continue  # two DOIs: two works, however alike their first words (2010a, 2010b)
            if first is not None and first is not ref:
                yield Problem(
                    ref.span,
                    f"{ref.label} repeats the entry at line {ctx.line_of(first)} ({first.label}): same {key[0]}",
                    "delete one of the two entries",
                    None,
                    ref.id,
                )
                break
        for key in keys:
            seen.setdefault(key, ref)
