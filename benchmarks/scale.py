"""Wall time, CPU time and peak memory of `refcheck check` on generated documents.

Generates author-year documents with N references and 5N citations (with planted
problems: wrong years, misspelt names, missing and uncited entries), runs
`python -m refcheck check --isolated --format text` and `--format json` on each in
a fresh process several times, and prints per size and format the median wall
time, CPU time (user + system) and peak resident memory of the whole process
(start-up included). Then the start-up: a check of a tiny document, median of 10.

Python runs as users have it, with its bytecode cache: PYTHONDONTWRITEBYTECODE
is removed from the children's environment and one run comes first to write the
cache (compiling refcheck from source costs about 50 ms a process).

    python benchmarks/scale.py [--sizes 1000,10000,50000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile

SYLLABLES = ["ka", "lo", "mer", "sa", "vin", "tor", "el", "da", "ru", "ben", "sho", "ni", "pa", "gor", "li", "ma", "zen", "ti", "wa", "qu"]
WORDS = "security policy trade water energy reform border state market climate region power".split()

# A wrapper that runs refcheck and reports its own peak memory (ru_maxrss of the child).
RUNNER = (
    "import resource, subprocess, sys, time;"
    "t = time.perf_counter();"
    "p = subprocess.run([sys.executable, '-m', 'refcheck', 'check', '--isolated', '--format', sys.argv[2], sys.argv[1]],"
    " stdout=subprocess.DEVNULL);"
    "w = time.perf_counter() - t;"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN);"
    "print(w, u.ru_utime + u.ru_stime, u.ru_maxrss, p.returncode)"
)
FORMATS = ("text", "json")
TINY = "Trade grew fast (Lemon, 2018).\n\nReferences\n\nLemon, A. (2018). Trade and water. Journal of Trade, 3(1), 1-9.\n"


def surname(rng: random.Random, taken: set[str]) -> str:
    while True:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        if name not in taken:
            taken.add(name)
            return name


def generate(n: int, seed: int = 7) -> tuple[str, dict[str, int]]:
    rng = random.Random(seed)
    taken: set[str] = set()
    refs = []
    for _ in range(n):
        authors = [surname(rng, taken) for _ in range(rng.choice([1, 1, 1, 2, 3]))]
        refs.append((authors, rng.randint(1950, 2024)))
    refs.sort(key=lambda r: (r[0][0], r[1]))
    planted = {"year": 0, "spelling": 0, "missing": 0, "uncited": 0}
    uncited = set(rng.sample(range(n), max(1, n // 100)))
    planted["uncited"] = len(uncited)
    cited = [i for i in range(n) if i not in uncited]
    sentences = []
    for k in range(5 * n):
        authors, year = refs[cited[k % len(cited)]]
        first = authors[0]
        roll = rng.random()
        if roll < 0.01:
            year += 1
            planted["year"] += 1
        elif roll < 0.02 and len(first) > 7:
            first = first[:3] + first[4:]
            planted["spelling"] += 1
        elif roll < 0.03:
            first = surname(rng, taken)
            planted["missing"] += 1
        if len(authors) == 1:
            names = first
        elif len(authors) == 2:
            names = f"{first} and {authors[1]}"
        else:
            names = f"{first} et al."
        words = " ".join(rng.choice(WORDS) for _ in range(12))
        if k % 4 == 0:
            sentences.append(f"As {names} ({year}) notes, {words}.")
        else:
            sentences.append(f"The {words} ({names}, {year}).")
    body = "\n\n".join(" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5))
    entries = []
    for authors, year in refs:
        listed = ", ".join(f"{a}, {rng.choice('ABCDEFG')}." for a in authors[:-1])
        last = f"{authors[-1]}, {rng.choice('ABCDEFG')}."
        names = f"{listed}, & {last}" if listed else last
        title = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize()
        entries.append(f"{names} ({year}). {title}. Journal of {rng.choice(WORDS).capitalize()} Studies, {rng.randint(1, 60)}({rng.randint(1, 4)}), {rng.randint(1, 200)}-{rng.randint(201, 400)}.")
    return body + "\n\nReferences\n\n" + "\n".join(entries) + "\n", planted


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(path: str, fmt: str, runs: int) -> tuple[float, float, float]:
    walls, cpus, peaks = [], [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", RUNNER, path, fmt], capture_output=True, text=True, check=True, env=ENV)
        wall, cpu, peak, code = out.stdout.split()
        if code not in ("0", "1"):
            raise SystemExit(f"refcheck failed on {path} (exit {code})")
        walls.append(float(wall))
        cpus.append(float(cpu))
        peaks.append(int(peak) / 1024)
    return statistics.median(walls), statistics.median(cpus), statistics.median(peaks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"medians of {args.runs} runs, whole process\n")
    print("| N refs | citations | MB | format | wall s | CPU s | peak MB |")
    print("|---|---|---|---|---|---|---|")
    walls: dict[tuple[int, str], float] = {}
    with tempfile.TemporaryDirectory() as folder:
        tiny = os.path.join(folder, "tiny.txt")
        with open(tiny, "w", encoding="utf-8") as handle:
            handle.write(TINY)
        measure(tiny, "json", 1)  # writes the bytecode cache, imports the JSON renderer too
        for n in (int(s) for s in args.sizes.split(",")):
            text, planted = generate(n)
            path = os.path.join(folder, f"doc-{n}.txt")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
            for fmt in FORMATS:
                wall, cpu, peak = measure(path, fmt, args.runs)
                walls[n, fmt] = wall
                print(f"| {n} | {5 * n} | {len(text) / 1e6:.1f} | {fmt} | {wall:.2f} | {cpu:.2f} | {peak:.0f} |")
        wall, cpu, peak = measure(tiny, "text", 10)
    print()
    for fmt in FORMATS:
        if (10000, fmt) in walls and (50000, fmt) in walls:
            print(f"growth 50k/10k, {fmt}: {walls[50000, fmt] / walls[10000, fmt]:.2f}x (linear would be 5x)")
    print(f"start-up, a tiny document: {wall:.3f} s wall, {cpu:.3f} s CPU, {peak:.0f} MB (median of 10)")


if __name__ == "__main__":
    main()
