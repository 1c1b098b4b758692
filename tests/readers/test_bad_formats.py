"""Hostile or broken input in the new formats, end to end through the command
line: a finding (exit 1) or a one-line error (exit 2), never a traceback (3)."""

import pytest

from .._cli import cli
from ._files import write

# billion laughs: nine levels of ten, 10**9 "a"s if expanded
BOMB = ('<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY a "a">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
        '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">'
        '<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">'
        '<!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]>\n'
        "<article><back><ref-list/></back><p>&i;</p></article>\n")


@pytest.mark.parametrize("name, text, message", [
    ("bomb.xml", BOMB, "bomb.xml: XML refused: it declares entities (a); entity expansion and external references are off"),
    ("xxe.nxml", '<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n<article>&x;</article>\n',
     "xxe.nxml: XML refused: it refers to an external entity (x); entity expansion and external references are off"),
    ("cut.xml", "<article><ref-list><ref id='a'>", "cut.xml: not well-formed XML: no element found: line 1, column 31"),
    ("paper.docx", "PK\x03\x04 not really", "paper.docx: not a Word document (.docx): not a zip archive"),
    ("paper.pdf", "%PDF-1.4 broken", "paper.pdf: cannot read this PDF: "),
])
def test_one_line_error_exit_2(tmp_path, name, text, message):
    write(tmp_path, {name: text})
    result = cli("check", "--isolated", str(tmp_path / name))
    assert result.exit_code == 2
    assert result.output.splitlines()[0].startswith(f"refcheck: error: {tmp_path}/{message}")
    assert "Traceback" not in result.output


@pytest.mark.parametrize("files, code", [
    ({"m.tex": "\\cite{a}\n\\bibliography{r}\n", "r.bib": "@article{a, title={x\n@@@{{{\n"}, "RC110"),
    ({"m.tex": "\\section{Open \\cite{a}\n\\bibliography{r}\n", "r.bib": "@misc{a, title={T}}\n"}, "RC115"),
    ({"m.tex": "\\input{m}\\cite{a}\n\\bibliography{r}\n", "r.bib": "@misc{a, title={T}}\n"}, "RC115"),
    ({"m.tex": "\\cite{a}\n\\bibliography{r}\n", "r.bib": "\x00\x01binary"}, "RC100"),
    ({"m.md": "---\nbibliography: r.json\n---\n[@a]\n", "r.json": "{not json"}, "RC100"),
    ({"m.md": "---\nbibliography: r.yaml\n---\n[@a]\n", "r.yaml": "- id: [unclosed\n"}, "RC100"),
])
def test_broken_sources_are_findings(tmp_path, files, code):
    write(tmp_path, files)
    main = next(iter(files))
    result = cli("check", "--isolated", "--select", code, str(tmp_path / main))
    assert result.exit_code in (0, 1), result.output
    assert f"[{code}] " in result.output
    assert "Traceback" not in result.output


def test_bib_option_with_a_missing_file_says_so(tmp_path):
    write(tmp_path, {"m.md": "See [@a].\n"})
    result = cli("check", "--isolated", "--bib", str(tmp_path / "none.bib"), str(tmp_path / "m.md"))
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{tmp_path}/m.md:1:6: error[RC100] 1 citation by key but the bibliography cannot be read: {tmp_path}/none.bib (--bib): "
        "no such file or directory (suggestion: name the bibliography file with --bib FILE (or the config key bib))")


def test_bib_config_key(tmp_path):
    write(tmp_path, {"m.md": "See [@a].\n", "refs/r.bib": "@misc{a, title={T}, year=2001}\n",
                     "refcheck.toml": 'bib = ["refs/r.bib"]\n'})
    result = cli("check", "--config", str(tmp_path / "refcheck.toml"), str(tmp_path / "m.md"))
    assert result.exit_code == 0, result.output
    write(tmp_path, {"refcheck.toml": "bib = 3\n"})
    result = cli("check", "--config", str(tmp_path / "refcheck.toml"), str(tmp_path / "m.md"))
    assert result.exit_code == 2
    assert "bib must be a file name or a list of file names" in result.output


def test_refs_reads_the_bib_option(tmp_path):
    write(tmp_path, {"m.md": "See [@a] and [@b].\n", "r.bib": "@misc{a, author={Ito, K}, title={T}, year=2001}\n"})
    result = cli("refs", "--bib", str(tmp_path / "r.bib"), str(tmp_path / "m.md"))
    assert result.exit_code == 0
    rows = [line.split()[:3] for line in result.output.splitlines() if line.startswith(("R1", "C1", "C2"))]
    assert rows == [["R1", "1", "Ito,"], ["C1", "1:6", "[@a]"], ["C2", "1:15", "[@b]"]]


def test_standard_input_with_bib(tmp_path):
    write(tmp_path, {"r.bib": "@misc{a, author={Ito, K}, title={T}, year=2001}\n"})
    result = cli("check", "--isolated", "--bib", str(tmp_path / "r.bib"), "-", input="See [@a] and [@b].\n")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"<stdin>:1:15: error[RC101] [@b]: no entry with the key 'b' in {tmp_path}/r.bib"
