"""Locate the reference list and split it into entries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import abnt
from .data import (
    END_HEADINGS,
    NAME_FUNCTION_WORDS,
    PARTICLES,
    REFERENCE_HEADINGS,
    TRAILER_PREFIXES,
)
from .names import fold

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_HASHES = re.compile(r"^#{1,6}\s*")
_NUMBER_MARK = re.compile(r"\s*[\[(]?\d")
_SPACE_RUN = re.compile(r"\s+")
_UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,}|~{3,}|\^{3,}|\*{3,})\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[ivxlc]+\.|[a-z]\.)\s+", re.IGNORECASE)
# (a year that opens a hard-wrapped line -- "1998. p. 11-30", "2018) and ...", "(2019).
# Title", "[1961] 2001" -- is no list number: list numbers are at most 1499 here)
_BULLET = re.compile(
    r"^\s*(?:[-*+\u2022\u25aa\u25cf\u2013\u2014]\s+|(?![\[(]?(?:1[5-9]\d\d|20\d\d)\D)(?:\d{1,4}[.)]\s+|\[\d{1,4}\]\s*|\(\d{1,4}\)\s+))"
)
# outside a bulleted list, a dash that opens a line is the text's: "(Mestrado)" / "– Faculdade de ..."
_DASH_BULLET = re.compile(r"^\s*[\u2013\u2014]\s")
_DASH_AUTHOR = re.compile(r"^\s*(?:[-\u2012\u2013\u2014\u2015_]\s?){2,}[.,]?\s")
_DASHES = "-\u2012\u2013\u2014\u2015_"  # what _DASH_AUTHOR opens with, after its spaces
_LOWER_STARTS = ("van ", "von ", "de ", "del ", "della ", "der ", "den ", "des ", "di ", "da ", "du ", "al-", "el-", "d'", "d’", "ten ", "ter ", "le ", "la ")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}\s*$", re.IGNORECASE)
# A year where a reference list puts it: after the authors.
_ENTRY_YEAR = re.compile(
    r"(?:^|[\s(,.])(?:1[5-9]\d\d|20\d\d)(?:[-\u2013](?:1[5-9]\d\d|20\d\d|present))?[a-z]?(?=[).,:;\s]|$)"
    r"|\bn\.\s?d\.|\(in press(?:-[a-z])?\)|\bforthcoming\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Entry:
    """A raw reference-list entry: its text and where it starts and ends."""

    start: int
    end: int
    text: str  # lines joined with single spaces, bullet stripped
    numbered: bool = False  # opened by "1." / "[1]" / "(1)"


@dataclass(frozen=True, slots=True)
class Section:
    heading_start: int
    start: int  # first character after the heading
    end: int
    entries: tuple[Entry, ...]
    heading: bool = True  # False: a trailing block of entries found without a heading


def heading_text(line: str) -> str:
    """Normalise a candidate heading: ``## 7. References:`` -> ``references``."""
    text = line.strip()
    if text.startswith("#"):
        text = _HASHES.sub("", text).strip()
    text = text.strip("*_=#").strip()
    text = _NUMBERING.sub("", text)
    text = text.rstrip(":.").strip()
    return _SPACE_RUN.sub(" ", fold(text).lower())


def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _is_heading_line(lines: list[tuple[int, str]], i: int) -> bool:
    """A line set off as a heading: Markdown ``#``, underlined, or standing alone."""
    line = lines[i][1]
    if _MD_HEADING.match(line):
        return True
    if i + 1 < len(lines) and _UNDERLINE.match(lines[i + 1][1]) and line.strip():
        return True
    return False


