"""Reference entries in the styles real documents use: ABNT, Chicago with original
dates and name lists, Vancouver-style author lists, APA 7 forms, German "/" lists."""

from __future__ import annotations

import pytest

from refcheck.extract.references import parse_entry
from refcheck.extract.sections import Entry


def parse(text: str):
    return parse_entry(Entry(0, len(text), text), "R1")


def families(text: str) -> list[str]:
    return [a.family for a in parse(text).authors]


@pytest.mark.parametrize(
    "text, names, year, title",
    [
        ("SOUZA, M. A. Rios do sertão. Recife: Editora Norte, 2015.", ["SOUZA"], "2015", "Rios do sertão"),
        ("LIMA, J.; COSTA, R. T. Portos do sul. Revista de Águas, v. 3, n. 2, p. 10-20, 2019.", ["LIMA", "COSTA"], "2019", "Portos do sul"),
        ("PEREIRA, Ana Clara. Cidades e rios: uma história. 2. ed. Lisboa: Tejo, 2008.", ["PEREIRA"], "2008", "Cidades e rios: uma história"),
        ("MOURA, F. et al. Pesca artesanal. Belém: Pará Editora, 2001.", ["MOURA"], "2001", "Pesca artesanal"),
        ("ARAGÃO, T. A praia. Jornal do Porto, 12 out. 2020.", ["ARAGÃO"], "2020", "A praia"),
        ("MINISTÉRIO DAS CIDADES. Plano de águas. Brasília: MC, 2011.", ["MINISTÉRIO DAS CIDADES"], "2011", "Plano de águas"),
        ("GARCIA, L. Der Fluss. Frankfurt: Main Verlag, 1983 (Trad. cast. El río. Madrid: Sur, 2003).", ["GARCIA"], "1983", "Der Fluss"),
    ],
)
def test_abnt_entries(text, names, year, title):
    ref = parse(text)
    assert ([a.family for a in ref.authors], ref.year, ref.title) == (names, year, title)


def test_abnt_translation_year_is_another_year_of_the_work():
    assert parse("GARCIA, L. Der Fluss. Frankfurt: Main Verlag, 1983 (Trad. cast. El río. Madrid: Sur, 2003).").other_years == ("2003",)


def test_abnt_entry_without_a_year_keeps_its_author():
    ref = parse("ROCHA, P. Notas sobre o porto. Dissertação (Mestrado) – Universidade do Litoral.")
    assert (families("ROCHA, P. Notas sobre o porto. Dissertação (Mestrado) – Universidade do Litoral."), ref.year, ref.problem) == (
        ["ROCHA"], None, "no year or date found")


def test_harvard_capitals_are_not_abnt():
    ref = parse("OKAFOR, N. and LIND, P., 2019. Rivers of the delta. Journal of Water, vol. 4, pp. 10-20.")
    assert ([a.family for a in ref.authors], ref.year, ref.title) == (["OKAFOR", "LIND"], "2019", "Rivers of the delta")


@pytest.mark.parametrize(
    "text, names, year, other",
    [
        ("Okafor, Nkem. (1961) 2001. Rivers of the Delta. Lagos: Delta Press.", ["Okafor"], "2001", ("1961",)),
        ("Lind, Pia, and Sven Berg. [1979] 1986. Harbour Life. Oslo: Fjord Press.", ["Lind", "Berg"], "1986", ("1979",)),
        ("Tan, Wei. (350 BCE) 1998. On Rivers. Translated by Ann Low. Oxford: Oxford University Press.", ["Tan"], "1998", ()),
        ("Okafor, N. (1998). Rivers (A. Low, Trans.). Delta Press. (Original work published 1923)", ["Okafor"], "1998", ("1923",)),
    ],
)
def test_original_dates(text, names, year, other):
    ref = parse(text)
    assert ([a.family for a in ref.authors], ref.year, ref.other_years) == (names, year, other)


@pytest.mark.parametrize(
    "text, names",
    [
        ("Okafor, Nkem, Pia Lind, and Sven Berg. 2019. “Rivers.” Water 4 (2): 1–9.", ["Okafor", "Lind", "Berg"]),
        ("Dey, Ama, and Kofi Das. 2017. “Why Tattoo?” Anthropology 5 (1).", ["Dey", "Das"]),
        ("Kubo, Ren, dir. 1999. Night Rivers. Tokyo: Kawa Films.", ["Kubo"]),
        ("Lind, Pia, ed. 2004. Harbours. Oslo: Fjord Press.", ["Lind"]),
        ("Berg, Sven, trans. 2010. Old Ports. Oslo: Fjord Press.", ["Berg"]),
        ("Meyer, Clara / Weber, Jonas (2019): Häfen. Berlin: Hafen Verlag.", ["Meyer", "Weber"]),
        ("Roth, Lena u. Vogel, Tim (2015): Flüsse. Köln: Rhein Verlag.", ["Roth", "Vogel"]),
        ("Hunt, A. (Host). (2021, May 3). Rivers (No. 4) [Audio podcast episode]. In River Talk. Delta Radio.", ["Hunt"]),
        ("Mills, K., & Orr, B. (Executive Producers). (2018). Harbour [TV series]. Coast Studios.", ["Mills", "Orr"]),
    ],
)
def test_chicago_name_lists_roles_and_separators(text, names):
    assert families(text) == names


