"""Entry boundaries from the list's own layout, lists without a heading or under a
heading in another language, and nothing lost on the way."""

from __future__ import annotations

import pytest

from refcheck.api import check_text
from refcheck.extract.sections import locate

A = "Okafor, N. (2019). Rivers of the delta. Journal of Water, 4(2), 10-20."
B = "Lind, P. (2020). Ports and their towns. Harbour Studies, 7(1), 1-9."
C = "Berg, S. (2021). Northern trade. Oslo: Fjord Press."


def entries(text: str) -> list[str] | None:
    section = locate(text)
    return [e.text for e in section.entries] if section else None


def test_hard_wrapped_entries_without_blank_lines_stay_whole():
    # continuation lines that start with a capital, "(" or "**" after a full stop
    text = (
        "References\n"
        "Okafor, N. (2019). Rivers of the delta.\n"
        "Journal of Water, 4(2), 10-20.\n"
        "Lind, P. (2020). Ports and their towns.\n"
        "(Second edition.) Harbour Studies, 7(1), 1-9.\n"
        "Berg, S. (2021). Northern trade.\n"
        "**Oslo Review** 3, 44-50.\n"
    )
    assert entries(text) == [
        "Okafor, N. (2019). Rivers of the delta. Journal of Water, 4(2), 10-20.",
        "Lind, P. (2020). Ports and their towns. (Second edition.) Harbour Studies, 7(1), 1-9.",
        "Berg, S. (2021). Northern trade. **Oslo Review** 3, 44-50.",
    ]


def test_a_year_inside_a_continuation_line_does_not_open_an_entry():
    text = (
        "References\n"
        "Okafor, Nkem, and Pia Lind. 2019. “Rivers of the Delta.”\n"
        "Journal of Water 4 (2019): 10-20.\n"
        "Proceedings of the 2020 Harbour Meeting, 1-9.\n"
        "Berg, Sven. 2021. Northern Trade. Oslo: Fjord Press.\n"
    )
    assert len(entries(text)) == 2


def test_hanging_indent():
    text = (
        "References\n\n"
        "Okafor, N. (2019). Rivers of the delta.\n"
        "    Journal of Water, 4(2), 10-20.\n"
        "Lind, P. (2020). Ports and their towns.\n"
        "    Harbour Studies, 7(1), 1-9.\n"
        "Berg, S. (2021). Northern trade.\n"
        "    Oslo: Fjord Press.\n"
    )
    assert entries(text) == [A, B, "Berg, S. (2021). Northern trade. Oslo: Fjord Press."]


def test_every_paragraph_of_a_paragraph_list_is_an_entry():
    # the second has no year and ends without a full stop; the third opens with a number
    text = f"References\n\n{A}\n\nAnnual figures of the port authority, unpublished\n\n37 Tan, W. 1999, Harbour Studies, 36, 12\n\n{C}\n"
    assert entries(text) == [A, "Annual figures of the port authority, unpublished", "37 Tan, W. 1999, Harbour Studies, 36, 12", C]


def test_two_entries_run_together_on_one_line():
    text = f"References\n\n{A} https://water.example/okafor  {B}\n\n{C}\n"
    assert entries(text) == [f"{A} https://water.example/okafor", B, C]


def test_html_debris_is_not_an_entry():
    assert entries(f"References\n\n{A}\n\n{B}\n\n</div>\n\n<div class=\"end\"></div>\n") == [A, B]


@pytest.mark.parametrize(
    "heading",
    ["Referências", "Referências bibliográficas", "Bibliografia", "Literatur", "Bibliographie", "Références",
     "Litteratur", "Bronnen", "Fonti", "Riferimenti bibliografici", "Kilder", "Obras citadas", "Literatuurlijst"],
)
def test_headings_in_other_languages(heading):
    assert entries(f"Text (Okafor, 2019).\n\n## {heading}\n\n{A}\n\n{B}\n") == [A, B]


def test_a_trailing_list_without_a_heading():
    text = f"---\ntitle: Notes on ports\n---\n\nText (Okafor, 2019; Lind, 2020; Berg, 2021).\n\n{A}\n\n{B}\n\n{C}\n"
    section = locate(text)
    assert [e.text for e in section.entries] == [A, B, C]
    assert section.heading is False
    result = check_text(text, "notes.md")
    assert len(result.links) == 3 and not [f for f in result.findings if f.code in ("RC101", "RC102", "RC112")]


def test_a_trailing_list_needs_three_entries():
    assert locate(f"Text (Okafor, 2019).\n\n{A}\n\n{B}\n") is None


def test_the_list_ends_at_a_heading_in_another_language():
    text = f"## Referencias\n\n{A}\n\n{B}\n\n## Notas\n\n[^1]: Lind, P. (2020) se refiere al puerto.\n"
    assert entries(text) == [A, B]


def test_markdown_footnotes_are_read_as_text():
    text = f"Text (Okafor, 2019).[^1]\n\n[^1]: As Lind (2020) shows.\n\n## References\n\n{A}\n\n{B}\n"
    result = check_text(text, "doc.md")
    assert sorted(c.text for c in result.citations) == ["Lind (2020)", "Okafor, 2019"]
    assert not [f for f in result.findings if f.code == "RC102"]


