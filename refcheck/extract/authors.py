"""Split the author part of a reference entry into people or an institution.

Handles ``Family, Given`` (APA, Harvard, Chicago), ``Given Family`` after the
first author (Chicago), ``Family Initials`` (Vancouver, eLife), particles,
suffixes, ``et al.``, editors, and corporate authors with their abbreviations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Author
from .data import CORPORATE_WORDS, PARTICLES
from .names import ODD_CASE

# Patterns that open with spaces begin at the first space of a run (NOT_INSIDE_SPACES):
# a match from inside the run is also one from its start, which is found first, and
# trying every space of a long run again was quadratic.
NOT_INSIDE_SPACES = r"(?:(?<!\s)|(?!\s))"
_EDITORS = re.compile(
    NOT_INSIDE_SPACES + r"(?:\s*[\(\[]\s*(?:eds?|editors?|hrsg|hg|coords?|comps?|dirs?|orgs?)\.?\s*[\)\]]\.?"
    r"|,?\s+(?:eds?\.|editors?|dir\.|dirs\.|trans\.|comp\.|comps\.|coord\.|org\.|orgs\.|hrsg\.|hg\.)$)",
    re.IGNORECASE,
)
# APA roles in parentheses after a name: "(Host)", "(Executive Producers)"
_ROLE = re.compile(
    NOT_INSIDE_SPACES + r"\s*\((?:(?:executive\s+)?producers?|hosts?|directors?|writers?|principal\s+investigators?|narrators?|"
    r"composers?|performers?|artists?|photographers?|illustrators?|translators?|speakers?|presenters?|"
    r"interviewers?|curators?|creators?|show\s?runners?)\)",
    re.IGNORECASE,
)
_ET_AL = re.compile(NOT_INSIDE_SPACES + r",?\s*(?:\bet\s*al\b\.?|\bu\.\s?a\.|\bet\s+coll\.?)", re.IGNORECASE)
_ET_AL_NEEDLES = ("et", "u.")  # one of them, in lower case, is in every match of _ET_AL
_ELLIPSIS = re.compile(NOT_INSIDE_SPACES + r",?\s*(?:\.\s?\.\s?\.|…)\s*,?")
_PAREN = re.compile(NOT_INSIDE_SPACES + r"\s*[(\[]([^()\[\]]*)[)\]]")
_ALIAS = re.compile(r"^[A-Z][A-Za-z&\-]{1,14}$")
_FULL_NAME = re.compile(r"^[A-Z][\w'\-]+(?:\s+(?:[A-Z][\w'\-]+|of|for|and|the|on|de|du|des|la|le|für|und)){1,7}$")
# "\s*(?:,\s*)?" and "(?:\s*,\s+|\s+)", not "\s*,?\s*" and "\s*,?\s+": one way to read a run of spaces
_CONJ = re.compile(
    NOT_INSIDE_SPACES
    + r"(?:\s*(?:,\s*)?&\s*|(?:\s*,\s+|\s+)(?:and|And|AND|y|und|u\.|et(?!\s*al)|e|en|och|og)\s+|\s*/\s*(?=[^\W\d_]))"
)
# What _CONJ needs besides "&" and "/": one of these words, between spaces
_CONJ_WORDS = frozenset({"and", "And", "AND", "y", "und", "u.", "et", "e", "en", "och", "og"})
_CONJ_MARKS = ("&", "/")
_SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv|jnr|snr)\.?$", re.IGNORECASE)
_NOT_NAMES = ("others", "contributors", "colaboradores")  # list tokens that name no one
_NOT_NAME_LENGTHS = frozenset(map(len, _NOT_NAMES))  # lower() keeps the length of a text that becomes one of them
_SUFFIX_MAX = 4  # "iii.": no longer text matches _SUFFIX
_SUFFIX_FIRST = frozenset("jJsSiI\u017f\u0131\u0130")  # what _SUFFIX can start with ("ſ", "ı", "İ" by IGNORECASE)
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.?\s?-?\s?){1,4}$|^[A-Z]{1,4}$|^(?:[A-Za-z]\.\s?){1,4}$")
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’\-.]*$")
_DASHES = re.compile(r"^[\s\-\u2012\u2013\u2014\u2015_.,]+$")
_DOTS = re.compile(r"\.\s?\.")  # what _ELLIPSIS needs, unless "…"
# an initial's or a suffix's full stop at the end ("Smith, J.", "King Jr."): searched from
# four characters before the end, where any match must start (\b still sees the one before)
_INITIAL_STOP = re.compile(r"(?:\b[A-Za-z]|\b(?:Jr|Sr|Jnr|Snr))\.$")
_LEADING_AND = re.compile(r"^(?:and|&)\s+")
_ROLE_HINTS = ("ed", "hrsg", "hg", "coord", "comp", "dir", "org", "trans")
# the role words _EDITORS finds at the end of the text, in lower case
_ROLE_ENDS = ("ed.", "eds.", "editor", "editors", "dir.", "dirs.", "trans.", "comp.", "comps.", "coord.", "org.", "orgs.",
              "hrsg.", "hg.")


def _next(text: str, needles: tuple[str, ...], pos: int, seen: dict | None = None) -> int:
    """The first index at or after ``pos`` where one of ``needles`` stands, or -1.
    ``seen`` keeps each needle's last answer for calls with growing ``pos``: a needle
    is looked for again only once ``pos`` has passed it (a needle that is not in the
    text was otherwise looked for to its end at every call: quadratic)."""
    first = -1
    for needle in needles:
        found = seen.get(needle) if seen is not None else None
        if found is None or -1 < found < pos:
            found = text.find(needle, pos)
            if seen is not None:
                seen[needle] = found
        if found != -1 and (first == -1 or found < first):
            first = found
    return first


def _search_at(pattern: re.Pattern[str], text: str, pos: int, anchors: str, needles: tuple[str, ...],
               seen: dict | None = None) -> re.Match[str] | None:
    """``pattern.search(text, pos)`` for a pattern whose every match holds one of
    ``needles`` in ``anchors`` (``text`` or a copy of it with the same indices) and
    has only spaces and commas before it: the search starts at the run of spaces and
    commas before the first needle, not at every character before it."""
    anchor = _next(anchors, needles, pos, seen)
    if anchor == -1:
        return None
    start = anchor
    while start > pos and (text[start - 1] == "," or text[start - 1].isspace()):
        start -= 1
    return pattern.search(text, start)


def _sub_at(pattern: re.Pattern[str], repl: str, text: str, anchors: str, needles: tuple[str, ...]) -> str:
    """``pattern.sub(repl, text)`` (``repl`` a plain string) by :func:`_search_at`."""
    pieces = []
    pos = 0
    seen: dict[str, int] = {}
    while (match := _search_at(pattern, text, pos, anchors, needles, seen)) is not None:
        pieces.append(text[pos:match.start()])
        pieces.append(repl)
        pos = match.end()
    if not pieces:
        return text
    pieces.append(text[pos:])
    return "".join(pieces)


def _has_conj(text: str) -> bool:
    """``_CONJ.search(text)``; without a conjunction word "&" or "/" is in every match."""
    if _CONJ_WORDS.isdisjoint(text.split()):
        return _search_at(_CONJ, text, 0, text, _CONJ_MARKS) is not None
    return _CONJ.search(text) is not None


def _may_name_editors(text: str, low: str) -> bool:
    """False only when _EDITORS cannot match: it needs a bracket, or a role word at the end."""
    if "(" in text or "[" in text or (not text.isascii() and any(odd in text for odd in ODD_CASE)):
        return True
    return low.removesuffix("\n").endswith(_ROLE_ENDS)


@dataclass(slots=True)
class ParsedAuthors:  # internal and short-lived: not frozen, which makes it cheaper to build
    authors: tuple[Author, ...]
    corporate: bool = False
    et_al: bool = False
    editors: bool = False
    aliases: tuple[str, ...] = ()
    same_as_previous: bool = False


@lru_cache(maxsize=1 << 14)
def is_initials(token: str) -> bool:
    return bool(_INITIALS.match(token.strip()))  # a few tokens ("A.", "J. R.") again and again


def _is_given(token: str) -> bool:
    words = token.split()
    if not 1 <= len(words) <= 4:
        return False
    return all(
        is_initials(w) or w.lower() in PARTICLES or (_NAME_WORD.match(w) and w[0].isupper())
        for w in words
    )


_VANCOUVER_INITIALS = re.compile(r"^(?:[A-Z]{1,4}|(?:[A-Z]\.){1,4}|[A-Z]{1,2}(?:-[A-Z]{1,2})+\.?)$")


def _is_vancouver(token: str) -> bool:
    """``Bernstein JGW``, ``Leighton R``, ``Benson E.``, ``Chen D-H``, ``Ou X``,
    ``De Lucca E``: family (of any length, particles included) then initials."""
    return _vancouver_words(token.split())


def _vancouver_words(words: list[str]) -> bool:
    if len(words) < 2 or not _VANCOUVER_INITIALS.match(words[-1]):
        return False
    family = words[:-1]
    if len(family) == 1 and family[0].isupper() and family[0].isalpha() and len(family[0]) >= len(words[-1]) + 3:
        return True  # "PERUTZ MF"
    return all(w[:1].isupper() and any(c.islower() for c in w) or w.lower() in PARTICLES for w in family) and family[0].lower() not in PARTICLES or (
        len(family) > 1 and all(w[:1].isupper() or w.lower() in PARTICLES for w in family) and any(c.islower() for c in family[-1])
    )


def _family_of(words: list[str]) -> tuple[str, str]:
    """Split ``Sandra F. Joireman`` into (``Joireman``, ``Sandra F.``), keeping
    particles and suffixes with the family name."""
    end = len(words)
    if end > 1 and _SUFFIX.match(words[-1]):
        end -= 1
    start = end - 1
    while start > 0 and words[start - 1].lower() in PARTICLES:
        start -= 1
    return " ".join(words[start:]), " ".join(words[:start])


def _looks_corporate(text: str) -> bool:
    head = text.split(",")[0]
    words = head.split()
    if len(words) < 2:
        return False  # every test below wants two words or more
    lowered = {w.lower().strip(".,;()") for w in words}
    if lowered & CORPORATE_WORDS:
        return True
    if len(words) < 3:
        return False  # and these three (core is a part of words)
    core = [w for w in words if w.lower() not in PARTICLES and w.lower() not in ("the", "of", "for", "and", "&")]
    if ("of" in lowered or "for" in lowered or "the" in lowered) and len(words) >= 3:
        return True
    return len(core) >= 3 and not is_initials(words[-1])


# The commonest author part: "Family, I., Family, I. J., & Family, I." (ASCII family
# names of one word, initials); _apa_list reads it as _read_authors does, without its passes.
_APA_AUTHOR = r"[A-Z][a-z]+, [A-Z]\.(?: [A-Z]\.){0,3}"
_APA_LIST = re.compile(rf"{_APA_AUTHOR}(?:, {_APA_AUTHOR})*(?:, & {_APA_AUTHOR})?")


def parse_authors(text: str) -> ParsedAuthors:
    """Parse the author part of an entry (everything before the year)."""
    text = text.strip().strip(",;:").strip()
    return _apa_list(text) or _read_authors(text)


def _apa_list(text: str) -> ParsedAuthors | None:
    """The reading of a plain APA author list, or None for any other text (a test
    holds it equal to _read_authors'). Its families pair with the initials after
    them; "et" or "u." ("Etal", "U. A.") would be read as "et al." and a family that
    is a suffix ("Jr") or names no one ("Others") otherwise: left to _read_authors."""
    if _APA_LIST.fullmatch(text) is None:
        return None
    low = text.lower()
    if "et" in low or "u." in low:
        return None
    parts = text.replace(", & ", ", ").split(", ")
    authors = []
    for i in range(0, len(parts), 2):
        family = parts[i]
        if len(family) <= _SUFFIX_MAX and _SUFFIX.match(family) or len(family) in _NOT_NAME_LENGTHS and family.lower() in _NOT_NAMES:
            return None
        authors.append(Author(family, parts[i + 1]))
    return ParsedAuthors(tuple(authors))


def _read_authors(text: str) -> ParsedAuthors:
    """:func:`parse_authors` for any (stripped) text."""
    if not text or _DASHES.match(text):
        return ParsedAuthors((), same_as_previous=bool(text))
    editors = False
    if "(" in text and _ROLE.search(text):
        text = _ROLE.sub("", text)
    low = text.lower()
    if _may_name_editors(text, low) and any(w in low for w in _ROLE_HINTS) and _EDITORS.search(text):
        editors = True
        text = _EDITORS.sub("", text)
    et_al = False
    if "et" in low or "u." in low:
        # every match holds "et" or "u." (in any case); lower() keeps the indices when it keeps the length
        anchors = low if len(low) == len(text) else None
        if anchors is None and _ET_AL.search(text):
            et_al = True
            text = _ET_AL.sub("", text)
        elif anchors is not None and _search_at(_ET_AL, text, 0, anchors, _ET_AL_NEEDLES):
            et_al = True
            text = _sub_at(_ET_AL, "", text, anchors, _ET_AL_NEEDLES)
    if "\u2026" in text or ("." in text and _DOTS.search(text)):
        text = _ELLIPSIS.sub(",", text)
    aliases = ()
    if "(" in text or "[" in text:
        # "(NASA)", "[NASA]", and the full name beside an abbreviation: "BSI (British Standards Institute)"
        aliases = tuple(m.group(1) for m in _PAREN.finditer(text) if _ALIAS.match(m.group(1)) or _FULL_NAME.match(m.group(1)))
        text = _PAREN.sub("", text)
    text = text.strip().rstrip(",;: ").strip()
    if text.endswith(".") and not _INITIAL_STOP.search(text, max(0, len(text) - 4)):
        text = text[:-1].rstrip()  # "Smith, John." but not "Smith, J."
    if not text:
        return ParsedAuthors((), et_al=et_al, editors=editors)
    if ";" in text and _looks_corporate(text):
        parts = [p.strip().rstrip(",") for p in text.split(";")]
        parts = [_LEADING_AND.sub("", p).strip() for p in parts if p.strip()]
        return ParsedAuthors(tuple(Author(p) for p in parts), True, et_al, editors, aliases)
    if "," not in text and not _is_vancouver(text) and not _has_conj(text):
        return ParsedAuthors((Author(text),), True, et_al, editors, aliases)
    if _looks_corporate(text):
        return ParsedAuthors((Author(text),), True, et_al, editors, aliases)
    if not _CONJ_WORDS.isdisjoint(text.split()):
        text = _CONJ.sub(",", text)
    elif "&" in text or "/" in text:
        text = _sub_at(_CONJ, ",", text, text, _CONJ_MARKS)  # without a word, "&" or "/" is in every match
    tokens = [t.strip() for t in text.replace(";", ",").split(",")]
    tokens = [t for t in tokens if t and (len(t) not in _NOT_NAME_LENGTHS or t.lower() not in _NOT_NAMES)]
    return ParsedAuthors(_pair(tokens), False, et_al, editors, aliases)


def _pair(tokens: list[str]) -> tuple[Author, ...]:
    """Walk the comma-separated tokens, pairing family names with given names."""
    authors: list[Author] = []
    pending: str | None = None
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if pending is not None:
            if len(token) <= _SUFFIX_MAX and token[:1] in _SUFFIX_FIRST and _SUFFIX.match(token):
                pending = f"{pending} {token}"
                i += 1
                continue
            if is_initials(token) or _is_given(token):
                authors.append(Author(pending, token))
                pending = None
                i += 1
                continue
            authors.append(Author(pending))
            pending = None
            continue
        if len(token) <= _SUFFIX_MAX and token[:1] in _SUFFIX_FIRST and _SUFFIX.match(token) and authors:
            last = authors[-1]
            authors[-1] = Author(f"{last.family} {token}", last.given)
        elif len(words := token.split()) < 2:
            pending = token  # one word: a family name whose given names may follow
        elif _vancouver_words(words):
            authors.append(Author(" ".join(words[:-1]), words[-1]))
        else:
            # a particle counts only before the family name ("Kaustav Das" is two words)
            core = [w for w in words[:-1] if w.lower() not in PARTICLES] + words[-1:]
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if len(core) >= 2 and authors and not (following and is_initials(following)):
                family, given = _family_of(words)
                authors.append(Author(family, given))
            else:
                pending = token
        i += 1
    if pending is not None:
        authors.append(Author(pending))
    return tuple(authors)
