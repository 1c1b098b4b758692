"""The document refcheck was started for: ../shared/corpus/kazakhstan-multivector.txt."""

from __future__ import annotations

import json

from click.testing import CliRunner

from refcheck.api import check_paths
from refcheck.cli import main

from .conftest import SEED, needs_shared

pytestmark = needs_shared


def test_seed_counts_and_links():
    report = check_paths([SEED])
    assert report.errors == []
    (result,) = report.files
    assert len(result.references) == 19  # the closing "Note:" line is not an entry
    assert len(result.citations) == 21
    assert all(c.id in result.links for c in result.citations)
    assert set(result.links.values()) == {r.id for r in result.references}
    codes = {f.code for f in result.findings}
    assert not codes & {"RC100", "RC101", "RC102", "RC103", "RC104"}


def test_seed_findings_are_exactly_these():
    (result,) = check_paths([SEED]).files
    assert [(f.line, f.col, f.code) for f in result.findings] == [
        (4, 367, "RC109"),   # (Yuneman 2023) among "(Name, Year)"
        (7, 173, "RC301"),   # $2.5 billion in the text, $1.5 Billion in Sakenova's title
        (14, 1, "RC204"),    # Dukeev: "Builds" in the title, "intensifies" in the URL
        (14, 87, "RC206"), (15, 82, "RC206"), (16, 132, "RC206"), (17, 120, "RC206"), (24, 94, "RC206"),
        (28, 26, "RC205"),   # Kazakhstan”s
        (28, 97, "RC206"),   # trailing "?"
    ]
    by_code = {f.code: f for f in result.findings}
    assert by_code["RC109"].message == (
        "(Yuneman 2023) is written without a comma between name and year, unlike 19 other citations"
    )
    assert by_code["RC109"].suggestion == "(Yuneman, 2023)"
    assert by_code["RC301"].message == 'text says "$2.5 billion"; Sakenova (2023) title says "$1.5 Billion" (line 24)'
    assert (by_code["RC301"].citation, by_code["RC301"].reference) == ("C12", "R13")


def test_seed_no_figure_mismatch_across_kinds_or_currencies():
    # 1.2 trillion tenge (KZT) and 11.6% / 6.8% (changes) in the Sakenova sentence, and the
    # 0.5% share of GDP against the Caspian Post's "Increase by 7%" change, are never compared.
    (result,) = check_paths([SEED]).files
    assert [f.message for f in result.findings if f.code == "RC301"] == [
        'text says "$2.5 billion"; Sakenova (2023) title says "$1.5 Billion" (line 24)'
    ]


def test_seed_references_parsed():
    (result,) = check_paths([SEED]).files
    refs = {r.id: r for r in result.references}
    assert [(a.family, a.given) for a in refs["R18"].authors] == [
        ("Vanderhill", "Rachel"), ("Joireman", "Sandra F."), ("Tulepbayeva", "Roza"),
    ]
    assert refs["R9"].corporate and refs["R9"].authors[0].family.startswith("Official Information Source")
    assert refs["R15"].authors[0].family == "The Astana Times"
    assert refs["R1"].accessed == "2024-12-28"
    assert refs["R7"].container == "Central Asian Survey"
    assert (refs["R7"].volume, refs["R7"].issue, refs["R7"].pages) == ("37", "1", "1-12")
    assert refs["R17"].url == "https://caspianpost.com/politics/kazakhstan-s-budget-spending-to-increase-by-7-percent-in-2025?"
    assert refs["R13"].title == "Kazakhstan Spends $1.5 Billion on Defense This Year"


def test_seed_citations_and_json():
    runner = CliRunner()
    out = runner.invoke(main, ["check", "--format", "json", SEED])
    assert out.exit_code == 0
    data = json.loads(out.output)
    cits = data["files"][0]["citations"]
    assert cits[0] == {
        "id": "C1", "line": 1, "col": 763, "text": "Lemon (2018)", "form": "narrative",
        "authors": ["Lemon"], "et_al": False, "year": "2018", "year_suffix": "", "locator": None,
        "reference": "R7",
    }
    by_text = {c["text"]: c for c in cits}
    assert by_text["Otkjær, 2025"]["reference"] == "R11"
    assert by_text["Vanderhill et al., 2020"]["et_al"] is True
    assert by_text["Gleason and Dunay, 2022"]["authors"] == ["Gleason", "Dunay"]
    assert by_text["The Astana Times, 2025"]["reference"] == "R16"
    # "the US withdrawal from Afghanistan (2021)" and the Belt and Road Initiative are not citations
    assert not any("Afghanistan" in c["text"] or "Initiative" in c["text"] for c in cits)
    assert data["summary"] == {"files": 1, "references": 19, "citations": 21,
                               "findings": {"error": 0, "warning": 2, "info": 8}}
