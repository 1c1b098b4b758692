from ._links import DOC, URL, found, with_links


def test_server_error():
    result = with_links(DOC, {URL: dict(status="error", http_status=503, reason="HTTP 503 after 3 retries")})
    assert found(result, "RC402") == [(4, 76, "warning", f"Bicer (2022): link error (HTTP 503 after 3 retries): {URL}", None)]
    assert found(result, "RC401") == []
