"""The LaTeX reader: citation commands, masking, \\input, bibliographies."""

from refcheck.model import CitationForm
from refcheck.readers import latex

from ._files import check, codes, write

BIB = """@string{cas = "Central Asian Survey"}
@article{lemon2018, author={Lemon, Edward}, title={Critical approaches}, journal=cas, year=2018}
@article{doe2020, author={Doe, Jane and M{\\"u}ller, Hans}, title={Trade routes}, journal={Routes}, year=2020}
@article{abbasova2022, author={Abbasova, Leyla}, title={Security}, journal={Review}, year=2022}
"""


def keys(text: str):
    document = latex.read_with("main.tex", text)
    return [(c.key, c.form, c.command) for c in document.structure.citations]


def test_natbib_and_biblatex_commands_with_notes_stars_and_several_keys():
    text = (r"\citet{a} \citep[see][p.~4]{b, c} \citeauthor*{d} \citeyearpar{e} \Textcite{f} "
            r"\parencite[12]{g} \footcite{h} \smartcite{i} \autocite*{j}")
    assert keys(text) == [
        ("a", CitationForm.NARRATIVE, r"\citet"), ("b", CitationForm.PARENTHETICAL, r"\citep"),
        ("c", CitationForm.PARENTHETICAL, r"\citep"), ("d", CitationForm.AUTHOR, r"\citeauthor*"),
        ("e", CitationForm.YEAR, r"\citeyearpar"), ("f", CitationForm.NARRATIVE, r"\Textcite"),
        ("g", CitationForm.PARENTHETICAL, r"\parencite"), ("h", CitationForm.PARENTHETICAL, r"\footcite"),
        ("i", CitationForm.PARENTHETICAL, r"\smartcite"), ("j", CitationForm.PARENTHETICAL, r"\autocite*"),
    ]


def test_multicites_read_every_key_group():
    assert [k for k, _, _ in keys(r"\parencites(pre)(post)[p. 3][]{a}{b,c}[q]{d} and \textcites{e}{f}")] == list("abcdef")


def test_comments_verbatim_and_iffalse_are_not_scanned():
    text = "\\cite{a} % \\cite{b}\n\\begin{verbatim}\n\\cite{c}\n\\end{verbatim}\n\\iffalse \\cite{d} \\fi 50\\% \\cite{e} \\verb|\\cite{f}|"
    assert [k for k, _, _ in keys(text)] == ["a", "e"]


def test_nocite_keys_and_star():
    document = latex.read_with("main.tex", r"\nocite{x, y} \cite{a} \nocite{*}")
    assert document.structure.nocite == ("x", "y")
    assert document.structure.nocite_all is True
    assert [c.key for c in document.structure.citations] == ["a"]


def test_latex_without_citations_is_read_as_text():
    document = latex.read_with("main.tex", "Plain words (Lemon, 2018). % (Hidden, 2001)\n")
    assert document.structure is None
    assert "Hidden" not in document.scan


def test_keys_link_and_problems_are_found_in_main_included_and_bib_files(tmp_path):
    write(tmp_path, {
        "main.tex": "\\documentclass{article}\n\\begin{document}\n\\citet{lemon2018} and \\citep{Doe2020}.\n"
                    "\\input{chapters/one}\n\\bibliography{refs}\n\\end{document}\n",
        "chapters/one.tex": "Later \\cite{lemon2018,missing}.\n",
        "refs.bib": BIB,
    })
    rows, report = check(tmp_path, "main.tex")
    assert codes(rows) == [("chapters/one.tex", 1, "RC101"), ("main.tex", 3, "RC101"),
                           ("refs.bib", 4, "RC102")]
    assert rows[0][3] == "\\cite{lemon2018,missing}: no entry with the key 'missing' in refs.bib"
    assert rows[1][3].endswith("no entry with the key 'Doe2020' in refs.bib; "
                               "the bibliography has 'doe2020' (BibTeX accepts another case, biber and Pandoc do not)")
    assert rows[2][3] == "abbasova2022 (Abbasova (2022)) is in the bibliography but never cited"
    assert report.exit_code(report.files[0].findings[0].severity) == 1


def test_addbibresource_and_bib_option(tmp_path):
    write(tmp_path, {"main.tex": "\\addbibresource{refs.bib}\n\\textcite{lemon2018} \\cite{doe2020}\n",
                     "refs.bib": BIB, "more.bib": "@article{extra2001, author={Extra, A}, title={T}, journal={J}, year=2001}\n",
                     "other.tex": "\\cite{lemon2018} \\cite{extra2001} \\nocite{doe2020,abbasova2022}\n"})
    rows, _ = check(tmp_path, "main.tex")
    assert codes(rows) == [("refs.bib", 4, "RC102")]
    rows, _ = check(tmp_path, "other.tex", bib=("refs.bib", "more.bib"))
    assert rows == []


