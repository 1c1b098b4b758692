"""The figure extractor: kinds, units, scales, qualifiers, roles, slugs."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refcheck.extract.dates import claimed_dates, url_date
from refcheck.extract.quantities import agree, comparable, figures


def one(text):
    (figure,) = figures(text)
    return figure.kind, figure.value, figure.unit, figure.qualifier, figure.role


@pytest.mark.parametrize(
    "text, expected",
    [
        ("$2.5 billion", ("money", 2.5e9, "USD", "", "level")),
        ("US$2.5bn", ("money", 2.5e9, "USD", "", "level")),
        ("USD 2.5 billion", ("money", 2.5e9, "USD", "", "level")),
        ("$1.5 Billion", ("money", 1.5e9, "USD", "", "level")),
        ("€3m", ("money", 3e6, "EUR", "", "level")),
        ("roughly 1.2 trillion tenge", ("money", 1.2e12, "KZT", "roughly", "level")),
        ("¥40 billion", ("money", 4e10, "JPY", "", "level")),
        ("11.6%", ("percent", 11.6, "%", "", "level")),
        ("7 percent", ("percent", 7.0, "%", "", "level")),
        ("rising by 7% in 2025", ("percent", 7.0, "%", "", "change")),
        ("2% of GDP", ("percent", 2.0, "%", "", "share")),
        ("6.8% higher", ("percent", 6.8, "%", "", "change")),
        ("73,000 businesses", ("count", 73000.0, "", "", "level")),
        ("1.2 million", ("count", 1.2e6, "", "", "level")),
        ("up to 3,5 million", ("count", 3.5e6, "", "up to", "level")),
        ("over $1 billion", ("money", 1e9, "USD", "over", "level")),
        ("kazakhstan-spends-1-5-billion-on-defense", ("count", 1.5e9, "", "", "level")),
        ("increase-by-7-percent-in-2025", ("percent", 7.0, "%", "", "change")),
    ],
)
def test_figures(text, expected):
    kind, value, unit, qualifier, role = one(text)
    assert (kind, unit, qualifier, role) == expected[:1] + expected[2:]
    assert value == pytest.approx(expected[1])


@pytest.mark.parametrize("text", ["in 2023", "page 45", "section 3.2", "the 1990s", "5 m away"])
def test_bare_numbers_are_not_figures(text):
    assert figures(text) == []


def test_rounding_qualifiers_and_comparability():
    about, exact = figures("about $2.5 billion"), figures("$2.46 billion")
    assert agree(about[0], exact[0])
    assert not agree(figures("$2.5 billion")[0], figures("$1.5 billion")[0])
    assert agree(figures("$2.5 billion")[0], figures("$2.56 billion")[0]) is False
    assert agree(figures("$2.5 billion")[0], figures("$2.46 billion")[0])  # 2.46 rounds to 2.5
    assert not comparable(figures("€2 billion")[0], figures("$2 billion")[0])
    assert not comparable(figures("2% of GDP")[0], figures("up 2%")[0])


def test_ranges_contain_or_overlap():
    (span,) = figures("between $1-2 billion")
    assert (span.value, span.high, span.unit) == (1e9, 2e9, "USD")
    assert agree(span, figures("$1.5 billion")[0])
    assert not agree(span, figures("$2.5 billion")[0])
    assert agree(figures("5\u20137%")[0], figures("6%")[0])
    assert figures("in 2018-2020 on pp. 3-5") == []


def test_claimed_dates_and_url_dates():
    assert [(y, a, b, t) for _, _, y, a, b, t in claimed_dates("in May 2022, on January 5, 2022 and in early 2024 or mid-2020")] == [
        (2022, 5, 5, "May 2022"), (2022, 1, 1, "January 5, 2022"), (2024, 1, 4, "early 2024"), (2020, 5, 8, "mid-2020"),
    ]
    assert [(y, a, b) for _, _, y, a, b, _ in claimed_dates("the 2023 January\u2013August period")] == [(2023, 1, 8)]
    assert url_date("https://astanatimes.com/2024/11/x/") == (2024, 11)
    assert url_date("https://caspiannews.com/news-detail/x-2022-6-20-0/") == (2022, 6)
    assert url_date("https://x.org/2024/13/a") is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789.,$€%-  kmbnKMB") + ["billion", "percent", "tenge", " of", "up to ", "about ", "May ", "early "]), max_size=200).map("".join))
def test_fuzz_figures_bounded(text):
    start = time.perf_counter()
    figures(text)
    claimed_dates(text)
    assert time.perf_counter() - start < 2.0  # catastrophic backtracking takes far longer


def test_a_text_without_digits_has_no_figures_and_any_digit_is_read():
    """figures() reads no further than a digit search on a text without one; a
    digit of another script still counts, as it does in the patterns."""
    assert figures("A title: percent, billion, $ and tenge, but no number") == []
    assert one("up \u0665 percent") == ("percent", 5.0, "%", "", "change")
