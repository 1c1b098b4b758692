"""Text output: concise and full (ruff's shape), statistics, quiet, excerpts."""

from refcheck.findings import Report
from refcheck.output import render, resolve
from refcheck.output.excerpt import excerpt

from ._doc import report

SUMMARY = "Found 4 problems: 1 error, 3 info (1 file, 5 references, 5 citations, style apa7).\n"


def test_concise_has_the_severity_word_in_every_line():
    assert render(report(), "concise") == (
        "doc.md:1:24: info[RC109] (Okafor 2019) is written without a comma between name and year, unlike 3 other "
        "citations (suggestion: (Okafor, 2019))\n"
        "doc.md:1:41: error[RC103] Lemon (2019): the reference list has Lemon (2018) (suggestion: Lemon (2018))\n"
        "doc.md:7:60: info[RC206] Okafor (2019): the URL has tracking parameters (suggestion: https://example.org/w)\n"
        "doc.md:9:18: info[RC205] Soto (2017): a closing double quote used as an apostrophe: \"Soto\u201ds\" "
        "(suggestion: Soto\u2019s)\n" + SUMMARY
    )


def test_full_underlines_the_span_in_a_window_of_a_long_line_and_says_how_safe_the_fix_is():
    out = render(report(), "full")
    assert out.split("\n\n")[1] == (
        "doc.md:1:41: error[RC103] Lemon (2019): the reference list has Lemon (2018)\n"
        "  |\n"
        "1 | \u2026 grew by rivers (Okafor 2019), as Lemon (2019) says (Park, 2015; Kim, 2016; Soto, 2017).\n"
        "  |                                    ^^^^^^^^^^^^\n"
        "  = fix (unsafe): Lemon (2018)"
    )
    assert out.split("\n\n")[3] == (
        "doc.md:9:18: info[RC205] Soto (2017): a closing double quote used as an apostrophe: \"Soto\u201ds\"\n"
        "  |\n"
        "9 | Soto, M. (2017). Soto\u201ds survey. Field Notes.\n"
        "  |                  ^^^^^^\n"
        "  = fix (safe): Soto\u2019s"
    )
    assert out.endswith("\n\n" + SUMMARY)


def test_full_shows_advice_as_help_and_a_finding_without_one_alone():
    text = "It held (Wu, 2017) and (Ma, 2020); Li, He and Lin (2018) agree.\n\n## References\n\nWu, A. (2017). Work. Site.\nLi, Q., & He, R. (2018). Deltas. Review.\n"
    blocks = render(report(text=text), "full").split("\n\n")
    assert blocks[0] == (
        "doc.md:1:25: error[RC101] (Ma, 2020): no entry in the reference list for Ma\n"
        "  |\n"
        "1 | It held (Wu, 2017) and (Ma, 2020); Li, He and Lin (2018) agree.\n"
        "  |                         ^^^^^^^^"
    )
    assert blocks[1] == (
        "doc.md:1:36: warning[RC105] Li, He and Lin (2018): names 3 authors but Li & He (2018) has 2 authors\n"
        "  |\n"
        "1 | It held (Wu, 2017) and (Ma, 2020); Li, He and Lin (2018) agree.\n"
        "  |                                    ^^^^^^^^^^^^^^^^^^^^^\n"
        "  = help: Li & He (2018)"
    )


def test_colour_paints_the_severity_tag_and_the_underline():
    out = render(report(), "full", color=True)
    assert "doc.md:1:41: \x1b[1;31merror[RC103]\x1b[0m Lemon (2019)" in out
    assert "  |                                    \x1b[1;31m^^^^^^^^^^^^\x1b[0m\n" in out
    assert "\x1b[1;32mfix (unsafe)\x1b[0m: Lemon (2018)" in out
    assert "\x1b" not in render(report(), "full", color=False)


def test_text_is_full_in_a_terminal_and_concise_elsewhere_and_formats_ignore_case():
    assert resolve("text", terminal=True) == "full"
    assert resolve("TEXT", terminal=False) == "concise"
    assert resolve("Json") == "json"


def test_statistics_and_quiet():
    assert render(report(), "concise", statistics=True) == (
        "1  RC103  [ ] error    year-mismatch\n"
        "1  RC109  [*] info     citation-form\n"
        "1  RC205  [*] info     reference-typography\n"
        "1  RC206  [*] info     url-noise\n" + SUMMARY
    )
    assert render(report(), "concise", quiet=True).count("\n") == 4
    assert not render(report(), "concise", quiet=True).startswith("Found")
    assert render(Report(), "concise", quiet=True) == ""


def test_excerpt_window_and_spans_over_lines():
    line = "word " * 40
    shown, at, length = excerpt(line, 1, 101, 1, 105)
    assert shown.startswith("\u2026") and shown.endswith("\u2026")
    assert shown[at:at + length] == "word" and len(shown) == 90
    assert excerpt("ab\ncd", 1, 2, 2, 1) == ("ab", 1, 1)  # to the end of its first line
    assert excerpt("ab\tc\x1b", 1, 4, 1, 6) == ("ab c\\x1b", 3, 5)  # tabs as spaces, controls escaped
    assert excerpt("ab", 5, 1, 5, 2) is None


def test_full_fits_the_excerpt_to_a_given_width():
    out = render(report(), "full", width=60)
    rows = [line for line in out.splitlines() if line[:1].isdigit() and " | " in line]
    assert rows and all(len(line) <= 60 for line in rows)
    assert "1 | \u2026ivers (Okafor 2019), as Lemon (2019) says (Park, 2015;\u2026\n" in out
    assert render(report(), "full", width=10).count("\u2026") == render(report(), "full", width=44).count("\u2026")  # at least 40
