"""Folder scans: default excludes, exclude / extend-exclude, .gitignore, a file named twice."""

from __future__ import annotations

import os

from refcheck.config import Config, from_mapping
from refcheck.readers import SUPPORTED_SUFFIXES, expand

from ._docs import cli, codes, put


def scan(folder, config=None) -> list[str]:
    errors, notes = [], []
    found = expand(str(folder), errors, notes, config)
    assert errors == []
    return [os.path.relpath(p, folder).replace(os.sep, "/") for p in found]


def test_default_excludes(tmp_path):
    for name in ("keep.md", ".git/x.md", "venv/x.md", ".venv/x.md", "node_modules/p/x.md",
                 "lib/python3.12/site-packages/p/README.md", "__pycache__/x.md", "build/x.md", "dist/x.md",
                 "docs/build.md", "docs/_build/html/x.md"):
        put(tmp_path, name)
    assert scan(tmp_path, Config()) == ["keep.md", "docs/build.md"]


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(tmp_path):
    for name in ("a.md", "build/b.md", "drafts/c.md", "notes/d.txt"):
        put(tmp_path, name)
    (tmp_path / "refcheck.toml").write_text("", encoding="utf-8")
    source = str(tmp_path / "refcheck.toml")
    assert scan(tmp_path, from_mapping({"exclude": ["drafts/"]}, source)) == ["a.md", "build/b.md", "notes/d.txt"]
    assert scan(tmp_path, from_mapping({"extend-exclude": ["drafts/", "*.txt"]}, source)) == ["a.md"]


def test_globs_are_relative_to_the_settings_file(tmp_path, monkeypatch):
    put(tmp_path, "refcheck.toml", 'extend-exclude = ["/docs/old"]\n')
    for name in ("docs/old/a.md", "docs/new/old/b.md", "docs/c.md"):
        put(tmp_path, name)
    monkeypatch.chdir(tmp_path / "docs")  # the settings file is found upwards; its globs stay anchored there
    assert [p for p, _, _ in codes(".")] == ["./c.md", "./c.md", "./new/old/b.md", "./new/old/b.md"]


def test_gitignore(tmp_path):
    put(tmp_path, ".gitignore", "*.txt\ngenerated/\n!keep.txt\n")
    put(tmp_path, "sub/.gitignore", "local.md\n")
    for name in ("a.md", "b.txt", "keep.txt", "generated/c.md", "sub/local.md", "sub/d.md", "local.md"):
        put(tmp_path, name)
    assert scan(tmp_path, Config()) == ["a.md", "keep.txt", "local.md", "sub/d.md"]
    assert scan(tmp_path, Config(respect_gitignore=False)) == [
        "a.md", "b.txt", "keep.txt", "local.md", "generated/c.md", "sub/d.md", "sub/local.md"]


def test_gitignore_above_the_scanned_folder_up_to_the_repository(tmp_path):
    (tmp_path / ".git").mkdir()
    put(tmp_path, ".gitignore", "secret.md\n")
    put(tmp_path, "docs/secret.md")
    put(tmp_path, "docs/open.md")
    assert scan(tmp_path / "docs", Config()) == ["open.md"]


def test_a_file_named_is_checked_even_when_excluded(tmp_path, monkeypatch):
    put(tmp_path, "build/x.md")
    monkeypatch.chdir(tmp_path)
    assert [p for p, _, _ in codes("build/x.md")] == ["build/x.md", "build/x.md"]


def test_the_same_file_given_twice_is_checked_once(tmp_path, monkeypatch):
    put(tmp_path, "docs/a.md")
    os.symlink(tmp_path / "docs" / "a.md", tmp_path / "link.md")
    monkeypatch.chdir(tmp_path)
    assert codes("docs/a.md", "./docs/a.md", "docs", "link.md") == [("docs/a.md", 1, "RC103"), ("docs/a.md", 7, "RC102")]


def test_extend_exclude_option(tmp_path, monkeypatch):
    put(tmp_path, "a.md")
    put(tmp_path, "drafts/b.md")
    monkeypatch.chdir(tmp_path)
    assert {p for p, _, _ in codes("--isolated", "--extend-exclude", "drafts", ".")} == {"./a.md"}
    result = cli("check", "--isolated", "--extend-exclude", "*.md", ".")
    assert result.exit_code == 2
    assert result.stderr == "refcheck: error: .: no supported documents in this folder (" + ", ".join(SUPPORTED_SUFFIXES) + ")\n"
