"""The objects refcheck reasons about: documents, references, citations.

Every object carries character offsets into ``Document.text``; human line and
column numbers are computed only when a finding is reported.

All of them are values: never changed once built (``dataclasses.replace`` makes
a changed copy), compared and hashed by their fields. The ones built by the
ten thousand (spans, authors, references, citations) are not ``frozen``: a frozen
dataclass sets each field through ``object.__setattr__``, which makes building a
citation six times slower (1.0 against 0.17 us); they are hashed all the same.
"""

from __future__ import annotations

import enum
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class Source(enum.StrEnum):
    """Where a reference came from."""

    TEXT = "text"  # an entry of a reference list written as text
    BIBTEX = "bibtex"  # an entry of a .bib file
    CSL = "csl"  # CSL-JSON or CSL-YAML (a file, or Pandoc's inline ``references:``)
    JATS = "jats"  # a <ref> of a JATS article


class CitationForm(enum.StrEnum):
    """How a citation is written; a str, so ``form == "narrative"`` holds."""

    PARENTHETICAL = "parenthetical"  # (Smith, 2019), \citep{smith}, [@smith]
    NARRATIVE = "narrative"  # Smith (2019), \citet{smith}, @smith
    AUTHOR = "author"  # \citeauthor{smith}: the author only
    YEAR = "year"  # \citeyear{smith}, [-@smith]
    NOCITE = "nocite"  # \nocite{smith}: listed without a mark in the text


@dataclass(frozen=True, slots=True)
class Origin:
    """A position in a file other than the document's own text (an included
    .tex file, a .bib file): 1-based line and column."""

    path: str
    line: int
    col: int = 1


@dataclass(slots=True, unsafe_hash=True)  # a value, built in bulk: not frozen (see above)
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
    # text read from markup (HTML): (offset in text, offset in the source) at the
    # start of each run copied unchanged, and the source's line starts
    source_map: tuple[tuple[int, int], ...] = field(default=(), repr=False)
    source_line_starts: tuple[int, ...] = field(default=(0,), repr=False)
    # what a reader of a structured format found: a Structure, else None
    structure: Any = field(default=None, repr=False)

    @classmethod
    def build(cls, path: str, text: str, scan: str | None = None, kind: str = "text", *,
              source: str | None = None, source_map: tuple[tuple[int, int], ...] = (), structure: Any = None) -> Document:
        return cls(path, text, text if scan is None else scan, kind, line_starts(text), tuple(source_map),
                   line_starts(source) if source is not None else (0,), structure)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset (in the source file, when
        the text was read from markup)."""
        return _position(offset, self.line_starts, self.source_map, self.source_line_starts)

    def positions(self, objects) -> Positions:
        """Where each object (a reference, a citation) stands, by id: its origin when
        it stands in another file, else the position of its start."""
        return Positions(tuple(objects), (self.line_starts, self.source_map, self.source_line_starts))


def _position(offset: int, starts: tuple[int, ...], source_map: tuple, source_starts: tuple[int, ...]) -> tuple[int, int]:
    if source_map:
        index = bisect_right(source_map, (offset, 1 << 62)) - 1
        if index >= 0:
            text_at, source_at = source_map[index]
            offset = source_at + offset - text_at
        starts = source_starts
    index = bisect_right(starts, offset) - 1
    return index + 1, offset - starts[index] + 1


class Derived(Mapping):
    """A read-only dict worked out from other values when it is first read: a text
    report reads none of the 50,000-entry tables a long document's result holds."""

    __slots__ = ("_make", "_dict")

    def __init__(self, make) -> None:
        self._make = make  # a function returning the dict
        self._dict: dict | None = None

    def as_dict(self) -> dict:
        """The dict itself, for a loop that reads it many times (not to be changed)."""
        if self._dict is None:
            self._dict = self._make()
            self._make = None
        return self._dict

    def __getitem__(self, key):
        return self.as_dict()[key]

    def get(self, key, default=None):
        return self.as_dict().get(key, default)

    def __contains__(self, key) -> bool:
        return key in self.as_dict()

    def __iter__(self):
        return iter(self.as_dict())

    def __len__(self) -> int:
        return len(self.as_dict())

    def __repr__(self) -> str:
        return repr(self.as_dict())

    def __reduce__(self):  # pickled (--jobs) as the dict it stands for
        return dict, (self.as_dict(),)


