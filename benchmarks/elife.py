"""Citation linking on eLife articles, scored against the publisher's own links.

Each JATS file in ../shared/bench/jats/ is rendered to plain text: the body (section titles
and paragraphs, with the text of every <xref ref-type="bibr"> kept in place and its span
recorded), then a "References" heading and one paragraph per <ref> in eLife's web style
("Surname AB, Surname C. 2011. Title. Source 12:34–56."). refcheck checks that text as a
.txt document; each of its citations is compared with the publisher's xref at the same place:

- TP: the citation overlaps an xref and is linked to the entry the xref points to;
- FP: the citation is linked to an entry, but no xref is there or it points elsewhere;
- FN: an xref that no correctly linked citation covers.

Then errors are planted in copies of each article, one per copy (an entry deleted, an
entry's year shifted by one, two letters of an entry's first surname swapped), each on an
entry the text cites, and the findings are searched for the expected code (RC101, RC103,
RC104) at a citation of that entry. Error-level findings on the unchanged articles are
counted too: there should be none.

    python benchmarks/elife.py [FOLDER] [--show]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import unicodedata
import xml.etree.ElementTree as ET
from bisect import bisect_right

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from refcheck.api import check_text  # noqa: E402
from refcheck.findings import Severity  # noqa: E402

SKIP = {"fig", "table-wrap", "supplementary-material", "disp-formula", "media"}


class Renderer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.xrefs: list[tuple[int, int, str]] = []

    def put(self, text: str, raw: bool = False) -> None:
        # refcheck reads text in NFC (composed accents): count offsets the same way
        text = unicodedata.normalize("NFC", text)
        if not raw:
            text = text.replace("\n", " ")
        self.parts.append(text)
        self.size += len(text)

    def inline(self, elem) -> None:
        if elem.tag in SKIP:
            return
        start = self.size
        if elem.text:
            self.put(elem.text)
        for child in elem:
            self.inline(child)
            if child.tail:
                self.put(child.tail)
        if elem.tag == "xref" and elem.get("ref-type") == "bibr":
            for rid in (elem.get("rid") or "").split():
                self.xrefs.append((start, self.size, rid))

    def block(self, elem) -> None:
        if elem.tag in SKIP:
            return
        if elem.tag in ("p", "title"):
            self.inline(elem)
            self.put("\n\n", raw=True)
            return
        for child in elem:
            self.block(child)

    def text(self) -> str:
        return "".join(self.parts)


def _names(group) -> list[str]:
    out = []
    for child in group:
        if child.tag == "name":
            surname = (child.findtext("surname") or "").strip()
            given = (child.findtext("given-names") or "").strip()
            out.append(f"{surname} {given}".strip())
        elif child.tag == "collab":
            out.append(" ".join("".join(child.itertext()).split()))
        elif child.tag == "etal":
            out.append("et al.")
    return out


def _flat(elem) -> str:
    return " ".join("".join(elem.itertext()).split()) if elem is not None else ""


def render_ref(ref) -> tuple[str, dict]:
    """One <ref> in eLife's web style, and its facts (first surname, year)."""
    cit = ref.find("element-citation")
    if cit is None:
        cit = ref.find("mixed-citation")
    if cit is None:
        return "", {}
    authors, editors = [], []
    for group in cit.findall("person-group"):
        (editors if group.get("person-group-type") == "editor" else authors).extend(_names(group))
    if not authors:
        authors = [_flat(c) for c in cit.findall("collab")] or [_names([n])[0] for n in cit.findall("name")]
    year = _flat(cit.find("year"))
    title = _flat(cit.find("article-title")) or _flat(cit.find("chapter-title")) or _flat(cit.find("data-title"))
    source = _flat(cit.find("source"))
    volume, fpage, lpage = _flat(cit.find("volume")), _flat(cit.find("fpage")), _flat(cit.find("lpage"))
    names = ", ".join(a for a in authors if a != "et al.") + (", et al" if "et al." in authors else "")
    pieces = [f"{names}. {year}."]
    if title:
        pieces.append(title if title.endswith(("?", "!", ".")) else title + ".")
        if editors and cit.get("publication-type") == "book":
            pieces.append("In: " + ", ".join(editors) + ", editors.")
    if source:
        loc = source
        if volume:
            loc += f" {volume}"
            if fpage:
                loc += f":{fpage}" + (f"–{lpage}" if lpage else "")
        pieces.append(loc + ".")
    place, publisher = _flat(cit.find("publisher-loc")), _flat(cit.find("publisher-name"))
    if publisher:
        pieces.append(f"{place}: {publisher}." if place else f"{publisher}.")
    doi = cit.find("pub-id[@pub-id-type='doi']")
    if doi is not None and doi.text:
        pieces.append(f"doi: {doi.text.strip()}.")
    first = cit.find(".//person-group/name/surname")
    facts = {"surname": (first.text or "").strip() if first is not None else "", "year": year}
    return " ".join(pieces), facts


