"""The pipeline as plain functions: path -> Document -> extract -> link -> rules -> Report."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from operator import itemgetter
from typing import NamedTuple

from . import suppress
from .config import Config
from .errors import InputError, InternalError, RefcheckError
from .extract import citations as citation_scanner
from .extract import style as style_guess
from .extract.linking import Link, link
from .extract.references import parse_entries
from .extract.sections import Section, locate
from .findings import FileResult, Finding, Report, Severity, without_conflicts
from .model import Citation, Derived, Document, Reference, Span
from .readers import expand, read_bytes
from .readers.mask import blank
from .rules import REGISTRY
from .rules import rc112_unreliable_reading as unreliable
from .rules import rc113_unused_suppression as unused_suppression
from .rules.base import Context

_NUMERIC = re.compile(r"\[\d{1,3}(?:\s*[-\u2013,]\s*\d{1,3})*\]")


class Extracted(NamedTuple):
    """Everything the rules look at, from one document."""

    section: Section | None
    references: list[Reference]
    citations: list[Citation]
    links: dict[str, Link]  # citation id -> how it was linked
    numeric: int  # numbered citations ("[1]") when the document cites by number, else 0
    directives: tuple = ()  # the document's suppression comments (suppress.Directive)


def extract(document: Document, sources: dict[str, str] | None = None) -> Extracted:
    """Locate and parse the reference list, scan and link the citations, and
    find the suppression comments (blanked while the list is located); for a
    document whose reader found its structure (.bib, CSL, JATS), merge that.
    ``sources`` holds the text of the .bib files it cites from (see
    :func:`refcheck.readers.bibliography.bib_sources`), whose ``%`` suppressions then count
    too."""
    if document.structure is not None:
        return _extract_structured(document, sources or {})
    comments = suppress.directives(document)
    section = locate(suppress.masked(document.text, comments))
    references = parse_entries(section.entries) if section else []
    if comments and references:  # a comment in or above an entry covers the entry
        comments = suppress.directives(document, [(r.span.start, r.span.end) for r in references])
    scan_text = blank(document.scan, [(section.heading_start, section.end)]) if section else document.scan
    linked = link(citation_scanner.scan(scan_text), references)
    # one tight loop builds the citations (positional arguments, locals); the ids
    # are made in one comprehension and the links paired with them in C
    ids = [f"C{number}" for number in range(1, len(linked) + 1)]
    text = document.text
    citations = []
    append = citations.append
    for cid, (cand, _) in zip(ids, linked):
        start, end = cand.start, cand.end
        append(Citation(cid, Span(start, end), text[start:end], cand.form, cand.authors, cand.et_al, cand.year,
                        cand.year_suffix, cand.group, cand.locator, cand.comma, cand.separator_missing))
    links = dict(zip(ids, map(itemgetter(1), linked)))
    numeric = len(_NUMERIC.findall(scan_text)) if references else 0
    numbered_list = section is not None and 2 * sum(e.numbered for e in section.entries) > len(section.entries)
    if numeric <= len(citations) or (numeric < 3 and not numbered_list):
        numeric = 0
    return Extracted(section, references, citations, links, numeric, tuple(comments))


def _extract_structured(document: Document, sources: dict[str, str]) -> Extracted:
    from .extract import keys

    references, citations = keys.number(document.structure)
    # a JATS xref or a Zotero field shows author-year text: read it, to compare with the entry
    citations = [_read_citation_text(c) if c.command in ("xref", "field") and c.text else c for c in citations]
    links = keys.link_keys(citations, references)
    links = {c.id: keys.refine(c, links[c.id]) for c in citations}
    own = [(r.span.start, r.span.end) for r in references if getattr(r, "origin", None) is None]
    comments = suppress.directives(document, own)
    for path, text in sorted(sources.items()):
        comments += suppress.bib_directives(path, text)
    return Extracted(None, references, citations, links, 0, tuple(comments))


def _read_citation_text(citation: Citation) -> Citation:
    """A linked citation whose text is author-year ("Smith et al., 2019"): its
    authors and year, so that the rules compare them with the entry (RC103, RC104)."""
    found = citation_scanner.scan(f"({citation.text})")
    if len(found) != 1:
        return citation
    cand = found[0]
    return replace(citation, authors=cand.authors, et_al=cand.et_al, year=cand.year, year_suffix=cand.year_suffix,
                   form=citation.form)


def _located(document: Document, obj, span: Span) -> tuple[str, int, int, int, int]:
    """(path, line, col, end line, end col) of a span; an object that stands in
    another file (an included .tex, a .bib) is reported where it stands there."""
    origin = getattr(obj, "origin", None)
    if origin is not None and span == obj.span:
        return origin.path, origin.line, origin.col, origin.line, origin.col
    line, col = document.position(span.start)
    end_line, end_col = document.position(span.end)
    return document.path, line, col, end_line, end_col


def check_document(document: Document, config: Config | None = None, link_status=None,
                   extracted: Extracted | None = None, verification=None) -> FileResult:
    """Run the rules on one document. ``link_status`` maps each written URL to
    its LinkStatus when links were probed (None when they were not);
    ``verification`` maps each reference's key to its Verdict when verified."""
    config = config or Config()
    section, references, citations, links, numeric, comments = extracted or extract(document)
    style = style_guess.detect(references, citations) if config.style == "auto" else config.style
    ctx = Context(document, section, tuple(references), tuple(citations), links, style, numeric, link_status,
                  verification=verification, style_inferred=config.style == "auto")
    findings = []
    # the objects that stand in another file (an included .tex, a .bib), where their findings are reported
    elsewhere = {obj.id: obj for obj in (*references, *citations) if obj.origin is not None}
    # a document refcheck misread: its cross-check findings are likely refcheck's own (RC112)
    unsure = bool(unreliable.reasons(ctx))
    skipped = config.ignored_here(document.path)  # per-file-ignores

    def enabled(code: str) -> bool:
        return config.enabled(code) and not any(code.startswith(p) for p in skipped)

    for code, rule in REGISTRY.items():
        if not enabled(code):
            continue
        for problem in rule.check(ctx):
            findings.append(_finding(document, rule, problem, config, unsure, elsewhere))
    if comments:
        findings, silenced = suppress.apply(findings, list(comments), document.path)
        if enabled(unused_suppression.CODE):
            for index, directive in enumerate(comments):
                for problem in unused_suppression.unused(directive, silenced[index], enabled, REGISTRY):
                    finding = _finding(document, unused_suppression, problem, config, False, elsewhere)
                    if directive.path:  # in a .bib: where the comment stands there
                        finding = replace(finding, path=directive.path, line=directive.line, col=directive.col,
                                          end_line=directive.line, end_col=directive.col + directive.end - directive.start)
                    findings.append(finding)
    positions = document.positions((*references, *citations))
    result_links = Derived(lambda: {cid: lk.reference.id for cid, lk in links.items()
                                    if lk.reference is not None and lk.kind != "ambiguous"})
    kinds = Derived(lambda: {cid: lk.kind for cid, lk in links.items()})
    result = FileResult(
        document.path, references, citations, result_links, without_conflicts(sorted(set(findings))), positions,
        section is not None or (document.structure is not None and bool(references)), kinds, style, link_status,
    )
    # for excerpts: only where positions count lines of this text (not of a markup source it was read from)
    result.text = None if getattr(document, "source_map", None) else document.text
    if verification is not None:
        from .extract.identifiers import key

        result.verification = {r.id: verification[key(r)] for r in references if key(r) in verification}
    return result


