"""Pandoc citations and the bibliography named in the front matter."""

from refcheck.model import CitationForm
from refcheck.readers import markdown

from ._files import check, codes, write

BIB = """@article{lemon2018, author={Lemon, Edward}, title={Critical approaches}, journal={Central Asian Survey}, year=2018}
@article{doe2020, author={Doe, Jane}, title={Trade routes}, journal={Routes}, year=2020}
"""


def cited(text: str, bib=("refs.bib",)):
    document = markdown.read_with("doc.md", text, bib)
    return [(c.key, c.form) for c in document.structure.citations]


def test_bracketed_suppressed_and_narrative_forms():
    text = "A [@a]. B [@b, p. 4; @c]. C [-@d]. D [see @e, chap. 2]. As @f says, and @g [p. 3] too.\n"
    assert cited(text) == [
        ("a", CitationForm.PARENTHETICAL), ("b", CitationForm.PARENTHETICAL), ("c", CitationForm.PARENTHETICAL),
        ("d", CitationForm.YEAR), ("e", CitationForm.PARENTHETICAL), ("f", CitationForm.NARRATIVE),
        ("g", CitationForm.NARRATIVE),
    ]


def test_keys_with_punctuation_inside_but_not_at_the_end():
    text = "See [@smith:2019b; @doe.j#2$%&x-y+z?<a>~b/c; @{odd key}]. Also @lemon2018.\n"
    assert [k for k, _ in cited(text)] == ["smith:2019b", "doe.j#2$%&x-y+z?<a>~b/c", "odd key", "lemon2018"]


def test_never_in_code_urls_or_email_addresses():
    text = ("Mail someone@example.org, see https://example.org/@lemon2018 and `[@incode]`.\n\n"
            "```\n[@infence] @alsofence\n```\n\n<!-- [@incomment] -->\nReal [@a].\n")
    assert [k for k, _ in cited(text)] == ["a"]


def test_a_link_is_not_a_citation():
    assert cited("[@handle](https://example.org/) and [@a]\n") == [("a", CitationForm.PARENTHETICAL)]


def test_plain_markdown_without_citations_has_no_structure():
    assert markdown.read_with("doc.md", "Text (Lemon, 2018).\n").structure is None
    assert markdown.read_with("doc.md", "Write to me@example.org.\n").structure is None


def test_front_matter_bibliography_list_and_nocite(tmp_path):
    write(tmp_path, {
        "paper.md": "---\ntitle: T\nbibliography: [refs.bib, more.json]\nnocite: |\n  @extra\n---\n"
                    "Pooled [@lemon2018; @Doe2020]. As @lemon2018 shows.\n",
        "refs.bib": BIB,
        "more.json": '[{"id": "extra", "type": "book", "title": "Extra", "author": [{"family": "X"}], '
                     '"issued": {"date-parts": [[2001]]}, "publisher": "P"},\n'
                     ' {"id": "unused2003", "type": "book", "title": "U", "author": [{"family": "U"}], "issued": {"date-parts": [[2003]]}}]',
    })
    rows, _ = check(tmp_path, "paper.md")
    assert rows == [
        ("more.json", 2, "RC102", "unused2003 (U (2003)) is in the bibliography but never cited"),
        ("more.json", 2, "RC201", "unused2003: this @book lacks the required field publisher"),
        ("paper.md", 7, "RC101", "[@lemon2018; @Doe2020]: no entry with the key 'Doe2020' in refs.bib, more.json; "
                                 "the bibliography has 'doe2020' (BibTeX accepts another case, biber and Pandoc do not)"),
    ]


def test_bib_option_and_csl_yaml(tmp_path):
    write(tmp_path, {"paper.md": "Pooled [@lemon2018; @doe2020].\n",
                     "refs.yaml": "references:\n- id: lemon2018\n  type: article-journal\n  title: C\n"
                                  "  author: [{family: Lemon}]\n  container-title: S\n  issued: {date-parts: [[2018]]}\n"})
    rows, _ = check(tmp_path, "paper.md", bib=("refs.yaml",))
    assert codes(rows) == [("paper.md", 1, "RC101")]


def test_inline_references_and_nocite_star(tmp_path):
    write(tmp_path, {"paper.md": "---\nnocite: '@*'\nreferences:\n- id: a\n  title: T\n- id: b\n  title: U\n---\nSee [@a].\n"})
    rows, _ = check(tmp_path, "paper.md")
    assert rows == []


def test_pandoc_citations_without_bibliography_are_not_a_silent_pass(tmp_path):
    write(tmp_path, {"paper.md": "# Paper\n\nPooled [@lemon2018; @doe2020] and [@abbasova2022].\n"})
    rows, report = check(tmp_path, "paper.md")
    assert rows == [("paper.md", 3, "RC100", "3 citations by key but no bibliography was found "
                     "(no bibliography: or references: in the front matter)")]
    assert report.exit_code(report.findings[0].severity) == 1
    assert report.findings[0].suggestion == "name the bibliography file with --bib FILE (or the config key bib)"


def test_handles_in_paths_are_not_citations():
    assert [k for k, _ in cited("See [@a] and twitter.com/@someone or x:@y.\n")] == ["a"]


def test_front_matter_bibliography_without_pandoc_citations_reads_the_text(tmp_path):
    write(tmp_path, {"post.md": "---\nbibliography: refs.bib\n---\nRivers (Lemon, 2019).\n\n# References\n\n"
                                "Lemon, E. (2018). Rivers. Steppe Press.\n", "refs.bib": BIB})
    rows, _ = check(tmp_path, "post.md", select=("RC103",))
    assert codes(rows) == [("post.md", 4, "RC103")]
