"""arXiv's API (``/api/query?id_list=``), an Atom feed; and doi.org's handle API,
the arbiter of whether a DOI exists at all (every registration agency).

An arXiv entry has ``<id>http://arxiv.org/abs/ID vN</id>``, ``<published>``,
``<title>``, ``<author><name>``, and, once published, ``<arxiv:doi>`` and
``<arxiv:journal_ref>``. An id arXiv does not hold gives no entry; a malformed
one an entry titled "Error". Ids are asked for in batches (arXiv asks for one
request every three seconds).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import quote

from .http import Service
from .match import family_of
from .work import Answer, Work

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
BATCH = 50
_ABS = re.compile(r"arxiv\.org/abs/(?P<id>.+?)(?:v\d+)?$")


def _text(node, path: str) -> str:
    found = node.find(path)
    return " ".join((found.text or "").split()) if found is not None else ""


def parse_feed(text: str) -> dict[str, Work] | str:
    """arXiv id (without version) -> Work; or the error arXiv reported."""
    root = ET.fromstring(text)
    if root.tag != f"{ATOM}feed":
        raise ValueError("not an Atom feed")
    out: dict[str, Work] = {}
    for entry in root.iter(f"{ATOM}entry"):
        title = _text(entry, f"{ATOM}title")
        names = [_text(a, f"{ATOM}name") for a in entry.iter(f"{ATOM}author")]
        if title == "Error" and names == ["arXiv api core"]:
            return _text(entry, f"{ATOM}summary") or "arXiv reported an error"
        found = _ABS.search(_text(entry, f"{ATOM}id"))
        if not found or not title:
            raise ValueError("an entry without an arXiv id or a title")
        published = _text(entry, f"{ATOM}published")
        updated = _text(entry, f"{ATOM}updated")
        authors = tuple((family_of(n), n[: len(n) - len(family_of(n))].strip()) for n in names if n)
        doi = _text(entry, f"{ARXIV}doi").lower() or None
        out[found.group("id")] = Work("arXiv", title, authors, int(published[:4]) if published[:4].isdigit() else None,
                                      _text(entry, f"{ARXIV}journal_ref") or None, None, found.group("id"), "preprint",
                                      published_doi=doi,
                                      other_years=(int(updated[:4]),) if updated[:4].isdigit() and updated[:4] != published[:4] else ())
    return out


class Arxiv(Service):
    name = "arXiv"

    async def by_ids(self, ids: list[str]) -> dict[str, Answer]:
        out: dict[str, Answer] = {}
        ids = list(dict.fromkeys(ids))
        for start in range(0, len(ids), BATCH):
            batch = ids[start:start + BATCH]
            reply = await self.get(self.base, {"id_list": ",".join(batch), "max_results": str(len(batch))})
            if reply.status != 200:
                failed = Answer(self.name, "failed", reason=reply.reason or f"HTTP {reply.status}")
                out.update({i: failed for i in batch})
                continue
            try:
                works = parse_feed(reply.text)
            except (ET.ParseError, ValueError):
                out.update({i: Answer(self.name, "failed", reason="malformed answer from arXiv") for i in batch})
                continue
            if isinstance(works, str):
                out.update({i: Answer(self.name, "failed", reason=f"arXiv: {works}") for i in batch})
                continue
            for arxiv_id in batch:
                work = works.get(arxiv_id)
                out[arxiv_id] = Answer(self.name, "found", (work,)) if work else Answer(self.name, "absent")
        return out


class Handles(Service):
    """doi.org's handle API: ``{"responseCode": 1, ...}`` for a registered DOI,
    404 with ``{"responseCode": 100}`` for one no agency registered."""

    name = "doi.org"

    async def exists(self, doi: str) -> Answer:
        reply = await self.get(f"{self.base}/{quote(doi, safe='/')}")
        if reply.status not in (200, 404):
            return Answer(self.name, "failed", reason=reply.reason or f"HTTP {reply.status}")
        try:
            code = json.loads(reply.text).get("responseCode")
        except (ValueError, AttributeError):
            return Answer(self.name, "failed", reason="malformed JSON from doi.org")
        if code == 1:
            return Answer(self.name, "found")
        if code == 100:
            return Answer(self.name, "absent")
        return Answer(self.name, "failed", reason=f"doi.org answered responseCode {code}")
