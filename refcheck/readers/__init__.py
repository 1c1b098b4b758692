"""Readers turn bytes on disk into a :class:`~refcheck.model.Document`.

One module per input format; each exposes ``read(path, text) -> Document``.
Readers never judge the content.
"""

from __future__ import annotations

import os
import stat
import sys
from importlib import import_module
from typing import BinaryIO

from ..errors import InputError
from ..model import Document
from .decode import decode
from .files import MAX_BYTES, problem, read_regular, read_stream

# suffix -> the reader's module, imported when a file of its kind is read
READERS = {
    ".txt": "text",
    ".text": "text",
    ".rst": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".tex": "latex",
    ".ltx": "latex",
    ".html": "html",
    ".htm": "html",
    ".xml": "jats",
    ".nxml": "jats",
    ".docx": "docx",
    ".pdf": "pdf",
}
SUPPORTED_SUFFIXES = tuple(sorted(READERS))
__all__ = ["MAX_BYTES", "READERS", "SUPPORTED_SUFFIXES", "expand", "read_bytes", "read_path", "read_source", "read_stdin", "reader_for"]


def reader_for(path: str):
    """The reader module for ``path``'s suffix, or None."""
    return _module(READERS.get(os.path.splitext(path)[1].lower()))


def _module(name: str | None):
    return None if name is None else import_module(f".{name}", __name__)


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
    module = _module(READERS.get(f".{fmt}")) if fmt else reader_for(path)
    if module is None:
        module = _module("text")
    return _read(module, path, data, bib)


def read_path(path: str, bib: tuple[str, ...] = ()) -> Document:
    """Read a regular file with the reader for its suffix (see :mod:`.files`);
    ``bib`` names bibliography files for documents that cite by key."""
    return read_source(path, bib)[0]


def read_source(path: str, bib: tuple[str, ...] = ()) -> tuple[Document, bytes]:
    """:func:`read_path`, and the bytes it read."""
    module = reader_for(path)
    if module is None:
        suffix = os.path.splitext(path)[1] or "(none)"
        raise InputError(
            path,
            f"unsupported input format {suffix!r}; supported: {', '.join(SUPPORTED_SUFFIXES)}",
        )
    data = read_regular(path)
    return _read(module, path, data, bib), data


def read_stdin(stream: BinaryIO | None = None, fmt: str = "md", bib: tuple[str, ...] = ()) -> Document:
    """Standard input (or ``stream``), bounded like a file, as ``<stdin>``."""
    if stream is None:
        stream = getattr(sys.stdin, "buffer", sys.stdin)
    if stream is None:  # started with standard input closed
        raise InputError("<stdin>", "standard input is closed")
    return read_bytes("<stdin>", read_stream("<stdin>", stream), fmt, bib)


def expand(path: str, errors: list[str], notes: list[str], config=None) -> list[str]:
    """The documents ``path`` stands for: itself, or the supported files in a
    folder and its subfolders, in sorted order (see :mod:`.walk`: ``config``'s
    exclude globs and .gitignore files apply).

    A path that names a file is returned as given (even if unsupported, so that
    the user hears about it). Nothing is skipped without a word, except hidden
    names, unsupported suffixes and excluded or git-ignored paths inside
    folders: an unreadable folder or a folder with nothing supported is an
    error, a symlinked subfolder (not followed) a note.
    """
    if path == "-":
        return [path]
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        errors.append(InputError(path, problem(exc)))
        return []
    if not stat.S_ISDIR(mode):
        return [path]
    from .walk import walk

    before = len(errors)
    found = walk(path, errors, notes, lambda name: reader_for(name) is not None and in_folders(name), config)
    if not found and len(errors) == before:
        errors.append(InputError(path, f"no supported documents in this folder ({', '.join(SUPPORTED_SUFFIXES)})"))
    return found
