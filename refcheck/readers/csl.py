"""CSL-JSON and CSL-YAML items (a file, or Pandoc's inline ``references:``) ->
structured references. PyYAML is imported only for YAML."""

from __future__ import annotations

import re

from ..model import Author, Origin, Reference, Source, Span

_YEAR = re.compile(r"(1[5-9]\d\d|20\d\d)")


class CslError(ValueError):
    """The file is not CSL data; the message says why, in one line."""


def load_json(text: str) -> list:
    import json

    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise CslError(f"not valid JSON: {exc}") from None
    return _items(data)


def load_yaml(text: str) -> list:
    import yaml

    try:
        data = yaml.safe_load(text)
    except (yaml.YAMLError, RecursionError) as exc:
        raise CslError(f"not valid YAML: {str(exc).splitlines()[0]}") from None
    return _items(data)


def _items(data) -> list:
    if isinstance(data, dict) and isinstance(data.get("references"), list):
        data = data["references"]
    if not isinstance(data, list):
        raise CslError("expected a list of CSL items (or 'references:' with one)")
    return data


def references(items: list, path: str, text: str = "") -> list[Reference]:
    """One reference per item; an item without an id is an unreadable entry."""
    out = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not str(item.get("id") or "").strip():
            out.append(Reference(id="", span=Span(0, 0), raw=str(item)[:300], problem=f"CSL item {number} has no id",
                                 source=Source.CSL, origin=Origin(path, 1)))
            continue
        out.append(_reference(item, path, _line(text, str(item["id"]))))
    return out


def _line(text: str, key: str) -> int:
    """The line where the item's id is written (1 when not found)."""
    match = re.search(r"""(?:["']?id["']?\s*:\s*["']?)""" + re.escape(key) + r"""(?=["'\s,}]|$)""", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _text(value) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _names(value) -> tuple[tuple[Author, ...], bool]:
    authors = []
    corporate = False
    for name in value if isinstance(value, list) else []:
        if not isinstance(name, dict):
            continue
        if name.get("literal"):
            corporate = corporate or not authors
            authors.append(Author(str(name["literal"]).strip()))
        elif name.get("family"):
            family = " ".join(str(p) for p in (name.get("non-dropping-particle"), name["family"]) if p)
            authors.append(Author(family.strip(), str(name.get("given") or "").strip()))
    return tuple(authors), corporate


def _year(issued) -> str | None:
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            found = _YEAR.search(str(parts[0][0]))
            if found:
                return found.group(1)
        issued = issued.get("raw") or issued.get("literal")
    found = _YEAR.search(str(issued or ""))
    return found.group(1) if found else None


def _reference(item: dict, path: str, line: int) -> Reference:
    authors, corporate = _names(item.get("author"))
    editors = False
    if not authors:
        authors, corporate = _names(item.get("editor"))
        editors = bool(authors)
    url = _text(item.get("URL"))
    return Reference(
        id="", span=Span(0, 0), raw=str(item)[:500], authors=authors, corporate=corporate, editors=editors,
        year=_year(item.get("issued")), title=_text(item.get("title")), container=_text(item.get("container-title")),
        volume=_text(item.get("volume")), issue=_text(item.get("issue")), pages=_text(item.get("page")),
        doi=_text(item.get("DOI")), urls=(url,) if url else (), accessed=_year(item.get("accessed")),
        key=str(item["id"]).strip(), source=Source.CSL, entry_type=_text(item.get("type")),
        fields=frozenset(k for k, v in item.items() if v not in (None, "", [])), origin=Origin(path, line),
    )
