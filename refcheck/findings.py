"""Findings and the report that collects them."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from .model import Citation, Reference


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None


class ExitCode(enum.IntEnum):
    """Process exit status of the ``refcheck`` command."""

    CLEAN = 0
    FINDINGS = 1
    USAGE = 2
    INTERNAL = 3  # an unexpected exception: a bug in refcheck


class Applicability(str, enum.Enum):
    """How far an edit can be trusted: ``safe`` edits keep the meaning (``--fix``
    applies them), ``unsafe`` ones may change it (only with ``--unsafe-fixes``),
    ``advice`` is shown and never applied."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    ADVICE = "advice"

    @classmethod
    def parse(cls, value: str | Applicability) -> Applicability:
        try:
            return cls(value)
        except ValueError:
            raise ValueError(f"unknown applicability {value!r} (use safe, unsafe or advice)") from None


@dataclass(frozen=True, slots=True)
class Fix:
    """One edit of the document: replace ``text[start:end]`` by ``replacement``.

    Lines and columns are 1-based, like a Finding's; ``end_col`` is one past the
    last replaced character. ``start`` and ``end`` are offsets into the
    document's text (line endings normalised to ``\\n``), ``start == end`` for an
    insertion."""

    start_line: int
    start_col: int
    end_line: int
    end_col: int
    replacement: str
    applicability: Applicability = Applicability.SAFE
    start: int = 0
    end: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "applicability", Applicability.parse(self.applicability))
        if self.end < self.start:
            raise ValueError(f"a fix cannot end ({self.end}) before it starts ({self.start})")

    def apply(self, text: str) -> str:
        """``text`` with this one edit made."""
        return text[: self.start] + self.replacement + text[self.end :]


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One problem, located in a file; sorts by position, then code."""

    path: str
    line: int
    col: int
    end_line: int
    end_col: int
    code: str
    name: str = field(compare=False)
    severity: Severity = field(compare=False)
    message: str = field(compare=True)
    suggestion: str | None = field(default=None, compare=False)
    citation: str | None = field(default=None, compare=False)
    reference: str | None = field(default=None, compare=False)
    fix: Fix | None = field(default=None, compare=False)  # a structured edit, when the rule knows one


def _clash(a: Fix, b: Fix) -> bool:
    if (a.start, a.end, a.replacement) == (b.start, b.end, b.replacement):
        return False  # the same edit twice agrees with itself
    return a.start == b.start or (a.start < b.end and b.start < a.end)


def without_conflicts(findings: list[Finding]) -> list[Finding]:
    """One document's findings, where two fixes that touch the same text and
    disagree are both dropped (their suggestion stays, as advice): refcheck
    never offers contradictory edits."""
    fixes = [f.fix for f in findings if f.fix is not None]
    if len(fixes) < 2:
        return findings
    ordered = sorted(fixes, key=lambda fix: (fix.start, fix.end))
    clashing = set()
    for index, fix in enumerate(ordered):
        for later in range(index + 1, len(ordered)):  # (a slice here would copy the rest each time)
            other = ordered[later]
            if other.start > fix.end:
                break
            if _clash(fix, other):
                clashing.update((id(fix), id(other)))
    return [replace(f, fix=None) if f.fix is not None and id(f.fix) in clashing else f for f in findings]


@dataclass(slots=True)
class FileResult:
    """Everything refcheck learned about one document."""

    path: str
    references: list[Reference]
    citations: list[Citation]
    links: Mapping[str, str]  # citation id -> reference id: a dict, or model.Derived
    findings: list[Finding]
    positions: Mapping[str, tuple[int, int]]  # object id -> (line, col): a dict, or model.Positions
    section_found: bool = False
    link_kinds: Mapping[str, str] = field(default_factory=dict)  # citation id -> how it matched
    style: str = "apa7"
    link_status: dict | None = None  # written URL -> net.status.LinkStatus, when links were probed
    verification: dict | None = None  # reference id -> net.verify Verdict, when references were verified
    text: str | None = field(default=None, repr=False)  # the document's text, for excerpts in the output


@dataclass(slots=True)
class Report:
    files: list[FileResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # unreadable inputs, one line each
    notes: list[str] = field(default_factory=list)  # paths skipped on purpose (symlinked folders), one line each

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.files for f in result.findings]

    def counts(self) -> dict[str, int]:
        counts = {s.label: 0 for s in sorted(Severity, reverse=True)}
        for finding in self.findings:
            counts[finding.severity.label] += 1
        return counts

    def exit_code(self, fail_on: Severity) -> ExitCode:
        if self.errors:
            return ExitCode.USAGE
        if any(f.severity >= fail_on for f in self.findings):
            return ExitCode.FINDINGS
        return ExitCode.CLEAN
