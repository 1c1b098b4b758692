from refcheck.net.verify.work import Verdict

from ._verify import DOC, LECUN, found, with_verdicts


def test_conflict_points_at_the_doi_and_names_the_other_work():
    verdict = Verdict("conflict", "", LECUN, identifier="doi:10.1038/nature14539")
    assert found(with_verdicts(DOC, {0: verdict}), "RC502") == [
        (4, 73, "error", 'Bengio (2012): doi:10.1038/nature14539 is another work in Crossref: "Deep learning" (LeCun et al., '
                         '2015), not "Deep learning"', "replace the identifier with the cited work's own")]


def test_no_conflict_without_one():
    assert found(with_verdicts(DOC, {0: Verdict("verified", "", LECUN)}), "RC502") == []
