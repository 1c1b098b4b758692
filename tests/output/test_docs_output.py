"""The output shown in docs/output.md and README.md is what refcheck prints: every ```text block
that starts with `$ refcheck ...` is run (check and refs with --isolated, colour off) and compared.
REFCHECK_UPDATE_FIXTURES=1 rewrites the blocks (only when the change is intended)."""

import os
import re
import subprocess
import sys

import pytest

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
PAGES = {"docs/output.md": "docs/examples", "README.md": "."}
BLOCK = re.compile(r"```text\n\$ (refcheck [^\n]*)\n(.*?)```", re.S)


def _blocks():
    for page, folder in PAGES.items():
        with open(os.path.join(ROOT, page), encoding="utf-8") as handle:
            for command, shown in BLOCK.findall(handle.read()):
                yield pytest.param(folder, command, shown, id=f"{page}: {command}")


def _run(folder, command):
    args = command.split()[1:]
    if args[0] in ("check", "refs"):
        args.insert(1, "--isolated")
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "GITHUB_ACTIONS", "GITHUB_WORKSPACE", "COLUMNS")}
    result = subprocess.run([sys.executable, "-m", "refcheck", *args], cwd=os.path.join(ROOT, folder), capture_output=True,
                            text=True, timeout=60, env={**env, "NO_COLOR": "1"})
    return result.stdout


def _update():
    for page, folder in PAGES.items():
        path = os.path.join(ROOT, page)
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        text = BLOCK.sub(lambda m: f"```text\n$ {m.group(1)}\n{_run(folder, m.group(1))}```", text)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)


if os.environ.get("REFCHECK_UPDATE_FIXTURES"):
    _update()


@pytest.mark.parametrize(("folder", "command", "shown"), list(_blocks()))
def test_shown_output_is_real(folder, command, shown):
    assert _run(folder, command) == shown


def test_every_format_is_shown():
    with open(os.path.join(ROOT, "docs", "output.md"), encoding="utf-8") as handle:
        text = handle.read()
    for fmt in ("full", "concise", "jsonl", "github", "junit", "markdown"):
        assert f"$ refcheck check --format {fmt} rivers.md\n" in text
    assert '"ruleId": "RC103"' in text  # sarif, as an excerpt
