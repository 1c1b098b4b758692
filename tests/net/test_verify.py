"""--verify against hand-recorded registry answers (httpx.MockTransport): the verdicts."""

from __future__ import annotations

import asyncio
import json
import textwrap

import pytest

from refcheck.api import extract
from refcheck.extract.identifiers import key
from refcheck.net.policy import Unresolvable
from refcheck.net.verify.run import VerifyRun, verify_references
from refcheck.readers import read_bytes

from .verify_fake import Record, Registry, settings

NATURE = Record("Deep learning", [("LeCun", "Yann"), ("Bengio", "Yoshua"), ("Hinton", "Geoffrey")], 2015, "Nature",
                "10.1038/nature14539")
LSTM = Record("Long short-term memory", [("Hochreiter", "Sepp"), ("Schmidhuber", "Jürgen")], 1997, "Neural Computation",
              "10.1162/neco.1997.9.8.1735")
RETRACTED = Record("Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children",
                   [("Wakefield", "A.J."), ("Murch", "S.H.")], 1998, "The Lancet", "10.1016/s0140-6736(97)11096-0",
                   updates=[("retraction", "10.1016/s0140-6736(10)60175-4")])
BERT = Record("BERT: Pre-training of deep bidirectional transformers for language understanding",
              [("Devlin", "Jacob"), ("Chang", "Ming-Wei")], 2018, None, None, kind="preprint", arxiv="1810.04805",
              published_doi="10.18653/v1/n19-1423")
ZENODO = Record("Scikit-learn release archive", [("Pedregosa", "Fabian")], 2020, None, "10.5281/zenodo.1234567",
                kind="software", agency="datacite")
OTHER_AGENCY = Record("A report registered with another agency", [("Rossi", "Maria")], 2012, None, "10.1400/123456",
                      agency="other")
RECORDS = [NATURE, LSTM, RETRACTED, BERT, ZENODO, OTHER_AGENCY]


class Sleeps(list):
    async def __call__(self, seconds: float) -> None:
        self.append(round(seconds, 2))
        await asyncio.sleep(0)


def verify(entries: str, faults=None, records=RECORDS, mailto=None, registry=None, **run):
    text = "Text.\n\nReferences\n" + textwrap.dedent(entries).strip() + "\n"
    refs = extract(read_bytes("doc.md", text.encode("utf-8"), "md")).references
    registry = registry or Registry(records, faults)
    sleeps = Sleeps()
    run.setdefault("use_cache", False)
    verdicts = verify_references(refs, VerifyRun(settings(mailto=mailto), **run), transport=registry.transport(), sleep=sleeps)
    return [verdicts[key(r)] for r in refs], registry, [s for s in sleeps if s >= 0.5]


def test_doi_found_and_matching():
    [v], registry, _ = verify("LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning. Nature, 521(7553), 436-444. "
                              "https://doi.org/10.1038/nature14539")
    assert (v.status, v.identifier, v.differences, v.sources) == ("verified", "doi:10.1038/nature14539", (), ("Crossref", "OpenAlex"))
    assert (v.work.source, v.work.title, v.work.year, v.score) == ("Crossref", "Deep learning", 2015, 1.0)
    assert registry.seen == ["crossref /works/10.1038/nature14539", "openalex /works/doi:10.1038/nature14539"]


def test_doi_of_a_different_paper_is_a_conflict():
    [v], _, _ = verify("Smith, J. (2019). Fast methods for sparse graphs. Journal of Graphs, 3(2), 1-9. "
                       "https://doi.org/10.1038/nature14539")
    assert v.status == "conflict"
    assert v.reason == 'doi:10.1038/nature14539 is "Deep learning" (LeCun et al., 2015) (title similarity 0.23)'
    assert v.differences == (("title", "Fast methods for sparse graphs", "Deep learning"), ("first author", "Smith", "LeCun"),
                             ("year", "2019", "2015"), ("container", "Journal of Graphs", "Nature"))


def test_same_work_with_a_wrong_year_and_author_is_a_mismatch():
    [v], _, _ = verify("Bengio, Y. (2012). Deep learning. Nature, 521, 436-444. https://doi.org/10.1038/nature14539")
    assert v.status == "mismatch"
    assert v.differences == (("first author", "Bengio", "LeCun (Bengio is the 2nd author)"), ("year", "2012", "2015"))


