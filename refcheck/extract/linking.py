"""Link citations to references.

Each citation gets a :class:`Link` whose ``kind`` says how it matched:

``exact``      first author and year (with suffix) agree
``suffix``     author and year agree, the a/b suffix does not
``year``       the author agrees, the year does not
``fuzzy``      a near-miss spelling of a listed author, same year
``order``      the cited first author is a later author of the entry
``ambiguous``  several entries fit equally well
``none``       nothing in the list fits
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from ..model import Reference
from .citations import Candidate
from .names import fold, name_key, name_keys, title_key

LINKED = frozenset({"exact", "suffix", "year", "fuzzy", "order", "key"})  # "key": a keyed citation (extract.keys)


# a value like model's bulk objects: not frozen (a frozen dataclass sets each field
# through object.__setattr__, three times slower to build), hashed all the same
@dataclass(slots=True, unsafe_hash=True)
class Link:
    kind: str
    reference: Reference | None = None
    others: tuple[Reference, ...] = ()


def osa_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment edit distance (a transposition costs 1), computed
    only within ``limit`` of the diagonal; ``limit + 1`` means "more than limit".
    Three rows are reused and only the band is written: time O(len * limit)."""
    n, m = len(a), len(b)
    if abs(n - m) > limit:
        return limit + 1
    far = limit + 1
    prev = [j if j <= limit else far for j in range(m + 1)]
    prev2, cur = prev[:], prev[:]
    for i in range(1, n + 1):
        cur[0] = i if i <= limit else far
        low, high = max(1, i - limit), min(m, i + limit)
        cur[low - 1] = cur[0] if low == 1 else far  # left of the band
        if high < m:
            cur[high + 1] = far  # right of the band: the next row reads it
        ai = a[i - 1]
        for j in range(low, high + 1):
            value = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai != b[j - 1]))
            if i > 1 and j > 1 and ai == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, prev2[j - 2] + 1)
            cur[j] = min(value, far)
        if min(cur[low - 1:high + 1]) > limit:
            return far
        prev2, prev, cur = prev, cur, prev2
    return min(prev[m], far)


def _variants(key: str) -> list[str]:
    """The key and its single-deletion variants (the near-miss index's entries)."""
    return [key, *[key[:i] + key[i + 1:] for i in range(len(key))]]


def one_edit(a: str, b: str) -> bool:
    """Are two different strings one edit apart (substitution, insertion,
    deletion or adjacent transposition), i.e. ``osa_distance(a, b, 1) == 1``?
    Linear, without the table."""
    if len(a) < len(b):
        a, b = b, a
    n, m = len(a), len(b)
    if n - m > 1:
        return False
    i = 0
    while i < m and a[i] == b[i]:
        i += 1
    if n > m:
        return a[i + 1:] == b[i:]
    if i == m:
        return False  # equal
    return a[i + 1:] == b[i + 1:] or (a[i + 1:i + 2] == b[i:i + 1] and a[i] == b[i + 1:i + 2] and a[i + 2:] == b[i + 2:])


def fuzzy_limit(key: str) -> int:
    return 0 if len(key) < 4 else 1 if len(key) < 8 else 2


def author_keys(ref: Reference) -> tuple[str, ...]:
    if not ref.authors:
        return ()
    family = ref.authors[0].family
    if family.isalnum() and not ref.aliases:
        return name_keys(family)  # one word: no comma, no second word; name_keys has no repeats
    keys = list(name_keys(family))
    if ref.corporate and "," in family:  # "Environmental Design and Research, P.C."
        keys.append(name_key(family.split(",")[0]))
    words = family.split()
    if not ref.corporate and len(words) == 2 and all(w[:1].isupper() for w in words) and "-" not in family:
        keys.append(name_key(words[0]))  # "Serrano Avendaño" is cited as "Serrano"
    keys += [name_key(alias) for alias in ref.aliases]
    return tuple(dict.fromkeys(keys))


_INITIALISM_SKIP = frozenset({"of", "the", "for", "and", "on", "in", "at", "to", "&", "de", "la", "le", "du", "des", "del", "y", "und", "für", "et"})


def initialism(name: str) -> str:
    """``National Alliance on Mental Illness`` -> ``nami``: the initials of its words,
    without function words; "" for a name of fewer than two words."""
    words = [w for w in fold(name).replace("-", " ").split() if w.lower() not in _INITIALISM_SKIP]
    if len(words) < 2 or not all(w[:1].isalpha() for w in words):
        return ""
    return "".join(w[0] for w in words).lower()


