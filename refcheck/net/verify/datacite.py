"""DataCite REST API: ``/dois/{doi}`` and ``/dois?query=``, for DOIs Crossref
does not hold (data sets, software, repository reports, arXiv's 10.48550).

JSON:API: a DOI is ``{"data": {"id", "type": "dois", "attributes": {...}}}``
with ``titles[].title``, ``creators[]`` (``familyName``/``givenName`` or one
``name``), ``publicationYear``, ``publisher``, ``types.resourceTypeGeneral``;
a list is ``{"data": [...], "meta": {"total": N}}``; an unknown DOI is 404.
"""

from __future__ import annotations

from urllib.parse import quote

from ...model import Reference
from .http import Service
from .match import family_of
from .work import Answer, Work


def _creator(creator: dict) -> tuple[str, str]:
    if creator.get("familyName"):
        return creator["familyName"], creator.get("givenName") or ""
    name = creator.get("name") or ""
    if "," in name:
        family, _, given = name.partition(",")
        return family.strip(), given.strip()
    if creator.get("nameType") == "Organizational":
        return name, ""
    family = family_of(name)
    return family, name[: len(name) - len(family)].strip()


def parse_work(data: dict) -> Work:
    attributes = data.get("attributes") or {}
    titles = [t.get("title") for t in attributes.get("titles") or () if isinstance(t, dict) and not t.get("titleType")]
    titles = titles or [t.get("title") for t in attributes.get("titles") or () if isinstance(t, dict)]
    publisher = attributes.get("publisher")
    if isinstance(publisher, dict):
        publisher = publisher.get("name")
    container = (attributes.get("container") or {}).get("title") or publisher
    year = attributes.get("publicationYear")
    kind = (attributes.get("types") or {}).get("resourceTypeGeneral")
    return Work(
        "DataCite", next((t for t in titles if t), "") or "", tuple(_creator(c) for c in attributes.get("creators") or ()),
        int(year) if str(year or "").isdigit() else None, container,
        str(attributes.get("doi") or data.get("id") or "").lower() or None, None, kind.lower() if kind else None,
    )


class DataCite(Service):
    name = "DataCite"

    async def by_doi(self, doi: str) -> Answer:
        reply = await self.get(f"{self.base}/dois/{quote(doi, safe='/')}")
        return self.answer(reply, lambda data: (parse_work(data["data"]),), by_identifier=True)

    async def search(self, ref: Reference) -> Answer:
        title = " ".join((ref.title or "").replace('"', " ").replace("\\", " ").split())
        reply = await self.get(f"{self.base}/dois", {"query": f'titles.title:"{title}"', "page[size]": "5"})
        return self.answer(reply, lambda data: (parse_work(item) for item in data["data"]))
