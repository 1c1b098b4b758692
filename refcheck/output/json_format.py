"""The JSON contract (schema 1), documented in docs/json.md."""

from __future__ import annotations

import json

from .. import __version__
from ..findings import FileResult, Finding, Report
from ..model import Citation, Reference
from .escape import json_safe

SCHEMA = 1


def _links(ref: Reference, status: dict | None) -> list[dict]:
    if status is None:
        return []
    from ..extract.urls import reference_urls

    return [status[url].as_json(url) for url in reference_urls(ref) if url in status]


def _reference(ref: Reference, position: tuple[int, int], status: dict | None = None) -> dict:
    return {
        "id": ref.id,
        "line": position[0],
        "col": position[1],
        "raw": ref.raw,
        "authors": [{"family": a.family, "given": a.given or None} for a in ref.authors],
        "corporate": ref.corporate,
        "et_al": ref.et_al,
        "year": ref.year,
        "year_suffix": ref.year_suffix,
        "title": ref.title,
        "container": ref.container,
        "volume": ref.volume,
        "issue": ref.issue,
        "pages": ref.pages,
        "url": ref.url,
        "urls": list(ref.urls),
        "doi": ref.doi,
        "accessed": ref.accessed,
        "accessed_raw": ref.accessed_raw,
        "problem": ref.problem,
        "links": _links(ref, status),
    }


def _citation(cit: Citation, position: tuple[int, int], links: dict[str, str]) -> dict:
    return {
        "id": cit.id,
        "line": position[0],
        "col": position[1],
        "text": cit.text,
        "form": cit.form,
        "authors": list(cit.authors),
        "et_al": cit.et_al,
        "year": cit.year,
        "year_suffix": cit.year_suffix,
        "locator": cit.locator or None,
        "reference": links.get(cit.id),
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
    }


def file_dict(result: FileResult) -> dict:
    return {
        "path": result.path,
        "references": [_reference(r, result.positions[r.id], result.link_status) for r in result.references],
        "citations": [_citation(c, result.positions[c.id], result.links) for c in result.citations],
        "findings": [finding_dict(f) for f in result.findings],
    }


def render(report: Report) -> str:
    data = {
        "schema": SCHEMA,
        "refcheck": __version__,
        "files": [file_dict(r) for r in report.files],
        "errors": list(report.errors),
        "notes": list(report.notes),
        "summary": {
            "files": len(report.files),
            "references": sum(len(r.references) for r in report.files),
            "citations": sum(len(r.citations) for r in report.files),
            "findings": report.counts(),
        },
    }
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
