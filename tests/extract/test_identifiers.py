"""DOIs and arXiv ids: found, normalised, and checked for common typing mistakes (offline)."""

from __future__ import annotations

import pytest

from refcheck.extract.identifiers import (
    arxiv_id,
    arxiv_version,
    key,
    malformed,
    valid_doi,
)
from refcheck.model import Reference, Span


def ref(raw):
    return Reference("R1", Span(0, len(raw)), raw)


@pytest.mark.parametrize("raw, expected", [
    ("arXiv:1706.03762v5", "1706.03762"), ("https://arxiv.org/abs/1810.04805", "1810.04805"),
    ("https://arxiv.org/pdf/1810.04805v2", "1810.04805"), ("arXiv: hep-th/9901001", "hep-th/9901001"),
    ("https://doi.org/10.48550/arXiv.2303.08774", "2303.08774"), ("arXiv:1312.60114", None), ("arXiv:0612.1234", None),
    ("no identifier here", None),
])
def test_arxiv_id(raw, expected):
    assert arxiv_id(ref(raw)) == expected


def test_arxiv_version():
    assert arxiv_version(ref("arXiv:1706.03762v5")) == "v5"
    assert arxiv_version(ref("arXiv:1706.03762")) is None


@pytest.mark.parametrize("doi, ok", [
    ("10.1038/nature14539", True), ("10.1016/s0140-6736(97)11096-0", True), ("10.123/abc", False),
    ("10.1162/tacl\\_a_00276", False), ("10.1000/../x", False), ("11.1000/x", False),
])
def test_valid_doi(doi, ok):
    assert valid_doi(doi) is ok


@pytest.mark.parametrize("raw, written, fix", [
    ("https://doi.org/10.1162/tacl\\_a_00276", "10.1162/tacl\\_a_00276", "10.1162/tacl_a_00276"),
    ("https://doi.org/doi:10.1162/tacl_a_00276.", "https://doi.org/doi:10.1162/tacl_a_00276", "https://doi.org/10.1162/tacl_a_00276"),
    ("[link](https://doi.org/10.1162/tacl_a_00276.)", "https://doi.org/10.1162/tacl_a_00276.", "https://doi.org/10.1162/tacl_a_00276"),
    ("<https://doi.org/10.1162/x;>", "https://doi.org/10.1162/x;", "https://doi.org/10.1162/x"),
    ("https://doi.org/https://doi.org/10.1016/j.x.2018.1", "https://doi.org/https://doi.org/10.1016/j.x.2018.1",
     "https://doi.org/10.1016/j.x.2018.1"),
    ("https://doi.org/ 10.1000/abc", "https://doi.org/ 10.1000/abc", "https://doi.org/10.1000/abc"),
    ("arXiv:1706.03762v", "arXiv:1706.03762v", "arXiv:1706.03762"),
    ("arXiv:1706.03762 v2", "arXiv:1706.03762 v2", "arXiv:1706.03762"),
    ("arXiv:1706.03762v0", "arXiv:1706.03762v0", "arXiv:1706.03762"),
    ("doi:10.123/abc", "10.123/abc", None),
    ("arXiv:1312.60114", "arXiv:1312.60114", None),
])
def test_malformed(raw, written, fix):
    assert [(m.written, m.fix) for m in malformed(ref(f"Lee, K. (2019). A title. {raw}"))] == [(written, fix)]


@pytest.mark.parametrize("raw", [
    "https://doi.org/10.1162/tacl_a_00276.", "doi:10.1038/nature14539", "arXiv:1706.03762v5.", "https://arxiv.org/abs/2101.00001",
])
def test_well_formed_identifiers_are_fine(raw):
    assert malformed(ref(f"Lee, K. (2019). A title. {raw}")) == []


def test_key_collapses_spaces():
    assert key(ref("Lee,  K.\n(2019).")) == "Lee, K. (2019)."