def render(root, mutate=None) -> tuple[str, list[tuple[int, int, str]], dict[str, tuple[int, int]], dict]:
    """(text, xrefs, ref id -> entry span, ref id -> facts). ``mutate(rid, entry, facts)``
    may return a changed entry text, or None to drop the entry."""
    out = Renderer()
    body = root.find(".//body")
    if body is not None:
        out.block(body)
    out.put("References\n\n", raw=True)
    spans, facts = {}, {}
    for ref in root.iter("ref"):
        entry, fact = render_ref(ref)
        if not entry:
            continue
        rid = ref.get("id")
        if mutate is not None:
            entry = mutate(rid, entry, fact)
            if entry is None:
                continue
        facts[rid] = fact
        entry = unicodedata.normalize("NFC", entry)
        spans[rid] = (out.size, out.size + len(entry))
        out.put(entry)
        out.put("\n\n", raw=True)
    return out.text(), out.xrefs, spans, facts


def link_score(text, xrefs, spans):
    result = check_text(text, "elife.txt", fmt="txt")
    ref_ids = sorted((span[0], rid) for rid, span in spans.items())
    starts = [s for s, _ in ref_ids]
    by_ref = {}
    for ref in result.references:
        i = bisect_right(starts, ref.span.start) - 1
        if i >= 0 and ref.span.start < spans[ref_ids[i][1]][1]:
            by_ref[ref.id] = ref_ids[i][1]
    xstarts = sorted(xrefs)
    tp = fp = 0
    covered = set()
    wrong = []
    for cit in result.citations:
        linked = result.links.get(cit.id)
        over = [x for x in xstarts if x[0] < cit.span.end and cit.span.start < x[1]]
        if linked is None:
            continue
        gold = by_ref.get(linked)
        hit = [x for x in over if x[2] == gold]
        if hit:
            tp += 1
            covered.update(hit)
        else:
            fp += 1
            wrong.append((cit, gold, over))
    fn = [x for x in xrefs if x not in covered]
    return result, tp, fp, fn, wrong, by_ref


def _swap(name: str) -> str:
    for i in range(1, len(name) - 2):
        if name[i] != name[i + 1] and name[i].isalpha() and name[i + 1].isalpha():
            return name[:i] + name[i + 1] + name[i] + name[i + 2:]
    return name


