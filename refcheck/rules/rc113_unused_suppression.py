"""RC113 unused-suppression: a refcheck: ignore comment that silences nothing.

## What it does
Reports an inline suppression (``<!-- refcheck: ignore[RC102] -->``,
``% refcheck: ignore``, ``.. refcheck: ignore``, a ``refcheck: ignore`` line)
that covers no finding of the codes it names, or that names a code refcheck
does not have. Codes turned off in the configuration are not reported.

## Why is this bad?
A suppression outlives the problem it silenced: once the citation is fixed
or the entry removed, the comment stays and would hide the next, unrelated
problem on that line. A misspelt code silences nothing at all.

## Example

    Water rights were contested (Moreau, 2001).

    <!-- refcheck: ignore[RC103] -- the year is checked -->
    Irrigation spread quickly (Moreau, 2001).

    References

    Moreau, Anne (2001). Water and power. Oxford Press.

## Fix
Delete the comment, or correct the code it names.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ..model import Span
from .base import Context, Problem

CODE = "RC113"
NAME = "unused-suppression"
DEFAULT_SEVERITY = Severity.INFO


def check(ctx: Context) -> Iterator[Problem]:
    """Nothing: suppressions are matched to findings after the rules ran (see
    :func:`unused`, called by the suppression stage)."""
    return iter(())


def unused(directive, silenced: set[str], enabled, known) -> Iterator[Problem]:
    """The problems of one directive, given the codes it ``silenced``; ``enabled``
    tells whether a code is turned on, ``known`` lists the rule codes."""
    span = Span(directive.start, directive.end)
    for code in directive.bad_codes + tuple(c for c in directive.codes or () if not any(k.startswith(c) for k in known)):
        yield Problem(span, f"suppression names an unknown rule code {code!r} (see `refcheck rules`)")
    if directive.codes is None:
        if not silenced:
            yield Problem(span, "unused suppression: no finding on the lines it covers")
        return
    idle = [c for c in directive.codes if any(k.startswith(c) for k in known)
            and not any(s.startswith(c) for s in silenced) and any(k.startswith(c) and enabled(k) for k in known)]
    if idle:
        yield Problem(span, f"unused suppression: no {', '.join(idle)} finding on the lines it covers")
