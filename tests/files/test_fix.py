"""--fix, --unsafe-fixes and --diff: the structured edits, written atomically, never to a changed file."""

from __future__ import annotations

import json
import os

import pytest

from refcheck import fix as fixing
from refcheck.api import check_paths
from refcheck.config import Config

from ._docs import cli, put

TEXT = ("Trade grew (Kahn, 2020). Rivers matter (Moreau, 2019). Rain fell (Zed 2021).\n\n"
        "References\n"
        "Kahn, Ann (2020). The river\u201ds edge. River Press.\n"
        "Moreau, Anne (2001). Water and power. https://example.org/water?utm_source=feed&utm_medium=rss\n"
        "Zed, Ann (2021). Dry seasons. X Press.\n")
# the three safe edits: RC109's comma, RC205's apostrophe, RC206's clean URL
SAFE = (TEXT.replace("(Zed 2021)", "(Zed, 2021)").replace("river\u201ds", "river\u2019s")
        .replace("?utm_source=feed&utm_medium=rss", ""))
UNSAFE = SAFE.replace("(Moreau, 2019)", "(Moreau, 2001)")  # RC103's changed year


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def left(result) -> list[str]:
    return [f["code"] for file in json.loads(result.stdout)["files"] for f in file["findings"]]


@pytest.mark.parametrize("name", ["doc.md", "doc.txt", "doc.rst"])
def test_fix_makes_every_safe_edit(here, name):
    path = put(here, name, TEXT)
    result = cli("check", "--isolated", "--format", "json", "--fix", name)
    assert path.read_text(encoding="utf-8") == SAFE
    assert left(result) == ["RC103"]  # what is left, reported as usual
    assert result.exit_code == 1
    assert result.stderr == "refcheck: note: fixed 3 findings in 1 file\n"


def test_unsafe_fixes(here):
    path = put(here, "doc.md", TEXT)
    result = cli("check", "--isolated", "--format", "json", "--fix", "--unsafe-fixes", "doc.md")
    assert path.read_text(encoding="utf-8") == UNSAFE
    assert (result.exit_code, left(result)) == (0, [])
    assert result.stderr == "refcheck: note: fixed 4 findings in 1 file\n"


def test_diff_changes_nothing(here):
    path = put(here, "doc.md", TEXT)
    result = cli("check", "--isolated", "--diff", "doc.md")
    assert path.read_text(encoding="utf-8") == TEXT
    assert result.exit_code == 1
    assert result.stdout == (
        "--- a/doc.md\n+++ b/doc.md\n@@ -1,6 +1,6 @@\n"
        "-Trade grew (Kahn, 2020). Rivers matter (Moreau, 2019). Rain fell (Zed 2021).\n"
        "+Trade grew (Kahn, 2020). Rivers matter (Moreau, 2019). Rain fell (Zed, 2021).\n"
        " \n References\n"
        "-Kahn, Ann (2020). The river\u201ds edge. River Press.\n"
        "-Moreau, Anne (2001). Water and power. https://example.org/water?utm_source=feed&utm_medium=rss\n"
        "+Kahn, Ann (2020). The river\u2019s edge. River Press.\n"
        "+Moreau, Anne (2001). Water and power. https://example.org/water\n"
        " Zed, Ann (2021). Dry seasons. X Press.\n")
    put(here, "clean.md", SAFE)
    assert (cli("check", "--isolated", "--diff", "clean.md").exit_code, cli("check", "--isolated", "--diff", "clean.md").stdout) == (0, "")


def test_crlf_and_bom_are_kept(here):
    path = here / "doc.md"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8"))
    cli("check", "--isolated", "--fix", "doc.md")
    assert path.read_bytes() == b"\xef\xbb\xbf" + SAFE.replace("\n", "\r\n").encode("utf-8")


def test_mode_and_symlink_are_kept(here):
    path = put(here, "doc.md", TEXT)
    os.chmod(path, 0o640)
    os.symlink("doc.md", here / "link.md")
    cli("check", "--isolated", "--fix", "link.md")
    assert (here / "link.md").is_symlink()
    assert path.read_text(encoding="utf-8") == SAFE
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert sorted(os.listdir(here)) == ["doc.md", "link.md"]  # no temporary file left


def test_a_file_changed_since_it_was_read_is_left_alone(here):
    path = put(here, "doc.md", TEXT)
    sources = {}
    report = check_paths(["doc.md"], Config(), sources=sources)
    edit = fixing.plan(report.files[0], sources["doc.md"])
    path.write_text(TEXT + "\nA new paragraph.\n", encoding="utf-8")  # someone saved meanwhile
    assert fixing.write(edit, sources["doc.md"]) == "changed since refcheck read it; not fixed (run refcheck again)"
    assert path.read_text(encoding="utf-8") == TEXT + "\nA new paragraph.\n"


def test_same_size_same_mtime_change_is_caught_by_the_hash(here):
    path = put(here, "doc.md", TEXT)
    sources = {}
    report = check_paths(["doc.md"], Config(), sources=sources)
    info = os.stat(path)
    path.write_text(TEXT.replace("Trade", "Trace"), encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert fixing.write(fixing.plan(report.files[0], sources["doc.md"]), sources["doc.md"]).startswith("changed since")


@pytest.mark.parametrize("data, reason", [
    (TEXT.replace("Kahn, Ann", "Kahn, Ane\u0301").encode("utf-8"),
     "not in Unicode NFC form (refcheck reads it composed, so its edits would not line up with the bytes)"),
    (TEXT.replace("edge", "\u00e9dge").encode("cp1252", "replace"), "not UTF-8; refcheck rewrites only UTF-8 files"),
    (TEXT.replace("\n", "\r\n", 1).encode("utf-8"), "mixes line endings (CR, CRLF, LF)"),
])
def test_files_whose_bytes_do_not_map_are_refused(here, data, reason):
    path = here / "doc.md"
    path.write_bytes(data)
    result = cli("check", "--isolated", "--fix", "doc.md")
    assert path.read_bytes() == data
    assert result.stderr == f"refcheck: note: doc.md: not fixed: {reason}\nrefcheck: note: fixed 0 findings in 0 files\n"


def test_standard_input_is_not_rewritten(here):
    result = cli("check", "--isolated", "--fix", "-", input=TEXT)
    assert result.stderr == ("refcheck: note: <stdin>: not fixed: standard input is never rewritten\n"
                             "refcheck: note: fixed 0 findings in 0 files\n")


def test_fix_with_worker_processes(here):
    paths = [put(here, f"doc{number}.md", TEXT) for number in range(4)]
    result = cli("check", "--isolated", "--jobs", "2", "--fix", ".")
    assert [p.read_text(encoding="utf-8") for p in paths] == [SAFE] * 4
    assert result.stderr == "refcheck: note: fixed 12 findings in 4 files\n"


def test_a_finding_located_in_another_file_is_not_applied_here(here):
    from dataclasses import replace

    put(here, "doc.md", TEXT)
    sources = {}
    report = check_paths(["doc.md"], Config(), sources=sources)
    result = report.files[0]
    result.findings = [replace(f, path="refs.bib") for f in result.findings]  # as if they stood in a .bib
    assert fixing.plan(result, sources["doc.md"]) is None
