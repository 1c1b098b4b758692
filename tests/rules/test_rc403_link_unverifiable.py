from ._links import DOC, URL, found, with_links


def test_bot_wall_is_information_not_an_error():
    result = with_links(DOC, {URL: dict(status="unverifiable", http_status=403, reason="bot challenge (cf-mitigated: challenge) (403)")})
    assert found(result, "RC403") == [(4, 76, "info", f"Bicer (2022): could not verify the link (bot challenge (cf-mitigated: challenge) (403)): {URL}", None)]
    assert not [f for f in result.findings if f.severity.label == "error"]
