import pytest

from refcheck.api import check_paths
from refcheck.config import Config

from ..readers import _make

pytest.importorskip("docx")

ITEM = {"id": "a", "type": "book", "title": "Rivers", "author": [{"family": "Lemon"}], "issued": {"date-parts": [[2018]]},
        "publisher": "Steppe Press"}


def codes(tmp_path, shown, plain):
    _make.docx(tmp_path / "d.docx", ["Intro."], fields=[("Rivers ", shown, [ITEM], ".")], plain=plain)
    report = check_paths([str(tmp_path / "d.docx")], Config(select=("RC116",)))
    return [(f.line, f.col, f.message) for f in report.findings]


def test_field_edited_by_hand(tmp_path):
    assert codes(tmp_path, "(Lemon, 2018, p. 4)", "(Lemon, 2018)") == [
        (2, 8, 'the citation field shows "(Lemon, 2018, p. 4)" but the reference manager inserted "(Lemon, 2018)": '
               "edited by hand, and the next refresh undoes the edit")]


def test_field_as_inserted(tmp_path):
    assert codes(tmp_path, "(Lemon,  2018)", "(Lemon, 2018)") == []
