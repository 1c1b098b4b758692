from ..conftest import found, messages

LIST = """
References
Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.
Moreau, A., Ito, K., & Kahn, L. (2001). Border regimes. Journal of Borders, 3(2), 10-20.
"""


def test_parenthetical_without_entry():
    text = "Trade grew (Lemon, 2018; Kumar, 2015).\n" + LIST
    assert found(text, "RC101") == [(1, 26, "RC101")]
    assert messages(text, "RC101") == ["(Kumar, 2015): no entry in the reference list for Kumar"]


def test_narrative_author_cue_without_entry():
    text = "As Okafor (2004) argues, borders matter (Lemon, 2018).\n" + LIST
    assert found(text, "RC101") == [(1, 4, "RC101")]


def test_same_first_author_other_coauthors_is_a_hint_not_a_link():
    text = "Borders shifted (Moreau & Diallo, 2010; Lemon, 2018).\n" + LIST
    assert messages(text, "RC101") == [
        "(Moreau & Diallo, 2010): no entry in the reference list for Moreau & Diallo; "
        "the list has Moreau, Ito & Kahn (2001)"
    ]


def test_places_events_and_dates_are_not_citations():
    text = (
        "After the withdrawal from Afghanistan (2021) and the Paris Agreement (2015), "
        "talks resumed (May 2022) under the CSTO (Collective Security Treaty Organization) "
        "for people (ages 25-30) in the years (1990-1995), see Moreau et al. (2001) and Lemon (2018).\n"
    ) + LIST
    assert found(text, "RC101") == []
    assert found(text) == []


def test_diacritics_case_and_leading_the_still_match():
    text = (
        "Views differ (Otkjaer, 2025; ASTANA TIMES, 2022; The Caspian Post, 2024).\n\n"
        "References\n"
        "Otkjær, Albert (2025). Kazakhstan's ambivalent relationship with the CSTO. The Diplomat.\n"
        "The Astana Times (2022). Kazakhstan announces its position. Astana Times.\n"
        "Caspian Post (2024). Budget spending to increase. Caspian Post.\n"
    )
    assert found(text) == []


def test_a_name_the_list_mentions_elsewhere_is_a_warning():
    from ..conftest import run

    text = """
    Borders moved (Halvorsen, 2019).

    References
    Lemon, Edward (2019). Borders in Central Asia. In K. Halvorsen (Ed.), Asian Borders (pp. 1-12). Oslo: Fjord Press.
    """
    (finding,) = [f for f in run(text).findings if f.code == "RC101"]
    assert (finding.severity.label, finding.message) == (
        "warning", "(Halvorsen, 2019): no entry in the reference list for Halvorsen; the list mentions Halvorsen at line 4")
