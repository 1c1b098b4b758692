"""`refcheck verify`: every reference with its verdict and the record it was
compared with; and the summary line of `--verify`. Verdicts are read by their
attributes (output never imports net/)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..findings import FileResult
from .table import _table

LABELS = {"verified": "verified", "mismatch": "mismatch", "conflict": "other work", "unregistered": "not registered",
          "not-found": "not found", "undetermined": "cannot determine"}


def summary_line(results: Iterable[FileResult]) -> str:
    """"N verified, N mismatches, N not found, N cannot determine": mismatches
    include identifiers naming another work, not found includes identifiers
    nobody registered."""
    counts = Counter(v.status for r in results for v in (r.verification or {}).values())
    mismatches = counts["mismatch"] + counts["conflict"]
    missing = counts["not-found"] + counts["unregistered"]
    return (f"{counts['verified']} verified, {mismatches} mismatch{'es' if mismatches != 1 else ''}, "
            f"{missing} not found, {counts['undetermined']} cannot determine")


def undetermined(results: Iterable[FileResult]) -> int:
    return sum(1 for r in results for v in (r.verification or {}).values() if v.status == "undetermined")


def render_verification(result: FileResult) -> str:
    verdicts = result.verification or {}
    out = [f"{result.path}: {len(result.references)} references", ""]
    rows = []
    notes: dict[int, str] = {}
    for ref in result.references:
        verdict = verdicts.get(ref.id)
        if verdict is None:
            continue
        work = verdict.work
        line = result.positions[ref.id][0]
        rows.append([ref.id, str(line), LABELS.get(verdict.status, verdict.status),
                     f"{verdict.score:.2f}" if work else "-", work.source if work else "-",
                     str(work.year or "?") if work else "-", (work.doi or work.arxiv or "-") if work else "-",
                     work.title if work else "-"])
        if verdict.status != "verified" or verdict.suggest_doi:
            detail = verdict.reason
            if verdict.differences:
                detail += "; " + "; ".join(f"{name}: {ours!r} here, {theirs!r} in the record" for name, ours, theirs in verdict.differences)
            notes[len(rows) - 1] = detail
    table = _table(["REF", "LINE", "VERDICT", "SCORE", "SOURCE", "YEAR", "DOI", "RECORD"], rows, [5, 5, 16, 5, 8, 4, 28, 40])
    out += table[:2]
    for index, line in enumerate(table[2:]):
        out.append(line)
        if index in notes:
            out.append(f"      {notes[index]}")
    out += ["", summary_line([result])]
    return "\n".join(out) + "\n"
