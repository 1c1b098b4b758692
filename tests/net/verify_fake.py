"""A stand-in for Crossref, OpenAlex, DataCite, arXiv and doi.org, answering in
the shapes their documentation gives (recorded by hand, not copied), from a
small set of records. Used through httpx.MockTransport and, by the integration
test and benchmarks/verify.py, behind a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote, urlsplit
from xml.sax.saxutils import escape

import httpx

from refcheck.net.verify.http import VerifySettings

BASE = "http://127.0.0.1:9"  # an address: no name to resolve; MockTransport answers before any connect


@dataclass
class Record:
    title: str
    authors: list[tuple[str, str]]  # (family, given)
    year: int
    journal: str | None = None
    doi: str | None = None
    kind: str = "journal-article"
    agency: str = "crossref"  # crossref | datacite | other (registered elsewhere: doi.org only)
    arxiv: str | None = None  # an arXiv preprint (with published_doi when published)
    published_doi: str | None = None
    updates: list[tuple[str, str]] = field(default_factory=list)  # (Crossref update type, notice DOI)
    retracted_in_openalex: bool = False
    subtitle: str | None = None


def settings(base: str = BASE, **extra) -> VerifySettings:
    return VerifySettings(crossref_url=f"{base}/crossref", openalex_url=f"{base}/openalex", datacite_url=f"{base}/datacite",
                          arxiv_url=f"{base}/arxiv/api/query", handle_url=f"{base}/handles/api/handles", **extra)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower())) - {"the", "of", "a", "an", "and", "in", "on", "for", "to"}


def crossref_work(r: Record) -> dict:
    item = {
        "indexed": {"date-parts": [[2025, 1, 5]], "date-time": "2025-01-05T10:00:00Z", "timestamp": 1736071200000},
        "reference-count": 31, "publisher": "Example Publisher", "DOI": r.doi, "type": r.kind,
        "created": {"date-parts": [[r.year, 1, 1]], "date-time": f"{r.year}-01-01T00:00:00Z", "timestamp": 0},
        "source": "Crossref", "is-referenced-by-count": 12, "title": [r.title], "prefix": (r.doi or "").split("/")[0],
        "author": [{"given": g, "family": f, "sequence": "first" if i == 0 else "additional", "affiliation": []}
                   for i, (f, g) in enumerate(r.authors)],
        "member": "78", "container-title": [r.journal] if r.journal else [], "issued": {"date-parts": [[r.year, 3]]},
        "URL": f"https://doi.org/{r.doi}", "score": 1.0,
    }
    if r.subtitle:
        item["subtitle"] = [r.subtitle]
    if r.updates:
        item["updated-by"] = [{"updated": {"date-parts": [[r.year + 2, 5, 1]]}, "DOI": d, "type": t,
                               "source": "retraction-watch", "label": t.replace("_", " ").title(), "record-id": 1}
                              for t, d in r.updates]
    if r.kind == "posted-content" and r.published_doi:
        item["subtype"] = "preprint"
        item["relation"] = {"is-preprint-of": [{"id-type": "doi", "id": r.published_doi, "asserted-by": "subject"}]}
    return item


def openalex_work(r: Record, number: int) -> dict:
    return {
        "id": f"https://openalex.org/W{4000000 + number}", "doi": f"https://doi.org/{r.doi}" if r.doi else None,
        "title": r.title, "display_name": r.title, "publication_year": r.year, "publication_date": f"{r.year}-03-01",
        "type": "article" if r.kind == "journal-article" else r.kind, "language": "en", "cited_by_count": 12,
        "is_retracted": r.retracted_in_openalex or any(t == "retraction" for t, _ in r.updates), "is_paratext": False,
        "authorships": [{"author_position": "first" if i == 0 else "middle",
                         "author": {"id": f"https://openalex.org/A{i}", "display_name": f"{g} {f}".strip(), "orcid": None},
                         "institutions": [], "raw_author_name": f"{g} {f}".strip()} for i, (f, g) in enumerate(r.authors)],
        "primary_location": {"is_oa": False, "landing_page_url": None, "pdf_url": None,
                             "source": {"id": "https://openalex.org/S1", "display_name": r.journal, "type": "journal"}
                             if r.journal else None},
    }


def datacite_work(r: Record) -> dict:
    return {"id": r.doi, "type": "dois", "attributes": {
        "doi": r.doi, "identifiers": [], "titles": [{"title": r.title}],
        "creators": [{"name": f"{f}, {g}".strip(", "), "nameType": "Personal", "givenName": g, "familyName": f,
                      "affiliation": [], "nameIdentifiers": []} for f, g in r.authors],
        "publisher": r.journal or "Zenodo", "container": {}, "publicationYear": r.year,
        "types": {"resourceTypeGeneral": "Text" if r.kind != "dataset" else "Dataset", "resourceType": ""},
        "url": f"https://example.org/{r.doi}", "state": "findable"}, "relationships": {}}


def arxiv_entry(r: Record) -> str:
    authors = "".join(f"<author><name>{escape(f'{g} {f}'.strip())}</name></author>" for f, g in r.authors)
    doi = f"<arxiv:doi>{r.published_doi}</arxiv:doi><link title=\"doi\" href=\"http://dx.doi.org/{r.published_doi}\" rel=\"related\"/>" \
        if r.published_doi else ""
    return (f"<entry><id>http://arxiv.org/abs/{r.arxiv}v2</id><updated>{r.year}-06-01T00:00:00Z</updated>"
            f"<published>{r.year}-05-02T17:00:00Z</published><title>{escape(r.title)}</title>"
            f"<summary>An abstract.</summary>{authors}{doi}"
            f"<link href=\"http://arxiv.org/abs/{r.arxiv}v2\" rel=\"alternate\" type=\"text/html\"/>"
            f"<arxiv:primary_category term=\"cs.CL\" scheme=\"http://arxiv.org/schemas/atom\"/></entry>")


def feed(entries: str, total: int) -> str:
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
            "xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\">"
            "<link href=\"http://arxiv.org/api/query\" rel=\"self\" type=\"application/atom+xml\"/>"
            "<title type=\"html\">ArXiv Query</title><id>http://arxiv.org/api/x</id><updated>2025-01-01T00:00:00-05:00</updated>"
            f"<opensearch:totalResults>{total}</opensearch:totalResults><opensearch:startIndex>0</opensearch:startIndex>"
            f"<opensearch:itemsPerPage>{total}</opensearch:itemsPerPage>{entries}</feed>")


class Registry:
    """Answers requests to every service from ``records``. ``faults`` maps a
    service name ("crossref", "openalex", "datacite", "arxiv", "handles") to
    "down" (503 always), "busy-once" (429 with Retry-After: 1, then fine),
    "malformed" (200 with broken JSON) or "refused" (connection refused)."""

    def __init__(self, records: list[Record], faults: dict[str, str] | None = None, min_overlap: int = 2) -> None:
        self.records = records
        self.min_overlap = min_overlap  # words a record must share with a search to be returned
        self.faults = dict(faults or {})
        self.seen: list[str] = []  # "service path?query" of every request
        self.user_agents: set[str] = set()
        self._busy_done: set[str] = set()

    def by_doi(self, doi: str, agency: str | None = None) -> Record | None:
        doi = doi.lower()
        return next((r for r in self.records if r.doi and r.doi.lower() == doi and agency in (None, r.agency)), None)

    def search(self, query: str, pool) -> list[Record]:
        wanted = _words(query)
        scored = [(len(wanted & (_words(r.title) | _words(" ".join(f for f, _ in r.authors)))), i, r)
                  for i, r in enumerate(pool)]
        return [r for n, _, r in sorted(scored, key=lambda t: (-t[0], t[1])) if n >= self.min_overlap][:5]

    def answer(self, method: str, url: str, headers: dict) -> tuple[int, dict, str]:
        parts = urlsplit(url)
        service, _, path = parts.path.lstrip("/").partition("/")
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        self.seen.append(f"{service} /{path}" + (f"?{parts.query}" if parts.query else ""))
        self.user_agents.add(headers.get("user-agent", ""))
        fault = self.faults.get(service)
        if fault == "down":
            return 503, {"content-type": "text/plain"}, "Service Unavailable"
        if fault == "busy-once" and service not in self._busy_done:
            self._busy_done.add(service)
            return 429, {"retry-after": "1", "content-type": "text/plain"}, "Too Many Requests"
        if fault == "malformed":
            return 200, {"content-type": "application/json"}, '{"status": "ok", "message": {"items": [{'
        handler = getattr(self, f"_{service}")
        return handler(unquote(path), query)

    @staticmethod
    def _json(status: int, body) -> tuple[int, dict, str]:
        return status, {"content-type": "application/json"}, json.dumps(body)

    def _crossref(self, path: str, query: dict):
        if path.startswith("works/"):
            found = self.by_doi(path[len("works/"):], "crossref")
            if found is None:
                return 404, {"content-type": "text/plain"}, "Resource not found."
            return self._json(200, {"status": "ok", "message-type": "work", "message-version": "1.0.0", "message": crossref_work(found)})
        hits = self.search(query.get("query.bibliographic", ""), [r for r in self.records if r.doi and r.agency == "crossref"])
        return self._json(200, {"status": "ok", "message-type": "work-list", "message-version": "1.0.0", "message": {
            "facets": {}, "total-results": len(hits), "items": [crossref_work(r) for r in hits], "items-per-page": 5,
            "query": {"start-index": 0, "search-terms": query.get("query.bibliographic")}}})

    def _openalex(self, path: str, query: dict):
        if path.startswith("works/doi:"):
            found = self.by_doi(path[len("works/doi:"):])
            if found is None or found.agency == "other":
                return self._json(404, {"error": "NotFoundError", "message": "404 Not Found"})
            return self._json(200, openalex_work(found, self.records.index(found)))
        hits = self.search(query.get("search", ""), [r for r in self.records if r.agency != "other"])
        return self._json(200, {"meta": {"count": len(hits), "db_response_time_ms": 21, "page": 1, "per_page": 5,
                                         "groups_count": None},
                                "results": [openalex_work(r, self.records.index(r)) for r in hits], "group_by": []})

    def _datacite(self, path: str, query: dict):
        if path.startswith("dois/"):
            found = self.by_doi(path[len("dois/"):], "datacite")
            if found is None:
                return self._json(404, {"errors": [{"status": "404", "title": "The resource you are looking for doesn't exist."}]})
            return self._json(200, {"data": datacite_work(found)})
        text = re.sub(r"^titles\.title:", "", query.get("query", "")).strip('"')
        hits = self.search(text, [r for r in self.records if r.doi and r.agency == "datacite"])
        return self._json(200, {"data": [datacite_work(r) for r in hits], "meta": {"total": len(hits), "totalPages": 1, "page": 1},
                                "links": {"self": "https://api.datacite.org/dois"}})

    def _arxiv(self, path: str, query: dict):
        ids = [i for i in query.get("id_list", "").split(",") if i]
        if any(not re.fullmatch(r"\d{4}\.\d{4,5}|[a-z-]+/\d{7}", i) for i in ids):
            error = ("<entry><id>http://arxiv.org/api/errors#incorrect_id_format</id><title>Error</title>"
                     "<summary>incorrect id format</summary><author><name>arXiv api core</name></author></entry>")
            return 200, {"content-type": "application/atom+xml"}, feed(error, 1)
        found = [r for i in ids for r in self.records if r.arxiv == i]
        return 200, {"content-type": "application/atom+xml"}, feed("".join(arxiv_entry(r) for r in found), len(found))

    def _handles(self, path: str, query: dict):
        doi = path[len("api/handles/"):]
        if self.by_doi(doi) is None:
            return self._json(404, {"responseCode": 100, "handle": doi})
        return self._json(200, {"responseCode": 1, "handle": doi, "values": [
            {"index": 1, "type": "URL", "data": {"format": "string", "value": "https://example.org/"}, "ttl": 86400}]})

    def transport(self) -> httpx.MockTransport:
        def handler(request: httpx.Request) -> httpx.Response:
            service = urlsplit(str(request.url)).path.lstrip("/").partition("/")[0]
            if self.faults.get(service) == "refused":
                raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
            status, headers, body = self.answer(request.method, str(request.url), dict(request.headers))
            return httpx.Response(status, headers=headers, text=body)

        return httpx.MockTransport(handler)


class serve:
    """``with serve(registry) as base:`` the registry behind a real HTTP server on
    127.0.0.1 (a thread); ``base`` is its root URL, for :func:`settings`."""

    def __init__(self, registry: Registry) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            wbufsize = 1 << 16  # headers and body in one write: no delayed-ACK stall per request

            def do_GET(self):  # noqa: N802
                if registry.faults.get(self.path.lstrip("/").partition("/")[0]) == "refused":
                    self.close_connection = True
                    self.connection.close()
                    return
                status, headers, body = registry.answer("GET", f"http://127.0.0.1{self.path}",
                                                        {k.lower(): v for k, v in self.headers.items()})
                data = body.encode("utf-8")
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        class Server(ThreadingHTTPServer):
            request_queue_size = 128  # the default 5 drops concurrent connects (a 1 s SYN retry each)
            daemon_threads = True

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
