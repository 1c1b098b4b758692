"""The accuracy patterns (ABNT heads, long author lists, bare citations, links, ABNT
co-authors) stay linear on adversarial input: each case well under a second, where
backtracking would take minutes."""

from __future__ import annotations

import time

import pytest

from refcheck.api import check_text

CASES = [
    "SILVA " + "DE " * 3000 + "x",
    "SILVA" + " DE" * 3000 + ", J. Title. Rio, 2001.",
    "SILVA, J.; " * 2000 + "Title.",
    "A" * 5000 + ", " + "B. " * 3000,
    "Okafor N, " * 3000 + "2017. T.",
    "(" + "LIMA; " * 3000 + "2019)",
    "Text " + "Lind and Berg, 2007 " * 3000,
    "[" + "Smith, 2025 " * 2000 + "](x)",
    "[[" + "a|" * 3000 + "Smith, 2021]]",
    "Title, " * 3000 + "Journal 3, 1-2.",
    "“" + "a " * 5000,
    "(" + "2015–" * 3000 + ")",
]


@pytest.mark.parametrize("text", CASES, ids=range(len(CASES)))
@pytest.mark.parametrize("where", ["text", "list"])
def test_linear(text, where):
    body = text if where == "text" else "References\n\n" + text + "\n"
    start = time.perf_counter()
    check_text(body)
    assert time.perf_counter() - start < 2.0


def test_rule_and_verify_patterns_are_linear():
    from refcheck.net.verify.match import _SUBTITLE

    start = time.perf_counter()
    _SUBTITLE.split("a" + " " * 40000 + "b", maxsplit=1)
    check_text("Text (Lind, 2019).\n\nReferences\n\nLind, P. (2019). A " + "[" * 20000 + " title. https://x.org/a-b-c-d-e\n")
    check_text("Text (Lind, 2019).\n\nReferences\n\nLind, P. (2019). A title. https://x.org/" + "#" * 20000 + "\n")
    assert time.perf_counter() - start < 2.0
