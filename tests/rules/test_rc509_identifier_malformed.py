from ..conftest import found, messages, suggestions

DOC = "Treebanks vary (Lee, 2019).\n\nReferences\nLee, K. (2019). Cross-lingual treebanks. Transactions of the ACL, 7, 1-20. {}\n"


def test_escaped_underscore_runs_offline():
    text = DOC.format("https://doi.org/10.1162/tacl\\_a_00276")
    assert found(text, "RC509") == [(4, 92, "RC509")]
    assert messages(text, "RC509") == ["Lee (2019): the DOI contains a backslash (an escaped character from LaTeX or Markdown): "
                                       "10.1162/tacl\\_a_00276"]
    assert suggestions(text, "RC509") == ["10.1162/tacl_a_00276"]


def test_doi_prefix_inside_the_url_and_a_stray_arxiv_version():
    assert suggestions(DOC.format("https://doi.org/doi:10.1162/tacl_a_00276"), "RC509") == ["https://doi.org/10.1162/tacl_a_00276"]
    assert suggestions(DOC.format("arXiv:1706.03762v"), "RC509") == ["arXiv:1706.03762"]


def test_well_formed_identifiers_are_fine():
    for written in ("https://doi.org/10.1162/tacl_a_00276.", "doi:10.1162/tacl_a_00276", "arXiv:1706.03762v5", ""):
        assert found(DOC.format(written), "RC509") == []
