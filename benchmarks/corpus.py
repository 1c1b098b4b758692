"""Wall time of `refcheck check` over many files, with --jobs 1 and --jobs 2.

Generates DOCS author-year documents of REFS references each (a few planted
problems per document: a wrong year, an uncited entry) in a temporary folder,
runs `python -m refcheck check --isolated --format FORMAT --jobs N FOLDER` in a
fresh process RUNS times per N (interleaved), checks that every run printed the
same bytes, and prints the median wall time and the speed-up. The default
format, text (one line per finding when piped), keeps the serial rendering
small; --format json shows what rendering everything costs.

    python benchmarks/corpus.py [--docs 2000] [--refs 50] [--runs 3] [--jobs 1,2] [--format text]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

SYLLABLES = ["ka", "lo", "mer", "sa", "vin", "tor", "el", "da", "ru", "ben", "sho", "ni", "pa", "gor", "li", "ma"]
WORDS = "rivers policy trade water energy reform border state market climate region power".split()


def document(rng: random.Random, refs: int) -> str:
    names: list[str] = []
    while len(names) < refs:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        if name not in names:
            names.append(name)
    years = [rng.randint(1990, 2024) for _ in names]
    cited = list(range(refs - 1))  # the last entry is never cited (RC102)
    rng.shuffle(cited)
    sentences = []
    for number, index in enumerate(cited):
        year = years[index] + (1 if number == 0 else 0)  # one wrong year (RC103)
        words = " ".join(rng.choice(WORDS) for _ in range(8)).capitalize()
        sentences.append(f"{words} ({names[index]}, {year}).")
    body = "\n\n".join(" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5))
    entries = sorted(f"{n}, {rng.choice('ABCDEFGH')}. ({y}). {' '.join(rng.choice(WORDS) for _ in range(5)).capitalize()}. "
                     f"Journal of {rng.choice(WORDS).capitalize()}, {rng.randint(1, 40)}({rng.randint(1, 4)}), "
                     f"{rng.randint(1, 200)}-{rng.randint(201, 400)}." for n, y in zip(names, years))
    return f"# Study\n\n{body}\n\n## References\n\n" + "\n\n".join(entries) + "\n"


def generate(folder: str, docs: int, refs: int) -> None:
    rng = random.Random(20261201)
    for number in range(docs):
        sub = os.path.join(folder, f"part{number // 100:02}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"doc{number:04}.md"), "w", encoding="utf-8") as handle:
            handle.write(document(rng, refs))


def run(folder: str, jobs: int, fmt: str) -> tuple[float, str, int]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "refcheck", "check", "--isolated", "--format", fmt, "--jobs", str(jobs),
                           folder], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start, hashlib.sha256(done.stdout).hexdigest(), done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--refs", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--format", default="text")
    args = parser.parse_args()
    counts = [int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory(prefix="refcheck-corpus-") as folder:
        generate(folder, args.docs, args.refs)
        times: dict[int, list[float]] = {}
        digests = set()
        for _ in range(args.runs):  # interleaved, so that a slow moment hits every N alike
            for jobs in counts:
                seconds, digest, status = run(folder, jobs, args.format)
                times.setdefault(jobs, []).append(seconds)
                digests.add((digest, status))
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    print(f"{args.docs} documents x {args.refs} references, --format {args.format}, {os.cpu_count()} CPUs{load}, "
          f"median of {args.runs}")
    print(f"{'jobs':>4}  {'wall s':>8}  {'docs/s':>8}  {'speed-up':>8}")
    base = statistics.median(times[counts[0]])
    for jobs in counts:
        wall = statistics.median(times[jobs])
        print(f"{jobs:>4}  {wall:8.2f}  {args.docs / wall:8.0f}  {base / wall:7.2f}x")
    print("output identical across runs and job counts:", "yes" if len(digests) == 1 else f"NO ({len(digests)} variants)")


if __name__ == "__main__":
    main()
