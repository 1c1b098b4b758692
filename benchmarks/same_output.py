"""Does refcheck print the same bytes as before? Snapshot, then diff.

Runs `refcheck check --isolated` in JSON and in concise text on every document of
the seed corpus, the holdout, the devset and refs/ (one process per document, so a
document's own .bib is found as a user's run would find it), and either writes the
outputs to a folder or compares them with a folder written earlier:

    python benchmarks/same_output.py --save /tmp/before     # on the old code
    python benchmarks/same_output.py --compare /tmp/before  # on the new code

Prints one line per document that differs (and a unified diff of its first lines
with --show), then a table of the counts; exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import difflib
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FOLDERS = [SHARED / "corpus", SHARED / "holdout", SHARED / "devset", ROOT / "refs"]
SUFFIXES = {".txt", ".md", ".tex", ".xml"}
FORMATS = ("json", "concise")


def documents() -> list[pathlib.Path]:
    found = []
    for folder in FOLDERS:
        if folder.is_dir():
            found += sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.name.upper() != p.name)
    return found


def run(doc: pathlib.Path, fmt: str) -> bytes:
    proc = subprocess.run(
        [sys.executable, "-m", "refcheck", "check", "--isolated", "--exit-zero", "--format", fmt, doc.name],
        cwd=doc.parent, capture_output=True, check=False,
    )
    return proc.stdout + b"\n--- stderr ---\n" + proc.stderr + f"\n--- exit {proc.returncode} ---\n".encode()


def snapshot_name(doc: pathlib.Path, fmt: str) -> str:
    return f"{doc.parent.name}__{doc.name}.{fmt}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", type=pathlib.Path, metavar="DIR")
    mode.add_argument("--compare", type=pathlib.Path, metavar="DIR")
    parser.add_argument("--show", action="store_true", help="print the start of each difference")
    args = parser.parse_args()
    docs = documents()
    if not docs:
        print("no documents found (is ../shared beside the repository?)", file=sys.stderr)
        return 2
    same = differ = missing = 0
    for doc in docs:
        for fmt in FORMATS:
            out = run(doc, fmt)
            name = snapshot_name(doc, fmt)
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                (args.save / name).write_bytes(out)
                continue
            old_path = args.compare / name
            if not old_path.exists():
                missing += 1
                print(f"{name}: no snapshot")
                continue
            old = old_path.read_bytes()
            if old == out:
                same += 1
                continue
            differ += 1
            print(f"{name}: differs")
            if args.show:
                lines = difflib.unified_diff(
                    old.decode(errors="replace").splitlines(), out.decode(errors="replace").splitlines(),
                    "before", "after", lineterm="", n=1)
                print("\n".join(list(lines)[:40]))
    if args.save:
        print(f"saved {len(docs) * len(FORMATS)} outputs of {len(docs)} documents to {args.save}")
        return 0
    print()
    print("| outputs | same | differ | no snapshot |")
    print("|---|---|---|---|")
    print(f"| {same + differ + missing} | {same} | {differ} | {missing} |")
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main())
