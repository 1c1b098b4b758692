"""The source excerpt under a finding: its line (a window of it when long), the
span underlined with ``^``. Pure: text in, lines out."""

from __future__ import annotations

from .escape import printable

WIDTH = 88  # characters of a line shown; a longer line is shown as a window around the span
_BEFORE = 24  # characters kept before the span in a window


def _piece(text: str) -> str:
    return printable(text.replace("\t", " "))


def excerpt(text: str | list[str], line: int, col: int, end_line: int, end_col: int,
            width: int = WIDTH) -> tuple[str, int, int] | None:
    """(the shown line, where the underline starts, how long it is), or None
    when ``line`` is not in ``text`` (a string, or its lines: split once per
    file). A span that goes on to later lines is underlined to the end of its
    first line."""
    lines = text.split("\n") if isinstance(text, str) else text
    if not 1 <= line <= len(lines):
        return None
    source = lines[line - 1]
    start = min(max(col - 1, 0), len(source))
    end = min(end_col - 1, len(source)) if end_line == line else len(source)
    end = max(end, start)
    begin = 0
    stop = len(source)
    if len(source) > width:
        begin = max(0, start - _BEFORE)
        stop = min(len(source), begin + width)
        begin = max(0, min(begin, stop - width))
    lead = "…" if begin > 0 else ""
    tail = "…" if stop < len(source) else ""
    shown = lead + _piece(source[begin:start]) + _piece(source[start:min(end, stop)]) + _piece(source[min(end, stop):stop]) + tail
    at = len(lead) + len(_piece(source[begin:start]))
    length = max(1, len(_piece(source[start:min(end, stop)])))
    return shown.rstrip(), at, length
