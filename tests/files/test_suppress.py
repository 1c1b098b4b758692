"""Inline suppressions in each format's comment syntax."""

from __future__ import annotations

import pytest

from refcheck import suppress
from refcheck.api import check_document, check_paths, check_text
from refcheck.model import Document
from refcheck.readers import read_bytes

from ..conftest import random_text

BODY = ("Water (Moreau, 2002).\n\n{above}Irrigation (Moreau, 2003).\n\nReferences\n\n"
        "Moreau, Anne (2001). Water and power. Oxford Press.\n\n{entry}Zed, Ann (1999). Unused work.\n  X Press.\n")


def findings(text: str, path: str = "doc.md"):
    fmt = path.rsplit(".", 1)[1]
    document = read_bytes(path, text.encode("utf-8"), "txt" if fmt == "rst" else fmt)
    return [(f.line, f.code, f.message) for f in check_document(document).findings]


def test_unsuppressed():
    assert [(line, code) for line, code, _ in findings(BODY.format(above="", entry=""))] == [
        (1, "RC103"), (3, "RC103"), (9, "RC102")]


@pytest.mark.parametrize("path, above, entry", [
    ("doc.md", "<!-- refcheck: ignore[RC103] -->\n", "<!-- refcheck: ignore[RC102] -- cited in the appendix -->\n"),
    ("doc.txt", "refcheck: ignore[RC103]\n", "refcheck: ignore[RC102] reason: cited in the appendix\n"),
    ("doc.rst", ".. refcheck: ignore[RC103]\n", ".. refcheck: ignore[RC102] -- cited in the appendix\n"),
    ("doc.md", "<!-- refcheck: ignore[RC1] -->\n\n", "<!-- refcheck: ignore -->\n"),  # a prefix; a blank line between
])
def test_next_line_and_the_whole_entry(path, above, entry):
    text = BODY.format(above=above, entry=entry)
    assert findings(text, path) == [(1, "RC103", "(Moreau, 2002): the reference list has Moreau (2001)")]


def test_a_trailing_comment_covers_its_own_line():
    text = BODY.format(above="", entry="").replace("Water (Moreau, 2002).", "Water (Moreau, 2002). <!-- refcheck: ignore[RC103] -->")
    assert [(line, code) for line, code, _ in findings(text)] == [(3, "RC103"), (9, "RC102")]


def test_a_comment_inside_an_entry_covers_the_entry():
    text = BODY.format(above="", entry="").replace("  X Press.", "  X Press. <!-- refcheck: ignore[RC102] -->")
    assert [(line, code) for line, code, _ in findings(text)] == [(1, "RC103"), (3, "RC103")]


def test_the_comment_is_not_read_as_part_of_an_entry():
    text = BODY.format(above="", entry="refcheck: ignore[RC102]\n")
    document = read_bytes("doc.txt", text.encode(), "txt")
    from refcheck.api import extract

    assert [r.raw for r in extract(document).references] == [
        "Moreau, Anne (2001). Water and power. Oxford Press.", "Zed, Ann (1999). Unused work. X Press."]


def test_other_formats_syntax_is_not_a_suppression():
    text = BODY.format(above="% refcheck: ignore[RC103]\n", entry="")
    assert [(line, code) for line, code, _ in findings(text)] == [(1, "RC103"), (4, "RC103"), (10, "RC102")]


@pytest.mark.parametrize("path, kind, text, lines", [
    ("paper.tex", "latex", "See \\citet{moreau}.\n% refcheck: ignore[RC101] -- a personal communication\n\\citet{kahn}.\n",
     (3, 3)),
    ("refs.bib", "text", "@book{zed,\n  % refcheck: ignore[RC102]\n  author = {Zed, Ann},\n  year = {1999},\n}\n", (1, 5)),
    ("paper.tex", "latex", "100\\% refcheck: ignore[RC101]\nnext\n", None),  # an escaped percent is not a comment
])
def test_percent_comments(path, kind, text, lines):
    document = Document.build(path, text, kind=kind)
    entries = [(0, len(text))] if path.endswith(".bib") else []
    found = suppress.directives(document, entries)
    assert [(d.first_line, d.last_line) for d in found] == ([lines] if lines else [])
    if lines:
        assert found[0].codes in (("RC101",), ("RC102",))


