"""RC507 preprint-published: a cited preprint has a published version.

## What it does
With `--verify`, reports a preprint (an arXiv id, or a Crossref posted
content record) whose record links a published version the entry does not
cite, and suggests that version's DOI.

## Why is this bad?
The published version is peer reviewed and may differ from the preprint;
most styles prefer it.

## Example

    Pre-training helps (Devlin, 2018).

    References
    Devlin, J. (2018). BERT: Pre-training of deep bidirectional transformers for language understanding. arXiv preprint arXiv:1810.04805.

With a journal DOI in arXiv's record, `refcheck check --verify` reports RC507.

## Fix
Cite the published version (or both, if the preprint is what was read).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ._verify import doi_link, identified
from .base import Context, Problem

CODE = "RC507"
NAME = "preprint-published"
DEFAULT_SEVERITY = Severity.INFO


def check(ctx: Context) -> Iterator[Problem]:
    for ref, verdict in identified(ctx):
        published = verdict.work.published_doi
        if published and published.lower() != (ref.doi or "").lower():
            yield Problem(ref.span, f"{ref.label}: the preprint has a published version: {doi_link(published)}",
                          doi_link(published), None, ref.id)
