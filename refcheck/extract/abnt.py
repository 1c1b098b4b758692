"""ABNT (NBR 6023) entries: upper-case surnames first, the year in the imprint.

``SILVA, J. A.; SOUZA, M. Title: subtitle. Place: Publisher, 2019.``
``SOUZA, Maria. Title. Journal, v. 3, n. 2, p. 10-20, jun. 2019.``
``BRASIL. Ministério da Educação. Title. Brasília: MEC, 2008.``

Used by the entry parser when an entry opens with such a head and no year follows
it directly (Harvard lists also write surnames in capitals, with the year after them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Author
from .data import PARTICLES

UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"  # capitals of Latin-1, the class names are written in
_U = UPPER
# an entry's first line in ABNT (for the section splitter): "SILVA, J." or "BRASIL. Lei ..."
PERSON_HEAD = re.compile(rf"^[{_U}][{_U}'\u2019\-]+(?:\s(?:[{_U}][{_U}'\u2019\-]+|d[aeo]s?))*,\s+[{_U}]")
BODY_HEAD = re.compile(rf"^[{_U}][{_U}'\u2019\-]{{2,}}(?:\s+(?:[{_U}][{_U}'\u2019\-]*|[-\u2013]))*\.\s+[{_U}0-9]")
# particles in capitals (DE, DOS, VAN) are words of the first kind; "E" ("and") the only other
_FAMILY = re.compile(rf"[{_U}][{_U}'\u2019\-]+(?:\s(?:[{_U}][{_U}'\u2019\-]+|E))*(?=,\s)")
_CORPORATE = re.compile(rf"[{_U}][{_U}0-9'\u2019\-]+(?:\s(?:[{_U}0-9][{_U}0-9'\u2019\-]*|[-\u2013\u2014]|\([{_U}]{{2,12}}\)))*(?=\.\s)")
_INITIAL = re.compile(r"^(?:[A-Z\u00c0-\u00de]\.?-?){1,3}[.,;]?$")
# after an initial, only another initial with its full stop continues the given names
# ("B. A palavra": "A" is the title's article)
_NEXT_INITIAL = re.compile(r"^(?:[A-Z\u00c0-\u00de]\.-?){1,3}[,;]?$")
_GIVEN_WORD = re.compile(r"^[A-Z\u00c0-\u00de][a-z\u00df-\u00ff'\u2019\-]+[.,;]?$")
_ET_AL = re.compile(r"\s*et\s+al\.?", re.IGNORECASE)
_TOKEN = re.compile(r"\S+")
# from the first space of a run only (a match inside the run is one from its start)
_ALIAS = re.compile(rf"(?:(?<!\s)|(?!\s))(?:\s+[-\u2013\u2014]\s+([{_U}]{{2,12}})$|\s+\(([{_U}]{{2,12}})\)$)")
# The year of the imprint: ", 2019", ": 2019", "jun. 2019", "2019a"; never a range "1823-1988".
_YEAR = re.compile(r"(?<![\w/.\-])(1[5-9]\d\d|20\d\d)([a-z]?)(?![\w/]|\s?[-\u2013]\s?\d)")
_ONLINE = re.compile(r"\b(?:Dispon[ií]vel\s+em|Disponible\s+en|Available\s+(?:at|from)|Acesso\s+em|Accedido|Consultado\s+(?:el|en)|Recuperado\s+de)\b|https?://|\bdoi:", re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"\b[a-z\u00e7]{3,4}\.(?:/[a-z]{3,4}\.)?\s$")


@dataclass(frozen=True, slots=True)
class Head:
    authors: tuple[Author, ...]
    end: int  # offset just after the author block (and its closing full stop)
    corporate: bool = False
    et_al: bool = False
    aliases: tuple[str, ...] = ()


def _given(text: str, pos: int) -> tuple[str, int, str] | None:
    """The given names from ``pos``: (given, offset after them, what ended them:
    ";" another author, "." the end of the author block)."""
    tokens = list(_TOKEN.finditer(text[pos:pos + 200]))
    words = []
    for index, token in enumerate(tokens):
        word = token.group(0)
        end = pos + token.end()
        if _INITIAL.match(word) or _GIVEN_WORD.match(word):
            initial = _INITIAL.match(word) is not None
            words.append(word.rstrip(";,") if initial else word.rstrip(";,."))
            if word.endswith(";"):
                return " ".join(words), end, ";"
            if word.endswith("."):
                following = tokens[index + 1].group(0) if index + 1 < len(tokens) else ""
                if _NEXT_INITIAL.match(following) or following.lower().startswith("et"):
                    continue
                return " ".join(words), end, "."
            continue
        if word.lower() in PARTICLES and words:
            words.append(word)
            continue
        if word.lower() == "et" and words and index + 1 < len(tokens) and tokens[index + 1].group(0).lower().startswith("al"):
            return " ".join(words), pos + token.start(), "et"
        return None
    return None


def parse_head(text: str) -> Head | None:
    """The upper-case author block at the start of ``text``, or None when the text
    after it does not open a title ("PHAN, C. and LETOUZE, R., 1983" is Harvard)."""
    head = _parse_head(text)
    if head is None:
        return None
    after = text[head.end:].lstrip()
    if not after or not (after[0].isupper() or after[0].isdigit() or after[0] in "\"“‘'[(*_"):
        return None
    return head


def _parse_head(text: str) -> Head | None:
    authors: list[Author] = []
    pos = 0
    et_al = False
    while True:
        family = _FAMILY.match(text, pos)
        if family is None:
            break
        given = _given(text, family.end() + 2)
        if given is None:
            return None
        names, pos, ended = given
        authors.append(Author(family.group(0), names))
        if ended == ".":
            return Head(tuple(authors), pos)
        rest = text[pos:]
        pos += len(rest) - len(rest.lstrip())
        found = _ET_AL.match(text, pos)
        if found:
            end = found.end()
            return Head(tuple(authors), end + (1 if text[end:end + 1] == "." else 0), et_al=True)
        last = _CORPORATE.match(text, pos)
        if last is not None and _FAMILY.match(text, pos) is None:
            # a last co-author written without given names: "GOULET-CAZÉ, M.-O; BRACHT BRANHAM."
            authors.append(Author(last.group(0)))
            return Head(tuple(authors), last.end() + 1)
    if authors:
        return None
    corporate = _CORPORATE.match(text)
    if corporate is None or sum(ch.isalpha() for ch in corporate.group(0)) < 3:
        return None
    name = corporate.group(0)
    if not text[corporate.end() + 2:corporate.end() + 3].isupper() and not text[corporate.end() + 2:corporate.end() + 3].isdigit():
        return None
    aliases = ()
    alias = _ALIAS.search(name)
    if alias:
        aliases = (alias.group(1) or alias.group(2),)
        name = name[: alias.start()].strip()
    single = " " not in name
    return Head((Author(name),), corporate.end() + 1, corporate=not single, et_al=et_al, aliases=aliases)


_FULL_DATE = re.compile(r"(?<![\d.])\d{1,2}[-./]\d{1,2}[-./]((?:1[5-9]|20)\d\d)()\b")
_LATER_EDITION = re.compile(r"\b(?:Trad\.|trad\.|Tradu[cç][aã]o|Traducci[oó]n|Translated|transl\.|Reimpr|reimpr|Reed|reed|ed\.\s+orig)")


def other_years(text: str, year: re.Match[str] | None) -> tuple[str, ...]:
    """Years of a translation or reprint named after the imprint year:
    "Suhrkamp, 1983 (Trad. cast. ... Madrid: Siruela, 2003)" -> ("2003",)."""
    if year is None:
        return ()
    tail = text[year.end():]
    cue = _LATER_EDITION.search(tail)
    if cue is None:
        return ()
    stop = _ONLINE.search(tail, cue.end())
    found = _YEAR.findall(tail, cue.end(), stop.start() if stop else len(tail))
    return tuple(dict.fromkeys(y for y, _ in found if y != year.group(1)))


# a year (or n.d.) right after the author block: Harvard in capitals, not ABNT
_YEAR_NEXT = re.compile(r"\s*(?:[(\[]\s*)?(?:1\d\d\d|20\d\d)[a-z]?[)\].,:;]|\s*[(\[]?(?:n\.\s?d\.|s\.\s?f\.)")


def entry_head(text: str) -> Head | None:
    """The author block of an ABNT entry: an upper-case head not followed by its year
    ("PHAN, C. and LETOUZE, R., 1983." is Harvard in capitals). None for other entries."""
    if not (text[:2].isupper() and text[:1].isalpha()):
        return None
    head = parse_head(text)
    if head is None or _YEAR_NEXT.match(text, head.end):
        return None
    return head


def imprint_year(text: str, start: int) -> re.Match[str] | None:
    """The year of an ABNT entry: the first one after the authors that follows a comma,
    a colon or a month (", 2019", "Hollande: 1797", "jun. 2020"), before any online
    part; else the last one there."""
    stop = _ONLINE.search(text, start)
    end = stop.start() if stop else len(text)
    found = list(_YEAR.finditer(text, start, end))
    for match in found:
        before = text[max(start, match.start() - 8):match.start()]
        if before.endswith((", ", ": ", ",", ":")) or _MONTH_BEFORE.search(before):
            return match
    if found:
        return found[-1]
    return _FULL_DATE.search(text, start, end)  # "Universa Uol. 03-06-2020."
