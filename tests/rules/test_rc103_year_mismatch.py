from ..conftest import found, messages, suggestions

LIST = """
References
Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.
Moreau, A., Ito, K., & Kahn, L. (2001). Border regimes. Journal of Borders, 3(2), 10-20.
"""


def test_narrative_year_mismatch_suggests_listed_year():
    text = "As Lemon (2019) notes, it matters (Moreau et al., 2001).\n" + LIST
    assert found(text) == [(1, 4, "RC103")]
    assert messages(text, "RC103") == ["Lemon (2019): the reference list has Lemon (2018)"]
    assert suggestions(text, "RC103") == ["Lemon (2018)"]


def test_et_al_citation_names_the_full_entry():
    text = "Borders (Moreau et al., 2004; Lemon, 2018).\n" + LIST
    assert messages(text, "RC103") == ["(Moreau et al., 2004): the reference list has Moreau, Ito & Kahn (2001)"]
    assert suggestions(text, "RC103") == ["Moreau et al., 2001"]


def test_same_year_no_finding():
    assert found("See Lemon (2018) and (Moreau et al., 2001).\n" + LIST, "RC103") == []


def test_picks_the_closest_of_several_years():
    text = """
    Both (Harvey, 1990) and (Harvey, 1996) wrote on time.

    References
    Harvey, David (1989). The Condition of Postmodernity. Oxford: Blackwell.
    Harvey, David (1996). Justice, Nature and the Geography of Difference. Oxford: Blackwell.
    """
    assert messages(text, "RC103") == ["(Harvey, 1990): the reference list has Harvey (1989) (also 1996)"]


def test_a_year_the_entry_mentions_is_a_warning():
    from ..conftest import run

    text = """
    Reason rules (Kant, 1998).

    References
    Kant, Immanuel (1781). Critique of Pure Reason. Reprinted 1998 by Fjord Press.
    """
    (finding,) = [f for f in run(text).findings if f.code == "RC103"]
    assert (finding.severity.label, finding.message) == (
        "warning", "(Kant, 1998): the reference list has Kant (1781); the entry also mentions 1998")
