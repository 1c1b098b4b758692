"""What every rule gets (a :class:`Context`) and gives (a :class:`Problem`)."""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..extract.linking import LINKED, Link
from ..extract.sections import Section
from ..findings import Applicability, Fix, Severity
from ..model import Citation, Document, Reference, Span

# Per style: the smallest number of authors that may be cited as "First et al.",
# and the number from which et al. is required (a full list is then wrong).
# APA 6 names three to five authors in full at the first citation. Chicago 17
# names three authors, Chicago 18 writes et al. from three; Harvard variants
# differ the same way: both are accepted. ABNT (NBR 10520) names up to three.
ET_AL_FROM = {"apa7": 3, "apa6": 3, "harvard": 3, "chicago": 3, "abnt": 4}
ET_AL_ALWAYS_FROM = {"apa7": 3, "apa6": 6, "harvard": 4, "chicago": 4, "abnt": 4}


@dataclass(frozen=True, slots=True)
class Problem:
    """What a rule reports: where, what, and what to do."""

    span: Span
    message: str
    suggestion: str | None = None
    citation: str | None = None
    reference: str | None = None
    severity: Severity | None = None  # raise or lower the rule's default for this case
    # A structured edit: ``replacement`` for ``edit`` (default: ``span``). Without
    # a replacement, ``suggestion`` is advice, never applied.
    replacement: str | None = None
    applicability: Applicability | str = Applicability.UNSAFE
    edit: Span | None = None

    def fix(self, document: Document) -> Fix | None:
        """The edit as a :class:`Fix` located in ``document``; None for advice."""
        if self.replacement is None or getattr(document, "source_map", None):
            return None  # advice; or text read from markup, whose offsets are not the file's
        span = self.edit or self.span
        line, col = document.position(span.start)
        end_line, end_col = document.position(span.end)
        return Fix(line, col, end_line, end_col, self.replacement, Applicability.parse(self.applicability),
                   span.start, span.end)


@dataclass(frozen=True)
class Context:
    document: Document
    section: Section | None
    references: tuple[Reference, ...]
    citations: tuple[Citation, ...]
    links: dict[str, Link]  # citation id -> link
    style: str = "apa7"  # resolved: never "auto"
    numeric_citations: int = 0
    link_status: Mapping[str, Any] | None = None  # written URL -> LinkStatus; None: not probed
    verification: Mapping[str, Any] | None = None  # identifiers.key(ref) -> net.verify Verdict; None: not verified
    this_year: int = field(default_factory=lambda: _dt.date.today().year)
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # rules' per-document caches
    style_inferred: bool = False  # ``style`` was read from the document (--style auto), not given

    @cached_property
    def citation_ends(self) -> list[tuple[int, str]]:
        """(end offset, id) of every citation, sorted: for clause boundaries."""
        return sorted((c.span.end, c.id) for c in self.citations)

    @cached_property
    def citation_by_id(self) -> dict[str, Citation]:
        return {c.id: c for c in self.citations}

    def linked(self) -> list[tuple[Citation, Link]]:
        """(citation, link) for every citation tied to one reference (worked out once)."""
        return self._views[1]

    def of_kind(self, *kinds: str) -> list[tuple[Citation, Link]]:
        """(citation, link) for the citations linked in one of these ways ("year",
        "ambiguous", ...), kind by kind, each in the text's order. A rule about one kind
        of link reads those, not all 50,000 citations of a long document."""
        by_kind = self._views[0]
        return [pair for kind in kinds for pair in by_kind.get(kind, ())]

    def linked_plural(self) -> list[tuple[Citation, Link]]:
        """:meth:`linked` without the pairs of one named author cited for an entry of
        one author: what the rules on the number of authors read (RC104, RC105)."""
        return self._views[2]

    @cached_property
    def _views(self) -> tuple[dict[str, list], list, list]:
        """By kind, linked, plural: one pass over the citations fills the three views."""
        by_kind: dict[str, list] = {}
        linked, plural = [], []
        links = self.links
        # the links are made in the citations' order: read side by side, not looked up
        # one by one in a 50,000-entry table (unless some other order was given)
        in_order = len(links) == len(self.citations) and all(
            cid is c.id or cid == c.id for cid, c in zip(links, self.citations))
        found = links.values() if in_order else (links[c.id] for c in self.citations)
        for citation, link in zip(self.citations, found):
            pair = (citation, link)
            kind = link.kind
            by_kind.setdefault(kind, []).append(pair)
            # a keyed citation names no author or year to compare
            if citation.authors and kind in LINKED and link.reference is not None:
                linked.append(pair)
                ref = link.reference
                if citation.et_al or len(citation.authors) != 1 or ref.et_al or len(ref.authors) != 1:
                    plural.append(pair)
        return by_kind, linked, plural

    def line_of(self, ref: Reference) -> int:
        if ref.origin is not None:
            return ref.origin.line
        return self.document.position(ref.span.start)[0]


def rewrite(citation: Citation, authors: str | None = None, year: str | None = None) -> str:
    """The citation as it should read, in its own form."""
    names = authors if authors is not None else citation.author_text
    when = year if year is not None else f"{citation.year}{citation.year_suffix}"
    if citation.form == "narrative":
        return f"{names} ({when})"
    return f"{names}, {when}" if citation.comma else f"{names} {when}"


