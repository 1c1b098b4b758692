"""Parity with checkcites (TeX Live): undefined and unused citation keys.

    python benchmarks/checkcites.py [MAIN.tex[:BIB] ...]

For each LaTeX project (small projects of our own, written to a temporary
folder, plus any MAIN.tex given; ``:BIB`` names its bibliography when the
\\bibliography command does not), it runs:

- refcheck's API: undefined keys are RC101 findings on keyed citations,
  unused ones RC102 findings on .bib entries;
- checkcites on the .aux that pdflatex writes (``-draftmode``; a document
  class that is not installed is replaced by ``article`` in the copy, and the
  table says so), with ``--undefined`` and ``--unused``.

It prints one row per project and every key on which the two disagree. Needs
``checkcites`` and ``pdflatex`` on PATH (Debian: texlive-extra-utils,
texlive-latex-base); without them it says so and exits 2.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from refcheck.api import check_paths  # noqa: E402
from refcheck.config import Config  # noqa: E402

# one field a line: checkcites reads a key up to the end of its line
BIB = """@article{lemon2018,
  author = {Lemon, Edward}, title = {Rivers},
  journal = {Steppe Studies}, year = 2018}
@article{doe2020,
  author = {Doe, Jane and Ito, Kenji}, title = {Quotas},
  journal = {Water}, year = 2020}
@book{abbasova2022,
  author = {Abbasova, Leyla}, title = {Borders}, publisher = {Press}, year = 2022}
@misc{unused2001,
  author = {Unused, Uma}, title = {Nobody cites this}, year = 2001}
@misc{listed2003,
  author = {Listed, Lee}, title = {Only nocite}, year = 2003}
