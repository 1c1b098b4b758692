"""Plain text and reStructuredText (read as text)."""

from __future__ import annotations

from ..model import Document
from .mask import blank, url_spans


def read(path: str, text: str) -> Document:
    return Document.build(path, text, blank(text, url_spans(text)), kind="text")
