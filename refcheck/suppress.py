"""Inline suppressions: comments that silence findings, in each format's comment syntax.

    <!-- refcheck: ignore[RC102] -- cited in the appendix -->     Markdown, HTML
    % refcheck: ignore[RC101] reason: a personal communication     LaTeX, BibTeX
    .. refcheck: ignore                                           reStructuredText
    refcheck: ignore[RC103]                                       plain text (a line of its own)

A comment on a line of its own covers the next line that is not blank; one
after text on a line covers that line. When the covered line lies in a
reference-list entry, the whole entry is covered. Without ``[codes]`` every
code is silenced; codes may be prefixes (``RC1``). This stage runs after the
rules, on their findings (rules -> findings -> suppress -> baseline -> report).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Document

_BODY = r"refcheck:\s*ignore(?:\[(?P<codes>[^\]\n]*)\])?(?P<rest>[^\n]*?)"
SYNTAXES = {
    "html": re.compile(r"<!--[ \t]*" + _BODY + r"[ \t]*-->"),
    "percent": re.compile(r"(?<!\\)%[ \t]*" + _BODY + r"[ \t]*$", re.MULTILINE),
    "rst": re.compile(r"^[ \t]*\.\.[ \t]+" + _BODY + r"[ \t]*$", re.MULTILINE),
    "plain": re.compile(r"^[ \t]*" + _BODY + r"[ \t]*$", re.MULTILINE),
}
_BY_SUFFIX = {".md": "html", ".markdown": "html", ".html": "html", ".htm": "html", ".xhtml": "html",
              ".tex": "percent", ".ltx": "percent", ".bib": "percent", ".rst": "rst", ".txt": "plain", ".text": "plain"}
_BY_KIND = {"markdown": "html", "html": "html", "latex": "percent", "bib": "percent", "bibtex": "percent"}
_CODE = re.compile(r"RC\d{0,3}")


@dataclass(frozen=True, slots=True)
class Directive:
    """One suppression comment and the lines it covers."""

    start: int  # offsets of the comment in the document's text
    end: int
    codes: tuple[str, ...] | None  # None (no brackets) silences every code
    reason: str
    first_line: int  # 1-based, inclusive
    last_line: int
    bad_codes: tuple[str, ...] = ()  # written between the brackets, but not rule codes
    path: str | None = None  # the file it is in, when not the document's own text (a .bib)
    line: int = 0  # where the comment itself is (1-based)
    col: int = 0

    def covers(self, line: int, code: str) -> bool:
        return self.first_line <= line <= self.last_line and (self.codes is None or any(code.startswith(c) for c in self.codes))


def syntax_of(document: Document) -> str:
    suffix = os.path.splitext(document.path)[1].lower()
    return _BY_SUFFIX.get(suffix) or _BY_KIND.get(document.kind, "plain")


def _reason(rest: str) -> str:
    rest = rest.strip()
    for lead in ("--", "\u2014", "reason:", ":"):
        if rest.lower().startswith(lead):
            return rest[len(lead):].strip()
    return rest


def directives(document: Document, entries: Iterable[tuple[int, int]] = ()) -> list[Directive]:
    """The suppression comments of ``document``; ``entries`` are the (start, end)
    offsets of its reference-list entries, which a covered line widens to."""
    text = document.text
    if "refcheck:" not in text:  # every syntax has it; a search for line starts costs more
        return []
    spans = sorted(entries)
    found = []
    for match in SYNTAXES[syntax_of(document)].finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end == -1 else line_end
        alone = not text[line_start:match.start()].strip() and not text[match.end():line_end].strip()
        target = _next_content(text, line_end) if alone else line_start
        if target is None:
            target = line_start
        first = last = document.position(target)[0]
        for start, end in spans:
            if start <= target < end or (start <= match.start() < end):
                first = min(first, document.position(start)[0])
                last = max(last, document.position(max(start, end - 1))[0])
        brackets = match.group("codes")
        written = [c.strip().upper() for c in (brackets or "").replace(" ", ",").split(",") if c.strip()]
        codes = None if brackets is None else tuple(c for c in written if _CODE.fullmatch(c))
        bad = tuple(c for c in written if not _CODE.fullmatch(c))
        line, col = document.position(match.start())
        found.append(Directive(match.start(), match.end(), codes, _reason(match.group("rest")), first, last, bad,
                               line=line, col=col))
    return found


_BIB_ENTRY = re.compile(r"^[ \t]*@", re.MULTILINE)


def _trailing(text: str, start: int, end: int) -> int:
    """Where the blank and comment lines that close ``text[start:end]`` begin (the
    line break before the first of them), else ``end``. Walked back from the end:
    a pattern anchored at the end retried at every line break was quadratic."""
    found, pos = end, end
    while True:
        line_break = text.rfind("\n", start, pos)
        if line_break == -1:
            return found
        rest = text[line_break + 1:pos].lstrip(" \t")
        if rest and not rest.startswith("%"):
            return found
        found = pos = line_break


def bib_directives(path: str, text: str) -> list[Directive]:
    """The ``%`` suppressions of a .bib file the document cites from; a comment
    above an entry, or inside it, covers the entry (from its ``@`` line to its
    last line, the comments and blank lines after it left out)."""
    from dataclasses import replace

    document = Document.build(path, text, kind="bibtex")
    starts = [m.start() for m in _BIB_ENTRY.finditer(text)]
    entries = []
    for start, end in zip(starts, starts[1:] + [len(text)]):
        entries.append((start, _trailing(text, start, end)))
    return [replace(d, path=path) for d in directives(document, entries)]


def _next_content(text: str, offset: int) -> int | None:
    """The start of the first line after the line ending at ``offset`` that is not blank."""
    pos = offset + 1
    while pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        if text[pos:end].strip():
            return pos
        pos = end + 1
    return None


def masked(text: str, found: list[Directive]) -> str:
    """``text`` with the comments blanked (same length), so that a comment in a
    reference list is not read as part of an entry."""
    if not found:
        return text
    chars = list(text)
    for directive in found:
        for i in range(directive.start, directive.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def apply(findings: list, found: list[Directive], path: str) -> tuple[list, dict[int, set[str]]]:
    """The findings no directive covers, and for each directive (by index) the
    codes it silenced. A directive covers findings located in its own file:
    ``path`` (the document) unless it names another (a .bib)."""
    used: dict[int, set[str]] = {i: set() for i in range(len(found))}
    kept = []
    for finding in findings:
        hits = [i for i, d in enumerate(found) if finding.path == (d.path or path) and d.covers(finding.line, finding.code)]
        for i in hits:
            used[i].add(finding.code)
        if not hits:
            kept.append(finding)
    return kept, used
