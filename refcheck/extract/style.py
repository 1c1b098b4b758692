"""Guess the citation style of a reference list (for ``--style auto``)."""

from __future__ import annotations

import re
from collections import Counter

from ..model import Reference

_APA = re.compile(r"^[^()]{1,300}?\((?:\d{4}[a-z]?|n\.\s?d\.)(?:,[^)]*)?\)\.\s")
_HARVARD = re.compile(r"^[^()]{1,300}?(?:\((?:\d{4}[a-z]?|n\.\s?d\.)\)\s(?!\()|,\s\d{4}[a-z]?[.,]\s)")
_CHICAGO = re.compile(r"^[^()]{1,300}?\.\s\d{4}[a-z]?\.\s")


def detect(references: list[Reference] | tuple[Reference, ...]) -> str:
    """``apa7``, ``harvard`` or ``chicago`` by majority of entries; ``apa7``
    when the list is empty or undecided."""
    votes: Counter[str] = Counter()
    for ref in references:
        raw = ref.raw
        if _APA.match(raw):
            votes["apa7"] += 1
        elif _CHICAGO.match(raw):
            votes["chicago"] += 1
        elif _HARVARD.match(raw):
            votes["harvard"] += 1
    if not votes:
        return "apa7"
    (style, count), *rest = votes.most_common()
    if rest and rest[0][1] == count:
        return "apa7"
    return style
