"""Where a text names an entry's first author near the entry's year, in any form.

RC102 asks this for the entries no citation points to: "Moral und Hypermoral
(1969) de Arnold Gehlen" names Gehlen near 1969 without a citation refcheck reads.
A name is a word (``WORD``) that folds to the family name's longest word, or an
alias, with the endings of running text; the years are looked for only near it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from itertools import accumulate

from .names import fold

# a word of running text: a letter, then letters, digits, apostrophes and hyphens
WORD = re.compile(r"[^\W\d_][\w'\u2019\-]*")
# (the lookahead lets the engine skip to the characters a match can start with)
# (a year may run into the word before it, as a conversion or a slip leaves it: "Letouze1983")
_YEARISH = re.compile(r"(?=[12ns])(?:(?<!\d)(?:1\d\d\d|20\d\d)[a-z]?\b|\bn\.\s?d\.|\bs\.\s?d\.|\bs\.\s?f\.)")
# endings a name takes in running text: "Wissenschaftsrates", "Marx's"
_ENDINGS = ("", "s", "es", "e", "n", "'s", "\u2019s")


class Mentions:
    """Where the first authors' names and the years stand in the text outside the reference list."""

    WINDOW = 200  # characters between a name and its year

    def __init__(self, text: str, skip: tuple[int, int], refs: list) -> None:
        self.skip = skip  # (start, end) of the reference list
        self.text = text
        # the words to look for: each uncited entry's name keys with the endings of running text
        wanted = {key + ending for ref in refs for key in _keys(ref) for ending in _ENDINGS}
        # which words of the text fold to one of them (each distinct word folded once), then
        # where those stand: a word is a WORD match, so a hit must start one and end one
        spelled = {word for word in distinct_words(_outside_list(text, skip)) if fold(word).lower() in wanted}
        self.words: dict[str, list[int]] = defaultdict(list)
        if spelled:
            # (a word ends where no word character follows: the greedy WORD stops there)
            pattern = re.compile(f"(?:{trie(spelled)})(?![\\w'\u2019\\-])")
            for match in pattern.finditer(text):
                start = match.start()
                if self._outside(start) and _starts_word(text, start) and WORD.match(text, start).end() == match.end():
                    self.words[fold(match.group(0)).lower()].append(start)
        self._near: dict[int, set[str]] = {}

    def _outside(self, offset: int) -> bool:
        return not self.skip[0] <= offset < self.skip[1]

    def _years_near(self, offset: int) -> set[str]:
        """The years written within WINDOW characters of ``offset`` (where they start),
        outside the list: each a _YEARISH match's first four characters."""
        near = self._near.get(offset)
        if near is None:
            low, high = max(0, offset - self.WINDOW), offset + self.WINDOW
            # a match starting by ``high`` ends well before this end (a year is at most 7 characters)
            matches = _YEARISH.finditer(self.text, low, high + 16)
            near = {m.group(0)[:4].lower().replace(" ", "") for m in matches if m.start() <= high and self._outside(m.start())}
            self._near[offset] = near
        return near

    def find(self, ref) -> tuple[str, str, int] | None:
        """(name as listed, year, offset of the name) when the first author's name (its
        longest word, or an alias) stands within WINDOW characters of the entry's year."""
        if not ref.authors:
            return None
        year = (ref.year or "n.d.")[:4].lower()
        years = {year, "s.d."} if year == "n.d." else {year}
        for key in _keys(ref):
            for ending in _ENDINGS:
                for offset in self.words.get(key + ending, ()):
                    if years & self._years_near(offset):
                        return ref.authors[0].family, ref.year or "n.d.", offset
        return None


def _keys(ref) -> list[str]:
    """The words an entry's first author is looked for as: the longest word of the
    family name, and the entry's aliases; folded, lower case, three letters or more."""
    if not ref.authors:
        return []
    family = ref.authors[0].family
    keys = [max(fold(family).lower().replace("-", " ").split(), key=len, default="")] + [a.lower() for a in ref.aliases]
    return [key for key in keys if len(key) >= 3]


def trie(words: set[str]) -> str:
    """A pattern matching any of ``words``, shared prefixes written once
    ("Ka(?:lo|mer)"): an alternation of hundreds of names is otherwise tried name by
    name at every capital of the text. A longer word is preferred to its prefix."""
    tree: dict = {}
    long = sorted(w for w in words if len(w) > 100)  # (the pattern nests one group per letter)
    for word in words - set(long):
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # the end of a word

    return "|".join([re.escape(w) for w in long] + ([_branches(tree)] if tree else []))


def _branches(node: dict) -> str:
    """The pattern of a prefix tree's node (a module function: a nested one that
    calls itself is a reference cycle, left for the collector)."""
    branches = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
    return body + "?" if "" in node else body


def _outside_list(text: str, skip: tuple[int, int]) -> str:
    """The text without the reference list, to find its words in. The part before it
    runs on to the next white space, so that a word running into the list stays whole;
    the part after it may start inside a word: that only adds a piece of one (a superset
    of the words outside is enough, positions are checked on the text itself)."""
    start, end = skip
    if start >= end:
        return text
    head = _SPACE.search(text, start)
    return text[:head.start() if head else len(text)] + " " + text[end:]


def distinct_words(text: str, chunk: int = 1 << 18) -> set[str]:
    """The distinct WORD matches of ``text``. A word never spans white space, so
    the words of the distinct white-space-separated tokens are those of the text
    (and a text repeats its tokens: 37k distinct of 880k at 6.7 MB). The text is
    split a chunk at a time (cut at a white space), so no list of all its tokens is built."""
    tokens: set[str] = set()
    start = 0
    while start < len(text):
        space = _SPACE.search(text, start + chunk)
        end = space.start() if space else len(text)
        tokens.update(text[start:end].split())
        start = end
    words: set[str] = set()
    for token in tokens:
        words.update(WORD.findall(token))
    return words


def first_holding(texts: list[str], words: set[str]) -> dict[str, int]:
    """For each of ``words`` that is a WORD match of some text, the index of the
    first such text: what ``WORD.findall`` of each text would say, found by one
    prefix-tree pattern over the texts joined by line breaks (which no word spans).
    Only words that are WORD matches themselves are looked for: findall yields no
    other, and a match the pattern then turns away hides no word of them (it opens
    with a letter, so no word starts inside it)."""
    words = {w for w in words if WORD.fullmatch(w)}
    if not words or not texts:
        return {}
    joined = "\n".join(texts)
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    found: dict[str, int] = {}
    # (the lookahead lets the engine skip to the characters a word can start with)
    firsts = re.escape("".join(sorted({w[0] for w in words})))
    pattern = re.compile(f"(?=[{firsts}])(?:{trie(words)})(?![\\w'\u2019\\-])")
    for match in pattern.finditer(joined):
        word, start = match.group(0), match.start()
        if word in found or not _starts_word(joined, start) or WORD.match(joined, start).end() != match.end():
            continue
        found[word] = bisect_right(starts, start) - 1
        if len(found) == len(words):
            break
    return found


def _starts_word(text: str, start: int) -> bool:
    """Whether a WORD match starts at ``start`` when the text is scanned from its
    beginning: no word runs into it (a run of word characters before it holds no letter)."""
    index = start - 1
    while index >= 0 and _WORD_CHAR.match(text, index):
        if _LETTER.match(text, index):
            return False
        index -= 1
    return True


_SPACE = re.compile(r"\s")
_WORD_CHAR = re.compile(r"[\w'\u2019\-]")
_LETTER = re.compile(r"[^\W\d_]")  # what a WORD starts with
