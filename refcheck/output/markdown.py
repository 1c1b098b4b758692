"""Markdown for a pull-request comment or $GITHUB_STEP_SUMMARY: the summary,
a table of counts per rule, and the findings in a table (folded when long)."""

from __future__ import annotations

from collections import Counter

from ..findings import Report
from .escape import printable
from .paths import relative
from .text import summary

FOLD_AFTER = 20  # findings shown open; more are folded in <details>


def cell(text: str) -> str:
    """Table-cell text: no line breaks, pipes escaped, no HTML or Markdown
    markup taken from the document."""
    text = printable(" ".join(text.split()))
    for char in "\\`*_[]<>|":
        text = text.replace(char, "\\" + char)
    return text


def render(report: Report) -> str:
    out = ["## refcheck", "", cell(summary(report)), ""]
    findings = sorted(report.findings)
    if findings:
        counts = Counter((f.code, f.name, f.severity.label) for f in findings)
        out += ["| Code | Rule | Severity | Count |", "|---|---|---|---:|"]
        out += [f"| {code} | {name} | {level} | {n} |"
                for (code, name, level), n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
        out.append("")
        rows = ["| File | Line | Severity | Code | Message |", "|---|---:|---|---|---|"]
        rows += [f"| {cell(relative(f.path))} | {f.line}:{f.col} | {f.severity.label} | {f.code} | {cell(f.message)}"
                 + (f" (suggestion: {cell(f.suggestion)})" if f.suggestion else "") + " |" for f in findings]
        if len(findings) > FOLD_AFTER:
            out += ["<details><summary>All findings</summary>", ""] + rows + ["", "</details>"]
        else:
            out += rows
        out.append("")
    if report.errors:
        out += ["**Could not be read:**", ""] + [f"- {cell(str(e))}" for e in report.errors] + [""]
    return "\n".join(out).rstrip("\n") + "\n"
