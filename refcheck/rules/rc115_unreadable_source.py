"""RC115 unreadable-source: part of the document or its bibliography cannot be read.

## What it does
Reports what a reader could not follow: an `\\input` loop or a missing
included file, unbalanced braces in LaTeX, a citation command refcheck does
not know (`\\foocite{key}`), an unreadable front matter, and a bibliography
file that cannot be read while others could (when none can, RC100 says so).

## Why is this bad?
Whatever refcheck cannot read it cannot check: citations in a file it did not
follow, or made with a command it does not know, would pass silently.

## Example

    ---
    bibliography: [refs.bib
    ---
    Pooled resources [@lemon2018].

## Fix
Break the loop or fix the file name; balance the braces; write the citation
with a standard natbib or biblatex command; name a readable bibliography with
`--bib FILE`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ..model import Span
from .base import Context, Problem

CODE = "RC115"
NAME = "unreadable-source"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    structure = ctx.document.structure
    if structure is None:
        return
    for offset, note in structure.notes:
        yield Problem(Span(offset, offset), note)
    commands: dict[str, list[int]] = {}
    for offset, command in structure.unknown_commands:
        commands.setdefault(command, []).append(offset)
    for command, offsets in commands.items():
        more = f" ({len(offsets)} times)" if len(offsets) > 1 else ""
        yield Problem(Span(offsets[0], offsets[0]), f"{command} is not a citation command refcheck knows{more}; "
                      "its keys are not checked", "cite with \\cite, \\citep, \\citet or a biblatex command")
    if ctx.references:
        for bib in structure.bibliographies:
            if bib.problem:
                at = bib.at or 0
                yield Problem(Span(at, at), f"the bibliography {bib.path} ({bib.given_by}) cannot be read: {bib.problem}",
                              "fix the file name, or name the file with --bib FILE")
