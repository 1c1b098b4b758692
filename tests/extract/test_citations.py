"""The citation forms the scanner must understand, and the look-alikes it must not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refcheck.extract.citations import (
    _BARE,
    _SIMPLE,
    _in_parenthesis,
    bare_matches,
    is_weak,
    parse_names,
    read_group,
    read_works,
    scan,
)


def works(text: str) -> list[tuple]:
    return [(c.form, c.authors, c.et_al, c.year + c.year_suffix, c.locator, c.weak) for c in scan(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("(Sullivan, 2019; Abbasova, 2022)", [("parenthetical", ("Sullivan",), False, "2019", "", False),
                                              ("parenthetical", ("Abbasova",), False, "2022", "", False)]),
        ("(Moreau and Ito 2009, Okafor et al. 2004)", [("parenthetical", ("Moreau", "Ito"), False, "2009", "", False),
                                                        ("parenthetical", ("Okafor",), True, "2004", "", False)]),
        ("(Smith, 2019, 2020a)", [("parenthetical", ("Smith",), False, "2019", "", False),
                                  ("parenthetical", ("Smith",), False, "2020a", "", False)]),
        ("(see Smith, 2019, p. 4)", [("parenthetical", ("Smith",), False, "2019", "p. 4", False)]),
        ("(e.g., Smith & Jones, 2019, pp. 3-5)", [("parenthetical", ("Smith", "Jones"), False, "2019", "pp. 3-5", False)]),
        ("(cf. Smith 2019, 57)", [("parenthetical", ("Smith",), False, "2019", "57", False)]),
        ("(Ruiz y Kim, 2021)", [("parenthetical", ("Ruiz", "Kim"), False, "2021", "", False)]),
        ("(Dupont et Martin, 2021)", [("parenthetical", ("Dupont", "Martin"), False, "2021", "", False)]),
        ("(Müller und Schmidt 2021)", [("parenthetical", ("Müller", "Schmidt"), False, "2021", "", False)]),
        ("(The Astana Times, 2022)", [("parenthetical", ("The Astana Times",), False, "2022", "", False)]),
        ("(World Health Organization, n.d.)", [("parenthetical", ("World Health Organization",), False, "n.d.", "", False)]),
        ("(Vanderhill et al 2020)", [("parenthetical", ("Vanderhill",), True, "2020", "", False)]),
        ("(van der Berg, 2010)", [("parenthetical", ("van der Berg",), False, "2010", "", False)]),
        ("(Adams 1931 [1904])", [("parenthetical", ("Adams",), False, "1931", "", False)]),
        ("(Miller 2012; 2013)", [("parenthetical", ("Miller",), False, "2012", "", False),
                                 ("parenthetical", ("Miller",), False, "2013", "", False)]),
        ("(Smith, in press)", [("parenthetical", ("Smith",), False, "in press", "", False)]),
    ],
)
def test_parenthetical_forms(text, expected):
    assert works(text) == expected


@pytest.mark.parametrize(
    "text, authors, et_al, year",
    [
        ("Lemon (2018) shows", ("Lemon",), False, "2018"),
        ("As Lemon (2018) notes", ("Lemon",), False, "2018"),
        ("Vanderhill et al. (2020) find", ("Vanderhill",), True, "2020"),
        ("Ruiz y Kim (2021) muestran", ("Ruiz", "Kim"), False, "2021"),
        ("Smith and Jones's (2019) model", ("Smith", "Jones"), False, "2019"),
        ("Smith, Jones, and Brown (2019) argue", ("Smith", "Jones", "Brown"), False, "2019"),
        ("Arrieta et al. (2020, p. 82) afirman", ("Arrieta",), True, "2020"),
    ],
)
def test_narrative_forms(text, authors, et_al, year):
    (found,) = scan(text)
    assert (found.form, found.authors, found.et_al, found.year, found.weak) == ("narrative", authors, et_al, year, False)


def test_narrative_with_several_years():
    assert [(c.authors, c.year) for c in scan("Kumar (1989, 1996) argues")] == [(("Kumar",), "1989"), (("Kumar",), "1996")]


@pytest.mark.parametrize(
    "text",
    [
        "(CSTO)", "(ages 25-30)", "(1990-1995)", "(in 2019)", "(N = 2019)", "(Table 2, 2019)",
        "(the Augsburg Peace Treaty of 1555)", "the Russia-Ukraine war (2022)", "(p. 2019)",
    ],
)
def test_not_citations(text):
    assert scan(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "the Paris Agreement (2015) entered", "China's Belt and Road Initiative (2013)",
        "the withdrawal from Afghanistan (2021)", "talks resumed (May 2022)", "in the CIS (2021)",
    ],
)
def test_look_alikes_are_weak(text):
    assert all(c.weak for c in scan(text))


def test_spans_cover_the_citation_text():
    text = "It matters (Sullivan, 2019; Abbasova, 2022) and Lemon (2018) agrees."
    assert [text[c.start:c.end] for c in scan(text)] == ["Sullivan, 2019", "Abbasova, 2022", "Lemon (2018)"]


def test_missing_separator_flagged():
    found = scan("(Smith 2019 Jones 2020)")
    assert [(c.authors, c.separator_missing) for c in found] == [(("Smith",), False), (("Jones",), True)]


@pytest.mark.parametrize(
    "names, expected",
    [
        ("Gleason and Dunay", (("Gleason", "Dunay"), False, False)),
        ("Smith, Jones, & Brown", (("Smith", "Jones", "Brown"), False, False)),
        ("Lemon et al.", (("Lemon",), True, False)),
        ("Jones's", (("Jones",), False, True)),
        ("Official Information Source of the Prime Minister of the Republic of Kazakhstan",
         (("Official Information Source of the Prime Minister of the Republic of Kazakhstan",), False, False)),
        ("the most important", None),
        ("Treaty of", None),
    ],
)
def test_parse_names(names, expected):
    assert parse_names(names) == expected


def test_unicode_spaces_quotes_and_dashes():
    text = "It matters (Lemon,\u00a02018; O\u2019Brien\u00a0&\u00a0Ng, 2019, pp.\u00a03\u20135) and Gosselin-Malo\u2019s (2022) view."
    assert works(text) == [
        ("parenthetical", ("Lemon",), False, "2018", "", False),
        ("parenthetical", ("O\u2019Brien", "Ng"), False, "2019", "pp.\u00a03\u20135", False),
        ("narrative", ("Gosselin-Malo",), False, "2022", "", False),
    ]


def test_numbered_documents_are_weak():
    assert [(c.authors, c.year, c.weak) for c in scan("(EO 138, 2021)")] == [(("EO",), "138", True), (("EO",), "2021", True)]


def test_repeated_group_contents_read_once_placed_each_time():
    """A group's contents are read once per document (a memo keyed by the text);
    each repeat still gets its own offsets and group number, and a group without
    a year between them does not count as a group."""
    text = "A (Lemon, 2018; 2019). B (no year). C (Lemon, 2018; 2019) and (Moreau and Ito 2009 Okafor et al. 2004)" \
           " (Moreau and Ito 2009 Okafor et al. 2004)"
    found = [(c.start, c.end, c.authors, c.et_al, c.year, c.group, c.separator_missing) for c in scan(text)]
    assert found == [
        (3, 14, ("Lemon",), False, "2018", 1, False), (16, 20, ("Lemon",), False, "2019", 1, False),
        (39, 50, ("Lemon",), False, "2018", 2, False), (52, 56, ("Lemon",), False, "2019", 2, False),
        (63, 82, ("Moreau", "Ito"), False, "2009", 3, False), (83, 101, ("Okafor",), True, "2004", 3, True),
        (104, 123, ("Moreau", "Ito"), False, "2009", 4, False), (124, 142, ("Okafor",), True, "2004", 4, True),
    ]
    assert [text[c.start:c.end] for c in scan(text)][4:6] == ["Moreau and Ito 2009", "Okafor et al. 2004"]


@pytest.mark.parametrize(
    "text, found",
    [
        # a list of names longer than the tail tokenised first: the whole window is read
        ("We know, as Smith, Jones, Brown, Green, White, Gray and Black (2019) wrote, little.",
         [(12, ("Smith", "Jones", "Brown", "Green", "White", "Gray", "Black"), False, False)]),
        # "et al" is the one token with spaces: the tail does not start inside it
        ("The rivers of the north as Vanderhill et    al. (2020) show are cold.", [(27, ("Vanderhill",), True, False)]),
        ("A long line of words before a paragraph.\n\nLemon and Lime (2018) agree.", [(42, ("Lemon", "Lime"), False, False)]),
        ("Lemon (2018)", [(0, ("Lemon",), False, False)]),
        ("Ng" + " " * 60 + "(2019)", [(0, ("Ng",), False, False)]),
        # at most 16 tokens are taken, whatever the length
        ("A B C D E F G H I J K L M N O P Q R S T (2019)", [(10, ("F G H I J K L M N O P Q R S T",), False, True)]),
        ("this sentence is long enough to pass the cut, and then, Lind (2019).", [(56, ("Lind",), False, True)]),
    ],
)
def test_narrative_walk_back_reads_the_whole_window_when_needed(text, found):
    """The walk back from "(year)" tokenises the last ~32 characters first and the
    120-character window only when the walk reaches the first of their tokens."""
    assert [(c.start, c.authors, c.et_al, c.weak) for c in scan(text) if c.form == "narrative"] == found


@pytest.mark.parametrize(
    "text, found",
    [
        # a capitalised conjunction among the names still splits them ("And", "U."),
        # and a name read once as a word is read the same later (the words' kinds are memoised)
        ("As Smith And Jones (2019) show, it is.", [(3, ("Smith", "Jones"), ((0, ("As Smith", "Jones")), (3, ("Smith", "Jones"))))]),
        ("The E. U. (1992) rules.", [(0, ("The E.",), ((0, ("The E.",)), (4, ("E.",))))]),
        ("Then Lemon (2018) and then And (2018) again.", [(5, ("Lemon",), ((0, ("Then Lemon",)), (5, ("Lemon",))))]),
        ("As Smith and Jones (2019) and As Smith And Jones (2019)",
         [(3, ("Smith", "Jones"), ((0, ("As Smith", "Jones")), (3, ("Smith", "Jones")))),
          (33, ("Smith", "Jones"), ((30, ("As Smith", "Jones")), (33, ("Smith", "Jones"))))]),
        ("As Smith, Jones and Brown (2019) show.",
         [(3, ("Smith", "Jones", "Brown"), ((0, ("As Smith", "Jones", "Brown")), (3, ("Smith", "Jones", "Brown"))))]),
        # one name of several words: a reading for each leading word trimmed
        ("Van der Berg (2019) found", [(0, ("Van der Berg",), ((0, ("Van der Berg",)), (4, ("der Berg",)), (8, ("Berg",))))]),
        # a possessive: the last word's is its own, an earlier word's makes the owner of a title
        ("as Lemon's (2018) work", [(3, ("Lemon",), ((3, ("Lemon",)),))]),
        ("Locke's A Letter (1689) says", [(10, ("Letter",), ((8, ("A Letter",)), (10, ("Letter",)), (0, ("Locke",))))]),
    ],
)
def test_narrative_readings_of_the_names_walked_back(text, found):
    """The walk reads its tokens by kind (a memo of each word's kind); a reading
    of one name is made from the words taken, of several from their grouping."""
    assert [(c.start, c.authors, c.variants) for c in scan(text) if c.form == "narrative"] == found


@pytest.mark.parametrize(
    "text, found",
    [
        ("Calow and Lappe, 2007 found it.", [(0, 21, ("Calow", "Lappe"), "2007")]),  # at the very start
        ("x Calow, 2007", [(2, 13, ("Calow",), "2007")]),
        ("\u00e9 Calow, 2007", [(2, 13, ("Calow",), "2007")]),
        ("-Calow, 2007", [(1, 12, ("Calow",), "2007")]),
        ("Smith et al., 2019a showed", [(0, 19, ("Smith",), "2019")]),
        ("as xCalow, 2007 said", []),  # the capital inside a word
        ("\u00e9Calow, 2007", []),
        ("9Calow, 2007", []),
        ("[Calow, 2007", []),
        # inside a parenthesis, read or not, none either; after a closed one, it counts
        ("(see Lind and Berg, 2007 for more", []),
        ("It (as Lind and Berg, 2007 showed) is.", []),
        ("x (y) Lind and Berg, 2007 showed", [(6, 25, ("Lind", "Berg"), "2007")]),
    ],
)
def test_bare_citation_starts_after_no_word_character(text, found):
    """The bare pattern opens with its capital and looks behind it: a capital
    after a letter, a digit, "(" or "[" starts no bare citation."""
    assert [(c.start, c.end, c.authors, c.year) for c in scan(text) if c.bare] == found


@pytest.mark.parametrize(
    "content, works",
    [
        ("Lemon, 2018", ((0, 11, ("Lemon",), False, "2018", "", "", True, False, False),)),
        ("Lemon et al., 2018", ((0, 18, ("Lemon",), True, "2018", "", "", True, False, False),)),
        ("Lemon and Lime, 1999", ((0, 20, ("Lemon", "Lime"), False, "1999", "", "", True, False, False),)),
        ("Lemon & Lime, 1999", ((0, 18, ("Lemon", "Lime"), False, "1999", "", "", True, False, False),)),
        ("May, 2019", ((0, 9, ("May",), False, "2019", "", "", True, False, True),)),  # weak: a month
        ("And, 2019", ((0, 9, ("And",), False, "2019", "", "", True, False, False),)),
    ],
)
def test_simple_contents_read_as_the_general_reader_reads_them(content, works):
    assert _SIMPLE.fullmatch(content)
    assert read_group(content) == read_works(content) == works


@settings(max_examples=300, deadline=None)
@given(st.from_regex(_SIMPLE, fullmatch=True))
def test_simple_reading_is_the_general_one(content):
    assert read_group(content) == read_works(content)


@pytest.mark.parametrize("content", ["Lemon, 2018a", "Lemon , 2018", "Lemon 2018", "Lemon, 2018, p. 4", "M\u00fcller, 2018",
                                     "Lemon et al. 2018", "Lemon, 1599", "Lemon and lime, 2018", "Lemon, 2018."])
def test_other_contents_take_the_general_reader(content):
    assert _SIMPLE.fullmatch(content) is None


@pytest.mark.parametrize(
    "text, variants",
    [
        ("As Lemon (2018) notes.", ((0, ("As Lemon",)), (3, ("Lemon",)))),
        ("Lemon and Lime (2018) agree.", ((0, ("Lemon", "Lime")),)),  # a one-word first name: one reading
        ("Importantly, Bernard and Rubalcava (2000) agree.", ((13, ("Bernard", "Rubalcava")),)),
        ("We read Van Dam and Van Berg (2001).", ((8, ("Van Dam", "Van Berg")), (12, ("Dam", "Van Berg")))),
        ("Locke's A Letter Concerning Toleration (1689) is old.",
         ((8, ("A Letter Concerning Toleration",)), (10, ("Letter Concerning Toleration",)), (17, ("Concerning Toleration",)),
          (28, ("Toleration",)), (0, ("Locke",)))),
    ],
)
def test_narrative_readings_with_leading_words_trimmed(text, variants):
    (found,) = scan(text)
    assert found.variants == variants
    assert found.variant_names == tuple(names for _, names in variants)


@pytest.mark.parametrize(
    "text, weak",
    [
        ("Lemon (2018) flows", False),  # starts a sentence
        ("the river Lemon et al. (2018) flows", False),
        ("the river Lemon\u2019s (2018) flows", False),
        ("the river Lemon (2018) argues that", False),  # a reporting verb after
        ("the river by Lemon (2018) flows", False),  # a cue word before
        ("the river, see Lemon (2018), flows", False),
        ("the river Lemon and Lime (2018) flows", False),  # several one-word names
        ("the river New York and Lime (2018) flows", True),
        ("the river Lemon (2018) flows", True),  # no cue at all
        ("the river Lemon (2018)", True),
    ],
)
def test_narrative_cues_that_make_a_reading_strong(text, weak):
    (found,) = scan(text)
    assert found.weak is weak


BARE_PIECES = st.sampled_from(["Smith", "Jones", "van", " and ", " & ", " et al.", ", ", ",", " ", "\n", "2019", "1999a", "1650",
                               "(", ")", "[", "x", "-", "\u2013", ", 2019", ", 1999b", "A", "'s", "\u00e9", "9", ".", "x" * 190])


@settings(max_examples=500, deadline=None)
@given(st.lists(BARE_PIECES, max_size=40).map("".join))
def test_bare_matches_are_finditers_outside_parentheses(text):
    """bare_matches tries the pattern only before each ", 2007" outside a
    parenthesis; it must find what finditer finds there."""
    expected = [m.span() for m in _BARE.finditer(text) if not _in_parenthesis(text, m.start())]
    assert [m.span() for m in bare_matches(text)] == expected


def test_bare_match_that_starts_in_a_parenthesis_beyond_its_tails_window():
    """The tail's comma is more than 200 characters after the "(", the match's start
    less: the match starts in the parenthesis, and is not yielded."""
    text = "(" + "a" * 190 + " Lind and Berg, 2007 sailed"
    assert text.index(",") - 200 > 0 > text.index("Lind") - 200
    assert [m.span() for m in _BARE.finditer(text) if not _in_parenthesis(text, m.start())] == []
    assert list(bare_matches(text)) == []
    assert [m.group(0) for m in bare_matches(text.replace("(", "x", 1))] == ["Lind and Berg, 2007"]


def test_bare_matches_after_a_parenthesis_and_a_skipped_tail():
    text = "(Lind, 2007) and Berg, 2008 sailed; (as Moe, 2009) Ek and Ny, 2010, 2011 too"
    assert [m.group(0) for m in bare_matches(text)] == ["Berg, 2008", "Ek and Ny, 2010"]


@pytest.mark.parametrize(
    "names, weak",
    [(("Lemon",), False), (("May",), True), (("Lemon", "Accord Act"), True), (("St. May.",), True), (("Lemon Lime", "Ito"), False)],
)
def test_is_weak_when_any_word_of_any_name_is_a_month_or_an_event(names, weak):
    assert is_weak.__wrapped__(names) is weak


@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 3), st.sampled_from(["2019", "2020", "n.d."]),
                          st.sampled_from(["", "a", "b"])), max_size=12))
def test_candidates_are_put_in_text_order_as_by_the_whole_key(spans):
    # in_text_order sorts by the start alone when no two candidates start together:
    # candidates that do ("Lind (2020, 2019)") must still be ordered by end, year, suffix
    from refcheck.extract.citations import Candidate, in_text_order

    found = [Candidate(start, start + length, "narrative", ("Lind",), False, year, suffix, number)
             for number, (start, length, year, suffix) in enumerate(spans)]
    expected = sorted(found, key=lambda c: (c.start, c.end, c.year, c.year_suffix))
    assert [c.group for c in in_text_order(list(found))] == [c.group for c in expected]
