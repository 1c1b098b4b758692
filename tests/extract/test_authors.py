"""Author lists in the styles refcheck reads."""

from __future__ import annotations

import pytest

from refcheck.extract.authors import parse_authors
from refcheck.model import Author

from ..conftest import random_text


def pairs(text):
    parsed = parse_authors(text)
    return [(a.family, a.given) for a in parsed.authors], parsed.corporate, parsed.et_al, parsed.editors


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Abbasova, Vusala", [("Abbasova", "Vusala")]),
        ("Gleason, Gregory, and Dunay, Pal", [("Gleason", "Gregory"), ("Dunay", "Pal")]),
        ("Vanderhill, Rachel, Sandra F. Joireman, and Roza Tulepbayeva",
         [("Vanderhill", "Rachel"), ("Joireman", "Sandra F."), ("Tulepbayeva", "Roza")]),
        ("Arrieta, A. B., Díaz-Rodríguez, N., Del Ser, J., & Herrera, F.",
         [("Arrieta", "A. B."), ("Díaz-Rodríguez", "N."), ("Del Ser", "J."), ("Herrera", "F.")]),
        ("Li, C., He, C. and Lin, C.", [("Li", "C."), ("He", "C."), ("Lin", "C.")]),
        ("Bergevin C, Narayan C, Bernstein JGW, Story B",
         [("Bergevin", "C"), ("Narayan", "C"), ("Bernstein", "JGW"), ("Story", "B")]),
        ("Allen, R. G., Pereira, L. S., Raes, D. y Smith, M.",
         [("Allen", "R. G."), ("Pereira", "L. S."), ("Raes", "D."), ("Smith", "M.")]),
        ("Guo, Y., Liu, Y. L.", [("Guo", "Y."), ("Liu", "Y. L.")]),
        ("King, Martin Luther, Jr.", [("King Jr.", "Martin Luther")]),
        ("van Dijk, Teun A.", [("van Dijk", "Teun A.")]),
        ("al-Farabi, Abu Nasr", [("al-Farabi", "Abu Nasr")]),
        ("Botero Arcila, B.", [("Botero Arcila", "B.")]),
        ("Eriksen, Thomas Hylland", [("Eriksen", "Thomas Hylland")]),
    ],
)
def test_people(text, expected):
    assert pairs(text) == (expected, False, False, False)


def test_et_al_and_editors():
    assert pairs("Kapustina, L. et al.") == ([("Kapustina", "L.")], False, True, False)
    assert pairs("Archibugi, Daniele, Held, David, and Koehler, Martin (eds.)")[3] is True
    assert pairs("Maslej, N., Fattorini, L., ... & Oak, S.")[0] == [("Maslej", "N."), ("Fattorini", "L."), ("Oak", "S.")]


@pytest.mark.parametrize(
    "text",
    [
        "The Astana Times",
        "Official Information Source of the Prime Minister of the Republic of Kazakhstan",
        "Eurasianet",
        "American College of Sports Medicine",
    ],
)
def test_corporate(text):
    authors, corporate, _, _ = pairs(text)
    assert corporate and authors == [(text, "")]


def test_corporate_with_abbreviation_is_an_alias():
    parsed = parse_authors("World Health Organization (WHO)")
    assert parsed.corporate and parsed.aliases == ("WHO",)
    assert parsed.authors[0].family == "World Health Organization"


def test_repeated_author_dash():
    for dash in ("–––", "———", "---", "___"):
        assert parse_authors(dash).same_as_previous


