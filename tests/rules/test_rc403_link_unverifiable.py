from ._links import DOC, URL, found, with_links


def test_bot_wall_is_information_not_an_error():
    result = with_links(DOC, {URL: dict(status="unverifiable", http_status=403, reason="bot challenge (cf-mitigated: challenge) (403)")})
    assert found(result, "RC403") == [(4, 76, "info", f"Bicer (2022): could not verify the link (bot challenge (cf-mitigated: challenge) (403)): {URL}", None)]
    assert not [f for f in result.findings if f.severity.label == "error"]


def test_no_network_is_one_finding_per_document_not_one_per_url():
    from ._links import DOI

    reason = "no network: no host name could be resolved"
    result = with_links(DOC, {URL: dict(status="unverifiable", reason=reason), DOI: dict(status="unverifiable", reason=reason)})
    assert found(result, "RC403") == [(4, 76, "info", f"2 links could not be checked ({reason})", None)]
    alone = with_links(DOC, {URL: dict(status="unverifiable", reason=reason)})
    assert found(alone, "RC403") == [(4, 76, "info", f"Bicer (2022): could not verify the link ({reason}): {URL}", None)]
