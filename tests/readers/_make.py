"""Documents generated in the tests: .docx with python-docx, .pdf by hand."""

from __future__ import annotations

import json


def docx(path, paragraphs, fields=(), link=None, plain=None) -> None:
    """A .docx with one paragraph per string; ``fields`` adds paragraphs holding a
    Zotero citation field: (text before, visible text, CSL items, text after),
    inserted by Zotero as ``plain`` (default: the visible text)."""
    import docx as python_docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = python_docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for before, visible, items, after in fields:
        paragraph = document.add_paragraph(before)
        instruction = "ADDIN ZOTERO_ITEM CSL_CITATION " + json.dumps(
            {"citationID": "x", "citationItems": [{"id": n, "uris": [f"http://zotero.org/users/1/items/{item['id']}"],
                                                   "itemData": item} for n, item in enumerate(items)],
             "properties": {"plainCitation": plain if plain is not None else visible}})
        for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", visible), ("end", None)):
            run = OxmlElement("w:r")
            if kind == "instr":
                element = OxmlElement("w:instrText")
                element.text = text
            elif kind == "text":
                element = OxmlElement("w:t")
                element.text = text
            else:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
            run.append(element)
            paragraph._p.append(run)
        paragraph.add_run(after)
    if link is not None:
        shown, url = link
        paragraph = document.add_paragraph("See ")
        rid = paragraph.part.relate_to(url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
                                       is_external=True)
        hyperlink = OxmlElement("w:hyperlink")
        hyperlink.set(qn("r:id"), rid)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = shown
        run.append(text)
        hyperlink.append(run)
        paragraph._p.append(hyperlink)
    document.save(str(path))


def pdf(pages: list[list[str]]) -> bytes:
    """A PDF with one text line per string, in Helvetica, page after page."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>"]
    font = len(pages) * 2 + 3
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>")
    for number, lines in enumerate(pages):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * number} 0 R "
                       f"/Resources << /Font << /F1 {font} 0 R >> >> >>")
        shown = " ".join("(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*" for line in lines)
        body = f"BT /F1 11 Tf 14 TL 72 740 Td {shown} ET"
        objects.append(f"<< /Length {len(body)} >>\nstream\n{body}\nendstream")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = "%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n"
    start = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{start}\n%%EOF\n"
    return out.encode("latin-1")
