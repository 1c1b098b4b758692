from ..conftest import found, messages, suggestions

LIST = """
References
Abbasova, Vusala (2022). President Tokayev says Kazakhstan will not recognize Donetsk. Caspian News.
Dukeev, Berikbol (2023). Kazakhstan cautiously builds ties with China. Jamestown Foundation.
Yuneman, Roman (2023). Kazakhstan's multi-vector foreign policy. Russia in Global Affairs, 21(2), 141-162.
"""


def test_minority_form_is_reported():
    text = "Trade (Dukeev, 2023). Policy (Abbasova, 2022). Sanctions (Yuneman 2023).\n" + LIST
    assert found(text) == [(1, 59, "RC109")]
    assert suggestions(text, "RC109") == ["(Yuneman, 2023)"]


def test_no_majority_no_finding():
    text = "Trade (Dukeev, 2023). Sanctions (Yuneman 2023).\n" + LIST.replace("Abbasova", "Zz")
    assert found(text, "RC109") == []


def test_impossible_year():
    text = "Trade (Dukeev, 20233; Abbasova, 2022; Yuneman, 2023).\n" + LIST
    assert messages(text, "RC109") == ["(Dukeev, 20233): 20233 is not a possible year"]
    assert found(text, "RC103") == [(1, 8, "RC103")]


def test_far_future_year():
    text = "Trade (Dukeev, 2023; Abbasova, 2022; Yuneman, 2099).\n" + LIST
    assert messages(text, "RC109") == ["(Yuneman, 2099): 2099 is not a possible year"]


def test_missing_separator():
    text = "Trade (Dukeev, 2023 Abbasova, 2022; Yuneman, 2023).\n" + LIST
    assert found(text, "RC109") == [(1, 21, "RC109")]
    assert messages(text, "RC109") == ["(Abbasova, 2022): no ';' between this work and the one before it"]