def test_input_loop_is_a_finding_not_a_hang(tmp_path):
    write(tmp_path, {"main.tex": "\\input{a}\n\\cite{lemon2018}\n\\bibliography{refs}\n",
                     "a.tex": "\\input{b}\n", "b.tex": "\\input{a.tex}\n", "refs.bib": BIB})
    rows, _ = check(tmp_path, "main.tex", select=("RC115",))
    assert rows == [("main.tex", 1, "RC115", "\\input loop: a.tex includes itself "
                     "(through main.tex -> a.tex -> b.tex); not read again")]


def test_missing_include_and_unknown_command_and_unbalanced_braces(tmp_path):
    write(tmp_path, {"main.tex": "\\input{gone}\n\\mycite{lemon2018} \\citestyle{x}\n\\section{Open\n\\cite{lemon2018}\n"
                                 "\\bibliography{refs}\n", "refs.bib": BIB})
    rows, _ = check(tmp_path, "main.tex", select=("RC115",))
    assert [(line, message.split(":")[0]) for _, line, _, message in rows] == [
        (1, "cannot read the included file gone.tex"),
        (2, "\\mycite is not a citation command refcheck knows; its keys are not checked"),
        (3, "unbalanced braces"),
    ]


def test_included_files_that_cannot_be_read_are_one_finding(tmp_path):
    write(tmp_path, {"main.tex": "\\input{t/a}\n\\input{t/b}\n\\include{t/c}\n\\input{t/d}\n\\cite{lemon2018}\n\\bibliography{refs}\n",
                     "refs.bib": BIB})
    rows, _ = check(tmp_path, "main.tex", select=("RC115",))
    assert rows == [("main.tex", 1, "RC115", "cannot read 4 included files (t/a.tex, t/b.tex, t/c.tex and 1 more): "
                     "no such file or directory; citations in them are not checked")]


def test_no_bibliography_is_never_a_silent_pass(tmp_path):
    write(tmp_path, {"main.tex": "\\cite{a} \\citep{b,c}\n"})
    rows, report = check(tmp_path, "main.tex")
    assert rows == [("main.tex", 1, "RC100", "3 citations by key but no bibliography was found "
                     "(no \\bibliography, \\addbibresource or thebibliography)")]
    assert report.findings[0].severity.label == "error"
    write(tmp_path, {"main.tex": "\\cite{a}\n"})
    rows, report = check(tmp_path, "main.tex")
    assert [(r[2], f.severity.label) for r, f in zip(rows, report.findings)] == [("RC100", "warning")]
    write(tmp_path, {"main.tex": "\\cite{a}\n\\bibliography{nothere}\n"})
    rows, _ = check(tmp_path, "main.tex")
    assert rows == [("main.tex", 1, "RC100", "1 citation by key but the bibliography cannot be read: "
                     "nothere.bib (\\bibliography{nothere}): no such file or directory")]


def test_thebibliography_bibitems_define_keys(tmp_path):
    write(tmp_path, {"main.tex": "\\cite{a} \\cite{b}\n\\begin{thebibliography}{9}\n\\bibitem{a} A. Author. Title. 2001.\n"
                                 "\\end{thebibliography}\n"})
    rows, _ = check(tmp_path, "main.tex", select=("RC1",))
    assert codes(rows) == [("main.tex", 1, "RC101")]


def test_a_typo_in_a_key_is_suggested(tmp_path):
    write(tmp_path, {"main.tex": "\\cite{abasova2022} \\cite{lemon2018} \\cite{doe2020}\n\\bibliography{refs}\n", "refs.bib": BIB})
    rows, _ = check(tmp_path, "main.tex", select=("RC101", "RC102"))
    assert rows == [("main.tex", 1, "RC101", "\\cite{abasova2022}: no entry with the key 'abasova2022' in refs.bib; "
                     "did you mean 'abbasova2022'?")]


def test_input_without_braces(tmp_path):
    write(tmp_path, {"main.tex": "\\input part\n\\bibliography{refs}\n", "part.tex": "\\cite{gone2001}\n", "refs.bib": BIB})
    rows, _ = check(tmp_path, "main.tex", select=("RC101",))
    assert codes(rows) == [("part.tex", 1, "RC101")]


def test_a_key_in_another_case_is_a_warning_a_missing_key_an_error(tmp_path):
    write(tmp_path, {"main.tex": "\\cite{Lemon2018} \\cite{gone}\n\\bibliography{refs}\n", "refs.bib": BIB})
    _, report = check(tmp_path, "main.tex", select=("RC101",))
    assert [(f.code, f.severity.label) for f in report.findings] == [("RC101", "warning"), ("RC101", "error")]


def test_wrappers_of_citation_commands_are_citations():
    text = ("\\newcommand{\\mycite}[1]{\\citep{#1}}\n\\newcommand\\see[1]{see \\citet[p.~2]{#1}}\n"
            "\\def\\byname#1{\\citeauthor{#1}}\n\\see{b} \\mycite{a} \\byname{c} \\Mycite{d}\n")
    assert keys(text) == [("b", CitationForm.NARRATIVE, r"\see"), ("a", CitationForm.PARENTHETICAL, r"\mycite"),
                          ("c", CitationForm.AUTHOR, r"\byname")]
    assert latex.read_with("main.tex", text).structure.unknown_commands == ((text.index("\\Mycite"), "\\Mycite"),)
