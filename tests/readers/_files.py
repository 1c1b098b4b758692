"""Write small projects to a temporary folder and check them."""

from __future__ import annotations

import os

from refcheck.api import check_paths
from refcheck.config import Config


def write(folder, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = os.path.join(str(folder), name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)


def check(folder, main: str, bib: tuple[str, ...] = (), **options):
    """(relative path, line, code, message) of every finding, and the report."""
    config = Config(bib=tuple(os.path.join(str(folder), b) for b in bib), **options)
    report = check_paths([os.path.join(str(folder), main)], config)
    base = str(folder) + os.sep
    rows = [(f.path.replace(base, ""), f.line, f.code, f.message.replace(base, "")) for f in report.findings]
    return rows, report


def codes(rows) -> list[tuple[str, int, str]]:
    return [(path, line, code) for path, line, code, _ in rows]