def test_reason_forms():
    document = Document.build("a.md", "<!-- refcheck: ignore[RC102, RC103] -- fine -->\nx\n"
                                      "<!-- refcheck: ignore reason: later -->\ny\n", kind="markdown")
    assert [(d.codes, d.reason) for d in suppress.directives(document)] == [(("RC102", "RC103"), "fine"), (None, "later")]


def test_rc113_can_be_turned_off():
    from refcheck.config import Config

    text = BODY.format(above="<!-- refcheck: ignore[RC104] -->\n", entry="")
    assert [f.code for f in check_text(text, config=Config(ignore=("RC113",))).findings] == ["RC103", "RC103", "RC102"]
    assert [f.code for f in check_text(text).findings] == ["RC103", "RC113", "RC103", "RC102"]


def test_a_suppressed_code_that_is_turned_off_is_not_unused():
    from refcheck.config import Config

    text = BODY.format(above="<!-- refcheck: ignore[RC103] -->\n", entry="")
    assert [f.code for f in check_text(text, config=Config(ignore=("RC103",))).findings] == ["RC102"]


TEX = ("\\documentclass{article}\n\\begin{document}\nRivers matter \\citep{moreau}.\n"
       "% refcheck: ignore[RC101] -- a personal communication\nRain fell \\citep{kahn}.\n"
       "\\bibliography{refs}\n\\end{document}\n")
BIB = ("@book{moreau,\n  author = {Moreau, Anne},\n  title = {Water and power},\n  year = {2001},\n"
       "  publisher = {Oxford Press},\n}\n\n{comment}@book{zed,\n  author = {Zed, Ann},\n  title = {Dry seasons},\n"
       "  year = {1999},{inside}\n  publisher = {X Press},\n}\n")


def _latex(tmp_path, comment="", inside=""):
    from refcheck.config import Config

    (tmp_path / "paper.tex").write_text(TEX, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIB.replace("{comment}", comment).replace("{inside}", inside), encoding="utf-8")
    report = check_paths([str(tmp_path / "paper.tex")], Config())
    return [(f.path.rsplit("/", 1)[1], f.line, f.code, f.message) for f in report.findings]


def test_latex_and_bib_comments(tmp_path):
    assert _latex(tmp_path) == [("refs.bib", 8, "RC102", "zed (Zed (1999)) is in the bibliography but never cited")]
    assert _latex(tmp_path, comment="% refcheck: ignore[RC102] -- kept for the next chapter\n") == []
    # BibTeX has no comments inside an entry (a % there is part of a field): none is looked for
    assert _latex(tmp_path, comment="% refcheck: ignore[RC103]\n") == [
        ("refs.bib", 8, "RC113", "unused suppression: no RC103 finding on the lines it covers"),
        ("refs.bib", 9, "RC102", "zed (Zed (1999)) is in the bibliography but never cited"),
    ]


def test_a_bib_comment_does_not_reach_the_entry_above(tmp_path):
    text = BIB.replace("{comment}", "% refcheck: ignore[RC102]\n").replace("{inside}", "")
    found = suppress.bib_directives("refs.bib", text)
    assert [(d.line, d.first_line, d.last_line) for d in found] == [(8, 9, 14)]


def test_without_the_comment_in_the_tex_file(tmp_path):
    from refcheck.config import Config

    (tmp_path / "paper.tex").write_text(TEX.replace("% refcheck: ignore[RC101] -- a personal communication\n", ""))
    (tmp_path / "refs.bib").write_text(BIB.replace("{comment}", "").replace("{inside}", ""))
    codes = [f.code for f in check_paths([str(tmp_path / "paper.tex")], Config()).findings]
    assert codes == ["RC101", "RC102"]


def test_the_lines_closing_a_bib_entry_are_found_from_its_end():
    # the blank and comment lines after an entry: what the anchored pattern used before finds
    import random
    import re

    closing = re.compile(r"(?:\n[ \t]*(?:%[^\n]*)?)+\Z")
    rng = random.Random(6)
    pieces = ["\n", " ", "\t", "%", "% note", "x", "@", "\r", "a%", "}"]
    for _ in range(5000):
        text = random_text(rng, pieces, 10)
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        found = closing.search(text, start, end)
        assert suppress._trailing(text, start, end) == (found.start() if found else end), (text, start, end)