def plain(mapping: Mapping) -> Mapping:
    """A Derived mapping's dict, any other mapping itself."""
    return mapping.as_dict() if isinstance(mapping, Derived) else mapping


class Positions(Mapping):
    """Object id -> 1-based (line, column), worked out when asked for: a text
    report asks for none of the 60,000 a long document has, JSON for all."""

    __slots__ = ("_objects", "_at", "_lines")

    def __init__(self, objects: tuple, lines: tuple, at: dict | None = None) -> None:
        self._objects: tuple | None = objects if at is None else None  # references and citations, until asked
        self._at: dict[str, int | tuple[int, int]] = at or {}  # id -> offset in the text, or (line, col) elsewhere
        self._lines = lines  # the document's line starts, source map and source line starts

    def _where(self) -> dict[str, int | tuple[int, int]]:
        if self._objects is not None:
            self._at = {obj.id: (obj.origin.line, obj.origin.col) if obj.origin else obj.span.start for obj in self._objects}
            self._objects = None
        return self._at

    def __getitem__(self, key: str) -> tuple[int, int]:
        where = self._where()[key]
        return where if type(where) is tuple else _position(where, *self._lines)

    def __iter__(self):
        return iter(self._where())

    def __len__(self) -> int:
        return len(self._where())

    def __reduce__(self):  # pickled (--jobs) as what it has worked out
        return Positions, ((), self._lines, self._where())


def line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return tuple(starts)


@dataclass(slots=True, unsafe_hash=True)  # a value, built in bulk: not frozen (see above)
class Author:
    family: str
    given: str = ""


@dataclass(slots=True, unsafe_hash=True)  # a value, built in bulk: not frozen (see above)
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
    # structured entries (.bib, CSL, JATS): their key, entry type and the fields
    # present; ``origin`` when the entry stands in another file than the document
    key: str | None = None
    source: Source = Source.TEXT
    entry_type: str | None = None
    fields: frozenset[str] = frozenset()
    origin: Origin | None = None

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


@dataclass(slots=True, unsafe_hash=True)  # a value, built in bulk: not frozen (see above)
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
    # a keyed citation (\citep{key}, [@key], a JATS xref): the key it names and
    # the command that wrote it; ``origin`` when it stands in an included file
    key: str | None = None
    command: str = ""
    origin: Origin | None = None

    @property
    def author_text(self) -> str:
        names = list(self.authors)
        if not names:
            return self.key or ""
        if self.et_al:
            return f"{names[0]} et al."
        if len(names) <= 1:
            return "".join(names)
        return ", ".join(names[:-1]) + " & " + names[-1]

    @property
    def label(self) -> str:
        if self.key is not None and not self.authors:
            return self.text
        return f"{self.author_text} ({self.year}{self.year_suffix})"


@dataclass(frozen=True, slots=True)
class Bibliography:
    """Where a document says its references are: a .bib or CSL file named by
    ``\\bibliography``, ``\\addbibresource``, front matter or ``--bib``.
    ``problem`` says why it could not be read (None: read)."""

    path: str
    given_by: str  # "\bibliography{refs}", "bibliography: in the front matter", "--bib"
    problem: str | None = None
    at: int | None = None  # offset in the document of the command that names it


@dataclass(frozen=True, slots=True)
class Structure:
    """What a reader of a structured format hands over: references and keyed
    citations it read itself, instead of locating and parsing them from text."""

    source: Source
    references: tuple[Reference, ...] = ()
    citations: tuple[Citation, ...] = ()  # ids "" (numbered by api.extract)
    bibliographies: tuple[Bibliography, ...] = ()
    nocite: tuple[str, ...] = ()  # keys listed by \nocite or Pandoc's nocite
    nocite_all: bool = False  # \\nocite{*}, nocite: @*
    unknown_commands: tuple[tuple[int, str], ...] = ()  # (offset, command) of citation commands not understood
    notes: tuple[tuple[int, str], ...] = ()  # (offset, problem) of what could not be read (an \\input loop)
    # citation fields whose visible text is not what the reference manager inserted:
    # (span of the visible text, text shown, text inserted)
    edited: tuple[tuple[Span, str, str], ...] = ()
