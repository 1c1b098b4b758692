"""JATS XML (.xml, .nxml): the <ref-list>'s element-citation and
mixed-citation entries as structured references, and every
``<xref ref-type="bibr" rid=...>`` as a citation the publisher linked.

Parsed with defusedxml: a document that declares entities (a billion-laughs
bomb) or refers to external ones is refused with a one-line error; a DTD
reference alone is harmless and allowed. An XML file without a <ref-list> is
read as a document with nothing to check. defusedxml is imported only here.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..model import (
    Author,
    Citation,
    CitationForm,
    Document,
    Reference,
    Source,
    Span,
    Structure,
)

_XREF = re.compile(r"<xref\b[^>]*>", re.IGNORECASE)
_BIBR = re.compile(r"""ref-type\s*=\s*["']bibr["']""")
_DOI = re.compile(r"10\.\d{4,9}/\S+")


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip() if element is not None else ""


def _children(element, name: str) -> list:
    return [e for e in element.iter() if _local(e.tag) == name]


def _first(element, *names: str) -> str | None:
    for name in names:
        for found in _children(element, name):
            text = _text(found)
            if text:
                return text
    return None


def parse(path: str, text: str):
    try:
        import defusedxml.ElementTree as safe
        from defusedxml import DefusedXmlException
    except ImportError:  # pragma: no cover - a declared dependency
        raise InputError(path, "reading XML needs defusedxml: pip install defusedxml") from None
    try:
        return safe.fromstring(text.encode("utf-8"), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        what = "refers to an external entity" if getattr(exc, "sysid", None) or getattr(exc, "system_id", None) else "declares entities"
        raise InputError(path, f"XML refused: it {what} ({getattr(exc, 'name', '?')}); entity expansion and "
                               "external references are off") from None
    except safe.ParseError as exc:
        raise InputError(path, f"not well-formed XML: {exc}") from None
    except (ValueError, RecursionError) as exc:
        raise InputError(path, f"cannot read this XML: {exc}") from None


def _authors(citation) -> tuple[tuple[Author, ...], bool, bool, bool]:
    """(authors, corporate, et al., editors) of a citation element."""
    groups = _children(citation, "person-group")
    chosen = [g for g in groups if g.get("person-group-type", "author") == "author"] or groups
    editors = bool(chosen) and all(g.get("person-group-type") == "editor" for g in chosen)
    scope = chosen or [citation]
    authors = []
    corporate = False
    et_al = False
    for group in scope:
        for element in group.iter():
            name = _local(element.tag)
            if name in ("name", "string-name") and _first(element, "surname"):
                authors.append(Author(_first(element, "surname") or "", _first(element, "given-names") or ""))
            elif name == "string-name" and not _children(element, "surname") and _text(element):
                authors.append(Author(_text(element)))
            elif name == "collab" and _text(element):
                corporate = corporate or not authors
                authors.append(Author(_text(element)))
            elif name == "etal":
                et_al = True
        if not groups:
            break
    return tuple(authors), corporate, et_al, editors


def _reference(ref, key: str, span: Span) -> Reference:
    citation = next((e for e in ref.iter() if _local(e.tag) in ("element-citation", "mixed-citation", "nlm-citation", "citation")), ref)
    authors, corporate, et_al, editors = _authors(citation)
    year = _first(citation, "year")
    found = re.search(r"(1[5-9]\d\d|20\d\d)([a-z]?)", year or "")
    article = _first(citation, "article-title", "chapter-title", "data-title")
    source = _first(citation, "source", "conf-name") if article else _first(citation, "source")
    doi = None
    urls = []
    for pub in _children(citation, "pub-id"):
        if pub.get("pub-id-type") == "doi" and _text(pub):
            doi = _text(pub)
    for link in [*_children(citation, "ext-link"), *_children(citation, "uri")]:
        href = next((v for k, v in link.attrib.items() if _local(k) == "href"), None) or _text(link)
        if href.startswith(("http://", "https://")):
            urls.append(href)
    if doi is None:
        match = _DOI.search(" ".join(urls))
        doi = match.group(0) if match else None
    first, last = _first(citation, "fpage"), _first(citation, "lpage")
    pages = f"{first}-{last}" if first and last else first or _first(citation, "elocation-id")
    present = {_local(e.tag) for e in citation.iter()}
    return Reference(
        id="", span=span, raw=_text(citation), authors=authors, corporate=corporate, et_al=et_al, editors=editors,
        year=found.group(1) if found else None, year_suffix=found.group(2) if found else "",
        title=article or source, container=source if article else _first(citation, "publisher-name"),
        volume=_first(citation, "volume"), issue=_first(citation, "issue"), pages=pages, doi=doi, urls=tuple(urls),
        key=key, source=Source.JATS, entry_type=citation.get("publication-type"), fields=frozenset(present),
    )


def read(path: str, text: str) -> Document:
    root = parse(path, text)
    lists = [e for e in root.iter() if _local(e.tag) == "ref-list"]
    if not lists:
        return Document.build(path, text, " " * len(text), kind="xml")
    references = []
    for ref_list in lists:
        for ref in (e for e in ref_list.iter() if _local(e.tag) == "ref"):
            key = ref.get("id") or ""
            where = re.search(r"<ref\b[^>]*\bid\s*=\s*[\"']" + re.escape(key) + r"[\"']", text) if key else None
            span = Span(where.start(), where.end()) if where else Span(0, 0)
            references.append(_reference(ref, key, span))
    tags = [m for m in _XREF.finditer(text) if _BIBR.search(m.group(0))]
    elements = [e for e in root.iter() if _local(e.tag) == "xref" and e.get("ref-type") == "bibr"]
    citations = []
    for number, element in enumerate(elements, start=1):
        tag = tags[number - 1] if number <= len(tags) else None
        close = text.find("</xref>", tag.end()) if tag else -1
        span = Span(tag.start(), close + 7 if close != -1 else tag.end()) if tag else Span(0, 0)
        keys = (element.get("rid") or "").split()
        shown = _text(element)
        narrative = bool(re.search(r"\(\s*(1[5-9]\d\d|20\d\d)", shown))
        for key in keys:
            citations.append(Citation(
                id="", span=span, text=shown if len(keys) == 1 else "", authors=(), et_al=False, year="", group=number,
                form=CitationForm.NARRATIVE if narrative else CitationForm.PARENTHETICAL, key=key, command="xref",
            ))
    structure = Structure(Source.JATS, tuple(references), tuple(citations))
    return Document.build(path, text, " " * len(text), kind="jats", structure=structure)
