"""Find author-year citations in running text: the shared vocabulary (years,
locators, name lists, candidates), the parenthetical scanner, and ``scan``.

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
    NOT_AUTHORS,
    PARTICLES,
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
# A locator: "p. 4", "pp. 3-5", "ch. iv", "12a", "xi, 4". The page is written roman
# letters, then its first digit, then any: one way only to read a run of digits
# (``[\divxlc]*\d[\divxlc]*`` had a way for each digit, cubic on a long run).
LOCATOR = (
    r"(?:\s*[,:]\s*|\s+)(?:(?:pp?|paras?|ch|chap|chaps|chapter|part|book|bk|sect|sec|secs|fig|figs|n|nn|note|vol|col|cap|p[aá]gs?|S|f|ff|loc)\.?\s*)?"
    r"(?:[IVXLC]+\b|[ivxlc]*\d[\divxlc]*[a-z]?)(?:\s*[-\u2013\u2014]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-\u2013\u2014]\s*\d+)?)*(?:\s*ff?\.)?"
)
_GROUP = re.compile(r"\(([^()]{1,600})\)")
_WORK = re.compile(
    rf"(?P<names>[^\W\d_][^;()\d]{{0,150}}?)(?P<sep>\s*,\s*|\s+)(?P<years>{YEARS})(?:\s*\[[^\]]{{1,20}}\])?"
    rf"(?P<loc>{LOCATOR})?(?=\s*(?:[,;]|(?:\.\s*)?$|[^\W\d_]))"
)
# "(Miller 2012; 2013)": a part with only years continues the previous author
_YEARS_ONLY = re.compile(rf"\s*(?P<years>{YEARS})(?:\s*\[[^\]]{{1,20}}\])?(?P<loc>{LOCATOR})?\s*(?:\.\s*)?$")
_PREFIX = re.compile(
    r"(?:(?:see\s+also|see|e\.\s?g\.|i\.\s?e\.|cf\.|compare|for\s+example|for\s+instance|as\s+cited\s+in|cited\s+in|"
    r"quoted\s+in|but\s+see|also|and|or|v[ée]ase(?:\s+tambi[ée]n)?|ver|vgl\.|siehe|voir|cit\.\s+en|citado\s+en)\s*(?:,\s*)?)*",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(r"(?:[a-z][\w.\u2019'-]*,?\s+){1,8}")
_ET_AL = re.compile(r"(?:(?<!\s)|(?!\s))(?:\s*,)?\s+(?:et\s*al\b\.?|and\s+colleagues|y\s+cols?\.?|et\s+coll\.?|u\.\s?a\.)$", re.IGNORECASE)
_SPLIT = re.compile(r"(?:(?<!\s)|(?!\s))(?:\s*,\s*(?:(?:and|&|y|und|et|e)\s+)?|\s*&\s*|\s+(?:and|y|und|et|e)\s+)")
CONJUNCTIONS = frozenset({"and", "&", "y", "und", "et", "e"})
POSSESSIVE = re.compile(r"['\u2019]s?$")
_WEAK_WORDS = NOT_AUTHORS | frozenset(MONTHS)
_HAS_YEAR = re.compile(r"\d{3}|n\.\s?d|press|forthcoming|s\.\s?f")
_GAP = re.compile(r"\s*(?:([,;]|(?:and|y|e|et|und|och|og)\b|&)\s*)?")
_NAME_WORD = re.compile(r"[^\W\d_](?:[\w'\u2019\-.]*[^\W\d_])?\.?|&")
_ELIDED = re.compile(r"(?:al|el|d|l)['\u2019\-]")
_SPACES = re.compile(r"\s+")


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
    if POSSESSIVE.search(text) and len(text) > 2:
        text = POSSESSIVE.sub("", text)
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
def is_weak(names: tuple[str, ...]) -> bool:
    return any(word.lower().strip(".") in _WEAK_WORDS for name in names for word in name.split())


def years_in(years: str, base: int) -> list[tuple[str, str, int, int]]:
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
                for year, suffix, ys, ye in years_in(only.group("years"), base + offset + only.start("years")):
                    found.append(Candidate(ys, ye, "parenthetical", names, et_al, year, suffix, group,
                                           (only.group("loc") or "").strip(" ,:"), comma, weak=is_weak(names) or len(year) == 3))
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
                years = years_in(work.group("years"), base + offset + work.start("years"))
                # "(EO 138, 2021)": a three-digit first year reads as a numbered document
                weak = is_weak(names) or len(years[0][0]) == 3
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


def scan(text: str) -> list[Candidate]:
    """All citation candidates in ``text`` (already masked), in text order."""
    from .narrative import (
        scan_narrative,  # narrative builds on this module's vocabulary
    )

    parenthetical = scan_parenthetical(text)
    narrative = scan_narrative(text, group_base=len(parenthetical) + 1)
    return sorted(parenthetical + narrative, key=attrgetter("start", "end", "year", "year_suffix"))
