"""LaTeX: natbib and biblatex citation commands, \\input/\\include, and the
bibliographies named by \\bibliography, \\addbibresource or ``--bib``.

Comments, verbatim-like environments and ``\\iffalse ... \\fi`` blocks are not
scanned. Included files are read relative to the main file's folder; a loop
or a missing file is a note (RC115), not an error of the run.
"""

from __future__ import annotations

import os
import re

from ..errors import InputError
from ..model import (
    Bibliography,
    Citation,
    Document,
    Origin,
    Reference,
    Source,
    Span,
    Structure,
    line_starts,
)
from . import bibliography as bibs
from .decode import decode
from .files import read_regular
from .latex_commands import KNOWN, NOT_CITATIONS, mask
from .latex_commands import arguments as _arguments
from .latex_commands import form as _form

MAX_FILES = 200
_INPUT = re.compile(r"\\(?:input|include|subfile)(?:\s*\{([^{}\n]+)\}|[ \t]+([^\s{}\\%]+))")
_BIBLIOGRAPHY = re.compile(r"\\(bibliography|addbibresource|addglobalbib|addsectionbib)\s*(?:\[[^\]]*\])?\s*\{([^{}]*)\}")
_COMMAND = re.compile(r"\\([a-zA-Z]*cite[a-zA-Z]*)(\*?)")
# \newcommand{\mycite}[1]{\citep{#1}}, \def\mycite#1{\citet{#1}}: a wrapper of a citation command
_WRAPPER = re.compile(r"\\(?:(?:re|provide)?newcommand\*?|DeclareRobustCommand\*?)\s*\{?\\([A-Za-z]+)\}?\s*(?:\[\d\])?"
                      r"(?:\[[^\]\n]*\])?\s*\{[^\n]{0,200}?\\([a-zA-Z]*cite[a-zA-Z]*)\*?(?:\[[^\]\n]*\])*\{#1\}"
                      r"|\\def\\([A-Za-z]+)#1\s*\{[^\n]{0,200}?\\([a-zA-Z]*cite[a-zA-Z]*)\*?(?:\[[^\]\n]*\])*\{#1\}")
_BIBITEM = re.compile(r"\\bibitem\s*(?:\[[^\]]*\])?\s*\{([^{}]+)\}")
_END_BIBITEMS = re.compile(r"\\bibitem\b|\\end\{thebibliography\}")

