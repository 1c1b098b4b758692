from ..conftest import found, messages

TWO = """
References
Harvey, David (1996). Justice, Nature and the Geography of Difference. Oxford: Blackwell.
Harvey, David (1996). The Condition of Postmodernity. Oxford: Blackwell.
"""


def test_same_author_year_without_suffixes():
    text = "Space was compressed (Harvey, 1996).\n" + TWO
    assert found(text) == [(1, 23, "RC106"), (5, 1, "RC106")]
    assert messages(text, "RC106") == [
        "(Harvey, 1996): could be any of Harvey (1996) (line 4); Harvey (1996) (line 5)",
        "Harvey (1996): 2 entries by the same authors in 1996 need suffixes (also line 4)",
    ]


def test_citation_suffix_not_in_list():
    text = """
    Space was compressed (Harvey, 1989a).

    References
    Harvey, David (1989). The Condition of Postmodernity. Oxford: Blackwell.
    """
    assert found(text) == [(1, 23, "RC106")]
    assert messages(text, "RC106") == ["(Harvey, 1989a): the reference list has Harvey (1989) without a suffix"]


def test_suffixed_entries_are_fine():
    text = "Space (Harvey, 1996a) and justice (Harvey, 1996b).\n" + TWO.replace("(1996). J", "(1996a). J").replace("(1996). T", "(1996b). T")
    assert found(text) == []


def test_lonely_suffix():
    text = """
    Space was compressed (Harvey, 1989a).

    References
    Harvey, David (1989a). The Condition of Postmodernity. Oxford: Blackwell.
    """
    assert found(text) == [(4, 1, "RC106")]
    assert messages(text, "RC106") == ["Harvey (1989a): a year suffix but no other entry by these authors in 1989"]


def test_suffixes_for_one_first_author_with_other_co_authors():
    # both are cited "Okafor et al., 2002a/b": APA 7 tells them apart by suffix
    text = """
    Burnout was measured (Okafor et al., 2002a) and modelled (Okafor et al., 2002b).

    References
    Okafor, N., Lind, P., & Berg, S. (2002a). Measuring burnout. Journal of Work, 3(1), 1-9.
    Okafor, N., Ruiz, M., & Tan, W. (2002b). Modelling burnout. Journal of Work, 3(2), 10-19.
    """
    assert found(text) == []
