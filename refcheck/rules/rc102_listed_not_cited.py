"""RC102 listed-not-cited: a reference that no citation points to.

## What it does
Reports each entry of the reference list that no in-text citation links to.
When the text names the entry's first author within 200 characters of its
year in a form refcheck does not read as a citation ("Moral und Hypermoral
(1969) de Arnold Gehlen", "des Wissenschaftsrates (2010)"), the finding is
info and says where.

For a document that cites by key (LaTeX, Pandoc), entries named by `\\nocite`
or Pandoc's `nocite` count as cited, and `\\nocite{*}` (`nocite: @*`) lists
every entry on purpose.

## Why is this bad?
Author-date styles (APA, Harvard, Chicago) list only works cited in the text.
An uncited entry is padding, a leftover from an earlier draft, or a sign that
the citation to it is misspelled.

## Example

    Security cooperation grew (Lemon, 2018).

    References
    Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.
    Yuneman, Roman (2023). Kazakhstan's multi-vector foreign policy. Russia in Global Affairs, 21(2), 141-162.

## Fix
Cite the work where it is used, or remove the entry.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..extract.linking import LINKED
from ..extract.mentions import Mentions
from ..findings import Severity
from .base import Context, Problem

CODE = "RC102"
NAME = "listed-not-cited"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.numeric_citations:
        return  # RC111: this list is cited by number
    cited = set()
    for link in ctx.links.values():
        if link.kind in LINKED and link.reference is not None:
            cited.add(link.reference.id)
            if link.others and link.kind == "exact":  # the twins of a duplicated entry (RC107)
                cited.update(r.id for r in link.others)
        elif link.kind == "ambiguous":
            cited.update(r.id for r in link.others)
    structure = ctx.document.structure
    if structure is not None:
        if structure.nocite_all:
            return  # \nocite{*}, nocite: @*: every entry is listed on purpose
        nocite = set(structure.nocite)
        # a key cited in another case or misspelled is RC101's (it suggests this entry),
        # a key listed twice RC107's
        nocite.update(link.others[0].key for link in ctx.links.values() if link.kind == "none" and link.others)
        keys = {r.key.lower() for r in ctx.references if r.id in cited and r.key}
        cited.update(r.id for r in ctx.references if r.key in nocite or (r.key and r.key.lower() in keys))
    mentions = None
    for ref in ctx.references:
        if ref.id not in cited and ref.problem is None and structure is not None:
            if ref.key is not None:  # a keyed entry: no mention search, the key says it all
                yield Problem(ref.span, f"{ref.key} ({ref.label}) is in the bibliography but never cited", None, None, ref.id)
            continue
        if ref.id not in cited and ref.problem is None:
            if mentions is None:  # built once, for the names of all the uncited entries
                section = ctx.section
                skip = (section.heading_start, section.end) if section else (0, 0)
                mentions = Mentions(ctx.document.scan, skip, [r for r in ctx.references if r.id not in cited and r.problem is None])
            near = mentions.find(ref)
            if near is None:
                yield Problem(ref.span, f"{ref.label} is listed but never cited", None, None, ref.id)
            else:
                # named in the text near its year, in a form refcheck does not read as a
                # citation ("Moral und Hypermoral (1969) de Arnold Gehlen"): say so quietly
                yield Problem(
                    ref.span,
                    f"{ref.label}: no citation refcheck can read points to it, but the text names "
                    f"{near[0]} near {near[1]} at line {ctx.document.position(near[2])[0]}",
                    None, None, ref.id, Severity.INFO,
                )
