"""Paths as settings see them: relative to a folder, with forward slashes."""

from __future__ import annotations

import os


def relative_to(path: str, root: str | None) -> str | None:
    """``path`` relative to ``root`` (the working directory when None), in
    POSIX form; None when it lies outside."""
    base = os.path.abspath(root or os.getcwd())
    where = os.path.relpath(os.path.abspath(path), base)
    if where == os.pardir or where.startswith(os.pardir + os.sep):
        return None
    return where.replace(os.sep, "/")
