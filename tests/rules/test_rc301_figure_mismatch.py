import pytest

from ..conftest import found, messages


def doc(sentence, title):
    return f"{sentence}\n\nReferences\nSakenova, Saniya (2023). {title}. The Astana Times.\n"


def test_money_mismatch_quotes_both():
    text = doc("The budget rose 11.6% (roughly 1.2 trillion tenge, or $2.5 billion) (Sakenova, 2023).",
               "Kazakhstan Spends $1.5 Billion on Defense This Year")
    assert found(text, "RC301") == [(1, 55, "RC301")]
    assert messages(text, "RC301") == ['text says "$2.5 billion"; Sakenova (2023) title says "$1.5 Billion" (line 4)']


def test_percent_change_mismatch():
    text = doc("Spending will grow by 9% next year (Sakenova, 2023).", "Budget Spending to Increase by 7% in 2025")
    assert messages(text, "RC301") == ['text says "9%"; Sakenova (2023) title says "7%" (line 4)']


@pytest.mark.parametrize(
    "sentence, title",
    [
        ("It spent about $2.5 billion (Sakenova, 2023).", "Kazakhstan Spends $2.46 Billion on Defense"),
        ("It spent US$1.5bn (Sakenova, 2023).", "Kazakhstan Spends $1.5 Billion on Defense"),
        ("It spent 1.2 trillion tenge (Sakenova, 2023).", "Kazakhstan Spends $1.5 Billion on Defense"),
        ("Defence is 0.5% of GDP (Sakenova, 2023).", "Budget Spending to Increase by 7% in 2025"),
        ("It spent over $1 billion (Sakenova, 2023).", "Kazakhstan Spends $1.5 Billion on Defense"),
        ("It spent up to $2 billion (Sakenova, 2023).", "Kazakhstan Spends $1.5 Billion on Defense"),
        ("It spent $2.5 billion, or 73,000 jobs (Sakenova, 2023).", "Kazakhstan Spends on Defense"),
        ("It spent €1.5 billion (Sakenova, 2023).", "Kazakhstan Spends $2.5 Billion on Defense"),
        ("It spent $1.5 billion and $2.5 billion (Sakenova, 2023).", "Kazakhstan Spends $1.5 Billion on Defense"),
        ("It spent $1-2 billion (Sakenova, 2023).", "Kazakhstan Spends $1.5 Billion on Defense"),
        ("It spent between 1 and 2 billion dollars (Sakenova, 2023).", "Kazakhstan Spends $1.5 Billion on Defense"),
    ],
)
def test_look_alikes_stay_silent(sentence, title):
    assert found(doc(sentence, title), "RC301") == []


def test_only_the_clause_of_the_citation_counts():
    text = doc("Oil earned $9 billion (Other, 2020), and defence took $1.5 billion (Sakenova, 2023).",
               "Kazakhstan Spends $1.5 Billion on Defense")
    assert found(text, "RC301") == []


def test_fetched_page_title_is_a_source_too():
    from ._links import with_links

    text = doc("It spent $2.5 billion (Sakenova, 2023).", "Defense spending this year").replace(
        "The Astana Times.", "Retrieved from https://astanatimes.com/2023/10/spending/. Accessed on 10.06.2025.")
    result = with_links(text, {"https://astanatimes.com/2023/10/spending/": dict(
        status="alive", http_status=200, title="Kazakhstan Spends $1.5 Billion on Defense This Year")})
    assert [f.message for f in result.findings if f.code == "RC301"] == [
        'text says "$2.5 billion"; Sakenova (2023) page title says "$1.5 Billion" (line 4)'
    ]
