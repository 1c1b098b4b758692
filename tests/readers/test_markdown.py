"""readers/markdown: what is masked out of the scan text (fences, link
definitions), and that a text without them is read with no line-anchored search."""

from __future__ import annotations

from refcheck.readers.markdown import fenced_blocks, masked_spans, read

TEXT = (
    "Text (Lemon, 2018).\n\n```\ncode (Lime, 2019)\n```\n\n~~~~\nmore (Ash, 2020)\n~~~~\n\n"
    "[id]: https://x.org/a (Oak, 2021)\n  [^1]: a footnote (Elm, 2022)\n"
)


def test_fences_and_link_definitions_are_masked_footnotes_read():
    assert fenced_blocks(TEXT) == [(21, 46), (48, 74)]
    assert sorted(masked_spans(TEXT)) == [(21, 46), (48, 74), (76, 109)]
    scan = read("a.md", TEXT).scan
    assert len(scan) == len(TEXT)
    assert "Lime" not in scan and "Ash" not in scan and "Oak" not in scan
    assert "(Lemon, 2018)" in scan and "a footnote (Elm, 2022)" in scan


def test_no_fence_and_no_link_definition_without_their_marks():
    assert fenced_blocks("no fence here `` nor ~~\n") == []
    assert masked_spans("A line [x]:y and (Lemon, 2018).") == []
    assert masked_spans("A line\n[x]: y and (Lemon, 2018).") == [(7, 32)]
