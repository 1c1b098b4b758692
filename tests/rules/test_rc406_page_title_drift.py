from ._links import DOC, DOI, URL, found, with_links


def test_unrelated_page_title():
    result = with_links(DOC, {URL: dict(status="alive", http_status=200, title="Domain for sale")})
    assert found(result, "RC406") == [(4, 76, "warning", 'Bicer (2022): the page is titled "Domain for sale", the entry "Türkiye to Produce Drone in Kazakhstan"', None)]


def test_similar_titles_and_doi_landing_pages_are_fine():
    result = with_links(DOC, {URL: dict(status="alive", http_status=200, title="Türkiye to produce drones in Kazakhstan | Anadolu Agency"),
                              DOI: dict(status="alive", http_status=200, title="Taylor & Francis Online: Login")})
    assert found(result, "RC406") == []
