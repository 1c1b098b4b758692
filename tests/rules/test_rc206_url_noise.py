from ..conftest import found, messages, suggestions


def doc(url):
    return f"It agreed (Eurasianet, 2022).\n\nReferences\nEurasianet (2022). CSTO agrees to intervene. Retrieved from {url}. Accessed on 10.06.2025.\n"


def test_text_fragment():
    text = doc("https://eurasianet.org/csto-agrees#:~:text=A%20Russia,that%20it")
    assert found(text, "RC206") == [(4, 61, "RC206")]
    assert messages(text, "RC206") == ["Eurasianet (2022): the URL has a text fragment"]
    assert suggestions(text, "RC206") == ["https://eurasianet.org/csto-agrees"]


def test_trackers_and_trailing_question_mark():
    assert suggestions(doc("https://x.org/a?id=3&utm_source=tw&fbclid=abc"), "RC206") == ["https://x.org/a?id=3"]
    assert messages(doc("https://x.org/a?utm_medium=email"), "RC206") == ["Eurasianet (2022): the URL has tracking parameters"]
    assert suggestions(doc("https://x.org/a-7-percent?"), "RC206") == ["https://x.org/a-7-percent"]


def test_clean_url_and_real_anchor_are_fine():
    assert found(doc("https://x.org/a?page=2#section-3"), "RC206") == []