def test_one_year_apart_is_allowed():
    [v], _, _ = verify("LeCun, Y. (2016). Deep learning. Nature, 521, 436-444. https://doi.org/10.1038/nature14539")
    assert v.status == "verified"


def test_no_doi_and_a_confident_match_suggests_the_doi():
    [v], _, _ = verify("Hochreiter, S., & Schmidhuber, J. (1997). Long short-term memory. Neural Computation, 9(8), 1735-1780.")
    assert (v.status, v.suggest_doi, v.sources) == ("verified", "10.1162/neco.1997.9.8.1735", ("Crossref", "OpenAlex", "DataCite"))


def test_real_title_with_invented_authors_is_a_mismatch():
    [v], _, _ = verify("Okonkwo, P., & Lindqvist, B. (1997). Long short-term memory. Neural Computation, 9(8), 1735-1780.")
    assert (v.status, v.differences) == ("mismatch", (("first author", "Okonkwo", "Hochreiter"),))
    assert v.suggest_doi is None


def test_no_match_with_every_source_answering_is_not_found():
    [v], registry, _ = verify("Smith, J. (2020). A wholly invented study of quantum basket weaving. "
                              "Journal of Imaginary Results, 12(3), 1-10.")
    assert (v.status, v.reason, v.sources) == ("not-found", "no record matches", ("Crossref", "OpenAlex", "DataCite"))
    assert len(registry.seen) == 3


def test_one_source_down_is_cannot_determine_never_not_found():
    [v], _, sleeps = verify("Smith, J. (2020). A wholly invented study of quantum basket weaving. "
                            "Journal of Imaginary Results, 12(3), 1-10.", faults={"openalex": "down"})
    assert v.status == "undetermined"
    assert v.reason == "no confident match; OpenAlex: HTTP 503 after 3 retries"
    assert sleeps == [1.0, 2.0, 4.0]  # backoff doubles; bounded by the retries


def test_a_source_down_does_not_stop_a_match_elsewhere():
    [v], _, _ = verify("Hochreiter, S. (1997). Long short-term memory. Neural Computation, 9(8), 1735-1780.",
                       faults={"crossref": "refused"})
    assert (v.status, v.work.source, v.sources) == ("verified", "OpenAlex", ("OpenAlex", "DataCite"))


def test_retracted_work_carries_its_notice():
    [v], _, _ = verify("Wakefield, A. J., & Murch, S. H. (1998). Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and "
                       "pervasive developmental disorder in children. The Lancet, 351, 637-641. "
                       "https://doi.org/10.1016/S0140-6736(97)11096-0")
    assert (v.status, v.work.retracted, v.work.notices) == ("verified", True, (("retraction", "10.1016/s0140-6736(10)60175-4"),))


def test_retraction_known_only_to_openalex_is_merged():
    record = Record("A study later withdrawn by its authors", [("Moreau", "Claire")], 2011, "Journal of Studies",
                    "10.1234/withdrawn.1", retracted_in_openalex=True)
    [v], _, _ = verify("Moreau, C. (2011). A study later withdrawn by its authors. Journal of Studies, 4, 1-2. "
                       "https://doi.org/10.1234/withdrawn.1", records=[record])
    assert (v.work.source, v.work.retracted, v.work.notices) == ("Crossref", True, (("retraction", ""),))


def test_preprint_with_a_published_version():
    [v], registry, _ = verify("Devlin, J., & Chang, M.-W. (2018). BERT: Pre-training of deep bidirectional transformers for "
                              "language understanding. arXiv:1810.04805v2")
    assert (v.status, v.identifier, v.work.published_doi) == ("verified", "arXiv:1810.04805", "10.18653/v1/n19-1423")
    assert registry.seen == ["arxiv /api/query?id_list=1810.04805&max_results=1"]


def test_arxiv_id_that_does_not_exist():
    [v], _, _ = verify("Devlin, J. (2018). Some paper about transformers and more. arXiv:1810.99999")
    assert (v.status, v.reason) == ("unregistered", "arXiv has no paper 1810.99999")


def test_429_then_success_honours_retry_after():
    [v], registry, sleeps = verify("LeCun, Y. (2015). Deep learning. Nature, 521, 436-444. https://doi.org/10.1038/nature14539",
                                   faults={"crossref": "busy-once"})
    assert v.status == "verified" and v.work.source == "Crossref"
    assert sleeps == [1.0]
    assert registry.seen.count("crossref /works/10.1038/nature14539") == 2


