from ._links import DOC, URL, found, with_links


def test_private_address_refused():
    result = with_links(DOC, {URL: dict(status="excluded", reason="www.aa.com.tr resolves to a non-public address (10.0.0.5)")})
    assert found(result, "RC405") == [(4, 76, "info", f"Bicer (2022): link not checked (www.aa.com.tr resolves to a non-public address (10.0.0.5)): {URL}", None)]
