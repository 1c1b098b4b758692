"""Human-readable output: ``path:line:col: CODE message`` and a summary."""

from __future__ import annotations

from ..findings import Report
from ..rules.base import plural
from .escape import printable


def render(report: Report, color: bool = False) -> str:
    lines = []
    for finding in sorted(report.findings):
        code = finding.code
        if color:
            shade = {"error": "31", "warning": "33", "info": "36"}[finding.severity.label]
            code = f"\x1b[1;{shade}m{code}\x1b[0m"
        text = f"{printable(finding.path)}:{finding.line}:{finding.col}: {code} {printable(finding.message)}"
        if finding.suggestion:
            text += f" (suggestion: {printable(finding.suggestion)})"
        lines.append(text)
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def summary(report: Report) -> str:
    counts = report.counts()
    total = sum(counts.values())
    files = len(report.files)
    refs = sum(len(r.references) for r in report.files)
    cits = sum(len(r.citations) for r in report.files)
    scope = f"{plural(files, 'file')}, {plural(refs, 'reference')}, {plural(cits, 'citation')}"
    unread = f"{plural(len(report.errors), 'path')} could not be read" if report.errors else ""
    if not total:
        if not unread:
            return f"No problems found ({scope})."
        if not files:
            return f"Nothing was checked: {unread}."
        return f"No problems found in the files that were read ({scope}); {unread}."
    parts = ", ".join(plural(n, label) if label != "info" else f"{n} info" for label, n in counts.items() if n)
    return f"Found {plural(total, 'problem')}: {parts} ({scope})" + (f"; {unread}." if unread else ".")
