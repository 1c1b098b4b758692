"""BibTeX and biblatex files -> structured references, with bibtexparser's v2 API.

@string macros are resolved, crossref and xdata fields inherited, LaTeX accents
and braces decoded to Unicode, names split by BibTeX's rules ("von Last, Jr,
First"). A malformed entry becomes a reference with ``problem`` set and its
line (RC110); the rest of the file is still read. bibtexparser is imported
only when a .bib file is read.
"""

from __future__ import annotations

import logging
import re

from ..model import Author, Origin, Reference, Source, Span

_YEAR = re.compile(r"(1[5-9]\d\d|20\d\d)")
# fields a crossref'd or xdata entry passes on (biblatex maps the parent's title to booktitle)
_INHERIT_AS = {"title": "booktitle"}


def parse(path: str, text: str) -> list[Reference]:
    """The entries of the BibTeX text ``text`` read from ``path``, in file order."""
    import bibtexparser
    from bibtexparser import middlewares as mw

    quiet = logging.getLogger("bibtexparser")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # it logs every failed block; those become findings
    try:
        library = bibtexparser.parse_string(text, append_middleware=[mw.SeparateCoAuthors(), mw.SplitNameParts()])
    finally:
        quiet.setLevel(level)
    decode = _decoder()
    macros = {m.key.lower(): str(m.value) for m in library.strings}
    for entry in library.entries:
        for field in entry.fields_dict.values():
            if isinstance(field.value, str) and "#" in field.value:
                field.value = concatenate(field.value, macros)
    entries = [(e.start_line, e) for e in library.entries]
    by_key = {e.key.lower(): e for _, e in entries}
    found = [(line, _reference(path, e, by_key, decode)) for line, e in entries]
    for block in library.failed_blocks:
        line = (block.start_line or 0) + 1
        duplicate = getattr(block, "ignore_error_block", None)
        if duplicate is not None and hasattr(duplicate, "fields_dict") and hasattr(block, "previous_block"):
            # the same key again: read it (RC107 reports the pair)
            found.append((block.start_line or 0, _reference(path, duplicate, by_key, decode)))
            continue
        error = getattr(block, "error", None)
        reason = _reason(error)
        raw = (block.raw or "").strip()
        found.append((block.start_line or 0, Reference(
            id="", span=Span(0, 0), raw=raw[:300], problem=f"malformed BibTeX entry: {reason}",
            source=Source.BIBTEX, origin=Origin(path, line),
        )))
    found.sort(key=lambda pair: pair[0])
    return [ref for _, ref in found]


_MONTHS = {m[:3]: m for m in ("january", "february", "march", "april", "may", "june", "july", "august",
                               "september", "october", "november", "december")}


def concatenate(value: str, macros: dict[str, str]) -> str:
    """BibTeX's ``"A " # jn # {b}``, with @string macros (and month names) filled
    in; a value that is not such a concatenation is returned as it is."""
    parts: list[str] = []
    depth = 0
    quoted = False
    current = ""
    for char in value:
        if char == "{" and not quoted:
            depth += 1
        elif char == "}" and not quoted:
            depth -= 1
        elif char == '"' and depth == 0:
            quoted = not quoted
        if char == "#" and depth == 0 and not quoted:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    if len(parts) < 2 or depth or quoted:
        return value
    out = []
    for part in parts:
        if len(part) >= 2 and ((part[0], part[-1]) in (('"', '"'), ("{", "}"))):
            out.append(part[1:-1])
        elif part.isdigit():
            out.append(part)
        elif part.lower() in macros:
            out.append(macros[part.lower()])
        elif part.lower() in _MONTHS:
            out.append(_MONTHS[part.lower()].capitalize())
        else:
            return value
    return "".join(out)


def _reason(error) -> str:
    text = str(getattr(error, "abort_reason", "") or error or "syntax error").strip().splitlines()
    text = [t for t in text if t.strip()]
    return (text[-1] if text else "syntax error").strip()[:200]


_LATEX = re.compile(r"[\\{}~$%&]|--")