def _finding(document: Document, rule, problem, config: Config, unsure: bool, elsewhere: dict) -> Finding:
    """A rule's problem, located (in ``document``, or in the file its citation or
    reference stands in: ``elsewhere`` holds those), at its configured severity."""
    concerned = elsewhere.get(problem.citation) if problem.citation else elsewhere.get(problem.reference)
    path, line, col, end_line, end_col = _located(document, concerned, problem.span)
    configured = config.severity.get(rule.CODE)
    severity = configured or problem.severity or rule.DEFAULT_SEVERITY
    if unsure and not configured and rule.CODE in unreliable.CROSS_CHECKS:
        severity = Severity.INFO
    return Finding(
        path, line, col, end_line, end_col, rule.CODE, rule.NAME, severity,
        problem.message, problem.suggestion, problem.citation, problem.reference, problem.fix(document),
    )


def check_text(text: str, path: str = "<string>", config: Config | None = None, fmt: str = "md") -> FileResult:
    """Check a document given as a string (Markdown unless ``fmt`` says ``txt``)."""
    return check_document(read_bytes(path, text.encode("utf-8"), fmt), config)


def probe_links(references, config: Config, run=None, transport=None, resolver=None) -> dict:
    """Probe every URL and DOI of ``references`` once; written URL -> LinkStatus.
    Loads httpx only here."""
    import re

    from .net.policy import Policy
    from .net.probe import ProbeSettings
    from .net.run import LinkRun, probe_urls
    from .net.urls import collect

    written = collect(references)
    if not written:
        return {}
    if run is None:
        run = LinkRun()
    settings = ProbeSettings(
        concurrency=config.concurrency, host_concurrency=config.host_concurrency,
        user_agent=config.user_agent or ProbeSettings().user_agent,
        want_titles=config.enabled("RC406") or config.enabled("RC301"),
    )
    policy = Policy(config.allow_private, tuple(re.compile(p) for p in config.exclude))
    deadlines = {k: v for k, v in (("url_deadline", config.url_deadline), ("link_deadline", config.link_deadline)) if v}
    run = replace(run, policy=policy, settings=settings, cache_ttl=config.cache_ttl, **deadlines)
    extra = {} if resolver is None else {"resolver": resolver}
    probed = probe_urls(sorted(set(written.values())), run, transport=transport, **extra)
    return {url: probed[clean] for url, clean in written.items()}


