"""Property tests: the parsers never raise and never take long, whatever the input."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from refcheck.api import check_text
from refcheck.extract.authors import parse_authors
from refcheck.extract.citations import scan
from refcheck.extract.references import parse_entry
from refcheck.extract.sections import Entry, locate

ALPHABET = st.sampled_from(
    list("abcdeSJLMT ,.;:&()[]-–—'’\"“”/\n0123456789#*_~") + ["et al.", "and", "(2019)", "2020a", "n.d.", "References\n", "Lemon", "Müller", "van ", "https://x.org/a_(b)"]
)
TEXT = st.lists(ALPHABET, max_size=400).map("".join)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def bounded(fn, *args):
    start = time.perf_counter()
    fn(*args)
    assert time.perf_counter() - start < 2.0  # catastrophic backtracking takes far longer


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
