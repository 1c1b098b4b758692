"""Finding the reference list and splitting it into entries."""

from __future__ import annotations

import pytest

from refcheck.extract.data import END_HEADINGS, REFERENCE_HEADINGS, TRAILER_PREFIXES
from refcheck.extract.sections import heading_text, locate

ENTRY_A = "Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12."
ENTRY_B = "Yuneman, Roman (2023). Kazakhstan's multi-vector foreign policy. Russia in Global Affairs, 21(2), 141-162."


def entries(text):
    section = locate(text)
    return [e.text for e in section.entries] if section else None


@pytest.mark.parametrize(
    "heading",
    ["References", "## References", "**Bibliography**", "Works Cited:", "7. References", "REFERENCES",
     "Referencias", "Bibliografía", "Références", "Literaturverzeichnis", "### Reference List", "Sources"],
)
def test_headings(heading):
    assert entries(f"Body (Lemon, 2018).\n\n{heading}\n{ENTRY_A}\n{ENTRY_B}\n") == [ENTRY_A, ENTRY_B]


def test_underlined_heading():
    assert entries(f"Body.\n\nReferences\n==========\n\n{ENTRY_A}\n\n{ENTRY_B}\n") == [ENTRY_A, ENTRY_B]


def test_ends_at_next_heading_and_at_trailing_note():
    text = f"References\n{ENTRY_A}\n{ENTRY_B}\nNote: The views expressed here are the author's own.\n"
    assert entries(text) == [ENTRY_A, ENTRY_B]
    text = f"## References\n\n{ENTRY_A}\n\n## Appendix\n\nSmith, J. (2020). Not a reference.\n"
    assert entries(text) == [ENTRY_A]
    text = f"References\n\n{ENTRY_A}\n\nFurther reading\n\n{ENTRY_B}\n"
    assert entries(text) == [ENTRY_A]


def test_wrapped_entries_and_bullets():
    text = (
        "References\n\n"
        "- Lemon, Edward (2018). Critical approaches to security\n"
        "  in Central Asia. Central Asian Survey, 37(1), 1-12.\n"
        "- Yuneman, Roman (2023). Kazakhstan's multi-vector foreign policy.\n"
        "1. Smith, J. (2020). Numbered.\n"
        "[2] Jones, K. (2021). Bracketed.\n"
    )
    assert entries(text) == [
        "Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.",
        "Yuneman, Roman (2023). Kazakhstan's multi-vector foreign policy.",
        "Smith, J. (2020). Numbered.",
        "Jones, K. (2021). Bracketed.",
    ]


def test_pdf_page_break_inside_an_entry():
    text = (
        "Bibliography\n\n"
        "Albert, J. (2021). Promoting a more innovative and\n\n"
        "inclusive society. Policy\nNotes.\n\n"
        "12\n\n"
        "Ang, A. (2019). The impact of trade on employment in the Philippines:\n\n"
        "Country report. ILO.\n"
    )
    assert entries(text) == [
        "Albert, J. (2021). Promoting a more innovative and inclusive society. Policy Notes.",
        "Ang, A. (2019). The impact of trade on employment in the Philippines: Country report. ILO.",
    ]


def test_table_of_contents_heading_loses_to_the_real_list():
    text = "Contents\n\nBibliography\n\nIntroduction\n\nBody text (Lemon, 2018) goes on.\n\nBibliography\n\n" + ENTRY_A + "\n"
    assert entries(text) == [ENTRY_A]


def test_no_heading_no_section():
    assert locate("Just text (Lemon, 2018).\n") is None


def test_data_tables_are_normalised():
    for table in (REFERENCE_HEADINGS, END_HEADINGS):
        assert all(heading_text(h) == h for h in table)
    assert all(p == p.lower() for p in TRAILER_PREFIXES)
    assert not REFERENCE_HEADINGS & END_HEADINGS


def test_blank_lines_are_skipped_as_headings():
    # locate() skips blank lines before normalising: that holds only while "" is no heading
    assert "" not in REFERENCE_HEADINGS and heading_text("   ") == ""


@pytest.mark.parametrize(
    "head, shaped",
    [("Smith, J., & Lee, K.", True), ("Smith, J., 3rd", False), ("Smith, J., \u00b2", False), ("Smith, J., \u0663", False),
     ("M\u00fcller, J.", True)],
)
def test_author_heads_hold_no_digit_of_any_script(head, shaped):
    from refcheck.extract.sections import _author_shaped

    assert _author_shaped(head) is shaped


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_HEAD_WORDS = ["Lemon,", "A.,", "&", "&x", "(Okafor,", "[NASA]", "(Ed.)", "and", "the", "van", "d'Arc", "al-Farabi",
               "text", "Ärzte", "“Quoted”", "A/B", "—", "É.", "x&"]


@given(st.lists(st.sampled_from(_HEAD_WORDS), min_size=1, max_size=8), st.sampled_from(["", " ", "  "]))
def test_a_capitalised_author_part_is_judged_as_word_by_word(words, tail):
    # _author_shaped passes a head whose every word opens with a capital or is "&"
    # without its word-by-word test: the test must agree, and judge every other head
    from refcheck.extract import sections

    head = " ".join(words) + tail
    assert sections._author_shaped(head) == sections._name_words(head.split())


def test_dash_and_abnt_heads_still_open_entries():
    from refcheck.extract.sections import looks_like_entry_start

    assert looks_like_entry_start("———. 1996. Trade and water. Journal of Trade, 3(1), 1-9.")
    assert looks_like_entry_start("SILVA, J. A.; SOUZA, M. Trade and water. Lisboa: Lima, 2019.")
    assert looks_like_entry_start("D'AVILA, J. A. Trade and water. Lisboa: Lima, 2019.")
    assert looks_like_entry_start("BRASIL. Ministério da Educação. Trade. Brasília: MEC, 2008.")
