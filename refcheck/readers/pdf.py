"""PDF documents, with pypdf (the ``pdf`` extra: pip install 'refcheck[pdf]').

The text layer of each page, in pypdf's reading order; words broken across a
line end with a hyphen are re-joined; running headers and footers (a line
that starts or ends most pages) and bare page numbers are dropped. A
password-protected PDF, or one without a text layer (scanned images), is a
one-line error. ``refcheck refs file.pdf`` shows what was extracted.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from ..errors import InputError
from ..model import Document
from .mask import blank, url_spans

BINARY = True
MAX_PAGES = 2000
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.IGNORECASE)
_HYPHEN = re.compile(r"(\w)-\n(?=[a-z])")


def _pages(path: str, data: bytes) -> list[str]:
    try:
        import pypdf
    except ImportError:
        raise InputError(path, "PDF documents need the pdf extra: pip install 'refcheck[pdf]'") from None
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(path, "password-protected PDF; not read")
        if len(reader.pages) > MAX_PAGES:
            raise InputError(path, f"more than {MAX_PAGES} pages; not read")
        return [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "password" in message.lower() or "decrypt" in message.lower() or "crypt" in type(exc).__name__.lower():
            raise InputError(path, "password-protected PDF; not read") from None
        raise InputError(path, f"cannot read this PDF: {message[:200]}") from None


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def clean(pages: list[str]) -> str:
    """The pages' text without running headers, footers and page numbers, with
    hyphenated line ends re-joined."""
    split = [[line.rstrip() for line in page.splitlines()] for page in pages]
    edges: Counter[str] = Counter()
    for lines in split:
        shown = [line for line in lines if line.strip()]
        for line in {_key(x) for x in shown[:2] + shown[-2:]}:
            edges[line] += 1
    running = {key for key, count in edges.items() if len(pages) >= 3 and count * 2 > len(pages)}
    kept = []
    for lines in split:
        shown = [i for i, line in enumerate(lines) if line.strip()]
        edge = set(shown[:2] + shown[-2:])
        for index, line in enumerate(lines):
            if index in edge and (_key(line) in running or _PAGE_NUMBER.match(line)):
                continue
            kept.append(line)
        kept.append("")
    return _HYPHEN.sub(r"\1", "\n".join(kept)).strip("\n") + "\n"


def read_binary(path: str, data: bytes, bib: tuple[str, ...] = ()) -> Document:
    text = clean(_pages(path, data))
    if not text.strip():
        raise InputError(path, "no text layer (an image-only or scanned PDF); run OCR first, e.g. ocrmypdf")
    return Document.build(path, text, blank(text, url_spans(text)), kind="pdf")
