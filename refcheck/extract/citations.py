"""Find author-year citations in running text.

Parenthetical: ``(Sullivan, 2019; Abbasova, 2022)``, ``(Moreau and Ito 2009,
Okafor et al. 2004)``, ``(see Smith, 2019, 2020a, p. 4)``. Narrative:
``Lemon (2018)``, ``Vanderhill et al. (2020)``, ``Smith and Jones's (2019)``.

The scanner yields *candidates*. A candidate is ``weak`` when its author text
could as well be a place, an event or a date ("the Paris Agreement (2015)",
"(May 2022)"); the linker keeps a weak candidate only if it matches a reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from .data import (
    NAME_FUNCTION_WORDS,
    NARRATIVE_LEADERS,
    NOT_AUTHORS,
    PARTICLES,
    REPORTING_VERBS,
)
from .dates import MONTHS

YEAR = (
    r"(?:(?<!\d)\d{3,5}(?P<sfx>[a-z])?(?![A-Za-z\d/])(?!\s*[-\u2013\u2014]\s*\d)"
    r"|n\.\s?d\.?|in\s+press|forthcoming|s\.\s?f\.)"
)
_YEAR_ONE = re.compile(YEAR)
# a year list: "2019, 2020a"; only the first may have three digits ("Augustine 408"),
# so that "(Held 1995, 123)" keeps 123 as a page
YEARS = YEAR.replace("(?P<sfx>", "(?:") + r"(?:\s*[,;]\s*" + YEAR.replace("(?P<sfx>", "(?:").replace(r"\d{3,5}", r"\d{4,5}") + ")*"
LOCATOR = (
    r"(?:\s*[,:]\s*|\s+)(?:(?:pp?|paras?|ch|chap|chaps|chapter|part|book|bk|sect|sec|secs|fig|figs|n|nn|note|vol|col|cap|p[aá]gs?|S|f|ff|loc)\.?\s*)?"
    r"(?:[IVXLC]+\b|[\divxlc]*\d[\divxlc]*[a-z]?)(?:\s*[-\u2013\u2014]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-\u2013\u2014]\s*\d+)?)*(?:\s*ff?\.)?"
)
_GROUP = re.compile(r"\(([^()]{1,600})\)")
_WORK = re.compile(
    rf"(?P<names>[^\W\d_][^;()\d]{{0,150}}?)(?P<sep>\s*,\s*|\s+)(?P<years>{YEARS})(?:\s*\[[^\]]{{1,20}}\])?"
    rf"(?P<loc>{LOCATOR})?(?=\s*(?:[,;]|\.?\s*$|[^\W\d_]))"
)
# "(Miller 2012; 2013)": a part with only years continues the previous author
_YEARS_ONLY = re.compile(rf"\s*(?P<years>{YEARS})(?:\s*\[[^\]]{{1,20}}\])?(?P<loc>{LOCATOR})?\s*\.?\s*$")
_PREFIX = re.compile(
    r"(?:(?:see\s+also|see|e\.\s?g\.|i\.\s?e\.|cf\.|compare|for\s+example|for\s+instance|as\s+cited\s+in|cited\s+in|"
    r"quoted\s+in|but\s+see|also|and|or|v[ée]ase(?:\s+tambi[ée]n)?|ver|vgl\.|siehe|voir|cit\.\s+en|citado\s+en)\s*,?\s*)*",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(r"(?:[a-z][\w.\u2019'-]*,?\s+){1,8}")
# "Goethe (1829, 507, transl. by ...)": a comment after the locator is allowed
_NARRATIVE = re.compile(rf"\(\s*(?P<years>{YEARS})(?P<loc>{LOCATOR})?(?:\s*,[^()]{{0,80}})?\s*\)")
_TOKEN = re.compile(r"et\s+al\.?|[^\W\d_][\w'\u2019\-.]*|&|,|[^\s\w]|\d+")
_ET_AL = re.compile(r"(?:\s*,)?\s+(?:et\s*al\b\.?|and\s+colleagues|y\s+cols?\.?|et\s+coll\.?|u\.\s?a\.)$", re.IGNORECASE)
_SPLIT = re.compile(r"\s*,\s*(?:(?:and|&|y|und|et|e)\s+)?|\s*&\s*|\s+(?:and|y|und|et|e)\s+")
_CONJUNCTIONS = frozenset({"and", "&", "y", "und", "et", "e"})
_AUTHOR_CUES = frozenset({"as", "by", "see", "cf", "cf.", "according", "following", "like", "unlike", "per", "después", "segun", "según", "como"})
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_WEAK_WORDS = NOT_AUTHORS | frozenset(MONTHS)
_HAS_YEAR = re.compile(r"\d{3}|n\.\s?d|press|forthcoming|s\.\s?f")
_GAP = re.compile(r"\s*([,;]|(?:and|y|e|et|und|och|og)\b|&)?\s*")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
_NAME_WORD = re.compile(r"[^\W\d_](?:[\w'\u2019\-.]*[^\W\d_])?\.?|&")
_ELIDED = re.compile(r"(?:al|el|d|l)['\u2019\-]")
_SPACES = re.compile(r"\s+")
_ENDS_POSSESSIVE = re.compile(r"['\u2019]s?$")
_INITIAL = re.compile(r"[A-Z]\.")


@dataclass(slots=True)
class Candidate:  # internal and short-lived: not frozen, which makes it cheaper to build
    start: int
    end: int
    form: str
    authors: tuple[str, ...]
    et_al: bool
    year: str
    year_suffix: str
    group: int
    locator: str = ""
    comma: bool = True
    separator_missing: bool = False
    weak: bool = False
    # narrative only: (start, authors) with leading words trimmed, longest first
    variants: tuple[tuple[int, tuple[str, ...]], ...] = ()
    variant_names: tuple[tuple[str, ...], ...] = ()  # the authors of each variant (a memo key)


def split_year(token: str) -> tuple[str, str]:
    """``2020a`` -> (``2020``, ``a``); ``n.d.`` -> (``n.d.``, "")."""
    if len(token) == 4 and token.isdigit():
        return token, ""
    token = _SPACES.sub(" ", token.strip())
    if token[:1].isdigit():
        if token[-1].isalpha():
            return token[:-1], token[-1]
        return token, ""
    low = token.lower().replace(" ", "")
    if low.startswith(("n.d", "s.f")):
        return "n.d.", ""
    return token.lower(), ""


def _name_ok(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 14:
        return False
    seen_capital = False
    for word in words:
        bare = word.strip(".")
        if not bare:
            return False
        if not _NAME_WORD.fullmatch(word):
            return False
        low = bare.lower()
        if bare[0].isupper():
            seen_capital = True
        elif low in PARTICLES or low in NAME_FUNCTION_WORDS or _ELIDED.match(low):
            if low in NAME_FUNCTION_WORDS and not seen_capital and low not in PARTICLES and low != "the":
                return False
        else:
            return False
    last = words[-1].strip(".")
    return seen_capital and last[:1].isupper()


@lru_cache(maxsize=1 << 18)
def parse_names(text: str) -> tuple[tuple[str, ...], bool, bool] | None:
    """``Gleason and Dunay`` -> ((``Gleason``, ``Dunay``), et_al, possessive)."""
    text = _SPACES.sub(" ", text).strip().rstrip(",").strip()
    possessive = False
    if _ENDS_POSSESSIVE.search(text) and len(text) > 2:
        text = _POSSESSIVE.sub("", text)
        possessive = True
    et_al = False
    found = _ET_AL.search(text)
    if found:
        et_al = True
        text = text[: found.start()].strip().rstrip(",")
    if not text:
        return None
    names = tuple(n.strip() for n in _SPLIT.split(text) if n.strip())
    if not names or not all(_name_ok(n) for n in names):
        return None
    return names, et_al, possessive


@lru_cache(maxsize=1 << 18)
def _is_weak(names: tuple[str, ...]) -> bool:
    return any(word.lower().strip(".") in _WEAK_WORDS for name in names for word in name.split())


def _years(years: str, base: int) -> list[tuple[str, str, int, int]]:
    out = []
    for match in _YEAR_ONE.finditer(years):
        year, suffix = split_year(match.group(0))
        out.append((year, suffix, base + match.start(), base + match.end()))
    return out


def scan_parenthetical(scan: str, group_base: int = 0) -> list[Candidate]:
    found: list[Candidate] = []
    group = group_base
    for paren in _GROUP.finditer(scan):
        content = paren.group(1)
        if not _HAS_YEAR.search(content):
            continue
        group += 1
        base = paren.start(1)
        offset = 0
        previous: tuple[tuple[str, ...], bool, bool] | None = None
        for part in content.split(";"):
            lead = len(part) - len(part.lstrip())
            pos = lead if part[lead:lead + 1].isupper() else max(_PREFIX.match(part).end(), lead)
            missing = False
            only = _YEARS_ONLY.match(part) if previous else None
            if only:
                names, et_al, comma = previous
                for year, suffix, ys, ye in _years(only.group("years"), base + offset + only.start("years")):
                    found.append(Candidate(ys, ye, "parenthetical", names, et_al, year, suffix, group,
                                           (only.group("loc") or "").strip(" ,:"), comma, weak=_is_weak(names) or len(year) == 3))
                offset += len(part) + 1
                continue
            while pos < len(part):
                work = _WORK.match(part, pos)
                parsed = parse_names(work.group("names")) if work else None
                if parsed is None:
                    # a lead-in in lower case: "(for the following, see esp. Forst 2013)"
                    lead_in = _LEAD_IN.match(part, pos)
                    work = _WORK.match(part, lead_in.end()) if lead_in else None
                    parsed = parse_names(work.group("names")) if work else None
                    if parsed is None:
                        break
                names, et_al, _ = parsed
                previous = (names, et_al, "," in work.group("sep"))
                start = base + offset + work.start()
                years = _years(work.group("years"), base + offset + work.start("years"))
                # "(EO 138, 2021)": a three-digit first year reads as a numbered document
                weak = _is_weak(names) or len(years[0][0]) == 3
                for index, (year, suffix, ys, ye) in enumerate(years):
                    if len(years) == 1:
                        span = (start, base + offset + work.end())
                    else:
                        span = (start, ye) if index == 0 else (ys, ye)
                    found.append(
                        Candidate(
                            span[0], span[1], "parenthetical", names, et_al, year, suffix, group,
                            (work.group("loc") or "").strip(" ,:"), comma="," in work.group("sep"),
                            separator_missing=missing and index == 0, weak=weak,
                        )
                    )
                gap = _GAP.match(part, work.end())
                pos = gap.end()
                missing = not gap.group(1) and pos < len(part)
                if not part[pos:pos + 1].isupper():
                    pos = _PREFIX.match(part, pos).end()
            offset += len(part) + 1
    return found


def _walk_back(scan: str, start: int) -> tuple[list[tuple[str, int]], bool, bool, str, tuple[str, int] | None]:
    """Collect the name tokens before a ``(year)``: returns (tokens, et_al,
    possessive, the word just before the names, and the owner of a titled
    work: ``Locke`` in "Locke's A Letter Concerning Toleration (1689)")."""
    window_start = max(0, start - 120)
    window = scan[window_start:start]
    if "\n\n" in window:
        window_start += window.rindex("\n\n") + 2
        window = scan[window_start:start]
    tokens = [(m.group(0), window_start + m.start()) for m in _TOKEN.finditer(window)]
    et_al = possessive = False
    i = len(tokens) - 1
    if i >= 0 and tokens[i][0].lower().startswith("et") and "al" in tokens[i][0].lower():
        et_al = True
        i -= 1
        if i >= 0 and tokens[i][0] == ",":
            i -= 1
    taken: list[tuple[str, int]] = []
    owner = None
    seen_conjunction = False
    while i >= 0 and len(taken) < 16:
        word, pos = tokens[i]
        low = word.lower()
        is_last = not taken
        if is_last and _POSSESSIVE.search(word) and len(word) > 2 and word[0].isupper():
            word = _POSSESSIVE.sub("", word)
            possessive = True
        if word[0].isupper() and word[0].isalpha() and (not word.endswith(".") or _INITIAL.fullmatch(word)):
            if not is_last and _POSSESSIVE.search(word):
                owner = (_POSSESSIVE.sub("", word), pos)
                break
            taken.append((word, pos))
        elif low in PARTICLES and taken and low not in _CONJUNCTIONS:
            taken.append((word, pos))
        elif low in _CONJUNCTIONS and taken:
            seen_conjunction = True
            taken.append((word, pos))
        elif word == "," and taken and seen_conjunction:
            taken.append((word, pos))
        else:
            break
        i -= 1
    taken.reverse()
    while taken and (taken[0][0].lower() in _CONJUNCTIONS or taken[0][0] == "," or taken[0][0].lower() in PARTICLES and len(taken) == 1):
        taken.pop(0)
        i += 1
    before = tokens[i][0].lower() if i >= 0 else ""
    return taken, et_al, possessive, before, owner


def _group_names(taken: list[tuple[str, int]]) -> list[tuple[str, int]]:
    names: list[tuple[list[str], int]] = []
    current: list[str] = []
    start = -1
    for word, pos in taken:
        if word == "," or word.lower() in _CONJUNCTIONS:
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


def scan_narrative(scan: str, group_base: int = 0) -> list[Candidate]:
    found: list[Candidate] = []
    group = group_base
    for match in _NARRATIVE.finditer(scan):
        taken, et_al, possessive, before, owner = _walk_back(scan, match.start())
        if not taken:
            continue
        names = _group_names(taken)
        if not names:
            continue
        first_words = names[0][0].split()
        first_positions = [pos for word, pos in taken if word in first_words][: len(first_words)]
        variants = []
        for k in range(len(first_words)):
            authors = (" ".join(first_words[k:]),) + tuple(n for n, _ in names[1:])
            variants.append((first_positions[k] if k < len(first_positions) else names[0][1], authors))
        if owner is not None:
            variants.append((owner[1], (owner[0],)))
        variants = tuple(variants)
        variant_names = tuple(names for _, names in variants)
        trimmed = 0
        while trimmed < len(first_words) - 1 and first_words[trimmed].lower() in NARRATIVE_LEADERS:
            trimmed += 1
        start, authors = variants[trimmed]
        after = _NEXT_WORD.match(scan, match.end(), match.end() + 40)
        next_word = after.group(1).lower() if after else ""
        single_words = all(len(n.split()) == 1 for n in authors)
        strong = (
            et_al
            or possessive
            or before in ("", ".", "!", "?", ";", ":")  # starts a sentence or clause
            or next_word in REPORTING_VERBS
            or before in _AUTHOR_CUES
            or (trimmed > 0 and first_words[trimmed - 1].lower() in _AUTHOR_CUES)
            or (len(authors) > 1 and single_words)
        )
        weak = not strong or _is_weak(authors)
        group += 1
        for year, suffix, _ys, _ye in _years(match.group("years"), match.start("years")):
            found.append(
                Candidate(
                    start, match.end(), "narrative", authors, et_al, year, suffix, group,
                    (match.group("loc") or "").strip(" ,:"), weak=weak or len(year) == 3,
                    variants=variants, variant_names=variant_names,
                )
            )
    return found


def scan(text: str) -> list[Candidate]:
    """All citation candidates in ``text`` (already masked), in text order."""
    parenthetical = scan_parenthetical(text)
    narrative = scan_narrative(text, group_base=len(parenthetical) + 1)
    return sorted(parenthetical + narrative, key=attrgetter("start", "end", "year", "year_suffix"))
