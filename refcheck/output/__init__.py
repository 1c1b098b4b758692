"""Renderers: one pure function per format, ``render(report) -> str``."""

from __future__ import annotations

import os
from importlib import import_module

# text: full in a terminal, concise elsewhere; auto: github under GitHub Actions, else text
FORMATS = ("text", "full", "concise", "json", "jsonl", "github", "sarif", "junit", "markdown", "auto")
_MODULES = {"json": "json_format", "jsonl": "jsonl", "github": "github", "sarif": "sarif", "junit": "junit",
            "markdown": "markdown"}


def resolve(fmt: str, terminal: bool = False) -> str:
    """The format to print: ``auto`` is GitHub annotations inside GitHub
    Actions, else text; ``text`` is ``full`` in a terminal, else ``concise``."""
    fmt = fmt.lower()
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if fmt == "text":
        fmt = "full" if terminal else "concise"
    return fmt


def render(report, fmt: str, color: bool = False, quiet: bool = False, statistics: bool = False, terminal: bool = False,
           width: int | None = None) -> str:
    """``report`` in ``fmt``; ``width`` (the terminal's) bounds the excerpts of full."""
    fmt = resolve(fmt, terminal)
    if fmt in ("full", "concise"):
        from . import text

        return text.render(report, color=color, full=fmt == "full", quiet=quiet, statistics=statistics, width=width)
    return import_module(f".{_MODULES[fmt]}", __name__).render(report)


def render_pieces(report, fmt: str, **options):
    """:func:`render` in pieces to write one after the other: JSON is made while it
    is written (see :func:`.json_format.render_chunks`), the others are one piece."""
    if resolve(fmt, options.get("terminal", False)) == "json":
        from .json_format import render_chunks

        return render_chunks(report)
    return [render(report, fmt, **options)]
