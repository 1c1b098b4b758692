from refcheck.net.verify.work import Verdict

from ._verify import DOC, LECUN, found, with_verdicts


def test_doi_suggested_for_a_confident_match():
    verdict = Verdict("verified", "", LECUN, 1.0, suggest_doi="10.1162/neco.1997.9.8.1735")
    assert found(with_verdicts(DOC, {1: verdict}), "RC508") == [
        (5, 1, "info", "Hochreiter (1997): the work has a DOI (Crossref): 10.1162/neco.1997.9.8.1735",
         "https://doi.org/10.1162/neco.1997.9.8.1735")]


def test_not_for_a_mismatch_or_an_entry_with_a_doi():
    assert found(with_verdicts(DOC, {1: Verdict("mismatch", "", LECUN, suggest_doi="10.1/x")}), "RC508") == []
    assert found(with_verdicts(DOC, {0: Verdict("verified", "", LECUN, suggest_doi="10.1/x")}), "RC508") == []
