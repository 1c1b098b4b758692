"""Does refcheck read a document the same when a conversion has re-flowed it?

PDF extraction hard-wraps every paragraph, and some conversions drop the blank
lines between paragraphs. Neither changes what a document cites or lists, so
neither should change what refcheck reports. For every document of the seed, the
holdout and the devset, this writes a re-flowed copy to a temporary folder, checks
both with `refcheck check --isolated --format json`, and prints per document the
references and citations read and the loud findings (errors and warnings) before
and after, then each loud finding that only the copy has. Line numbers inside
messages are masked ("line N"): wrapping moves them.

- ``--mode wrap`` (the default): each line longer than ``--width`` (78)
  characters is wrapped at spaces, as pdftotext lays out a page;
- ``--mode joined``: the blank lines between paragraphs are removed.

    python benchmarks/wrapped.py [--mode wrap|joined] [--width 78] [--show]
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap
from collections import Counter

SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")
PATTERNS = ("corpus/*.txt", "holdout/[0-9]*.txt", "holdout/[0-9]*.md", "devset/[0-9]*.md")
_LINE = re.compile(r"\blines? \d+")


def reflow(text: str, mode: str, width: int) -> str:
    paragraphs = text.split("\n\n")
    if mode == "joined":
        return "\n".join(paragraphs)
    out = []
    for paragraph in paragraphs:
        lines = []
        for line in paragraph.split("\n"):
            lines.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""])
        out.append("\n".join(lines))
    return "\n\n".join(out)


def loud(path: str) -> tuple[Counter, int, int]:
    """(loud findings as (code, message with line numbers masked), references, citations)."""
    out = subprocess.run([sys.executable, "-m", "refcheck", "check", "--isolated", "--format", "json", path],
                         capture_output=True, text=True)
    try:
        result = json.loads(out.stdout)["files"][0]
    except (ValueError, KeyError, IndexError):
        raise SystemExit(f"{path}: refcheck printed no report (exit {out.returncode}): {out.stderr.strip()[-300:]}")
    findings = Counter((f["code"], _LINE.sub("line N", f["message"])) for f in result["findings"]
                       if f["severity"] in ("error", "warning"))
    return findings, len(result["references"]), len(result["citations"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("wrap", "joined"), default="wrap")
    parser.add_argument("--width", type=int, default=78)
    parser.add_argument("--show", action="store_true", help="print each loud finding only the copy has")
    args = parser.parse_args()
    paths = sorted(p for pattern in PATTERNS for p in glob.glob(os.path.join(SHARED, pattern)))
    if not paths:
        raise SystemExit(f"no documents under {os.path.normpath(SHARED)}")
    print(f"{'document':<48} {'refs':>9} {'citations':>11} {'loud':>9} {'new':>4}")
    total_new = total_loud = 0
    with tempfile.TemporaryDirectory() as folder:
        for path in paths:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            copy = os.path.join(folder, os.path.basename(path))
            with open(copy, "w", encoding="utf-8") as handle:
                handle.write(reflow(text, args.mode, args.width))
            before, refs, cites = loud(path)
            after, refs2, cites2 = loud(copy)
            new = after - before
            total_new += sum(new.values())
            total_loud += sum(before.values())
            print(f"{os.path.basename(path)[:48]:<48} {refs:>4}>{refs2:<4} {cites:>5}>{cites2:<5} "
                  f"{sum(before.values()):>4}>{sum(after.values()):<4} {sum(new.values()):>4}")
            if args.show:
                for (code, message), count in sorted(new.items()):
                    print(f"    + {count} {code} {message[:160]}")
    print(f"\n{len(paths)} documents, mode {args.mode}: {total_loud} loud findings as written, "
          f"{total_new} more once re-flowed")


if __name__ == "__main__":
    main()
