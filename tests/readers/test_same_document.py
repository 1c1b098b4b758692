"""One small document written in every format refcheck reads: the same planted
problems are found in each (a citation with no entry, a duplicated entry by
DOI, two entries never cited), on the lines where they stand in that file."""

import os

import pytest

from refcheck.api import check_paths
from refcheck.config import Config

HERE = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "fixtures", "formats"))
PLANTED = ("RC101", "RC102", "RC107")

# file -> [(file the finding is in, line, code)]
EXPECTED = {
    "paper.txt": [("paper.txt", 4, "RC101"), ("paper.txt", 10, "RC102"), ("paper.txt", 10, "RC107"), ("paper.txt", 11, "RC102")],
    "paper.md": [("paper.md", 4, "RC101"), ("paper.md", 10, "RC102"), ("paper.md", 10, "RC107"), ("paper.md", 11, "RC102")],
    "paper.tex": [("paper.bib", 7, "RC102"), ("paper.bib", 7, "RC107"), ("paper.bib", 10, "RC102"), ("paper.tex", 6, "RC101")],
    "pandoc.md": [("pandoc.md", 7, "RC101"), ("paper.bib", 7, "RC102"), ("paper.bib", 7, "RC107"), ("paper.bib", 10, "RC102")],
    "paper.html": [("paper.html", 7, "RC101"), ("paper.html", 12, "RC102"), ("paper.html", 12, "RC107"), ("paper.html", 13, "RC102")],
    "paper.jats.xml": [("paper.jats.xml", 7, "RC101"), ("paper.jats.xml", 13, "RC102"), ("paper.jats.xml", 13, "RC107"),
                       ("paper.jats.xml", 14, "RC102")],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_same_planted_problems_in_every_format(name):
    report = check_paths([os.path.join(HERE, name)], Config(select=PLANTED))
    assert report.errors == []
    got = [(os.path.basename(f.path), f.line, f.code) for f in report.findings]
    assert got == EXPECTED[name]
    result = report.files[0]
    assert (len(result.references), len(result.citations)) == (4, 3)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_nothing_else_is_an_error(name):
    report = check_paths([os.path.join(HERE, name)], Config())
    errors = [(f.code, f.message) for f in report.findings if f.severity.label == "error"]
    assert [code for code, _ in errors] == ["RC101"]
    assert "Kumar" in errors[0][1] or "kumar2015" in errors[0][1]