@pytest.mark.parametrize(
    "text, names",
    [
        ("Chen D-H, Baker ML, Hryc CF, et al. 2011. Rivers. J Water 3:1–9.", ["Chen", "Baker", "Hryc"]),
        ("Ou X, Xu J, Le Roux P. 2018. Ports. Harbour Res 2:10–19.", ["Ou", "Xu", "Le Roux"]),
        ("Takayama K-I, Ito M. 2012. Deltas. Coast 7:3–4.", ["Takayama", "Ito"]),
        ("De Lucca E, Smith J. 2011. Tides. Sea 1:1–2.", ["De Lucca", "Smith"]),
        ("OKAFOR NK, Lind P. 1963. Old rivers. Water 2:3–4.", ["OKAFOR", "Lind"]),
        ("Water Quality Collaboration. 2015. Estimating river health. Science 349:aac4716.", ["Water Quality Collaboration"]),
        ("R Core Team. 2020. R: A language and environment. Vienna: R Foundation.", ["R Core Team"]),
    ],
)
def test_vancouver_author_lists(text, names):
    assert families(text) == names


def test_a_long_author_list_keeps_its_year():
    names = ", ".join(f"Author{chr(65 + i // 26)}{chr(97 + i % 26)} {chr(65 + i % 26)}" for i in range(60))
    ref = parse(f"{names}. 2017. A census of the river cells. eLife 6:e27041.")
    assert (len(ref.authors), ref.year, ref.title) == (60, "2017", "A census of the river cells")


@pytest.mark.parametrize(
    "text, family, year, suffix, title",
    [
        ("Lind, P. (2015–2020). Shipping records. Malmo Press.", "Lind", "2015–2020", "", "Shipping records"),
        ("Berg, S. (2015–present). Ports of the north [Data set]. Oslo Press.", "Berg", "2015–present", "", "Ports of the north [Data set]"),
        ("Okafor, N. (in press-a). Trade winds. Lagos Press.", "Okafor", "in press", "a", "Trade winds"),
        ("Climate outlook for the coming decade. (2019). Weather Office.", "Climate outlook for the coming decade", "2019", "",
         "Climate outlook for the coming decade"),
        ("Okafor v. Delta Port Authority, 512 U.S. 218 (1994).", "Okafor v. Delta Port Authority", "1994", "",
         "Okafor v. Delta Port Authority"),
        ("Clean Rivers Act of 1972, Pub. L. No. 92-500, 86 Stat. 816 (1972).", "Clean Rivers Act of 1972", "1972", "",
         "Clean Rivers Act of 1972"),
        ("National Oceanic Agency [NOA]. (2020). Tide tables. https://noa.example/tides", "National Oceanic Agency", "2020", "",
         "Tide tables"),
    ],
)
def test_apa7_forms(text, family, year, suffix, title):
    ref = parse(text)
    assert (ref.authors[0].family, ref.year, ref.year_suffix, ref.title) == (family, year, suffix, title)
    assert ref.problem is None


def test_group_author_aliases_both_ways():
    assert parse("National Oceanic Agency [NOA]. (2020). Tide tables.").aliases == ("NOA",)
    assert parse("BSO (British Shipping Office). (2018). Safety at sea. BSO.").aliases == ("British Shipping Office",)


@pytest.mark.parametrize(
    "text, title",
    [
        ("Aslin, R. 2007. What is in a look? Developmental Science 10, 48–53.", "What is in a look?"),
        ("Castle, N. 2000: Which rivers, for what towns? Water and Planning A 32, 2091–2095.", "Which rivers, for what towns?"),
        ("Okafor, N., 1991, The optical survey of rivers, Computers and the Rivers 25 (1): 47-53.", "The optical survey of rivers"),
        ("Lind, P. (1988), The Theory of Harbours (Cambridge: Cambridge University Press).", "The Theory of Harbours"),
        ("Berg, S. (2005). The harbour plan (5th ed.). Fjord Press.", "The harbour plan"),
        ("Tan, W. (1999). “Like” and river talk: sorting fact from myth. Speech, 82(4), 386-416.",
         "“Like” and river talk: sorting fact from myth"),
        ("Ruiz, D. (2001). “Between the tides.” Coastal Affairs 9 (4): 1-9.", "Between the tides"),
        ("Wolf, Ann. 2001[1953]. River Investigations. Malden: Delta Publishing.", "River Investigations"),
    ],
)
def test_titles(text, title):
    assert parse(text).title == title


@pytest.mark.parametrize(
    "text, book",
    [
        ("Lemon, E. (2018). Steppe. In J. Smith & K. Lee (Eds.), Central Asian politics (pp. 1-12). Routledge.", "Central Asian politics"),
        ("Okafor, N. (2021). Rivers. In Encyclopedia of water (2nd ed., Vol. 3, pp. 44-50). Delta Press.", "Encyclopedia of water"),
        ("Tan, W. (2019). Tides. In Coastal studies (pp. 10-20).", "Coastal studies"),
    ],
)
def test_chapters_name_the_book(text, book):
    assert parse(text).container == book


@pytest.mark.parametrize(
    "text, names, year, title, container",
    [
        # the year comes last (Chicago notes, MLA-like forms): the names end at the quoted title
        ("Lind, P. and S. Berg, “The End of Ports?” In Frances Okafor and Margaret Tan, eds., Who Gets What? (forthcoming).",
         ["Lind", "Berg"], "forthcoming", "The End of Ports?", "Frances Okafor and Margaret Tan, eds., Who Gets What?"),
        ('Okafor, Nkem, and Pia Lind. "Delta rivers: A review." Summary of key findings. Water Report 75 (2013).',
         ["Okafor", "Lind"], "2013", "Delta rivers: A review", "Summary of key findings"),
        # a quotation inside a name that follows no comma or full stop stays in the name
        ('Friends of the "Delta", Inc. (2019). Annual report. Delta Press.',
         ['Friends of the "Delta", Inc'], "2019", "Annual report", "Delta Press"),
    ],
)
def test_a_quoted_title_before_a_late_year_ends_the_names(text, names, year, title, container):
    ref = parse(text)
    assert (families(text), ref.year, ref.title, ref.container) == (names, year, title, container)
