"""HTML: visible text only, positions into the source, links as entry URLs."""

from refcheck.readers import html

from ._files import check, write

PAGE = """<html><head><title>T (Head, 2001)</title><style>p{}</style></head><body>
<nav>Menu (Nav, 2002)</nav><script>x = "(Script, 2003)"</script>
<h1>Steppe</h1><p>Rivers matter (Lemon, 2018) &amp; more (Doe, 2019).</p>
<div role="navigation">(Role, 2004)</div>
<h2>References</h2>
<ul><li>Doe, J. (2019). Quotas. Water Review, 7, 3-9.</li>
<li>Lemon, E. (2018). <a href="https://example.org/rivers">Rivers of the steppe</a>. Steppe Press.</li></ul>
</body></html>
"""


def test_visible_text_only():
    document = html.read("p.html", PAGE)
    for hidden in ("Head", "Nav", "Script", "Role", "<p>"):
        assert hidden not in document.text
    assert "Rivers matter (Lemon, 2018) & more (Doe, 2019)." in document.text


def test_positions_point_into_the_source():
    document = html.read("p.html", PAGE)
    offset = document.text.index("(Lemon")
    assert document.position(offset) == (3, 33)
    assert PAGE.splitlines()[2][32:38] == "(Lemon"
    offset = document.text.index("& more")
    assert PAGE.splitlines()[document.position(offset)[0] - 1][document.position(offset)[1] - 1:].startswith("&amp;")


def test_reference_section_entries_and_link_targets(tmp_path):
    write(tmp_path, {"p.html": PAGE})
    rows, report = check(tmp_path, "p.html")
    assert rows == []
    refs = report.files[0].references
    assert [(r.authors[0].family, r.year, r.title, r.urls) for r in refs] == [
        ("Doe", "2019", "Quotas", ()),
        ("Lemon", "2018", "Rivers of the steppe", ("https://example.org/rivers",)),
    ]
    assert report.files[0].positions[refs[1].id] == (7, 5)


def test_broken_markup_is_read_without_a_crash(tmp_path):
    write(tmp_path, {"b.html": "<p>Rivers (Lemon, 2018)<li><a href='x'>unclosed <script>never ends (Gone, 2001)"})
    rows, report = check(tmp_path, "b.html")
    assert report.errors == []
    assert [code for _, _, code, _ in rows] == ["RC100"]


def test_positions_of_objects_are_worked_out_when_asked():
    import pickle

    from refcheck.model import Document, Origin, Span

    class Obj:  # the two attributes positions() reads, and an id
        def __init__(self, id, start, origin=None):
            self.id, self.span, self.origin = id, Span(start, start), origin

    plain = Document.build("a.txt", "ab\ncd\n\nef")
    objects = [Obj(f"C{o}", o) for o in (0, 1, 2, 3, 5, 6, 7, 8, 9)] + [Obj("R1", 4, Origin("refs.bib", 12, 3))]
    positions = plain.positions(objects)
    assert dict(positions) == {"C0": (1, 1), "C1": (1, 2), "C2": (1, 3), "C3": (2, 1), "C5": (2, 3), "C6": (3, 1),
                               "C7": (4, 1), "C8": (4, 2), "C9": (4, 3), "R1": (12, 3)}
    assert list(positions) == [o.id for o in objects] and len(positions) == 10
    assert pickle.loads(pickle.dumps(positions)) == positions  # for --jobs
    mapped = html.read("a.html", "<p>ab</p>\n<p>cd <b>e</b></p>")
    objects = [Obj(f"C{o}", o) for o in range(len(mapped.text))]
    assert [mapped.positions(objects)[o.id] for o in objects] == [mapped.position(o.span.start) for o in objects]