def test_retry_after_beyond_the_cap_is_rate_limited_without_waiting():
    registry = Registry(RECORDS)
    registry.faults = {"crossref": "busy-once"}
    original = registry.answer

    def long_wait(method, url, headers):
        status, head, body = original(method, url, headers)
        return (status, {**head, "retry-after": "3600"}, body) if status == 429 else (status, head, body)

    registry.answer = long_wait
    [v], _, sleeps = verify("Smith, J. (2020). A wholly invented study of quantum basket weaving. Journal of Imaginary "
                            "Results, 12(3), 1-10.", registry=registry)
    assert (v.status, v.reason) == ("undetermined", "no confident match; Crossref: rate-limited (429; asked to wait 3600 s)")
    assert sleeps == []


def test_malformed_json_is_a_failure_not_an_absence():
    [v], _, _ = verify("LeCun, Y. (2015). Deep learning. Nature, 521, 436-444. https://doi.org/10.1038/nature14539",
                       faults={"crossref": "malformed", "openalex": "malformed", "datacite": "malformed", "handles": "malformed"})
    assert v.status == "undetermined"
    assert v.reason == ("Crossref: malformed JSON from Crossref; OpenAlex: malformed JSON from OpenAlex; "
                        "DataCite: malformed JSON from DataCite; doi.org: malformed JSON from doi.org")


def test_unregistered_doi_needs_doi_org_to_say_so():
    entry = "Smith, J. (2020). Deep learning for everything. Nature, 1, 1-2. https://doi.org/10.1038/nature99999999"
    [v], registry, _ = verify(entry)
    assert (v.status, v.reason) == ("unregistered", "doi.org has no DOI 10.1038/nature99999999, and no registry holds a record of it")
    assert registry.seen[-2:] == ["datacite /dois/10.1038/nature99999999", "handles /api/handles/10.1038/nature99999999"]
    [v], _, _ = verify(entry, faults={"handles": "down"})
    assert (v.status, v.reason) == ("undetermined", "doi.org: HTTP 503 after 3 retries")


def test_doi_of_another_agency_cannot_be_determined():
    [v], _, _ = verify("Rossi, M. (2012). A report registered with another agency. Rome: Istituto. https://doi.org/10.1400/123456")
    assert v.status == "undetermined"
    assert v.reason == "the DOI is registered, but Crossref, OpenAlex and DataCite hold no record of it (another agency?)"


def test_datacite_doi_when_crossref_has_none_and_openalex_is_down():
    [v], _, _ = verify("Pedregosa, F. (2020). Scikit-learn release archive. Zenodo. https://doi.org/10.5281/zenodo.1234567",
                       faults={"openalex": "down"})
    assert (v.status, v.work.source, v.work.kind, v.sources) == ("verified", "DataCite", "text", ("Crossref", "DataCite"))


def test_web_sources_and_short_titles_are_not_looked_up():
    verdicts, registry, _ = verify("""
        Bicer, A. (2022). Drone plant opens in the steppe. Retrieved from https://news.example.org/a. Accessed on 24.06.2025.
        Lemon, E. (2018). Security. Central Asian Survey, 37(1), 1-12.
    """)
    assert [(v.status, v.reason) for v in verdicts] == [
        ("undetermined", "not looked up: grey literature or a web source (no DOI, journal, volume, pages, publisher or "
                         "ISBN); the link check covers it"),
        ("undetermined", "not looked up: the title is too short to search for")]
    assert registry.seen == []


def test_offline_everything_cannot_be_determined():
    async def no_dns(host):
        raise Unresolvable("Name or service not known")

    text = "Text.\n\nReferences\nLeCun, Y. (2015). Deep learning. Nature, 521, 436-444. https://doi.org/10.1038/nature14539\n"
    refs = extract(read_bytes("doc.md", text.encode(), "md")).references
    registry = Registry(RECORDS)
    out = verify_references(refs, VerifyRun(use_cache=False), transport=registry.transport(), resolver=no_dns)
    assert [(v.status, v.reason) for v in out.values()] == [("undetermined", "offline: no registry host name resolves")]
    assert registry.seen == []


def test_polite_pool_mailto_in_user_agent_and_parameter():
    _, registry, _ = verify("Hochreiter, S. (1997). Long short-term memory. Neural Computation, 9(8), 1735-1780.",
                            mailto="editor@example.org")
    assert registry.user_agents == {"refcheck/0.1.0 (https://github.com/refcheck/refcheck; mailto:editor@example.org)"}
    assert sorted(s.split(" ")[0] for s in registry.seen if "mailto=editor%40example.org" in s) == ["crossref", "openalex"]


