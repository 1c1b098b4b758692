"""Word documents (.docx): body paragraphs and tables, footnotes and endnotes
(after the paragraph that marks them), hyperlink targets, and the citations
Zotero or Mendeley inserted as fields with their CSL item data.

The package is read with zipfile and defusedxml (entity declarations and
external references refused), so no extra is needed. Each paragraph is one
line of the document's text: a finding's line is the paragraph's number.
"""

from __future__ import annotations

import io
import json
import re
import zipfile

from ..errors import InputError
from ..model import Citation, CitationForm, Document, Source, Span, Structure
from . import csl
from .mask import blank, url_spans

BINARY = True
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MAX_UNPACKED = 128 * 1024 * 1024  # the parts read, uncompressed: a zip bomb is refused
_CSL_FIELD = re.compile(r"^\s*ADDIN\s+(?:ZOTERO_ITEM\s+)?CSL_CITATION\s+(\{.*\})\s*$", re.DOTALL)
_WALK = frozenset({"r", "smartTag", "sdt", "sdtContent", "customXml", "ins", "moveTo", "fldSimple", "hyperlink"})


def _parse(path: str, data: bytes):
    import defusedxml.ElementTree as safe
    from defusedxml import DefusedXmlException

    try:
        return safe.fromstring(data, forbid_dtd=True)
    except (DefusedXmlException, safe.ParseError, ValueError) as exc:
        raise InputError(path, f"not a readable Word document: {exc}") from None


class _Paragraph:
    """The text of one w:p, its fields and links, walked in document order."""

    def __init__(self, rels: dict[str, str]) -> None:
        self.rels = rels
        self.parts: list[str] = []
        self.length = 0
        self.fields: list[tuple[str, int, int]] = []  # (instruction, start, end) of the field's visible result
        self.links: list[str] = []
        self.notes: list[str] = []  # footnote / endnote ids referenced here
        self._open: list[list] = []  # complex fields: [instruction, result start or None]

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def walk(self, element) -> None:
        for child in element:
            tag = child.tag.replace(W, "") if isinstance(child.tag, str) else ""
            if tag == "t":
                self.add(child.text or "")
            elif tag in ("tab",):
                self.add("\t")
            elif tag in ("br", "cr"):
                self.add(" ")
            elif tag == "fldChar":
                kind = child.get(W + "fldCharType")
                if kind == "begin":
                    self._open.append(["", None])
                elif kind == "separate" and self._open:
                    self._open[-1][1] = self.length
                elif kind == "end" and self._open:
                    instruction, start = self._open.pop()
                    if start is not None:
                        self.fields.append((instruction, start, self.length))
            elif tag == "instrText" and self._open:
                self._open[-1][0] += child.text or ""
            elif tag in ("footnoteReference", "endnoteReference"):
                self.notes.append(("foot" if tag.startswith("foot") else "end") + ":" + (child.get(W + "id") or ""))
            elif tag == "fldSimple":
                start = self.length
                self.walk(child)
                self.fields.append((child.get(W + "instr") or "", start, self.length))
            elif tag == "hyperlink":
                start = self.length
                self.walk(child)
                target = self.rels.get(child.get(R + "id") or "", "")
                shown = "".join(self.parts)[start:]
                if target.startswith(("http://", "https://")) and target not in shown:
                    self.links.append(target)
            elif tag in _WALK:
                self.walk(child)

    def text(self) -> str:
        return "".join(self.parts).replace("\n", " ")


def _rels(path: str, archive: zipfile.ZipFile, name: str) -> dict[str, str]:
    if name not in archive.namelist():
        return {}
    root = _parse(path, archive.read(name))
    return {r.get("Id", ""): r.get("Target", "") for r in root if r.get("TargetMode") == "External"}


def _notes(path: str, archive: zipfile.ZipFile, kind: str) -> dict[str, list[_Paragraph]]:
    name = f"word/{kind}notes.xml"
    if name not in archive.namelist():
        return {}
    rels = _rels(path, archive, f"word/_rels/{kind}notes.xml.rels")
    found: dict[str, list[_Paragraph]] = {}
    for note in _parse(path, archive.read(name)):
        paragraphs = []
        for element in note.iter(W + "p"):
            paragraph = _Paragraph(rels)
            paragraph.walk(element)
            paragraphs.append(paragraph)
        found[f"{kind}:{note.get(W + 'id')}"] = paragraphs
    return found


