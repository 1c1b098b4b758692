from dataclasses import replace

from refcheck.net.verify.work import Verdict

from ._verify import DOC, LECUN, found, with_verdicts


def test_retracted_with_and_without_a_notice():
    notice = replace(LECUN, retracted=True, notices=(("retraction", "10.1038/retraction.1"),))
    assert found(with_verdicts(DOC, {0: Verdict("verified", "", notice)}), "RC505") == [
        (4, 1, "error", "Bengio (2012): the work has been retracted (notice: https://doi.org/10.1038/retraction.1)",
         "remove the citation, or mark it as retracted")]
    flagged = replace(LECUN, source="OpenAlex", retracted=True, notices=(("retraction", ""),))
    assert found(with_verdicts(DOC, {0: Verdict("mismatch", "", flagged)}), "RC505")[0][3] == (
        "Bengio (2012): the work has been retracted (according to OpenAlex)")


def test_a_conflicting_record_says_nothing_about_the_cited_work():
    notice = replace(LECUN, retracted=True)
    assert found(with_verdicts(DOC, {0: Verdict("conflict", "", notice)}), "RC505") == []
