"""SARIF 2.1.0: valid against the official OASIS schema (tests/fixtures/sarif), with the rule
catalogue, regions, fixes from the structured edits and stable fingerprints."""

import json
import os

import jsonschema
import pytest

from refcheck.errors import InputError
from refcheck.findings import Report
from refcheck.output import sarif
from refcheck.rules import REGISTRY

from ._doc import TEXT, report

SCHEMA_PATH = os.path.join(os.path.dirname(__file__), "..", "fixtures", "sarif", "sarif-schema-2.1.0.json")


@pytest.fixture(scope="module")
def validator():
    with open(SCHEMA_PATH, encoding="utf-8") as handle:
        schema = json.load(handle)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def _log(rep, base="/work/project"):
    return json.loads(sarif.render(rep, base=base))


def test_valid_against_the_official_schema(validator, tmp_path):
    rep = report(path=str(tmp_path / "doc.md"))
    rep.errors.append(InputError(str(tmp_path / "gone.md"), "no such file or directory"))
    for log in (_log(rep, str(tmp_path)), _log(Report()), _log(report(path="<stdin>"))):
        errors = sorted(validator.iter_errors(log), key=str)
        assert errors == []


def test_schema_catches_a_broken_log(validator):
    log = _log(report())
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["tool"]["driver"]["name"]
    assert len(list(validator.iter_errors(log))) == 2


def test_rule_catalogue_from_the_docstrings():
    rules = _log(report())["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(REGISTRY)
    rc103 = rules[list(REGISTRY).index("RC103")]
    assert rc103["name"] == "year-mismatch"
    assert rc103["helpUri"].endswith("docs/rules.md#rc103")
    assert rc103["defaultConfiguration"] == {"level": "error"}
    assert rc103["shortDescription"]["text"] == REGISTRY["RC103"].__doc__.splitlines()[0].split(": ", 1)[1]
    assert rc103["fullDescription"]["text"].startswith("Reports a citation")
    assert {r["defaultConfiguration"]["level"] for r in rules} == {"error", "warning", "note"}


def test_result_region_fix_and_relative_uri(tmp_path):
    rep = report(path=str(tmp_path / "sub dir" / "doc.md"))
    run = _log(rep, str(tmp_path))["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": f"file://{tmp_path}/"}}
    assert run["columnKind"] == "unicodeCodePoints"
    year = next(r for r in run["results"] if r["ruleId"] == "RC103")
    where = {"uri": "sub%20dir/doc.md", "uriBaseId": "%SRCROOT%"}
    assert year["level"] == "error" and year["ruleIndex"] == list(REGISTRY).index("RC103")
    assert year["message"]["text"] == "Lemon (2019): the reference list has Lemon (2018) (suggestion: Lemon (2018))"
    line = TEXT.split("\n")[0]
    assert year["locations"] == [{"physicalLocation": {
        "artifactLocation": where,
        "region": {"startLine": 1, "startColumn": 41, "endLine": 1, "endColumn": 53, "snippet": {"text": "Lemon (2019)"}},
        "contextRegion": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": len(line) + 1, "snippet": {"text": line}}}}]
    assert year["fixes"] == [{
        "description": {"text": "unsafe fix: Lemon (2018)"},
        "artifactChanges": [{"artifactLocation": where, "replacements": [{
            "deletedRegion": {"startLine": 1, "startColumn": 48, "endLine": 1, "endColumn": 52},
            "insertedContent": {"text": "2018"}}]}],
        "properties": {"applicability": "unsafe"}}]
    url = next(r for r in run["results"] if r["ruleId"] == "RC206")["locations"][0]["physicalLocation"]
    assert "contextRegion" in url  # the URL is part of its line
    whole = _log(report(text="It held (Wu, 2017).\n\n## References\n\nWu, A. (2017). Work.\n"))["runs"][0]["results"]
    assert "contextRegion" not in whole[0]["locations"][0]["physicalLocation"]  # RC201 spans the whole line
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels == {"RC103": "error", "RC109": "note", "RC205": "note", "RC206": "note"}


def test_advice_is_not_a_fix_and_unreadable_inputs_are_notifications():
    text = "It held (Wu, 2017) and (Ma, 2020).\n\n## References\n\nWu, A. (2017). Work. Site.\n"
    rep = report(text=text)
    rep.errors.append(InputError("gone.md", "no such file or directory"))
    run = _log(rep, os.getcwd())["runs"][0]
    assert all("fixes" not in r for r in run["results"])
    assert run["invocations"] == [{"executionSuccessful": False, "toolExecutionNotifications": [{
        "level": "error", "message": {"text": "gone.md: no such file or directory"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": "gone.md", "uriBaseId": "%SRCROOT%"}}}]}]}]


def test_a_file_outside_the_working_directory_has_an_absolute_uri(validator):
    log = _log(report(path="/elsewhere/doc.md"), "/work/project")
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "file:///elsewhere/doc.md"}
    assert list(validator.iter_errors(log)) == []


def test_fingerprints_survive_lines_added_above():
    first = _log(report())["runs"][0]["results"]
    moved = _log(report(text="A new first paragraph.\n\n" + TEXT))["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in first] == [r["partialFingerprints"] for r in moved]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in moved] == [3, 3, 9, 11]
    assert len({r["partialFingerprints"]["refcheckFinding/v1"] for r in first}) == 4


def test_output_is_deterministic():
    assert sarif.render(report(), base="/x") == sarif.render(report(), base="/x")


def test_fingerprints_do_not_depend_on_how_the_path_was_written(tmp_path):
    relative = _log(report(path="docs/doc.md"), os.getcwd())["runs"][0]["results"]
    absolute = _log(report(path=os.path.join(os.getcwd(), "docs", "doc.md")), os.getcwd())["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in relative] == [r["partialFingerprints"] for r in absolute]
