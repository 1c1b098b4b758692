from ._links import DOC, URL, found, with_links


def test_permanent_redirect_suggests_the_final_url():
    result = with_links(DOC, {URL: dict(status="redirected", http_status=200, reason="moved permanently",
                                        final_url="https://www.aa.com.tr/en/economy/drone/2584822")})
    assert found(result, "RC404") == [(4, 76, "info", f"Bicer (2022): the link moved permanently: {URL} -> https://www.aa.com.tr/en/economy/drone/2584822",
                                       "https://www.aa.com.tr/en/economy/drone/2584822")]


def test_redirect_to_home_page_is_a_warning():
    result = with_links(DOC, {URL: dict(status="redirected", http_status=200, final_url="https://www.aa.com.tr/",
                                        reason="moved permanently (the site's home page: likely a removed page)")})
    assert [severity for _, _, severity, _, _ in found(result, "RC404")] == ["warning"]
