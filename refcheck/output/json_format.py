"""The JSON contract (schema 2), documented in docs/json.md."""

from __future__ import annotations

from .. import __version__
from ..findings import FileResult, Finding, Report
from ..model import Citation, Reference, plain
from .escape import json_safe
from .json_encode import Lazy, iterencode

SCHEMA = 2

# what went wrong with an input, from the reader's one-line problem
_KINDS = (
    ("no such file", "not-found"), ("broken symbolic link", "not-found"), ("symlink loop", "not-found"),
    ("permission denied", "permission"), ("not a regular file", "not-regular"), ("too large", "too-large"),
    ("binary data", "binary"), ("byte-order mark", "encoding"), ("not utf-8", "encoding"), ("decode", "encoding"),
    ("unsupported input format", "unsupported"), ("no supported documents", "empty-folder"),
    ("cannot read this folder", "folder"), ("standard input is closed", "closed"),
)


def _links(ref: Reference, status: dict | None) -> list[dict]:
    if status is None:
        return []
    from ..extract.urls import reference_urls

    return [status[url].as_json(url) for url in reference_urls(ref) if url in status]


REFERENCE_KEYS = ("id", "line", "col", "raw", "authors", "corporate", "et_al", "year", "year_suffix", "title",
                  "container", "volume", "issue", "pages", "url", "urls", "doi", "accessed", "accessed_raw", "problem",
                  "links")


def _reference(ref: Reference, position: tuple[int, int], status: dict | None = None) -> list:
    """A reference's values, in the order of REFERENCE_KEYS."""
    return [
        ref.id, position[0], position[1], ref.raw,
        [{"family": a.family, "given": a.given or None} for a in ref.authors],
        ref.corporate, ref.et_al, ref.year, ref.year_suffix, ref.title, ref.container, ref.volume, ref.issue,
        ref.pages, ref.url, list(ref.urls), ref.doi, ref.accessed, ref.accessed_raw, ref.problem, _links(ref, status),
    ]


CITATION_KEYS = ("id", "line", "col", "text", "form", "authors", "et_al", "year", "year_suffix", "locator", "reference")


def _citation(cit: Citation, position: tuple[int, int], links: dict[str, str]) -> list:
    """A citation's values, in the order of CITATION_KEYS."""
    return [cit.id, position[0], position[1], cit.text, cit.form, list(cit.authors), cit.et_al, cit.year,
            cit.year_suffix, cit.locator or None, links.get(cit.id)]


def error_kind(problem: str) -> str:
    lowered = problem.lower()
    return next((kind for words, kind in _KINDS if words in lowered), "unreadable")


def error_dict(error) -> dict:
    """An unreadable input (an InputError; a plain "path: problem" string is read as well)."""
    path, problem = (error.path, error.problem) if hasattr(error, "problem") else (str(error).rpartition(": ")[::2])
    return {"path": path, "kind": error_kind(problem), "problem": problem}


def fix_dict(fix) -> dict | None:
    if fix is None:
        return None
    return {
        "applicability": fix.applicability.value,
        "replacement": fix.replacement,
        "line": fix.start_line,
        "col": fix.start_col,
        "end_line": fix.end_line,
        "end_col": fix.end_col,
        "start": fix.start,
        "end": fix.end,
    }


def finding_dict(f: Finding) -> dict:
    return {
        "path": f.path,
        "line": f.line,
        "col": f.col,
        "end_line": f.end_line,
        "end_col": f.end_col,
        "code": f.code,
        "name": f.name,
        "severity": f.severity.label,
        "message": f.message,
        "suggestion": f.suggestion,
        "citation": f.citation,
        "reference": f.reference,
        "fix": fix_dict(f.fix),
    }


def _file(result: FileResult) -> dict:
    """One file's object; its arrays are made while they are written."""
    positions = result.positions
    links = plain(result.links)
    return {
        "path": result.path,
        "references": Lazy(lambda: (_reference(r, positions[r.id], result.link_status) for r in result.references),
                           REFERENCE_KEYS),
        "citations": Lazy(lambda: (_citation(c, positions[c.id], links) for c in result.citations),
                          CITATION_KEYS),
        "findings": Lazy(lambda: (finding_dict(f) for f in result.findings)),
    }


def _data(report: Report, files) -> dict:
    return {
        "schema": SCHEMA,
        "refcheck": __version__,
        "files": files,
        "errors": [error_dict(e) for e in report.errors],
        "notes": list(report.notes),
        "summary": {
            "files": len(report.files),
            "references": sum(len(r.references) for r in report.files),
            "citations": sum(len(r.citations) for r in report.files),
            "findings": report.counts(),
        },
    }


def render_chunks(report: Report):
    """The JSON document in pieces, each reference, citation and finding made as it
    is written: a 50,000-reference report never stands in memory as dicts or as one string."""
    for piece in iterencode(_data(report, [_file(r) for r in report.files])):
        yield json_safe(piece)
    yield "\n"


def render(report: Report) -> str:
    return "".join(render_chunks(report))
