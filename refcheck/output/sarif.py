"""SARIF 2.1.0 (OASIS): the rule catalogue, one result per finding with its
region, fixes from the structured edits, and partial fingerprints.

Artifact URIs are relative to the working directory (``%SRCROOT%``); columns
count Unicode code points, like refcheck's own.
"""

from __future__ import annotations

import hashlib
import json
import os

from .. import __version__
from ..findings import Applicability, Finding, Report
from ..rules import REGISTRY, doc_sections, summary
from .escape import json_safe
from .paths import folder_uri, uri

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
HELP_URI = "https://github.com/refcheck/refcheck/blob/main/docs/rules.md"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "refcheckFinding/v1"


def rule_descriptor(code: str) -> dict:
    module = REGISTRY[code]
    what = " ".join(doc_sections(module).get("What it does", "").split())
    short = summary(module).split(": ", 1)[-1]
    return {
        "id": code,
        "name": module.NAME,
        "shortDescription": {"text": short},
        "fullDescription": {"text": what or short},
        "helpUri": f"{HELP_URI}#{code.lower()}",
        "help": {"text": (module.__doc__ or short).strip()},
        "defaultConfiguration": {"level": LEVELS[module.DEFAULT_SEVERITY.label]},
    }


def fingerprint(finding: Finding, lines: list[str] | None, name: str | None = None) -> str:
    """Code, file (``name``: as the log names it), the text the finding points
    at (spaces collapsed) and its message: stable when lines are added or
    removed elsewhere in the file."""
    spanned = ""
    if lines is not None and finding.line == finding.end_line and 1 <= finding.line <= len(lines):
        spanned = lines[finding.line - 1][finding.col - 1:finding.end_col - 1]
    key = "\x00".join((finding.code, name or finding.path, " ".join(spanned.split()), finding.message))
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _region(line: int, col: int, end_line: int, end_col: int) -> dict:
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}


def _location(path: str, base: str) -> dict:
    """Relative to %SRCROOT% (the working directory); a file outside it by its absolute file:// URI."""
    where = uri(path, base)
    return {"uri": where} if where.startswith("file://") else {"uri": where, "uriBaseId": "%SRCROOT%"}


def _physical(finding: Finding, lines: list[str] | None, where: dict) -> dict:
    """The region, with the spanned text as its snippet and the whole line as
    the context region, when the source is known."""
    region = _region(finding.line, finding.col, finding.end_line, finding.end_col)
    physical = {"artifactLocation": where, "region": region}
    lines = lines or []
    if 1 <= finding.line <= len(lines) and finding.end_line <= len(lines):
        last = lines[finding.end_line - 1]
        spanned = "\n".join(lines[finding.line - 1:finding.end_line])
        cut = len(spanned) - len(last) + finding.end_col - 1
        region["snippet"] = {"text": spanned[finding.col - 1:cut]}
        if (finding.col, finding.end_col) != (1, len(last) + 1):  # a context must be larger than the region
            physical["contextRegion"] = {"startLine": finding.line, "startColumn": 1, "endLine": finding.end_line,
                                         "endColumn": len(last) + 1, "snippet": {"text": spanned}}
    return physical


def result(finding: Finding, rule_index: int, lines: list[str] | None, base: str) -> dict:
    where = _location(finding.path, base)
    out = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity.label],
        "message": {"text": finding.message + (f" (suggestion: {finding.suggestion})" if finding.suggestion else "")},
        "locations": [{"physicalLocation": _physical(finding, lines, where)}],
        "partialFingerprints": {FINGERPRINT: fingerprint(finding, lines, where["uri"])},
    }
    fix = finding.fix
    if fix is not None and fix.applicability is not Applicability.ADVICE:
        out["fixes"] = [{
            "description": {"text": f"{fix.applicability.value} fix: {finding.suggestion or fix.replacement}"},
            "artifactChanges": [{"artifactLocation": where, "replacements": [{
                "deletedRegion": _region(fix.start_line, fix.start_col, fix.end_line, fix.end_col),
                "insertedContent": {"text": fix.replacement},
            }]}],
            "properties": {"applicability": fix.applicability.value},
        }]
    return out


def _notifications(report: Report, base: str) -> list[dict]:
    notes = []
    for error in report.errors:
        note = {"level": "error", "message": {"text": str(error)}}
        path = getattr(error, "path", None)
        if path:
            note["locations"] = [{"physicalLocation": {"artifactLocation": _location(path, base)}}]
        notes.append(note)
    return notes


def render(report: Report, base: str | None = None) -> str:
    base = os.path.abspath(base or os.getcwd())
    codes = list(REGISTRY)
    index = {code: number for number, code in enumerate(codes)}
    sources = {r.path: r.text.split("\n") for r in report.files if r.text is not None}
    results = [result(f, index[f.code], sources.get(f.path), base) for f in sorted(report.findings)]
    run = {
        "tool": {"driver": {
            "name": "refcheck",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": HELP_URI.rsplit("/blob/", 1)[0],
            "rules": [rule_descriptor(code) for code in codes],
        }},
        "invocations": [{"executionSuccessful": not report.errors,
                         "toolExecutionNotifications": _notifications(report, base)}],
        "originalUriBaseIds": {"%SRCROOT%": {"uri": folder_uri(base)}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json_safe(json.dumps(log, ensure_ascii=False, indent=2)) + "\n"
