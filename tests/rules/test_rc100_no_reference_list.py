from ..conftest import found, messages


def test_citations_without_a_list():
    text = """
    Regional security is interconnected (Lemon, 2018).
    Kazakhstan balances its partners (Sullivan, 2019).
    """
    assert found(text) == [(1, 38, "RC100")]
    assert messages(text, "RC100") == [
        "2 citations but no reference list (no References or Bibliography heading found)"
    ]


def test_empty_list_under_a_heading():
    text = """
    Security is interconnected (Lemon, 2018).

    ## References
    """
    assert found(text, "RC100") == [(3, 1, "RC100")]


def test_no_citations_no_finding():
    assert found("A short note without sources.\n") == []


def test_list_present_no_finding():
    text = """
    Security is interconnected (Lemon, 2018).

    References
    Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.
    """
    assert found(text, "RC100") == []
