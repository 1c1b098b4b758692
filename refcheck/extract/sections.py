"""Locate the reference list and split it into entries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from operator import itemgetter

from .data import END_HEADINGS, REFERENCE_HEADINGS, TRAILER_PREFIXES
from .names import fold

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,}|~{3,}|\^{3,}|\*{3,})\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[ivxlc]+\.|[a-z]\.)\s+", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*+\u2022\u25aa\u25cf\u2013\u2014]\s+|\d{1,4}[.)]\s+|\[\d{1,4}\]\s*|\(\d{1,4}\)\s+)")
_DASH_AUTHOR = re.compile(r"^\s*(?:[-\u2012\u2013\u2014\u2015_]\s?){2,}[.,]?\s")
_LOWER_STARTS = ("van ", "von ", "de ", "del ", "della ", "der ", "den ", "des ", "di ", "da ", "du ", "al-", "el-", "d'", "d’", "ten ", "ter ", "le ", "la ")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}\s*$", re.IGNORECASE)
# A year where a reference list puts it: after the authors.
_ENTRY_YEAR = re.compile(
    r"(?:^|[\s(,.])(?:1[5-9]\d\d|20\d\d)[a-z]?(?=[).,:;\s]|$)|\bn\.\s?d\.|\(in press\)|\bforthcoming\b",
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


def heading_text(line: str) -> str:
    """Normalise a candidate heading: ``## 7. References:`` -> ``references``."""
    text = line.strip()
    text = re.sub(r"^#{1,6}\s*", "", text).strip()
    text = text.strip("*_=#").strip()
    text = _NUMBERING.sub("", text)
    text = text.rstrip(":.").strip()
    return re.sub(r"\s+", " ", fold(text).lower())


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


@lru_cache(maxsize=1 << 18)
def looks_like_entry_start(line: str) -> bool:
    """Does this line open a reference entry (authors, then a year)?"""
    body = _BULLET.sub("", line, count=1).strip()
    if not body:
        return False
    if _DASH_AUTHOR.match(body + " "):
        return True
    first = body.lstrip("\"'“‘«[(*_")
    if not (first[:1].isupper() or first.lower().startswith(_LOWER_STARTS)):
        return False
    match = _ENTRY_YEAR.search(body, 0, 320)
    if match is None:
        return False
    head = body[: match.start()]
    if ":" in head or "“" in head or " http" in head:
        return False
    return len(head.split()) <= 30


def _is_end(lines: list[tuple[int, str]], i: int) -> bool:
    line = lines[i][1]
    stripped = line.strip()
    if not stripped:
        return False
    if _is_heading_line(lines, i) or _RULE.match(stripped):
        return True
    if len(stripped) > 80:
        return stripped.lower().startswith(TRAILER_PREFIXES)
    norm = heading_text(stripped)
    stands_alone = i == 0 or not lines[i - 1][1].strip()
    if (norm in END_HEADINGS or norm in REFERENCE_HEADINGS) and stands_alone and not stripped.endswith("."):
        return True
    low = stripped.lower()
    return low.startswith(TRAILER_PREFIXES)


_RUNNING_HEAD = re.compile(r"^(?=(?:[^a-z\d,]*?[A-Z]){8})[^a-z\d,]+$")


def _is_noise(line: str) -> bool:
    """Page numbers and running heads left behind by PDF extraction."""
    stripped = line.strip()
    if len(stripped) > 120:
        return False
    return bool(_PAGE_NUMBER.match(stripped) or (_RUNNING_HEAD.match(stripped) and not any(c.islower() for c in stripped)))


def _ends_open(line: str) -> bool:
    """A line that cannot end an entry: it stops mid-phrase."""
    stripped = line.rstrip()
    return bool(stripped) and (
        stripped.endswith(("-", ",", ":", "&", "(")) or re.search(r"\b(?:and|of|the|in|for|to|y|und)$", stripped) is not None
    )


# a URL ends the line: what ``https?://\S+$`` finds, tried only from the start of the last word
_URL_AT_END = re.compile(r"(?<!\S)(?=\S+$)\S*https?://\S")


