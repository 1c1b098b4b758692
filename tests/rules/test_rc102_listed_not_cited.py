from ..conftest import found, messages

TEXT = """
Security is interconnected (Lemon, 2018).

References
Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.
Yuneman, Roman (2023). Kazakhstan's multi-vector foreign policy. Russia in Global Affairs, 21(2), 141-162.
"""


def test_uncited_entry():
    assert found(TEXT, "RC102") == [(5, 1, "RC102")]
    assert messages(TEXT, "RC102") == ["Yuneman (2023) is listed but never cited"]


def test_cited_under_another_year_counts_as_cited():
    text = TEXT.replace("(Lemon, 2018)", "(Lemon, 2018; Yuneman, 2022)")
    assert found(text, "RC102") == []
    assert found(text, "RC103") == [(1, 42, "RC103")]


def test_bulleted_and_numbered_lists():
    text = """
    Security is interconnected (Lemon, 2018).

    ## References

    - Lemon, E. (2018). Critical approaches to security in Central Asia. *Central Asian Survey*, 37(1), 1-12.
    - Yuneman, R. (2023). Kazakhstan's multi-vector foreign policy. *Russia in Global Affairs*, 21(2), 141-162.
    """
    assert found(text, "RC102") == [(6, 3, "RC102")]


def test_named_near_its_year_in_another_form_is_info():
    text = """
    Security is interconnected (Lemon, 2018). The survey Kazakh Paths (2023) by Roman Yuneman agrees.

    References
    Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.
    Yuneman, Roman (2023). Kazakhstan's multi-vector foreign policy. Russia in Global Affairs, 21(2), 141-162.
    """
    from ..conftest import run

    (finding,) = [f for f in run(text).findings if f.code == "RC102"]
    assert (finding.line, finding.severity.label, finding.message) == (
        5, "info",
        "Yuneman (2023): no citation refcheck can read points to it, but the text names Yuneman near 2023 at line 1",
    )
