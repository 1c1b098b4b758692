"""The files CI and shells use: the pre-commit hook's definition, the GitHub Action, completion."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from refcheck.cli import main

yaml = pytest.importorskip("yaml")  # PyYAML comes with pre-commit (the test extra)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _load(name: str):
    with open(os.path.join(ROOT, name), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def test_pre_commit_hook_definition():
    [hook] = _load(".pre-commit-hooks.yaml")
    assert (hook["id"], hook["entry"], hook["language"]) == ("refcheck", "refcheck check", "python")
    assert hook["types_or"] == ["markdown", "plain-text", "rst", "tex", "bib"]


def test_action_runs_sarif_and_uploads_it():
    action = _load("action.yml")
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    run = next(s for s in steps if s.get("id") == "check")
    assert "refcheck check --format sarif $ARGS $PATHS" in run["run"]
    assert "${{" not in run["run"]  # inputs come through the environment, never pasted into the script
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"


def test_shell_completion():
    def complete(words: str, index: int) -> str:
        env = {"_REFCHECK_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": str(index)}
        return CliRunner().invoke(main, [], prog_name="refcheck", env=env).output

    assert complete("refcheck check --unsa", 2) == "plain,--unsafe-fixes\n"
    assert "plain,config\n" in complete("refcheck co", 1)
    source = CliRunner().invoke(main, [], prog_name="refcheck", env={"_REFCHECK_COMPLETE": "bash_source"}).output
    assert source.startswith("_refcheck_completion() {")
