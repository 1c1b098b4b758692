"""Run the verification stage for a set of references: one lookup per distinct
question across all files, the shared cache, and an offline check first."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from ...collect import collecting
from ...extract.identifiers import arxiv_id, key
from ...model import Reference
from ..cache import default_dir
from ..policy import Resolver, Unresolvable, system_resolver
from .arxiv import Arxiv, Handles
from .cache import RecordCache
from .crossref import Crossref
from .datacite import DataCite
from .decide import Decider
from .http import VerifySettings
from .openalex import OpenAlex
from .work import UNDETERMINED, Answer, Verdict


@dataclass(frozen=True)
class VerifyRun:
    settings: VerifySettings = field(default_factory=VerifySettings)
    cache_dir: str | None = None  # None: the user cache dir
    use_cache: bool = True
    progress: bool = False


def verify_references(references: list[Reference], run: VerifyRun | None = None,
                      warn: Callable[[str], None] = lambda m: print(m, file=sys.stderr),
                      transport: httpx.AsyncBaseTransport | None = None, resolver: Resolver = system_resolver,
                      sleep=asyncio.sleep) -> dict[str, Verdict]:
    """Reference key (see :func:`refcheck.extract.identifiers.key`) -> Verdict."""
    with collecting():  # asyncio and httpx make reference cycles
        return asyncio.run(_verify(references, run or VerifyRun(), warn, transport, resolver, sleep))


class Lookups:
    """The questions the decider asks, each asked once per run and cached across runs."""

    def __init__(self, client: httpx.AsyncClient, settings: VerifySettings, cache: RecordCache | None, sleep) -> None:
        self.crossref_service = Crossref(client, settings.crossref_url, settings, sleep)
        self.openalex_service = OpenAlex(client, settings.openalex_url, settings, sleep)
        self.datacite_service = DataCite(client, settings.datacite_url, settings, sleep)
        self.arxiv_service = Arxiv(client, settings.arxiv_url, settings, sleep)
        self.handle_service = Handles(client, settings.handle_url, settings, sleep)
        self.cache = cache
        self.arxiv_answers: dict[str, Answer] = {}
        self._asked: dict[str, asyncio.Task] = {}

    async def _ask(self, question: str, source: str, fetch) -> Answer:
        if question not in self._asked:
            self._asked[question] = asyncio.ensure_future(self._fetch(question, source, fetch))
        return await self._asked[question]

    async def _fetch(self, question: str, source: str, fetch) -> Answer:
        hit = self.cache.get_answer(question, source) if self.cache else None
        if hit is not None:
            return hit
        answer = await fetch()
        if self.cache:
            self.cache.put_answer(question, answer)
        return answer

    def crossref_doi(self, doi: str):
        return self._ask(f"crossref:doi:{doi}", "Crossref", lambda: self.crossref_service.by_doi(doi))

    def openalex_doi(self, doi: str):
        return self._ask(f"openalex:doi:{doi}", "OpenAlex", lambda: self.openalex_service.by_doi(doi))

    def datacite_doi(self, doi: str):
        return self._ask(f"datacite:doi:{doi}", "DataCite", lambda: self.datacite_service.by_doi(doi))

    def handle(self, doi: str):
        return self._ask(f"doi.org:{doi}", "doi.org", lambda: self.handle_service.exists(doi))

    async def arxiv(self, arxiv: str) -> Answer:
        if arxiv not in self.arxiv_answers:
            await self.prefetch_arxiv([arxiv])
        return self.arxiv_answers[arxiv]

    async def prefetch_arxiv(self, ids: list[str]) -> None:
        """arXiv is asked in batches: one request for up to 50 ids."""
        todo = []
        for arxiv in dict.fromkeys(ids):
            hit = self.cache.get_answer(f"arxiv:{arxiv}", "arXiv") if self.cache else None
            if hit is not None:
                self.arxiv_answers[arxiv] = hit
            elif arxiv not in self.arxiv_answers:
                todo.append(arxiv)
        if todo:
            for arxiv, answer in (await self.arxiv_service.by_ids(todo)).items():
                self.arxiv_answers[arxiv] = answer
                if self.cache:
                    self.cache.put_answer(f"arxiv:{arxiv}", answer)

    async def searches(self, ref: Reference) -> tuple[Answer, ...]:
        title = " ".join((ref.title or "").lower().split())
        who = ref.authors[0].family.lower() if ref.authors else ""
        question = f"{title}|{who}|{ref.year or ''}"
        return tuple(await asyncio.gather(
            self._ask(f"crossref:search:{question}", "Crossref", lambda: self.crossref_service.search(ref)),
            self._ask(f"openalex:search:{title}", "OpenAlex", lambda: self.openalex_service.search(ref)),
            self._ask(f"datacite:search:{title}", "DataCite", lambda: self.datacite_service.search(ref)),
        ))

    @property
    def requests(self) -> int:
        return sum(s.requests for s in (self.crossref_service, self.openalex_service, self.datacite_service,
                                        self.arxiv_service, self.handle_service))


async def _offline(settings: VerifySettings, resolver: Resolver) -> bool:
    """No network: not one registry host name resolves."""
    hosts = sorted({urlsplit(u).hostname or "" for u in (settings.crossref_url, settings.openalex_url,
                                                          settings.datacite_url, settings.arxiv_url)} - {""})

    async def resolves(host: str) -> bool:
        if host.replace(".", "").isdigit() or ":" in host:
            return True
        try:
            await resolver(host)
        except Unresolvable:
            return False
        return True

    return not any(await asyncio.gather(*(resolves(h) for h in hosts)))


async def _verify(references, run: VerifyRun, warn, transport, resolver, sleep) -> dict[str, Verdict]:
    unique = {key(r): r for r in references}
    if not unique:
        return {}
    if await _offline(run.settings, resolver):
        why = "offline: no registry host name resolves"
        return {k: Verdict(UNDETERMINED, why) for k in unique}
    cache = RecordCache(run.cache_dir or default_dir(), warn=warn) if run.use_cache else None
    timeout = httpx.Timeout(run.settings.timeout, connect=min(run.settings.timeout, 10.0))
    try:
        async with httpx.AsyncClient(transport=transport, timeout=timeout, follow_redirects=True,
                                     limits=httpx.Limits(max_connections=20)) as client:
            look = Lookups(client, run.settings, cache, sleep)
            await look.prefetch_arxiv([a for a in (arxiv_id(r) for r in unique.values()
                                                   if not r.doi or r.doi.lower().startswith("10.48550/")) if a])
            decider = Decider(look)
            bar = _bar(len(unique)) if run.progress else None
            try:
                async def one(ref: Reference) -> Verdict:
                    try:
                        verdict = await decider.verdict(ref)
                    except Exception as exc:  # a bug must not become a traceback or a false verdict
                        verdict = Verdict(UNDETERMINED, f"internal error while verifying: {type(exc).__name__}: {exc}")
                    if bar:
                        bar.advance()
                    return verdict

                verdicts = await asyncio.gather(*(one(r) for r in unique.values()))
            finally:
                if bar:
                    bar.close()
    finally:
        if cache:
            cache.close()
    return dict(zip(unique, verdicts))


def _bar(total: int):
    """The link stage's progress bar on stderr (rich, loaded only when shown), relabelled."""
    from ..run import _progress

    bar = _progress(total)
    label = bar.progress.columns[0]
    if hasattr(label, "text_format"):
        label.text_format = "verifying references"
    return bar
