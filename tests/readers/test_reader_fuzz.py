"""Random input through every new reader: a Document or an InputError, never
another exception, and quickly."""

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from refcheck.api import check_document
from refcheck.errors import InputError
from refcheck.readers import bibtex, html, jats, latex, markdown

PIECES = ["\\cite", "\\citep", "\\parencites", "\\input", "\\bibliography", "\\nocite", "{", "}", "[", "]", "(", ")",
          "@", "-@", ";", ",", "%", "\\begin{verbatim}", "\\end{verbatim}", "\\iffalse", "\\fi", "---\n", "\n",
          "bibliography: x\n", "references:\n- id: a\n", "nocite: '@*'\n", "<p>", "</p>", "<h2>", "References",
          "</h2>", "<a href='https://e.org/x'>", "</a>", "<script>", "&amp;", "&#x41;", "<li>", "@article{", "@string{",
          "author = ", " and ", "title = ", "year = 2001", "#", '"', "Lemon, E. (2018). T. S.", "(Lemon, 2019)",
          "key:2019b", "a@b.org", "`", "```\n", " "]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_text_readers_never_fail(text):
    start = time.perf_counter()
    for document in (latex.read_with("/nonexistent/m.tex", text), markdown.read_with("/nonexistent/m.md", text),
                     html.read("m.html", text)):
        check_document(document)
    bibtex.parse("r.bib", text)
    assert time.perf_counter() - start < 5


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["<article>", "</article>", "<ref-list>", "</ref-list>", "<ref id='a'>", "</ref>",
                                 "<xref ref-type='bibr' rid='a'>", "</xref>", "Lemon, 2018", "<year>2018</year>",
                                 "<surname>Lemon</surname>", "<!DOCTYPE a>", "&amp;", "&x;", "<", ">"]), max_size=30).map("".join))
def test_jats_reader_never_fails(text):
    try:
        document = jats.read("a.xml", text)
    except InputError:
        return
    check_document(document)