class Deferred(Exception):
    """A near-miss lookup asked for while the index defers them (see link)."""


def _variant_index(keys) -> dict[str, str | list[str]]:
    """Each key's single deletions and the key itself -> the key (a string), or the
    keys (a list) when several share it. One probe per variant: setdefault stores the
    key where the variant is new and returns what stands there otherwise; a key two of
    whose deletions are equal ("kaaka" -> "kaka") is listed once under them."""
    index: dict[str, str | list[str]] = {}
    setdefault = index.setdefault
    for key in keys:
        for i in range(len(key) + 1):  # the single deletions, then (i == len) the key
            variant = key[:i] + key[i + 1:]
            found = setdefault(variant, key)
            if found is not key:
                if found.__class__ is str:
                    index[variant] = [found, key]
                elif found[-1] is not key:
                    found.append(key)
    return index


class Index:
    """References by the keys of their first author, for exact and near-miss lookup."""

    def __init__(self, references: list[Reference]) -> None:
        self.by_key: dict[str, list[Reference]] = defaultdict(list)
        self.by_later: dict[str, list[Reference]] = defaultdict(list)
        self.by_initials: dict[str, list[Reference]] = defaultdict(list)
        self.corporate_by_year: dict[str, list[Reference]] = defaultdict(list)
        self._near: dict[str, list[str]] | None = None
        # near-miss lookups asked for in a batch (see share_variants): key -> the keys
        # that share a variant with it; while ``deferring``, a key not in it is
        # collected in ``wanted`` and the lookup raises Deferred
        self._shared: dict[str, set[str]] = {}
        self.deferring = False
        self.wanted: set[str] = set()
        for ref in references:
            for key in author_keys(ref):
                self.by_key[key].append(ref)
            if ref.corporate and ref.authors:
                short = initialism(ref.authors[0].family)
                if short:
                    self.by_initials[short].append(ref)
                self.corporate_by_year[ref.year or ""].append(ref)
            for author in ref.authors[1:]:
                self.by_later[name_key(author.family)].append(ref)

    def lookup(self, name: str) -> list[Reference]:
        """The entries whose first author is ``name``; for a cited abbreviation
        ("APA", "NAMI") that no entry is listed under, the institutions it abbreviates."""
        keys = name_keys(name)
        if len(keys) == 1:
            listed = self.by_key.get(keys[0])
            if listed:
                return list(listed)  # one key: its list holds each entry (each id) once
        found: dict[str, Reference] = {}
        for key in keys:
            for ref in self.by_key.get(key, ()):
                found[ref.id] = ref
        if not found and 2 <= len(name) <= 8 and name.isupper() and name.isalpha():
            for ref in self.by_initials.get(name.lower(), ()):
                found[ref.id] = ref
        return list(found.values())

    @property
    def near(self) -> dict[str, str | list[str]]:
        """Single-deletion variants of every key, built on the first near-miss lookup:
        variant -> the key (a string), or the keys (a list) when several share it."""
        if self._near is None:
            self._near = _variant_index(key for key in self.by_key if len(key) >= 4)  # shorter: not fuzzed
        return self._near

    def share_variants(self, keys: set[str]) -> None:
        """Find the keys that share a single-deletion variant with each of ``keys``
        (fuzzed keys, four letters or more) for near_keys, in one pass over the
        listed keys' variants, looked up among theirs: a document asks for a few
        thousand where its list has tens of thousands of keys, so that no index of
        every listed key's variants is built."""
        asked = _variant_index(keys)
        shared: dict[str, set[str]] = {key: set() for key in keys}
        get = asked.get
        for listed in self.by_key:
            if len(listed) < 4:
                continue  # too short to fuzz: not in the near-miss index either
            for i in range(len(listed) + 1):
                found = get(listed[:i] + listed[i + 1:])
                if found is not None:
                    if found.__class__ is str:
                        shared[found].add(listed)
                    else:
                        for key in found:
                            shared[key].add(listed)
        for key, seen in shared.items():
            seen.discard(key)
        self._shared.update(shared)

    def by_short_title(self, names: tuple[str, ...], year: str) -> list[Reference]:
        """Works without an author are cited by the first words of their title (APA 7):
        "(Climate Outlook, 2019)" for "Climate outlook for the coming decade. (2019)."."""
        dated = self.corporate_by_year.get(year)
        if not dated:
            return []
        key = name_key(" ".join(names))
        if len(key) < 6:
            return []
        return [r for r in dated if name_key(r.authors[0].family).startswith(key)
                and len(r.authors[0].family.split()) > len(" ".join(names).split())]

    def near_keys(self, name: str, year: str | None = None) -> list[tuple[int, str]]:
        """Keys within the edit-distance limit of ``name``; when some of them have
        an entry from ``year``, only those are measured (a dense list has many)."""
        key = name_key(name)
        limit = fuzzy_limit(key)
        if not limit:
            return []
        seen = self._shared.get(key)
        if seen is None and self.deferring:
            self.wanted.add(key)
            raise Deferred
        if seen is None:
            near = self.near
            seen = set()
            for variant in _variants(key):
                found = near.get(variant)
                if found is not None:
                    if found.__class__ is str:
                        seen.add(found)
                    else:
                        seen.update(found)
            seen.discard(key)
        if year is not None and seen:
            dated = {k for k in seen if any(r.year == year for r in self.by_key[k])}
            seen = dated or seen
        # a key that shares a variant with ``key`` is at most two edits from it (one
        # deletion on each side), so its distance is 1 or 2: no table to fill
        scored = [(1 if one_edit(key, other) else 2, other) for other in seen]
        return sorted((d, k) for d, k in scored if d <= limit)


