from ..conftest import found, messages


def doc(sentence, url):
    return (f"{sentence}\n\nReferences\nOmirgazy, Dana (2021). Kazakhstan signs a deal. Retrieved from {url}. "
            "Accessed on 11.06.2025.\n")


def test_event_after_the_source():
    text = doc("The agreement was signed in May 2021 (Omirgazy, 2021).", "https://astanatimes.com/2021/03/kazakhstan-signs-a-deal/")
    assert found(text, "RC302") == [(1, 29, "RC302")]
    assert messages(text, "RC302") == ['text dates this to "May 2021"; Omirgazy (2021) was published 2021-03 (from its URL)']


def test_late_year_after_an_older_source():
    text = doc("Talks resumed in late 2019 (Omirgazy, 2021).", "https://astanatimes.com/2017/02/kazakhstan-signs-a-deal/")
    assert found(text, "RC302") == [(1, 18, "RC302")]


def test_consistent_or_undated_sources_are_silent():
    assert found(doc("It was signed on January 5, 2021 (Omirgazy, 2021).", "https://astanatimes.com/2021/03/x-y-z/"), "RC302") == []
    assert found(doc("It was signed in May 2021 (Omirgazy, 2021).", "https://astanatimes.com/kazakhstan-signs-a-deal/"), "RC302") == []


def test_a_claim_two_citations_share_is_reported_for_the_first_in_the_text():
    from ..conftest import run

    text = """
Prices rose sharply (Sakenova, 2023b).

In March 2024 the pipeline deal was signed (Sakenova, 2023a, 2023b).

References

Sakenova, S. (2023a). Pipeline talks. The Daily. Retrieved from https://daily.example/2023/03/pipeline-talks/
Sakenova, S. (2023b). Gas prices. The Daily. Retrieved from https://daily.example/2023/03/gas-prices/
"""
    found_ = [(f.line, f.col, f.citation, f.reference) for f in run(text).findings if f.code == "RC302"]
    assert found_ == [(3, 4, "C2", "R1")]
