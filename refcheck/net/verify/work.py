"""What the registries say (a :class:`Work`, in an :class:`Answer`) and what
refcheck concludes about a reference (a :class:`Verdict`). Plain data: no I/O."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# Verdicts, and the words the summary line uses for them.
VERIFIED, MISMATCH, CONFLICT, UNREGISTERED, NOT_FOUND, UNDETERMINED = (
    "verified", "mismatch", "conflict", "unregistered", "not-found", "undetermined")
STATUSES = (VERIFIED, MISMATCH, CONFLICT, UNREGISTERED, NOT_FOUND, UNDETERMINED)

RETRACTION = "retraction"
CORRECTION = "correction"
CONCERN = "expression of concern"


@dataclass(frozen=True)
class Work:
    """One registry record, reduced to what a reference can be compared with."""

    source: str  # "Crossref", "OpenAlex", "DataCite", "arXiv"
    title: str
    authors: tuple[tuple[str, str], ...] = ()  # (family, given); family is the last name of a one-string name
    year: int | None = None
    container: str | None = None
    doi: str | None = None  # lower case, bare (10.xxx/yyy)
    arxiv: str | None = None
    kind: str | None = None  # the record's type, as the source names it
    retracted: bool = False
    notices: tuple[tuple[str, str], ...] = ()  # (RETRACTION | CORRECTION | CONCERN, notice DOI or "")
    published_doi: str | None = None  # a preprint's published version
    other_years: tuple[int, ...] = ()  # print, online, posted, updated: a citation may give any of them

    @property
    def first_author(self) -> str:
        return self.authors[0][0] if self.authors else ""

    def describe(self) -> str:
        """'"Title" (First, 2019)': how a finding names the record."""
        who = self.first_author or "no author"
        if len(self.authors) > 1:
            who += " et al."
        return f'"{self.title}" ({who}, {self.year or "n.d."})'

    def as_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Work:
        data = dict(data)
        data["authors"] = tuple(tuple(a) for a in data.get("authors", ()))
        data["notices"] = tuple(tuple(n) for n in data.get("notices", ()))
        data["other_years"] = tuple(data.get("other_years", ()))
        return cls(**data)


@dataclass(frozen=True)
class Answer:
    """One source's reply to one question: found (with records), absent
    (the source answered and holds nothing), or failed (with the reason)."""

    source: str
    state: str  # "found" | "absent" | "failed"
    works: tuple[Work, ...] = ()
    reason: str = ""
    cached: bool = False

    @property
    def answered(self) -> bool:
        return self.state != "failed"


@dataclass(frozen=True)
class Verdict:
    """What refcheck concludes about one reference, with the evidence."""

    status: str  # one of STATUSES
    reason: str = ""  # how it was decided, or why it cannot be
    work: Work | None = None  # the record compared with
    score: float = 0.0
    differences: tuple[tuple[str, str, str], ...] = ()  # (field, the reference's value, the record's value)
    identifier: str | None = None  # "doi:10..." or "arXiv:..." when looked up by identifier
    sources: tuple[str, ...] = field(default=())  # the sources consulted that answered
    suggest_doi: str | None = None  # a DOI the entry lacks (RC508)

    @property
    def same_work(self) -> bool:
        """The record is the cited work (retractions and published versions apply)."""
        return self.status in (VERIFIED, MISMATCH) and self.work is not None