def _coauthor_score(candidate: Candidate, ref: Reference, authors: tuple[str, ...] | None = None) -> int:
    cited = {name_key(n) for n in (authors or candidate.authors)[1:]}
    listed = {name_key(a.family) for a in ref.authors[1:]}
    return len(cited & listed) - len(cited - listed)


def _best(candidate: Candidate, refs: list[Reference], authors: tuple[str, ...] | None = None) -> list[Reference]:
    """The references that agree best with the citation's co-authors."""
    if len(refs) < 2:
        return refs
    authors = authors or candidate.authors
    scores = [(_coauthor_score(candidate, r, authors), r) for r in refs]
    top = max(s for s, _ in scores)
    best = [r for s, r in scores if s == top]
    if len(best) > 1 and candidate.et_al:
        multi = [r for r in best if len(r.authors) > 2 or r.et_al]
        best = multi or best
    elif len(best) > 1 and len(authors) == 1 and not candidate.et_al:
        # (an entry whose list ends in "et al." has more authors than it names)
        single = [r for r in best if len(r.authors) == 1 and not r.et_al]
        best = single or best
    return best


def _same_work(ref: Reference) -> tuple:
    return (tuple(name_key(a.family) for a in ref.authors), ref.year, ref.year_suffix, title_key(ref.title) or ref.id)


def _year_distance(candidate: Candidate, ref: Reference) -> int:
    try:
        return abs(int(candidate.year) - int(ref.year or ""))
    except ValueError:
        return 10_000


