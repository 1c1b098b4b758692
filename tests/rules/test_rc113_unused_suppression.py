from ..conftest import found, messages

DOC = """
Water rights were contested (Moreau, 2001).

{comment}
Irrigation spread quickly (Moreau, {year}).

References

Moreau, Anne (2001). Water and power. Oxford Press.
"""


def test_a_suppression_that_silences_nothing():
    text = DOC.format(comment="<!-- refcheck: ignore[RC103] -- checked -->", year="2001")
    assert found(text) == [(3, 1, "RC113")]
    assert messages(text, "RC113") == ["unused suppression: no RC103 finding on the lines it covers"]


def test_a_used_suppression_is_not_reported():
    assert found(DOC.format(comment="<!-- refcheck: ignore[RC103] -->", year="2002")) == []


def test_only_the_idle_code_is_named():
    text = DOC.format(comment="<!-- refcheck: ignore[RC103, RC101] -->", year="2002")
    assert messages(text, "RC113") == ["unused suppression: no RC101 finding on the lines it covers"]


def test_a_bare_suppression_that_silences_nothing():
    text = DOC.format(comment="<!-- refcheck: ignore -->", year="2001")
    assert messages(text, "RC113") == ["unused suppression: no finding on the lines it covers"]


def test_unknown_codes():
    text = DOC.format(comment="<!-- refcheck: ignore[RC1O3, RC999] -->", year="2002")
    assert messages(text, "RC113") == [
        "suppression names an unknown rule code 'RC1O3' (see `refcheck rules`)",
        "suppression names an unknown rule code 'RC999' (see `refcheck rules`)",
    ]
    # a misspelt code silences nothing (not everything)
    assert [code for _, _, code in found(text)] == ["RC113", "RC113", "RC103"]
