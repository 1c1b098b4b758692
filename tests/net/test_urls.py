"""The one URL parser: every URL a document can hold is a Url or a BadUrl, never an exception."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from refcheck.cli import main
from refcheck.extract.urls import BadUrl, Url, clean_url, parse_url
from refcheck.readers.mask import URL_RE


@pytest.mark.parametrize("text, host, port, is_ip, requested", [
    ("http://[::1]:8080/a-b", "::1", 8080, True, "http://[::1]:8080/a-b"),
    ("http://[2001:DB8::1]/x", "2001:db8::1", None, True, "http://[2001:db8::1]/x"),
    ("http://ｅｘａｍｐｌｅ.org/x", "example.org", None, False, "http://example.org/x"),
    ("https://straße.de/", "xn--strae-oqa.de", None, False, "https://xn--strae-oqa.de/"),
    ("http://１２７.０.０.１/", "127.0.0.1", None, True, "http://127.0.0.1/"),
    ("HTTPS://user:secret@Example.COM:8443/a?b=1#c", "example.com", 8443, False, "https://example.com:8443/a?b=1#c"),
    ("http://a_b.example/", "a_b.example", None, False, "http://a_b.example/"),
])
def test_usable_urls_carry_the_exact_host_a_connection_uses(text, host, port, is_ip, requested):
    url = parse_url(text)
    assert isinstance(url, Url)
    assert (url.host, url.port, url.is_ip, url.text) == (host, port, is_ip, requested)


@pytest.mark.parametrize("text, reason", [
    ("http://example.com:99999/", "port '99999' is not a number from 1 to 65535"),
    ("http://example.com:19000:80/", "port '19000:80' is not a number from 1 to 65535"),
    ("http://example.com:0/", "port 0"),
    ("http://0177.0.0.1/", "ambiguous numeric host '0177.0.0.1' (only dotted-decimal IPv4 addresses are accepted)"),
    ("http://2130706433/", "ambiguous numeric host '2130706433' (only dotted-decimal IPv4 addresses are accepted)"),
    ("http://0x7f.1/", "ambiguous numeric host '0x7f.1' (only dotted-decimal IPv4 addresses are accepted)"),
    ("http://[::1/x", "an unbalanced [ ] or a host in [ ] that is not an IPv6 address"),
    ("http://[::1]x/", "an unbalanced [ ] or a host in [ ] that is not an IPv6 address"),
    ("http://[fe80::1%eth0]/", "an IPv6 zone id in the host"),
    ("http://[1.2.3.4]/", "an IPv4 address in [ ]"),
    ("http://[example.org]/", "an unbalanced [ ] or a host in [ ] that is not an IPv6 address"),
    ("http://ex＠mple.com/x", "a host with characters that normalise to URL delimiters"),
    ("http://exa\u0000mple.com/", "a space or control character"),
    ("http://%31%32%37.0.0.1/", "'%31%32%37.0.0.1' is not a valid host name"),
    ("http://-x.example/", "'-x.example' is not a valid host name"),
    ("http://a..b/", "'a..b' is not a valid host name"),
    ("http:///path", "no host name"),
    ("file:///etc/passwd", "no host name"),
    ("www.example.org/x", "no scheme (such as https://)"),
    ("http://x.org/" + "a" * 9000, "longer than 8192 characters"),
])
def test_unusable_urls_say_why(text, reason):
    assert parse_url(text) == BadUrl(text.split(":")[0] if "://" in text or text.startswith("file") else "", reason)


def test_invalid_internationalised_names_are_refused():
    found = parse_url("http://a\u200db.example/")  # a zero-width joiner is not allowed there
    assert isinstance(found, BadUrl) and found.reason.startswith("'a\\u200db.example' is not a valid internationalised host name (")


def test_bracketed_ipv6_urls_are_found_whole_in_text():
    text = "see http://[2001:db8::7]:8080/report-on-water] and [http://x.org/a](http://x.org/b)"
    assert [m.group(0) for m in URL_RE.finditer(text)] == ["http://[2001:db8::7]:8080/report-on-water", "http://x.org/a",
                                                           "http://x.org/b)"]


def test_clean_url_leaves_an_unusable_url_alone():
    assert clean_url("http://[::1/x?utm_source=a") == ("http://[::1/x?utm_source=a", [])
    assert clean_url("http://[::1]/x?utm_source=a") == ("http://[::1]/x", ["tracking parameters"])


HOSTILE = ["http://[::1]:8080/water-and-borders-in-asia", "http://ｅｘａｍｐｌｅ.org/water-and-borders-in-asia",
           "http://example.org:99999/x", "http://0177.0.0.1/x", "http://example.org:19000:80/x", "http://[::1/x",
           "http://ex＠mple.org/x"]


def _doc(url):
    return f"Text (Ito, 2019).\n\nReferences\nIto, Ken (2019). Water and borders in Asia. Retrieved from {url}. Accessed on 01.02.2024.\n"


@pytest.mark.parametrize("url", HOSTILE)
def test_hostile_urls_do_not_crash_check_or_refs(url, tmp_path):
    path = tmp_path / "doc.md"
    path.write_text(_doc(url), encoding="utf-8")
    checked = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", str(path)])
    assert checked.exception is None or isinstance(checked.exception, SystemExit), checked.output
    assert checked.exit_code in (0, 1)
    listed = CliRunner().invoke(main, ["refs", str(path)])
    assert listed.exit_code == 0 and "Ito, 2019" in listed.output


def test_unusable_urls_are_a_warning_and_usable_ones_are_not(tmp_path):
    path = tmp_path / "doc.md"
    second = "Abe, Ken (2020). Water and borders in Asia. Retrieved from http://[::1]:8080/water-and-borders-in-asia.\n"
    path.write_text(_doc("http://example.org:99999/x").replace("(Ito, 2019)", "(Ito, 2019; Abe, 2020)") + second, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", "--select", "RC206,RC204", "--fail-on", "warning", str(path)])
    assert result.exit_code == 1
    assert f"{path}:4:60: warning[RC206] Ito (2019): the URL cannot be used: port '99999' is not a number from 1 to 65535" in result.output
    assert result.output.count("RC20") == 1


def test_with_links_unusable_urls_are_not_probed(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text("Text (Ito, 2019; Abe, 2020).\n\nReferences\n"
                    "Abe, Ken (2020). Water. Retrieved from http://[::1]:9/water. Accessed on 01.02.2024.\n"
                    "Ito, Ken (2019). Water. Retrieved from http://0177.0.0.1/x. Accessed on 01.02.2024.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", "--links", "--no-cache", "--select", "RC405,RC206", str(path)])
    assert result.exit_code == 0
    assert result.output.splitlines()[:3] == [
        (f"{path}:4:40: info[RC405] Abe (2020): link not checked (::1 is a non-public address; use --allow-private to probe it): "
        "http://[::1]:9/water"),
        (f"{path}:5:40: warning[RC206] Ito (2019): the URL cannot be used: ambiguous numeric host '0177.0.0.1' (only dotted-decimal IPv4 "
        "addresses are accepted)"),
        (f"{path}:5:40: info[RC405] Ito (2019): link not checked (invalid URL: ambiguous numeric host '0177.0.0.1' (only "
        "dotted-decimal IPv4 addresses are accepted)): http://0177.0.0.1/x"),
    ]
