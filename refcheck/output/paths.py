"""Paths as CI tools want them: relative to a base folder (the working
directory, or $GITHUB_WORKSPACE for annotations), with forward slashes."""

from __future__ import annotations

import os
from urllib.parse import quote


def relative(path: str, base: str | None = None) -> str:
    """``path`` relative to ``base`` (default: the working directory) when it
    lies inside it; else absolute. ``<stdin>`` stays as it is."""
    if path == "<stdin>":
        return path
    base = os.path.abspath(base or os.getcwd())
    full = os.path.abspath(path)
    try:
        inside = os.path.commonpath([base, full]) == base
    except ValueError:  # another drive (Windows)
        inside = False
    shown = os.path.relpath(full, base) if inside else full
    return shown.replace(os.sep, "/")


def uri(path: str, base: str | None = None) -> str:
    """A URI reference for ``path``: relative when inside ``base``, else
    ``file://``; every byte of the name kept (percent-encoded)."""
    shown = relative(path, base)
    encoded = quote(os.fsencode(shown), safe="/")
    return encoded if not shown.startswith("/") else "file://" + encoded


def folder_uri(folder: str) -> str:
    """``file:///abs/folder/``: an absolute folder as a URI, ending in "/"."""
    path = os.path.abspath(folder).replace(os.sep, "/").rstrip("/") + "/"
    if not path.startswith("/"):
        path = "/" + path  # a Windows drive: file:///C:/...
    return "file://" + quote(os.fsencode(path), safe="/:")
