from ..conftest import found, messages


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
