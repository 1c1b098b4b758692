"""Citation forms of real documents: ABNT's ";" between co-authors, "/" and other
conjunctions, lead-in words, cues in other languages, original dates, links and
wikilinks, bare eLife citations, group abbreviations, short titles."""

from __future__ import annotations

import pytest

from refcheck.api import check_text
from refcheck.extract.citations import scan


def read(text: str) -> list[tuple[tuple[str, ...], str]]:
    return [(c.authors, c.year) for c in scan(text) if not c.weak]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Como visto (LIMA; COSTA, 2019), o rio.", [(("LIMA", "COSTA"), "2019")]),
        ("Visto (LIMA; COSTA; ROCHA, 2019, p. 4; SOUZA, 2015).", [(("LIMA", "COSTA", "ROCHA"), "2019"), (("SOUZA",), "2015")]),
        ("Visto (Lima, 2019; Costa, 2020).", [(("Lima",), "2019"), (("Costa",), "2020")]),
        ("Visto (apud ROCHA, 2022) e (cf. LIMA, 2012, p.15).", [(("ROCHA",), "2022"), (("LIMA",), "2012")]),
        ("(Meyer/Weber 2012)", [(("Meyer", "Weber"), "2012")]),
        ("laut Meyer/Weber (2012) gilt", [(("Meyer", "Weber"), "2012")]),
        ("(Roth u. Vogel 2010)", [(("Roth", "Vogel"), "2010")]),
        ("(Lind och Berg 2010)", [(("Lind", "Berg"), "2010")]),
        ("(Lima e Costa, 2019)", [(("Lima", "Costa"), "2019")]),
        ("(Okafor et Lind, 2018)", [(("Okafor", "Lind"), "2018")]),
        ("(für weitere Hinweise, Meyer et al. 2014)", [(("Meyer",), "2014")]),
        ("(Tan [1961] 2001)", [(("Tan",), "2001")]),
        ("(Tan [350 BCE] 1998, 1094a)", [(("Tan",), "1998")]),
        ("as Lind and Berg ([1979] 1986) show", [(("Lind", "Berg"), "1986")]),
        ("similar results by Lind and Lind, (2001), as", [(("Lind", "Lind"), "2001")]),
        ("Importantly, Okafor and Lind (2000) show", [(("Okafor", "Lind"), "2000")]),
        ("Segundo Lima (2019), o rio", [(("Lima",), "2019")]),
        ("para Costa (1989) o rio", [(("Costa",), "1989")]),
        # a range is weak (a period as often as a work): kept only when it links
        ("(Lind, 2015–2020; Berg, in press-a)", [(("Berg",), "in press")]),
        ("(LIMA et al ., 2005)", [(("LIMA",), "2005")]),  # a space before the full stop of "al."
        ("(\"River Talk,\" n.d.)", [(("River Talk",), "n.d.")]),
        ("(National Oceanic Agency [NOA], 2020)", [(("National Oceanic Agency",), "2020")]),
        ("(Okafor v. Delta Port Authority, 1994)", [(("Okafor v. Delta Port Authority",), "1994")]),
    ],
)
def test_forms(text, expected):
    assert read(text) == expected


def test_a_book_number_between_a_name_and_its_year_is_no_co_author():
    # classical works cited by book: "(EPICTETO, III, 1993, p. 335)"; the numeral alone is
    # no author (weak: kept only when it links); "XI" stays a name (Xi in capitals)
    assert [(c.authors, c.year, c.weak) for c in scan("(LIMA, III, 1993, p. 3) e (III, 1993, p. 321) e (LI; XI, 2019)")] == [
        (("LIMA",), "1993", False), (("III",), "1993", True), (("LI", "XI"), "2019", False)]
    # book and section before the year: "VII 187" is no three-digit year
    assert [(c.authors, c.year, c.comma) for c in scan("(LAERCIO, VII 187, 2010, p. 293)")] == [(("LAERCIO",), "2010", True)]


def test_a_kelly_is_not_a_lead_in():
    assert read("Kelly, Okafor and Lind (2019) show") == [(("Kelly", "Okafor", "Lind"), "2019")]


def test_roman_volume_and_product_numbers_are_weak():
    assert [c.weak for c in scan("the dye (Hoechst 33342) was")] == [True]


LIST = """
## References

Berg, S. (2021). Northern trade. Fjord Press.

Climate outlook for the coming decade. (2019). Weather Office.

Lind, P., & Berg, S. (2007). Harbours. Fjord Press.

National Alliance on River Health. (2019). River facts. https://narh.example/f

Okafor, N. (2019). Rivers of the delta. Delta Press.
"""


def links(text: str) -> list[tuple[str, str]]:
    result = check_text(text + LIST, "doc.md")
    refs = {r.id: r for r in result.references}
    return [(c.text, refs[result.links[c.id]].authors[0].family if c.id in result.links else "-") for c in result.citations]


def test_links_in_markdown_and_wikilinks():
    text = "It grew ([Okafor, 2019](https://delta.example/okafor)) and fell ([[berg-notes|Berg, 2021]]); [Lind and Berg](https://h.example) (2007) agree."
    assert links(text) == [("Okafor, 2019", "Okafor"), ("Berg, 2021", "Berg"), ("Lind and Berg](https://h.example) (2007)", "Lind")]


def test_bare_citations_link_only_when_they_match():
    text = "In a previous attempt, Lind and Berg, 2007 sailed north, and Paris, 2019 was busy."
    assert links(text) == [("Lind and Berg, 2007", "Lind")]


def test_abbreviations_and_short_titles():
    text = "Rivers matter (NARH, 2019) and will warm (Climate Outlook, 2019)."
    assert links(text) == [("NARH, 2019", "National Alliance on River Health"), ("Climate Outlook, 2019", "Climate outlook for the coming decade")]


def test_a_year_range_links_to_its_entry_and_a_period_is_no_citation():
    text = "Records (Okafor, 2015–2020) exist. Second Term (2013–2017) was calm.\n\n## References\n\nOkafor, N. (2015–2020). Records. Delta Press.\n"
    result = check_text(text, "doc.md")
    assert [(c.text, result.link_kinds[c.id]) for c in result.citations] == [("Okafor, 2015–2020", "exact")]
    assert not result.findings


def test_a_translation_year_links():
    text = "Como diz Garcia (2003), o rio.\n\n## Referências\n\nGARCIA, L. Der Fluss. Frankfurt: Main Verlag, 1983 (Trad. cast. El río. Madrid: Sur, 2003).\n"
    result = check_text(text, "doc.md")
    assert result.link_kinds == {"C1": "exact"} and not result.findings
