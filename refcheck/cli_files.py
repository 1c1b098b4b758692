"""The check command's file options: --jobs, --baseline, --write-baseline,
--fix, --unsafe-fixes, --diff, --extend-exclude, --show-settings. Kept apart
from cli.py: ``options`` adds them, ``FileRun`` carries them through a run."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

import click

from .findings import ExitCode

# Below this many CPUs the default is one process: on a 2-CPU machine two worker
# processes measured slower than one (benchmarks/corpus.py: 2,000 documents, 13.8 s
# with --jobs 1, 19.3 s with --jobs 2), the results' transfer costing more than it saves.
PARALLEL_FROM_CPUS = 4


def default_jobs() -> int:
    cpus = os.cpu_count() or 1
    return cpus if cpus >= PARALLEL_FROM_CPUS else 1


def _jobs(ctx, param, value):
    if value is None:
        return default_jobs()
    if value < 1:
        raise click.BadParameter("must be at least 1")
    return value


OPTIONS = (
    click.option("-j", "--jobs", type=int, default=None, callback=_jobs, metavar="N",
                 help="Check files in N processes [default: the number of CPUs from 4 CPUs, else 1]; the output is the same for any N."),
    click.option("--extend-exclude", multiple=True, metavar="GLOB",
                 help="Skip paths matching this gitignore-style glob in folder scans (repeatable; adds to `exclude`)."),
    click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), default=None,
                 help="Report only findings that are not in this baseline file."),
    click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False), default=None,
                 help="Record today's findings in this file (exit 0) for --baseline."),
    click.option("--fix", is_flag=True, help="Apply the safe fixes to .txt, .md, .rst, .tex and .bib files."),
    click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, the unsafe fixes too (a changed year, a changed name)."),
    click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a unified diff; change nothing (exit 1 if there are any)."),
    click.option("--show-settings", is_flag=True, help="Print the settings the first path is checked with, and where each came from."),
)


def options(function):
    for option in reversed(OPTIONS):
        function = option(function)
    return function


@dataclass
class FileRun:
    config: object
    pinned: bool  # --config or --isolated: one settings file for every document
    jobs: int = 1
    baseline_file: str | None = None
    write_baseline: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    show_diff: bool = False
    sources: dict | None = None  # path -> pool.Source, kept for --fix and --diff
    configs: object = field(default=None, repr=False)  # the per-file config.Finder (None when pinned)

    @classmethod
    def start(cls, config, config_file, isolated, paths, jobs, extend_exclude, baseline_file, write_baseline,
              fix, unsafe_fixes, show_diff, show_settings) -> FileRun:
        from .cli import _fail, _say, _write
        from .discovery import Finder
        from .errors import RefcheckError

        if extend_exclude:
            config = config.with_options(extend_exclude=tuple(extend_exclude))
        if baseline_file and write_baseline:
            _fail("use --baseline or --write-baseline, not both")
        pinned = bool(config_file or isolated)
        run = cls(config, pinned, jobs, baseline_file, write_baseline, fix, unsafe_fixes, show_diff,
                  configs=None if pinned else Finder(config))
        if show_settings:
            from .settings import describe

            path = paths[0] if paths else "."
            try:
                settings = run.configs.for_path(path) if run.configs else config
            except RefcheckError as exc:
                _fail(str(exc))
            for note in settings.notes:
                _say("note", note)
            _write(describe(settings, path))
            sys.exit(ExitCode.CLEAN)
        if fix or show_diff:
            run.sources = {}
        return run

    def arguments(self) -> dict:
        from .errors import RefcheckError

        baseline = None
        if self.baseline_file:
            from . import baseline as baseline_module
            from .cli import _fail

            try:
                baseline = baseline_module.load(self.baseline_file)
            except RefcheckError as exc:
                _fail(str(exc))
        return {"configs": self.configs, "jobs": self.jobs, "baseline": baseline, "sources": self.sources}

    def finish(self, report) -> None:
        """After the check: write the baseline, or the fixes, or the diff (these two exit)."""
        from .cli import _say, _write

        if self.write_baseline:
            from .baseline import dumps

            _save(self.write_baseline, dumps(report, self.write_baseline))
            files = sum(1 for r in report.files if r.findings)
            _say("note", f"wrote {len(report.findings)} finding{'s' if len(report.findings) != 1 else ''} "
                         f"in {files} file{'s' if files != 1 else ''} to {self.write_baseline}")
            sys.exit(ExitCode.USAGE if report.errors else ExitCode.CLEAN)
        if not (self.fix or self.show_diff):
            return
        from . import fix as fixing

        edits = [e for e in (fixing.plan(r, self.sources.get(r.path), self.unsafe_fixes) for r in report.files) if e]
        for edit in edits:
            if edit.refused:
                _say("note", f"{edit.path}: not fixed: {edit.refused}")
        ready = [e for e in edits if not e.refused and e.after != e.before]
        if self.show_diff:
            _write("".join(fixing.diff(e) for e in ready))
            sys.exit(ExitCode.USAGE if report.errors else ExitCode.FINDINGS if ready else ExitCode.CLEAN)
        fixed = written = 0
        for edit in ready:
            problem = fixing.write(edit, self.sources[edit.path])
            if problem:
                _say("note", f"{edit.path}: {problem}")
                continue
            done = {id(f) for f in edit.fixed}
            for result in report.files:
                if result.path == edit.path:
                    result.findings = [f for f in result.findings if id(f) not in done]
            fixed += len(edit.fixed)
            written += 1
        _say("note", f"fixed {fixed} finding{'s' if fixed != 1 else ''} in {written} file{'s' if written != 1 else ''}")


def _save(path: str, text: str) -> None:
    from .cli import _fail

    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        _fail(f"{path}: cannot write the baseline: {exc.strerror or exc}")
