"""--write-baseline records today's findings; --baseline reports only new ones."""

from __future__ import annotations

import json

import pytest

from ._docs import DOC, cli, codes, put


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    put(tmp_path, "doc.md")
    return tmp_path


def test_round_trip(here):
    result = cli("check", "--isolated", "--write-baseline", "base.json", "doc.md")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "refcheck: note: wrote 2 findings in 1 file to base.json\n"
    data = json.loads((here / "base.json").read_text(encoding="utf-8"))
    assert data["refcheck-baseline"] == 1
    assert [(e["path"], e["code"], e["count"], e["message"]) for e in data["findings"]] == [
        ("doc.md", "RC102", 1, "Zed (1999) is listed but never cited"),
        ("doc.md", "RC103", 1, "(Moreau, 2002): the reference list has Moreau (2001)"),
    ]
    assert all(len(e["fingerprint"]) == 16 for e in data["findings"])
    result = cli("check", "--isolated", "--format", "json", "--baseline", "base.json", "doc.md")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["files"][0]["findings"] == []
    assert result.stderr == "refcheck: note: 2 findings in the baseline not shown\n"


def test_fingerprints_survive_edits_elsewhere(here):
    cli("check", "--isolated", "--write-baseline", "base.json", "doc.md")
    moved = "An introduction.\n\nMore words here.\n\n" + DOC.replace("Water and power.", "Water, power and rivers.")
    put(here, "doc.md", moved)
    assert codes("--isolated", "--baseline", "base.json", "doc.md") == []
    # a second, new wrong year is reported; the old one stays hidden
    put(here, "doc.md", moved.replace("Water (Moreau, 2002).", "Water (Moreau, 2002). Rain (Moreau, 2005)."))
    assert codes("--isolated", "--baseline", "base.json", "doc.md") == [("doc.md", 5, "RC103")]


def test_the_same_finding_twice_counts(here):
    put(here, "doc.md", DOC.replace("Water (Moreau, 2002).", "Water (Moreau, 2002). Rain (Moreau, 2002)."))
    cli("check", "--isolated", "--write-baseline", "base.json", "doc.md")
    data = json.loads((here / "base.json").read_text(encoding="utf-8"))
    assert [(e["code"], e["count"]) for e in data["findings"]] == [("RC102", 1), ("RC103", 2)]
    put(here, "doc.md", DOC.replace("Water (Moreau, 2002).", "Water (Moreau, 2002). Rain (Moreau, 2002). Sun (Moreau, 2002)."))
    assert codes("--isolated", "--baseline", "base.json", "doc.md") == [("doc.md", 1, "RC103")]


def test_paths_are_relative_to_the_baseline_file(here, monkeypatch):
    put(here, "docs/a.md")
    cli("check", "--isolated", "--write-baseline", "base.json", "docs/a.md")
    assert {e["path"] for e in json.loads((here / "base.json").read_text())["findings"]} == {"docs/a.md"}
    monkeypatch.chdir(here / "docs")
    assert codes("--isolated", "--baseline", "../base.json", "a.md") == []


@pytest.mark.parametrize("text, problem", [
    ("{", "not a refcheck baseline (invalid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1))"),
    ('{"findings": []}', "not a refcheck baseline (version 1 expected; write one with --write-baseline)"),
    ('{"refcheck-baseline": 1, "findings": [{"code": "RC1"}]}', "not a refcheck baseline (an entry lacks path, code or fingerprint)"),
])
def test_a_bad_baseline_is_exit_2(here, text, problem):
    (here / "base.json").write_text(text, encoding="utf-8")
    result = cli("check", "--isolated", "--baseline", "base.json", "doc.md")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"refcheck: error: base.json: {problem}\n")


def test_missing_baseline_and_both_flags(here):
    result = cli("check", "--isolated", "--baseline", "none.json", "doc.md")
    assert result.stderr == "refcheck: error: none.json: cannot read the baseline: no such file or directory\n"
    result = cli("check", "--baseline", "a.json", "--write-baseline", "b.json", "doc.md")
    assert (result.exit_code, result.stderr) == (2, "refcheck: error: use --baseline or --write-baseline, not both\n")
