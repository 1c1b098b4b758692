"""Make text from documents, file names and fetched pages safe to print.

Documents, their file names and the pages --links fetches come from strangers.
Printed raw, a newline in a file name starts a forged line (a GitHub workflow
command such as ``::error::`` or ``::stop-commands::``), an escape sequence
recolours, retitles or rewrites the terminal, and a bidi override shows text in
another order than it has. :func:`printable` makes every such character visible
instead; :func:`json_safe` keeps machine output valid.
"""

from __future__ import annotations

import re

# C0 controls (tab and newline included: every output line is one line), DEL,
# C1 controls, the bidi embeddings/overrides/isolates, and lone surrogates (the
# undecodable bytes of a file name under Python's surrogateescape).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name: show the byte
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control, bidi-control and surrogate character written
    as a Python-style escape (``\\x1b``, ``\\n``, ``\\u202e``, ``\\xff`` for an
    undecodable file-name byte). Other text, backslashes included, is unchanged."""
    return _UNSAFE.sub(_escape, text)


def json_safe(text: str) -> str:
    """Serialised JSON with lone surrogates written as ``\\udcXX`` escapes.

    ``json.dumps(ensure_ascii=False)`` leaves a surrogate-escaped file name as
    a lone surrogate, which cannot be written as UTF-8. The escape is valid JSON
    and lossless: ``os.fsencode(json.loads(...)["path"])`` gives back the bytes.
    """
    if text.isascii():  # constant time for an ASCII string: nothing to scan
        return text
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