def cited_label(citation: Citation) -> str:
    """The citation as the document writes it ("(Li, He and Lin, 2018)"), spaces
    collapsed and long names shortened; rebuilt from its parts only when the
    text lacks the names (the "2020a" of "(Smith, 2019, 2020a)")."""
    written = " ".join(citation.text.split())
    first = citation.authors[0].split()[0] if citation.authors and citation.authors[0].split() else ""
    if not first or not written.startswith(first):
        written = rewrite(citation)
    written = shorten(written)
    return written if citation.form == "narrative" else f"({written})"


def cited_names(citation: Citation, limit: int = 60) -> str:
    """The names as the citation writes them ("Li, He and Lin"), shortened;
    rebuilt from its parts when the text lacks them."""
    written = " ".join(citation.text.split())
    at = written.find(citation.year) if citation.year else -1
    names = written[:at].rstrip(" ,(") if at > 0 else ""
    first = citation.authors[0].split()[0] if citation.authors and citation.authors[0].split() else ""
    if not first or not names.startswith(first):
        names = citation.author_text
    return shorten(names, limit)


def shorten(text: str, limit: int = 80) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with "…";
    a single overlong word is cut where it must."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut.strip() and not text[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def _parts(ctx: Context, citation: Citation) -> tuple[int, int, int] | None:
    """Offsets where the written names end, where the year starts and ends."""
    start, end = citation.span.start, citation.span.end
    written = ctx.document.text[start:end]
    at = written.find(citation.year) if citation.year else -1
    if at == -1:
        return None
    names_end = at
    while names_end > 0 and written[names_end - 1] in " \t\n(,":
        names_end -= 1
    return start + names_end, start + at, start + at + len(citation.year) + len(citation.year_suffix)


def year_edit(ctx: Context, citation: Citation, year: str) -> dict:
    """Problem fields that replace the citation's written year: unsafe (the
    list, not the text, may be the one that is wrong)."""
    parts = _parts(ctx, citation)
    if parts is None:
        return {}
    return {"replacement": year, "applicability": "unsafe", "edit": Span(parts[1], parts[2])}


def names_edit(ctx: Context, citation: Citation, names: str) -> dict:
    """Problem fields that replace the citation's written names: unsafe. The
    document's "and" is kept where it writes one instead of "&"."""
    parts = _parts(ctx, citation)
    if parts is None or parts[0] <= citation.span.start:
        return {}
    written = ctx.document.text[citation.span.start:parts[0]]
    if " and " in written and " & " in names:
        names = names.replace(" & ", " and ")
    return {"replacement": names, "applicability": "unsafe", "edit": Span(citation.span.start, parts[0])}


def comma_edit(ctx: Context, citation: Citation) -> dict:
    """Problem fields that add or remove the comma between names and year: safe."""
    parts = _parts(ctx, citation)
    if parts is None or parts[0] <= citation.span.start or citation.form != "parenthetical":
        return {}
    return {"replacement": " " if citation.comma else ", ", "applicability": "safe", "edit": Span(parts[0], parts[1])}


def edited(ctx: Context, citation: Citation, edit: dict, fallback: str) -> str:
    """The citation as written with ``edit`` (from year_edit, names_edit or
    comma_edit) made: the suggestion that matches the fix; ``fallback`` when
    there is no edit."""
    first = citation.authors[0].split()[0] if citation.authors and citation.authors[0].split() else ""
    if not edit or not first or not citation.text.startswith(first):  # "2020a" of "(Smith, 2019, 2020a)"
        return fallback
    text, span = ctx.document.text, edit["edit"]
    return " ".join((text[citation.span.start:span.start] + edit["replacement"] + text[span.end:citation.span.end]).split())


def year_text(ref: Reference) -> str:
    return f"{ref.year or 'n.d.'}{ref.year_suffix}"


def plural(count: int, word: str) -> str:
    if count == 1:
        return f"{count} {word}"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return f"{count} {word[:-1]}ies"
    return f"{count} {word}s"


def first_words(text: str, count: int = 8) -> str:
    words = re.sub(r"\s+", " ", text).split(" ")
    return " ".join(words[:count]) + (" ..." if len(words) > count else "")


_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\bet al)[.!?][\"'\u201d\u2019)]?\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])|\n\s*\n")


def citing_clause(ctx: Context, citation: Citation) -> tuple[int, int]:
    """The span of text a citation supports: from the start of its sentence, or
    from the end of an earlier citation group in that sentence, to the citation."""
    text = ctx.document.text
    end = citation.span.start
    group_start = text.rfind("(", max(0, end - 600), end + 1) if citation.form == "parenthetical" else end
    end = group_start if group_start != -1 else end
    start = max(0, end - 1500)
    for match in _SENTENCE_END.finditer(text, start, end):
        start = match.end()
    ends = ctx.citation_ends
    # citations that end inside the clause, latest first (ends are in text order)
    for index in range(bisect_right(ends, (end, "\uffff")) - 1, -1, -1):
        other_end, other_id = ends[index]
        if other_end < start:
            break
        other = ctx.citation_by_id[other_id]
        if other.group != citation.group:
            start = other_end + (1 if other.form == "parenthetical" else 0)
            break
    return start, end
