"""The parsers against answers recorded by hand in each service's documented shape
(tests/net/recorded/): every field refcheck reads, exactly."""

from __future__ import annotations

import asyncio
import json
import os

import httpx

from refcheck.net.verify import arxiv, crossref, datacite, openalex
from refcheck.net.verify.http import VerifySettings
from refcheck.net.verify.work import Answer, Work

RECORDED = os.path.join(os.path.dirname(__file__), "recorded")


def recorded(name: str) -> str:
    with open(os.path.join(RECORDED, name), encoding="utf-8") as handle:
        return handle.read()


def test_crossref_work():
    work = crossref.parse_work(json.loads(recorded("crossref-work.json"))["message"])
    assert work == Work("Crossref", "The Tragedy of the Commons", (("Hardin", "Garrett"),), 1968, "Science",
                        "10.1126/science.162.3859.1243", None, "journal-article")


def test_crossref_retracted_work_with_subtitle_markup_and_notices():
    work = crossref.parse_work(json.loads(recorded("crossref-retracted.json"))["message"])
    assert work.title == "RETRACTED: A <i>fictional</i> study of coral bleaching: evidence from three reefs"
    assert work.authors == (("Ribeiro", "Ana"), ("Reef Monitoring Consortium", ""))
    assert (work.year, work.other_years) == (2012, (2013,))
    assert work.retracted is True
    assert work.notices == (("retraction", "10.5555/notice.2014.1"), ("correction", "10.5555/notice.2013.7"))


def test_crossref_search_and_a_preprint_relation():
    items = json.loads(recorded("crossref-search.json"))["message"]["items"]
    hardin, preprint = (crossref.parse_work(i) for i in items)
    assert hardin.title == "The Tragedy of the Commons"
    assert (preprint.kind, preprint.year, preprint.published_doi) == ("posted-content", 2021, "10.5555/journal.2022.8")


def test_openalex_work_and_search():
    work = openalex.parse_work(json.loads(recorded("openalex-work.json")))
    assert work == Work("OpenAlex", "The Tragedy of the Commons", (("Hardin", "Garrett"),), 1968, "Science",
                        "10.1126/science.162.3859.1243", None, "article")
    ostrom, fuente = (openalex.parse_work(r) for r in json.loads(recorded("openalex-search.json"))["results"])
    assert (ostrom.doi, ostrom.container, ostrom.kind, ostrom.authors) == (None, None, "book", (("Ostrom", "Elinor"),))
    assert (fuente.authors, fuente.kind, fuente.retracted, fuente.notices) == (
        (("de la Fuente", "Tomás"),), "preprint", True, (("retraction", ""),))


def test_datacite_doi():
    work = datacite.parse_work(json.loads(recorded("datacite-doi.json"))["data"])
    assert work == Work("DataCite", "Tide gauge readings along the northern coast, 1990-2020",
                        (("Nakamura", "Hiro"), ("Coastal Survey Group", "")), 2021, "Dryad", "10.5061/dryad.example1",
                        None, "dataset")


def test_arxiv_feed_with_wrapped_titles_versions_and_a_journal_doi():
    works = arxiv.parse_feed(recorded("arxiv-feed.xml"))
    assert list(works) == ["1706.03762", "1810.04805"]
    attention, bert = works.values()
    assert (attention.title, attention.year, attention.other_years) == ("Attention Is All You Need", 2017, (2023,))
    assert attention.authors == (("Vaswani", "Ashish"), ("Shazeer", "Noam"), ("Parmar", "Niki"))
    assert (attention.published_doi, bert.published_doi) == (None, "10.18653/v1/n19-1423")
    assert bert.container == "NAACL-HLT 2019, pages 4171-4186"


def test_arxiv_error_entry_is_reported_not_read_as_a_paper():
    assert arxiv.parse_feed(recorded("arxiv-error.xml")) == "incorrect id format for 1706.037"


def serve(routes: dict[str, tuple[int, str]]):
    def handler(request: httpx.Request) -> httpx.Response:
        status, body = routes.get(request.url.path, (404, "Resource not found."))
        return httpx.Response(status, text=body)

    return httpx.MockTransport(handler)


def ask(service_class, base, routes, call):
    async def go():
        async with httpx.AsyncClient(transport=serve(routes)) as client:
            service = service_class(client, base, VerifySettings(retries=0))
            return await call(service)

    return asyncio.run(go())


def test_services_read_recorded_answers_and_their_404s():
    crossref_routes = {"/works/10.1126/science.162.3859.1243": (200, recorded("crossref-work.json"))}
    found = ask(crossref.Crossref, "http://127.0.0.1:9", crossref_routes, lambda s: s.by_doi("10.1126/science.162.3859.1243"))
    assert (found.state, found.works[0].title) == ("found", "The Tragedy of the Commons")
    assert ask(crossref.Crossref, "http://127.0.0.1:9", {}, lambda s: s.by_doi("10.1/none")) == Answer("Crossref", "absent")
    datacite_404 = '{"errors":[{"status":"404","title":"The resource you are looking for doesn\'t exist."}]}'
    assert ask(datacite.DataCite, "http://127.0.0.1:9", {"/dois/10.1/none": (404, datacite_404)},
               lambda s: s.by_doi("10.1/none")).state == "absent"
    handles = {"/10.1126/science.162.3859.1243": (200, recorded("handle-found.json")),
               "/10.1126/no.such.doi": (404, recorded("handle-absent.json"))}
    assert ask(arxiv.Handles, "http://127.0.0.1:9", handles, lambda s: s.exists("10.1126/science.162.3859.1243")).state == "found"
    assert ask(arxiv.Handles, "http://127.0.0.1:9", handles, lambda s: s.exists("10.1126/no.such.doi")).state == "absent"
    error = ask(arxiv.Arxiv, "http://127.0.0.1:9/api/query", {"/api/query": (200, recorded("arxiv-error.xml"))},
                lambda s: s.by_ids(["1706.037"]))
    assert error == {"1706.037": Answer("arXiv", "failed", reason="arXiv: incorrect id format for 1706.037")}
