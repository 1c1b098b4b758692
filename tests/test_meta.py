"""Every rule has its documentation sections, a test module, and a working example."""

from __future__ import annotations

import os

import pytest

from refcheck.api import check_document, extract
from refcheck.net.status import LinkStatus
from refcheck.net.urls import reference_urls
from refcheck.output.rules_doc import render_markdown
from refcheck.readers import read_bytes
from refcheck.rules import REGISTRY, SECTIONS, doc_sections, example

RULE_TESTS = os.path.join(os.path.dirname(__file__), "rules")
DOCS = os.path.join(os.path.dirname(__file__), "..", "docs", "rules.md")


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_rule_has_all_doc_sections(code):
    module = REGISTRY[code]
    sections = doc_sections(module)
    assert list(sections) == list(SECTIONS), f"{code}: sections must be {SECTIONS}"
    assert all(sections[title].strip() for title in SECTIONS)
    assert module.__doc__.startswith(f"{code} {module.NAME}: ")
    assert module.CODE == code


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_rule_has_a_test_module(code):
    module = REGISTRY[code]
    name = f"test_{code.lower()}_{module.NAME.replace('-', '_')}.py"
    assert os.path.isfile(os.path.join(RULE_TESTS, name)), f"tests/rules/{name} is missing"


# What the probe would have found for the link rules' examples (their docs say so).
PROBED = {
    "RC401": dict(status="dead", http_status=404, reason="HTTP 404"),
    "RC402": dict(status="error", http_status=500, reason="HTTP 500 after 3 retries"),
    "RC403": dict(status="unverifiable", http_status=403, reason="bot challenge (cf-mitigated: challenge) (403)"),
    "RC404": dict(status="redirected", http_status=200, reason="moved permanently", final_url="https://example.org/new"),
    "RC405": dict(status="excluded", reason="192.168.1.20 resolves to a non-public address"),
    "RC406": dict(status="alive", http_status=200, title="Domain for sale"),
}


def _verified(code: str):
    """What verification would have found for the RC50x rules' examples (their docs say so)."""
    from refcheck.net.verify.work import Verdict, Work

    lecun = Work("Crossref", "Deep learning", (("LeCun", "Yann"), ("Bengio", "Yoshua")), 2015, "Nature",
                 "10.1038/nature14539", kind="journal-article")
    return {
        "RC501": Verdict("not-found", "no record matches"),
        "RC502": Verdict("conflict", "", lecun, identifier="doi:10.1038/nature14539"),
        "RC503": Verdict("unregistered", "doi.org has no DOI 10.1038/nature14539x", identifier="doi:10.1038/nature14539x"),
        "RC504": Verdict("mismatch", "", lecun, 0.7, (("first author", "Bengio", "LeCun"), ("year", "2012", "2015")),
                         "doi:10.1038/nature14539"),
        "RC505": Verdict("verified", "", Work("Crossref", "Ileal-lymphoid-nodular hyperplasia", retracted=True,
                                              notices=(("retraction", "10.1016/s0140-6736(10)60175-4"),))),
        "RC506": Verdict("verified", "", Work("Crossref", "A study of rainfall", notices=(("correction", "10.1234/c"),))),
        "RC507": Verdict("verified", "", Work("arXiv", "BERT", published_doi="10.18653/v1/n19-1423")),
        "RC508": Verdict("verified", "", lecun, 1.0, suggest_doi="10.1162/neco.1997.9.8.1735"),
    }.get(code)


def _edited_field(text: str):
    """RC116: a .docx whose Zotero field shows the example's first quoted text and
    was inserted as its second."""
    import re
    import tempfile

    pytest.importorskip("docx")
    from refcheck.readers import read_path
    from tests.readers import _make

    shown, inserted = re.findall(r'"([^"]+)"', text)[:2]
    item = {"id": "a", "type": "book", "title": "T", "author": [{"family": "Lemon"}], "issued": {"date-parts": [[2018]]}}
    folder = tempfile.mkdtemp()
    _make.docx(f"{folder}/example.docx", [], fields=[("See ", shown, [item], ".")], plain=inserted)
    return read_path(f"{folder}/example.docx")


GENERATED = {"RC116": _edited_field}


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_rule_example_triggers_the_rule(code):
    from refcheck.extract.identifiers import key

    text = example(REGISTRY[code])
    document = read_bytes("example.md", text.encode("utf-8"), "md")
    if code in GENERATED:  # an example that only a binary format can hold
        document = GENERATED[code](text)
    status = None
    if code in PROBED:
        urls = {u for r in extract(document).references for u in reference_urls(r)}
        status = {u: LinkStatus(u, **PROBED[code]) for u in urls}
    verdict = _verified(code)
    verification = {key(r): verdict for r in extract(document).references} if verdict else None
    codes = [f.code for f in check_document(document, None, status, verification=verification).findings]
    assert code in codes, f"{code}'s documented example does not trigger it (got {codes})"


def test_registry_codes_are_unique_and_grouped():
    names = [m.NAME for m in REGISTRY.values()]
    assert len(set(names)) == len(names)
    assert all(code[:3] in ("RC1", "RC2", "RC3", "RC4", "RC5") and len(code) == 5 for code in REGISTRY)
    assert list(REGISTRY) == sorted(REGISTRY)


def test_docs_rules_md_is_current():
    with open(DOCS, encoding="utf-8") as handle:
        assert handle.read() == render_markdown(), "regenerate with: refcheck rules --markdown > docs/rules.md"
