"""JATS XML: refs, xrefs, what the xref's text says, and hostile XML."""

import pytest

from refcheck.errors import InputError
from refcheck.readers import jats

from ..readers._files import check, write

ARTICLE = """<?xml version="1.0"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink"><body>
<p>As <xref ref-type="bibr" rid="r1">Lemon (2019)</xref> and (<xref ref-type="bibr" rid="r2">Doe and Miller, 2020</xref>;
<xref ref-type="bibr" rid="r1 r2">1, 2</xref>) <xref ref-type="fig" rid="f1">Figure 1</xref>.</p>
</body><back><ref-list>
<ref id="r1"><element-citation publication-type="journal"><person-group person-group-type="author">
<name><surname>Lemon</surname><given-names>E</given-names></name></person-group><year>2018</year>
<article-title>Rivers</article-title><source>Steppe Studies</source><pub-id pub-id-type="doi">10.5555/x</pub-id></element-citation></ref>
<ref id="r2"><mixed-citation><string-name><surname>Doe</surname> <given-names>J</given-names></string-name>,
<string-name><surname>Müller</surname></string-name> (<year>2020</year>).
<article-title>Quotas</article-title>. <source>Water</source> <volume>7</volume>: <fpage>3</fpage>-<lpage>9</lpage>.
<ext-link ext-link-type="uri" xlink:href="https://example.org/q">link</ext-link></mixed-citation></ref>
</ref-list></back></article>
"""


def test_refs_and_xrefs():
    document = jats.read("a.xml", ARTICLE)
    refs = document.structure.references
    assert [(r.key, [a.family for a in r.authors], r.year, r.title, r.container, r.doi) for r in refs] == [
        ("r1", ["Lemon"], "2018", "Rivers", "Steppe Studies", "10.5555/x"),
        ("r2", ["Doe", "Müller"], "2020", "Quotas", "Water", None),
    ]
    assert (refs[1].pages, refs[1].urls) == ("3-9", ("https://example.org/q",))
    cites = document.structure.citations
    assert [(c.key, c.text, c.form) for c in cites] == [
        ("r1", "Lemon (2019)", "narrative"), ("r2", "Doe and Miller, 2020", "parenthetical"),
        ("r1", "", "parenthetical"), ("r2", "", "parenthetical"),
    ]
    assert document.position(cites[0].span.start) == (3, 7)


def test_xref_text_that_disagrees_with_its_reference(tmp_path):
    write(tmp_path, {"a.xml": ARTICLE})
    rows, _ = check(tmp_path, "a.xml", select=("RC103", "RC104"))
    assert rows == [
        ("a.xml", 3, "RC103", "Lemon (2019): the reference list has Lemon (2018)"),
        ("a.xml", 3, "RC104", "(Doe & Miller, 2020): Miller is not an author of Doe & Müller (2020); "
                              "the entry spells it Müller"),
    ]


def test_group_authors_and_et_al():
    document = jats.read("a.xml", '<article><back><ref-list><ref id="g"><element-citation><person-group>'
                                  '<collab>Steppe Group</collab><name><surname>Ito</surname></name><etal/></person-group>'
                                  '<year>2001</year><source>Report</source></element-citation></ref></ref-list></back></article>')
    (ref,) = document.structure.references
    assert ([a.family for a in ref.authors], ref.corporate, ref.et_al, ref.title) == (["Steppe Group", "Ito"], True, True, "Report")


def test_xml_without_ref_list_has_nothing_to_check(tmp_path):
    write(tmp_path, {"pom.xml": "<project><name>x (Smith, 2019)</name></project>"})
    rows, report = check(tmp_path, "pom.xml")
    assert rows == [] and report.errors == []


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
<article><back><ref-list/></back><p>&lol2;</p></article>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE article [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<article><back><ref-list/></back><p>&xxe;</p></article>
"""


@pytest.mark.parametrize("text, what", [(BOMB, "declares entities (lol)"), (EXTERNAL, "refers to an external entity (xxe)")])
def test_entities_are_refused_in_one_line(text, what):
    with pytest.raises(InputError) as caught:
        jats.read("bad.xml", text)
    assert str(caught.value) == f"bad.xml: XML refused: it {what}; entity expansion and external references are off"


def test_broken_xml_is_one_line(tmp_path):
    write(tmp_path, {"bad.xml": "<article><ref-list></article>"})
    rows, report = check(tmp_path, "bad.xml")
    assert rows == []
    assert report.errors == [str(tmp_path) + "/bad.xml: not well-formed XML: mismatched tag: line 1, column 21"]


def test_a_conference_paper_has_its_conference_as_source():
    document = jats.read("a.xml", '<article><back><ref-list><ref id="c"><element-citation publication-type="confproc">'
                                  '<person-group><name><surname>Ito</surname></name></person-group><year>2013</year>'
                                  '<article-title>Flow</article-title><conf-name>Proceedings of Vision</conf-name>'
                                  '<fpage>1</fpage><lpage>9</lpage></element-citation></ref></ref-list></back></article>')
    (ref,) = document.structure.references
    assert (ref.title, ref.container, ref.pages) == ("Flow", "Proceedings of Vision", "1-9")
