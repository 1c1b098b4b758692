from refcheck.net.verify.work import Verdict

from ._verify import DOC, LECUN, found, with_verdicts


def test_not_found_names_the_sources_and_the_closest_record():
    result = with_verdicts(DOC, {1: Verdict("not-found", "no record matches", LECUN)})
    assert found(result, "RC501") == [(5, 1, "warning", "Hochreiter (1997): no matching record in Crossref, OpenAlex or "
                                       'DataCite, and every source answered (closest: "Deep learning" (LeCun et al., 2015))',
                                       "check the title, authors and year against the work itself")]


def test_cannot_determine_is_never_not_found():
    for reason in ("offline: no registry host name resolves", "no confident match; OpenAlex: HTTP 503 after 3 retries"):
        assert found(with_verdicts(DOC, {1: Verdict("undetermined", reason)}), "RC501") == []
    assert found(with_verdicts(DOC, {}), "RC501") == []