def test_records_are_cached_failures_are_not(tmp_path):
    entry = "LeCun, Y. (2015). Deep learning. Nature, 521, 436-444. https://doi.org/10.1038/nature14539"
    [first], registry, _ = verify(entry, faults={"openalex": "down"}, use_cache=True, cache_dir=str(tmp_path))
    assert first.status == "verified"
    [again], registry, _ = verify(entry, use_cache=True, cache_dir=str(tmp_path))
    assert again == first.__class__(**{**first.__dict__, "sources": ("Crossref", "OpenAlex")})
    assert registry.seen == ["openalex /works/doi:10.1038/nature14539"]  # Crossref's record came from the cache


def test_the_same_entry_in_two_places_is_looked_up_once():
    verdicts, registry, _ = verify("""
        Hochreiter, S. (1997). Long short-term memory. Neural Computation, 9(8), 1735-1780.
        Hochreiter, S. (1997). Long short-term memory. Neural Computation, 9(8), 1735-1780.
    """)
    assert [v.status for v in verdicts] == ["verified", "verified"]
    assert len(registry.seen) == 3


def test_looks_scholarly():
    from refcheck.net.verify.decide import looks_scholarly

    def entry(text):
        body = "Text.\n\nReferences\n" + text + "\n"
        return extract(read_bytes("doc.md", body.encode(), "md")).references[0]

    assert looks_scholarly(entry("Putnam, R. D. (2000). Bowling alone: The collapse and revival. Simon & Schuster."))
    assert looks_scholarly(entry("Kuhn, T. S. (1962). The structure of scientific revolutions. University of Chicago Press."))
    assert not looks_scholarly(entry("Doe, J. (2020, May 3). Rail link opens to the coast. The Daily Courier."))
    assert not looks_scholarly(entry("Doe, J. (2020). Rail link opens. Daily Courier. https://news.example.org/rail"))
    assert not looks_scholarly(entry("Doe, J. (2020). University funding cuts deepen. Higher Education Weekly. "
                                     "https://news.example.org/funding"))
    assert looks_scholarly(entry("Doe, J. (2020). Rail economics. Transport Notes, pp. 12-30. https://journal.example.org/12"))
    assert looks_scholarly(entry("Doe, J. (2020). Rail link economics. Transport Review, 3(1), 1-9. Retrieved from https://x.org/a"))


def test_a_short_title_is_searched_with_its_author_but_never_ruled_out():
    short = Record("Random forests", [("Breiman", "Leo")], 2001, "Machine Learning", "10.1023/a:1010933404324")
    verdicts, _, _ = verify("""
        Breiman, L. (2001). Random forests. Machine Learning, 45(1), 5-32.
        Breiman, L. (2001). Random trees. Machine Learning, 45(1), 5-32.
    """, records=[short])
    assert [(v.status, v.reason) for v in verdicts] == [
        ("verified", "found in Crossref: title similarity 1.00"),
        ("undetermined", "no confident match, and the title is too short to rule one out")]


def test_print_year_two_years_after_online_first_agrees():
    record = Record("Sediment transport in braided rivers of the north", [("Aalto", "Ilkka")], 2019, "Journal of Rivers",
                    "10.1234/rivers.2019.7")
    registry = Registry([record])
    original = registry.answer

    def with_print_year(method, url, headers):
        status, head, body = original(method, url, headers)
        if "crossref" in url and status == 200:
            data = json.loads(body)
            data["message"]["published-print"] = {"date-parts": [[2021, 2]]}
            body = json.dumps(data)
        return status, head, body

    registry.answer = with_print_year
    [v], _, _ = verify("Aalto, I. (2021). Sediment transport in braided rivers of the north. Journal of Rivers, 3, 1-9. "
                       "https://doi.org/10.1234/rivers.2019.7", registry=registry)
    assert (v.status, v.work.year, v.work.other_years) == ("verified", 2019, (2021,))


def test_a_sici_doi_that_may_be_cut_short_is_not_called_unregistered():
    [v], registry, _ = verify("Smith, J. (1998). Old indexing. Journal of the Society, 49(8), 693-700. "
                              "https://doi.org/10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0")
    assert v.status == "undetermined" and "cut short" in v.reason
    assert registry.seen == []


