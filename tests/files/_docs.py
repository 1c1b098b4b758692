"""Small documents with known findings, and helpers that run the command line."""

from __future__ import annotations

import json

from click.testing import CliRunner

from refcheck.cli import main

# RC103 at 1:8 (the year), RC102 at 7:1 (Zed is never cited)
DOC = ("Water (Moreau, 2002).\n\nReferences\n\nMoreau, Anne (2001). Water and power. Oxford Press.\n\n"
       "Zed, Ann (1999). Unused work. X Press.\n")
CLEAN = "Water (Moreau, 2001).\n\nReferences\n\nMoreau, Anne (2001). Water and power. Oxford Press.\n"


def cli(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def codes(*args) -> list[tuple[str, int, str]]:
    """(path, line, code) of each finding of ``refcheck check --format json ARGS``."""
    result = cli("check", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)
    return [(f["path"], f["line"], f["code"]) for file in data["files"] for f in file["findings"]]


def put(folder, name: str, text: str = DOC):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
