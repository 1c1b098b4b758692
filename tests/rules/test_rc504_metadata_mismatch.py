from refcheck.net.verify.work import Verdict

from ._verify import DOC, LECUN, found, with_verdicts


def test_mismatch_gives_both_sides_of_every_field():
    verdict = Verdict("mismatch", "", LECUN, 0.7, (("first author", "Bengio", "LeCun"), ("year", "2012", "2015")),
                      "doi:10.1038/nature14539")
    assert found(with_verdicts(DOC, {0: verdict}), "RC504") == [
        (4, 1, "warning", "Bengio (2012): differs from Crossref's record for doi:10.1038/nature14539: first author \"Bengio\" "
                          "here, \"LeCun\" in the record; year \"2012\" here, \"2015\" in the record",
         "first author: LeCun; year: 2015")]


def test_mismatch_from_a_search_gives_the_score():
    verdict = Verdict("mismatch", "", LECUN, 0.8, (("first author", "Hochreiter", "LeCun"),))
    [(_, _, _, message, _)] = found(with_verdicts(DOC, {1: verdict}), "RC504")
    assert message.startswith("Hochreiter (1997): differs from Crossref's record for a confident match (score 0.80): ")
