"""Pandoc citations in Markdown: ``[@key]``, ``[see @a, p. 4; -@b]``, narrative
``@key`` and ``@key [p. 3]``, with the bibliography named in the YAML front
matter (``bibliography:``, ``references:``, ``nocite:``) or by ``--bib``.

Citations are looked for in the scan text, where code, link targets and URLs
are already blanked; an e-mail address is never a citation (the ``@`` follows
a word character). PyYAML is imported only for a front matter that mentions
bibliography, references or nocite.
"""

from __future__ import annotations

import os
import re

from ..model import (
    Bibliography,
    Citation,
    CitationForm,
    Origin,
    Reference,
    Source,
    Span,
    Structure,
)
from . import bibliography as bibs
from . import csl

# a key: a letter, digit or _ first; inside, also :.#$%&-+?<>~/ when a word character follows
KEY = r"(?:\{[^{}]{1,200}\}|[^\W](?:\w|[:.#$%&\-+?<>~/]{1,10}(?=\w)){0,200})"
_BRACKET = re.compile(r"\[([^\[\]\n]{0,1000}?@[^\[\]]{0,1000}?)\](?![(\[:])")
_ITEM = re.compile(r"(?<![\w.@/:])(-?)@(" + KEY + ")")
_NARRATIVE = re.compile(r"(?<![\w.@\[\-/:])@(" + KEY + r")(\s?\[[^\[\]\n]{0,200}\](?![(\[:]))?")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_WANTED = re.compile(r"^(?:bibliography|references|nocite)\s*:", re.MULTILINE)


def front_matter(text: str) -> tuple[int, dict, str | None]:
    """(end offset, data, problem) of a YAML front matter block; (0, {}, None) without one."""
    match = _FRONT.match(text)
    if not match:
        return 0, {}, None
    if not _WANTED.search(match.group(1)):
        return match.end(), {}, None
    import yaml

    try:
        data = yaml.safe_load(match.group(1))
    except (yaml.YAMLError, RecursionError) as exc:
        return match.end(), {}, f"the YAML front matter cannot be read: {str(exc).splitlines()[0]}"
    return match.end(), data if isinstance(data, dict) else {}, None


def _strip(key: str) -> str:
    return key[1:-1] if key.startswith("{") and key.endswith("}") else key


def scan(document_text: str, scan_text: str, start: int, narrative: bool) -> list[Citation]:
    """The Pandoc citations in ``scan_text`` from offset ``start``, in text order."""
    found: list[Citation] = []
    taken = []
    group = 0
    for match in _BRACKET.finditer(scan_text, start):
        items = list(_ITEM.finditer(scan_text, match.start(1), match.end(1)))
        if not items or document_text[match.end():match.end() + 1] in ("(", "["):  # a link
            continue
        group += 1
        taken.append(match.span())
        for item in items:
            form = CitationForm.YEAR if item.group(1) else CitationForm.PARENTHETICAL
            found.append(Citation(id="", span=Span(item.start(), item.end()), text=document_text[match.start():match.end()],
                                  form=form, authors=(), et_al=False, year="", group=group,
                                  key=_strip(item.group(2)), command="[@]"))
    if narrative:
        for match in _NARRATIVE.finditer(scan_text, start):
            if any(a <= match.start() < b for a, b in taken):
                continue
            group += 1
            found.append(Citation(id="", span=Span(match.start(), match.end()), text=document_text[match.start():match.end()],
                                  form=CitationForm.NARRATIVE, authors=(), et_al=False, year="", group=group,
                                  key=_strip(match.group(1)), command="@"))
    found.sort(key=lambda c: c.span.start)
    return found


def _listed(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, (str, int, float))]
    return []


def structure(path: str, text: str, scan_text: str, bib: tuple[str, ...] = ()) -> Structure | None:
    """What the document cites by key and where its bibliography is; None when
    it has no Pandoc citations and names no bibliography."""
    end, data, problem = front_matter(text)
    names = _listed(data.get("bibliography"))
    inline = data.get("references")
    bracketed = scan(text, scan_text, end, narrative=False)
    if not (bracketed or names or inline or bib):
        return None
    citations = scan(text, scan_text, end, narrative=True)
    nocite = " ".join(_listed(data.get("nocite")))
    if not citations and not nocite.strip():
        return None  # no Pandoc citation: the text's own reference list and citations are read
    base = os.path.dirname(path) or "."
    bibliographies: list[Bibliography] = []
    references: list[Reference] = []
    notes = [(0, problem)] if problem else []
    for name in names:
        found, refs = bibs.load(bibs.resolve(name, base, ""), "bibliography: in the front matter", 0)
        bibliographies.append(found)
        references += refs
    for name in bib:
        found, refs = bibs.load(os.path.normpath(name), "--bib")
        bibliographies.append(found)
        references += refs
    if isinstance(inline, list):
        references += csl.references(inline, path, text[:end])
        bibliographies.append(Bibliography(path, "references: in the front matter"))
    elif inline is not None:
        notes.append((0, "the front matter's 'references:' is not a list of CSL items"))
    keys = [_strip(k) for k in re.findall(r"@(" + KEY + "|\\*)", nocite)]
    return Structure(
        Source.CSL if inline and not names else Source.BIBTEX, tuple(references), tuple(citations), tuple(bibliographies),
        tuple(k for k in keys if k != "*"), "*" in keys, (), tuple(notes),
    )


__all__ = ["KEY", "Origin", "front_matter", "scan", "structure"]
