"""From a reference and the registries' answers to a verdict.

Route: a DOI is looked up in Crossref and OpenAlex (then DataCite, then
doi.org's handle API, which alone may say a DOI does not exist); an arXiv id
in arXiv; a reference with neither is searched for in Crossref, OpenAlex and
DataCite only when it looks scholarly. "Not found" needs every source to
have answered; otherwise the verdict is "cannot determine", with the reason.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import replace

from ...extract.identifiers import arxiv_id, normalise_doi, valid_doi
from ...model import Reference
from .match import (
    TITLE_CONFLICT,
    TITLE_IDENTICAL,
    TITLE_MATCH,
    Comparison,
    compare,
    differences,
    normalise,
    searchable,
)
from .work import (
    CONFLICT,
    MISMATCH,
    NOT_FOUND,
    UNDETERMINED,
    UNREGISTERED,
    VERIFIED,
    Answer,
    Verdict,
    Work,
)

TITLE_NEAR = 0.7  # a search hit this close, by the same first author in the same year: the work, its title garbled
IDENTICAL_MIN_WORDS = 4
SHORT_TITLE_CHARS = 8  # a two-word title this long is searched with its first author, matched only closely, never ruled out  # a title this long, found verbatim, names the work even when the authors differ
BOOK_KINDS = ("book", "monograph", "edited-book", "reference-book", "book-chapter", "book-part")
ARXIV_DOI = "10.48550/arxiv."
_SCHOLARLY = re.compile(
    r"\b(?:journal|proceedings|conference|symposium|workshop|transactions|quarterly|annals|bulletin|letters|"
    r"review of|press|university|verlag|publishers?|publishing|isbn|vol\.|volume|pp\.|edition|eds?\.|"
    r"dissertation|thesis)\b", re.IGNORECASE)
_WEB = re.compile(r"\b(?:retrieved|accessed|available at|abgerufen|consulted|viewed)\b", re.IGNORECASE)
_DATED = re.compile(r"\(\s*\d{4}[a-z]?\s*,\s*[A-Z][a-z]+")  # "(2020, May 3)": a newspaper or magazine item


def looks_scholarly(ref: Reference) -> bool:
    """Journal, volume, pages, publisher, ISBN, proceedings, or a print work
    (a container and no URL): worth a bibliographic search. A web page (a URL
    or a retrieval date, and no volume or pages) or a dated news item is not."""
    if ref.volume:
        return True
    if _WEB.search(ref.raw) or _DATED.search(ref.raw) or (ref.urls and not ref.pages):
        return False
    return bool(ref.pages or _SCHOLARLY.search(ref.raw) or (ref.container and not ref.urls))


def judge(ref: Reference, work: Work, identifier: str, sources: tuple[str, ...]) -> Verdict:
    """A record found by identifier: the cited work, the same work with other
    details, or another work altogether."""
    found = compare(ref, work)
    base = dict(work=work, score=found.score, identifier=identifier, sources=sources)
    if not ref.title:
        if found.author is False:
            return Verdict(CONFLICT, f"{identifier} is {work.describe()}", differences=differences(ref, work, found), **base)
        diffs = differences(ref, work, found)
        return Verdict(MISMATCH if diffs else VERIFIED, "no title to compare; authors and year checked", differences=diffs, **base)
    if found.title >= TITLE_MATCH:
        diffs = differences(ref, work, found)
        return Verdict(MISMATCH if diffs else VERIFIED, f"{identifier}: title similarity {found.title:.2f}", differences=diffs, **base)
    if found.title >= TITLE_CONFLICT and found.author and found.year_agrees:
        return Verdict(MISMATCH, f"{identifier}: same first author and year, title similarity {found.title:.2f}",
                       differences=differences(ref, work, found, title=True), **base)
    return Verdict(CONFLICT, f"{identifier} is {work.describe()} (title similarity {found.title:.2f})",
                   differences=differences(ref, work, found, title=True), **base)


def _failures(answers: list[Answer]) -> str:
    return "; ".join(f"{a.source}: {a.reason}" for a in answers if not a.answered)


class Decider:
    """Verdicts for references, given the clients (see :mod:`.run`)."""

    def __init__(self, look) -> None:
        self.look = look  # an object with crossref_doi, openalex_doi, datacite_doi, handle, arxiv, searches

    async def verdict(self, ref: Reference) -> Verdict:
        doi = normalise_doi(ref.doi) if ref.doi else None
        if doi and not valid_doi(doi):
            return Verdict(UNDETERMINED, f"the DOI {ref.doi} is malformed (see RC509)")
        if doi and (f"{ref.doi}<" in ref.raw or "(sici)" in doi):
            return Verdict(UNDETERMINED, f"the DOI {ref.doi} may be cut short (a SICI DOI with < and >): not looked up")
        arxiv = arxiv_id(ref)
        if doi and doi.startswith(ARXIV_DOI):
            arxiv, doi = arxiv or doi[len(ARXIV_DOI):], None
        if doi:
            return await self.by_doi(ref, doi)
        if arxiv:
            return await self.by_arxiv(ref, arxiv)
        return await self.by_search(ref)

    async def by_doi(self, ref: Reference, doi: str) -> Verdict:
        crossref, openalex = await asyncio.gather(self.look.crossref_doi(doi), self.look.openalex_doi(doi))
        answers = [crossref, openalex]
        record = next((a.works[0] for a in (crossref, openalex) if a.state == "found"), None)
        if record is None:
            datacite = await self.look.datacite_doi(doi)
            answers.append(datacite)
            record = datacite.works[0] if datacite.state == "found" else None
        sources = tuple(a.source for a in answers if a.answered)
        if record is None:
            handle = await self.look.handle(doi)
            if handle.state == "absent":
                return Verdict(UNREGISTERED, f"doi.org has no DOI {doi}, and no registry holds a record of it",
                               identifier=f"doi:{doi}", sources=sources + ("doi.org",))
            failed = _failures(answers + [handle])
            if handle.state == "found":
                why = "the DOI is registered, but Crossref, OpenAlex and DataCite hold no record of it (another agency?)"
                return Verdict(UNDETERMINED, f"{why}; {failed}" if failed else why, identifier=f"doi:{doi}", sources=sources)
            return Verdict(UNDETERMINED, failed, identifier=f"doi:{doi}", sources=sources)
        if openalex.state == "found" and record is not openalex.works[0] and openalex.works[0].retracted and not record.retracted:
            record = replace(record, retracted=True, notices=record.notices + openalex.works[0].notices)
        return judge(ref, record, f"doi:{doi}", sources)

    async def by_arxiv(self, ref: Reference, arxiv: str) -> Verdict:
        answer = await self.look.arxiv(arxiv)
        if answer.state == "absent":
            return Verdict(UNREGISTERED, f"arXiv has no paper {arxiv}", identifier=f"arXiv:{arxiv}", sources=("arXiv",))
        if answer.state == "failed":
            return Verdict(UNDETERMINED, f"arXiv: {answer.reason}", identifier=f"arXiv:{arxiv}")
        return judge(ref, answer.works[0], f"arXiv:{arxiv}", ("arXiv",))

    async def by_search(self, ref: Reference) -> Verdict:
        if ref.problem or not ref.title:
            return Verdict(UNDETERMINED, "not looked up: the entry could not be parsed")
        if not looks_scholarly(ref):
            return Verdict(UNDETERMINED, "not looked up: grey literature or a web source (no DOI, journal, volume, "
                                         "pages, publisher or ISBN); the link check covers it")
        short = not searchable(ref)
        title = normalise(ref.title)
        if short and not (len(title) >= SHORT_TITLE_CHARS and len(title.split()) >= 2 and ref.authors and not ref.corporate):
            return Verdict(UNDETERMINED, "not looked up: the title is too short to search for")
        answers = list(await self.look.searches(ref))
        sources = tuple(a.source for a in answers if a.answered)
        scored = sorted(((compare(ref, w), w) for a in answers for w in a.works),
                        key=lambda cw: (-cw[0].score, cw[1].doi is None))
        chosen = self._choose(ref, scored, short)
        if chosen is not None:
            return replace(chosen, sources=sources)
        if short:
            return Verdict(UNDETERMINED, "no confident match, and the title is too short to rule one out", sources=sources)
        failed = _failures(answers)
        closest = f"; closest: {scored[0][1].describe()} (score {scored[0][0].score:.2f})" if scored else ""
        if failed:
            return Verdict(UNDETERMINED, f"no confident match{closest}; {failed}", sources=sources)
        doubtful = next(((c, w) for c, w in scored if c.title >= TITLE_CONFLICT and c.author), None)
        if doubtful:
            return Verdict(UNDETERMINED, f"closest record {doubtful[1].describe()} is too unlike to confirm or rule out "
                                         f"(title similarity {doubtful[0].title:.2f})", work=doubtful[1], sources=sources)
        if not (ref.volume or ref.pages):
            return Verdict(UNDETERMINED, f"no record matches, but books and reports are often missing from the registries"
                                         f"{closest}", sources=sources)
        return Verdict(NOT_FOUND, f"no record matches{closest}", work=scored[0][1] if scored else None, sources=sources)

    def _choose(self, ref: Reference, scored: list[tuple[Comparison, Work]], short: bool) -> Verdict | None:
        """The best acceptable candidate: the same title, first author and year;
        else (titles of MIN_TITLE_WORDS or more) a garbled title by the same first
        author in the same year, or the very title with other details."""
        def merged(work: Work) -> Work:
            flagged = [w for _, w in scored if w.doi and w.doi == work.doi and w.retracted]
            return replace(work, retracted=True, notices=work.notices + flagged[0].notices) if flagged and not work.retracted else work

        for found, work in scored:
            if found.title >= TITLE_MATCH and found.author is not False and found.year_agrees:
                diffs = differences(ref, work, found)
                status = MISMATCH if diffs else VERIFIED
                return Verdict(status, f"found in {work.source}: title similarity {found.title:.2f}", merged(work), found.score,
                               diffs, suggest_doi=work.doi if status == VERIFIED and not ref.doi else None)
        if short:
            return None
        for found, work in scored:
            if found.title >= TITLE_NEAR and found.author and found.year_agrees:
                return Verdict(MISMATCH, f"found in {work.source}: same first author and year, title similarity {found.title:.2f}",
                               merged(work), found.score, differences(ref, work, found, title=True))
        for found, work in scored:
            if found.title >= TITLE_IDENTICAL and len(normalise(ref.title).split()) >= IDENTICAL_MIN_WORDS:
                diffs = differences(ref, work, found)
                if (work.kind or "") in BOOK_KINDS and [d[0] for d in diffs] == ["year"]:
                    return Verdict(UNDETERMINED, f"{work.source} holds this title from {work.year} (another edition?)", work, found.score)
                return Verdict(MISMATCH, f"found in {work.source}: the same title, other details", merged(work), found.score, diffs)
        return None
