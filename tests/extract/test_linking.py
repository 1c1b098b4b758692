"""Normalisation and linking."""

from __future__ import annotations

import pytest

from refcheck.extract.linking import osa_distance
from refcheck.extract.names import fold, name_key, name_keys

from ..conftest import run


@pytest.mark.parametrize(
    "a, b",
    [("Otkjær", "Otkjaer"), ("The Astana Times", "Astana Times"), ("Gosselin-Malo", "Gosselin Malo"),
     ("O'Brien", "OBrien"), ("Müller", "Muller"), ("ŁUKASZ", "lukasz")],
)
def test_name_keys_equal(a, b):
    assert name_key(a) == name_key(b)


def test_particles_and_umlauts_give_extra_keys():
    assert name_keys("van Dijk") == ("vandijk", "dijk")
    assert name_keys("al-Farabi") == ("alfarabi", "farabi")
    assert name_keys("Müller") == ("muller", "mueller")
    assert fold("Rocklöv") == "Rocklov"


@pytest.mark.parametrize("a, b, d", [("jonson", "johnson", 1), ("smith", "smiht", 1), ("abc", "xyz", 3), ("kitten", "sitting", 3)])
def test_osa_distance(a, b, d):
    assert osa_distance(a, b, 5) == d


def test_et_al_expands_to_the_entry_and_and_matches_ampersand():
    result = run("""
    See Vanderhill et al. (2020) and (Gleason & Dunay, 2022).

    References
    Gleason, Gregory, and Dunay, Pal (2022). CSTO deployment. The Diplomat.
    Vanderhill, Rachel, Sandra F. Joireman, and Roza Tulepbayeva (2020). Between the bear and the dragon. International Affairs, 96(4), 975-993.
    """)
    assert result.links == {"C1": "R2", "C2": "R1"}
    assert result.findings == []


def test_spanish_double_surname_cited_by_first_surname():
    result = run("""
    Se aplica a imágenes médicas (Serrano, 2026, p. 4).

    Referencias
    Serrano Avendaño, K. (2026). Framework para la integración de SHAP. Universidad de Costa Rica.
    """)
    assert result.links == {"C1": "R1"}


def test_possessive_owner_of_a_titled_work():
    result = run("""
    John Locke’s A Letter Concerning Toleration (1689) was decisive.

    Bibliography
    Locke, J., 1689, A Letter Concerning Toleration, Indianapolis: Hackett, 1983.
    """)
    assert result.links == {"C1": "R1"}
    assert result.citations[0].text == "Locke’s A Letter Concerning Toleration (1689)"


def test_corporate_abbreviation_alias():
    result = run("""
    Heat kills (WHO, 2020).

    References
    World Health Organization (WHO) (2020). Heat and health. Geneva: WHO.
    """)
    assert result.links == {"C1": "R1"}


def test_ancient_three_digit_years_link_but_never_stand_alone():
    result = run("""
    He wrote so (Augustine 408, letter # 93), as Goethe (1829, 507, transl. by the author) recalls.
    Airlines flew (Boeing 747) and pages were cited (Held 1995, 123).

    Bibliography
    -   Augustine, 408, Letters, Vol. I, New York: Fathers of the Church, 1951.
    -   Goethe, J. W., 1829, Maximen und Reflexionen, Frankfurt am Main: Insel, 1981.
    -   Held, David, 1995, Democracy and the Global Order, Stanford: Stanford University Press.
    """)
    assert [(c.text, c.year, result.links.get(c.id)) for c in result.citations] == [
        ("Augustine 408", "408", "R1"), ("Goethe (1829, 507, transl. by the author)", "1829", "R2"), ("Held 1995, 123", "1995", "R3"),
    ]
    assert result.findings == []


def _full_osa(a: str, b: str) -> int:
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@given(st.text(alphabet="abcde", max_size=9), st.text(alphabet="abcde", max_size=9), st.integers(0, 3))
def test_banded_osa_agrees_with_the_full_table(a, b, limit):
    full = _full_osa(a, b)
    assert osa_distance(a, b, limit) == (full if full <= limit else limit + 1)


from refcheck.extract.linking import Index, one_edit  # noqa: E402
from refcheck.extract.names import name_key as _key  # noqa: E402
from refcheck.model import Author, Reference, Span  # noqa: E402


@given(st.text(alphabet="abc", max_size=8), st.text(alphabet="abc", max_size=8))
def test_one_edit_is_an_osa_distance_of_one(a, b):
    assert one_edit(a, b) == (_full_osa(a, b) == 1)


