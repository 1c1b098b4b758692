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


def _severities(text):
    from ..conftest import run

    return [(f.line, f.severity.label) for f in run(text).findings if f.code == "RC102"]


MENTION = """
Security is interconnected (Lemon, 2018). {mention} (2023) agrees.

References
Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.
{entry}, Roman (2023). Kazakhstan's multi-vector foreign policy. Russia in Global Affairs, 21(2), 141-162.
"""


def test_a_mention_is_a_whole_word_of_the_text():
    # the name as a word, with the endings of running text, and folded both ways
    for mention, entry in [("The Yuneman survey", "Yuneman"), ("Yunemans survey", "Yuneman"),
                           ("Müller's survey", "Muller"), ("Muller's survey", "Müller"), ("MÜLLER's survey", "Müller")]:
        assert _severities(MENTION.format(mention=mention, entry=entry)) == [(5, "info")], mention
    # inside a longer word, or run into from a word before it: not the name
    for mention in ["The Yunemania survey", "The XYuneman survey", "The x-Yuneman survey", "The x2Yuneman survey"]:
        assert _severities(MENTION.format(mention=mention, entry="Yuneman")) == [(5, "warning")], mention
    # after digits or a hyphen with no letter before them, a word starts
    for mention in ["The 2-Yuneman survey", "The -Yuneman survey"]:
        assert _severities(MENTION.format(mention=mention, entry="Yuneman")) == [(5, "info")], mention


def test_the_reference_list_itself_is_no_mention():
    text = MENTION.format(mention="A survey", entry="Yuneman") + "Yuneman, Roman (2023). Another entry. Journal, 1(1), 1-2.\n"
    assert [s for _, s in _severities(text)] == ["warning", "warning"]


def test_a_year_run_into_the_name_before_it_is_a_mention():
    # "(Tan and Okafor2019)": a slip or a conversion lost the space; the entry is named near its year
    text = """
    Security is interconnected (Lemon, 2018) and rivers rise (Tan and Okafor2019).

    References
    Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.
    Tan, W., & Okafor, N. (2019). Rivers of the delta. Journal of Water, 4(2), 10-20.
    """
    assert _severities(text) == [(5, "info")]
    # a year inside a longer number is none
    assert _severities(text.replace("Okafor2019", "Okafor 320190")) == [(5, "warning")]
