"""RC116 edited-citation-field: a reference manager's citation shows other text than it inserted.

## What it does
Reports a citation field that Zotero or Mendeley inserted into a Word
document whose visible text is no longer the text the reference manager
wrote (its `plainCitation`): the field was edited by hand.

## Why is this bad?
The edit is invisible to the reference manager: the next refresh overwrites
it, and until then the text may cite a year or an author that the item data
(and the bibliography it generates) does not have.

## Example

    A Word document whose field shows "(Lemon, 2019)" where Zotero inserted
    "(Lemon, 2018)".

## Fix
Undo the edit and change the citation through the reference manager (a
locator, a suppressed author, another item), or correct the item's data.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from .base import Context, Problem

CODE = "RC116"
NAME = "edited-citation-field"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    structure = ctx.document.structure
    for span, shown, inserted in getattr(structure, "edited", ()):
        yield Problem(span, f"the citation field shows \"{shown}\" but the reference manager inserted \"{inserted}\": "
                            "edited by hand, and the next refresh undoes the edit",
                      "edit the citation in the reference manager")
