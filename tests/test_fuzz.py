"""Property tests: the parsers never raise and never take long, whatever the input.

Random text finds crashes; backtracking needs adversarial text: long runs of one
character and repeated tokens, alone or inside an entry, a citation or a
document. A linear scan takes milliseconds on these inputs and a backtracking
one seconds to hours, so a bound of 2 s per input cannot flake. Below the
property tests, one test per defect found by benchmarks/redos.py, each with an
input that took the old code from 5 s to hours.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from refcheck.api import check_text
from refcheck.extract.authors import parse_authors
from refcheck.extract.citations import scan
from refcheck.extract.dates import claimed_dates
from refcheck.extract.identifiers import malformed
from refcheck.extract.linking import osa_distance
from refcheck.extract.quantities import figures
from refcheck.extract.references import clean_markup, parse_entry, trim_url
from refcheck.extract.sections import Entry, locate, split_entries
from refcheck.model import Reference, Span
from refcheck.readers.markdown import code_spans, masked_spans

ALPHABET = st.sampled_from(
    list("abcdeSJLMT ,.;:&()[]-–—'’\"“”/\n0123456789#*_~") + ["et al.", "and", "(2019)", "2020a", "n.d.", "References\n", "Lemon", "Müller", "van ", "https://x.org/a_(b)"]
)
TEXT = st.lists(ALPHABET, max_size=400).map("".join)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Adversarial inputs: one character class repeated (letters, capitals, digits, every
# kind of space, punctuation) or one token repeated, bare or inside an entry, a
# citation, a locator, a quoted title or a document.
CHARACTERS = list("aZ7 \t\n\x0b\u2003\u00a0\u2009[](){}.,;:-–'’\"”`*_<>#/\\&$%")
TOKENS = ["A. ", "A.B. ", "Smith, J., ", "Smith and ", "<http://", "http://", "et al. ", "(2019)", "(2019, 1", "](", "[a](",
          "**", "`a", "References\n", "- a\n", "1, ", "1-", "$1", "1 billion ", "a\u201ds ", "A, ", "Accessed ", "\u2003a", "iv"]
# (the "x" after a run makes a pattern fail there, after it has matched the run)
CONTEXTS = ["{}", "{}x", "{}-x", "Smith, J. (2019). Title, {}", "{} (2019)", "(Smith {}, 2019)", "(2019, {}x",
            'Smith, J. (2019). "{}x', "Smith, J. (2019). Title. {}x", "Smith, J. (2019). Title. Accessed{}x",
            "Text {} (Smith, 2019).\n\nReferences\n\nSmith, J. (2019). Title {}. Press.\n"]
SIZE = 20000  # characters per run: quadratic work on it takes seconds, linear milliseconds
ADVERSARIAL = st.builds(
    lambda unit, size, context: context.replace("{}", unit * max(1, size // len(unit))),
    st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(CHARACTERS + TOKENS)),
    st.integers(1000, SIZE), st.sampled_from(CONTEXTS),
)
HOSTILE = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
LIMIT = 2.0  # seconds per input; catastrophic backtracking takes far longer


def bounded(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    assert time.perf_counter() - start < LIMIT
    return result


def entry(text):
    return parse_entry(Entry(0, len(text), text), "R1")


@FUZZ
@given(TEXT)
def test_reference_parser(text):
    bounded(parse_entry, Entry(0, len(text), text), "R1")
    bounded(parse_authors, text)


@FUZZ
@given(TEXT)
def test_citation_scanner(text):
    bounded(scan, text)


@FUZZ
@given(TEXT)
def test_section_locator(text):
    bounded(locate, text)


@FUZZ
@given(TEXT, st.sampled_from(["md", "txt"]))
def test_whole_pipeline(text, fmt):
    bounded(check_text, text, "fuzz", None, fmt)


PARTS = {
    "parse_entry": entry,
    "parse_authors": parse_authors,
    "clean_markup": clean_markup,
    "scan": scan,
    "locate": locate,
    "split_entries": lambda text: split_entries(text, 0, len(text)),
    "figures": figures,
    "claimed_dates": claimed_dates,
    "masked_spans": masked_spans,
}


@pytest.mark.parametrize("unit", CHARACTERS + TOKENS, ids=ascii)
def test_runs_of(unit):
    for context in CONTEXTS:
        text = context.replace("{}", unit * (SIZE // len(unit)))
        for name, part in PARTS.items():
            start = time.perf_counter()
            part(text)
            assert time.perf_counter() - start < LIMIT, (name, context)
    bounded(check_text, CONTEXTS[-1].replace("{}", unit * (SIZE // len(unit))), "x.md", None, "md")


@HOSTILE
@given(ADVERSARIAL, st.sampled_from(["md", "txt"]))
def test_whole_pipeline_on_runs(text, fmt):
    from refcheck.errors import InputError

    try:
        bounded(check_text, text, "fuzz", None, fmt)
    except InputError as exc:  # a run of NULs or other controls is binary data: refused, as it should be
        assert exc.problem == "binary data, not a text document"


def test_pathological_inputs_stay_linear():
    cases = [
        "(" * 20000,
        "(" + "Smith and " * 3000 + "2019)",
        "A" * 100000 + " (2019)",
        ("Smith, J., " * 5000) + "(2019). Title.",
        "References\n" + "Lemon, E. " * 20000,
        ("Lemon et al. " * 2000) + "(2018)",
        "(" + "a, " * 5000 + ")",
    ]
    for text in cases:
        bounded(check_text, text)


# One test per defect: the input that made the old pattern explode, and what the
# fixed one still finds on ordinary text.

HEAD = "Smith, J. (2019). "


def document(entry_tail: str) -> str:
    return f"Text (Smith, 2019).\n\nReferences\n\n{HEAD}{entry_tail}\n"


def test_publisher_tail_capital_run():
    # (?:[A-Z][\w.'-]*\s?){1,4} split a run of capitals four ways: n^4
    assert bounded(entry, HEAD + "Title, " + "A" * 3000).container is None
    ref = entry("Lee, K. (2001). Mapping, New York: Modern Library.")
    assert (ref.title, ref.container) == ("Mapping", "New York: Modern Library")


def test_quoted_title_vertical_tab_run():
    bounded(entry, HEAD + '"' + "\x0b" * 20000 + "x")
    ref = entry('Smith, J. (2019). "  A title  ," Journal, 3(2), 4-5.')
    assert (ref.title, ref.container, ref.volume, ref.issue, ref.pages) == ("A title ", "Journal", "3", "2", "4-5")


def test_quoted_title_em_space_run():
    bounded(entry, HEAD + '"x' + "\u2003" * 20000 + "x")
    assert entry('Smith, J. (2019). " ". Journal.').title is None
    assert entry('Smith, J. (2019). "\u2003\u2003\n" Journal.').title is None


def test_narrative_locator_digit_run():
    # [\divxlc]*\d[\divxlc]* read a run of digits once per digit: cubic
    assert bounded(scan, "(2019, " + "1" * 8000 + "x") == []
    (found,) = scan("As Lemon (2018, pp. 4-5) notes")
    assert (found.authors, found.year, found.locator) == (("Lemon",), "2018", "pp. 4-5")


def test_locate_many_reference_headings():
    # every heading-like line rescanned to the end of the file
    bounded(locate, "References\n" * 3000)
    section = bounded(locate, "References\n" * 3000 + "\nSmith, J. (2019). Title.\n")
    assert [e.text for e in section.entries] == ["Smith, J. (2019). Title."]


def test_md_link_bracket_run():
    # \[([^\]\n]*)\]\( scanned to the end of the line from every "["
    assert bounded(clean_markup, "[" * 50000) == "[" * 50000
    assert clean_markup("see [a [b](http://x) c") == "see a [b http://x c"
    assert clean_markup("[x] [y](http://y.org)") == "[x] y http://y.org"
    assert clean_markup("[http://a.org](http://a.org) and [t](u)") == "http://a.org and t u"


def test_volume_digit_run():
    assert bounded(entry, HEAD + "Title. " + "1" * 30000).volume is None
    ref = entry("Smith, J. (2019). Title. Journal, 12 (3): 45-67.")
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("Journal", "12", "3", "45-67")


def test_title_end_repeated_initials():
    # the word before every full stop was split out of the whole title so far
    bounded(entry, HEAD + "A. " * 20000)
    ref = entry("Ng, A. (2010). Dr. A. B. Who wrote it? Retrieved from http://x.org")
    assert ref.title == "Dr. A. B. Who wrote it?"


def test_apostrophe_long_word():
    # \w+\u201d[st] tried from every letter of a long word (RC205)
    result = bounded(check_text, document("a" * 50000 + "\u201d x."))
    assert "RC205" in {f.code for f in result.findings}
    codes = [(f.code, f.message) for f in check_text(document("Kazakh\u201ds Budget. Press."), "x").findings if f.code == "RC205"]
    assert codes == [("RC205", 'Smith (2019): a closing double quote used as an apostrophe: "Kazakh\u201ds"')]


def test_range_digit_run():
    # (?P<lo>\d+)... tried from every digit of a long run (RC301)
    assert bounded(figures, "1" * 50000 + "-") == []
    (found,) = figures("between 1234,567-890,000 dollars")
    assert (found.text, found.value, found.high) == ("234,567-890,000 dollars", 234567.0, 890000.0)


def test_access_date_space_run():
    # \s*:?\s* split a run of spaces every way
    assert bounded(entry, HEAD + "Title. Accessed" + "\u2003" * 15000 + "x").accessed is None
    assert entry(HEAD + "Title. Accessed : 3 June 2024.").accessed == "2024-06-03"


def test_inline_code_backtick_run():
    # (`+).*?\1 rescanned the rest of the text from every backtick of a run
    assert bounded(masked_spans, "Title, " + "`" * 50000) == []
    assert code_spans("a ``b`c`` d `e`") == [(2, 9), (12, 15)]
    assert code_spans("``` x `") == []  # a run opens a span only as a whole


def test_autolink_repeated_opening():
    # <(?:https?|...):[^>\s]*> ran to the next ">" from every "<"
    bounded(masked_spans, "<http://" * 20000)
    assert bounded(clean_markup, "<http://" * 16000) == "<http://" * 16000
    assert clean_markup("<http://a.org/x> <ftp://b>") == "http://a.org/x ftp://b"


def test_container_stop_space_run():
    assert bounded(entry, HEAD + "Title. " + "\u2003" * 20000 + "x").container == "\u2003" * 20000 + "x"
    assert entry(HEAD + "Title. Journal Retrieved from http://x.org").container == "Journal"


def test_author_conjunction_space_run():
    # \s*,?\s*&\s*: cubic on a run of spaces
    assert [a.family for a in bounded(parse_authors, "Smith" + " " * 3000 + "x").authors] == ["Smith" + " " * 3000 + "x"]
    assert [(a.family, a.given) for a in parse_authors("Smith, J. , & Lee, K.").authors] == [("Smith", "J."), ("Lee", "K.")]


def test_url_break_repeated_urls():
    # https?://\S*[/\-_]\s+... rescanned the run from every "http://" in it (RC205)
    bounded(check_text, document("Title. " + "http://" * 8000 + " x"))
    found = [f.message for f in check_text(document("Title. https://a.org/web/https://b.org/x- y/z.html"), "x").findings
             if "whitespace" in f.message]
    assert found == ['Smith (2019): whitespace inside a URL: "https://a.org/web/https://b.org/x- y/z.html"']


def test_trim_url_closing_paren_run():
    assert bounded(trim_url, "http://x.org/" + ")" * 150000) == "http://x.org/"
    assert trim_url("http://x.org/a_(b)).") == "http://x.org/a_(b)"
    assert trim_url("http://x.org/a)).,") == "http://x.org/a"


def test_osa_distance_long_strings():
    assert bounded(osa_distance, "a" * 100000, "a" * 100000, 2) == 0
    assert (osa_distance("Lemon", "Lemno", 2), osa_distance("Lemon", "Lime", 2), osa_distance("ab", "xyz", 1)) == (1, 3, 2)


def test_publisher_name_space_run():
    bounded(entry, HEAD + "Title, " + "\u2003" * 25000 + "x")
    ref = entry("Lee, K. (2001). Cities, Polity Press.")
    assert (ref.title, ref.container) == ("Cities", "Polity Press")


def test_url_at_line_end_repeated_urls():
    # https?://\S+$ tried from every "http://" of a line that does not end in one
    text = "Smith, J. (2019). Title " + "http://" * 20000 + " x\n\nMore text\n"
    assert len(bounded(split_entries, text, 0, len(text))) == 1  # "More text" continues the entry
    text = "Smith, J. (2019). Title http://x.org/a\n\nMore text\n"
    assert len(split_entries(text, 0, len(text))) == 2  # a URL closes it


def test_title_note_space_run():
    # \s*\(...\)$ tried from every space of a run before a closing note
    assert bounded(entry, HEAD + "Title" + "\u2003" * 60000 + "(a)").title.endswith("(a)")
    ref = entry("Smith, J. (2019). Cities of the plain (2nd ed.). Polity.")
    assert ref.title == "Cities of the plain"


def test_identifier_link_repeated_autolink():
    # <(?:https?://|doi:)[^>\s]+> ran to the next ">" from every "<"
    raw = "<http://" * 20000
    assert bounded(malformed, Reference("R1", Span(0, len(raw)), raw)) == []
    raw = "Title. <https://doi.org/10.1234/abc.>"
    assert [(m.written, m.fix) for m in malformed(Reference("R1", Span(0, len(raw)), raw))] == [
        ("https://doi.org/10.1234/abc.", "https://doi.org/10.1234/abc")
    ]
