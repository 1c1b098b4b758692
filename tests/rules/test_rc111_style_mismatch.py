from ..conftest import found, messages


def test_numeric_document():
    text = """
    Security is interconnected [1]. Trade grew [2], [3].

    References
    1. Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.
    2. Dukeev, Berikbol (2023). Kazakhstan cautiously builds ties with China. Jamestown Foundation.
    3. Yuneman, Roman (2023). Kazakhstan's multi-vector foreign policy. Russia in Global Affairs, 21(2), 141-162.
    """
    assert found(text) == [(3, 1, "RC111")]
    assert messages(text, "RC111") == [
        "the text cites by number (3 numbered citations, 0 author-year citations); the 3 entries below are not cross-checked"
    ]


def test_author_year_document_is_not_numeric():
    text = """
    Security is interconnected (Lemon, 2018) [see note 1].

    References
    Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.
    """
    assert found(text) == []
