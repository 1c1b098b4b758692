"""The views of the linked citations that rules read instead of every citation."""

from refcheck.api import extract
from refcheck.readers import read_bytes
from refcheck.rules.base import Context

TEXT = """Security grew (Lemon, 2018). Trade grew (Lemon, 2019). Water (Ito & Kahn, 2001).
Energy (Moreau et al., 2004). Again (Lemon, 2018). Unknown (Nobody, 1999). Spelled (Lemmon, 2018).

References

Ito, K., & Kahn, L. (2001). Water rights. Journal of Water, 1(1), 1-9.
Lemon, E. (2018). Security. Central Asian Survey, 37(1), 1-12.
Moreau, J. (2004). Energy policy. Energy Journal, 2(2), 3-4.
"""


def context() -> Context:
    document = read_bytes("doc.md", TEXT.encode())
    section, references, citations, links, numeric, _ = extract(document)
    return Context(document, section, tuple(references), tuple(citations), links, "apa7", numeric)


def names(pairs) -> list[str]:
    return [f"{c.text} -> {link.kind}" for c, link in pairs]


def test_linked_of_kind_and_plural():
    ctx = context()
    assert names(ctx.linked()) == [
        "Lemon, 2018 -> exact", "Lemon, 2019 -> year", "Ito & Kahn, 2001 -> exact", "Moreau et al., 2004 -> exact",
        "Lemon, 2018 -> exact", "Lemmon, 2018 -> fuzzy"]
    assert names(ctx.of_kind("year")) == ["Lemon, 2019 -> year"]
    assert names(ctx.of_kind("none", "fuzzy")) == ["Nobody, 1999 -> none", "Lemmon, 2018 -> fuzzy"]
    assert ctx.of_kind("ambiguous") == []
    # one name for an entry of one author is left out, whatever the kind of link
    assert names(ctx.linked_plural()) == ["Ito & Kahn, 2001 -> exact", "Moreau et al., 2004 -> exact"]
    assert ctx.linked() is ctx.linked()  # worked out once


def test_links_given_in_another_order_are_looked_up():
    ctx = context()
    shuffled = dict(reversed(list(ctx.links.items())))  # a caller's table in its own order
    other = Context(ctx.document, ctx.section, ctx.references, ctx.citations, shuffled, "apa7")
    assert names(other.linked()) == names(ctx.linked())
    assert names(other.of_kind("none", "fuzzy")) == ["Nobody, 1999 -> none", "Lemmon, 2018 -> fuzzy"]
    assert names(other.linked_plural()) == names(ctx.linked_plural())