def _open(path: str, data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(path, "not a Word document (.docx): not a zip archive") from None
    names = set(archive.namelist())
    if "word/document.xml" not in names:
        raise InputError(path, "not a Word document (.docx): a zip archive without word/document.xml")
    wanted = [i for i in archive.infolist() if i.filename.startswith("word/") and i.filename.endswith((".xml", ".rels"))]
    if sum(i.file_size for i in wanted) > MAX_UNPACKED:
        raise InputError(path, f"the document's parts unpack to more than {MAX_UNPACKED} bytes; not read")
    return archive


def read_binary(path: str, data: bytes, bib: tuple[str, ...] = ()) -> Document:
    archive = _open(path, data)
    try:
        body = _parse(path, archive.read("word/document.xml"))
        rels = _rels(path, archive, "word/_rels/document.xml.rels")
        notes = {**_notes(path, archive, "foot"), **_notes(path, archive, "end")}
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, NotImplementedError) as exc:
        raise InputError(path, f"cannot unpack this Word document: {exc}") from None
    lines: list[str] = []
    fields: list[tuple[str, int, int]] = []
    offset = 0

    def emit(paragraph: _Paragraph, prefix: str = "") -> None:
        nonlocal offset
        text = prefix + paragraph.text() + "".join(" " + link for link in paragraph.links)
        for instruction, start, end in paragraph.fields:
            fields.append((instruction, offset + len(prefix) + start, offset + len(prefix) + end))
        lines.append(text)
        offset += len(text) + 1

    for element in body.iter(W + "p"):
        paragraph = _Paragraph(rels)
        paragraph.walk(element)
        emit(paragraph)
        for note in paragraph.notes:
            for number, inner in enumerate(notes.get(note, [])):
                emit(inner, f"[{note.split(':')[0]}note {note.split(':')[1]}] " if number == 0 else "")
    text = "\n".join(lines)
    structure = _zotero(path, text, fields)
    return Document.build(path, text, blank(text, url_spans(text)) if structure is None else " " * len(text),
                          kind="docx", structure=structure)


def _zotero(path: str, text: str, fields) -> Structure | None:
    """Citations Zotero or Mendeley inserted, with references from their item data."""
    citations = []
    edited: list[tuple[Span, str, str]] = []
    items: dict[str, dict] = {}
    spans: dict[str, Span] = {}
    for number, (instruction, start, end) in enumerate(fields, start=1):
        match = _CSL_FIELD.match(instruction)
        if not match:
            continue
        try:
            data = json.loads(match.group(1))
        except (json.JSONDecodeError, RecursionError):
            continue
        entries = [c for c in data.get("citationItems", []) if isinstance(c, dict) and isinstance(c.get("itemData"), dict)]
        properties = data.get("properties") if isinstance(data.get("properties"), dict) else {}
        inserted = properties.get("plainCitation")
        shown_all = text[start:end]
        if entries and isinstance(inserted, str) and _squash(inserted) != _squash(shown_all):
            edited.append((Span(start, end), shown_all.strip(), inserted.strip()))
        for entry in entries:
            item = dict(entry["itemData"])
            uris = entry.get("uris") or entry.get("uri") or []
            key = str(uris[0] if isinstance(uris, list) and uris else item.get("id", ""))
            item["id"] = key
            items.setdefault(key, item)
            spans.setdefault(key, Span(start, end))
            shown = text[start:end].strip("()[] ")
            citations.append(Citation(id="", span=Span(start, end), text=shown if len(entries) == 1 else "",
                                      form=CitationForm.PARENTHETICAL, authors=(), et_al=False, year="",
                                      group=number, key=key, command="field"))
    if not citations:
        return None
    references = tuple(r if r.problem else _placed(r, spans) for r in csl.references(list(items.values()), path))
    return Structure(Source.CSL, references, tuple(citations), edited=tuple(edited))


def _squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _placed(ref, spans: dict[str, Span]):
    from dataclasses import replace

    return replace(ref, span=spans.get(ref.key or "", Span(0, 0)), origin=None)
