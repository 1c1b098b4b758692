from ..conftest import found, messages, run, suggestions

LIST = """
References
Gleason, Gregory, and Dunay, Pal (2022). CSTO deployment in Kazakhstan. The Diplomat.
Moreau, A., Ito, K., & Kahn, L. (2001). Border regimes. Journal of Borders, 3(2), 10-20.
Vanderhill, R., Joireman, S. F., Tulepbayeva, R., & Smith, J. (2020). Between the bear and the dragon. International Affairs, 96(4), 975-993.
"""


def test_et_al_for_two_authors():
    text = "It held (Gleason et al., 2022; Moreau et al., 2001; Vanderhill et al., 2020).\n" + LIST
    assert found(text) == [(1, 10, "RC105")]
    assert messages(text, "RC105") == [
        '(Gleason et al., 2022): "et al." for a work with 2 authors; apa7 names both authors: Gleason & Dunay (2022)'
    ]
    assert suggestions(text, "RC105") == ["Gleason & Dunay, 2022"]


def test_first_author_alone_is_rc104s():
    text = "It held (Gleason, 2022; Moreau et al., 2001; Vanderhill et al., 2020).\n" + LIST
    assert found(text) == [(1, 10, "RC104")]
    assert messages(text, "RC104") == [
        "(Gleason, 2022): names Gleason alone, but the entry has 2 authors: Gleason & Dunay (2022)"
    ]
    assert suggestions(text, "RC104") == ["Gleason & Dunay, 2022"]
    assert [f.severity.label for f in run(text).findings] == ["warning"]


def test_three_authors_in_full_depends_on_style():
    text = "It held (Moreau, Ito, & Kahn, 2001; Gleason & Dunay, 2022; Vanderhill et al., 2020).\n" + LIST
    assert found(text, "RC105", style="apa7") == [(1, 10, "RC105")]
    assert found(text, "RC105", style="harvard") == []
    assert found(text, "RC105", style="chicago") == []


def test_three_authors_et_al_depends_on_style():
    # Chicago 18 and many Harvard guides write et al. from three authors, Chicago 17
    # and Cite Them Right from four: both are accepted; ABNT names up to three
    text = "It held (Moreau et al., 2001; Gleason & Dunay, 2022; Vanderhill et al., 2020).\n" + LIST
    assert found(text, "RC105", style="apa7") == []
    assert found(text, "RC105", style="chicago") == []
    assert found(text, "RC105", style="harvard") == []
    assert found(text, "RC105", style="abnt") == [(1, 10, "RC105")]


def test_more_names_than_the_entry_has():
    text = "It held (Gleason, Dunay, & Ortiz, 2022; Moreau et al., 2001; Vanderhill et al., 2020).\n" + LIST
    assert messages(text, "RC105") == [
        "(Gleason, Dunay, & Ortiz, 2022): names 3 authors but Gleason & Dunay (2022) has 2 authors"
    ]


HARVARD = """
Reference list
Gleason, G. and Dunay, P., 2022. CSTO deployment in Kazakhstan. The Diplomat.
Moreau, A., Ito, K., Kahn, L. and Berg, S., 2001. Border regimes. Journal of Borders, 3(2), pp.10-20.
Vanderhill, R., Joireman, S.F., Tulepbayeva, R. and Smith, J., 2020. Between the bear and the dragon. International Affairs, 96(4), pp.975-993.
"""


def _full_lists(text, style):
    return [(f.line, f.severity.label, f.message) for f in run(text, style=style).findings if f.code == "RC105"]


def test_a_full_list_is_info_when_the_document_always_writes_one_and_its_style_was_read():
    text = "It held (Moreau, Ito, Kahn and Berg 2001; Gleason and Dunay 2022; Vanderhill, Joireman, Tulepbayeva and Smith 2020).\n" + HARVARD
    assert _full_lists(text, "auto") == [
        (1, "info", "(Moreau, Ito, Kahn and Berg 2001): harvard cites a work with 4 authors as Moreau et al. "
                    "(the text names every author of each work with 4 or more: leave it if its house style does)"),
        (1, "info", "(Vanderhill, Joireman, Tulepbayeva and Smith 2020): harvard cites a work with 4 authors as Vanderhill et al. "
                    "(the text names every author of each work with 4 or more: leave it if its house style does)"),
    ]
    # a style the user gave is the rule
    assert [s for _, s, _ in _full_lists(text, "harvard")] == ["warning", "warning"]
    # the text writes "et al." for another such work: this full list breaks its own practice
    mixed = text.replace("Vanderhill, Joireman, Tulepbayeva and Smith 2020", "Vanderhill et al. 2020")
    assert _full_lists(mixed, "auto") == [(1, "warning", "(Moreau, Ito, Kahn and Berg 2001): harvard cites a work with 4 authors as Moreau et al.")]
