"""Which URLs a reference list points to, cleaned for probing.

Parsing and cleaning live in :mod:`refcheck.extract.urls` (pure, used by rules
too); they are re-exported here for the URL stage.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..extract.urls import (
    TRACKERS,
    BadUrl,
    Url,
    clean_url,
    doi_url,
    parse_url,
    reference_urls,
)
from ..model import Reference

__all__ = ["TRACKERS", "BadUrl", "Url", "clean_url", "collect", "doi_url", "parse_url", "reference_urls"]


def collect(references: Iterable[Reference]) -> dict[str, str]:
    """Every URL written in the references -> the clean URL to probe (one probe
    per distinct clean URL across all files)."""
    out: dict[str, str] = {}
    for ref in references:
        for url in reference_urls(ref):
            out.setdefault(url, clean_url(url)[0])
    return out
