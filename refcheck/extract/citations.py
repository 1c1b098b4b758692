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
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter, eq

from .data import (
    NAME_FUNCTION_WORDS,
    NOT_AUTHORS,
    PARTICLES,
)
from .dates import MONTHS

YEAR = (
    # a range first: "(Lind, 2015–2020)", "(Berg, 2015–present)" (APA 7 for works updated over years)
    r"(?:(?<!\d)(?:1[5-9]|20)\d\d\s?[-\u2013]\s?(?:(?:1[5-9]|20)\d\d|present|presente|heute)(?![\w\-\u2013])"
    r"|(?<!\d)\d{3,5}(?P<sfx>[a-z])?(?![A-Za-z\d/])(?!\s*[-\u2013\u2014]\s*\d)"
    r"|n\.\s?d\.?|in\s+press(?:-[a-z])?|forthcoming|s\.\s?f\.)"
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
# Chicago's original date before the edition's year: "(Tucci [1961] 2001)", "[350 BCE]"
ORIGINAL = r"(?:\[\s*(?:c\.\s*)?\d{1,4}(?:\s*[-\u2013/]\s*\d{1,4})?(?:\s*(?:BCE|BC|CE|AD|v\.\s*Chr\.|a\.\s*C\.))?\s*\]\s*)"
_WORK = re.compile(
    rf"(?P<names>[\"\u201c]?[^\W\d_][^;()\d]{{0,150}}?)(?P<sep>\s*,\s*|\s+){ORIGINAL}?(?P<years>{YEARS})(?:\s*\[[^\]]{{1,20}}\])?"
    rf"(?P<loc>{LOCATOR})?(?=\s*(?:[,;]|(?:\.\s*)?$|[^\W\d_]))"
)
# "(Miller 2012; 2013)": a part with only years continues the previous author
_YEARS_ONLY = re.compile(rf"\s*(?P<years>{YEARS})(?:\s*\[[^\]]{{1,20}}\])?(?P<loc>{LOCATOR})?\s*(?:\.\s*)?$")
_PREFIX = re.compile(
    r"(?:(?:see\s+also|see|e\.\s?g\.|i\.\s?e\.|cf\.|compare|for\s+example|for\s+instance|as\s+cited\s+in|cited\s+in|"
    r"quoted\s+in|but\s+see|also|and|or|v[ée]ase(?:\s+tambi[ée]n)?|ver|vgl\.|siehe|voir|cit\.\s+en|citado\s+en|apud|"
    r"conforme|segundo|consultar|ver\s+tamb[ée]m)\s*(?:,\s*)?)*",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(r"(?:[a-z][\w.\u2019'-]*,?\s+){1,8}")
# a lead-in phrase up to a comma, German nouns included: "(für mehr Informationen, Metaxas et al. 2014)"
_LEAD_IN_COMMA = re.compile(r"[a-z\u00df-\u00ff][^,;()\d]{0,80},\s+")
# NOT_INSIDE_SPACES: a pattern that opens with spaces starts at the first of a run
# (from inside the run it would match only where the run's start does).
NOT_INSIDE_SPACES = r"(?:(?<!\s)|(?!\s))"
_ET_AL = re.compile(NOT_INSIDE_SPACES + r"(?:\s*,)?\s+(?:et\s*al\b(?:\s?\.)?|and\s+colleagues|y\s+cols?\.?|et\s+coll\.?|u\.\s?a\.)$", re.IGNORECASE)
_SPLIT = re.compile(
    NOT_INSIDE_SPACES + r"(?:\s*,\s*(?:(?:and|&|y|und|u\.|et|e|och|og)\s+)?|\s*&\s*|\s*/\s*|\s+(?:and|y|und|u\.|et|e|och|og)\s+)"
)
CONJUNCTIONS = frozenset({"and", "&", "y", "und", "u.", "et", "e", "och", "og", "/"})
POSSESSIVE = re.compile(r"['\u2019]s?$")
_WEAK_WORDS = NOT_AUTHORS | frozenset(MONTHS)
_HAS_YEAR = re.compile(r"\d{3}|n\.\s?d|press|forthcoming|s\.\s?f")
_GAP = re.compile(r"\s*(?:([,;]|(?:and|y|e|et|und|och|og)\b|&)\s*)?")
_NAME_WORD = re.compile(r"[^\W\d_](?:[\w'\u2019\-.]*[^\W\d_])?\.?|&")
_ELIDED = re.compile(r"(?:al|el|d|l)['\u2019\-]")
_SPACES = re.compile(r"\s+")
# a book or chapter number written as a Roman numeral between a name and its year, as
# classical works are cited: "(EPICTETO, III, 1993, p. 335)". II to XXXIX, not XI (the
# surname Xi in capitals) nor a lone I, V or X (the company X)
_NUMERAL = re.compile(r"(?!XI$)(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})")
_ABBREVIATION = re.compile(NOT_INSIDE_SPACES + r"\s*\[[A-Z][A-Za-z&]{1,11}\]$")


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
    bare: bool = False  # "as Calow and Lappe, 2007 showed": no parentheses; kept only on an exact match


_RANGE = re.compile(r"^(\d{4})\s?[-\u2013]\s?(\w+)$")


def split_year(token: str) -> tuple[str, str]:
    """``2020a`` -> (``2020``, ``a``); ``n.d.`` -> (``n.d.``, ""); ``2015-2020`` ->
    (``2015–2020``, ""); ``in press-a`` -> (``in press``, ``a``)."""
    if len(token) == 4 and token.isdigit():
        return token, ""
    token = _SPACES.sub(" ", token.strip())
    if len(token) > 5 and token[4:5] in "-\u2013 " and token[:4].isdigit():
        found = _RANGE.match(token)
        if found:
            return f"{found.group(1)}\u2013{found.group(2).lower()}", ""
    if token.lower().startswith("in press-"):
        return "in press", token[-1].lower()
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
    if text[:1] in "\"\u201c":  # a title in quotes, for a work without an author: ("Merriam-Webster," n.d.)
        text = text.strip("\"\u201c\u201d").rstrip(",").strip()
    possessive = False
    if POSSESSIVE.search(text) and len(text) > 2:
        text = POSSESSIVE.sub("", text)
        possessive = True
    et_al = False
    found = _ET_AL.search(text)
    if found:
        et_al = True
        text = text[: found.start()].strip().rstrip(",")
    if text.endswith("]") and "[" in text:
        text = _ABBREVIATION.sub("", text)  # "Center for Collegiate Mental Health [CCMH]"
    if not text:
        return None
    names = tuple(n.strip() for n in _SPLIT.split(text) if n.strip())
    if len(names) > 1:  # "EPICTETO, III": the numeral is a locator, not a co-author
        names = names[:1] + tuple(n for n in names[1:] if not _NUMERAL.fullmatch(n))
    if not names or not all(_name_ok(n) for n in names):
        return None
    return names, et_al, possessive


@lru_cache(maxsize=1 << 18)
def is_weak(names: tuple[str, ...]) -> bool:
    if _NUMERAL.fullmatch(names[0]):
        return True  # "(III, 1993, p. 321)": a book number standing for its author's work
    for name in names:  # loops, not a generator in any(): most names are read once
        for word in name.split():
            if word.lower().strip(".") in _WEAK_WORDS:
                return True
    return False


def years_in(years: str, base: int) -> list[tuple[str, str, int, int]]:
    """The years of a year list, (year, suffix, start, end) each, offsets from ``base``."""
    return [(year, suffix, base + start, base + end) for year, suffix, start, end in years_of(years)]


@lru_cache(maxsize=1 << 12)
def years_of(years: str) -> tuple[tuple[str, str, int, int], ...]:
    """The years of a year list (``2019, 2020a``) with offsets into it: a few
    hundred distinct lists make a document's citations."""
    return tuple((*split_year(match.group(0)), match.start(), match.end()) for match in _YEAR_ONE.finditer(years))


def _upper_names(part: str) -> bool:
    """An ABNT co-author part without a year: ``SILVA`` in ``(SILVA; SOUZA, 2019)``."""
    text = part.strip()
    text = text[_PREFIX.match(text).end():] if not text[:1].isupper() else text
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 2 or any(ch.isdigit() for ch in text) or not all(ch.isupper() for ch in letters):
        return False
    return parse_names(text) is not None


def join_coauthors(parts: list[str]) -> list[str]:
    """ABNT separates co-authors with ";" as other styles separate citations:
    ``(ELLIFF; KIKUCHI, 2017)`` is one work by two authors. Year-less parts of
    upper-case names are joined to the part that follows (";" read as ",", so
    offsets stay put)."""
    if len(parts) < 2:
        return parts
    out: list[str] = []
    pending = ""
    for index, part in enumerate(parts):
        if index + 1 < len(parts) and _upper_names(part):
            pending += part + ","
            continue
        out.append(pending + part)
        pending = ""
    return out


def scan_parenthetical(scan: str, group_base: int = 0) -> list[Candidate]:
    found: list[Candidate] = []
    group = group_base
    read: dict[str, tuple | None] = {}  # a group's contents -> its works (a document repeats its citations)
    append = found.append
    for paren in _GROUP.finditer(scan):
        content = paren[1]
        works = read.get(content, _UNREAD)
        if works is _UNREAD:
            works = read[content] = read_group(content) if _HAS_YEAR.search(content) else None
        if works is None:
            continue
        group += 1  # a group with a year counts, even when no work is read in it ("(2019)")
        if works:
            base = paren.start(1)
            for start, end, names, et_al, year, suffix, locator, comma, missing, weak in works:
                append(Candidate(base + start, base + end, "parenthetical", names, et_al, year, suffix, group,
                                 locator, comma, missing, weak))
    return found


_UNREAD = object()


# The commonest contents, "Lemon, 2018", "Lemon et al., 2018", "Lemon and Lime, 2018",
# read without the general reader's search; a test holds the two readings equal.
_SIMPLE = re.compile(r"([A-Z][a-z]+)(?:( et al\.)| (?:and|&) ([A-Z][a-z]+))?, ((?:1[6-9]|20)[0-9][0-9])")


def read_group(content: str) -> tuple[tuple, ...]:
    """The works cited in one parenthetical's contents, with offsets into the
    contents: (start, end, authors, et_al, year, suffix, locator, comma,
    separator_missing, weak) each."""
    simple = _SIMPLE.fullmatch(content)
    if simple is None:
        return read_works(content)
    first, et_al, second, year = simple.groups()
    names = (first, second) if second else (first,)
    return ((0, len(content), names, et_al is not None, year, "", "", True, False, is_weak(names)),)


def read_works(content: str) -> tuple[tuple, ...]:
    """:func:`read_group` for any contents."""
    found: list[tuple] = []
    offset = 0
    previous: tuple[tuple[str, ...], bool, bool] | None = None
    for part in join_coauthors(content.split(";")):
        lead = len(part) - len(part.lstrip())
        pos = lead if part[lead:lead + 1].isupper() else max(_PREFIX.match(part).end(), lead)
        missing = False
        only = _YEARS_ONLY.match(part) if previous else None
        if only:
            names, et_al, comma = previous
            for year, suffix, ys, ye in years_in(only.group("years"), offset + only.start("years")):
                found.append((ys, ye, names, et_al, year, suffix, (only.group("loc") or "").strip(" ,:"), comma,
                              False, is_weak(names) or len(year) == 3))
            offset += len(part) + 1
            continue
        while pos < len(part):
            work = _WORK.match(part, pos)
            parsed = parse_names(work.group("names")) if work else None
            if parsed is None:
                # a lead-in in lower case: "(for the following, see esp. Forst 2013)"
                for lead_in in (_LEAD_IN_COMMA.match(part, pos), _LEAD_IN.match(part, pos)):  # (both anchored)
                    work = _WORK.match(part, lead_in.end()) if lead_in else None
                    parsed = parse_names(work.group("names")) if work else None
                    if parsed is not None:
                        break
                if parsed is None:
                    break
            names, et_al, _ = parsed
            comma = "," in work.group("sep") or work.group("names").rstrip("\"\u201d").endswith(",")
            # "(DIÓGENES LAERCIO, VII 187, 2010)": the name ends at the comma before the book number
            _, cut, last = work.group("names").rstrip(" ,").rpartition(",")
            book = bool(cut) and _NUMERAL.fullmatch(last.strip()) is not None
            comma = comma or book
            previous = (names, et_al, comma)
            start = offset + work.start()
            years = years_in(work.group("years"), offset + work.start("years"))
            # "(EO 138, 2021)": a three-digit first year reads as a numbered document,
            # "(Hoechst 33342)" a five-digit one as a product (kept when the name matches)
            # a year range ("Obama First Term (2009–2013)") is as often a period as a work
            weak = is_weak(names) or len(years[0][0]) in (3, 5) or "\u2013" in years[0][0]
            # "(Aristotle 1998, 1094a)": a later number below the first year is a page
            first = years[0][0]
            years = [y for i, y in enumerate(years) if i == 0 or not (y[0].isdigit() and first.isdigit() and int(y[0]) < int(first))]
            if len(years) > 1 and len(first) == 3 and book:
                years = years[1:]  # "(DIÓGENES LAERCIO, VII 187, 2010)": book VII, section 187
            locator = (work.group("loc") or "").strip(" ,:")
            for index, (year, suffix, ys, ye) in enumerate(years):
                if len(years) == 1:
                    span = (start, offset + work.end())
                else:
                    span = (start, ye) if index == 0 else (ys, ye)
                found.append((span[0], span[1], names, et_al, year, suffix, locator, comma, missing and index == 0, weak))
            gap = _GAP.match(part, work.end())
            pos = gap.end()
            missing = not gap.group(1) and pos < len(part)
            if not part[pos:pos + 1].isupper():
                pos = _PREFIX.match(part, pos).end()
        offset += len(part) + 1
    return tuple(found)


def scan(text: str) -> list[Candidate]:
    """All citation candidates in ``text`` (already masked), in text order."""
    from .narrative import (
        scan_narrative,  # narrative builds on this module's vocabulary
    )

    parenthetical = scan_parenthetical(text)
    narrative = scan_narrative(text, group_base=len(parenthetical) + 1)
    bare = scan_bare(text, parenthetical + narrative, group_base=len(parenthetical) + len(narrative) + 2)
    return in_text_order(parenthetical + narrative + bare)


_START = attrgetter("start")
_ORDER = attrgetter("start", "end", "year", "year_suffix")


def in_text_order(found: list[Candidate]) -> list[Candidate]:
    """``sorted(found, key=_ORDER)``, in place: by the start alone (an int, no key
    tuples) when no two candidates start together, as is usual; where two do
    ("Lind (2020, 2019)"), the whole key orders them."""
    found.sort(key=_START)
    starts = list(map(_START, found))
    if any(map(eq, starts, starts[1:])):
        found.sort(key=_ORDER)
    return found


# eLife's web style writes narrative citations without parentheses: "In a previous
# attempt, Calow and Lappe, 2007 simulated ..." The pattern opens with its capital
# (the look-behind after it) so that the search skips to the capitals of the text.
_BARE = re.compile(
    r"(?P<names>[A-Z](?<![\w(\[][A-Z])[\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-]+)?"
    r"(?:\s+(?:and|&)\s+[A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-]+)?|\s+et\s+al\.)?),\s(?P<year>(?:1[6-9]|20)\d\d[a-z]?)(?![\w\-\u2013])"
)


def scan_bare(scan: str, found: list[Candidate], group_base: int = 0) -> list[Candidate]:
    """Citations without parentheses, outside every group already found. They are weak
    and bare: the linker keeps one only when it matches an entry exactly."""
    if ", 1" not in scan and ", 2" not in scan:
        return []
    taken: list[tuple[int, int]] | None = None  # the spans found, sorted once a match needs them
    out: list[Candidate] = []
    group = group_base
    for match in bare_matches(scan):
        start = match.start()
        if taken is None:
            taken = sorted((c.start, c.end) for c in found)
            starts = [a for a, _ in taken]
        index = bisect_right(starts, match.end()) - 1
        if index >= 0 and taken[index][1] > start:
            continue
        parsed = parse_names(match.group("names"))
        if parsed is None:
            continue
        names, et_al, _ = parsed
        year, suffix = split_year(match.group("year"))
        group += 1
        out.append(Candidate(match.start(), match.end(), "narrative", names, et_al, year, suffix, group, weak=True, bare=True))
    return out


_BARE_TAIL = re.compile(r",\s(?:1[6-9]|20)\d\d")


def _in_parenthesis(scan: str, at: int) -> bool:
    """Is an opening parenthesis the last of either kind in the 200 characters before ``at``?"""
    window = max(0, at - 200)
    return scan.rfind("(", window, at) > scan.rfind(")", window, at)


def bare_matches(scan: str) -> Iterator[re.Match[str]]:
    """The matches of ``_BARE.finditer(scan)`` that do not start in a parenthesis,
    found from their tails (", 2007"), the one comma a match holds: a tail in a
    parenthesis is skipped (any match ending there starts in it too: its names
    hold no parenthesis), and for the others the pattern is tried from the comma
    before (or the end of the last match) to the end of the tail. A match found
    there can still start in a parenthesis further back than the tail's 200
    characters: it is not yielded, and the next search starts after it, as
    finditer's would."""
    end = 0
    rfind = scan.rfind
    for tail in _BARE_TAIL.finditer(scan):
        comma = tail.start()
        window = comma - 200 if comma > 200 else 0
        if rfind("(", window, comma) > rfind(")", window, comma):  # _in_parenthesis(scan, comma), inline
            continue
        match = _BARE.search(scan, max(rfind(",", end, comma) + 1, end), comma + 8)
        if match:
            end = match.end()
            if not _in_parenthesis(scan, match.start()):
                yield match
