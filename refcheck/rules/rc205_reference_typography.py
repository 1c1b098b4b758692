"""RC205 reference-typography: quotes, brackets, punctuation and encoding slips in an entry.

## What it does
Reports a closing double quote used as an apostrophe (Kazakhstan”s),
unbalanced quotes or brackets, doubled punctuation (",," or ". ."), mojibake
left by a wrong encoding (â€™, Ã©), and whitespace inside a URL.

## Why is this bad?
These slips are invisible to the writer and glaring to the reader; mojibake
and broken URLs also make the entry impossible to match or open.

## Example

    Spending will rise (The Caspian Post, 2024).

    References
    The Caspian Post (2024). Kazakhstan”s Budget Spending to Increase by 7% in 2025. Caspian Post.

## Fix
Retype the character: an apostrophe (’ or '), the missing bracket or quote, or
the correct letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Severity
from ..model import Span
from .base import Context, Problem

CODE = "RC205"
NAME = "reference-typography"
DEFAULT_SEVERITY = Severity.INFO

_APOSTROPHE = re.compile(r"(?<!\w)\w+\u201d[st]\b")  # from the start of the word only: linear
_URL_START = re.compile(r"https?://")
_NON_SPACES = re.compile(r"\S*")


class _FirstUrlOfRun:
    """``search`` for a pattern that opens with a URL, tried only at the first URL
    of each run of non-spaces: a later one in the same run matches only where the
    first does, and trying each of "http://http://..." rescanned the run."""

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(pattern)

    def search(self, text: str) -> re.Match[str] | None:
        run_end = -1
        for start in _URL_START.finditer(text):
            if start.start() < run_end:
                continue
            found = self.pattern.match(text, start.start())
            if found:
                return found
            run_end = _NON_SPACES.match(text, start.end()).end()
        return None


# (pattern, what, replacement, characters without which the pattern cannot match)
CHECKS = (
    (_APOSTROPHE, "a closing double quote used as an apostrophe", "’", "\u201d"),
    (re.compile(r"(?:â€[™œ\u009d\"˜“”]|Ã[\u0080-\u00bf©¨¶¼±¤§]|Â[\u00a0-\u00bf])"), "mojibake (text decoded with the wrong encoding)", None, "âÃÂ"),
    (re.compile(r"(?=[,;:.])(?:(?<!\.)([,;:])\s*\1|(?<![.\w])\.\s+\.(?!\.)|(?<!\.)\.\.(?!\.))"), "doubled punctuation", None, ",;:."),
    (_FirstUrlOfRun(r"https?://\S*[/\-_]\s+[\w\-]+[/.][\w\-./]*\w"), "whitespace inside a URL", None, ":"),
)
_NEEDS = [re.compile(f"[{re.escape(needs)}]") for *_, needs in CHECKS]  # one C scan for any of them
# checks whose needed characters are all non-ASCII: an ASCII entry cannot match them
_NEEDS_NON_ASCII = [all(ord(c) > 127 for c in needs) for *_, needs in CHECKS]
_URL = re.compile(r"https?://\S+")
PAIRS = (("(", ")"), ("[", "]"), ("\u201c", "\u201d"), ("\u2018", "\u2019"))


def _unbalanced(raw: str) -> str | None:
    text = _APOSTROPHE.sub("", _URL.sub("", raw)) if ("://" in raw or "\u201d" in raw) else raw
    for left, right in PAIRS:
        if left == "\u2018":  # a right single quote is also an apostrophe
            if text.count(left) > text.count(right):
                return f"an unclosed {left}"
            continue
        if text.count(left) != text.count(right):
            return f"unbalanced {left}{right}"
    if text.count('"') % 2:
        return 'an unbalanced "'
    return None


def check(ctx: Context) -> Iterator[Problem]:
    text = ctx.document.text
    for ref in ctx.references:
        raw = text[ref.span.start:ref.span.end]
        ascii = raw.isascii()
        for (pattern, what, fix, _), needs, non_ascii in zip(CHECKS, _NEEDS, _NEEDS_NON_ASCII):
            found = pattern.search(raw) if not (ascii and non_ascii) and needs.search(raw) else None
            if found:
                start = ref.span.start + found.start()
                shown = found.group(0)
                suggestion = shown.replace("\u201d", fix) if fix else None
                edit = {"replacement": suggestion, "applicability": "safe"} if suggestion else {}
                yield Problem(Span(start, start + len(shown)), f"{ref.label}: {what}: \"{shown}\"", suggestion, None, ref.id, **edit)
        problem = _unbalanced(raw)
        if problem:
            yield Problem(ref.span, f"{ref.label}: {problem}", None, None, ref.id)
