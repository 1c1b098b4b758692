from dataclasses import replace

from refcheck.net.verify.work import Verdict

from ._verify import DOC, LECUN, found, with_verdicts


def test_corrections_and_concerns_but_not_retractions():
    work = replace(LECUN, notices=(("correction", "10.1038/c1"), ("expression of concern", ""), ("retraction", "10.1038/r")))
    assert found(with_verdicts(DOC, {0: Verdict("verified", "", work)}), "RC506") == [
        (4, 1, "info", "Bengio (2012): the work has a correction: https://doi.org/10.1038/c1", None),
        (4, 1, "info", "Bengio (2012): the work has an expression of concern", None)]
    assert found(with_verdicts(DOC, {0: Verdict("verified", "", LECUN)}), "RC506") == []
