"""The pre-commit hook, run by `pre-commit try-repo` on a sample repository.

Offline: pip gets no index (PIP_NO_INDEX), builds refcheck without build
isolation, and finds its dependencies already installed (this interpreter's
site-packages on PYTHONPATH). Skipped when pre-commit, git or a setuptools
that builds wheels by itself (70.1+) is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig

import pytest

from ._docs import CLEAN, DOC

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _skip_reason() -> str | None:
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        return "pre-commit is not installed"
    if shutil.which("git") is None:
        return "git is not installed"
    if not os.path.exists(os.path.join(ROOT, ".git")):
        return "the checkout is not a git repository"
    try:
        import setuptools
    except ImportError:
        return "setuptools is not installed"
    if tuple(int(p) for p in setuptools.__version__.split(".")[:2]) < (70, 1):
        return "setuptools before 70.1 cannot build a wheel without the wheel package"
    return None


pytestmark = pytest.mark.skipif(_skip_reason() is not None, reason=_skip_reason() or "")


def _git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_pre_commit_try_repo(tmp_path):
    sample = tmp_path / "sample"
    sample.mkdir()
    _git("init", "-q", cwd=sample)
    (sample / "paper.md").write_text(DOC, encoding="utf-8")
    (sample / "notes.md").write_text(CLEAN, encoding="utf-8")
    (sample / "script.py").write_text("print('(Moreau, 2002)')\n", encoding="utf-8")  # not a document type: not passed
    _git("add", ".", cwd=sample)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "home"), PIP_NO_INDEX="1", PIP_NO_BUILD_ISOLATION="0",
               PYTHONPATH=sysconfig.get_paths()["purelib"], GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org", PRE_COMMIT_COLOR="never", NO_COLOR="1")
    env.pop("GITHUB_ACTIONS", None)
    done = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", ROOT, "refcheck", "--all-files"],
                          cwd=sample, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "- hook id: refcheck\n- exit code: 1\n" in done.stdout
    lines = done.stdout.splitlines()
    flagged = sorted(line.split(":")[0] + ":" + line.split(":")[1] + ":" + line.split(":")[2] for line in lines
                     if line.startswith(("paper.md:", "notes.md:", "script.py:")))
    assert flagged == ["paper.md:1:8", "paper.md:7:1"]
