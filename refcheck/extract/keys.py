"""Keyed citations (\\cite{key}, [@key], a JATS xref) linked to structured
references by key, and what the merge hands to the rules.

A key that names no entry links to nothing (RC101); the entries whose key
differs only by case or by a small typo ride along as ``others``, best first,
so the finding can suggest one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Citation, CitationForm, Reference, Structure
from .linking import Link, osa_distance

_KEY_YEAR = re.compile(r"(?<!\d)(1[6-9]\d\d|20\d\d)([a-z]?)(?![\d])")


def number(structure: Structure) -> tuple[list[Reference], list[Citation]]:
    """The structure's references and (non-nocite) citations with ids R1..., C1..."""
    references = [replace(r, id=f"R{n}") for n, r in enumerate(structure.references, start=1)]
    citations = [replace(c, id=f"C{n}") for n, c in enumerate(
        (c for c in structure.citations if c.form != CitationForm.NOCITE), start=1)]
    return references, citations


def suggestions(key: str, references: list[Reference]) -> tuple[Reference, ...]:
    """Entries whose key is ``key`` in another case, or within a small edit distance."""
    lower = key.lower()
    limit = 0 if len(lower) < 4 else 1 if len(lower) < 8 else 2
    scored = []
    for ref in references:
        if not ref.key:
            continue
        other = ref.key.lower()
        distance = 0 if other == lower else osa_distance(lower, other, limit) if limit else limit + 1
        if distance and _digits_only(lower, other):
            continue  # bib1 for bib9: numbered ids, not a typo
        if distance <= limit:
            scored.append((distance, ref.key, ref))
    return tuple(ref for _, _, ref in sorted(scored, key=lambda t: (t[0], t[1])))


_DIGITS = re.compile(r"\d")


def _digits_only(a: str, b: str) -> bool:
    return _DIGITS.sub("", a) == _DIGITS.sub("", b)


def link_keys(citations: list[Citation], references: list[Reference]) -> dict[str, Link]:
    """citation id -> Link("key", entry) or Link("none", None, suggestions)."""
    by_key: dict[str, Reference] = {}
    for ref in references:
        if ref.key and ref.problem is None:
            by_key.setdefault(ref.key, ref)
    links = {}
    for citation in citations:
        ref = by_key.get(citation.key or "")
        links[citation.id] = Link("key", ref) if ref is not None else Link("none", None, suggestions(citation.key or "", references))
    return links


def refine(citation: Citation, found: Link) -> Link:
    """A keyed citation whose text gives a year (a JATS xref "Lemon, 2019"): the
    link's kind says whether that year agrees with the entry (``year``, ``suffix``)."""
    ref = found.reference
    if ref is None or not citation.year or not ref.year:
        return found
    if citation.year != ref.year and citation.year not in ref.other_years:
        return Link("year", ref)
    if citation.year_suffix != ref.year_suffix and ref.year_suffix:
        return Link("suffix", ref)
    return found


def key_year(key: str) -> tuple[str, str] | None:
    """The year (and a/b suffix) a key like ``smith:2019b`` or ``abbasova2022``
    claims; None when it claims none or more than one."""
    found = _KEY_YEAR.findall(key)
    if len(found) != 1:
        return None
    return found[0]
