"""HTML (.html, .htm): the visible text, read with the standard library's
html.parser, with every position pointing into the source file.

Script, style, template, head and navigation (<nav>, role="navigation") are
not read. Block elements (paragraphs, list items, headings, table rows) start
new lines, headings stand as paragraphs of their own, so the reference-list
heading and its <ol>/<ul>/<p> entries are found as in text. A link's target
(<a href>) is added at the end of its paragraph or list item when the text
does not already show it, so it is the entry's URL.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from ..model import Document, line_starts
from .mask import blank, url_spans

_SKIP = frozenset({"script", "style", "template", "head", "nav", "noscript", "svg", "math", "button", "select"})
_BLOCK = frozenset({"p", "div", "li", "ol", "ul", "dl", "dt", "dd", "tr", "table", "section", "article", "aside",
                    "blockquote", "pre", "header", "footer", "main", "figure", "figcaption", "address", "hr", "br",
                    "caption", "tbody", "thead", "form", "fieldset", "details", "summary"})
_HEADING = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"})
_SPACE = re.compile(r"\s+")


class _Visible(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.starts = line_starts(source)
        self.pieces: list[str] = []
        self.map: list[tuple[int, int]] = []
        self.length = 0
        self.skip: list[str] = []
        self.anchors: list[tuple[str, int, int]] = []  # (href, text length at <a>, source offset)
        self.pending: list[tuple[str, int]] = []  # link targets to add at the end of the block

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.starts[min(line, len(self.starts)) - 1] + col

    def _emit(self, text: str, source_at: int) -> None:
        if not text:
            return
        self.map.append((self.length, source_at))
        self.pieces.append(text)
        self.length += len(text)

    def _break(self, lines: int) -> None:
        for href, source_at in self.pending:  # a link's target ends its paragraph or entry
            self._emit(" " + href, source_at)
        self.pending = []
        text = "".join(self.pieces[-3:])
        have = len(text) - len(text.rstrip("\n")) if text.strip(" ") else 0
        if self.length and have < lines:
            self._emit("\n" * (lines - have), self._offset())

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP or dict(attrs).get("role") == "navigation" or "hidden" in dict(attrs):
            if tag not in _VOID:
                self.skip.append(tag)
            return
        if self.skip:
            return
        if tag in _HEADING:
            self._break(2)
        elif tag in _BLOCK:
            self._break(2 if tag in ("p", "li", "dd", "dt", "tr", "blockquote") else 1)
        if tag == "a":
            self.anchors.append((dict(attrs).get("href") or "", self.length, self._offset()))

    def handle_startendtag(self, tag, attrs):
        if not self.skip and tag in ("br", "hr"):
            self._break(1)

    def handle_endtag(self, tag):
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            return
        if tag in _HEADING:
            self._break(2)
        elif tag in _BLOCK:
            self._break(1)
        elif tag == "a" and self.anchors:
            href, at, source_at = self.anchors.pop()
            shown = "".join(self.pieces)[at:] if at < self.length else ""
            if href.startswith(("http://", "https://")) and href not in shown and "://" not in shown:
                self.pending.append((href.strip(), source_at))

    def handle_data(self, data):
        if self.skip:
            return
        base = self._offset()
        for match in re.finditer(r"\S+|\s+", data):
            piece = match.group(0)
            if piece.isspace():
                tail = self.pieces[-1][-1:] if self.pieces else "\n"
                if tail not in (" ", "\n"):
                    self._emit(" ", base + match.start())
            else:
                self._emit(piece, base + match.start())

    def _reference(self, raw: str) -> None:
        if not self.skip:
            self._emit(unescape(raw), self._offset())

    def handle_entityref(self, name):
        self._reference(f"&{name};")

    def handle_charref(self, name):
        self._reference(f"&#{name};")


def read(path: str, text: str) -> Document:
    parser = _Visible(text)
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError):  # html.parser's own complaints about malformed markup
        pass
    parser._break(1)
    visible = "".join(parser.pieces)
    return Document.build(path, visible, blank(visible, url_spans(visible)), kind="html", source=text,
                          source_map=tuple(parser.map))