def _decoder():
    from pylatexenc.latex2text import LatexNodes2Text
    from pylatexenc.latexwalker import get_default_latex_context_db

    converter = LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True)
    context = get_default_latex_context_db()  # built once: it is most of the cost of a call
    seen: dict[str, str] = {}

    def decode(value: str) -> str:
        if not _LATEX.search(value):
            return " ".join(value.split())
        if not _LATEX.search(value.replace("{", "").replace("}", "")):  # only protective braces: "{DNA}"
            return " ".join(value.replace("{", "").replace("}", "").split())
        out = seen.get(value)
        if out is None:
            try:
                out = converter.latex_to_text(value, latex_context=context)
            except Exception:  # pylatexenc gives up on odd input: keep it as written, without braces
                out = value.replace("{", "").replace("}", "")
            out = seen[value] = " ".join(out.split())
        return out

    return decode


def _fields(entry, by_key: dict, seen: frozenset = frozenset()) -> dict:
    """The entry's fields with those of its crossref/xdata parents filled in."""
    fields = dict(entry.fields_dict)
    for link in ("crossref", "xdata"):
        field = fields.get(link)
        if field is None:
            continue
        for parent_key in str(field.value).split(","):
            parent = by_key.get(parent_key.strip().lower())
            if parent is None or parent.key.lower() in seen:
                continue
            inherited = _fields(parent, by_key, seen | {entry.key.lower()})
            for name, value in inherited.items():
                target = _INHERIT_AS.get(name, name) if link == "crossref" else name
                if name in ("crossref", "xdata") or target in fields:
                    continue
                fields[target] = value
    return fields


def _names(value, decode) -> tuple[tuple[Author, ...], bool]:
    """Authors from SplitNameParts' NameParts; a single braced name is an institution."""
    authors = []
    corporate = False
    if isinstance(value, str):  # an entry the middlewares did not see (a duplicate key)
        # (a match starts where white space starts: tried inside a long run of it, it was quadratic)
        value = [n.strip() for n in re.split(r"(?<!\s)\s+and\s+", value.strip("{}")) if n.strip()]
    for parts in value if isinstance(value, list) else []:
        if isinstance(parts, str):
            family, _, given = parts.partition(",") if "," in parts else (parts.rpartition(" ")[2], "", parts.rpartition(" ")[0])
            authors.append(Author(decode(family), decode(given)))
            continue
        last = " ".join(parts.von + parts.last)
        if not parts.first and not parts.von and len(parts.last) == 1 and parts.last[0].startswith("{") and " " in parts.last[0]:
            corporate = not authors
        given = " ".join(parts.first + parts.jr)
        authors.append(Author(decode(last), decode(given)))
    return tuple(a for a in authors if a.family and a.family.lower() != "others"), corporate


def _reference(path: str, entry, by_key: dict, decode) -> Reference:
    fields = _fields(entry, by_key)

    def get(*names: str) -> str | None:
        for name in names:
            field = fields.get(name)
            if field is not None and not isinstance(field.value, list):
                text = decode(str(field.value))
                if text:
                    return text
        return None

    author_field = fields.get("author")
    editors = False
    authors, corporate = _names(author_field.value, decode) if author_field is not None else ((), False)
    if not authors and fields.get("editor") is not None:
        authors, corporate = _names(fields["editor"].value, decode)
        editors = bool(authors)
    et_al = any(not isinstance(p, str) and " ".join(p.last).lower() == "others" for p in
                (author_field.value if author_field is not None and isinstance(author_field.value, list) else []))
    year_text = get("year") or get("date") or ""
    year = _YEAR.search(year_text)
    doi = get("doi")
    if doi:
        doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi, flags=re.IGNORECASE)
    url = get("url")
    return Reference(
        id="", span=Span(0, 0), raw=(entry.raw or "").strip(), authors=authors, corporate=corporate, et_al=et_al,
        editors=editors, year=year.group(1) if year else None, title=get("title"),
        container=get("journal", "journaltitle", "booktitle"), volume=get("volume"), issue=get("number", "issue"),
        pages=get("pages"), doi=doi, urls=(url,) if url else (), accessed=get("urldate"), accessed_raw=get("urldate"),
        key=entry.key, source=Source.BIBTEX, entry_type=entry.entry_type.lower(),
        fields=frozenset(name.lower() for name in fields), origin=Origin(path, (entry.start_line or 0) + 1),
    )
