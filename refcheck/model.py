"""The objects refcheck reasons about: documents, references, citations.

Every object carries character offsets into ``Document.text``; human line and
column numbers are computed only when a finding is reported.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded document.

    ``text`` is the document with line endings normalised to ``\\n``.
    ``scan`` has the same length; regions where citations must not be looked
    for (code, link targets, comments) are blanked with spaces.
    """

    path: str
    text: str
    scan: str
    kind: str = "text"
    line_starts: tuple[int, ...] = field(default=(0,), repr=False)

    @classmethod
    def build(cls, path: str, text: str, scan: str | None = None, kind: str = "text") -> Document:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        return cls(path, text, text if scan is None else scan, kind, tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1


@dataclass(frozen=True, slots=True)
class Author:
    family: str
    given: str = ""


@dataclass(frozen=True, slots=True)
class Reference:
    """One entry of the reference list."""

    id: str
    span: Span
    raw: str
    authors: tuple[Author, ...] = ()
    corporate: bool = False
    et_al: bool = False
    editors: bool = False
    year: str | None = None
    year_suffix: str = ""
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    urls: tuple[str, ...] = ()
    accessed: str | None = None
    accessed_raw: str | None = None
    aliases: tuple[str, ...] = ()
    problem: str | None = None
    # other years the work is cited by: an original or translated edition
    # ("(Original work published 1923)", "[1923] 2007", "(Trad. cast. 2003)")
    other_years: tuple[str, ...] = ()

    @property
    def url(self) -> str | None:
        return self.urls[0] if self.urls else None

    @property
    def label(self) -> str:
        """How the entry would be cited: ``Moreau, Ito & Kahn (2001)``."""
        return f"{author_label(self)} ({self.year or 'n.d.'}{self.year_suffix})"


def _short_name(name: str, limit: int = 60) -> str:
    """A long (corporate) name cut at a word boundary, with "…"."""
    if len(name) <= limit:
        return name
    cut = name[: limit - 1]
    if " " in cut and not name[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def author_label(ref: Reference) -> str:
    """``Moreau, Ito & Kahn``; ``Gasparrini et al. [22 authors]`` past five."""
    names = [_short_name(a.family) for a in ref.authors]
    if not names:
        return "(no author)"
    if ref.et_al:
        return f"{names[0]} et al."
    if len(names) == 1:
        return names[0]
    if len(names) > 5:
        return f"{names[0]} et al. [{len(names)} authors]"
    return ", ".join(names[:-1]) + " & " + names[-1]


@dataclass(frozen=True, slots=True)
class Citation:
    """One author-year pair cited in the text.

    ``(Smith, 2019, 2020a)`` gives two citations that share ``group``.
    """

    id: str
    span: Span
    text: str
    form: str  # "parenthetical" | "narrative"
    authors: tuple[str, ...]
    et_al: bool
    year: str
    year_suffix: str = ""
    group: int = 0
    locator: str = ""
    comma: bool = True  # "(Name, Year)" rather than "(Name Year)"
    separator_missing: bool = False

    @property
    def author_text(self) -> str:
        names = list(self.authors)
        if self.et_al:
            return f"{names[0]} et al."
        if len(names) <= 1:
            return "".join(names)
        return ", ".join(names[:-1]) + " & " + names[-1]

    @property
    def label(self) -> str:
        return f"{self.author_text} ({self.year}{self.year_suffix})"
