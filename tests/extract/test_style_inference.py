"""--style auto (the default): the style is read from the list, and APA 6 from the text."""

from __future__ import annotations

import pytest

from refcheck.api import check_text

APA = "Okafor, N., Lind, P., & Berg, S. (2019). Rivers. Journal of Water, 4(2), 10-20. {doi}\n\nTan, W. (2020). Ports. Harbour Press.\n"
CHICAGO = "Okafor, Nkem, Pia Lind, and Sven Berg. 2019. “Rivers.” Journal of Water 4 (2): 10–20.\n\nTan, Wei. 2020. Ports. Oslo: Harbour Press.\n"
HARVARD = "Okafor, N., Lind, P. and Berg, S. (2019) 'Rivers', Journal of Water, 4(2), pp. 10-20.\n\nTan, W. (2020) Ports. Oslo: Harbour Press.\n"
ABNT = "OKAFOR, N.; LIND, P.; BERG, S. Rivers. Journal of Water, v. 4, n. 2, p. 10-20, 2019.\n\nTAN, W. Ports. Oslo: Harbour Press, 2020.\n"


def style(body: str, text: str = "Text (Okafor et al., 2019; Tan, 2020).") -> str:
    return check_text(f"{text}\n\n## References\n\n{body}", "doc.md").style


@pytest.mark.parametrize(
    "body, expected",
    [
        (APA.format(doi="https://doi.org/10.1000/r1"), "apa7"),
        (APA.format(doi="doi:10.1000/r1"), "apa6"),
        # APA 6 identifiers in any case, past the prefilter that looks for them in lower case
        (APA.format(doi="DOI: 10.1000/r1"), "apa6"),
        (APA.format(doi="http://DX.DOI.ORG/10.1000/r1"), "apa6"),
        (APA.format(doi="RETRIEVED FROM http://x.org/r1"), "apa6"),
        (APA.format(doi="Retr\u0131eved from http://x.org/r1"), "apa6"),
        (APA.format(doi="Received from http://x.org/r1"), "apa7"),
        (CHICAGO, "chicago"),
        (HARVARD, "harvard"),
        (ABNT, "abnt"),
    ],
)
def test_style_from_the_list(body, expected):
    assert style(body) == expected


def test_apa6_from_three_authors_written_in_full():
    body = APA.format(doi="")
    assert style(body, "Text (Okafor, Lind, & Berg, 2019; Tan, 2020).") == "apa6"
    # APA 7 identifiers in the list outweigh one such citation
    assert style(APA.format(doi="https://doi.org/10.1000/r1"), "Text (Okafor, Lind, & Berg, 2019; Tan, 2020).") == "apa7"


def test_the_style_decides_et_al():
    text = "Text (Okafor et al., 2019; Tan, 2020)."
    result = check_text(f"{text}\n\n## References\n\n{ABNT}", "doc.md")
    assert [(f.code, f.message) for f in result.findings if f.code == "RC105"] == [
        ("RC105", '(Okafor et al., 2019): "et al." for a work with 3 authors; abnt names the authors: OKAFOR, LIND & BERG (2019)')
    ]
    assert not [f for f in check_text(f"{text}\n\n## References\n\n{CHICAGO}", "doc.md").findings if f.code == "RC105"]


def test_apa7_dois_in_any_case_outweigh_an_apa6_retrieval_note():
    # the APA 7 DOI link is counted in any case ("HTTPS://DOI.ORG/"): "://" has no case
    from refcheck.extract.references import parse_entries
    from refcheck.extract.sections import Entry
    from refcheck.extract.style import detect

    raws = ["Smith, J. (2019). A title. Retrieved from http://example.org/a",
            "Lee, K. (2020). Another title. Journal, 1(2), 3-4. HTTPS://DOI.ORG/10.1000/xyz",
            "Kim, H. (2021). A third title. Journal, 2(3), 4-5. Https://Doi.org/10.1000/abc"]
    refs = parse_entries(tuple(Entry(0, len(r), r, False) for r in raws))
    assert detect(refs) == "apa7"
    assert detect(refs[:2]) == "apa7" and detect(refs[:1]) == "apa6"
