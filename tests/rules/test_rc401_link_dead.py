from ._links import DOC, DOI, URL, found, with_links


def test_dead_link_with_archive_suggestion():
    result = with_links(DOC, {URL: dict(status="dead", http_status=404, reason="HTTP 404",
                                        archive_url="http://web.archive.org/web/2022/" + URL)})
    assert found(result, "RC401") == [(4, 76, "error", f"Bicer (2022): dead link (HTTP 404): {URL}",
                                       f"archived copy: http://web.archive.org/web/2022/{URL}")]


def test_dead_doi_and_no_finding_when_alive_or_not_probed():
    result = with_links(DOC, {DOI: dict(status="dead", reason="host name does not resolve (Name or service not known)")})
    assert [(line, col) for line, col, *_ in found(result, "RC401")] == [(5, 107)]
    assert found(with_links(DOC, {}), "RC401") == []
    from ..conftest import run

    assert [f.code for f in run(DOC).findings if f.code.startswith("RC4")] == []