def plants(root, xrefs, seed: int):
    """Three mutations, each on an entry the text cites (deterministic per article)."""
    cited = sorted({rid for _, _, rid in xrefs})
    rng = random.Random(seed)
    picks = rng.sample(cited, min(3, len(cited)))
    out = []
    if picks:
        rid = picks[0]
        # a deleted 2009a whose 2009b is listed is reported as a suffix mismatch (RC106)
        out.append(("delete", rid, lambda r, e, f, rid=rid: None if r == rid else e, ("RC101", "RC106")))
    if len(picks) > 1:
        rid = picks[1]

        def shift(r, e, f, rid=rid):
            if r != rid or not f.get("year")[:4].isdigit():
                return e
            year = f["year"][:4]
            return e.replace(f". {year}", f". {int(year) + 1}", 1)
        out.append(("year", rid, shift, ("RC103",)))
    if len(picks) > 2:
        rid = picks[2]

        def swap(r, e, f, rid=rid):
            if r != rid or not f.get("surname"):
                return e
            return e.replace(f["surname"], _swap(f["surname"]), 1)
        out.append(("surname", rid, swap, ("RC104",)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=os.path.join(HERE, "..", "..", "shared", "bench", "jats"))
    parser.add_argument("--show", action="store_true", help="print wrong links, missed xrefs, errors and missed plants")
    args = parser.parse_args()
    folder = os.path.normpath(args.folder)
    names = sorted(n for n in os.listdir(folder) if n.endswith(".xml")) if os.path.isdir(folder) else []
    if not names:
        raise SystemExit(f"elife.py: no .xml files in {folder}")
    header = f"{'article':<20} {'refs':>5} {'xrefs':>6} {'TP':>5} {'FP':>4} {'FN':>4} {'F1':>6} {'errors':>6} {'planted':>8}"
    print(header)
    print("-" * len(header))
    total = {"tp": 0, "fp": 0, "fn": 0, "xrefs": 0, "errors": 0, "planted": 0, "found": 0}
    for number, name in enumerate(names):
        root = ET.parse(os.path.join(folder, name)).getroot()  # local benchmark files
        text, xrefs, spans, _ = render(root)
        result, tp, fp, fn, wrong, by_ref = link_score(text, xrefs, spans)
        errors = [f for f in result.findings if f.severity == Severity.ERROR]
        found = 0
        planted = plants(root, xrefs, number)
        for kind, rid, mutate, codes in planted:
            mtext, mxrefs, mspans, _ = render(root, mutate)
            mresult = check_text(mtext, "elife.txt", fmt="txt")
            at = [x for x in mxrefs if x[2] == rid]
            hit = any(
                f.code in codes and any(mresult.references and _offset(mtext, f.line, f.col) < x[1]
                                        and x[0] <= _offset(mtext, f.line, f.col) for x in at)
                for f in mresult.findings
            )
            found += hit
            if args.show and not hit:
                print(f"  missed plant {name} {kind} {rid}: {[f'{f.code} {f.message}' for f in mresult.findings if f.code in codes][:3]}")
        f1 = 2 * tp / (2 * tp + fp + len(fn)) if tp else 0.0
        print(f"{name:<20} {len(spans):>5} {len(xrefs):>6} {tp:>5} {fp:>4} {len(fn):>4} {f1:>6.3f} {len(errors):>6} {found:>4}/{len(planted):<3}")
        if args.show:
            for cit, gold, over in wrong:
                print(f"  wrong {name} {cit.text!r} -> {gold} (xref {[x[2] for x in over]})")
            for x in fn:
                print(f"  missed {name} {text[x[0]:x[1]]!r} -> {x[2]}")
            for f in errors:
                print(f"  error {name}:{f.line}:{f.col} {f.code} {f.message}")
        total["tp"] += tp
        total["fp"] += fp
        total["fn"] += len(fn)
        total["xrefs"] += len(xrefs)
        total["errors"] += len(errors)
        total["planted"] += len(planted)
        total["found"] += found
    print("-" * len(header))
    tp, fp, fn = total["tp"], total["fp"], total["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    print(f"{'overall':<20} {'':>5} {total['xrefs']:>6} {tp:>5} {fp:>4} {fn:>4} {f1:>6.3f} {total['errors']:>6} "
          f"{total['found']:>4}/{total['planted']:<3}")
    print(f"linking precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}; planted errors found "
          f"{total['found']}/{total['planted']}; error findings on unchanged articles {total['errors']}")


def _offset(text: str, line: int, col: int) -> int:
    pos = 0
    for _ in range(line - 1):
        pos = text.index("\n", pos) + 1
    return pos + col - 1


if __name__ == "__main__":
    main()
