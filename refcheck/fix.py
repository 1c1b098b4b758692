"""--fix and --diff: the findings' structured edits, made to the files.

Only text formats are rewritten, only bytes refcheck can map its offsets back
onto (UTF-8, NFC, one line-ending style), and only a file that has not changed
since it was read (size, modification time and SHA-256 all the same). Writes
are atomic: a temporary file beside the original, then ``os.replace``.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import tempfile
import unicodedata
from dataclasses import dataclass, field

FIXABLE = (".txt", ".text", ".md", ".markdown", ".rst", ".tex", ".bib")
_BOM = b"\xef\xbb\xbf"


@dataclass
class Edit:
    """One file's edits: the text before and after, or why it is left alone."""

    path: str
    before: str = ""
    after: str = ""
    fixed: list = field(default_factory=list)  # the findings whose fix was made
    refused: str | None = None  # why the file is not rewritten
    data: bytes = b""  # the new bytes


def _allowed(fix, unsafe: bool) -> bool:
    level = getattr(fix.applicability, "value", fix.applicability)
    return level == "safe" or (unsafe and level == "unsafe")


def _text_of(data: bytes) -> tuple[str, bool, bool] | str:
    """(text with \\n line ends, had a BOM, used CRLF), or why it cannot be mapped."""
    bom = data.startswith(_BOM)
    try:
        raw = data[3 if bom else 0:].decode("utf-8")
    except UnicodeDecodeError:
        return "not UTF-8; refcheck rewrites only UTF-8 files"
    if not raw.isascii() and not unicodedata.is_normalized("NFC", raw):
        return "not in Unicode NFC form (refcheck reads it composed, so its edits would not line up with the bytes)"
    if "\u2028" in raw or "\u2029" in raw:
        return "has Unicode line separators (refcheck reads them as line ends)"
    pairs = raw.count("\r\n")
    if raw.count("\r") != pairs or (pairs and raw.count("\n") != pairs):
        return "mixes line endings (CR, CRLF, LF)"
    crlf = pairs > 0
    text = raw.replace("\r\n", "\n") if crlf else raw
    return text, bom, crlf


def plan(result, source, unsafe: bool = False) -> Edit | None:
    """The edit of one checked file (None when it has nothing to fix)."""
    # a finding located in another file (an included .tex, a .bib) has no edit of this one
    fixes = [f for f in result.findings if f.fix is not None and f.path == result.path and _allowed(f.fix, unsafe)]
    if not fixes:
        return None
    edit = Edit(result.path)
    if source is None:
        edit.refused = "standard input is never rewritten"
        return edit
    if os.path.splitext(result.path)[1].lower() not in FIXABLE:
        edit.refused = f"only {', '.join(FIXABLE)} files are rewritten"
        return edit
    mapped = _text_of(source.data)
    if isinstance(mapped, str):
        edit.refused = mapped
        return edit
    text, bom, crlf = mapped
    edit.before = text
    pieces, at, last = [], 0, None
    for finding in sorted(fixes, key=lambda f: (f.fix.start, f.fix.end)):
        fix = finding.fix
        if fix.start < at or fix.end > len(text):
            if (fix.start, fix.end, fix.replacement) == last:
                edit.fixed.append(finding)  # the same edit twice
            continue
        pieces += [text[at:fix.start], fix.replacement]
        at = fix.end
        last = (fix.start, fix.end, fix.replacement)
        edit.fixed.append(finding)
    pieces.append(text[at:])
    edit.after = "".join(pieces)
    out = edit.after.replace("\n", "\r\n") if crlf else edit.after
    edit.data = (_BOM if bom else b"") + out.encode("utf-8")
    return edit


def diff(edit: Edit) -> str:
    lines = difflib.unified_diff(edit.before.splitlines(keepends=True), edit.after.splitlines(keepends=True),
                                 f"a/{edit.path}", f"b/{edit.path}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def unchanged(path: str, source) -> bool:
    """Whether ``path`` still holds what was read (size, mtime, SHA-256)."""
    try:
        info = os.stat(path)
        if (info.st_size, info.st_mtime_ns) != (source.size, source.mtime_ns):
            return False
        with open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest() == source.sha256
    except OSError:
        return False


def write(edit: Edit, source) -> str | None:
    """Replace the file atomically; None, or why it was left alone."""
    if not unchanged(edit.path, source):
        return "changed since refcheck read it; not fixed (run refcheck again)"
    target = os.path.realpath(edit.path)  # a symbolic link stays one
    folder = os.path.dirname(target)
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".refcheck", dir=folder)
    except OSError as exc:
        return f"cannot write beside it: {exc.strerror or exc}"
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(edit.data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, os.stat(target).st_mode & 0o7777)
        os.replace(temporary, target)
    except OSError as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return f"cannot write it: {exc.strerror or exc}"
    return None
