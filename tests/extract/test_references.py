"""Entries in the styles refcheck reads, field by field."""

from __future__ import annotations

import pytest

from refcheck.extract.dates import parse_date
from refcheck.extract.references import clean_markup, parse_entries, parse_entry
from refcheck.extract.sections import Entry


def parse(text):
    return parse_entry(Entry(0, len(text), text), "R1")


@pytest.mark.parametrize(
    "text, year, suffix, title",
    [
        ("Sullivan, Charles (2019). End of an Era? Kazakhstan and the Fate of Multivectorism. Central Asia Papers: 31-50.",
         "2019", "", "End of an Era? Kazakhstan and the Fate of Multivectorism"),
        ("Smith, J. (2020a). A title. Journal, 1(2), 3-4.", "2020", "a", "A title"),
        ("Smith, J. (n.d.). Undated page. Site.", "n.d.", "", "Undated page"),
        ("Smith, J. (in press). Forthcoming work. Journal.", "in press", "", "Forthcoming work"),
        ("Smith, J. (2020, May 3). A news story. The Times.", "2020", "", "A news story"),
        ("Smith, J. (2012b, Summer). Seasonal issue. Review, 4, 1-9.", "2012", "b", "Seasonal issue"),
        ("Smith, John. 2019. Chicago Style Title. Chicago: Press.", "2019", "", "Chicago Style Title"),
        ("Adams, Henry, 1931, The Education of Henry Adams, New York: Modern Library.", "1931", "",
         "The Education of Henry Adams"),
        ("Clark, I. (2011) ‘China and the United States: a succession of hegemonies?’, International Affairs, 87(1), pp. 13–28.",
         "2011", "", "China and the United States: a succession of hegemonies?"),
        ("Bergevin C, Narayan C (2020) Overtone focusing. eLife 9:e50476.", "2020", "", "Overtone focusing"),
    ],
)
def test_year_and_title(text, year, suffix, title):
    ref = parse(text)
    assert (ref.year, ref.year_suffix, ref.title, ref.problem) == (year, suffix, title, None)


def test_apa_journal_fields_doi_and_url():
    ref = parse("Zhao, M. (2019). Is a new Cold War inevitable? *The Chinese Journal of International Politics*, "
                "*12*(3), 371–394. https://doi.org/10.1093/cjip/poz010")
    assert ref.container == "The Chinese Journal of International Politics"
    assert (ref.volume, ref.issue, ref.pages) == ("12", "3", "371–394")
    assert ref.doi == "10.1093/cjip/poz010"
    assert ref.urls == ("https://doi.org/10.1093/cjip/poz010",)


@pytest.mark.parametrize(
    "tail, accessed",
    [
        ("Retrieved from https://x.org/a. Accessed on 24.06.2025.", "2025-06-24"),
        ("Available at: https://x.org/a (Accessed: 28 November 2023).", "2023-11-28"),
        ("Retrieved June 3, 2024, from https://x.org/a", "2024-06-03"),
        ("https://x.org/a (downloaded on 1/6/2011).", None),
        ("https://x.org/a (accessed 13/6/2011).", "2011-06-13"),
    ],
)
def test_access_dates(tail, accessed):
    ref = parse(f"Smith, J. (2020). A page. {tail}")
    assert ref.accessed == accessed
    assert ref.urls == ("https://x.org/a",)


def test_url_with_text_fragment_and_trailing_question_mark_kept_whole():
    ref = parse("Post (2024). Spending to increase by 7%. Retrieved from https://x.com/a-7-percent-in-2025?. Accessed on 11.06.2025.")
    assert ref.url == "https://x.com/a-7-percent-in-2025?"
    ref = parse("Post (2024). T. Retrieved from https://x.com/a/#:~:text=Over%2C%20all. Accessed on 11.06.2025.")
    assert ref.url == "https://x.com/a/#:~:text=Over%2C%20all"


def test_repeated_author_dash_takes_previous_authors():
    refs = parse_entries((
        Entry(0, 10, "Habermas, Jürgen, 2001, The Postnational Constellation, Cambridge, MA: MIT Press."),
        Entry(11, 20, "–––, 2009, Europe: The Faltering Project, Cambridge: Polity Press."),
    ))
    assert [(r.authors[0].family, r.year) for r in refs] == [("Habermas", "2001"), ("Habermas", "2009")]


def test_unsplittable_entry_is_kept_with_a_problem():
    ref = parse("Critical approaches to security, Central Asian Survey.")
    assert ref.problem == "no year or date found"
    assert ref.raw == "Critical approaches to security, Central Asian Survey."


def test_markdown_is_cleaned_but_urls_keep_underscores():
    assert clean_markup("*Title* [site](https://x.org/a_b_c) <https://y.org/d_e>") == "Title site https://x.org/a_b_c https://y.org/d_e"


