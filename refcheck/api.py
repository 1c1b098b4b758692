"""The pipeline as plain functions: path -> Document -> extract -> link -> rules -> Report."""

from __future__ import annotations

import re
import sys

from .config import Config
from .errors import InputError
from .extract import citations as citation_scanner
from .extract import style as style_guess
from .extract.linking import link
from .extract.references import parse_entries
from .extract.sections import locate
from .findings import FileResult, Finding, Report
from .model import Citation, Document, Span
from .readers import iter_paths, read_bytes, read_path
from .readers.mask import blank
from .rules import REGISTRY
from .rules.base import Context

_NUMERIC = re.compile(r"\[\d{1,3}(?:\s*[-\u2013,]\s*\d{1,3})*\]")


def extract(document: Document):
    """Everything the rules look at, from one document."""
    section = locate(document.text)
    references = parse_entries(section.entries) if section else []
    scan_text = blank(document.scan, [(section.heading_start, section.end)]) if section else document.scan
    linked = link(citation_scanner.scan(scan_text), references)
    citations = []
    links = {}
    for number, (cand, found) in enumerate(linked, start=1):
        cid = f"C{number}"
        citations.append(
            Citation(
                cid, Span(cand.start, cand.end), document.text[cand.start:cand.end], cand.form,
                cand.authors, cand.et_al, cand.year, cand.year_suffix, cand.group, cand.locator,
                cand.comma, cand.separator_missing,
            )
        )
        links[cid] = found
    numeric = len(_NUMERIC.findall(scan_text)) if references else 0
    numbered_list = section is not None and 2 * sum(e.numbered for e in section.entries) > len(section.entries)
    if numeric <= len(citations) or (numeric < 3 and not numbered_list):
        numeric = 0
    return section, references, citations, links, numeric


def check_document(document: Document, config: Config | None = None) -> FileResult:
    config = config or Config()
    section, references, citations, links, numeric = extract(document)
    style = style_guess.detect(references) if config.style == "auto" else config.style
    ctx = Context(document, section, tuple(references), tuple(citations), links, style, numeric)
    findings = []
    for code, rule in REGISTRY.items():
        if not config.enabled(code):
            continue
        severity = config.severity_of(code, rule.DEFAULT_SEVERITY)
        for problem in rule.check(ctx):
            line, col = document.position(problem.span.start)
            end_line, end_col = document.position(problem.span.end)
            findings.append(
                Finding(
                    document.path, line, col, end_line, end_col, code, rule.NAME, severity,
                    problem.message, problem.suggestion, problem.citation, problem.reference,
                )
            )
    positions = {obj.id: document.position(obj.span.start) for obj in (*references, *citations)}
    result_links = {cid: lk.reference.id for cid, lk in links.items() if lk.reference is not None and lk.kind != "ambiguous"}
    kinds = {cid: lk.kind for cid, lk in links.items()}
    return FileResult(
        document.path, references, citations, result_links, sorted(set(findings)), positions,
        section is not None, kinds, style,
    )


def check_text(text: str, path: str = "<string>", config: Config | None = None, fmt: str = "md") -> FileResult:
    """Check a document given as a string (Markdown unless ``fmt`` says ``txt``)."""
    return check_document(read_bytes(path, text.encode("utf-8"), fmt), config)


def check_paths(paths: list[str], config: Config | None = None) -> Report:
    """Check files and folders; unreadable inputs are collected in ``Report.errors``."""
    report = Report()
    expanded: list[str] = []
    for given in paths:
        try:
            expanded += iter_paths([given])
        except InputError as exc:
            report.errors.append(str(exc))
    for path in expanded:
        try:
            if path == "-":
                document = read_bytes("<stdin>", sys.stdin.buffer.read(), "md")
            else:
                document = read_path(path)
        except InputError as exc:
            report.errors.append(str(exc))
            continue
        report.files.append(check_document(document, config))
    return report
