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


def _fixes(text, code):
    from refcheck.api import check_text

    result = check_text(text)
    return [(f.fix.replacement, f.fix.applicability.value, f.fix.apply(text)[max(0, f.fix.start - 8):f.fix.start + len(f.fix.replacement) + 3])
            if f.fix else None for f in result.findings if f.code == code]


LIST = "\n\n## References\n\n"


def test_rc206_clean_url_is_a_safe_edit_of_the_url_only():
    text = "It held (Wu, 2017)." + LIST + "Wu, A. (2017). Work. Site. https://x.org/a?utm_source=tw\n"
    assert _fixes(text, "RC206") == [("https://x.org/a", "safe", ". Site. https://x.org/a\n")]


def test_rc205_apostrophe_is_safe():
    text = "It held (Wu, 2017)." + LIST + "Wu, A. (2017). Wu\u201ds work. Site.\n"
    assert _fixes(text, "RC205") == [("Wu\u2019s", "safe", "(2017). Wu\u2019s wo")]


def test_rc109_comma_is_a_safe_insertion_or_removal_of_the_separator_only():
    text = "A (Aa, 2001). B (Bb, 2002). C (Cc, 2003). D (Dd 2004)." + LIST + "".join(
        f"{n}, A. ({y}). Work. Site.\n" for n, y in (("Aa", 2001), ("Bb", 2002), ("Cc", 2003), ("Dd", 2004)))
    assert _fixes(text, "RC109") == [(", ", "safe", "). D (Dd, 200")]


def test_rc103_year_and_rc104_surname_are_unsafe_and_keep_the_documents_and():
    text = "Lemon (2019) and (Gleasn and Dunay, 2022) agree." + LIST + (
        "Lemon, E. (2018). Work. Site.\nGleason, A., & Dunay, B. (2022). Work. Site.\n")
    assert _fixes(text, "RC103") == [("2018", "unsafe", "Lemon (2018) a")]
    assert _fixes(text, "RC104") == [("Gleason and Dunay", "unsafe", "9) and (Gleason and Dunay, 2")]


def test_advice_is_never_a_replacement():
    text = "It held (Wu, 2017)." + LIST + "Wu, A. (2017). Work.\n"
    from refcheck.api import check_text

    assert all(f.fix is None for f in check_text(text).findings)


def test_two_disagreeing_edits_on_one_span_are_both_dropped():
    from refcheck.findings import without_conflicts

    def finding(code, fix):
        return Finding("a.md", 1, 1, 1, 5, code, "n", Severity.ERROR, "m", "s", fix=fix)

    year = Fix(1, 1, 1, 5, "2018", "unsafe", 0, 4)
    other = Fix(1, 3, 1, 5, "20", "safe", 2, 4)
    apart = Fix(1, 6, 1, 6, ",", "safe", 5, 5)
    kept = without_conflicts([finding("RC103", year), finding("RC999", other), finding("RC109", apart)])
    assert [f.fix for f in kept] == [None, None, apart]
    assert [f.suggestion for f in kept] == ["s", "s", "s"]  # the advice stays
    same = without_conflicts([finding("RC103", year), finding("RC104", Fix(1, 1, 1, 5, "2018", "unsafe", 0, 4))])
    assert [f.fix for f in same] == [year, year]


def test_no_fix_for_text_read_from_markup():
    from types import SimpleNamespace

    marked = SimpleNamespace(source_map=((0, 12),), position=lambda offset: (1, offset + 1))
    assert Problem(Span(0, 3), "m", "x", replacement="x", applicability="safe").fix(marked) is None
