"""LaTeX's citation commands: which are known, what form each gives, how their
arguments are read, and what is not scanned (comments, verbatim, \\iffalse)."""

from __future__ import annotations

import re

from ..model import CitationForm
from .mask import blank

_VERB = re.compile(r"\\verb\*?([^a-zA-Z\s*]).*?\1")
_IFFALSE = re.compile(r"\\iffalse\b.*?(?:\\fi\b|\Z)", re.DOTALL)
_VERBATIM = re.compile(r"\\begin\{(verbatim\*?|Verbatim|lstlisting|minted|comment|filecontents\*?)\}.*?(?:\\end\{\1\}|\Z)", re.DOTALL)
_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
_NARRATIVE = {"citet", "textcite", "textcites", "citealt"}
_AUTHOR = {"citeauthor", "citefullauthor"}
_YEAR = {"citeyear", "citeyearpar", "citedate", "citeurldate"}
KNOWN = frozenset({
    "cite", "citet", "citep", "citealt", "citealp", "citeauthor", "citefullauthor", "citeyear", "citeyearpar", "citenum",
    "citetitle", "citeurl", "citedate", "citeurldate", "citetext", "autocite", "parencite", "textcite", "footcite",
    "footcitetext", "smartcite", "supercite", "fullcite", "footfullcite", "nocite", "cites", "parencites", "textcites",
    "autocites", "footcites", "smartcites", "supercites", "footcitetexts", "citeauthoryear", "shortcite", "citeA",
})
# commands with "cite" in the name that do not cite (settings, fonts, hooks)
NOT_CITATIONS = re.compile(r"^(?:citestyle|citesetup|citeindex\w*|citename\w*|citenumfont|citation\w*|bibcite|"
                           r"citeform|citepunct|citesort|citedash|citeleft|citeright|citemid|precite|postcite|"
                           r"excite\w*|recite\w*|incite\w*|\w+citefont|citefont|citeyearfont)$", re.IGNORECASE)


def mask(text: str) -> str:
    """``text`` with comments, verbatim, \\verb and \\iffalse blocks blanked."""
    scan = blank(text, [m.span() for m in _VERBATIM.finditer(text)])
    scan = blank(scan, [m.span() for m in _IFFALSE.finditer(scan)])
    scan = blank(scan, [m.span() for m in _VERB.finditer(scan)])
    return blank(scan, [m.span() for m in _COMMENT.finditer(scan)])


def form(command: str) -> CitationForm:
    """The form of a (lower-cased first letter) command such as ``citet*``."""
    bare = command.rstrip("*")
    if bare == "nocite":
        return CitationForm.NOCITE
    if bare in _AUTHOR:
        return CitationForm.AUTHOR
    if bare in _YEAR:
        return CitationForm.YEAR
    if bare in _NARRATIVE:
        return CitationForm.NARRATIVE
    return CitationForm.PARENTHETICAL


def arguments(scan: str, pos: int, multi: bool) -> tuple[list[str], int]:
    """The key groups after a citation command and where the command ends:
    ``[pre][post]{keys}``, or for multicites ``(pre)(post)`` then repeated
    ``[p][q]{keys}``. An unclosed group ends the command with no keys."""
    groups: list[str] = []
    limit = min(len(scan), pos + 4000)
    while True:
        start = pos
        while pos < limit and scan[pos] in " \t\n":
            pos += 1
        if multi and not groups and pos < limit and scan[pos] == "(":
            close = scan.find(")", pos, limit)
            if close == -1:
                return groups, start
            pos = close + 1
            continue
        if pos < limit and scan[pos] == "[":
            close = scan.find("]", pos, limit)
            if close == -1:
                return groups, start
            pos = close + 1
            continue
        if pos < limit and scan[pos] == "{":
            close = scan.find("}", pos, limit)
            if close == -1 or "{" in scan[pos + 1:close]:
                return groups, start
            groups.append(scan[pos + 1:close])
            pos = close + 1
            if multi:
                continue
            return groups, pos
        return groups, start


