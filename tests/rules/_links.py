"""Check a document as if its links had been probed with the given outcomes."""

from __future__ import annotations

import textwrap

from refcheck.api import check_document, extract
from refcheck.net.status import LinkStatus
from refcheck.net.urls import reference_urls
from refcheck.readers import read_bytes


def with_links(text: str, outcomes: dict[str, dict]):
    """``outcomes`` maps a URL (as written) to LinkStatus fields."""
    document = read_bytes("doc.md", textwrap.dedent(text).lstrip("\n").encode("utf-8"), "md")
    urls = {u for r in extract(document).references for u in reference_urls(r)}
    assert set(outcomes) <= urls, f"unknown URLs {set(outcomes) - urls}"
    status = {u: LinkStatus(u, **outcomes[u]) if u in outcomes else LinkStatus(u, "alive", 200) for u in urls}
    return check_document(document, None, status)


def found(result, code):
    return [(f.line, f.col, f.severity.label, f.message, f.suggestion) for f in result.findings if f.code == code]


DOC = """
Cited (Bicer, 2022; Lemon, 2018).

References
Bicer, Aysu (2022). Türkiye to Produce Drone in Kazakhstan. Retrieved from https://www.aa.com.tr/en/drone/2584822. Accessed on 24.06.2025.
Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12. https://doi.org/10.1080/02634937.2018.1432123
"""
URL = "https://www.aa.com.tr/en/drone/2584822"
DOI = "https://doi.org/10.1080/02634937.2018.1432123"