@given(st.text(alphabet="abc", min_size=1, max_size=8), st.text(alphabet="abc", min_size=1, max_size=8))
def test_keys_sharing_a_deletion_variant_are_within_two_edits(a, b):
    # near_keys scores its candidates 1 or 2 without a table because of this
    variants = lambda k: {k} | {k[:i] + k[i + 1:] for i in range(len(k))}  # noqa: E731
    if variants(a) & variants(b):
        assert _full_osa(a, b) <= 2


def _ref(number: int, family: str, year: str, corporate: bool = False) -> Reference:
    return Reference(f"R{number}", Span(0, 1), "", authors=(Author(family),), corporate=corporate, year=year)


def test_near_keys_finds_every_key_that_shares_a_variant():
    # "Lemonade", "Lemonode" and "Lmonadee" share variants ("lemonde", "lmonade"), so the
    # index holds several keys under one variant (a list) beside single ones (strings)
    refs = [_ref(1, "Lemonade", "2001"), _ref(2, "Lemonode", "2001"), _ref(3, "Lemonadex", "2001"),
            _ref(4, "Lemonadr", "1999"), _ref(5, "Kalomerix", "2001"), _ref(6, "Lmonadee", "2001")]
    index = Index(refs)
    assert index.near["lemonde"] == ["lemonade", "lemonode"] and index.near["kalomeri"] == "kalomerix"
    assert index.near_keys("Lemonad", "2001") == [(1, "lemonade")]  # "lemonode" is two edits: over the limit
    assert index.near_keys("Lemonaed", None) == [(1, "lemonade"), (2, "lemonadr")]  # a transposition; two edits
    assert index.near_keys("Lmonadee", None) == [(2, "lemonade")]
    assert index.near_keys("Lemonadee", "2001") == [(1, "lemonade"), (1, "lemonadex"), (1, "lmonadee")]
    # keys with an entry from the year, when some have one; otherwise all of them
    assert index.near_keys("Lemonade", "1999") == [(1, "lemonadr")]
    assert index.near_keys("Lemonadz", "1850") == [(1, "lemonade"), (1, "lemonadr")]
    assert index.near_keys("Lemo", "2001") == []  # too short to fuzz


def test_lookup_of_one_unlisted_key_still_tries_the_initialism():
    refs = [_ref(1, "National Alliance on Mental Illness", "2020", corporate=True), _ref(2, "Nami", "2019")]
    index = Index(refs)
    assert [r.id for r in index.lookup("Nami")] == ["R2"]
    assert [r.id for r in Index(refs[:1]).lookup("NAMI")] == ["R1"]
    assert [r.id for r in index.lookup("van Nami")] == ["R2"]  # two keys: "vannami", "nami"


def test_short_title_lookup_only_among_corporate_entries_of_the_year():
    refs = [_ref(1, "Climate outlook for the coming decade", "2019", corporate=True)]
    index = Index(refs)
    assert [r.id for r in index.by_short_title(("Climate Outlook",), "2019")] == ["R1"]
    assert index.by_short_title(("Climate Outlook",), "2020") == []


def test_name_key_fast_paths_keep_the_rules():
    # "the" is dropped only as a word; a plain ASCII word is its own key
    assert [_key(n) for n in ("Theodore", "The  Astana Times", "THE Lancet", "Thé Rouge", "lemon")] == [
        "theodore", "astanatimes", "lancet", "rouge", "lemon"]
    assert name_keys("EL-Said") == ("elsaid", "said") and name_keys("Al-") == ("al",)
    assert name_keys("Alba") == ("alba",) and name_keys("-") == ()


def test_one_plain_word_fast_path_agrees_with_the_full_rules():
    # a word of ASCII letters and digits skips folding; anything else still takes the full rules
    assert [name_keys(n) for n in ("Smith", "The", "R2D2", "Thesmith", "")] == [
        ("smith",), ("the",), ("r2d2",), ("thesmith",), ()]
    assert [name_key(n) for n in ("Smith", "The", "O'Neil", " Smith", "Smïth", "Van Dijk")] == [
        "smith", "the", "oneil", "smith", "smith", "vandijk"]
    assert name_keys("Ñuñez") == ("nunez",) and name_keys("Mü") == ("mu", "mue")


def test_author_keys_of_one_word_families_and_of_the_rest():
    # a one-word family without aliases is keyed by name_keys alone; the others keep their extra keys
    from dataclasses import replace

    from refcheck.extract.linking import author_keys

    assert author_keys(_ref(1, "Smith", "2019")) == ("smith",)
    assert author_keys(_ref(1, "Müller", "2019")) == ("muller", "mueller")
    assert author_keys(replace(_ref(1, "Smith", "2019"), aliases=("Smyth",))) == ("smith", "smyth")
    assert author_keys(replace(_ref(1, "WHO", "2019", corporate=True), aliases=("World Health Organization",))) == (
        "who", "worldhealthorganization")
    assert author_keys(_ref(1, "Serrano Avendaño", "2019")) == ("serranoavendano", "serrano")
    assert author_keys(_ref(1, "Design and Research, P.C.", "2019", corporate=True)) == ("designandresearchpc", "designandresearch")
    assert author_keys(_ref(1, "van Dijk", "2019")) == ("vandijk", "dijk")


