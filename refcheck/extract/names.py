"""Name normalisation for matching citations to references."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .data import NUMBER_WORDS, PARTICLES, STOP_WORDS

# Letters that NFKD does not decompose into an ASCII base letter.
_FOLD = str.maketrans(
    {
        "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "ß": "ss",
        "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "þ": "th", "Þ": "Th",
        "ð": "d", "Ð": "D", "ħ": "h",
    }
)
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_NON_LETTERS = re.compile(r"[^a-z0-9]+")
_THE = re.compile(r"^the\s+")


@lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Strip diacritics: ``Otkjær`` -> ``Otkjaer``, ``Müller`` -> ``Muller``."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 18)
def name_key(name: str) -> str:
    """The matching key of a name: case, diacritics, leading "The", spaces,
    hyphens and apostrophes do not count. ``The Astana Times`` -> ``astanatimes``."""
    if name.isalnum() and name.isascii():
        return name.lower()  # one plain word: nothing to fold, strip or drop
    text = fold(name).lower().strip()
    if text.startswith("the"):
        text = _THE.sub("", text)
    if text.isalnum() and text.isascii():
        return text  # nothing for _NON_LETTERS to drop
    return _NON_LETTERS.sub("", text)


@lru_cache(maxsize=1 << 18)
def name_keys(name: str) -> tuple[str, ...]:
    """All keys under which a family name may be cited: with and without its
    particles (``van Dijk`` / ``Dijk``) and with German umlauts spelled out."""
    if name.isalnum() and name.isascii():
        return (name.lower(),)  # one plain word: no particle, prefix or umlaut
    keys = [name_key(name)]
    words = fold(name).split()
    while len(words) > 1 and words[0].lower().rstrip("'’-") in PARTICLES:
        words = words[1:]
        keys.append(name_key(" ".join(words)))
    if name[:3].lower() in ("al-", "el-"):
        keys.append(name_key(name[3:]))
    german = name.translate(_GERMAN)
    if german != name:
        keys.append(name_key(german))
    if len(keys) == 1:
        return (keys[0],) if keys[0] else ()
    return tuple(dict.fromkeys(k for k in keys if k))


# IGNORECASE matches these to "i" and "s", which lower() does not: where one stands, no prefilter
ODD_CASE = ("\u0130", "\u0131", "\u017f")


def contains_any(text: str, words: tuple[str, ...]) -> bool:
    """``any(word in text for word in words)``, without a generator."""
    for word in words:
        if word in text:
            return True
    return False


def may_match_words(text: str, words: tuple[str, ...]) -> bool:
    """False only when an IGNORECASE pattern that needs one of ``words`` (lower
    case) cannot match ``text``: a prefilter before the pattern."""
    return contains_any(text.lower(), words) or (not text.isascii() and contains_any(text, ODD_CASE))


_WORDS = re.compile(r"[a-z0-9]+")


def title_key(title: str | None) -> str:
    """The first six words of a title, folded: equal keys mean the same title."""
    words = _WORDS.findall(fold(title or "").lower())
    return " ".join(words[:6]) if len(words) >= 3 else ""


_POSSESSIVE_S = re.compile(r"['\u2019\u201d]s\b")
_ALNUM = re.compile(r"[A-Za-z0-9]+")
_ID = re.compile(r"[0-9a-f]{5,}|\d{5,}")


def content_words(text: str) -> list[tuple[str, str]]:
    """(comparison key, word as written) for each content word of a title or slug:
    no stop words, possessives or ids; numbers as digits; plurals folded."""
    text = _POSSESSIVE_S.sub("", fold(text).replace("%", " percent "))
    out = []
    for written in _ALNUM.findall(text):
        word = NUMBER_WORDS.get(written.lower(), written.lower())
        if word and word not in STOP_WORDS and not _ID.fullmatch(word):
            out.append((word[:-1] if len(word) > 3 and word.endswith("s") else word, written))
    return out