def test_no_entry_is_lost_in_refs():
    text = f"Text (Okafor, 2019).\n\nReferences\n\n{A}\n\nAnnual figures of the port authority.\n\n{B}\n"
    result = check_text(text, "doc.md")
    assert [r.raw for r in result.references] == [A, "Annual figures of the port authority.", B]
    assert [f.code for f in result.findings if f.line == 7] == ["RC110"]


def test_hard_wrapped_abnt_entries_end_at_their_year():
    # as a PDF extraction wraps them: the year comes last, and a last line such as
    # "Grande, Rio Grande, 2016." opens like an entry; a line may also open with the year
    text = (
        "REFERÊNCIAS\n\n"
        "LIMA, B. T. Inclusão na universidade. Dissertação (Mestrado em Educação) – Universidade Federal do Rio\n"
        "Grande, Rio Grande, 2016.\n\n"
        "COSTA, R. F.; ROCHA, H. The measurement of attitudes. Springfield: Charles C.\n"
        "Thomas, 1988.\n\n"
        "SOUZA, L. A. Sobre crocodilos. In: AQUINO, J. G. (org.). Diferenças. São Paulo: Summus,\n"
        "1998. p. 11-30.\n\n"
        "ROCHA, M. Le Sujet. Paris: Seuil, 2001 (Trad. cast. El Sujeto. Buenos Aires: Fondo de Cultura\n"
        "Económica, 2002).\n"
    )
    assert entries(text) == [
        "LIMA, B. T. Inclusão na universidade. Dissertação (Mestrado em Educação) – Universidade Federal do Rio Grande, Rio Grande, 2016.",
        "COSTA, R. F.; ROCHA, H. The measurement of attitudes. Springfield: Charles C. Thomas, 1988.",
        "SOUZA, L. A. Sobre crocodilos. In: AQUINO, J. G. (org.). Diferenças. São Paulo: Summus, 1998. p. 11-30.",
        "ROCHA, M. Le Sujet. Paris: Seuil, 2001 (Trad. cast. El Sujeto. Buenos Aires: Fondo de Cultura Económica, 2002).",
    ]
    # without blank lines the first stays whole too (its line before stops mid-phrase)
    assert entries(text.replace(".\n\n", ".\n"))[0].endswith("do Rio Grande, Rio Grande, 2016.")


def test_a_numbered_list_still_splits_at_its_numbers():
    text = f"References\n\n1. {A}\n2. {B}\n3. {C}\n"
    assert entries(text) == [A, B, C]


def test_a_wrapped_line_of_a_bulleted_list_continues_its_entry():
    # "University Press, 1997." opens like an entry (a name-like head and a year)
    text = (
        "Bibliography\n\n"
        "-   Okafor, N., 1762, On the Delta, in Rivers and Towns, V. Lind (ed.), Cambridge: Cambridge\n"
        "University Press, 1997.\n"
        "-   –––, 1762, Emile, or On Rivers, A. Berg (trans.), New York: Basic\n"
        "Books, 1979.\n"
        f"-   {B}\n"
    )
    assert entries(text) == [
        "Okafor, N., 1762, On the Delta, in Rivers and Towns, V. Lind (ed.), Cambridge: Cambridge University Press, 1997.",
        "–––, 1762, Emile, or On Rivers, A. Berg (trans.), New York: Basic Books, 1979.",
        B,
    ]


def test_wrapped_lines_that_open_with_a_dash_a_year_or_an_author_in_capitals():
    text = (
        "REFERÊNCIAS\n\n"
        "LIMA, C. L. C. Pessoas no ensino superior. Dissertação (Mestrado em Contabilidade)\n"
        "– Faculdade de Economia, Universidade de São Paulo, São Paulo, 2015.\n\n"
        "INSTITUTO NACIONAL DE ESTUDOS E PESQUISAS EDUCACIONAIS – INEP.\n"
        "Sinopse estatística da educação superior 2018. Brasília, DF, 2019.\n\n"
        "Okafor, N. 2019. “Henna in a Global Era.” In Proceedings of the Conference on Art (ICA\n"
        "2018) and the Meeting on Music, 220–225. Amsterdam: Delta Press.\n\n"
        "Lind, Pia, and Sven Berg\n"
        "(2019). Ports and their towns. Harbour Studies, 7(1), 1-9.\n"
    )
    assert entries(text) == [
        "LIMA, C. L. C. Pessoas no ensino superior. Dissertação (Mestrado em Contabilidade) – Faculdade de Economia, Universidade de São Paulo, São Paulo, 2015.",
        "INSTITUTO NACIONAL DE ESTUDOS E PESQUISAS EDUCACIONAIS – INEP. Sinopse estatística da educação superior 2018. Brasília, DF, 2019.",
        "Okafor, N. 2019. “Henna in a Global Era.” In Proceedings of the Conference on Art (ICA 2018) and the Meeting on Music, 220–225. Amsterdam: Delta Press.",
        "Lind, Pia, and Sven Berg (2019). Ports and their towns. Harbour Studies, 7(1), 1-9.",
    ]