@pytest.mark.parametrize(
    "text, expected, corporate, editors",
    [
        ('Smith, J. (Ed.)', [('Smith', 'J.')], False, True),
        ('Smith, J., ed.', [('Smith', 'J.')], False, True),
        ('Smith, J., Editors', [('Smith', 'J.')], False, True),
        ('Smith, J., eds.\n', [('Smith', 'J.')], False, True),
        ('Smith, J., EDS.', [('Smith', 'J.')], False, True),
        ('Fred, A., & Edwards, B.', [('Fred', 'A.'), ('Edwards', 'B.')], False, False),
        ('Smith, J., Ed\u0131tors', [('Smith', 'J.')], False, True),
        ('Smith, J., Lee, K., . . . Wong, M.', [('Smith', 'J.'), ('Lee', 'K.'), ('Wong', 'M.')], False, False),
        ('Smith, J., Lee, K., ... Wong, M.', [('Smith', 'J.'), ('Lee', 'K.'), ('Wong', 'M.')], False, False),
        ('Smith, J., Lee, K., … Wong, M.', [('Smith', 'J.'), ('Lee', 'K.'), ('Wong', 'M.')], False, False),
        ('Smith, J.\tand Lee, K.', [('Smith', 'J.'), ('Lee', 'K.')], False, False),
        ('Smith, J. och Lee, K.', [('Smith', 'J.'), ('Lee', 'K.')], False, False),
        ('Smith, J. et Lee, K.', [('Smith', 'J.'), ('Lee', 'K.')], False, False),
        ('Smith, J. u. Lee, K.', [('Smith', 'J.'), ('Lee', 'K.')], False, False),
        ('Smith/Lee', [('Smith', 'Lee')], False, False),
        ('Smith, J. andLee, K.', [('Smith', ''), ('J. andLee', 'K.')], False, False),
        ('Smith, John.', [('Smith', 'John')], False, False),
        ('Smith, J.', [('Smith', 'J.')], False, False),
        ('King, Martin, Jr.', [('King Jr.', 'Martin')], False, False),
        ('SmithJ.', [('SmithJ', '')], True, False),
        ('Smith, Jnr.', [('Smith Jnr.', '')], False, False),
        ('Ho, Ab.', [('Ho', 'Ab')], False, False),
        ('A.', [('A.', '')], True, False),
        ('Smith, J., iii.', [('Smith iii', 'J.')], False, False),
        ('Lee, K., Jr', [('Lee Jr', 'K.')], False, False),
        ('Lee, K., Sr., & Wu, L.', [('Lee Sr.', 'K.'), ('Wu', 'L.')], False, False),
    ],
)
def test_roles_ellipses_conjunctions_and_stops_past_the_prefilters(text, expected, corporate, editors):
    # each prefilter (a role word at the end, dots, a conjunction between spaces, the
    # last four characters for an initial's stop) against the cases it must not miss
    found, is_corporate, _, has_editors = pairs(text)
    assert (found, is_corporate, has_editors) == (expected, corporate, editors)


@pytest.mark.parametrize(
    "text, corporate",
    [("Smith", False), ("World Bank", True), ("Smith Lee", False), ("Ministry of Health", True), ("Alpha Beta Gamma", True),
     ("Alpha Beta G.", False), ("van der Berg", False), ("", False), ("Health Organization, W.", True)],
)
def test_corporate_shape_by_word_count(text, corporate):
    from refcheck.extract.authors import _looks_corporate

    assert _looks_corporate(text) is corporate


@pytest.mark.parametrize(
    "text, expected",
    [
        # a one-word token waits for its given names; what follows decides
        ("Smith, John, Jones", [("Smith", "John"), ("Jones", "")]),
        ("Smith, Jr., Jones, A.", [("Smith Jr.", "Jones"), ("A.", "")]),
        ("Lee, x-ray, Kim, H.", [("Lee", ""), ("x-ray", "Kim"), ("H.", "")]),
        ("Ng, A. Y., Dean, Jeff, Hinton", [("Ng", "A. Y."), ("Dean", "Jeff"), ("Hinton", "")]),
    ],
)
def test_one_word_tokens_pair_with_what_follows(text, expected):
    assert pairs(text) == (expected, False, False, False)


