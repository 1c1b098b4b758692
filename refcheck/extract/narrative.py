"""Narrative citations: ``Lemon (2018)``, ``As Lemon (2018) notes``,
``Vanderhill et al. (2020)``, ``Smith and Jones's (2019)``, ``Locke's A Letter
Concerning Toleration (1689)``.

For each ``(year)`` the scanner walks back over the words before it, collecting
names, particles and conjunctions, and offers the linker every reading with
leading words trimmed (``As Lemon`` -> ``Lemon``). A reading that could as well
be a place or an event is ``weak``.
"""

from __future__ import annotations

import re

from .citations import (
    CONJUNCTIONS,
    LOCATOR,
    ORIGINAL,
    POSSESSIVE,
    YEARS,
    Candidate,
    is_weak,
    years_of,
)
from .data import LEAD_IN_WORDS, NARRATIVE_LEADERS, PARTICLES, REPORTING_VERBS

# "Goethe (1829, 507, transl. by ...)": a comment after the locator is allowed
_NARRATIVE = re.compile(rf"\(\s*{ORIGINAL}?(?P<years>{YEARS})(?P<loc>{LOCATOR})?(?:\s*,[^()]{{0,80}})?\s*\)")
_TOKEN = re.compile(r"et\s+al\.?|u\.(?=\s)|[^\W\d_][\w'\u2019\-]*(?:\.(?=[\w,\s]))?|&|,|[^\s\w]|\d+")
_AUTHOR_CUES = frozenset({"as", "by", "see", "cf", "cf.", "according", "following", "like", "unlike", "per", "después", "segun", "según",
                          "como", "segundo", "para", "conforme", "selon", "laut", "gemäß", "secondo", "volgens", "enligt", "ifølge"})
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
_INITIAL = re.compile(r"[A-Z]\.")


def _walk_back(scan: str, start: int) -> tuple[list[str], list[int], bool, bool, str, tuple[str, int] | None, bool]:
    """Collect the name tokens before a ``(year)``: returns (their words, their
    offsets, et_al, possessive, the word just before the names, the owner of a
    titled work: ``Locke`` in "Locke's A Letter Concerning Toleration (1689)", and
    whether a conjunction or a comma is among the words, so that they make more
    than one name).

    The window is the 120 characters before the year, within its paragraph. Its
    last 32 or so are tokenised first, and the whole window only when the walk
    reaches their first token (the walk reads from the end, and seldom far)."""
    window_start = start - 120 if start > 120 else 0
    paragraph = scan.rfind("\n\n", window_start, start)
    if paragraph != -1:
        window_start = paragraph + 2
    cut = _cut(scan, window_start, start - _TAIL)
    tail = list(_TOKEN.finditer(scan, cut, start))
    found = _walk_tokens(tail, cut == window_start)
    if found is None:  # the tokens before the cut end before it, as in the whole window
        found = _walk_tokens(list(_TOKEN.finditer(scan, window_start, cut)) + tail, True)
    return found


_TAIL = 32


def _cut(scan: str, low: int, high: int) -> int:
    """A place in [low, high] where the window's tokens break, so that the tokens
    after it are the same whether the window is tokenised from there or from
    ``low``: just after a space and before a character that is neither a space
    nor the "a" of "et al" (the one token that holds spaces)."""
    at = scan.rfind(" ", low, high) if high > low else -1
    while at != -1 and (scan[at + 1].isspace() or scan[at + 1] == "a"):
        at = scan.rfind(" ", low, at)
    return at + 1 if at != -1 else low


# What a token is to the walk (past the names' last word): a name word, a name
# word that the names' grouping reads as a conjunction ("And", "U."), a name word
# with a possessive (the owner of a titled work), a particle, a conjunction, a
# comma, or anything else (where the walk stops).
_NAME, _JOINER, _OWNER, _PARTICLE, _CONJUNCTION, _COMMA, _OTHER = range(7)
_KINDS: dict[str, int] = {}  # a token's text -> its kind (a document repeats its words)


def _kind(word: str) -> int:
    if word[0].isupper() and word[0].isalpha() and (not word.endswith(".") or _INITIAL.fullmatch(word)):
        kind = _OWNER if POSSESSIVE.search(word) else _JOINER if word.lower() in CONJUNCTIONS else _NAME
    else:
        low = word.lower()
        if low in PARTICLES and low not in CONJUNCTIONS:
            kind = _PARTICLE
        elif low in CONJUNCTIONS:
            kind = _CONJUNCTION
        else:
            kind = _COMMA if word == "," else _OTHER
    if len(_KINDS) >= 1 << 16:
        _KINDS.clear()
    _KINDS[word] = kind
    return kind


