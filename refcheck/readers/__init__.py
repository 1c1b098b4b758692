"""Readers turn bytes on disk into a :class:`~refcheck.model.Document`.

One module per input format; each exposes ``read(path, text) -> Document``.
Readers never judge the content.
"""

from __future__ import annotations

import os
import stat
import sys
from typing import BinaryIO

from ..errors import InputError
from ..model import Document
from . import docx, html, jats, latex, markdown, pdf, text
from .decode import decode
from .files import MAX_BYTES, problem, read_regular, read_stream

READERS = {
    ".txt": text,
    ".text": text,
    ".rst": text,
    ".md": markdown,
    ".markdown": markdown,
    ".tex": latex,
    ".ltx": latex,
    ".html": html,
    ".htm": html,
    ".xml": jats,
    ".nxml": jats,
    ".docx": docx,
    ".pdf": pdf,
}
SUPPORTED_SUFFIXES = tuple(sorted(READERS))
__all__ = ["MAX_BYTES", "READERS", "SUPPORTED_SUFFIXES", "expand", "read_bytes", "read_path", "read_stdin", "reader_for"]


def reader_for(path: str):
    suffix = os.path.splitext(path)[1].lower()
    return READERS.get(suffix)


def _read(module, path: str, data: bytes, bib: tuple[str, ...]) -> Document:
    """Binary formats (.docx, .pdf) get the bytes, the others the decoded text."""
    if getattr(module, "BINARY", False):
        return module.read_binary(path, data, bib)
    text_ = decode(path, data)
    if hasattr(module, "read_with"):
        return module.read_with(path, text_, bib)
    return module.read(path, text_)


def in_folders(name: str) -> bool:
    """Whether a folder's file is checked: any supported suffix, except that an
    .xml file (configuration, build files) is taken only when named *.jats.xml."""
    lower = name.lower()
    return not lower.endswith(".xml") or lower.endswith(".jats.xml")


def read_bytes(path: str, data: bytes, fmt: str | None = None, bib: tuple[str, ...] = ()) -> Document:
    """Decode ``data`` read from ``path`` with the reader for its format."""
    module = READERS.get(f".{fmt}") if fmt else reader_for(path)
    if module is None:
        module = text
    return _read(module, path, data, bib)


def read_path(path: str, bib: tuple[str, ...] = ()) -> Document:
    """Read a regular file with the reader for its suffix (see :mod:`.files`);
    ``bib`` names bibliography files for documents that cite by key."""
    module = reader_for(path)
    if module is None:
        suffix = os.path.splitext(path)[1] or "(none)"
        raise InputError(
            path,
            f"unsupported input format {suffix!r}; supported: {', '.join(SUPPORTED_SUFFIXES)}",
        )
    return _read(module, path, read_regular(path), bib)


def read_stdin(stream: BinaryIO | None = None, fmt: str = "md", bib: tuple[str, ...] = ()) -> Document:
    """Standard input (or ``stream``), bounded like a file, as ``<stdin>``."""
    if stream is None:
        stream = getattr(sys.stdin, "buffer", sys.stdin)
    if stream is None:  # started with standard input closed
        raise InputError("<stdin>", "standard input is closed")
    return read_bytes("<stdin>", read_stream("<stdin>", stream), fmt, bib)


def expand(path: str, errors: list[str], notes: list[str]) -> list[str]:
    """The documents ``path`` stands for: itself, or the supported files in a
    folder and its subfolders, in sorted order.

    A path that names a file is returned as given (even if unsupported, so that
    the user hears about it). Nothing is skipped without a word, except hidden
    names and unsupported suffixes inside folders: an unreadable folder or a
    folder with nothing supported is an error, a symlinked subfolder (not
    followed) a note.
    """
    if path == "-":
        return [path]
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        errors.append(str(InputError(path, problem(exc))))
        return []
    if not stat.S_ISDIR(mode):
        return [path]
    before = len(errors)
    found = _walk(path, errors, notes)
    if not found and len(errors) == before:
        errors.append(str(InputError(path, f"no supported documents in this folder ({', '.join(SUPPORTED_SUFFIXES)})")))
    return found


def _walk(top: str, errors: list[str], notes: list[str]) -> list[str]:
    """Depth first, in sorted order, without recursion (a folder tree may be
    deeper than Python's stack) and without following symlinked folders."""
    found: list[str] = []
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as exc:
            errors.append(str(InputError(folder, f"cannot read this folder: {problem(exc)}")))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if not _is_folder(entry):  # files, and links that lead nowhere (read, and reported, if supported)
                if reader_for(entry.name) is not None and in_folders(entry.name):
                    found.append(entry.path)
            elif entry.is_symlink():
                notes.append(f"{entry.path}: symbolic link to a folder, not followed (name it to check it)")
            else:
                subfolders.append(entry.path)
        stack.extend(reversed(subfolders))
    return found


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a symlink loop, a permission problem: reported when read
        return False
