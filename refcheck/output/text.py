"""Human-readable output in ruff's shape.

concise: one line per finding, ``path:line:col: error[RC103] message``;
full: each line followed by a source excerpt with the span underlined and the
suggestion below. The severity word is in every line, coloured or not.
"""

from __future__ import annotations

from collections import Counter

from ..findings import Applicability, Finding, Report
from ..rules.base import plural
from .escape import printable
from .excerpt import WIDTH, excerpt

SHADES = {"error": "1;31", "warning": "1;33", "info": "1;36"}


def _paint(text: str, shade: str, color: bool) -> str:
    return f"\x1b[{shade}m{text}\x1b[0m" if color else text


def headline(finding: Finding, color: bool = False) -> str:
    """``path:line:col: error[RC103] message``."""
    level = finding.severity.label
    tag = _paint(f"{level}[{finding.code}]", SHADES[level], color)
    return f"{printable(finding.path)}:{finding.line}:{finding.col}: {tag} {printable(finding.message)}"


def _help(finding: Finding) -> tuple[str, str] | None:
    """(label, text) of what to do: the fix and how far to trust it, else the advice."""
    if finding.fix is not None and finding.fix.applicability is not Applicability.ADVICE:
        return f"fix ({finding.fix.applicability.value})", finding.suggestion or finding.fix.replacement
    if finding.suggestion:
        return "help", finding.suggestion
    return None


def concise_line(finding: Finding, color: bool = False) -> str:
    text = headline(finding, color)
    if finding.suggestion:
        text += f" (suggestion: {printable(finding.suggestion)})"
    return text


def full_block(finding: Finding, source: str | list[str] | None, color: bool = False, width: int = WIDTH) -> list[str]:
    """The headline, the excerpt (at most ``width`` characters of the line)
    with its underline, and the help line."""
    lines = [headline(finding, color)]
    gutter = " " * len(str(finding.line))
    shown = None
    if source is not None:
        shown = excerpt(source, finding.line, finding.col, finding.end_line, finding.end_col, width)
    if shown is not None:
        text, at, length = shown
        carets = _paint("^" * length, SHADES[finding.severity.label], color)
        lines += [f"{gutter} |", f"{finding.line} | {text}", f"{gutter} | {' ' * at}{carets}"]
    helped = _help(finding)
    if helped is not None:
        label, text = helped
        lines.append(f"{gutter} = {_paint(label, '1;32' if label.startswith('fix') else '1', color)}: {printable(text)}")
    return lines


def render(report: Report, color: bool = False, full: bool = False, quiet: bool = False, statistics: bool = False,
           width: int | None = None) -> str:
    """Every finding, concise or full, then (unless ``quiet``) the summary;
    ``statistics`` prints counts per code instead of the findings. ``width``:
    the terminal's, for the excerpts of ``full`` (None: 88 characters of a line)."""
    sources = {result.path: result.text.split("\n") for result in report.files if result.text is not None}
    lines: list[str] = []
    if statistics:
        lines += render_statistics(report)
    elif full:
        for finding in sorted(report.findings):
            shown = WIDTH if width is None else max(40, width - len(str(finding.line)) - 5)  # "NN | " and a "…"
            lines += full_block(finding, sources.get(finding.path), color, shown) + [""]
    else:
        lines += [concise_line(finding, color) for finding in sorted(report.findings)]
    if not quiet:
        lines.append(summary(report))
    return "".join(line + "\n" for line in lines)


def render_statistics(report: Report) -> list[str]:
    """One line per code, most frequent first (ruff's --statistics):
    ``   3  RC103  error    year-mismatch``; ``[*]`` when some have a safe fix."""
    counts = Counter(f.code for f in report.findings)
    first = {}
    fixable = set()
    for finding in sorted(report.findings):
        first.setdefault(finding.code, finding)
        if finding.fix is not None and finding.fix.applicability is Applicability.SAFE:
            fixable.add(finding.code)
    width = len(str(max(counts.values(), default=0)))
    rows = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        finding = first[code]
        mark = "[*]" if code in fixable else "[ ]"
        rows.append(f"{count:>{width}}  {code}  {mark} {finding.severity.label:<7}  {finding.name}")
    return rows


def summary(report: Report) -> str:
    counts = report.counts()
    total = sum(counts.values())
    files = len(report.files)
    refs = sum(len(r.references) for r in report.files)
    cits = sum(len(r.citations) for r in report.files)
    scope = f"{plural(files, 'file')}, {plural(refs, 'reference')}, {plural(cits, 'citation')}"
    styles = sorted({r.style for r in report.files if r.references})
    if styles:  # the style that decided the et al. rules, inferred unless given
        scope += f", style{'s' if len(styles) > 1 else ''} {', '.join(styles)}"
    unread = _unread(report.errors)
    if not total:
        if not unread:
            return f"No problems found ({scope})."
        if not files:
            return f"Nothing was checked: {unread}."
        return f"No problems found in the files that were read ({scope}); {unread}."
    parts = ", ".join(plural(n, label) if label != "info" else f"{n} info" for label, n in counts.items() if n)
    return f"Found {plural(total, 'problem')}: {parts} ({scope})" + (f"; {unread}." if unread else ".")


def _unread(errors: list) -> str:
    """"2 paths could not be read (a.md, b.md)": counted and named (the first three)."""
    if not errors:
        return ""
    names = [printable(getattr(e, "path", None) or str(e)) for e in errors[:3]]
    more = ", …" if len(errors) > 3 else ""
    return f"{plural(len(errors), 'path')} could not be read ({', '.join(names)}{more})"
