"""Baselines: today's findings, recorded, so that a run reports only new ones.

A finding's fingerprint is its code and the normalised text it concerns (the
citation as written, the reference entry, else its message with line numbers
taken out), never its line or column: editing elsewhere in the file keeps it.
The file format is documented in docs/baseline.md.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .errors import ConfigError

VERSION = 1
_LINES = re.compile(r"\blines? \d+(?:\s*(?:-|\u2013|and|,)\s*\d+)*")
_SPACE = re.compile(r"\s+")


def normalised(text: str) -> str:
    """Case, spacing and Unicode form out of the way."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()


def anchor(finding, result) -> str:
    """The text a finding concerns, without any position."""
    if finding.citation:
        for citation in result.citations:
            if citation.id == finding.citation:
                return "citation:" + normalised(citation.text)
    if finding.reference:
        for reference in result.references:
            if reference.id == finding.reference:
                return "reference:" + normalised(reference.raw)
    return "message:" + normalised(_LINES.sub("line #", finding.message))


def fingerprint(finding, result) -> str:
    return hashlib.sha256(f"{finding.code}\0{anchor(finding, result)}".encode()).hexdigest()[:16]


def _where(path: str, folder: str) -> str:
    """A document's path as the baseline records it: relative to the baseline's folder."""
    if path == "<stdin>":
        return path
    relative = os.path.relpath(os.path.abspath(path), folder)
    return (os.path.abspath(path) if relative.startswith(os.pardir) else relative).replace(os.sep, "/")


@dataclass
class Baseline:
    folder: str  # paths in it are relative to this folder
    counts: Counter = field(default_factory=Counter)  # (path, code, fingerprint) -> how many

    def filter(self, report) -> int:
        """Drop the findings the baseline holds (as many of each as it counted);
        a note tells how many. Returns that number."""
        left = Counter(self.counts)
        dropped = 0
        for result in report.files:
            where = _where(result.path, self.folder)
            kept = []
            for finding in result.findings:
                key = (where, finding.code, fingerprint(finding, result))
                if left[key] > 0:
                    left[key] -= 1
                    dropped += 1
                else:
                    kept.append(finding)
            result.findings = kept
        if dropped:
            report.notes.append(f"{dropped} finding{'s' if dropped != 1 else ''} in the baseline not shown")
        return dropped


def entries(report, folder: str) -> list[dict]:
    counts: Counter = Counter()
    messages = {}
    for result in report.files:
        where = _where(result.path, folder)
        for finding in result.findings:
            key = (where, finding.code, fingerprint(finding, result))
            counts[key] += 1
            messages.setdefault(key, finding.message)
    return [{"path": p, "code": c, "fingerprint": f, "count": counts[(p, c, f)], "message": messages[(p, c, f)]}
            for p, c, f in sorted(counts)]


def dumps(report, path: str) -> str:
    folder = os.path.dirname(os.path.abspath(path))
    body = {"refcheck-baseline": VERSION, "findings": entries(report, folder)}
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


def load(path: str) -> Baseline:
    """Read a baseline file; anything but a baseline is a ConfigError (exit 2)."""
    from .errors import InputError
    from .readers.files import read_regular

    try:
        data = json.loads(read_regular(path).decode("utf-8"))
    except InputError as exc:
        raise ConfigError(f"{path}: cannot read the baseline: {exc.problem}") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise ConfigError(f"{path}: not a refcheck baseline (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("refcheck-baseline") != VERSION or not isinstance(data.get("findings"), list):
        raise ConfigError(f"{path}: not a refcheck baseline (version {VERSION} expected; write one with --write-baseline)")
    baseline = Baseline(os.path.dirname(os.path.abspath(path)))
    for item in data["findings"]:
        try:
            key = (str(item["path"]), str(item["code"]), str(item["fingerprint"]))
            count = int(item.get("count", 1))
        except (TypeError, KeyError, ValueError):
            raise ConfigError(f"{path}: not a refcheck baseline (an entry lacks path, code or fingerprint)") from None
        baseline.counts[key] += max(count, 0)
    return baseline
