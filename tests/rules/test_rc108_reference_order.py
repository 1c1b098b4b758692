from ..conftest import found, messages


def test_entry_out_of_order():
    text = """
    Both agree (Lemon, 2018; Abbasova, 2022; Yuneman, 2023).

    References
    Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.
    Abbasova, Vusala (2022). President Tokayev says Kazakhstan will not recognize Donetsk. Caspian News.
    Yuneman, Roman (2023). Kazakhstan's multi-vector foreign policy. Russia in Global Affairs, 21(2), 141-162.
    """
    assert found(text) == [(5, 1, "RC108")]
    assert messages(text, "RC108") == ["Abbasova (2022) is out of order: it follows Lemon (2018)"]


def test_leading_the_either_way_and_diacritics():
    text = """
    See (Sullivan, 2019; The Astana Times, 2022; Ödegaard, 2020; Otkjær, 2025).

    References
    Ödegaard, Ann (2020). A title here. Journal, 1(1), 1-2.
    Otkjær, Albert (2025). Kazakhstan's ambivalent relationship with the CSTO. The Diplomat.
    Sullivan, Charles (2019). End of an era? Kazakhstan and the fate of multivectorism. Central Asia Papers.
    The Astana Times (2022). Kazakhstan announces its position. Astana Times.
    """
    assert found(text) == []


def test_same_author_by_year():
    text = """
    Both (Harvey, 1996; Harvey, 1989).

    References
    Harvey, David (1996). Justice, Nature and the Geography of Difference. Oxford: Blackwell.
    Harvey, David (1989). The Condition of Postmodernity. Oxford: Blackwell.
    """
    assert found(text) == [(5, 1, "RC108")]
