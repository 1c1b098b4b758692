"""Crossref REST API: ``/works/{doi}`` and ``/works?query.bibliographic=``.

A work is the ``message`` of ``{"status": "ok", "message-type": "work", ...}``
(a list is ``message.items`` of a ``work-list``); a DOI Crossref does not hold
answers 404. Retractions and corrections come from ``updated-by`` (Crossref's
own notices and Retraction Watch's), preprints' published versions from
``relation["is-preprint-of"]``.
"""

from __future__ import annotations

from urllib.parse import quote

from ...model import Reference
from .http import Service
from .work import CONCERN, CORRECTION, RETRACTION, Answer, Work

RETRACTION_TYPES = ("retraction", "partial_retraction", "withdrawal", "removal")
CORRECTION_TYPES = ("correction", "erratum", "corrigendum", "addendum", "clarification")
CONCERN_TYPES = ("expression_of_concern",)


def _first(values) -> str | None:
    if isinstance(values, str):
        return values.strip() or None
    return next((v for v in values or () if isinstance(v, str) and v.strip()), None)


def _years(item: dict) -> list[int]:
    """Every year the record dates the work by, the earliest-of (``issued``) first."""
    out = []
    for key in ("issued", "published", "published-print", "published-online", "posted"):  # not "created": registration
        parts = (item.get(key) or {}).get("date-parts") or [[None]]
        if parts and parts[0] and isinstance(parts[0][0], int):
            out.append(parts[0][0])
    return list(dict.fromkeys(out))


def _notices(item: dict) -> tuple[tuple[str, str], ...]:
    out = []
    for update in item.get("updated-by") or ():
        kind = str(update.get("type", "")).lower().replace("-", "_")
        label = RETRACTION if kind in RETRACTION_TYPES else CORRECTION if kind in CORRECTION_TYPES else CONCERN if kind in CONCERN_TYPES else None
        if label:
            out.append((label, str(update.get("DOI") or "").lower()))
    return tuple(dict.fromkeys(out))


def parse_work(item: dict) -> Work:
    """One Crossref work object -> a Work."""
    authors = tuple((a.get("family") or a.get("name") or "", a.get("given") or "") for a in item.get("author") or ()
                    if isinstance(a, dict))
    title = _first(item.get("title")) or ""
    subtitle = _first(item.get("subtitle"))
    if subtitle and subtitle.lower() not in title.lower():
        title = f"{title}: {subtitle}"
    notices = _notices(item)
    relation = item.get("relation") or {}
    published = next((r.get("id") for r in relation.get("is-preprint-of") or () if r.get("id-type") == "doi"), None)
    years = _years(item)
    return Work(
        "Crossref", title, authors, years[0] if years else None, _first(item.get("container-title")),
        str(item.get("DOI") or "").lower() or None, None, item.get("type"),
        retracted=any(kind == RETRACTION for kind, _ in notices) or title.upper().startswith("RETRACTED"),
        notices=notices, published_doi=published.lower() if published else None, other_years=tuple(years[1:]),
    )


class Crossref(Service):
    name = "Crossref"

    def params(self) -> dict[str, str]:
        return {"mailto": self.settings.mailto} if self.settings.mailto else {}

    async def by_doi(self, doi: str) -> Answer:
        reply = await self.get(f"{self.base}/works/{quote(doi, safe='/')}")
        return self.answer(reply, lambda data: (parse_work(data["message"]),), by_identifier=True)

    async def search(self, ref: Reference) -> Answer:
        words = [ref.title or ""]
        if ref.authors and not ref.corporate:
            words.append(ref.authors[0].family)
        if ref.container:
            words.append(ref.container)
        if ref.year and ref.year.isdigit():
            words.append(ref.year)  # in the query, not a filter: a wrong year must not hide the work
        reply = await self.get(f"{self.base}/works", {"query.bibliographic": " ".join(words), "rows": "5"})
        return self.answer(reply, lambda data: (parse_work(item) for item in data["message"]["items"]))
