"""GitHub Actions workflow commands: one annotation per finding, the file
relative to the workspace ($GITHUB_WORKSPACE, else the working directory).

https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""

from __future__ import annotations

import os

from ..findings import Report
from .escape import printable
from .paths import relative
from .text import summary

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    """Command data: GitHub decodes %25, %0D and %0A; every other control
    character is shown escaped, never passed to the log."""
    encoded = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(encoded)


def _property(text: str) -> str:
    """A property value: like data, and ':' and ',' (which end a property)."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, workspace: str | None = None) -> str:
    base = workspace or os.environ.get("GITHUB_WORKSPACE") or None
    lines = []
    for f in sorted(report.findings):
        message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
        lines.append(
            f"::{LEVELS[f.severity.label]} file={_property(relative(f.path, base))},line={f.line},col={f.col},"
            f"endLine={f.end_line},endColumn={f.end_col},title={_property(f'{f.code} {f.name}')}::{_data(message)}"
        )
    lines.append(summary(report))
    return "\n".join(lines) + "\n"