def _ends_closed(line: str) -> bool:
    stripped = line.rstrip()
    return stripped.endswith((".", "!", "?", ")", "]", "\"", "\u201d", "'", "\u2019")) or _URL_AT_END.search(stripped) is not None


def split_entries(text: str, start: int, end: int) -> tuple[Entry, ...]:
    """Split ``text[start:end]`` into entries: one per bullet, per line that
    opens an entry, or per paragraph; wrapped lines join their entry."""
    lines = [(start + off, line) for off, line in _lines(text[start:end])]
    content = [line for _, line in lines if line.strip() and not _is_noise(line)]
    opening = [looks_like_entry_start(line) or _BULLET.match(line) is not None for line in content]
    # one entry per line: a line that opens no entry after a finished one stands alone
    line_mode = len(content) >= 3 and sum(opening) >= 0.75 * len(content)
    groups: list[list[tuple[int, str]]] = []
    blank_before = True
    for offset, line in lines:
        if not line.strip():
            blank_before = True
            continue
        if _is_noise(line):
            continue
        starts = looks_like_entry_start(line) or _BULLET.match(line) is not None
        if groups:
            prev = groups[-1][-1][1]
            if _ends_open(prev) and not _BULLET.match(line):
                starts = False
            elif line_mode and not starts and _ends_closed(prev) and not line[:1].isspace():
                starts = True
            elif blank_before and not starts:
                # after a blank line (a PDF page break) a paragraph continues the
                # entry when it starts in lower case or the entry stopped
                # mid-sentence; otherwise it stands on its own
                first = line.strip()[:1]
                starts = not first.islower() and _ends_closed(prev)
        if not groups or starts:
            groups.append([])
        groups[-1].append((offset, line))
        blank_before = False
    entries = []
    for group in groups:
        first_offset, first_line = group[0]
        bullet = _BULLET.match(first_line)
        lead = bullet.end() if bullet else len(first_line) - len(first_line.lstrip())
        parts = [first_line[lead:].strip()] + [line.strip() for _, line in group[1:]]
        last_offset, last_line = group[-1]
        numbered = bool(bullet and re.match(r"\s*[\[(]?\d", bullet.group(0)))
        entries.append(
            Entry(first_offset + lead, last_offset + len(last_line.rstrip()), " ".join(parts), numbered)
        )
    return tuple(entries)


# Headings inside one section (all running to the same end) whose sections are
# weighed: the first and the last few. Real documents have one or two; a document
# of thousands would cost a pass over the section for each.
NESTED_HEADINGS = 8


def _candidates(lines: list[tuple[int, str]]) -> list[tuple[int, int, int]]:
    """(line of the heading, line of its first entry, line where its section stops)
    for each reference heading, finding every stop in one pass over the lines."""
    found = []
    checked_from = stop = -1  # no line in [checked_from, stop) ends a section
    for i, (_, line) in enumerate(lines):
        if len(line) > 80 or heading_text(line) not in REFERENCE_HEADINGS:
            continue
        body = i + 1
        if body < len(lines) and _UNDERLINE.match(lines[body][1]):
            body += 1
        if not checked_from <= body <= stop:
            checked_from = stop = body
            while stop < len(lines) and not _is_end(lines, stop):
                stop += 1
        found.append((i, body, stop))
    kept = []
    for _, group in groupby(found, key=itemgetter(2)):
        nested = list(group)
        kept += nested if len(nested) <= 2 * NESTED_HEADINGS else nested[:NESTED_HEADINGS] + nested[-NESTED_HEADINGS:]
    return kept


def locate(text: str) -> Section | None:
    """Find the reference list: the heading whose section holds the most entries
    (the last one on a tie), running to the next heading or trailing matter."""
    lines = _lines(text)
    best: Section | None = None
    best_count = -1
    for i, body, stop in _candidates(lines):
        offset = lines[i][0]
        start = lines[body][0] if body < len(lines) else len(text)
        end = lines[stop][0] if stop < len(lines) else len(text)
        entries = split_entries(text, start, end)
        good = sum(1 for e in entries if len(e.text) < 800 and looks_like_entry_start(e.text))
        count = good - (len(entries) - good)
        if count >= best_count:
            best, best_count = Section(offset, start, max(start, end), entries), count
    return best
