"""Score a registry record against a parsed reference, field by field.

Titles are compared normalised (case, punctuation, diacritics, markup and a
subtitle do not count); the first author by family name (particles,
diacritics, hyphenation and a one-string name do not count); years one apart
agree (online-first versus print); containers only for journal articles, with
abbreviations allowed. The thresholds are named here and tested.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ...extract.data import PARTICLES
from ...extract.names import fold, name_keys
from ...model import Reference
from .work import Work

TITLE_MATCH = 0.85  # at or above: the same title
TITLE_CONFLICT = 0.5  # below: a different work
TITLE_IDENTICAL = 0.95  # a search hit this close is the cited title even when the authors differ
CONTAINER_MISMATCH = 0.5  # below (and not an abbreviation): another journal
YEAR_SLACK = 1  # years this far apart agree (online-first, print)
MIN_TITLE_WORDS = 3  # shorter titles are not searched for
MIN_TITLE_CHARS = 15
MIN_MAIN_CHARS = 20  # a main title (before the subtitle) must be this long to match on its own
WEIGHTS = {"title": 0.6, "author": 0.2, "year": 0.1, "container": 0.1}

_TAGS = re.compile(r"<[^>]{1,80}>")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# tried from the first space of a run only (a start inside the run is one from its start)
_SUBTITLE = re.compile(r"(?:(?<!\s)|(?!\s))\s*(?::|\?|!|\s[-\u2013\u2014]\s|\.\s)")
_RETRACTED = re.compile(r"^\s*(?:retracted|withdrawn)\s*(?:article)?\s*[:.-]\s*", re.IGNORECASE)
_JOURNAL_KINDS = ("journal-article", "article", "review")
_PREPRINT_WORDS = re.compile(r"arxiv|preprint|ssrn|biorxiv|medrxiv|working paper|research square", re.IGNORECASE)
_SMALL = frozenset("of the and for in on a an & de la der und".split())


def normalise(text: str | None) -> str:
    """``<i>Deep</i> Learning: A Review.`` -> ``deep learning a review``."""
    text = _RETRACTED.sub("", html.unescape(_TAGS.sub("", text or "")))
    text = fold(text).lower().replace("&", " and ")
    return _NON_WORD.sub(" ", text).strip()


def main_title(text: str | None) -> str:
    """The title before its subtitle."""
    cleaned = _RETRACTED.sub("", html.unescape(_TAGS.sub("", text or "")))
    return normalise(_SUBTITLE.split(cleaned, maxsplit=1)[0])


def title_similarity(ref: Reference, work: Work) -> float:
    """0..1: how alike the reference's title and the record's are. A record title
    written out in full in the entry counts as the same title (a title the parser
    cut short or ran on must not read as another work)."""
    ours, theirs = normalise(ref.title), normalise(work.title)
    if not theirs:
        return 0.0
    best = fuzz.ratio(ours, theirs) / 100 if ours else 0.0
    ours_main, theirs_main = main_title(ref.title), main_title(work.title)
    if ours_main and len(ours_main) >= MIN_MAIN_CHARS and len(theirs_main) >= MIN_MAIN_CHARS:
        best = max(best, fuzz.ratio(ours_main, theirs_main) / 100)
    if len(ours.split()) >= 2 and (ours == theirs_main or theirs == ours_main):
        best = 1.0  # one side gives the subtitle, the other does not
    if len(theirs) >= MIN_MAIN_CHARS and len(theirs.split()) >= MIN_TITLE_WORDS and f" {theirs} " in f" {normalise(ref.raw)} ":
        best = 1.0
    return round(best, 3)


def searchable(ref: Reference) -> bool:
    """Long enough to search for without drowning in look-alikes."""
    title = normalise(ref.title)
    return len(title) >= MIN_TITLE_CHARS and len(title.split()) >= MIN_TITLE_WORDS


def family_of(name: str) -> str:
    """The family name of a one-string name: ``Ludwig van Beethoven`` -> ``van Beethoven``."""
    words = name.replace(",", " ").split()
    if not words:
        return ""
    start = len(words) - 1
    while start > 0 and words[start - 1].lower() in PARTICLES:
        start -= 1
    return " ".join(words[start:])


def _keys(name: str) -> set[str]:
    keys = set(name_keys(name))
    parts = [p for p in re.split(r"[\s\-\u2010]+", fold(name).lower()) if p and p not in PARTICLES]
    keys.update(_NON_WORD.sub("", p) for p in parts if len(p) > 2)
    return {k for k in keys if k}


def same_family(ours: str, theirs: str) -> bool:
    """``García Márquez`` ~ ``Garcia-Marquez`` ~ ``Márquez``; ``van Dijk`` ~ ``Dijk``."""
    return bool(_keys(ours) & _keys(theirs))


def first_author_agrees(ref: Reference, work: Work) -> bool | None:
    """Whether the first authors are the same person by family name; None when
    it cannot be told (a corporate author, editors, or a record without authors)."""
    if not ref.authors or ref.corporate or ref.editors or not work.authors:
        return None
    ours = ref.authors[0].family
    if len(ours.strip(". ")) <= 1:
        return None
    family, given = work.authors[0]
    if same_family(ours, family):
        return True
    if work.source != "Crossref" and given and same_family(ours, given):
        return True  # a one-string name in family-first order ("Wang Xiaoming")
    if not given and len(family.split()) > 1:
        # a group first (a consortium, a collaboration): the entry may name the first person
        people = [f for f, g in work.authors[1:3] if g]
        return True if any(same_family(ours, f) for f in people) else None
    return False


def year_gap(ref: Reference, work: Work) -> int | None:
    """Years between the entry's (or its original edition's) and the nearest the record
    gives (issued, print, online)."""
    ours = [int(y) for y in (ref.year, *ref.other_years) if y and str(y).isdigit()]
    if not ours or not work.year:
        return None
    return min(abs(a - b) for a in ours for b in (work.year, *work.other_years))


def _abbreviates(short: str, long: str) -> bool:
    """``J. Pers. Soc. Psychol.`` abbreviates ``Journal of Personality and Social Psychology``;
    ``JAMA`` is the initials of ``Journal of the American Medical Association``."""
    small = [w for w in fold(short).lower().replace(".", " ").split() if w not in _SMALL]
    large = [w for w in normalise(long).split() if w not in _SMALL]
    if len(small) == 1 and len(small[0]) >= 3 and small[0] == "".join(w[0] for w in large):
        return True
    if not small or len(small) > len(large):
        return False
    position = 0
    for word in small:
        while position < len(large) and not large[position].startswith(word):
            position += 1
        if position == len(large):
            return False
        position += 1
    return True


def container_similarity(ref: Reference, work: Work) -> float | None:
    """0..1 for a journal article whose journal both sides name; else None."""
    if not ref.container or not work.container or (work.kind or "") not in _JOURNAL_KINDS:
        return None
    if _PREPRINT_WORDS.search(ref.container):
        return None
    if _abbreviates(ref.container, work.container) or _abbreviates(work.container, ref.container):
        return 1.0
    return round(fuzz.token_set_ratio(normalise(ref.container), normalise(work.container)) / 100, 3)


@dataclass(frozen=True)
class Comparison:
    title: float
    author: bool | None
    year_gap: int | None
    container: float | None

    @property
    def score(self) -> float:
        parts = {"title": self.title,
                 "author": 0.5 if self.author is None else float(self.author),
                 "year": 0.5 if self.year_gap is None else (1.0 if self.year_gap <= YEAR_SLACK else 0.0),
                 "container": 0.5 if self.container is None else self.container}
        return round(sum(WEIGHTS[k] * v for k, v in parts.items()), 3)

    @property
    def year_agrees(self) -> bool:
        return self.year_gap is None or self.year_gap <= YEAR_SLACK

    @property
    def container_agrees(self) -> bool:
        return self.container is None or self.container >= CONTAINER_MISMATCH


def compare(ref: Reference, work: Work) -> Comparison:
    return Comparison(title_similarity(ref, work), first_author_agrees(ref, work), year_gap(ref, work),
                      container_similarity(ref, work))


def differences(ref: Reference, work: Work, found: Comparison, title: bool = False) -> tuple[tuple[str, str, str], ...]:
    """(field, the reference's value, the record's value) for every field that disagrees."""
    out = []
    if title:
        out.append(("title", ref.title or "", work.title))
    if found.author is False:
        ours = ref.authors[0].family
        place = next((i for i, (f, _) in enumerate(work.authors[1:], start=2) if same_family(ours, f)), None)
        ordinal = {2: "2nd", 3: "3rd"}.get(place, f"{place}th")
        note = f" ({ours} is the {ordinal} author)" if place else ""
        out.append(("first author", ours, work.first_author + note))
    if not found.year_agrees:
        out.append(("year", ref.year or "", str(work.year)))
    if not found.container_agrees:
        out.append(("container", ref.container or "", work.container or ""))
    return tuple(out)
