"""Infer a document's citation style (for ``--style auto``, the default).

The reference list votes entry by entry on its shape; the text then tells APA 6
from APA 7: APA 7 never writes three or more authors in full, APA 6 does at a
work's first citation. The result decides the et al. thresholds (RC105).

- ``abnt``: ``SILVA, J. A. Title. Place: Publisher, 2019.`` (capitals, year last)
- ``apa7`` / ``apa6``: ``Surname, I. (2019). Title.``; APA 6 writes ``Retrieved
  from`` and ``doi:10...``, APA 7 ``https://doi.org/...``
- ``chicago``: ``Surname, First. 2019. Title.``
- ``harvard``: ``Surname, I. (2019) Title`` or ``Surname, I., 2019. Title``
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..model import Reference
from .abnt import entry_head as abnt_entry
from .names import may_match_words

_APA = re.compile(r"^[^()]{1,300}?\((?:\d{4}[a-z]?|n\.\s?d\.)(?:,[^)]*)?\)\.\s")
_HARVARD = re.compile(r"^[^()]{1,300}?(?:\((?:\d{4}[a-z]?|n\.\s?d\.)\)\s(?!\()|,\s\d{4}[a-z]?[.,]\s)")
_CHICAGO = re.compile(r"^[^()]{1,300}?\.\s(?:[(\[]\d{4}[)\]]\s)?\d{4}[a-z]?\.\s")
_VANCOUVER_NAME = re.compile(r"^[A-Z][\w'\-]+(?:\s[A-Z][\w'\-]+)?\s[A-Z]{1,3}(?:-[A-Z])?[,.]\s")
_APA6 = re.compile(r"\bRetrieved\s+from\b|\bdoi:\s?10\.|dx\.doi\.org", re.IGNORECASE)
_APA6_WORDS = ("retrieved", "doi")  # what _APA6 needs, in lower case
_APA7 = re.compile(r"https?://doi\.org/", re.IGNORECASE)

STYLES = ("apa7", "apa6", "harvard", "chicago", "abnt")


def _vote(raw: str) -> str | None:
    if abnt_entry(raw) is not None:
        return "abnt"
    if _APA.match(raw):
        return "apa"
    if _VANCOUVER_NAME.match(raw):
        return "apa"  # eLife-style author-year lists: et al. from three authors, as APA
    if _CHICAGO.match(raw):
        return "chicago"
    if _HARVARD.match(raw):
        return "harvard"
    return None


def detect(references: Iterable[Reference], citations: Iterable = ()) -> str:
    """The style that most entries are written in; for APA lists, APA 6 when the
    list writes APA 6 identifiers or the text names three or more authors in full.
    ``apa7`` when the list is empty or undecided."""
    references = list(references)
    votes: Counter[str] = Counter()
    for ref in references:
        vote = _vote(ref.raw)
        if vote:
            votes[vote] += 1
    if not votes:
        return "apa7"
    (style, count), *rest = votes.most_common()
    if rest and rest[0][1] == count:
        return "apa7"
    if style != "apa":
        return style
    old = sum(1 for r in references if may_match_words(r.raw, _APA6_WORDS) and _APA6.search(r.raw))
    new = sum(1 for r in references if "://" in r.raw and _APA7.search(r.raw))  # no case to "://"
    full = sum(1 for c in citations if not c.et_al and len(c.authors) >= 3)
    if old > new or (full and not new) or (full >= 2 and full * 4 >= new):
        return "apa6"
    return "apa7"