def match_authors(candidate: Candidate, authors: tuple[str, ...], index: Index, loose: bool = True) -> Link:
    """Link one candidate read with the given author names; ``loose`` also
    tries the names joined (corporate names with "and") and a first author's
    last word (``Edward Lemon``)."""
    refs = index.lookup(authors[0])
    if not refs and loose and len(authors) > 1:
        refs = index.lookup(" and ".join(authors)) or index.lookup(" ".join(authors))
    if not refs and loose and len(authors[0].split()) > 1:
        refs = index.lookup(authors[0].split()[-1])
    if refs:
        same_year = [r for r in refs if r.year == candidate.year or candidate.year in r.other_years]
        exact = _best(candidate, [r for r in same_year if r.year_suffix == candidate.year_suffix], authors)
        if len(exact) == 1:
            return Link("exact", exact[0])
        if len(exact) > 1 and len({_same_work(r) for r in exact}) == 1:
            return Link("exact", exact[0], tuple(exact[1:]))  # a duplicated entry: RC107
        if len(exact) > 1:
            return Link("ambiguous", None, tuple(exact))
        if same_year:
            best = _best(candidate, same_year, authors)
            if len(best) == 1:
                return Link("suffix", best[0])
            return Link("ambiguous", None, tuple(best))
        best = _best(candidate, refs, authors)
        if len(authors) > 1 and not candidate.et_al and _coauthor_score(candidate, best[0], authors) < 0:
            return Link("none", None, tuple(refs))  # another work by the same first author
        if loose:
            # "Lappe et al. (1999)" with "Lappe, 2003" and "Lpape, Bremmer, ... 1999" listed:
            # a near-miss spelling of the same year fits better than another year
            near = [r for _, key in index.near_keys(authors[0], candidate.year) for r in index.by_key[key]
                    if r.year == candidate.year and (len(r.authors) > 2 or r.et_al) == bool(candidate.et_al)]
            if near:
                return Link("fuzzy", near[0], tuple(near[1:]))
        closest = min(_year_distance(candidate, r) for r in best)
        nearest = [r for r in best if _year_distance(candidate, r) == closest]
        return Link("year", nearest[0], tuple(r for r in refs if r is not nearest[0]))
    cited = {name_key(n) for n in authors}
    later = [
        r for r in index.by_later.get(name_key(authors[0]), ())
        if (r.year == candidate.year or candidate.year in r.other_years) and name_key(r.authors[0].family) in cited
    ]
    if len(later) == 1:
        return Link("order", later[0])
    titled = index.by_short_title(authors, candidate.year)
    if len(titled) == 1:
        return Link("exact", titled[0])
    near = index.near_keys(authors[0], candidate.year) if loose else []
    if near:
        refs = [r for _, key in near for r in index.by_key[key]]
        same_year = [r for r in refs if r.year == candidate.year] or refs
        best = _best(candidate, same_year, authors)
        return Link("fuzzy", best[0], tuple(best[1:]))
    return Link("none")


def _resolve(candidate: Candidate, index: Index) -> tuple[int | None, Link]:
    """(which narrative variant matched, or None for the candidate as read; the link)."""
    for number, (_, authors) in enumerate(candidate.variants):
        trial = match_authors(candidate, authors, index, loose=False)
        if trial.kind in ("exact", "suffix", "year", "ambiguous", "order"):
            return number, trial
    return None, match_authors(candidate, candidate.authors, index)


def link(candidates: list[Candidate], references: list[Reference]) -> list[tuple[Candidate, Link]]:
    """Link every candidate; drop weak candidates that match nothing.

    A narrative candidate is tried with its leading words trimmed one by one
    (``As Lemon`` -> ``Lemon``) and keeps the first reading that matches.
    Documents cite the same works again and again, so results are memoised.
    """
    index = Index(references)
    memo: dict[tuple, tuple[int | None, Link] | None] = {}
    out: list[tuple[Candidate, Link] | None] = []
    # A candidate whose reading needs a near-miss lookup waits (a None in ``out``
    # and in ``memo``) until every other is linked; then the lookups are made in
    # one batch and the waiting candidates linked, each in its place.
    waiting: list[tuple[int, tuple, Candidate]] = []
    index.deferring = True
    for candidate in candidates:
        key = (candidate.authors, candidate.variant_names, candidate.et_al, candidate.year, candidate.year_suffix)
        found = memo.get(key, _UNSEEN)
        if found is _UNSEEN:
            try:
                found = memo[key] = _resolve(candidate, index)
            except Deferred:
                found = memo[key] = None
        if found is None:
            waiting.append((len(out), key, candidate))
            out.append(None)
            continue
        kept = _kept(candidate, found)
        if kept is not None:
            out.append(kept)
    if not waiting:
        return out
    index.deferring = False
    index.share_variants(index.wanted)
    for place, key, candidate in waiting:
        found = memo[key]
        if found is None:
            found = memo[key] = _resolve(candidate, index)
        out[place] = _kept(candidate, found)
    return [pair for pair in out if pair is not None]


_UNSEEN = object()


def _kept(candidate: Candidate, found: tuple[int | None, Link]) -> tuple[Candidate, Link] | None:
    """(the candidate as read in the chosen reading, its link), or None for a weak
    or bare candidate its link does not bear out."""
    number, result = found
    chosen = candidate
    if number is not None:
        start, authors = candidate.variants[number]
        if (start, authors) != (candidate.start, candidate.authors):
            chosen = replace(candidate, start=start, authors=authors)
    if chosen.weak and result.kind in ("none", "fuzzy", "order"):
        return None
    if chosen.bare and not (result.kind == "exact" or (result.kind == "fuzzy" and (chosen.et_al or len(chosen.authors) > 1))):
        return None
    return chosen, result
