"""Running refcheck as the user does: click's CliRunner, or a real process
where a real FIFO, pipe, closed stream or /dev/full is needed."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from refcheck.cli import main

GOOD = "Security (Lemon, 2018).\n\nReferences\nLemon, Edward (2018). Critical approaches. Survey.\n"
WRONG_YEAR = GOOD.replace("(Lemon, 2018).", "(Lemon, 2019).")
NOT_REGULAR = "not a regular file; only regular files are read"


def cli(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def refcheck(*args, cwd, timeout=30, **kwargs):
    """``python -m refcheck`` in a real process: a real FIFO, pipe, or /dev/full."""
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "refcheck", *args], cwd=cwd, stderr=subprocess.PIPE,
                          timeout=timeout, text=True, **kwargs)


def write(folder, name="good.md", text=GOOD):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
