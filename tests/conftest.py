"""Shared helpers: check a document given inline and look at what was found."""

from __future__ import annotations

import os
import textwrap

import pytest

from refcheck.api import check_text
from refcheck.config import Config

HERE = os.path.dirname(__file__)
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "shared"))
SEED = os.path.join(SHARED, "corpus", "kazakhstan-multivector.txt")
HOLDOUT = os.path.join(SHARED, "holdout")


def run(text: str, style: str = "apa7", fmt: str = "md"):
    """Check a dedented inline document with every rule enabled."""
    return check_text(textwrap.dedent(text).lstrip("\n"), "doc.md", Config(style=style), fmt)


def found(text: str, code: str | None = None, style: str = "apa7") -> list[tuple[int, int, str]]:
    """(line, col, code) of each finding, optionally only one code."""
    result = run(text, style)
    return [(f.line, f.col, f.code) for f in result.findings if code is None or f.code == code]


def messages(text: str, code: str, style: str = "apa7") -> list[str]:
    return [f.message for f in run(text, style).findings if f.code == code]


def suggestions(text: str, code: str, style: str = "apa7") -> list[str | None]:
    return [f.suggestion for f in run(text, style).findings if f.code == code]


def random_text(rng, pieces: list[str], most: int) -> str:
    """Up to ``most`` of ``pieces`` drawn at random and joined: the texts on which a new
    path is held equal to the one it replaced."""
    return "".join(rng.choice(pieces) for _ in range(rng.randint(0, most)))


needs_shared = pytest.mark.skipif(not os.path.isdir(SHARED), reason="../shared is not beside the checkout")