# Lower-case words that may stand in the author part of an entry's first line (compared
# without their punctuation): name particles and function words, conjunctions, roles.
_HEAD_LOWER = NAME_FUNCTION_WORDS | frozenset(
    {"&", "al", "e", "u", "och", "og", "en", "with", "ed", "eds", "hrsg", "hg", "trans", "dir", "org", "orgs",
     "coord", "comp", "others"}
)
_HEAD_WORD_STRIP = ",.;:()[]*_\"'“”‘’/"
_APA_NO_AUTHOR = re.compile(r"\.\s*\(\s*(?:1[5-9]\d\d|20\d\d)[a-z]?[^)]{0,30}\)\s*\.?\s*$|\.\s*\(\s*$")
_AFTER_YEAR = re.compile(r"[).,:;\]]|\s*$")


_ASCII_DIGIT = re.compile(r"[0-9]")


def _has_digit(text: str) -> bool:
    """``any(ch.isdigit() for ch in text)``; in ASCII only 0-9 are digits."""
    if text.isascii():
        return _ASCII_DIGIT.search(text) is not None
    return any(ch.isdigit() for ch in text)


# every word opens with a capital (A-Z) or is "&": each passes _author_shaped's word test
_CAPITALISED = re.compile(r"\s*(?:[A-Z]\S*|&)(?:\s+(?:[A-Z]\S*|&))*\s*")


def _author_shaped(head: str) -> bool:
    """The text before an entry's year reads as a list of names or an institution."""
    words = head.split()
    if not words or len(words) > 30 or _has_digit(head):
        return False
    if _CAPITALISED.fullmatch(head):
        return True  # "Lemon, A., Lime, B., & Kiwi, C. ": _name_words would pass each word
    return _name_words(words)


def _name_words(words: list[str]) -> bool:
    """Is each word of an author part one a name list or an institution may hold?"""
    for word in words:
        bare = word.strip(_HEAD_WORD_STRIP)
        if word[:1] in "([" and bare and not (bare.isupper() or bare.lower() in _HEAD_LOWER):
            return False  # "Text (Okafor, 2019)": a citation in prose, not "Smith, J. (Ed.)" or "[NASA]"
        if not bare or bare[0].isupper() or bare.lower() in _HEAD_LOWER or bare.lower() in PARTICLES:
            continue
        if "/" in word or bare.lower().startswith(("d'", "d\u2019", "al-", "el-")):
            continue
        return False
    return True


@lru_cache(maxsize=1 << 18)
def looks_like_entry_start(line: str) -> bool:
    """Does this line open a reference entry? Authors (or an institution), then a
    year followed by punctuation; or an upper-case ABNT author head."""
    body = _BULLET.sub("", line, count=1).strip()
    if not body:
        return False
    # the body starts with no space: _DASH_AUTHOR can match only where it starts with a dash
    if body[0] in _DASHES and _DASH_AUTHOR.match(body + " ") and body.strip("-\u2012\u2013\u2014\u2015_., "):
        return True  # "———. 1996. Title": the author of the entry before (not a bare rule "---")
    first = body.lstrip("\"'“‘«[(*_")
    if not (first[:1].isupper() or first.lower().startswith(_LOWER_STARTS)):
        return False
    # both ABNT heads open with two capitals (or a capital and an apostrophe or a hyphen)
    if not first[1:2].islower() and (abnt.PERSON_HEAD.match(first) or abnt.BODY_HEAD.match(first)):
        return True  # upper-case ABNT heads: "SILVA, J. A.;", "BRASIL. Lei ..."
    match = _ENTRY_YEAR.search(body, 0, 320)
    if match is None:
        return False
    if not _AFTER_YEAR.match(body, match.end()):
        return False  # "Proceedings of the 2019 Conference": a year inside a phrase
    head = body[: match.start()]
    if ":" in head or "“" in head or " http" in head:
        return False
    if _author_shaped(head):
        return True
    # APA works without an author: "Title of the work. (2019)."
    return len(head.split()) <= 20 and _APA_NO_AUTHOR.search(body[: match.end() + 3]) is not None


_TRAILER_LENGTH = max(map(len, TRAILER_PREFIXES)) + 1