def test_a_bug_in_a_parser_is_cannot_determine_not_a_traceback(monkeypatch):
    from refcheck.net.verify import decide

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(decide, "judge", broken)
    [v], _, _ = verify("LeCun, Y. (2015). Deep learning. Nature, 521, 436-444. https://doi.org/10.1038/nature14539")
    assert (v.status, v.reason) == ("undetermined", "internal error while verifying: RuntimeError: boom")


@pytest.mark.parametrize("service, body", [
    ("crossref", '{"status": "ok", "message": []}'), ("crossref", '{"message": {"title": "x", "issued": {"date-parts": []}}}'),
    ("crossref", "[]"), ("openalex", '{"results": [1, 2]}'), ("openalex", '"a string"'), ("datacite", '{"data": {"attributes": []}}'),
    ("arxiv", "<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>nonsense</id></entry></feed>"), ("arxiv", "Rate exceeded."),
])
def test_unexpected_shapes_never_raise(service, body):
    registry = Registry(RECORDS)
    original = registry.answer

    def odd(method, url, headers):
        status, head, text = original(method, url, headers)
        return (200, head, body) if f"/{service}/" in url else (status, head, text)

    registry.answer = odd
    verdicts, _, _ = verify("""
        LeCun, Y. (2015). Deep learning. Nature, 521, 436-444. https://doi.org/10.1038/nature14539
        Hochreiter, S. (1997). Long short-term memory. Neural Computation, 9(8), 1735-1780.
        Devlin, J. (2018). BERT: Pre-training of deep bidirectional transformers for language understanding. arXiv:1810.04805
    """, registry=registry)
    assert not any(v.reason.startswith("internal error") for v in verdicts)
    if service == "arxiv":
        assert (verdicts[2].status, verdicts[2].reason) == ("undetermined", "arXiv: malformed answer from arXiv")


def test_an_oversized_answer_is_a_failure_and_not_retried():
    registry = Registry(RECORDS)
    original = registry.answer

    def huge(method, url, headers):
        status, head, body = original(method, url, headers)
        return (200, head, " " * 5000) if "/crossref/" in url else (status, head, body)

    registry.answer = huge
    text = "Text.\n\nReferences\nLeCun, Y. (2015). Deep learning. Nature, 521, 436-444. https://doi.org/10.1038/nature14539\n"
    refs = extract(read_bytes("doc.md", text.encode(), "md")).references
    out = verify_references(refs, VerifyRun(settings(max_bytes=4000), use_cache=False), transport=registry.transport(),
                            sleep=Sleeps())
    assert [v.work.source for v in out.values()] == ["OpenAlex"]
    assert registry.seen.count("crossref /works/10.1038/nature14539") == 1


def test_a_corrupt_cache_file_is_rebuilt_and_a_bad_row_is_a_miss(tmp_path):
    import sqlite3

    (tmp_path / "links.sqlite3").write_bytes(b"this is not a database" * 100)
    entry = "LeCun, Y. (2015). Deep learning. Nature, 521, 436-444. https://doi.org/10.1038/nature14539"
    [v], _, _ = verify(entry, use_cache=True, cache_dir=str(tmp_path))
    assert v.status == "verified"
    db = sqlite3.connect(tmp_path / "links.sqlite3")
    db.execute("UPDATE records SET works = 'not json'")
    db.commit()
    db.close()
    [again], registry, _ = verify(entry, use_cache=True, cache_dir=str(tmp_path))
    assert again.status == "verified" and len(registry.seen) == 2  # both asked again


def test_progress_bar_is_labelled_and_closed(monkeypatch):
    from refcheck.net.verify import run as verify_run

    bars = []
    original = verify_run._bar

    def spy(total):
        bar = original(total)
        bars.append((total, bar.progress.columns[0].text_format, bar))
        return bar

    monkeypatch.setattr(verify_run, "_bar", spy)
    verify("LeCun, Y. (2015). Deep learning. Nature, 521, 436-444. https://doi.org/10.1038/nature14539", progress=True)
    [(total, label, bar)] = bars
    assert (total, label, bar.progress.finished) == (1, "verifying references", True)


def test_a_book_no_registry_holds_is_cannot_determine_not_not_found():
    [v], _, _ = verify("Marlow, T. (2011). The quiet harbours of the northern isles. Tidewater Press.")
    assert (v.status, v.reason) == ("undetermined", "no record matches, but books and reports are often missing from the "
                                                    "registries")
