"""readers/mask: blanking and the URL finder, which tries the URL pattern only
where a URL can start and must find exactly what the pattern finds alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refcheck.readers.mask import URL_RE, blank, find_urls, url_spans


def test_blank_keeps_newlines_and_offsets():
    assert blank("ab\ncd ef", [(1, 4), (6, 8)]) == "a \n d   "


@pytest.mark.parametrize(
    "text, urls",
    [
        ("https://a.org/x at the very start", ["https://a.org/x"]),
        ("ftp://f.org/x and http://h.org/y", ["ftp://f.org/x", "http://h.org/y"]),
        ("HTTPS://UP.ORG/X, hTtP://mixed.org", ["HTTPS://UP.ORG/X,", "hTtP://mixed.org"]),
        ("in the text WwW.example.org/a.", ["WwW.example.org/a."]),
        ("a www.inside.org/path?u=http://b.org/c url", ["www.inside.org/path?u=http://b.org/c"]),
        ("http://a.org/www.b.org/x", ["http://a.org/www.b.org/x"]),
        ("two http://a.org/x\"http://b.org/y", ["http://a.org/x", "http://b.org/y"]),
        ("http://[2001:db8::1]:8080/p] after", ["http://[2001:db8::1]:8080/p"]),
        ("awww.no-boundary.org and xhttp://yes.org", ["http://yes.org"]),
        ("gopher://no.org :// alone, ww. w. wwww.x.org", []),
        ("now. how. w. W.", []),
    ],
)
def test_find_urls(text, urls):
    assert [m.group(0) for m in find_urls(text)] == urls
    assert [m.span() for m in find_urls(text)] == [m.span() for m in URL_RE.finditer(text)]


def test_url_spans_one_url_in_a_long_text():
    text = "Plain words. " * 2000 + "See http://a.org/x." + " More words." * 10
    assert url_spans(text) == [(26004, 26019)]


PIECES = st.sampled_from(list("wW.:/ hHtTpPsSfF[]\"'<>x1\n_-\u017f") + [
    "http://", "https://", "ftp://", "www.", "WWW.", "wWw.", "://", "[2001:db8::1]"])


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_find_urls_is_finditer(text):
    assert [m.span() for m in find_urls(text)] == [m.span() for m in URL_RE.finditer(text)]