"""

PROJECTS = {
    "natbib-basic": {
        "main.tex": "\\documentclass{article}\\usepackage{natbib}\\begin{document}\n"
                    "\\citet{lemon2018} and \\citep[see][p.~2]{doe2020, missing2019}.\n"
                    "\\bibliographystyle{plainnat}\\bibliography{refs}\\end{document}\n",
        "refs.bib": BIB,
    },
    "comments-and-nocite": {
        "main.tex": "\\documentclass{article}\\usepackage{natbib}\\begin{document}\n"
                    "\\citep{lemon2018} % \\citep{commented2000}\n\\nocite{listed2003}\n"
                    "\\iffalse \\cite{hidden1999} \\fi\n"
                    "\\bibliographystyle{plainnat}\\bibliography{refs}\\end{document}\n",
        "refs.bib": BIB,
    },
    "input-and-case": {
        "main.tex": "\\documentclass{article}\\usepackage{natbib}\\begin{document}\n"
                    "\\input{part}\n\\citeauthor{Lemon2018}\n"
                    "\\bibliographystyle{plainnat}\\bibliography{refs}\\end{document}\n",
        "part.tex": "\\citealp{abbasova2022,doe2020}\n",
        "refs.bib": BIB,
    },
    "nocite-star": {
        "main.tex": "\\documentclass{article}\\begin{document}\n\\cite{lemon2018}\\nocite{*}\n"
                    "\\bibliographystyle{plain}\\bibliography{refs}\\end{document}\n",
        "refs.bib": BIB,
    },
}


def refcheck_keys(main: str, bib: tuple[str, ...]) -> tuple[set[str], set[str]]:
    report = check_paths([main], Config(select=("RC101", "RC102"), bib=bib))
    undefined = set()
    unused = set()
    for result in report.files:
        citations = {c.id: c for c in result.citations}
        references = {r.id: r for r in result.references}
        for finding in result.findings:
            if finding.code == "RC101" and finding.citation in citations and citations[finding.citation].key:
                undefined.add(citations[finding.citation].key)
            elif finding.code == "RC102" and finding.reference in references and references[finding.reference].key:
                unused.add(references[finding.reference].key)
    return undefined, unused


def _kpsewhich(name: str) -> bool:
    found = subprocess.run(["kpsewhich", name], capture_output=True, text=True)
    return bool(found.stdout.strip())


def checkcites_keys(main: str, bib: tuple[str, ...]) -> tuple[set[str], set[str], str]:
    """(undefined, unused, note) from checkcites on a copy of the project."""
    note = ""
    with tempfile.TemporaryDirectory() as work:
        source = os.path.dirname(os.path.abspath(main))
        shutil.copytree(source, work, dirs_exist_ok=True)
        for extra in bib:
            shutil.copy(extra, work)
        copy = os.path.join(work, os.path.basename(main))
        with open(copy, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
        cls = re.search(r"\\documentclass(?:\[[^\]]*\])?\{([^}]+)\}", text)
        if cls and not _kpsewhich(cls.group(1) + ".cls"):
            # journal classes (jss, ...) load natbib; article with natbib stands in
            text = text.replace(cls.group(0), "\\documentclass{article}\\usepackage{natbib}", 1)
            note = f"{cls.group(1)}.cls not installed: article + natbib used"
        for package in sorted({p.strip() for group in re.findall(r"\\usepackage(?:\[[^\]]*\])?\{([^}]+)\}", text)
                               for p in group.split(",")}):
            if package and not _kpsewhich(package + ".sty"):  # an empty stand-in, so that LaTeX reaches the citations
                with open(os.path.join(work, package + ".sty"), "w", encoding="utf-8") as handle:
                    handle.write(f"\\ProvidesPackage{{{package}}}\n")
                note += ("; " if note else "") + f"{package}.sty stubbed"
        stubbed = 0
        for name in re.findall(r"\\(?:input|include)\{([^}]+)\}", text):
            target = os.path.join(work, name if name.endswith(".tex") else name + ".tex")
            if not os.path.exists(target):  # a missing \input is fatal to LaTeX: an empty one stands in
                os.makedirs(os.path.dirname(target), exist_ok=True)
                open(target, "w").close()
                stubbed += 1
        if stubbed:
            note += ("; " if note else "") + f"{stubbed} missing \\input files stubbed"
        for extra in bib:  # the \bibliography the document names, pointed at the given file
            name = os.path.splitext(os.path.basename(extra))[0]
            text = re.sub(r"\\bibliography\{[^}]*\}", lambda m: "\\bibliography{" + name + "}", text)
        with open(copy, "w", encoding="utf-8") as handle:
            handle.write(text)
        subprocess.run(["pdflatex", "-interaction=nonstopmode", "-draftmode", os.path.basename(copy)], cwd=work,
                       capture_output=True, timeout=120)
        aux = os.path.splitext(copy)[0] + ".aux"
        if not os.path.exists(aux):
            return set(), set(), "pdflatex wrote no .aux"
        out = subprocess.run(["checkcites", "--all", os.path.basename(aux)], cwd=work, capture_output=True,
                             text=True, timeout=120).stdout
    undefined, unused = set(), set()
    current = None
    for line in out.splitlines():
        if "Unused references" in line:
            current = unused
        elif "Undefined references" in line:
            current = undefined
        elif line.strip().startswith("=>") and current is not None:
            current.add(line.strip()[2:].strip())
    return undefined, unused, note


def main(argv: list[str]) -> int:
    missing = [tool for tool in ("checkcites", "pdflatex", "kpsewhich") if shutil.which(tool) is None]
    if missing:
        print(f"checkcites.py: {', '.join(missing)} not on PATH (Debian: apt-get install texlive-extra-utils "
              "texlive-latex-base); nothing compared", file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory() as ours:
        projects = []
        for name, files in PROJECTS.items():
            folder = os.path.join(ours, name)
            os.makedirs(folder)
            for file, text in files.items():
                with open(os.path.join(folder, file), "w", encoding="utf-8") as handle:
                    handle.write(text)
            projects.append((name, os.path.join(folder, "main.tex"), ()))
        for given in argv:
            main_tex, _, bib = given.partition(":")
            projects.append((os.path.basename(main_tex), main_tex, (bib,) if bib else ()))
        for name, main_tex, bib in projects:
            ours_undefined, ours_unused = refcheck_keys(main_tex, bib)
            theirs_undefined, theirs_unused, note = checkcites_keys(main_tex, bib)
            rows.append((name, ours_undefined, theirs_undefined, ours_unused, theirs_unused, note))
    print(f"{'project':28} {'undefined rc/cc':>16} {'unused rc/cc':>13}  differences")
    for name, ou, tu, on, tn, note in rows:
        diffs = [f"undefined only in refcheck: {sorted(ou - tu)}" if ou - tu else "",
                 f"undefined only in checkcites: {sorted(tu - ou)}" if tu - ou else "",
                 f"unused only in refcheck: {sorted(on - tn)}" if on - tn else "",
                 f"unused only in checkcites: {sorted(tn - on)}" if tn - on else "", note]
        shown = "; ".join(d for d in diffs if d) or "none"
        print(f"{name[:28]:28} {len(ou):>7}/{len(tu):<8} {len(on):>6}/{len(tn):<6}  {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
