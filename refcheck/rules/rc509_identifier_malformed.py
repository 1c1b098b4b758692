r"""RC509 identifier-malformed: a DOI or arXiv id written in a form that breaks it.

## What it does
Reports, without any network access, identifiers that will not resolve as
written: a backslash inside a DOI (`10.1162/tacl\_a_00276`, an escaped
underscore from LaTeX or Markdown), a `https://doi.org/doi:...` URL, a space
after `doi.org/`, a DOI link target ending in punctuation, a registrant code
of fewer than four digits, an arXiv id with a stray version suffix
(`1706.03762v`, `1706.03762 v2`), and arXiv ids that cannot exist.

## Why is this bad?
The link is broken for every reader, and the identifier cannot be looked up.

## Example

    Treebanks vary (Lee, 2019).

    References
    Lee, K. (2019). Cross-lingual treebanks. Transactions of the ACL, 7, 1-20. https://doi.org/doi:10.1162/tacl_a_00276

## Fix
Use the suggested form.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..extract.identifiers import malformed
from ..findings import Severity
from ..model import Span
from .base import Context, Problem

CODE = "RC509"
NAME = "identifier-malformed"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    text = ctx.document.text
    for ref in ctx.references:
        if "10." not in ref.raw and "arxiv" not in ref.raw.lower():
            continue
        for problem in malformed(ref):
            at = text.find(problem.written, ref.span.start, ref.span.end)
            span = Span(at, at + len(problem.written)) if at != -1 else ref.span
            yield Problem(span, f"{ref.label}: {problem.problem}: {problem.written}", problem.fix, None, ref.id)
