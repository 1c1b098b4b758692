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


def test_unusable_urls_are_warnings_without_a_suggestion():
    from refcheck.api import check_text

    for url, reason in [("https://eurasianet.org:99999/csto", "port '99999' is not a number from 1 to 65535"),
                        ("https://[2001:db8::1/csto", "an unbalanced [ ] or a host in [ ] that is not an IPv6 address"),
                        ("http://0177.0.0.1/csto", "ambiguous numeric host '0177.0.0.1' (only dotted-decimal IPv4 addresses are accepted)")]:
        result = check_text(doc(url))
        assert [(f.line, f.col, f.severity.label, f.message, f.suggestion) for f in result.findings if f.code == "RC206"] == [
            (4, 61, "warning", f"Eurasianet (2022): the URL cannot be used: {reason}", None)]


def test_bracketed_ipv6_url_is_cleaned_whole():
    assert suggestions(doc("https://[2001:db8::1]:8443/csto?utm_source=tw"), "RC206") == ["https://[2001:db8::1]:8443/csto"]


def test_a_url_without_a_scheme_is_not_called_unusable():
    assert found(doc("www.eurasianet.org/csto"), "RC206") == []
