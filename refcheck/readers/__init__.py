"""Readers turn bytes on disk into a :class:`~refcheck.model.Document`.

One module per input format; each exposes ``read(path, text) -> Document``.
Readers never judge the content.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..errors import InputError
from ..model import Document
from . import markdown, text
from .decode import decode

READERS = {
    ".txt": text,
    ".text": text,
    ".rst": text,
    ".md": markdown,
    ".markdown": markdown,
}
SUPPORTED_SUFFIXES = tuple(sorted(READERS))
MAX_BYTES = 256 * 1024 * 1024


def reader_for(path: str):
    suffix = os.path.splitext(path)[1].lower()
    return READERS.get(suffix)


def read_bytes(path: str, data: bytes, fmt: str | None = None) -> Document:
    """Decode ``data`` read from ``path`` with the reader for its format."""
    module = READERS.get(f".{fmt}") if fmt else reader_for(path)
    if module is None:
        module = text
    return module.read(path, decode(path, data))


def read_path(path: str) -> Document:
    module = reader_for(path)
    if module is None:
        suffix = os.path.splitext(path)[1] or "(none)"
        raise InputError(
            path,
            f"unsupported input format {suffix!r}; supported: {', '.join(SUPPORTED_SUFFIXES)}",
        )
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise InputError(path, f"file too large ({size} bytes; the limit is {MAX_BYTES})")
        with open(path, "rb") as handle:
            data = handle.read()
    except InputError:
        raise
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    return module.read(path, decode(path, data))


def iter_paths(paths: list[str]) -> Iterator[str]:
    """Expand folders into the supported files below them, in sorted order.

    A path that names a file is yielded as given (even if unsupported, so that
    the user hears about it); a folder with nothing supported raises.
    """
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            if path != "-" and not os.path.exists(path):
                raise InputError(path, "no such file or directory")
            yield path
            continue
        found = False
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if reader_for(name) is not None and not name.startswith("."):
                    found = True
                    yield os.path.join(root, name)
        if not found:
            raise InputError(
                path, f"no supported documents in this folder ({', '.join(SUPPORTED_SUFFIXES)})"
            )
