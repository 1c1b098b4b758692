"""Shared by the RC50x rules: each reference with its verification verdict.

A verdict (``refcheck.net.verify.work.Verdict``) is read by its attributes;
rules never import net/.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..extract.identifiers import key
from ..model import Reference, Span
from .base import Context

SOURCES = "Crossref, OpenAlex or DataCite"


def verdicts(ctx: Context, *statuses: str) -> Iterator[tuple[Reference, object]]:
    """(reference, verdict) for every verified reference, or those with one of ``statuses``."""
    if ctx.verification is None:
        return
    for ref in ctx.references:
        verdict = ctx.verification.get(key(ref))
        if verdict is not None and (not statuses or verdict.status in statuses):
            yield ref, verdict


def identified(ctx: Context) -> Iterator[tuple[Reference, object]]:
    """(reference, verdict) where the record found is the cited work itself."""
    for ref, verdict in verdicts(ctx, "verified", "mismatch"):
        if verdict.work is not None:
            yield ref, verdict


def identifier_span(ctx: Context, ref: Reference, identifier: str | None) -> Span:
    """Where the DOI or arXiv id is written in the entry (case-insensitive), else the entry."""
    if identifier:
        value = identifier.split(":", 1)[1] if identifier.startswith(("doi:", "arXiv:")) else identifier
        text = ctx.document.text[ref.span.start:ref.span.end].lower()
        at = text.find(value.lower())
        if at != -1:
            return Span(ref.span.start + at, ref.span.start + at + len(value))
    return ref.span


def doi_link(doi: str) -> str:
    return f"https://doi.org/{doi}"
