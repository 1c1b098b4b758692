"""Read the bibliography files a document names (.bib, CSL-JSON, CSL-YAML).

A file that cannot be read is not an error of the run: the document's
:class:`~refcheck.model.Bibliography` says why (RC100 reports it), and the
other files are still read.
"""

from __future__ import annotations

import os

from ..errors import InputError
from ..model import Bibliography, Document, Reference
from . import csl
from .decode import decode
from .files import read_regular

BIB_SUFFIXES = (".bib", ".biblatex")
CSL_JSON = (".json",)
CSL_YAML = (".yaml", ".yml")
MAX_BIB_BYTES = 64 * 1024 * 1024


def resolve(name: str, base: str, default_suffix: str = ".bib") -> str:
    """``name`` as written in the document, relative to the document's folder;
    ``\\bibliography{refs}`` means refs.bib."""
    path = os.path.expanduser(name.strip())
    if not os.path.splitext(path)[1] and default_suffix:
        path += default_suffix
    return path if os.path.isabs(path) else os.path.normpath(os.path.join(base, path))


def load(path: str, given_by: str, at: int | None = None) -> tuple[Bibliography, list[Reference]]:
    suffix = os.path.splitext(path)[1].lower()
    try:
        text = decode(path, read_regular(path, MAX_BIB_BYTES))
    except InputError as exc:
        return Bibliography(path, given_by, exc.problem, at), []
    try:
        if suffix in CSL_JSON:
            refs = csl.references(csl.load_json(text), path, text)
        elif suffix in CSL_YAML:
            refs = csl.references(csl.load_yaml(text), path, text)
        else:
            from . import bibtex

            refs = bibtex.parse(path, text)
    except csl.CslError as exc:
        return Bibliography(path, given_by, str(exc), at), []
    except RecursionError:
        return Bibliography(path, given_by, "nested too deeply to read", at), []
    return Bibliography(path, given_by, None, at), refs


def bib_sources(document: Document) -> dict[str, str]:
    """The text of each .bib file ``document`` cites from (for their suppression
    comments); one that cannot be read now is left out (its reader said why)."""
    found = {}
    for bibliography in document.structure.bibliographies if document.structure else ():
        if bibliography.problem is None and bibliography.path.lower().endswith(".bib"):
            try:
                found[bibliography.path] = read_regular(bibliography.path).decode("utf-8", "replace")
            except (InputError, OSError):
                continue
    return found
