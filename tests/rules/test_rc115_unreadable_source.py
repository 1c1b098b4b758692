from ..conftest import found, messages


def test_unreadable_front_matter():
    text = "---\nbibliography: [refs.bib\n---\nPooled resources [@lemon2018].\n"
    assert found(text, "RC115") == [(1, 1, "RC115")]
    assert messages(text, "RC115")[0].startswith("the YAML front matter cannot be read: ")


def test_inline_references_that_are_not_a_list():
    text = "---\nreferences: nothing\n---\nPooled resources [@lemon2018].\n"
    assert messages(text, "RC115") == ["the front matter's 'references:' is not a list of CSL items"]


def test_a_readable_document_has_none():
    text = "---\nreferences:\n- id: a\n  title: T\n---\nSee [@a].\n"
    assert found(text, "RC115") == []
