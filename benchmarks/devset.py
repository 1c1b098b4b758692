"""Precision and recall of refcheck's RC1xx findings on the hand-labelled devset.

Reads ../shared/devset/ (documents plus truth.json) and, per document and overall, prints:

- precision: error/warning RC1xx findings that match a labelled problem, over all such
  findings (findings that match only an "optional" problem count neither way);
- recall: "certain" problems matched by an error/warning finding (and, beside it, by a
  finding of any severity);
- citations found: citations refcheck found, capped at the labelled count, over that count.

Matching rule (the devset README's): a finding matches a problem when its code is one of
the codes listed for the problem's type and it points at one of the problem's lines (or its
ref_line), or its message names the problem's author.

    python benchmarks/devset.py [FOLDER] [--show] [--doc PREFIX]

--show prints each error/warning finding marked TP, FP or opt, and each missed problem.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from refcheck.api import check_paths  # noqa: E402
from refcheck.findings import Severity  # noqa: E402


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def matches(finding, problem: dict, codes: dict) -> bool:
    if finding.code not in codes.get(problem["type"], ()):
        return False
    lines = set(problem.get("lines") or ())
    if problem.get("ref_line"):
        lines.add(problem["ref_line"])
    if finding.line in lines:
        return True
    author = problem.get("author")
    return bool(author) and _fold(author) in _fold(finding.message)


def score(folder: str, show: bool = False, only: str = "") -> list[tuple]:
    with open(os.path.join(folder, "truth.json"), encoding="utf-8") as handle:
        truth = json.load(handle)
    codes = truth["codes"]
    rows = []
    for name, doc in sorted(truth["docs"].items()):
        if only and not name.startswith(only):
            continue
        report = check_paths([os.path.join(folder, name)])
        if report.errors:
            print(f"{name}: {report.errors[0]}")
            continue
        (result,) = report.files
        loud = [f for f in result.findings if f.code.startswith("RC1") and f.severity >= Severity.WARNING]
        certain, optional = doc["certain"], doc["optional"]
        tp = fp = opt = 0
        for finding in loud:
            if any(matches(finding, p, codes) for p in certain):
                tp += 1
                mark = "TP"
            elif any(matches(finding, p, codes) for p in optional):
                opt += 1
                mark = "opt"
            else:
                fp += 1
                mark = "FP"
            if show:
                print(f"  {mark:3} {name}:{finding.line}:{finding.col}: {finding.severity.label} {finding.code} {finding.message}")
        rc1 = [f for f in result.findings if f.code.startswith("RC1")]
        found = sum(any(matches(f, p, codes) for f in loud) for p in certain)
        found_any = sum(any(matches(f, p, codes) for f in rc1) for p in certain)
        if show:
            for p in certain:
                if not any(matches(f, p, codes) for f in loud):
                    print(f"  MISS {name}:{p['lines']}: {p['type']} {p['text']!r} ({p.get('note', '')})")
        cits = min(len(result.citations), doc["citations"])
        rows.append((name, doc["style"], result.style, len(result.references), doc["references"],
                     len(result.citations), doc["citations"], cits, tp, fp, opt, found, found_any, len(certain)))
    return rows


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.2f}" if den else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=os.path.join(HERE, "..", "..", "shared", "devset"))
    parser.add_argument("--show", action="store_true", help="print each loud finding and each missed problem")
    parser.add_argument("--doc", default="", help="only documents whose name starts with this")
    args = parser.parse_args()
    folder = os.path.normpath(args.folder)
    if not os.path.isfile(os.path.join(folder, "truth.json")):
        raise SystemExit(f"devset.py: no truth.json in {folder}")
    rows = score(folder, args.show, args.doc)
    header = (f"{'document':<44} {'style':>7} {'guess':>7} {'refs':>9} {'cits':>9} {'found':>5} "
              f"{'TP':>3} {'FP':>3} {'opt':>3} {'prec':>5} {'recall':>6} {'any':>5}")
    print(header)
    print("-" * len(header))
    for (name, style, guess, refs, true_refs, cits, true_cits, capped, tp, fp, opt, found, found_any, n) in rows:
        print(f"{name:<44} {style:>7} {guess:>7} {refs:>4}/{true_refs:<4} {cits:>4}/{true_cits:<4} "
              f"{_ratio(capped, true_cits):>5} {tp:>3} {fp:>3} {opt:>3} {_ratio(tp, tp + fp):>5} "
              f"{_ratio(found, n):>6} {_ratio(found_any, n):>5}")
    print("-" * len(header))
    tp = sum(r[8] for r in rows)
    fp = sum(r[9] for r in rows)
    opt = sum(r[10] for r in rows)
    found = sum(r[11] for r in rows)
    found_any = sum(r[12] for r in rows)
    n = sum(r[13] for r in rows)
    capped = sum(r[7] for r in rows)
    true_cits = sum(r[6] for r in rows)
    print(f"{'overall':<44} {'':>7} {'':>7} {'':>9} {'':>9} {_ratio(capped, true_cits):>5} {tp:>3} {fp:>3} "
          f"{opt:>3} {_ratio(tp, tp + fp):>5} {_ratio(found, n):>6} {_ratio(found_any, n):>5}")
    print(f"precision {_ratio(tp, tp + fp)}  recall {_ratio(found, n)} ({found}/{n}; any severity "
          f"{_ratio(found_any, n)})  citations found {_ratio(capped, true_cits)}")


if __name__ == "__main__":
    main()
