import random

from ..conftest import found, messages, random_text


def test_no_source_and_no_journal_name():
    text = """
    Cited (Lemon, 2018; Ito, 2019).

    References
    Ito, Ken (2019). Border regimes. 3(2), 10-20.
    Lemon, Edward (2018). Critical approaches to security in Central Asia.
    """
    assert found(text) == [(4, 1, "RC201"), (5, 1, "RC201")]
    assert messages(text, "RC201") == [
        "Ito (2019): the entry lacks the journal name",
        "Lemon (2018): the entry lacks a source (journal, book, publisher, site or URL)",
    ]


def test_harvard_web_source_needs_access_date():
    text = """
    Cited (Carafano, 2023).

    Reference list
    Carafano, J. (2023) Winning the New Cold War. Available at: https://www.heritage.org/asia/report/winning-the-new-cold-war.
    """
    assert found(text, "RC201", style="harvard") == [(4, 1, "RC201")]
    assert found(text, "RC201", style="apa7") == []


def test_complete_entries_and_personal_communications_are_fine():
    text = """
    Cited (Lemon, 2018; Arbon, 2021; Caney, 2005).

    References
    Arbon, M. E. (2021, November 23). Interview with the authors [Personal communication].
    Caney, Simon, 2005, Justice Beyond Borders, Oxford University Press.
    Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.
    """
    assert found(text, "RC201") == []


def test_unpublished_works_are_recognised_in_any_script_and_case():
    from refcheck.rules.rc201_incomplete_reference import _UNPUBLISHED, _unpublished

    assert _unpublished("Ito, K. (2019). UNPUBLISHED manuscript.")
    assert _unpublished("Ito, K. (2019). Interview With the mayor.")
    assert _unpublished("Müller, K. (2019). Personal Communication.")  # not ASCII: the pattern decides
    assert _unpublished("Ito, K. (2019). Unpubliſhed notes.")  # a long s is an s to IGNORECASE
    assert not _unpublished("Ito, K. (2019). Published widely. Journal, 1, 2-3.")
    rng = random.Random(4)
    pieces = ["personal", " ", "communication", "Un", "published", "interview", "with", "WITH", "x", ".", "Inter"]
    for _ in range(3000):  # ASCII texts: the same answer as the pattern
        text = random_text(rng, pieces, 7)
        assert _unpublished(text) == (_UNPUBLISHED.search(text) is not None), text


def test_a_missing_access_date_is_info_when_no_entry_gives_one_and_the_style_was_read():
    text = """
    Cited (Carafano 2023; Lemon 2018).

    Reference list
    Carafano, J., 2023. Winning the New Cold War. Available at: https://www.heritage.org/asia/report/winning-the-new-cold-war.
    Lemon, E., 2018. Critical approaches to security in Central Asia. Central Asian Survey, 37(1), pp.1-12.
    """
    from ..conftest import run

    def rc201(text, style):
        return [(f.line, f.severity.label, f.message) for f in run(text, style=style).findings if f.code == "RC201"]

    assert rc201(text, "auto") == [(4, "info", "Carafano (2023): the entry lacks an access date for the web source "
                                               "(no entry of the list gives one: leave it if its house style does not)")]
    assert rc201(text, "harvard") == [(4, "warning", "Carafano (2023): the entry lacks an access date for the web source")]
    dated = text.replace("pp.1-12.", "pp.1-12. Available at: https://csa.example/lemon (Accessed: 3 May 2024).")
    assert rc201(dated, "auto") == [(4, "warning", "Carafano (2023): the entry lacks an access date for the web source")]