def _walk_tokens(tokens: list[re.Match[str]], whole: bool = False
                 ) -> tuple[list[str], list[int], bool, bool, str, tuple[str, int] | None, bool] | None:
    """The walk of :func:`_walk_back` over a window's tokens (matches, read as
    ``tokens[i][0]``); None when they are only the window's tail (not ``whole``)
    and the walk reached their first token, where it might have gone on."""
    et_al = possessive = False
    i = len(tokens) - 1
    if i >= 1 and tokens[i][0] == "," and tokens[i - 1][0][:1].isupper():
        i -= 1  # "Vardja and Vardja, (2001)"
    if i >= 0:
        low = tokens[i][0].lower()
        if low.startswith("et") and "al" in low:
            et_al = True
            i -= 1
            if i >= 0 and tokens[i][0] == ",":
                i -= 1
    words: list[str] = []
    positions: list[int] = []
    owner = None
    seen_conjunction = joined = False
    if i >= 0:  # the names' last word: a possessive is its own ("Smith's (2019)")
        word = tokens[i][0]
        if len(word) > 2 and word[0].isupper() and POSSESSIVE.search(word):
            word = POSSESSIVE.sub("", word)
            possessive = True
        kind = _KINDS.get(word)
        if kind is None:
            kind = _kind(word)
        if kind <= _OWNER:
            joined = kind == _JOINER
            words.append(word)
            positions.append(tokens[i].start())
            i -= 1
            while i >= 0 and len(words) < 16:
                token = tokens[i]
                word = token[0]
                kind = _KINDS.get(word)
                if kind is None:
                    kind = _kind(word)
                if kind == _CONJUNCTION:
                    seen_conjunction = True
                elif kind == _JOINER:
                    joined = True
                elif kind == _OWNER:
                    owner = (POSSESSIVE.sub("", word), token.start())
                    break
                elif kind == _OTHER or (kind == _COMMA and not seen_conjunction):
                    break
                words.append(word)
                positions.append(token.start())
                i -= 1
    if i < 1 and not whole:
        return None
    words.reverse()
    positions.reverse()
    while words and (words[0].lower() in CONJUNCTIONS or words[0] == "," or words[0].lower() in PARTICLES and len(words) == 1):
        del words[0], positions[0]
        i += 1
    before = tokens[i][0].lower() if i >= 0 else ""
    return words, positions, et_al, possessive, before, owner, joined or seen_conjunction


def _lead_in(word: str) -> bool:
    """A sentence adverb before a comma, not a name: "Importantly", "Além"."""
    low = word.lower()
    return " " not in word and (low in LEAD_IN_WORDS or (len(low) >= 9 and low.endswith("ly")))


def _group_names(taken: list[tuple[str, int]]) -> list[tuple[str, int]]:
    names: list[tuple[list[str], int]] = []
    current: list[str] = []
    start = -1
    for word, pos in taken:
        if word == "," or word.lower() in CONJUNCTIONS:
            if current:
                names.append((current, start))
            current = []
            continue
        if not current:
            start = pos
        current.append(word)
    if current:
        names.append((current, start))
    return [(" ".join(words), pos) for words, pos in names]


_CLAUSE_START = frozenset({"", ".", "!", "?", ";", ":"})


def _strong(scan: str, end: int, before: str, first_words: list[str], trimmed: int, authors: tuple[str, ...]) -> bool:
    """Does the reading look like an author's name rather than a place or an
    event, when neither "et al", a possessive nor a clause starting at it says
    so (the caller's cues, cheapest)? A reporting verb after the year, a cue
    word before it, or several one-word names."""
    after = _NEXT_WORD.match(scan, end, end + 40)
    if (after.group(1).lower() if after else "") in REPORTING_VERBS:
        return True
    return (
        before in _AUTHOR_CUES
        or (trimmed > 0 and first_words[trimmed - 1].lower() in _AUTHOR_CUES)
        or (len(authors) > 1 and all(len(n.split()) == 1 for n in authors))
    )


def scan_narrative(scan: str, group_base: int = 0) -> list[Candidate]:
    found: list[Candidate] = []
    group = group_base
    for match in _NARRATIVE.finditer(scan):
        words, positions, et_al, possessive, before, owner, joined = _walk_back(scan, match.start())
        if not words:
            continue
        if joined:  # names joined by a conjunction or a comma: grouped, with a lead-in dropped
            taken = list(zip(words, positions))
            names = _group_names(taken)
            if len(names) > 1 and _lead_in(names[0][0]) and len(taken) > 1 and taken[1][0] == ",":
                taken = taken[2:]  # "Importantly, Bernard and Rubalcava (2000)"
                names = names[1:]
            if not names:
                continue
            first, first_start = names[0]
            others = tuple(n for n, _ in names[1:])
            if " " not in first:  # a one-word first name: one reading
                first_words = [first]
                variants = [(first_start, (first,) + others)]
            else:
                first_words = first.split()
                first_positions = [pos for word, pos in taken if word in first_words][: len(first_words)]
                variants = [(first_positions[k] if k < len(first_positions) else first_start,
                             (" ".join(first_words[k:]),) + others) for k in range(len(first_words))]
        else:  # one name: its words are the words taken (no token holds a space)
            first_words = words
            if len(words) == 1:
                variants = [(positions[0], (words[0],))]
            else:
                variants = [(positions[k], (" ".join(words[k:]),)) for k in range(len(words))]
        if owner is not None:
            variants.append((owner[1], (owner[0],)))
        variants = tuple(variants)
        variant_names = tuple([names for _, names in variants])
        trimmed = 0
        while trimmed < len(first_words) - 1 and first_words[trimmed].lower() in NARRATIVE_LEADERS:
            trimmed += 1
        start, authors = variants[trimmed]
        end = match.end()
        weak = (not (et_al or possessive or before in _CLAUSE_START or _strong(scan, end, before, first_words, trimmed, authors))
                or is_weak(authors))
        group += 1
        locator = match["loc"]
        locator = locator.strip(" ,:") if locator else ""
        for year, suffix, _ys, _ye in years_of(match["years"]):
            found.append(Candidate(start, end, "narrative", authors, et_al, year, suffix, group, locator, True, False,
                                   weak or len(year) == 3 or "\u2013" in year, variants, variant_names))
    return found
