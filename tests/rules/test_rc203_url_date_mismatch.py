from ..conftest import found, messages, suggestions


def test_url_year_differs():
    text = """
    Chairmanship ended (Omirgazy, 2023; Abbasova, 2021).

    References
    Abbasova, Vusala (2021). President Tokayev says. Retrieved from https://caspiannews.com/news-detail/president-says-2022-6-20-0/. Accessed on 28.12.2024.
    Omirgazy, Dana (2023). Tokayev reviews outcomes. Retrieved from https://astanatimes.com/2024/11/tokayev-reviews-outcomes/. Accessed on 11.06.2025.
    """
    assert found(text, "RC203") == [(4, 1, "RC203"), (5, 1, "RC203")]
    assert messages(text, "RC203") == [
        "Abbasova (2021): the URL is dated 2022-06, the entry says 2021",
        "Omirgazy (2023): the URL is dated 2024-11, the entry says 2023",
    ]
    assert suggestions(text, "RC203") == ["2022", "2024"]


def test_same_year_or_undated_url_is_silent():
    text = """
    Cited (Omirgazy, 2024; Lemon, 2018).

    References
    Lemon, Edward (2018). Critical approaches. Central Asian Survey, 37(1), 1-12. https://doi.org/10.1080/02634937.2018.1432123
    Omirgazy, Dana (2024). Tokayev reviews outcomes. Retrieved from https://astanatimes.com/2024/11/tokayev-reviews-outcomes/. Accessed on 11.06.2025.
    """
    assert found(text, "RC203") == []