def _is_end(lines: list[tuple[int, str]], i: int) -> bool:
    line = lines[i][1]
    stripped = line.strip()
    if not stripped:
        return False
    if _is_heading_line(lines, i) or _RULE.match(stripped):
        return True
    if len(stripped) > 80:  # lower() maps no character to none: the prefixes' length of it will do
        return stripped[:_TRAILER_LENGTH].lower().startswith(TRAILER_PREFIXES)
    norm = heading_text(stripped)
    stands_alone = i == 0 or not lines[i - 1][1].strip()
    if (norm in END_HEADINGS or norm in REFERENCE_HEADINGS) and stands_alone and not stripped.endswith("."):
        return True
    low = stripped.lower()
    return low.startswith(TRAILER_PREFIXES)


_RUNNING_HEAD = re.compile(r"^(?=(?:[^a-z\d,]*?[A-Z]){8})[^a-z\d,]+$")
_HTML_DEBRIS = re.compile(r"^(?:</?[A-Za-z][^<>]{0,200}>\s*)+$")
_FOOTNOTE_DEF = re.compile(r"^\s{0,3}\[\^[^\]]{1,40}\]:")


def _is_noise(line: str) -> bool:
    """Page numbers and running heads left behind by PDF extraction, and HTML
    tags left alone on a line by a conversion ("</div>")."""
    stripped = line.strip()
    if len(stripped) > 120:
        return False
    if stripped.startswith("<") and _HTML_DEBRIS.match(stripped):
        return True
    # (not a line in capitals that ends with a full stop: an ABNT author, "INSTITUTO NACIONAL ... – INEP.")
    return bool(_PAGE_NUMBER.match(stripped) or (_RUNNING_HEAD.match(stripped) and not stripped.endswith(".")
                                                 and not any(c.islower() for c in stripped)))


_OPEN_END = re.compile(r"(?:^|\s)(?:and|of|the|in|for|to|y|und|et|e|de|du|des|der|die|das)$")


def _ends_open(line: str) -> bool:
    """A line that cannot end an entry: it stops mid-phrase."""
    stripped = line.rstrip()
    return bool(stripped) and (stripped.endswith(("-", ",", ":", "&", "(", ";")) or _OPEN_END.search(stripped[-5:]) is not None)


# a URL ends the line: what ``https?://\S+$`` finds, tried only from the start of the last word
_URL_AT_END = re.compile(r"(?<!\S)(?=\S+$)\S*https?://\S")


def _ends_closed(line: str) -> bool:
    stripped = line.rstrip()
    return stripped.endswith((".", "!", "?", ")", "]", "\"", "\u201d", "'", "\u2019")) or _URL_AT_END.search(stripped) is not None


_RUN_OF_SPACES = re.compile(r"\S(\s{2,})(?=\S)")


def _split_line(offset: int, line: str) -> list[tuple[int, str]]:
    """Two entries run together on one line by a conversion ("... 3-23. https://x.org  Colley,
    R. C. (2020). ..."): split where a run of spaces follows a finished entry and an
    entry-shaped text begins."""
    if "  " not in line.strip():
        return [(offset, line)]
    pieces = []
    last = 0
    for match in _RUN_OF_SPACES.finditer(line):
        cut = match.end(1)
        before = line[last:match.start(1)]
        if before.strip() and _ends_closed(before) and looks_like_entry_start(line[cut:cut + 320]) and _ENTRY_YEAR.search(before):
            pieces.append((offset + last, before))
            last = cut
    pieces.append((offset + last, line[last:]))
    return pieces


