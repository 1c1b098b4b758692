"""RC204 title-url-mismatch: the entry's title and its URL's slug name different words.

## What it does
Compares the content words of the title with the words of the URL's last
descriptive path segment. Stop words, possessives, numbers written as words
or digits, "%" for "percent", trailing ids and dates are tolerated, and so is
a slug or title that is a shortened form of the other. It reports when each
side has a word the other lacks, quoting both.

## Why is this bad?
The slug keeps the headline as first published. A word swapped in the title
means the title was retyped wrongly; many swapped words mean the URL belongs
to another article.

## Example

    Ties are growing (Dukeev, 2023).

    References
    Dukeev, Berikbol (2023). Kazakhstan Cautiously Builds Ties with China. Retrieved from https://jamestown.org/program/kazakhstan-cautiously-intensifies-ties-with-china/. Accessed on 10.06.2025.

## Fix
Copy the title from the source, or correct the URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote

from ..extract.names import content_words as words
from ..extract.urls import Url, parse_url
from ..findings import Severity
from .base import Context, Problem

CODE = "RC204"
NAME = "title-url-mismatch"
DEFAULT_SEVERITY = Severity.WARNING

def slug_words(url: str) -> list[tuple[str, str]]:
    parsed = parse_url(url)
    if not isinstance(parsed, Url):
        return []  # RC206 reports a URL that cannot be used
    path = unquote(parsed.path)
    segments = [s for s in path.split("/") if s and not s.isdigit()]
    for segment in reversed(segments):
        segment = re.sub(r"\.(?:html?|php|aspx?)$", "", segment)
        if segment.count("-") + segment.count("_") >= 2:
            found = words(segment.replace("_", "-").replace("-", " "))
            while found and found[-1][0].isdigit():  # trailing ids and dates
                found.pop()
            return found
    return []


def check(ctx: Context) -> Iterator[Problem]:
    for ref in ctx.references:
        if not ref.title or not ref.urls:
            continue
        title = words(re.sub(r"\[[^\[\]]*\]", " ", ref.title))  # "[Software]", "[Report]"
        for url in ref.urls:
            slug = slug_words(url)
            if len(slug) < 4 or len(title) < 3:  # short slugs are names, not headlines
                continue
            title_keys = {k for k, _ in title}
            slug_keys = {k for k, _ in slug}
            only_title = [w for k, w in title if k not in slug_keys]
            only_slug = [w for k, w in slug if k not in title_keys]
            if only_title and only_slug:
                shared = len(title_keys & slug_keys)
                what = "the URL may belong to another article" if shared < min(len(title_keys), len(slug_keys)) / 2 else "the title may have been retyped"
                yield Problem(
                    ref.span,
                    f"{ref.label}: the title has \"{' '.join(only_title)}\" where the URL slug has \"{' '.join(only_slug)}\"; {what}",
                    None,
                    None,
                    ref.id,
                )
                break