class _Reader:
    def __init__(self, main: str, extra_bib: tuple[str, ...]) -> None:
        self.main = main
        self.base = os.path.dirname(main) or "."
        self.extra_bib = extra_bib
        self.citations: list[Citation] = []
        self.bib_names: list[tuple[str, str, Origin, int | None]] = []
        self.nocite: list[str] = []
        self.nocite_all = False
        self.unknown: list[tuple[int, str]] = []
        self.notes: list[tuple[int, str]] = []
        self.bibitems: list[Reference] = []
        self.files = 0
        self.group = 0
        self.wrappers: dict[str, str] = {}  # \newcommand{\mycite}[1]{\citep{#1}}: mycite -> citep
        self.unread: list[tuple[int, str, str]] = []  # (offset, path, problem) of included files not read

    def unread_note(self) -> list[tuple[int, str]]:
        """One note for the included files that cannot be read (often generated tables)."""
        if not self.unread:
            return []
        at, path, problem = self.unread[0]
        if len(self.unread) == 1:
            return [(at, f"cannot read the included file {path}: {problem}; citations in it are not checked")]
        names = ", ".join(p for _, p, _ in self.unread[:3]) + (f" and {len(self.unread) - 3} more" if len(self.unread) > 3 else "")
        return [(at, f"cannot read {len(self.unread)} included files ({names}): {problem}; citations in them are not checked")]

    def file(self, path: str, text: str, stack: tuple[str, ...], at: int | None) -> None:
        """Scan one file; ``at`` is the offset in the main file that leads here (None: the main file)."""
        self.files += 1
        scan = mask(text)
        starts = line_starts(text)
        here = path == self.main

        def origin(offset: int) -> Origin | None:
            if here:
                return None
            line = _index(starts, offset)
            return Origin(path, line + 1, offset - starts[line] + 1)

        def where(offset: int) -> int:
            return offset if here else (at or 0)

        self._braces(scan, where, origin, path)
        for match in _BIBLIOGRAPHY.finditer(scan):
            for name in match.group(2).split(","):
                if name.strip():
                    suffix = ".bib" if match.group(1) == "bibliography" else ""
                    self.bib_names.append((bibs.resolve(name, self.base, suffix), f"\\{match.group(1)}{{{match.group(2)}}}",
                                           origin(match.start()), where(match.start())))
        for match in _BIBITEM.finditer(scan):
            end = _END_BIBITEMS.search(scan, match.end())
            stop = end.start() if end else len(text)
            raw = re.sub(r"\s+", " ", text[match.end():stop]).strip()
            self.bibitems.append(Reference(id="", span=Span(match.start(), stop) if here else Span(0, 0), raw=raw,
                                           key=match.group(1).strip(), origin=origin(match.start())))
        for match in _WRAPPER.finditer(scan):
            name, command = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
            self.wrappers[name] = command[0].lower() + command[1:]
        first = len(self.citations)
        for match in _COMMAND.finditer(scan):
            self._command(match, scan, text, where, origin)
        wrapped = [n for n in self.wrappers if "cite" not in n]  # those with "cite" in the name were seen above
        if wrapped:
            calls = re.compile(r"\\(" + "|".join(sorted(wrapped, key=len, reverse=True)) + r")(\*?)(?![A-Za-z])")
            for match in calls.finditer(scan):
                self._command(match, scan, text, where, origin)
            self.citations[first:] = sorted(self.citations[first:], key=lambda c: (c.origin.line, c.origin.col) if c.origin
                                            else (0, c.span.start))
        for match in _INPUT.finditer(scan):
            self._include(match, stack, where(match.start()))

    def _braces(self, scan: str, where, origin, path: str) -> None:
        depth = 0
        opened = []
        for match in re.finditer(r"(?<!\\)[{}]", scan):
            if match.group(0) == "{":
                opened.append(match.start())
                depth += 1
            elif opened:
                opened.pop()
            else:
                self.notes.append((where(match.start()), f"{_name(path, origin(match.start()))}unbalanced braces: a '}}' closes nothing"))
                return
        if opened:
            self.notes.append((where(opened[0]), f"{_name(path, origin(opened[0]))}unbalanced braces: {len(opened)} '{{' never closed"))

    def _command(self, match, scan: str, text: str, where, origin) -> None:
        name, star = match.group(1), match.group(2)
        if NOT_CITATIONS.match(name):
            return
        base = name[0].lower() + name[1:] if name[:1].isupper() and name != "citeA" else name
        base = self.wrappers.get(name, base)
        groups, end = _arguments(scan, match.end(), multi=base.endswith("cites"))
        if base not in KNOWN:
            if groups or scan[match.end():match.end() + 1] in "{[":
                self.unknown.append((where(match.start()), f"\\{name}{star}"))
            return
        if not groups:
            return
        form = _form(base + star)
        self.group += 1
        for keys in groups:
            for key in keys.split(","):
                key = key.strip()
                if not key or "#" in key:  # "#1": the definition of a wrapper, not a citation
                    continue
                if base == "nocite":
                    if key == "*":
                        self.nocite_all = True
                    else:
                        self.nocite.append(key)
                    continue
                at = origin(match.start())
                self.citations.append(Citation(
                    id="", span=Span(match.start(), end) if at is None else Span(0, 0), text=text[match.start():end],
                    form=form, authors=(), et_al=False, year="", group=self.group, key=key,
                    command=f"\\{name}{star}", origin=at,
                ))

    def _include(self, match, stack: tuple[str, ...], at: int) -> None:
        name = (match.group(1) or match.group(2)).strip()
        path = bibs.resolve(name, self.base, ".tex" if not name.endswith(".tex") else "")
        real = os.path.realpath(path)
        if real in stack:
            self.notes.append((at, f"\\input loop: {path} includes itself (through {' -> '.join(os.path.basename(s) for s in stack)}); not read again"))
            return
        if self.files >= MAX_FILES:
            self.notes.append((at, f"more than {MAX_FILES} included files; {path} and later ones not read"))
            return
        try:
            text = decode(path, read_regular(path))
        except InputError as exc:
            self.unread.append((at, path, exc.problem))
            return
        self.file(path, text, (*stack, real), at)


def _name(path: str, origin: Origin | None) -> str:
    return "" if origin is None else f"{path}:{origin.line}: "


def _index(starts: tuple[int, ...], offset: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, offset) - 1


def read_with(path: str, text: str, bib: tuple[str, ...] = ()) -> Document:
    reader = _Reader(path, bib)
    reader.file(path, text, (os.path.realpath(path),), None)
    scan = mask(text)
    if not (reader.citations or reader.bib_names or reader.nocite or reader.nocite_all or reader.bibitems or bib or reader.unknown):
        return Document.build(path, text, scan, kind="latex")  # no keyed citations: read as text
    bibliographies: list[Bibliography] = []
    references: list[Reference] = list(reader.bibitems)
    named = [(p, given, at) for p, given, _, at in reader.bib_names] + [(os.path.normpath(b), "--bib", None) for b in bib]
    seen = set()
    for bib_path, given_by, at in named:
        if bib_path in seen:
            continue
        seen.add(bib_path)
        found, refs = bibs.load(bib_path, given_by, at)
        bibliographies.append(found)
        references += refs
    structure = Structure(
        Source.BIBTEX, tuple(references), tuple(reader.citations), tuple(bibliographies), tuple(reader.nocite),
        reader.nocite_all, tuple(reader.unknown), tuple(sorted(reader.notes + reader.unread_note())),
    )
    return Document.build(path, text, " " * len(text) if scan else scan, kind="latex", structure=structure)


def read(path: str, text: str) -> Document:
    return read_with(path, text)
