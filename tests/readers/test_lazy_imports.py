"""The readers' libraries load only when a file of their kind is read."""

import ast
import os
import subprocess
import sys

HERE = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "fixtures", "formats"))
HEAVY = ("bibtexparser", "pylatexenc", "yaml", "defusedxml", "pypdf")


def loaded(*paths: str) -> list[str]:
    code = ("import sys; from refcheck.api import check_paths; check_paths(sys.argv[1:]); "
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code, *paths], capture_output=True, text=True, timeout=60, check=True)
    return ast.literal_eval(out.stdout)


def test_text_markdown_and_html_load_none():
    assert loaded(os.path.join(HERE, "paper.txt"), os.path.join(HERE, "paper.md"), os.path.join(HERE, "paper.html")) == []


def test_each_format_loads_its_own():
    assert loaded(os.path.join(HERE, "paper.tex")) == ["bibtexparser", "pylatexenc"]
    assert loaded(os.path.join(HERE, "pandoc.md")) == ["bibtexparser", "pylatexenc", "yaml"]
    assert loaded(os.path.join(HERE, "paper.jats.xml")) == ["defusedxml"]
