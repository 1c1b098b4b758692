"""Markdown: the text as written, with code, link targets, HTML comments and
URLs masked out of the scan text so that citations are not found there."""

from __future__ import annotations

import re
from bisect import bisect_right

from ..model import Document
from .mask import blank, url_spans

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*$", re.MULTILINE)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_BACKTICKS = re.compile(r"`+")
_LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
# "[id]: https://..." (not a footnote "[^1]: text", whose text is read)
_LINK_DEFINITION = re.compile(r"^[ \t]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S+[^\n]*$", re.MULTILINE)
_WIKILINK = re.compile(r"\[\[(?:[^\[\]|\n]{1,200}\|)?(?P<label>[^\[\]|\n]{1,200})\]\]")
_HAS_YEAR = re.compile(r"\d{4}")
_YEAR_NEXT = re.compile(r"\s?\(\d{4}")
# no "<" inside an autolink (CommonMark): each "<" would rescan to the next ">"
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^<>\s]*>", re.IGNORECASE)


def fenced_blocks(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if "```" not in text and "~~~" not in text:  # no fence: the line-anchored pattern reads no line
        return spans
    opening = None
    for match in _FENCE.finditer(text):
        fence = match.group(1)
        if opening is None:
            opening = (match.start(), fence)
        elif fence[0] == opening[1][0] and len(fence) >= len(opening[1]):
            spans.append((opening[0], match.end()))
            opening = None
    if opening is not None:  # an unclosed fence runs to the end of the document
        spans.append((opening[0], len(text)))
    return spans


def code_spans(text: str) -> list[tuple[int, int]]:
    """Inline code: a run of backticks to the next run of the same length
    (CommonMark), found in one pass over the runs where a regex
    ``(`+).*?\\1`` rescans the rest of the text for every run left open."""
    runs = [m.span() for m in _BACKTICKS.finditer(text)] if "`" in text else []
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        following = bisect_right(same, index)
        if following < len(same):
            spans.append((start, runs[same[following]][1]))
            index = same[following]
        index += 1
    return spans


def _link_definitions(text: str) -> list[re.Match[str]]:
    """``[id]: https://...`` lines; a text without "]:" has none (the
    line-anchored pattern would try every line)."""
    return list(_LINK_DEFINITION.finditer(text)) if "]:" in text else []


def masked_spans(text: str) -> list[tuple[int, int]]:
    spans = fenced_blocks(text)
    scan = blank(text, spans)
    for find in (_COMMENT.finditer, code_spans, _link_definitions, _AUTOLINK.finditer):
        found = [m if isinstance(m, tuple) else m.span() for m in find(scan)]
        spans += found
        scan = blank(scan, found)
    # keep the "]" of a link so the link text stays separate from what follows,
    # unless the link text is itself a citation: "([Smith, 2025](https://...))"
    # or the author of a narrative citation: "[Lemon](https://...) (2018)"
    found = []
    for match in _LINK_TARGET.finditer(scan):
        found.append((match.start() + 1, match.end()))
        opening = scan.rfind("[", max(0, match.start() - 300), match.start())
        if opening == -1 or "\n" in scan[opening:match.start()]:
            continue
        if _HAS_YEAR.search(scan, opening, match.start()) or _YEAR_NEXT.match(scan, match.end()):
            found += [(opening, opening + 1), (match.start(), match.start() + 1)]
    spans += found
    scan = blank(scan, found)
    # wikilinks: "[[note|Smith, 2021]]" reads as "Smith, 2021"; "[[Smith 2021]]" as written
    for match in _WIKILINK.finditer(scan):
        spans.append((match.start(), match.start("label")))
        spans.append((match.end("label"), match.end()))
    spans += url_spans(scan)
    return spans


def read(path: str, text: str) -> Document:
    return read_with(path, text)


def read_with(path: str, text: str, bib: tuple[str, ...] = ()) -> Document:
    """The document; with Pandoc citations or a bibliography (front matter or
    ``--bib``), also their :class:`~refcheck.model.Structure`."""
    scan = blank(text, masked_spans(text))
    found = None
    if "@" in scan or bib or text.startswith("---"):
        from . import pandoc

        found = pandoc.structure(path, text, scan, bib)
    return Document.build(path, text, scan, kind="markdown", structure=found)
