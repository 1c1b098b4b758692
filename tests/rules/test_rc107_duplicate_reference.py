from ..conftest import found, messages


def test_same_work_spelled_differently():
    text = """
    Security is interconnected (Lemon, 2018).

    References
    Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.
    Lemon, E. (2018). Critical Approaches to Security in Central Asia: an introduction. Central Asian Survey 37(1).
    """
    assert found(text, "RC107") == [(5, 1, "RC107")]
    assert messages(text, "RC107") == [
        "Lemon (2018) repeats the entry at line 4 (Lemon (2018)): same author, year and title"
    ]


def test_same_doi():
    text = """
    It held (Clark, 2011; Clarke, 2011).

    References
    Clark, I. (2011). China and the United States. International Affairs, 87(1), 13-28. https://doi.org/10.1111/j.1468-2346.2011.00957.x
    Clarke, I. (2011). A succession of hegemonies? https://doi.org/10.1111/J.1468-2346.2011.00957.X
    """
    assert messages(text, "RC107") == ["Clarke (2011) repeats the entry at line 4 (Clark (2011)): same DOI"]


def test_different_works_same_author():
    text = """
    Both (Harvey, 1989; Harvey, 1996).

    References
    Harvey, David (1989). The Condition of Postmodernity. Oxford: Blackwell.
    Harvey, David (1996). Justice, Nature and the Geography of Difference. Oxford: Blackwell.
    """
    assert found(text) == []


def test_urls_that_differ_in_their_query_are_different_works():
    text = """
    Two books (Okafor, 2001; Lind, 2003).

    References
    Okafor, N. (2001). River law. https://books.google.com/books?id=AbC123
    Lind, P. (2003). Sea law. https://books.google.com/books?id=XyZ789&utm_source=x
    """
    assert found(text, "RC107") == []
    same = text.replace("id=XyZ789&utm_source=x", "id=AbC123&utm_source=x")
    assert found(same, "RC107") == [(5, 1, "RC107")]


def test_alike_titles_with_two_dois_are_two_works():
    text = (
        "Counts (Yamada, 2010a; Yamada, 2010b).\n\nReferences\n"
        "Yamada, H. (2010a). Messenger RNA quantification after cell sorting using antigens. Journal A, 1, 1-2. https://doi.org/10.5555/a\n"
        "Yamada, H. (2010b). Messenger RNA quantification after cell sorting using hybridization. Journal B, 2, 3-4. https://doi.org/10.5555/b\n"
    )
    assert found(text, "RC107") == []
