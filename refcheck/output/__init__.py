"""Renderers: one pure function per format, ``render(report) -> str``."""

from __future__ import annotations

FORMATS = ("text", "json")


def render(report, fmt: str, **options) -> str:
    if fmt == "json":
        from . import json_format

        return json_format.render(report)
    from . import text

    return text.render(report, **options)