@given(st.lists(st.tuples(st.text(alphabet="abk", min_size=1, max_size=7), st.sampled_from(["2001", "2002"])),
                max_size=12),
       st.text(alphabet="abk", min_size=1, max_size=8), st.sampled_from(["2001", "2002", None]))
def test_near_keys_agree_with_every_pair_compared(listed, cited, year):
    # the index is built with one probe per variant; a key whose own deletions are
    # equal ("kaaka": "kaka" twice) and variants several keys share must not be missed
    refs = [_ref(i, family.capitalize(), y) for i, (family, y) in enumerate(listed, start=1)]
    index = Index(refs)
    variants = lambda k: {k} | {k[:i] + k[i + 1:] for i in range(len(k))}  # noqa: E731
    key, keys = _key(cited), {_key(r.authors[0].family) for r in refs}
    limit = 0 if len(key) < 4 else 1 if len(key) < 8 else 2
    seen = {k for k in keys if len(k) >= 4 and k != key and variants(k) & variants(key)} if limit else set()
    dated = {k for k in seen if any(r.year == year for r in refs if _key(r.authors[0].family) == k)}
    seen = dated or seen
    expected = sorted((_full_osa(key, k), k) for k in seen if _full_osa(key, k) <= limit)
    assert index.near_keys(cited, year) == expected
    batched = Index(refs)  # the lookups link() makes in one batch
    if limit:
        batched.share_variants({key})
    batched.deferring = True  # an unasked key would raise Deferred
    assert batched.near_keys(cited, year) == expected and batched._near is None


def test_a_key_whose_deletions_repeat_is_listed_once_under_them():
    assert Index([_ref(1, "Kaaka", "2001")]).near["kaka"] == "kaaka"
    assert Index([_ref(1, "Kaka", "2001"), _ref(2, "Kaaka", "2001")]).near["kaka"] == ["kaka", "kaaka"]


def test_candidates_that_wait_for_a_near_miss_lookup_keep_their_place_and_reading():
    # link() defers the near-miss lookups to one batch: the candidates that need one
    # (a misspelt name; a listed name with another year beside a misspelt entry of the
    # year; a weak and a bare reading that nothing or only a near miss fits, dropped)
    # are linked as one by one, in text order
    from refcheck.extract import citations
    from refcheck.extract.linking import _kept, _resolve, link

    text = ("Trade grew (Lemonade, 2001). As Lemonode (2001) notes, it fell (Kalomerix, 1999). "
            "Water rose (Lappe et al., 1999; Kalomerx, 1999). In January Lemonadx (2001) met, as Lemonadw, 2001 showed. "
            "Again (Lemonade, 2001) and (Lemonadw, 2001; Lemonadw, 2001).")
    refs = [_ref(1, "Lemonade", "2001"), _ref(2, "Kalomerix", "1999"), _ref(3, "Lappe", "2003"),
            Reference("R4", Span(0, 1), "", authors=(Author("Lpape"), Author("Bremmer"), Author("Ito")), year="1999")]
    found = citations.scan(text)
    one_by_one = []
    for candidate in found:
        kept = _kept(candidate, _resolve(candidate, Index(refs)))
        if kept is not None:
            one_by_one.append(kept)
    linked = link(found, refs)
    assert linked == one_by_one
    assert [(c.authors, lk.kind) for c, lk in linked] == [
        (("Lemonade",), "exact"), (("Lemonode",), "fuzzy"), (("Kalomerix",), "exact"), (("Lappe",), "fuzzy"),
        (("Kalomerx",), "fuzzy"), (("Lemonade",), "exact"), (("Lemonadw",), "fuzzy"), (("Lemonadw",), "fuzzy"),
    ]


def test_a_one_author_citation_prefers_the_one_author_entry_to_an_et_al_entry():
    # ABNT writes "et al." in the list itself: that entry has more than one author
    result = run("""
    Há escalas para isso (TAVARES, 2015; TAVARES et al., 2015).

    REFERÊNCIAS
    TAVARES, R. Uma escala de atitudes sociais. Revista de Estudos, v. 3, n. 1, p. 1-9, 2015.
    TAVARES, R. et al. Atitudes em mudança. Revista de Ensino, v. 7, n. 2, p. 10-20, 2015.
    """, style="abnt")
    assert result.links == {"C1": "R1", "C2": "R2"}
    assert [f.code for f in result.findings] == []