@pytest.mark.parametrize(
    "text, iso",
    [("28.12.2024", "2024-12-28"), ("2024-06-03", "2024-06-03"), ("3 June 2024", "2024-06-03"),
     ("June 3, 2024", "2024-06-03"), ("November 2023", "2023-11"), ("3 de junio de 2024", "2024-06-03"),
     ("31.02.2024", None), ("1/6/2011", None), ("Smarch 3, 2024", None)],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text, title, container",
    [
        ("Lemon, A. (2019). Trade and water. Water Weekly Retrieved from the archive", "Trade and water", "Water Weekly"),
        # the stop words are found in any case, and with the letters IGNORECASE matches to "i" and "s"
        ("Lemon, A. (2019). Trade and water. Water Weekly Retr\u0131eved from the archive", "Trade and water", "Water Weekly"),
        ("Lemon, A. (2019). Trade and water. Water Weekly RETRIEVED FROM the archive", "Trade and water", "Water Weekly"),
        ("Lemon, A. (2019). Trade and water. Water Weekly Acce\u017f\u017fed in May", "Trade and water", "Water Weekly"),
        ("Lemon, A. (2019). Trade and water. Water Weekly HTTPS://x.org", "Trade and water", "Water Weekly"),
        ("Lemon, A. (2019). Trade and water. Water Weekly [Online]", "Trade and water", "Water Weekly"),
        ("Lemon, A. (2019). Trade and water. Water Weekly doi:10.1/x", "Trade and water", "Water Weekly"),
        ("Lemon, A. (2019). Trade and water. Water Weekly URL x", "Trade and water", "Water Weekly"),
        ("Lemon, A. (2019). Trade and water. Water Weekly Surly Ending", "Trade and water", "Water Weekly Surly Ending"),
        ("Lemon, A. (2019). Trade and water, Journal of Trade 25 (1): 47-53. Onl\u0131ne", "Trade and water, Journal of Trade 25 (1): 47-53", None),
        ("Lemon, A. (2019). Trade and water, Journal of Trade 25 (1): 47-53.", "Trade and water", "Journal of Trade"),
        ("Lemon, A. (2019). Trade and water. En: Book of things, 3, 1-9.", "Trade and water", "Book of things"),
        ("Lemon, A. (2019). Trade and water. Enlightened Review, 3, 1-9.", "Trade and water", "Enlightened Review"),
        ("Lemon,  A.  (2019).\tTrade and water. Journal, 3, 1-9.", "Trade and water", "Journal"),
    ],
)
def test_container_stops_past_the_prefilters(text, title, container):
    ref = parse_entry(Entry(0, len(text), text), "R1")
    assert (ref.title, ref.container) == (title, container)


def test_stop_word_prefilter():
    from refcheck.extract.names import may_match_words

    assert not may_match_words("Journal of Trade, 3(1), 1-9.", ("retrieved", "http"))
    assert may_match_words("Journal. HTTP://x", ("retrieved", "http"))
    assert may_match_words("Journal. Retr\u0131eved", ("retrieved",))  # a dotless i: the pattern decides


@pytest.mark.parametrize(
    "rest, title",
    [
        ("Letters to Mrs. Dalloway. Journal of Things, 2, 3-4.", "Letters to Mrs. Dalloway"),
        ("Care of Jr. doctors. Journal", "Care of Jr. doctors"),
        ("Methods, e.g. surveys. Journal", "Methods, e.g. surveys"),
        ("The U.S. case. Journal", "The U.S. case"),
        ("Notes on Vol. 2 of Kant. Journal", "Notes on Vol. 2 of Kant"),
        ("Arms control. Journal", "Arms control"),  # four letters before the stop: no abbreviation
        ("Water-use. Journal", "Water-use"),
        ("Plan of Acme Inc. Journal", "Plan of Acme Inc. Journal"),
        ("Ann. Journal", "Ann"),
    ],
)
def test_title_end_passes_abbreviations_and_stops_after_longer_words(rest, title):
    from refcheck.extract.references import _title_end

    assert rest[:_title_end(rest)] == title


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_YEAR_PIECES = ["2019", "1984a", "408", "\u0664\u0660\u0668", "~1850", "(2020)", "(2020, May 3)", "(1984 [1970])",
                "(n.d.)", "N. d.", "n.d.", "s. f.", "o. J.", "in press", "In press-b", "forthcoming", "Forthcoming",
                "en prensa", "sous presse", "im Druck", "(2015\u20132020)", "[1953]", "Smith", "J.", "ed.", " ", ", ",
                ". ", "(", ")", "&"]


def _same_year_matches(text):
    # _YEAR_RE opens with a look-ahead for the characters a match can open with:
    # it must find what the pattern without it finds, in the same places and groups
    import re

    from refcheck.extract import references

    plain = re.compile(references._YEAR_BODY)
    found = [(m.span(), m.groupdict()) for m in references._YEAR_RE.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text)]
    return found


@given(st.lists(st.sampled_from(_YEAR_PIECES), max_size=10).map("".join))
def test_the_year_patterns_first_character_filter_finds_every_match(text):
    _same_year_matches(text)


_YEAR_FORMS = ["2019", "1984a", "408", "\u0664\u0660\u0668", "~1850", "n.d.", "N. d.", "s. f.", "o. J.", "in press",
               "In press-b", "forthcoming", "Forthcoming", "en prensa", "sous presse", "im Druck"]


@pytest.mark.parametrize("year", _YEAR_FORMS)
def test_every_year_form_passes_the_first_character_filter(year):
    assert _same_year_matches(f"Smith, J. {year}. Title.")
    if not year.startswith(("~", "\u0664", "408")):  # in parentheses: four digits or a no-date word
        assert _same_year_matches(f"Smith, J. ({year}). Title.")