@pytest.mark.parametrize(
    "text",
    ["Smith, J. , & Lee, K.", "Smith, J.,  & Lee, K. & Kim", "Smith & & Lee", "Smith,& Lee", "1/2 Smith / Lee", "Smith /  1",
     "Lee, K. et al.", "Lee, K., ET AL", "Bennett, J., et al.", "Petersen u. a.", "Vetter, K. et coll.", "Lee,  et al", "Lee , ,et al",
     "Smith\u00a0& Lee", "Etal", ""],
)
def test_searches_started_at_the_anchor_find_what_the_whole_scan_finds(text):
    # the search starts at the spaces and commas before the first "&", "/", "et" or "u.": no match is missed
    from refcheck.extract import authors

    if authors._CONJ_WORDS.isdisjoint(text.split()):  # as parse_authors uses it: no "and", "u.", "et" ...
        assert authors._sub_at(authors._CONJ, ",", text, text, authors._CONJ_MARKS) == authors._CONJ.sub(",", text)
    assert authors._has_conj(text) == (authors._CONJ.search(text) is not None)
    low = text.lower()
    assert authors._sub_at(authors._ET_AL, "", text, low, authors._ET_AL_NEEDLES) == authors._ET_AL.sub("", text)
    found = authors._search_at(authors._ET_AL, text, 0, low, authors._ET_AL_NEEDLES)
    expected = authors._ET_AL.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_repeated_searches_remember_where_each_needle_stands():
    # _sub_at looks a needle up again only once it is passed: the same text as re.sub, on
    # random texts of the needles and what stands around them (repeated "et al." was quadratic)
    import random

    from refcheck.extract import authors

    rng = random.Random(8)
    pieces = ["et al.", "et", "u.", "u. a.", " ", ",", "Lee", "Bennett", "ET AL", "&", "/", "x"]
    for _ in range(3000):
        text = random_text(rng, pieces, 12)
        low = text.lower()
        assert authors._sub_at(authors._ET_AL, "", text, low, authors._ET_AL_NEEDLES) == authors._ET_AL.sub("", text), text


def test_et_al_beside_a_name_holding_et_and_a_dotted_u():
    assert pairs("Bennett, J., Petersen, K., et al.") == ([("Bennett", "J."), ("Petersen", "K.")], False, True, False)
    assert pairs("Vetter, K. & Lu., M. u. a.")[2] is True


@pytest.mark.parametrize(
    "text, expected",
    [
        # suffixes are found by their first letter first: IGNORECASE also reads "ı" as i and "ſ" as s
        ("King, Martin, Sr., Lee, A.", [("King Sr.", "Martin"), ("Lee", "A.")]),
        ("Ford, Henry, II, Lee, A.", [("Ford II", "Henry"), ("Lee", "A.")]),
        ("Ford, H., \u0131i, Lee, A.", [("Ford \u0131i", "H."), ("Lee", "A.")]),
        ("Ford, H., \u017fr., Lee, A.", [("Ford \u017fr.", "H."), ("Lee", "A.")]),
        # tokens that name no one, in any case
        ("Smith, J., Lee, K., & others", [("Smith", "J."), ("Lee", "K.")]),
        ("Smith, J., & Contributors", [("Smith", "J.")]),
        ("Smith, J., Others, K.", [("Smith", "J."), ("K.", "")]),
    ],
)
def test_suffixes_and_tokens_that_name_no_one(text, expected):
    assert pairs(text)[0] == expected


_FAMILIES = ["Smith", "Lee", "Etal", "Petersen", "Jr", "Ii", "Iii", "Snr", "Others", "Ed", "And", "Und", "Ua", "Et"]
_INITIALS = ["A.", "J.", "U.", "U. A.", "E. D.", "S. F.", "I. I. I.", "A. B. C. D.", "A. B. C. D. E."]


def _apa_lists():
    from hypothesis import strategies as st

    author = st.tuples(st.sampled_from(_FAMILIES), st.sampled_from(_INITIALS)).map(", ".join)
    return st.tuples(st.lists(author, min_size=1, max_size=5), st.booleans(), st.sampled_from(["", " ", ",", ". "])).map(
        lambda t: (", ".join(t[0][:-1]) + (", & " if t[1] else ", ") + t[0][-1] if len(t[0]) > 1 else t[0][0]) + t[2])


from hypothesis import given  # noqa: E402


@given(_apa_lists())
def test_a_plain_apa_list_reads_as_the_general_reading_does(text):
    # parse_authors reads "Family, I., Family, I., & Family, I." without the general
    # passes; names that hold "et" or "u.", suffixes and "Others" must still be read
    # as the general reading reads them
    from refcheck.extract import authors

    assert parse_authors(text) == authors._read_authors(text.strip().strip(",;:").strip())


def test_the_plain_apa_reading_leaves_what_it_cannot_read_alone():
    from refcheck.extract import authors

    assert authors._apa_list("Smith, J., & Lee, K.").authors == (Author("Smith", "J."), Author("Lee", "K."))
    for text in ("Smith, J., & Lee, K. et al.", "Smith, U. A.", "Petersen, K.", "Smith, J., Jr, K.", "Smith, J., Others, K.",
                 "Smith, J., & Lee, K., & Kim, L.", "Smith, J. A. B. C. D.", "Smith, J.,  Lee, K.", "O'Brien, J."):
        assert authors._apa_list(text) is None
