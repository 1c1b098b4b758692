"""JUnit XML: one testcase per file, one failure per finding; an input that
could not be read is a testcase with an error. Readable by CI test reports."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..findings import Report
from .escape import printable
from .text import headline


def _text(value: str) -> str:
    """XML 1.0 allows no control characters: they are written as escapes."""
    return escape(printable(value))


def _attr(value: str) -> str:
    return quoteattr(printable(value))


def render(report: Report) -> str:
    cases = []
    failures = 0
    for result in report.files:
        findings = sorted(result.findings)
        failures += len(findings)
        body = "".join(
            f'      <failure type={_attr(f.code)} message={_attr(f"{f.severity.label}[{f.code}] {f.message}")}>'
            f"{_text(headline(f) + (f' (suggestion: {f.suggestion})' if f.suggestion else ''))}</failure>\n"
            for f in findings
        )
        cases.append(f'    <testcase classname="refcheck" name={_attr(result.path)}' + (f">\n{body}    </testcase>\n" if body else "/>\n"))
    for error in report.errors:
        name = getattr(error, "path", None) or str(error)
        cases.append(f'    <testcase classname="refcheck" name={_attr(name)}>\n'
                     f'      <error type="unreadable" message={_attr(str(error))}/>\n    </testcase>\n')
    tests = len(report.files) + len(report.errors)
    counts = f'tests="{tests}" failures="{failures}" errors="{len(report.errors)}"'
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<testsuites name="refcheck" {counts}>\n'
            f'  <testsuite name="refcheck" {counts}>\n'
            + "".join(cases) +
            "  </testsuite>\n</testsuites>\n")
