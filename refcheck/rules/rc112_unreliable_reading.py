"""RC112 unreliable-reading: refcheck could not read this document well enough to judge it.

## What it does
Says once per document when what refcheck read shows that it misread the
document rather than that the document is wrong: a large share of the entries
could not be split into author and year, or most citations match no entry
while most entries are cited by nothing (both sides disagree at once), or a
list found without a heading matches few of the citations. The cross-check
findings of such a document (RC101-RC106) are then lowered to info, since they
are more likely refcheck's own misreadings than problems of the document.

## Why is this bad?
A pile of "no entry" and "never cited" findings on a document whose list
refcheck could not read hides the real problems and teaches users to ignore
the tool. It is better to say what could not be read.

## Example

    Trade grew (Okafor, 2019) and fell (Lind, 2020), then grew (Berg, 2021).

    References

    Okafor, Trade. Lagos. Nineteen.

    Lind, Shipping. Malmo. Twenty.

    Berg, Ports. Oslo. Twenty-one.

    Tan, Rivers. Hanoi. Twenty-two.

    Ruiz, Roads. Lima. Twenty-three.

## Fix
Run `refcheck refs FILE` to see what was read. Put the reference list under
a heading, one entry per paragraph or line, each with its authors and year;
or report the layout to refcheck's maintainers.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..extract.linking import LINKED
from ..findings import Severity
from ..model import Span
from .base import Context, Problem, plural

CODE = "RC112"
NAME = "unreliable-reading"
DEFAULT_SEVERITY = Severity.WARNING

# Codes whose findings are lowered to info when the reading is unreliable.
CROSS_CHECKS = frozenset({"RC101", "RC102", "RC103", "RC104", "RC105", "RC106"})
# Thresholds, tuned on real documents (benchmarks/devset.py, benchmarks/accuracy.py).
UNPARSED_SHARE = 0.4  # of the entries, with at least MIN_ENTRIES of them
UNLINKED_SHARE = 0.5  # of the citations, together with UNCITED_SHARE of the entries
UNCITED_SHARE = 0.5
HEADLESS_UNLINKED_SHARE = 0.3  # of the citations, for a list found without a heading
MIN_ENTRIES = 5
MIN_CITATIONS = 5


def reasons(ctx: Context) -> list[str]:
    """What shows that the document was misread (empty when it was read well); worked
    out once per document, for the engine (which lowers findings) and for the rule."""
    if "rc112" not in ctx.memo:
        ctx.memo["rc112"] = _reasons(ctx)
    return ctx.memo["rc112"]


def _reasons(ctx: Context) -> list[str]:
    refs, cits = ctx.references, ctx.citations
    if not refs or ctx.numeric_citations:
        return []
    out = []
    unparsed = sum(1 for r in refs if r.problem)
    if len(refs) >= MIN_ENTRIES and unparsed > UNPARSED_SHARE * len(refs):
        out.append(f"{unparsed} of {plural(len(refs), 'entry')} could not be read")
    links = ctx.links.values()  # one per citation
    unlinked = len(ctx.of_kind("none"))
    cited = {link.reference.id for link in links if link.reference is not None and link.kind in LINKED}
    cited.update(r.id for link in links if link.others for r in link.others)
    uncited = sum(1 for r in refs if r.id not in cited and not r.problem)
    if len(cits) >= MIN_CITATIONS and unlinked > UNLINKED_SHARE * len(cits) and uncited > UNCITED_SHARE * len(refs):
        out.append(f"{unlinked} of {plural(len(cits), 'citation')} match no entry while {uncited} entries are cited by none")
    elif ctx.section is not None and not ctx.section.heading and len(cits) >= MIN_CITATIONS and unlinked > HEADLESS_UNLINKED_SHARE * len(cits):
        out.append(f"the list was found without a heading and {unlinked} of {plural(len(cits), 'citation')} match no entry in it")
    return out


def check(ctx: Context) -> Iterator[Problem]:
    found = reasons(ctx)
    if not found:
        return
    start = ctx.section.heading_start if ctx.section is not None else 0
    yield Problem(
        Span(start, start),
        f"refcheck could not read this document reliably ({'; '.join(found)}): citation and reference "
        "findings are lowered to info",
        "run `refcheck refs` on the file to see what was read",
    )
