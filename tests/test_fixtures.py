"""Whole documents against their expected JSON (regenerate: REFCHECK_UPDATE_FIXTURES=1 pytest)."""

from __future__ import annotations

import glob
import json
import os

import pytest

from refcheck.api import check_paths
from refcheck.output.json_format import render

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))
DOCUMENTS = sorted(
    glob.glob(os.path.join(ROOT, "refs", "*.*")) + glob.glob(os.path.join(ROOT, "tests", "fixtures", "*.md"))
)
EXPECTED = os.path.join(ROOT, "tests", "fixtures", "expected")


def rendered(path: str) -> dict:
    data = json.loads(render(check_paths([os.path.relpath(path, ROOT)])))
    data.pop("refcheck")  # the version changes between releases, the contract does not
    return data


@pytest.mark.parametrize("path", DOCUMENTS, ids=os.path.basename)
def test_document_matches_expected_json(path, monkeypatch):
    monkeypatch.chdir(ROOT)
    expected_path = os.path.join(EXPECTED, os.path.basename(path) + ".json")
    actual = rendered(path)
    if os.environ.get("REFCHECK_UPDATE_FIXTURES"):
        with open(expected_path, "w", encoding="utf-8") as handle:
            json.dump(actual, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
    with open(expected_path, encoding="utf-8") as handle:
        assert actual == json.load(handle)


def test_every_sample_plants_several_kinds_of_problem(monkeypatch):
    monkeypatch.chdir(ROOT)
    codes = set()
    for path in glob.glob(os.path.join(ROOT, "refs", "*.*")):
        found = {f.code for f in check_paths([path]).files[0].findings}
        assert len(found) >= 5, f"{path} plants too few kinds of problem: {sorted(found)}"
        codes |= found
    assert codes >= {"RC101", "RC102", "RC103", "RC104", "RC105", "RC106", "RC107", "RC108", "RC109", "RC110", "RC202", "RC206", "RC301"}


def test_markdown_masking_fixture(monkeypatch):
    monkeypatch.chdir(ROOT)
    (result,) = check_paths(["tests/fixtures/markdown-masking.md"]).files
    assert [c.text for c in result.citations] == ["Lemon, 2018", "Sullivan (2019)", "Lemon (2018)"]
    assert result.findings == []
    assert len(result.references) == 2
