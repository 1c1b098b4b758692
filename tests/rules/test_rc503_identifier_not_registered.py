from refcheck.net.verify.work import Verdict

from ._verify import DOC, found, with_verdicts


def test_unregistered_doi():
    verdict = Verdict("unregistered", "doi.org has no DOI 10.1038/nature14539, and no registry holds a record of it",
                      identifier="doi:10.1038/nature14539")
    assert found(with_verdicts(DOC, {0: verdict}), "RC503") == [
        (4, 73, "error", "Bengio (2012): doi:10.1038/nature14539 is not registered (doi.org has no DOI 10.1038/nature14539, "
                         "and no registry holds a record of it)", "copy the identifier from the work's landing page")]


def test_unknown_arxiv_id_without_the_id_in_the_text_points_at_the_entry():
    verdict = Verdict("unregistered", "arXiv has no paper 1810.99999", identifier="arXiv:1810.99999")
    assert [(line, col) for line, col, *_ in found(with_verdicts(DOC, {1: verdict}), "RC503")] == [(5, 1)]
