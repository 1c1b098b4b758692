from ..conftest import found, messages, run

UNREADABLE = """
Trade grew (Okafor, 2019) and fell (Lind, 2020), then grew (Berg, 2021).

References

Okafor, Trade. Lagos. Nineteen.

Lind, Shipping. Malmo. Twenty.

Berg, Ports. Oslo. Twenty-one.

Tan, Rivers. Hanoi. Twenty-two.

Ruiz, Roads. Lima. Twenty-three.
"""


def test_entries_that_cannot_be_read_lower_the_cross_checks():
    result = run(UNREADABLE)
    assert found(UNREADABLE, "RC112") == [(3, 1, "RC112")]
    assert messages(UNREADABLE, "RC112") == [
        "refcheck could not read this document reliably (5 of 5 entries could not be read): "
        "citation and reference findings are lowered to info"
    ]
    loud = [(f.code, f.severity.label) for f in result.findings if f.code in ("RC101", "RC102")]
    assert loud == [("RC101", "info")] * 3


def test_both_sides_disagree():
    # what a list in a layout refcheck splits wrongly looks like: nothing matches
    cited = ["Okafor", "Lind", "Berg", "Tan", "Ruiz", "Moss"]
    listed = ["Adeyemi", "Holm", "Castell", "Nguyen", "Pardo", "Whitfield"]
    text = "Text " + " ".join(f"({n}, 2019)." for n in cited) + "\n\nReferences\n\n" + "\n\n".join(
        f"{n}, A. (2018). Title {i}. Journal, 1(2), 3-4." for i, n in enumerate(listed)) + "\n"
    assert messages(text, "RC112") == [
        "refcheck could not read this document reliably (6 of 6 citations match no entry while 6 entries are "
        "cited by none): citation and reference findings are lowered to info"
    ]
    assert {f.severity.label for f in run(text).findings if f.code in ("RC101", "RC102", "RC104")} == {"info"}


def test_a_well_read_document_keeps_its_findings():
    text = """
    It held (Okafor, 2019; Lind, 2020; Berg, 2021; Tan, 2022; Ruiz, 2023; Nowak, 2018).

    References

    Berg, A. (2021). Ports. Oslo Press.

    Lind, B. (2020). Shipping. Malmo Press.

    Okafor, C. (2019). Trade. Lagos Press.

    Ruiz, D. (2023). Roads. Lima Press.

    Tan, E. (2022). Rivers. Hanoi Press.
    """
    assert found(text, "RC112") == []
    assert [(f.code, f.severity.label) for f in run(text).findings if f.code == "RC101"] == [("RC101", "error")]


def test_configured_severity_is_kept():
    from refcheck.api import check_text
    from refcheck.config import Config
    from refcheck.findings import Severity

    result = check_text(UNREADABLE.lstrip("\n"), "doc.md", Config(severity={"RC101": Severity.ERROR}))
    assert {f.severity.label for f in result.findings if f.code == "RC101"} == {"error"}
