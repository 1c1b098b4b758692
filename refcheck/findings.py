"""Findings and the report that collects them."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

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


@dataclass(slots=True)
class FileResult:
    """Everything refcheck learned about one document."""

    path: str
    references: list[Reference]
    citations: list[Citation]
    links: dict[str, str]  # citation id -> reference id
    findings: list[Finding]
    positions: dict[str, tuple[int, int]]  # object id -> (line, col)
    section_found: bool = False
    link_kinds: dict[str, str] = field(default_factory=dict)  # citation id -> how it matched
    style: str = "apa7"
    link_status: dict | None = None  # written URL -> net.status.LinkStatus, when links were probed
    verification: dict | None = None  # reference id -> net.verify Verdict, when references were verified


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
