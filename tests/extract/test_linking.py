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
