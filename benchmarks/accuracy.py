"""What refcheck finds on real third-party documents (../shared/holdout/).

For each document in a supported format that cites by author and year, prints the
references found, citations found, citations linked, and the findings by code.
Bibliography files (read with their documents through --bib) and documents with no
citations are listed as skipped. Read the findings against the
documents themselves: this script counts, it does not judge.

    python benchmarks/accuracy.py [FOLDER] [--show CODE,...]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from refcheck.api import check_paths  # noqa: E402
from refcheck.readers import reader_for  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=os.path.join(HERE, "..", "..", "shared", "holdout"))
    parser.add_argument("--show", default="", help="also print the findings with these codes or prefixes")
    args = parser.parse_args()
    folder = os.path.normpath(args.folder)
    if not os.path.isdir(folder):
        raise SystemExit(f"accuracy.py: no folder {folder}")
    show = tuple(c for c in args.show.split(",") if c)
    rows, skipped, totals = [], [], Counter()
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.upper().startswith("SOURCES") or not os.path.isfile(path):
            continue
        if reader_for(name) is None:
            why = "a bibliography: read through --bib with its document" if name.endswith((".bib", ".json", ".yaml")) else "format not read"
            skipped.append((name, why))
            continue
        report = check_paths([path])
        if report.errors:
            skipped.append((name, report.errors[0]))
            continue
        (result,) = report.files
        if not result.citations:
            skipped.append((name, f"no author-year citations ({len(result.references)} references)"))
            continue
        codes = Counter(f.code for f in result.findings)
        linked = len(result.links)
        rows.append((name, len(result.references), len(result.citations), linked, codes))
        totals.update(codes)
        for finding in result.findings:
            if show and finding.code.startswith(show):
                print(f"  {name}:{finding.line}:{finding.col}: {finding.code} {finding.message}")
    codes = sorted(totals)
    header = f"{'document':<42} {'refs':>5} {'cits':>5} {'linked':>7} " + " ".join(f"{c:>5}" for c in codes)
    print(header)
    print("-" * len(header))
    for name, refs, cits, linked, found in rows:
        share = f"{100 * linked / cits:.0f}%" if cits else "-"
        print(f"{name:<42} {refs:>5} {cits:>5} {share:>7} " + " ".join(f"{found.get(c, 0):>5}" for c in codes))
    print("-" * len(header))
    refs = sum(r[1] for r in rows)
    cits = sum(r[2] for r in rows)
    linked = sum(r[3] for r in rows)
    print(f"{'total':<42} {refs:>5} {cits:>5} {100 * linked / max(cits, 1):>6.0f}% " + " ".join(f"{totals[c]:>5}" for c in codes))
    for name, why in skipped:
        print(f"skipped {name}: {why}")


if __name__ == "__main__":
    main()
