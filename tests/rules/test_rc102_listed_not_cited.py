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


def test_distinct_words_are_those_of_the_whole_text():
    from refcheck.rules.rc102_listed_not_cited import _WORD, _distinct_words

    text = "Ab-cd x2Yz  l'Été\n\n3-Foo bar\tBaz's (Qux, 2019) " * 7 + "tail"
    for chunk in (1, 5, 17, 1 << 18):
        assert _distinct_words(text, chunk) == set(_WORD.findall(text)), chunk
    assert _distinct_words("") == set() and _distinct_words("   ") == set()


def test_the_trie_pattern_matches_what_the_plain_alternation_matches():
    import random
    import re

    from refcheck.rules.rc102_listed_not_cited import _trie

    rng = random.Random(5)
    for _ in range(300):
        words = {"".join(rng.choice("aábc.") for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 8))}
        if rng.random() < 0.1:
            words.add("z" * 150)
        trie = re.compile(f"(?:{_trie(words)})(?!\\w)")
        plain = re.compile("(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")(?!\\w)")
        text = " ".join("".join(rng.choice("aábc. ") for _ in range(rng.randint(1, 7))) for _ in range(20)) + " " + "z" * 150
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)], words