def verify_references(references, config: Config, run=None, transport=None, resolver=None) -> dict:
    """Look every reference up once in the scholarly registries; identifiers.key(ref)
    -> Verdict. Loads httpx only here."""
    import os

    from .net.verify.http import VerifySettings
    from .net.verify.run import VerifyRun
    from .net.verify.run import verify_references as run_verification

    defaults = VerifySettings()
    settings = VerifySettings(
        mailto=config.mailto or os.environ.get("REFCHECK_MAILTO") or None,
        crossref_url=config.crossref_url or defaults.crossref_url, openalex_url=config.openalex_url or defaults.openalex_url,
        datacite_url=config.datacite_url or defaults.datacite_url, arxiv_url=config.arxiv_url or defaults.arxiv_url,
        handle_url=config.doi_url or defaults.handle_url,
    )
    run = replace(run or VerifyRun(), settings=settings)
    extra = {} if resolver is None else {"resolver": resolver}
    return run_verification(list(references), run, transport=transport, **extra)


def check_paths(paths: list[str], config: Config | None = None, link_run=None, transport=None, resolver=None,
                verify_run=None, *, configs=None, jobs: int = 1, baseline=None, sources: dict | None = None) -> Report:
    """Check files and folders; unreadable inputs are collected in ``Report.errors``,
    paths skipped on purpose in ``Report.notes``. With ``config.links`` every URL
    and DOI is probed once across all files; with ``config.verify`` every reference
    is looked up once across all files.

    ``configs`` (a :class:`~refcheck.config.Finder`) gives each file its own
    settings (the rules, their severities, per-file-ignores); the run's own
    (links, verification, fail-on) stay ``config``'s. ``jobs`` worker processes
    read and check the files (the report is the same for any number);
    ``baseline`` (a :class:`~refcheck.baseline.Baseline`) drops the findings it
    holds; ``sources``, when given, is filled with path -> the identity of the
    bytes read (for ``--fix``). A file named twice is checked once.

    An unexpected exception (a bug) is raised as :class:`InternalError` naming
    the file it happened in, the original exception chained."""
    from .pool import Task, run_tasks

    config = config or Config()
    report = Report()
    report.notes.extend(configs.notes if configs is not None else config.notes)
    config_for = configs.for_path if configs is not None else (lambda path: config)
    tasks, seen, settings, table = [], set(), {}, []
    order = []  # ("error", InputError) or ("task", index): the errors where they arose among the files
    for given in paths:
        errors: list = []
        found = expand(given, errors, report.notes, config_for(given))
        order.extend(("error", error) for error in errors)
        for path in found:
            same = path if path == "-" else os.path.realpath(path)
            if same in seen:
                continue
            seen.add(same)
            file_config = config_for(path)
            if id(file_config) not in settings:
                settings[id(file_config)] = len(table)
                table.append(file_config)
            order.append(("task", len(tasks)))
            tasks.append(Task(path, settings[id(file_config)]))
    if configs is not None:
        report.notes.extend(n for n in configs.notes if n not in report.notes)
    network = config.links or config.verify
    done = run_tasks(tasks, table, jobs, "prepare" if network else "check", sources is not None)
    if network:
        done = _network_phase(done, tasks, table, jobs, config, link_run, transport, resolver, verify_run)
    for kind, item in order:
        if kind == "error":
            report.errors.append(item)
            continue
        outcome = done[item]
        if outcome.error:
            report.errors.append(InputError(*outcome.error))
        else:
            report.files.append(outcome.result)
            if sources is not None and outcome.source is not None:
                sources[outcome.result.path] = outcome.source
    if baseline is not None:
        baseline.filter(report)
    return report


def _network_phase(prepared, tasks, table, jobs, config, link_run, transport, resolver, verify_run):
    """Probe and verify once across all files (here, in one pool), then run the
    rules on each file in the workers."""
    from .pool import run_rules

    ready = [p for p in prepared if not p.error]
    references = [r for p in ready for r in p.result[1].references]
    status = None
    if config.links:
        status = _guarded("the links", probe_links, references, config, link_run, transport, resolver)
    verification = None
    if config.verify:
        verification = _guarded("the references", verify_references, references, config, verify_run, transport, resolver)
    return run_rules(prepared, tasks, table, jobs, status, verification)


def _name(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _guarded(path: str, function, *args):
    """``function(*args)``; an unexpected exception becomes an InternalError naming ``path``."""
    try:
        return function(*args)
    except (RefcheckError, InternalError):
        raise
    except Exception as exc:
        raise InternalError(path, exc) from exc
