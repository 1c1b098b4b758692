"""The fields each entry type requires (RC201): BibTeX's and biblatex's
standard types, and CSL's. Each requirement is a tuple of alternatives."""

from __future__ import annotations

_AUTHOR = ("author",)
_AUTHOR_OR_EDITOR = ("author", "editor")
_TITLE = ("title",)
_YEAR = ("year", "date")

BIBTEX: dict[str, tuple[tuple[str, ...], ...]] = {
    "article": (_AUTHOR, _TITLE, ("journal", "journaltitle"), _YEAR),
    "book": (_AUTHOR_OR_EDITOR, _TITLE, ("publisher",), _YEAR),
    "inbook": (_AUTHOR_OR_EDITOR, _TITLE, ("chapter", "pages", "booktitle"), ("publisher",), _YEAR),
    "incollection": (_AUTHOR, _TITLE, ("booktitle",), ("publisher",), _YEAR),
    "inproceedings": (_AUTHOR, _TITLE, ("booktitle",), _YEAR),
    "conference": (_AUTHOR, _TITLE, ("booktitle",), _YEAR),
    "proceedings": (_TITLE, _YEAR),
    "phdthesis": (_AUTHOR, _TITLE, ("school", "institution"), _YEAR),
    "mastersthesis": (_AUTHOR, _TITLE, ("school", "institution"), _YEAR),
    "thesis": (_AUTHOR, _TITLE, ("type",), ("institution", "school"), _YEAR),
    "techreport": (_AUTHOR, _TITLE, ("institution",), _YEAR),
    "report": (_AUTHOR, _TITLE, ("type",), ("institution",), _YEAR),
    "manual": (_TITLE,),
    "booklet": (_TITLE,),
    "unpublished": (_AUTHOR, _TITLE, ("note",)),
    "online": (_AUTHOR_OR_EDITOR, _TITLE, _YEAR, ("url",)),
    "misc": (),
}

CSL: dict[str, tuple[tuple[str, ...], ...]] = {
    "article-journal": (_AUTHOR, _TITLE, ("container-title",), ("issued",)),
    "book": (_AUTHOR_OR_EDITOR, _TITLE, ("publisher",), ("issued",)),
    "chapter": (_AUTHOR, _TITLE, ("container-title",), ("publisher",), ("issued",)),
    "paper-conference": (_AUTHOR, _TITLE, ("container-title", "event", "event-title"), ("issued",)),
    "thesis": (_AUTHOR, _TITLE, ("publisher",), ("issued",)),
    "report": (_AUTHOR_OR_EDITOR, _TITLE, ("publisher",), ("issued",)),
    "webpage": (_TITLE, ("URL",)),
}


def missing(entry_type: str | None, fields: frozenset[str], csl: bool = False) -> list[str]:
    """The requirements of ``entry_type`` that ``fields`` do not meet, as 'author or editor'."""
    table = CSL if csl else BIBTEX
    present = {f.lower() for f in fields}
    needs = table.get((entry_type or "").lower(), ())
    return [" or ".join(alternatives) for alternatives in needs if not any(a.lower() in present for a in alternatives)]
