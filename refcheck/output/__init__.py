"""Renderers: one pure function per format, ``render(report) -> str``."""

from __future__ import annotations

import os

FORMATS = ("text", "json", "github", "auto")


def resolve(fmt: str) -> str:
    """``auto``: GitHub annotations inside GitHub Actions, text elsewhere."""
    if fmt == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return fmt


def render(report, fmt: str, **options) -> str:
    fmt = resolve(fmt)
    if fmt == "json":
        from . import json_format

        return json_format.render(report)
    if fmt == "github":
        from . import github

        return github.render(report)
    from . import text

    return text.render(report, **options)
