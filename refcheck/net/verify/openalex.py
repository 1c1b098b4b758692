"""OpenAlex: ``/works/doi:{doi}`` and ``/works?search=``.

A work has ``display_name``, ``publication_year``, ``authorships[].author.
display_name`` (one string: the family name is its last word, with its
particles), ``primary_location.source.display_name``, ``doi`` as a doi.org URL,
``type`` and ``is_retracted``. A list is ``{"meta": {...}, "results": [...]}``.
"""

from __future__ import annotations

from urllib.parse import quote

from ...model import Reference
from .http import Service
from .match import family_of
from .work import RETRACTION, Answer, Work


def _bare_doi(value: str | None) -> str | None:
    if not value:
        return None
    value = value.lower()
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"):
        if value.startswith(prefix):
            return value[len(prefix):]
    return value


def parse_work(item: dict) -> Work:
    authors = []
    for authorship in item.get("authorships") or ():
        name = ((authorship or {}).get("author") or {}).get("display_name") or (authorship or {}).get("raw_author_name") or ""
        family = family_of(name)
        authors.append((family, name[: len(name) - len(family)].strip()))
    source = ((item.get("primary_location") or {}).get("source") or {}).get("display_name")
    retracted = bool(item.get("is_retracted"))
    kind = item.get("type")
    if kind == "article" and ((item.get("primary_location") or {}).get("source") or {}).get("type") == "repository":
        kind = "preprint"
    year = item.get("publication_year")
    return Work(
        "OpenAlex", item.get("display_name") or item.get("title") or "", tuple(authors),
        year if isinstance(year, int) and not isinstance(year, bool) else None,
        source, _bare_doi(item.get("doi")), None, kind, retracted, ((RETRACTION, ""),) if retracted else (),
    )


class OpenAlex(Service):
    name = "OpenAlex"

    def params(self) -> dict[str, str]:
        return {"mailto": self.settings.mailto} if self.settings.mailto else {}

    async def by_doi(self, doi: str) -> Answer:
        reply = await self.get(f"{self.base}/works/doi:{quote(doi, safe='/')}")
        return self.answer(reply, lambda data: (parse_work(data),), by_identifier=True)

    async def search(self, ref: Reference) -> Answer:
        reply = await self.get(f"{self.base}/works", {"search": (ref.title or "").replace(",", " "), "per_page": "5"})
        return self.answer(reply, lambda data: (parse_work(item) for item in data["results"]))
