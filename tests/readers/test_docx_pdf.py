"""Word and PDF documents generated in the test: text, Zotero fields, links,
running headers, and the files that cannot be read."""

import os
import zipfile

import pytest

from refcheck.api import check_paths
from refcheck.config import Config
from refcheck.errors import InputError

from . import _make

pytest.importorskip("docx")
pytest.importorskip("pypdf")

HERE = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "fixtures", "formats"))
PLANTED = ("RC101", "RC102", "RC107")


def lines():
    with open(os.path.join(HERE, "paper.txt"), encoding="utf-8") as handle:
        return handle.read().splitlines()


def test_same_planted_problems_in_a_docx(tmp_path):
    _make.docx(tmp_path / "paper.docx", lines())
    report = check_paths([str(tmp_path / "paper.docx")], Config(select=PLANTED))
    # a finding's line is the paragraph's number: here the text file's line
    assert [(f.line, f.code) for f in report.findings] == [(4, "RC101"), (10, "RC102"), (10, "RC107"), (11, "RC102")]


def test_same_planted_problems_in_a_pdf(tmp_path):
    text = lines()
    pages = [["Steppe Notes 2024", *text[:6], "1"], ["Steppe Notes 2024", *text[6:], "2"], ["Steppe Notes 2024", "", "3"]]
    (tmp_path / "paper.pdf").write_bytes(_make.pdf(pages))
    report = check_paths([str(tmp_path / "paper.pdf")], Config(select=PLANTED))
    assert report.errors == []
    assert [f.code for f in report.findings] == ["RC101", "RC102", "RC107", "RC102"]
    assert "Steppe Notes" not in check_paths([str(tmp_path / "paper.pdf")]).files[0].references[-1].raw


LEMON = {"id": "a", "type": "article-journal", "title": "Rivers and rules", "author": [{"family": "Lemon", "given": "E."}],
         "issued": {"date-parts": [[2018]]}, "container-title": "Steppe Studies"}
DOE = {"id": "b", "type": "book", "title": "Quotas", "author": [{"family": "Doe", "given": "J."}],
       "issued": {"date-parts": [[2020]]}}


def test_zotero_fields_are_structured_citations(tmp_path):
    _make.docx(tmp_path / "z.docx", ["Intro."], fields=[
        ("Rivers matter ", "(Lemon, 2019)", [LEMON], "."),
        ("Quotas too ", "(Doe, 2020)", [DOE], "."),
        ("Both ", "(Lemon, 2018; Doe, 2020)", [LEMON, DOE], "."),
    ])
    report = check_paths([str(tmp_path / "z.docx")], Config())
    result = report.files[0]
    assert [(c.key.rsplit("/", 1)[1], c.text) for c in result.citations] == [
        ("a", "Lemon, 2019"), ("b", "Doe, 2020"), ("a", ""), ("b", "")]
    assert [(f.line, f.col, f.code, f.message) for f in result.findings] == [
        (2, 15, "RC103", "(Lemon, 2019): the reference list has Lemon (2018)"),
        (3, 12, "RC201", "http://zotero.org/users/1/items/b: this @book lacks the required field publisher"),
    ]


def test_hyperlink_targets_and_footnotes_are_read(tmp_path):
    _make.docx(tmp_path / "l.docx", ["Rivers (Lemon, 2018).", "References", "Lemon, E. (2018). Rivers. Steppe Press."],
               link=("the report", "https://example.org/report"))
    report = check_paths([str(tmp_path / "l.docx")], Config())
    assert report.errors == []
    with zipfile.ZipFile(tmp_path / "l.docx") as archive:
        assert "https://example.org/report" in archive.read("word/_rels/document.xml.rels").decode()
    from refcheck.readers import read_path

    assert read_path(str(tmp_path / "l.docx")).text.splitlines()[-1] == "See the report https://example.org/report"


def test_a_zip_of_something_else(tmp_path):
    with zipfile.ZipFile(tmp_path / "x.docx", "w") as archive:
        archive.writestr("hello.txt", "not word")
    report = check_paths([str(tmp_path / "x.docx")])
    assert report.errors == [f"{tmp_path}/x.docx: not a Word document (.docx): a zip archive without word/document.xml"]


def test_image_only_and_password_protected_pdfs(tmp_path):
    import pypdf

    (tmp_path / "blank.pdf").write_bytes(_make.pdf([[], []]))
    writer = pypdf.PdfWriter(clone_from=str(tmp_path / "blank.pdf"))
    (tmp_path / "text.pdf").write_bytes(_make.pdf([["Rivers (Lemon, 2018)."]]))
    locked = pypdf.PdfWriter(clone_from=str(tmp_path / "text.pdf"))
    locked.encrypt("secret", algorithm="RC4-128")
    locked.write(str(tmp_path / "locked.pdf"))
    del writer
    report = check_paths([str(tmp_path / "blank.pdf"), str(tmp_path / "locked.pdf")])
    assert report.errors == [
        f"{tmp_path}/blank.pdf: no text layer (an image-only or scanned PDF); run OCR first, e.g. ocrmypdf",
        f"{tmp_path}/locked.pdf: password-protected PDF; not read",
    ]


def test_pdf_without_pypdf_names_the_extra(monkeypatch):
    import builtins

    from refcheck.readers import pdf

    real = builtins.__import__

    def without_pypdf(name, *args, **kwargs):
        if name == "pypdf":
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_pypdf)
    with pytest.raises(InputError) as caught:
        pdf.read_binary("a.pdf", b"%PDF-1.4")
    assert str(caught.value) == "a.pdf: PDF documents need the pdf extra: pip install 'refcheck[pdf]'"


def test_running_headers_page_numbers_and_hyphens():
    from refcheck.readers.pdf import clean

    pages = ["Journal 4\nRivers are trans-\nboundary.\n1", "Journal 4\nMore text.\n2", "Journal 4\nEnd.\nPage 3 of 3"]
    assert clean(pages) == "Rivers are transboundary.\n\nMore text.\n\nEnd.\n"
