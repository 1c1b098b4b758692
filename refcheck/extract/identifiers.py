"""DOIs and arXiv identifiers of a reference entry: found, normalised, and
checked for the ways they are commonly mistyped (offline, no network).

Used by the RC509 rule and by the metadata lookups of ``--verify``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Reference

# A DOI: "10." + registrant (4-9 digits, optional sub-codes) + "/" + suffix.
DOI_SHAPE = re.compile(r"^10\.\d{4,9}(?:\.\d+)*/\S+$")
_DOI_LOOSE = re.compile(r"10\.\d+(?:\.\d+)*/[^\s\"<>\]]+")
_DOI_URL = re.compile(r"(?:https?://)?(?:dx\.)?doi\.org/(?P<space>[ \t]*)(?P<rest>[^\s\"<>\]]*)", re.IGNORECASE)
_LINK_TARGET = re.compile(r"\]\((?P<t>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)|<(?P<a>(?:https?://|doi:)[^<>\s]+)>")  # no "<" inside <...>: one scan per "<"

# arXiv: new style 0704.0001 .. 2412.12345 (five digits after the dot from 1501), old style hep-th/9901001
_ARXIV_NEW = r"(?P<yymm>\d{4})\.(?P<num>\d{4,5})(?P<version>v\d*)?"
_ARXIV_OLD = r"(?P<archive>[a-z-]+(?:\.[A-Z]{2})?)/(?P<oldnum>\d{7})(?P<oldversion>v\d*)?"
ARXIV_RE = re.compile(
    rf"(?:arxiv\s*:\s*|arxiv\.org/(?:abs|pdf)/|10\.48550/arxiv\.)(?:{_ARXIV_NEW}|{_ARXIV_OLD})(?![\d])",
    re.IGNORECASE,
)
_ARXIV_STRAY = re.compile(r"(?:arxiv\s*:\s*|arxiv\.org/(?:abs|pdf)/)(?P<id>\d{4}\.\d{4,5})(?P<stray>\s+v\d+|\.v\d+|v(?!\d)|v0+\b)",
                          re.IGNORECASE)


@dataclass(frozen=True)
class Malformed:
    """A mistyped identifier: the text as written, what is wrong, the fix."""

    written: str
    problem: str
    fix: str | None


def key(ref: Reference) -> str:
    """The key a reference's verdict is stored under: its entry text, spaces collapsed
    (the same entry in two files is looked up once)."""
    return " ".join(ref.raw.split())


def normalise_doi(doi: str) -> str:
    return doi.strip().lower()


def valid_doi(doi: str) -> bool:
    """A DOI that may be looked up: the right shape, no backslash, no "." or ".." path segment."""
    if not DOI_SHAPE.match(doi) or "\\" in doi:
        return False
    return not any(part in (".", "..") for part in doi.split("/"))


def arxiv_id(ref: Reference) -> str | None:
    """The arXiv identifier written in the entry (without its version), or None."""
    found = ARXIV_RE.search(ref.raw.replace("\\", ""))
    if not found:
        return None
    if found.group("yymm"):
        if not _plausible_new_id(found.group("yymm"), found.group("num")):
            return None
        return f"{found.group('yymm')}.{found.group('num')}"
    return f"{found.group('archive').lower()}/{found.group('oldnum')}"


def arxiv_version(ref: Reference) -> str | None:
    found = ARXIV_RE.search(ref.raw.replace("\\", ""))
    if not found:
        return None
    version = found.group("version") or found.group("oldversion")
    return version if version and version[1:].isdigit() and int(version[1:]) > 0 else None


def _plausible_new_id(yymm: str, num: str) -> bool:
    year, month = int(yymm[:2]), int(yymm[2:])
    if not 1 <= month <= 12 or (year == 7 and month < 4) or year < 7:
        return False
    return len(num) == (5 if year >= 15 else 4)


_REGISTRANT = re.compile(r"10\.\d{4,9}(?:\.\d+)*/")
_DOI_PREFIX = re.compile(r"^doi\s*:\s*", re.IGNORECASE)  # matches where r"doi\s*:" does
_RESOLVER = re.compile(r"^(?:https?://)?(?:dx\.)?doi\.org/", re.IGNORECASE)


def malformed(ref: Reference) -> list[Malformed]:
    """Every mistyped DOI or arXiv identifier in the raw entry, in text order."""
    raw = ref.raw
    out: list[Malformed] = []
    for match in _DOI_LOOSE.finditer(raw):
        doi = match.group(0)
        if "\\" in doi:
            fixed = doi.replace("\\", "").rstrip(".,;:")
            out.append(Malformed(doi.rstrip(".,;:"), "the DOI contains a backslash (an escaped character from LaTeX or Markdown)", fixed))
        elif not _REGISTRANT.match(doi):
            out.append(Malformed(doi.rstrip(".,;:"), "the DOI's registrant code must have 4 to 9 digits (10.NNNN/...)", None))
    for match in _DOI_URL.finditer(raw):
        rest = match.group("rest")
        written = match.group(0).rstrip(".,;:")
        if _DOI_PREFIX.match(rest):
            doi = _DOI_PREFIX.sub("", rest).rstrip(".,;:")
            out.append(Malformed(written, 'the DOI URL repeats the "doi:" prefix, which breaks the link', f"https://doi.org/{doi}"))
        elif _RESOLVER.match(rest):
            doi = _RESOLVER.sub("", rest).rstrip(".,;:")
            out.append(Malformed(written, "the DOI URL repeats the resolver, which breaks the link", f"https://doi.org/{doi}"))
        elif match.group("space") and rest.startswith("10."):
            doi = rest.rstrip(".,;:")
            out.append(Malformed(match.group(0).rstrip(".,;:"), "a space after doi.org/ breaks the link", f"https://doi.org/{doi}"))
    for match in _LINK_TARGET.finditer(raw):
        target = match.group("t") or match.group("a") or ""
        if ("doi.org/" in target.lower() or target.lower().startswith("doi:")) and target[-1:] in ".,;:":
            out.append(Malformed(target, "the DOI link ends with punctuation that is not part of the DOI", target.rstrip(".,;:")))
    for match in _ARXIV_STRAY.finditer(raw):
        out.append(Malformed(match.group(0), "the arXiv identifier has a stray version suffix", match.group(0)[: -len(match.group("stray"))]))
    for match in ARXIV_RE.finditer(raw):
        if match.group("yymm") and not _plausible_new_id(match.group("yymm"), match.group("num")):
            out.append(Malformed(match.group(0), "not a possible arXiv identifier (YYMM.NNNN until 2014, YYMM.NNNNN since 2015)", None))
    seen: set[str] = set()
    return [m for m in out if not (m.written in seen or seen.add(m.written))]
