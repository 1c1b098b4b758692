"""The mention index RC102 asks: whole words of the text, found by a tree pattern."""

import random
import re

import pytest

from refcheck.extract.mentions import WORD, distinct_words, first_holding, trie

from ..conftest import random_text


def test_distinct_words_are_those_of_the_whole_text():
    text = "Ab-cd x2Yz  l'Été\n\n3-Foo bar\tBaz's (Qux, 2019) " * 7 + "tail"
    for chunk in (1, 5, 17, 1 << 18):
        assert distinct_words(text, chunk) == set(WORD.findall(text)), chunk
    assert distinct_words("") == set() and distinct_words("   ") == set()
    lines = "Alpha\nBeta\u00a0Gamma\tDelta\n" * 50  # cut at any white space, not only at a space
    for chunk in (1, 7, 100):
        assert distinct_words(lines, chunk) == {"Alpha", "Beta", "Gamma", "Delta"}


def test_the_trie_pattern_matches_what_the_plain_alternation_matches():
    rng = random.Random(5)
    for _ in range(300):
        words = {"".join(rng.choice("aábc.") for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 8))}
        if rng.random() < 0.1:
            words.add("z" * 150)
        tree = re.compile(f"(?:{trie(words)})(?!\\w)")
        plain = re.compile("(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")(?!\\w)")
        text = " ".join("".join(rng.choice("aábc. ") for _ in range(rng.randint(1, 7))) for _ in range(20)) + " " + "z" * 150
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)], words


def test_the_words_outside_the_list_are_all_found():
    from refcheck.extract.mentions import _outside_list

    text = "Intro Smith-Jones said.\nReferences\nSmith, A. (2019). Title.\nAfter Wordsworth text"
    start, end = text.index("References"), text.index("After") - 3  # the end inside "Title."
    outside = {m.group() for m in WORD.finditer(text) if not start <= m.start() < end}
    assert outside <= distinct_words(_outside_list(text, (start, end)))
    # a word running into the list from before it stays whole
    assert "Smithxyz" in distinct_words(_outside_list("a Smithxyz b", (7, 9)))
    assert _outside_list("abc", (0, 0)) == "abc"


@pytest.mark.parametrize("texts, words, expected", [
    (["lemon, a. (2018)", "ito and lemon", "lemonade lemon"], {"lemon"}, {"lemon": 0}),
    (["lemonade", "xlemon", "lemon-tree", "lemon's", "a lemon"], {"lemon"}, {"lemon": 4}),
    (["9lemon", "lemon"], {"lemon"}, {"lemon": 0}),  # a word starts at a letter: after a digit too
    (["water by st.john"], {"st.john", "john"}, {"john": 0}),  # "st.john" is no word: it hides none
    (["the 'neil x", "o'neil"], {"'neil", "o'neil"}, {"o'neil": 1}),
    (["alemon", "lémon", "lemon"], {"lemon"}, {"lemon": 2}),
    (["ito", "kahn"], {"lemon", "ito"}, {"ito": 0}),
    ([], {"lemon"}, {}), (["lemon"], set(), {}),
])
def test_first_holding_finds_the_first_text_with_the_word(texts, words, expected):
    assert first_holding(texts, words) == expected
    # what findall on each text would say
    assert expected == {w: next(i for i, t in enumerate(texts) if w in WORD.findall(t))
                        for w in words if any(w in WORD.findall(t) for t in texts)}


def test_first_holding_agrees_with_findall_on_random_texts():
    rng = random.Random(3)
    pieces = ["lemon", "Lemon", "lémon", "lemons", "-lemon", "x", "9", "_", "'", "\u2019", " ", ", ", "ito", "it", "o",
              "st.", "."]
    for _ in range(3000):
        texts = [random_text(rng, pieces, 6) for _ in range(rng.randint(1, 4))]
        words = {"lemon", "ito", "lemons", "st.lemon", "'ito", "lemon-"}
        expected = {w: next(i for i, t in enumerate(texts) if w in WORD.findall(t))
                    for w in words if any(w in WORD.findall(t) for t in texts)}
        assert first_holding(texts, words) == expected, texts
