"""The structured edit a finding may carry (Fix) and how a rule's Problem becomes one."""

import pytest

from refcheck.findings import Applicability, Finding, Fix, Severity
from refcheck.model import Document, Span
from refcheck.rules.base import Problem


def test_fix_applies_one_edit_and_parses_applicability():
    fix = Fix(1, 7, 1, 11, "2020", "unsafe", 6, 10)
    assert fix.applicability is Applicability.UNSAFE
    assert fix.apply("Smith 2019 said") == "Smith 2020 said"
    assert Fix(1, 6, 1, 6, ",", "safe", 5, 5).apply("Smith 2019") == "Smith, 2019"


def test_fix_refuses_a_backwards_span_and_unknown_applicability():
    with pytest.raises(ValueError, match="cannot end"):
        Fix(1, 5, 1, 2, "x", "safe", 4, 1)
    with pytest.raises(ValueError, match="unknown applicability 'maybe'"):
        Fix(1, 1, 1, 1, "x", "maybe")


def test_finding_fix_defaults_to_none_and_does_not_change_order():
    plain = Finding("a.md", 1, 1, 1, 2, "RC206", "url-noise", Severity.INFO, "m")
    fixed = Finding("a.md", 1, 1, 1, 2, "RC206", "url-noise", Severity.INFO, "m", fix=Fix(1, 1, 1, 2, "y", "safe", 0, 1))
    assert plain.fix is None
    assert plain == fixed  # the fix is not part of identity or order


def test_problem_without_replacement_is_advice_only():
    document = Document.build("a.md", "one\ntwo words\n")
    assert Problem(Span(4, 7), "m", "add a date").fix(document) is None


def test_problem_replacement_is_located_on_its_edit_span():
    document = Document.build("a.md", "one\ntwo words\n")
    fix = Problem(Span(4, 13), "m", "two, words", replacement=",", applicability="safe", edit=Span(7, 7)).fix(document)
    assert fix == Fix(2, 4, 2, 4, ",", Applicability.SAFE, 7, 7)
    whole = Problem(Span(4, 7), "m", "TWO", replacement="TWO").fix(document)
    assert whole == Fix(2, 1, 2, 4, "TWO", Applicability.UNSAFE, 4, 7)  # unsafe unless the rule says safe
