from refcheck.net.verify.work import Verdict, Work

from ._verify import found, with_verdicts

DOC = """
Pre-training helps (Devlin, 2018).

References
Devlin, J. (2018). BERT: Pre-training of deep bidirectional transformers for language understanding. arXiv:1810.04805
"""
BERT = Work("arXiv", "BERT: Pre-training of deep bidirectional transformers for language understanding", (("Devlin", "Jacob"),),
            2018, None, None, "1810.04805", "preprint", published_doi="10.18653/v1/n19-1423")


def test_published_version_is_suggested():
    assert found(with_verdicts(DOC, {0: Verdict("verified", "", BERT, identifier="arXiv:1810.04805")}), "RC507") == [
        (4, 1, "info", "Devlin (2018): the preprint has a published version: https://doi.org/10.18653/v1/n19-1423",
         "https://doi.org/10.18653/v1/n19-1423")]


def test_nothing_when_the_entry_cites_the_published_doi_or_there_is_none():
    cited = DOC.replace("arXiv:1810.04805", "https://doi.org/10.18653/v1/N19-1423")
    assert found(with_verdicts(cited, {0: Verdict("verified", "", BERT)}), "RC507") == []
    from dataclasses import replace

    assert found(with_verdicts(DOC, {0: Verdict("verified", "", replace(BERT, published_doi=None))}), "RC507") == []
