"""Reference-parsing accuracy on AnyStyle's hand-labelled gold set.

Reads ../shared/bench/anystyle/gold.xml (1,669 tagged reference strings in every style),
writes them as one reference list (a "References" heading, one entry per paragraph), lets
refcheck locate, split and parse it, and scores each gold string against the entry that
starts inside it:

- first author: the parsed first family name is made of words of the gold first author;
- year: the parsed year is the first four-digit year of the gold date;
- title: the parsed title equals the gold title (letters and digits only, case-folded;
  a similarity of 0.9 or more counts);
- lost: gold strings where no entry starts (merged into the entry before, or dropped).

Overall and on the author-year subset (the date right after the authors), which is the one
that matters for citation linking.

    python benchmarks/anystyle.py [GOLD_XML] [--show author|year|title|lost] [--subset]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from difflib import SequenceMatcher

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from refcheck.extract.references import parse_entries  # noqa: E402
from refcheck.extract.sections import split_entries  # noqa: E402

_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)")
_WORD = re.compile(r"[^\W\d_]+")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _words(text: str) -> list[str]:
    return _WORD.findall(_fold(text))


def load(path: str) -> list[dict]:
    # the gold file is a local, trusted benchmark file (no DOCTYPE, no entities)
    root = ET.parse(path).getroot()
    items = []
    for seq in root.iter("sequence"):
        parts = [(child.tag, " ".join((child.text or "").split())) for child in seq]
        parts = [(tag, text) for tag, text in parts if text]
        text = " ".join(t for _, t in parts)
        tags = [tag for tag, _ in parts if tag != "citation-number"]
        first = dict(parts[::-1])  # first occurrence of each tag wins
        author = first.get("author") or first.get("editor") or ""
        authoryear = len(tags) >= 2 and tags[0] in ("author", "editor") and tags[1] == "date"
        items.append({"text": text, "author": author, "date": first.get("date", ""),
                      "title": first.get("title", ""), "authoryear": authoryear})
    return items


def _first_author_words(author: str) -> set[str]:
    chunk = re.split(r",|;|\band\b|&|\bet\b|\bund\b|\by\b", author, maxsplit=1)[0]
    if len(_words(chunk)) == 0:
        chunk = author
    return set(_words(chunk))


def author_ok(gold: dict, ref) -> bool | None:
    if not _words(gold["author"]):
        return None  # no name ("———." repeats the author of an entry not beside it here)
    if not ref.authors:
        return False
    parsed = _words(ref.authors[0].family)
    return bool(parsed) and set(parsed) <= _first_author_words(gold["author"]) | set(_words(gold["author"]))


def year_ok(gold: dict, ref) -> bool | None:
    match = _YEAR.search(gold["date"])
    if not match:
        return None
    return ref.year == match.group(1)


def title_ok(gold: dict, ref) -> bool | None:
    want = " ".join(_words(gold["title"]))
    if not want:
        return None
    got = " ".join(_words(ref.title or ""))
    return got == want or SequenceMatcher(None, got, want).ratio() >= 0.9


def run(items: list[dict]):
    pieces, starts = ["References", ""], []
    offset = len("References\n\n")
    for item in items:
        starts.append(offset)
        pieces.append(item["text"])
        pieces.append("")
        offset += len(item["text"]) + 2
    text = "\n".join(pieces)
    entries = split_entries(text, len("References\n\n"), len(text))
    refs = parse_entries(entries)
    by_item: dict[int, object] = {}
    from bisect import bisect_right
    for ref in refs:
        index = bisect_right(starts, ref.span.start) - 1
        if index >= 0 and index not in by_item:
            by_item[index] = ref
    return by_item


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=os.path.join(HERE, "..", "..", "shared", "bench", "anystyle", "gold.xml"))
    parser.add_argument("--show", choices=["author", "year", "title", "lost"], help="print the failures of one kind")
    parser.add_argument("--subset", action="store_true", help="with --show: only the author-year subset")
    args = parser.parse_args()
    path = os.path.normpath(args.gold)
    if not os.path.isfile(path):
        raise SystemExit(f"anystyle.py: no file {path}")
    items = load(path)
    by_item = run(items)
    checks = {"author": author_ok, "year": year_ok, "title": title_ok}
    rows = []
    for label, subset in (("all", items), ("author-year", [i for i in items if i["authoryear"]])):
        ids = {id(i) for i in subset}
        scores = {}
        lost = 0
        for index, item in enumerate(items):
            if id(item) not in ids:
                continue
            ref = by_item.get(index)
            if ref is None:
                lost += 1
                if args.show == "lost" and (not args.subset or label == "author-year"):
                    print(f"  lost [{index}] {item['text'][:160]}")
                continue
            for name, check in checks.items():
                verdict = check(item, ref)
                if verdict is None:
                    continue
                good, total = scores.get(name, (0, 0))
                scores[name] = (good + bool(verdict), total + 1)
                if (not verdict and args.show == name and label == ("author-year" if args.subset else "all")):
                    field = {"author": ref.authors[0].family if ref.authors else None, "year": ref.year, "title": ref.title}[name]
                    print(f"  {name} [{index}] got {field!r} want {item[name if name != 'year' else 'date']!r}: {item['text'][:140]}")
        rows.append((label, len(subset), scores, lost))
    header = f"{'subset':<12} {'strings':>7} {'first author':>13} {'year':>7} {'title':>7} {'lost':>5}"
    print(header)
    print("-" * len(header))
    for label, n, scores, lost in rows:
        cells = []
        for name in ("author", "year", "title"):
            good, total = scores.get(name, (0, 0))
            cells.append(f"{good / total:.3f}" if total else "-")
        print(f"{label:<12} {n:>7} {cells[0]:>13} {cells[1]:>7} {cells[2]:>7} {lost:>5}")


if __name__ == "__main__":
    main()