def _blocks(text: str, start: int, end: int) -> list[list[tuple[int, str]]]:
    """Paragraphs of content lines (blank lines and noise dropped), as (offset, line)."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for off, line in _lines(text[start:end]):
        if not line.strip():
            if current:
                blocks.append(current)
                current = []
            continue
        if _is_noise(line):
            continue
        current.extend(_split_line(start + off, line))
    if current:
        blocks.append(current)
    return blocks


def _whole_entry(block: list[tuple[int, str]]) -> bool:
    """A paragraph that reads as a whole entry of its own (some text and a year), not
    the tail of the one before: "37 Cluxton, R. J. J., ... 1979, 36, 1215."."""
    text = " ".join(line.strip() for _, line in block)
    return len(text) >= 40 and _ENTRY_YEAR.search(text) is not None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def split_entries(text: str, start: int, end: int) -> tuple[Entry, ...]:
    """Split ``text[start:end]`` into entries. The boundaries come from the list's
    own layout, judged over the whole list: bullets and numbers; blank lines between
    paragraphs; hanging indents (continuation lines indented deeper than first lines);
    one entry per line when most lines open an entry; otherwise a line opens an
    entry only when it has the shape of a first line and the line before it is done."""
    blocks = _blocks(text, start, end)
    content = [line for block in blocks for _, line in block]
    bulleted_line = {line: _BULLET.match(line) is not None for line in content}
    opening = {line: bulleted_line[line] or looks_like_entry_start(line) for line in content}
    # one entry per line: a line that opens no entry after a finished one stands alone
    line_mode = len(content) >= 3 and sum(opening[line] for line in content) >= 0.75 * len(content)
    indents = [_indent(line) for line in content]
    base = min(indents) if indents else 0
    deeper = sum(1 for i in indents if i > base)
    hanging = (
        deeper >= 2 and deeper < len(content)
        and all(_indent(b[0][1]) == base for b in blocks)
        and sum(1 for line in content if _indent(line) == base and opening[line]) >= 0.6 * sum(1 for i in indents if i == base)
    )
    # paragraphs are entries: most of them open like one (a page break inside an
    # entry still continues it when it starts in lower case or the entry stopped open)
    paragraphs = len(blocks) >= 3 and sum(opening[b[0][1]] for b in blocks) >= 0.5 * len(blocks)
    # a bulleted list: its entries start at its bullets, its other lines continue them
    bullets = sum(1 for line in content if bulleted_line[line])
    bulleted = bullets >= 3 and bullets >= 0.6 * sum(opening[line] for line in content)
    groups: list[list[tuple[int, str]]] = []
    # whether the entry being read has shown its year, looked for only when asked:
    # ``scanned`` lines of it have been searched so far (each line once)
    dated, scanned = False, 0

    def has_year() -> bool:
        nonlocal dated, scanned
        group = groups[-1]
        while not dated and scanned < len(group):
            dated = _ENTRY_YEAR.search(group[scanned][1]) is not None
            scanned += 1
        return dated

    for block in blocks:
        for index, (offset, line) in enumerate(block):
            starts = opening[line]
            if groups:
                prev = groups[-1][-1][1]
                if bulleted and index and not bulleted_line[line]:
                    starts = False  # a wrapped line of a bulleted entry
                elif bulleted_line[line] and (bulleted or not _DASH_BULLET.match(line)):
                    starts = True
                elif index == 0 and paragraphs and starts:
                    pass  # a paragraph of a paragraph list that opens like an entry is one
                elif _ends_open(prev):
                    starts = False
                elif index and ((not _ends_closed(prev) or not has_year()) if paragraphs else not (_ends_closed(prev) or has_year())):
                    # inside a paragraph of a paragraph list, a line continues the entry
                    # unless the entry has its year and the line before ended a sentence;
                    # elsewhere an entry is not done before its year and a full stop:
                    # "... Dissertação – Universidade Federal do Rio" / "Grande, Rio Grande,
                    # 2016." is one ABNT entry wrapped, its last line opening like one
                    starts = False
                elif index == 0:
                    # after a blank line (a PDF page break) a paragraph continues the
                    # entry when it starts in lower case or the entry stopped
                    # mid-sentence; otherwise it stands on its own
                    first = line.strip()[:1]
                    starts = starts or (not first.islower() and (_ends_closed(prev) or (paragraphs and _whole_entry(block))))
                elif hanging:
                    starts = _indent(line) == base
                elif line_mode and not starts and _ends_closed(prev) and not line[:1].isspace():
                    starts = not line.lstrip()[:1] in ("(", "*", "[") and not line.lstrip()[:1].islower()
            if not groups or starts:
                groups.append([])
                dated, scanned = False, 0
            groups[-1].append((offset, line))
    entries = []
    for group in groups:
        first_offset, first_line = group[0]
        bullet = _BULLET.match(first_line)
        lead = bullet.end() if bullet else len(first_line) - len(first_line.lstrip())
        parts = [first_line[lead:].strip()] + [line.strip() for _, line in group[1:]]
        last_offset, last_line = group[-1]
        numbered = bool(bullet and _NUMBER_MARK.match(bullet.group(0)))
        entries.append(
            Entry(first_offset + lead, last_offset + len(last_line.rstrip()), " ".join(parts), numbered)
        )
    return tuple(entries)


# At most this many reference headings are weighed (the last ones: lists come late), so
# that a document made of "References" lines stays linear.
MAX_HEADINGS = 50


def _score(entries: tuple[Entry, ...]) -> int:
    good = sum(1 for e in entries if len(e.text) < 800 and looks_like_entry_start(e.text))
    return good - (len(entries) - good)


def locate(text: str) -> Section | None:
    """Find the reference list: the heading whose section holds the most entries
    (the last one on a tie), running to the next heading or trailing matter; without
    such a heading, a trailing block of reference-shaped paragraphs."""
    lines = _lines(text)
    # a blank line is no heading ("" is none of REFERENCE_HEADINGS)
    candidates = [i for i, (_, line) in enumerate(lines) if len(line) <= 80 and not line.isspace() and line
                  and heading_text(line) in REFERENCE_HEADINGS]
    candidates = candidates[-MAX_HEADINGS:]
    ends: dict[int, int] = {}

    def next_end(i: int) -> int:
        # one pass from i to the next end line; results are shared by later calls
        seen = []
        while i < len(lines) and i not in ends and not _is_end(lines, i):
            seen.append(i)
            i += 1
        stop = ends.get(i, i)
        for j in seen:
            ends[j] = stop
        ends[i] = stop
        return stop

    best: Section | None = None
    best_count: int | None = None
    empty: Section | None = None
    for i in candidates:
        offset = lines[i][0]
        body = i + 1
        if body < len(lines) and _UNDERLINE.match(lines[body][1]):
            body += 1
        stop = next_end(body)
        start = lines[body][0] if body < len(lines) else len(text)
        end = lines[stop][0] if stop < len(lines) else len(text)
        entries = split_entries(text, start, end)
        if not entries:
            empty = Section(offset, start, max(start, end), ())
            continue
        count = _score(entries)
        if best_count is None or count >= best_count:
            best, best_count = Section(offset, start, max(start, end), entries), count
    if best is not None and best_count > 0:
        return best
    return _trailing_block(text) or best or empty


def _trailing_block(text: str) -> Section | None:
    """A reference list without a heading: the run of reference-shaped paragraphs (or
    lines) that ends the document, before any footnotes or trailing matter."""
    taken: list[list[tuple[int, str]]] = []  # from the last block backwards
    misses = 0
    for block in reversed(_blocks(text, 0, len(text))):
        first = block[0][1].strip()
        if not taken and (_FOOTNOTE_DEF.match(first) or first.lower().startswith(TRAILER_PREFIXES)):
            continue
        if _MD_HEADING.match(block[0][1]) or _FOOTNOTE_DEF.match(first) or _RULE.match(first):
            break
        if looks_like_entry_start(block[0][1]):
            misses = 0
        else:
            misses += 1  # one paragraph that does not open like an entry may stand among them
            if misses > 1 or not taken:
                break
        taken.append(block)
    while taken and not looks_like_entry_start(taken[-1][0][1]):
        taken.pop()
    if not taken:
        return None
    start = taken[-1][0][0]
    last_offset, last_line = taken[0][-1]
    end = last_offset + len(last_line)
    entries = split_entries(text, start, end)
    if len(entries) < 3 or _score(entries) < 0.6 * len(entries):
        return None
    return Section(start, start, end, entries, heading=False)
