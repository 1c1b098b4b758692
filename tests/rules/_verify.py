"""Check a document as if its references had been verified with the given verdicts."""

from __future__ import annotations

import textwrap

from refcheck.api import check_document, extract
from refcheck.extract.identifiers import key
from refcheck.net.verify.work import Verdict, Work
from refcheck.readers import read_bytes


def with_verdicts(text: str, verdicts: dict[int, Verdict]):
    """``verdicts`` maps a reference's position in the list (0-based) to its Verdict."""
    document = read_bytes("doc.md", textwrap.dedent(text).lstrip("\n").encode("utf-8"), "md")
    refs = extract(document).references
    return check_document(document, None, None, verification={key(refs[i]): v for i, v in verdicts.items()})


def found(result, code):
    return [(f.line, f.col, f.severity.label, f.message, f.suggestion) for f in result.findings if f.code == code]


LECUN = Work("Crossref", "Deep learning", (("LeCun", "Yann"), ("Bengio", "Yoshua")), 2015, "Nature", "10.1038/nature14539",
             kind="journal-article")
DOC = """
Deep networks (Bengio, 2012) and gates (Hochreiter, 1997).

References
Bengio, Y. (2012). Deep learning. Nature, 521, 436-444. https://doi.org/10.1038/nature14539
Hochreiter, S. (1997). Long short-term memory. Neural Computation, 9(8), 1735-1780.
"""
