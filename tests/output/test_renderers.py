"""junit, markdown, jsonl, github and the JSON error objects: exact bytes."""

import json
import xml.etree.ElementTree as ET

from refcheck.errors import InputError
from refcheck.findings import Report
from refcheck.output import github, json_format, jsonl, junit, markdown

from ._doc import report

SUMMARY = "Found 4 problems: 1 error, 3 info (1 file, 5 references, 5 citations, style apa7)."


def test_junit_one_testcase_per_file_and_a_failure_per_finding():
    rep = report()
    rep.errors.append(InputError("gone.md", "no such file or directory"))
    out = junit.render(rep)
    lines = out.splitlines()
    assert lines[:4] == [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="refcheck" tests="2" failures="4" errors="1">',
        '  <testsuite name="refcheck" tests="2" failures="4" errors="1">',
        '    <testcase classname="refcheck" name="doc.md">',
    ]
    assert lines[5] == ('      <failure type="RC103" message="error[RC103] Lemon (2019): the reference list has Lemon (2018)">'
                        "doc.md:1:41: error[RC103] Lemon (2019): the reference list has Lemon (2018) (suggestion: Lemon (2018))</failure>")
    assert lines[-6:] == [
        "    </testcase>",
        '    <testcase classname="refcheck" name="gone.md">',
        '      <error type="unreadable" message="gone.md: no such file or directory"/>',
        "    </testcase>",
        "  </testsuite>",
        "</testsuites>",
    ]
    suite = ET.fromstring(out.encode("utf-8"))[0]
    assert [len(case.findall("failure")) for case in suite] == [4, 0]


def test_junit_escapes_markup_and_control_characters():
    text = "It held (Wu, 2017).\n\n## References\n\nWu, A. (2017). Work. Site.\n"
    out = junit.render(report(path='a"<b>\x1b.md', text=text))
    root = ET.fromstring(out.encode("utf-8"))  # well-formed XML 1.0
    assert root[0][0].get("name") == 'a"<b>\\x1b.md'
    assert "\x1b" not in out and """name='a"&lt;b&gt;\\x1b.md'/>""" in out


def test_markdown_summary_table_and_findings():
    assert markdown.render(report()) == "\n".join([
        "## refcheck", "",
        SUMMARY, "",
        "| Code | Rule | Severity | Count |",
        "|---|---|---|---:|",
        "| RC103 | year-mismatch | error | 1 |",
        "| RC109 | citation-form | info | 1 |",
        "| RC205 | reference-typography | info | 1 |",
        "| RC206 | url-noise | info | 1 |", "",
        "| File | Line | Severity | Code | Message |",
        "|---|---:|---|---|---|",
        "| doc.md | 1:24 | info | RC109 | (Okafor 2019) is written without a comma between name and year, unlike 3 other "
        "citations (suggestion: (Okafor, 2019)) |",
        "| doc.md | 1:41 | error | RC103 | Lemon (2019): the reference list has Lemon (2018) (suggestion: Lemon (2018)) |",
        "| doc.md | 7:60 | info | RC206 | Okafor (2019): the URL has tracking parameters (suggestion: https://example.org/w) |",
        "| doc.md | 9:18 | info | RC205 | Soto (2017): a closing double quote used as an apostrophe: \"Soto\u201ds\" "
        "(suggestion: Soto\u2019s) |",
    ]) + "\n"


def test_markdown_escapes_document_text_and_names_unreadable_inputs():
    rep = report(path="a_b|<i>.md")
    rep.errors.append(InputError("gone.md", "no such file or directory"))
    out = markdown.render(rep)
    assert "| a\\_b\\|\\<i\\>.md | 1:41 | error | RC103 |" in out
    assert "<i>" not in out
    assert markdown.cell("a\nb `c` *d* [e](f)") == "a b \\`c\\` \\*d\\* \\[e\\](f)"
    assert out.endswith("**Could not be read:**\n\n- gone.md: no such file or directory\n")
    assert markdown.render(Report()) == "## refcheck\n\nNo problems found (0 files, 0 references, 0 citations).\n"


def test_markdown_folds_long_lists():
    names = [a + b for a in "BCDFG" for b in "aeiou"][:25]
    text = "".join(f"See ({n}lo, 2001).\n" for n in names) + "\n## References\n\nWu, A. (2017). Work. Site.\n"
    out = markdown.render(report(text=text))
    assert out.count("| RC101 |") == 26  # the count table's row and 25 findings
    assert "<details><summary>All findings</summary>\n\n| File |" in out and out.endswith("</details>\n")


def test_jsonl_one_finding_per_line():
    lines = jsonl.render(report()).splitlines()
    assert [json.loads(line)["code"] for line in lines] == ["RC109", "RC103", "RC206", "RC205"]
    assert json.loads(lines[1]) == json_format.finding_dict(sorted(report().findings)[1])
    assert json.loads(lines[0])["fix"] == {"applicability": "safe", "replacement": ", ", "line": 1, "col": 30,
                                           "end_line": 1, "end_col": 31, "start": 29, "end": 30}
    assert jsonl.render(Report()) == ""


def test_github_paths_are_relative_to_the_workspace(tmp_path, monkeypatch):
    path = tmp_path / "docs" / "doc.md"
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    first = github.render(report(path=str(path))).splitlines()[1]
    assert first.startswith("::error file=docs/doc.md,line=1,col=41,endLine=1,endColumn=53,title=RC103 year-mismatch::")
    monkeypatch.delenv("GITHUB_WORKSPACE")
    monkeypatch.chdir(tmp_path / "..")
    assert github.render(report(path=str(path))).splitlines()[1].startswith(f"::error file={tmp_path.name}/docs/doc.md,")


def test_json_errors_are_objects_with_path_and_kind():
    rep = Report()
    rep.errors += [InputError("a.md", "no such file or directory"), InputError("b.md", "binary data, not a text document"),
                   InputError("c", "no supported documents in this folder (.md)"), InputError("d.md", "something new")]
    data = json.loads(json_format.render(rep))
    assert data["schema"] == 2
    assert data["errors"] == [
        {"path": "a.md", "kind": "not-found", "problem": "no such file or directory"},
        {"path": "b.md", "kind": "binary", "problem": "binary data, not a text document"},
        {"path": "c", "kind": "empty-folder", "problem": "no supported documents in this folder (.md)"},
        {"path": "d.md", "kind": "unreadable", "problem": "something new"},
    ]
