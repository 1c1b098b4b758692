from ..conftest import found, messages, suggestions


def test_near_miss_surname():
    text = """
    Evidence grows (Jonson, 2019; Mueler, 2020).

    References
    Johnson, Ann (2019). Evidence and policy. Policy Review, 4(1), 1-9.
    Müller, Karl (2020). Grenzen. Zeitschrift für Politik, 2(3), 5-7.
    """
    assert found(text) == [(1, 17, "RC104"), (1, 31, "RC104")]
    assert messages(text, "RC104") == [
        "(Jonson, 2019): no entry for Jonson; the reference list has Johnson (2019)",
        "(Mueler, 2020): no entry for Mueler; the reference list has Müller (2020)",
    ]
    assert suggestions(text, "RC104") == ["Johnson, 2019", "Müller, 2020"]


def test_different_coauthor():
    text = """
    It held (Gleason and Dunnay, 2022).

    References
    Gleason, Gregory, and Dunay, Pal (2022). CSTO deployment in Kazakhstan. The Diplomat.
    """
    assert messages(text, "RC104") == ["(Gleason and Dunnay, 2022): Dunnay is not an author of Gleason & Dunay (2022); the entry spells it Dunay"]
    assert suggestions(text, "RC104") == ["Gleason and Dunay, 2022"]


def test_authors_in_another_order():
    text = """
    It held (Dunay & Gleason, 2022).

    References
    Gleason, Gregory, and Dunay, Pal (2022). CSTO deployment in Kazakhstan. The Diplomat.
    """
    assert found(text) == [(1, 10, "RC104")]


def test_short_names_are_not_fuzzed():
    text = """
    It held (Li, 2019).

    References
    Lu, Wei (2019). A study. Journal, 1(1), 1-2.
    """
    assert found(text, "RC104") == []
    assert found(text, "RC101") == [(1, 10, "RC101")]
