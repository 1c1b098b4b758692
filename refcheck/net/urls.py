"""Which URLs a reference list points to, cleaned for probing."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..model import Reference

TRACKERS = re.compile(r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|yclid|ref_src)$", re.IGNORECASE)


def clean_url(url: str) -> tuple[str, list[str]]:
    """The URL without text fragments, trackers and dangling "?"/"#", and what was removed."""
    removed = []
    parts = urlsplit(url)
    fragment = parts.fragment
    if ":~:" in fragment:
        removed.append("a text fragment")
        fragment = fragment.split(":~:")[0].rstrip("#")
    query = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in query if not TRACKERS.match(k)]
    if len(kept) != len(query):
        removed.append("tracking parameters")
    clean = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(kept) if kept != query else parts.query, fragment))
    if url.endswith(("?", "#")) and not clean.endswith(("?", "#")) and not removed:
        removed.append(f'a trailing "{url[-1]}"')
    return clean.rstrip("?#"), removed


def doi_url(doi: str) -> str:
    return f"https://doi.org/{doi}"


def reference_urls(ref: Reference) -> list[str]:
    """The URLs of an entry as written, with its DOI as a resolver URL when no
    written URL already is one."""
    urls = list(ref.urls)
    if ref.doi and not any("doi.org/" in u for u in urls):
        urls.append(doi_url(ref.doi))
    return urls


def collect(references: Iterable[Reference]) -> dict[str, str]:
    """Every URL written in the references -> the clean URL to probe (one probe
    per distinct clean URL across all files)."""
    out: dict[str, str] = {}
    for ref in references:
        for url in reference_urls(ref):
            out.setdefault(url, clean_url(url)[0])
    return out
