"""The ``refcheck`` command: parses options, calls the api, prints, exits."""

from __future__ import annotations

import errno
import gc
import os
import sys

import click

from . import __version__, cli_files
from .collect import paused
from .errors import InternalError, RefcheckError
from .findings import ExitCode
from .output import FORMATS
from .output.escape import printable

_STYLE = click.Choice(["apa7", "apa6", "harvard", "chicago", "abnt", "auto"], case_sensitive=False)
_LEVEL = click.Choice(["error", "warning", "info"], case_sensitive=False)
_DEBUG = "refcheck.debug"
_DETAIL = 300  # characters of an internal error's message on its one line
CLOSED_PIPE = 128 + 13  # the status of a program killed by SIGPIPE, as `yes | head -1` leaves it


def _say(kind: str, message: str) -> None:
    """One line on stderr; the message (file names, document text) escaped."""
    _write(f"refcheck: {kind}: {printable(message)}\n", err=True)


def _fail(message: str) -> None:
    _say("error", message)
    sys.exit(ExitCode.USAGE)


def _write(text, err: bool = False, encoding: str | None = None) -> None:
    """Write all of ``text`` (a string, or an iterable of strings written as they
    come) and flush. A closed pipe (`refcheck check . | head -1`) ends the run
    quietly; any other write error (a full disk) is a one-line error, exit 2.

    Bytes go to the binary buffer in a loop because a text stream ignores a
    short write: when the reader goes away mid-write, the rest is silently lost
    and the next write, not this one, would fail. Characters the stream's
    encoding lacks are written as backslash escapes, unless ``encoding`` is
    given (JSON is UTF-8 whatever the locale)."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:  # started with the stream closed (`refcheck check x >&-`)
        if err:
            return
        _fail("cannot write the output: standard output is closed")
    if isinstance(text, str):
        _write_piece(stream, text, err, encoding)
        return
    # pieces made while they are written (JSON): a piece that cannot be made is a bug,
    # not a write error, and what was written before it is cut short
    pieces = iter(text)
    written = False
    while True:
        try:
            piece = next(pieces, None)
        except Exception as exc:
            if written:
                raise InternalError(_OUTPUT, exc) from exc
            raise
        if piece is None:
            return
        _write_piece(stream, piece, err, encoding)
        written = True


_OUTPUT = "<output>"  # InternalError's path for a bug met while writing the output


def _write_piece(stream, text: str, err: bool, encoding: str | None) -> None:
    try:
        _write_all(stream, text, encoding)
    except BrokenPipeError:
        _silence(stream)
        sys.exit(CLOSED_PIPE)
    except OSError as exc:
        _silence(stream)
        if err:
            sys.exit(ExitCode.USAGE)
        from .readers.files import problem

        _fail(f"cannot write the output: {problem(exc)}")


def _write_all(stream, text: str, encoding: str | None) -> None:
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a plain text stream (StringIO)
        stream.write(text)
        stream.flush()
        return
    stream.flush()
    data = memoryview(text.encode(encoding or stream.encoding or "utf-8", "backslashreplace"))
    while data:
        written = buffer.write(data)
        if not written:
            raise OSError(errno.EAGAIN, "the output accepts no more bytes")
        data = data[written:]
    buffer.flush()


def _silence(stream) -> None:
    """Point ``stream``'s descriptor at the null device, so that the flush at
    exit does not fail (and print a traceback) a second time."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test runner's buffer): nothing is flushed at exit


def _internal(ctx: click.Context, exc: BaseException) -> None:
    """An unexpected exception: one line naming the file (exit 3); the
    traceback only with --debug."""
    path = exc.path if isinstance(exc, InternalError) else None
    cause = exc.cause if isinstance(exc, InternalError) else exc
    if ctx.meta.get(_DEBUG):
        import traceback

        lines = "".join(traceback.format_exception(cause)).splitlines()
        _write("".join(printable(line) + "\n" for line in lines), err=True)
    where = f" while checking {path}" if path else ""
    if path == _OUTPUT:
        where = " while writing the output (what was written is incomplete)"
    hint = "" if ctx.meta.get(_DEBUG) else "; --debug prints the traceback"
    detail = str(cause) if len(str(cause)) <= _DETAIL else str(cause)[:_DETAIL] + "…"
    _say("internal error", f"{type(cause).__name__}{where}: {detail} (a bug in refcheck, please report it{hint})")
    sys.exit(ExitCode.INTERNAL)


class _Main(click.Group):
    """Every command runs guarded: usage errors are click's, an interrupt exits
    130, anything unexpected is an internal error (exit 3), never a traceback."""

    def main(self, *args, **kwargs):
        # no cycle collection while the command runs, except in the stages that
        # make cycles (see refcheck.collect); a caller of main() gets its state back
        with paused():
            return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:
            _say("error", "interrupted")
            sys.exit(130)
        except Exception as exc:
            _internal(ctx, exc)


def run() -> None:
    """The program (``refcheck``, ``python -m refcheck``): :func:`main`, and when
    the command has finished (exit 0 or 1) the process ends without freeing its
    objects one by one. A 10,000-reference report is a million objects, and
    freeing them would take about 0.07 s of a 1.1 s check. The output is flushed
    first; nothing else is left to do: files written (--fix, a baseline, the
    link cache) are closed, and worker processes have been joined, before the
    command returns. Any other exit (an error, an interrupt) takes the usual way,
    and so does a run under a profiler, a debugger or coverage, which write their
    results at the end. Python code that calls :func:`main` keeps the usual way too.

    The cycle collector is off for the whole process (see :mod:`refcheck.collect`),
    not only for the command's run: turned back on at the end, it would walk every
    object of the report once more before the process ends."""
    gc.disable()
    try:
        main()
    except SystemExit as exc:  # the exception keeps the command's frame, and its objects, alive
        if exc.code not in (ExitCode.CLEAN, ExitCode.FINDINGS) or _watched() or not _flushed():
            raise
        os._exit(exc.code)


def _watched() -> bool:
    """Whether a tool that writes its results at the end (cProfile, a debugger, coverage) watches the run."""
    return sys.getprofile() is not None or sys.gettrace() is not None or "coverage" in sys.modules


def _flushed() -> bool:
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # a closed pipe or stream: let the usual exit report it
        return False
    return True


def _set_debug(ctx: click.Context, param, value: bool) -> None:
    if value:
        ctx.meta[_DEBUG] = True


def _debug_option(function):
    return click.option("--debug", is_flag=True, expose_value=False, callback=_set_debug,
                        help="On an internal error (exit status 3), print the traceback.")(function)


def _config(config_file: str | None, isolated: bool, **options):
    from . import config as config_module

    if isolated:
        base = config_module.Config()
    elif config_file:
        base = config_module.load(config_file)
    else:
        base = config_module.discover(os.getcwd())
    return base.with_options(**options)


_EPILOG = """\b
Examples:
  refcheck check paper.md                  findings, then a summary
  refcheck check docs/ --format concise    one line per finding
  refcheck check . --select RC1 --ignore year-mismatch
  refcheck check . --statistics            counts per rule
  refcheck check . --format sarif > refcheck.sarif
  refcheck check - < draft.txt             standard input
  refcheck refs paper.md --links           what refcheck understood
  refcheck rule RC103                      one rule's documentation
"""


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]}, epilog=_EPILOG)
@click.version_option(__version__, "-V", "--version", prog_name="refcheck")
@_debug_option
def main() -> None:
    """Check that a document's author-year citations and its reference list agree.

    Exit status: 0 no findings at or above --fail-on, 1 findings, 2 usage,
    input or configuration error (or the output cannot be written), 3 internal
    error (a bug; --debug prints the traceback).
    """


_CHECK_EPILOG = """\b
Examples:
  refcheck check paper.md
  refcheck check docs/ --format concise --select RC1,RC2 --ignore RC108
  refcheck check . --ignore year-mismatch --ignore url-noise
  refcheck check . --select ALL --fail-on warning
  refcheck check . --statistics --exit-zero
  refcheck check . --format sarif > refcheck.sarif
  refcheck check . --format markdown >> "$GITHUB_STEP_SUMMARY"
  refcheck check . --color | less -R
"""


@main.command(epilog=_CHECK_EPILOG)
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS, case_sensitive=False), default="text", show_default=True,
              help="Output format. text: full in a terminal, concise elsewhere; full: each finding with its source "
                   "line underlined; auto: github under GitHub Actions, else text.")
@click.option("--style", type=_STYLE, default=None, help="Citation style for et al. rules [default: auto (inferred from the document), or the config].")
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules: codes, prefixes, names or ALL, comma-separated, repeatable (RC1, RC103, year-mismatch).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules (as --select); repeated options add up.")
@click.option("--fail-on", type=_LEVEL, default=None, help="Lowest severity that makes the exit status 1 [default: error].")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help="Read settings from this file instead of searching for refcheck.toml / pyproject.toml.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--color/--no-color", default=None, help="Colour the output, also into a pipe [default: when stdout is a terminal; NO_COLOR or FORCE_COLOR, when set and not empty, decide otherwise].")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("-q", "--quiet", is_flag=True, help="Print the findings only: no summary line, no notes.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (2 for unreadable inputs stays).")
@click.option("--links/--no-links", default=None, help="Probe every URL and DOI in the reference lists (RC4xx) [default: off, or the config].")
@click.option("--allow-private", is_flag=True, default=None, help="Let --links request hosts on loopback and private networks.")
@click.option("--exclude", multiple=True, metavar="REGEX", help="Never probe URLs matching this regular expression (repeatable).")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None, help="Where the link cache lives [default: the user cache dir].")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the link cache.")
@click.option("--suggest-archive/--no-suggest-archive", default=True, show_default=True, help="Look up archived copies of dead links.")
@click.option("--url-deadline", type=float, default=None, metavar="SECONDS", help="Time allowed per URL, every hop, retry and byte included [default: 30].")
@click.option("--link-deadline", type=float, default=None, metavar="SECONDS", help="Time allowed for the whole link phase; later URLs are unverifiable [default: 300].")
@click.option("-v", "--verbose", is_flag=True, help="Print a per-host summary of the link checks on stderr.")
@click.option("--verify/--no-verify", default=None, help="Look references up in Crossref, OpenAlex, DataCite and arXiv (RC501-RC508) [default: off, or the config].")
@click.option("--verify-strict", is_flag=True, default=None, help="With --verify, a reference that cannot be verified fails the run (exit 1).")
@click.option("--bib", multiple=True, metavar="FILE", help="Bibliography (.bib, CSL-JSON, CSL-YAML) for documents that cite by key: LaTeX, Pandoc (repeatable; also the config key bib).")
@cli_files.options
@_debug_option
def check(paths, fmt, style, select, ignore, fail_on, config_file, isolated, color, statistics, quiet, exit_zero, links,
          allow_private, exclude, cache_dir, no_cache, suggest_archive, url_deadline, link_deadline, verbose, verify,
          verify_strict, bib, **file_options) -> None:
    """Check documents (files, folders, or - for standard input).

    Folders are searched for .txt, .text, .rst, .md, .markdown, .tex, .html,
    .htm, .jats.xml, .nxml, .docx and .pdf files (hidden names, .gitignore'd
    paths and the exclude globs skipped; symlinked subfolders not followed,
    with a note). Only regular files are read, each at most 256 MiB; standard
    input too. Each file gets the settings of the nearest refcheck.toml /
    pyproject.toml above it (`refcheck config PATH` shows them).

    \b
    Examples:
      refcheck check docs/                       every document under docs/
      refcheck check --jobs 4 --format json .    four processes, JSON
      refcheck check --write-baseline base.json docs/ && refcheck check --baseline base.json docs/
      refcheck check --diff paper.md             the safe fixes as a diff; --fix applies them
    """
    from .api import check_paths
    from .output import render_pieces, resolve

    try:
        config = _config(config_file, isolated, style=style, select=select or None, ignore=ignore or None, fail_on=fail_on,
                         links=links, allow_private=allow_private, exclude=exclude or None,
                         url_deadline=url_deadline, link_deadline=link_deadline, verify=verify, verify_strict=verify_strict,
                         bib=bib or None)
    except RefcheckError as exc:
        _fail(str(exc))
    if config.verify_strict:
        config = config.with_options(verify=True)
    files = cli_files.FileRun.start(config, config_file, isolated, paths, **file_options)  # settings per file, --fix, ...
    config = files.config
    run = None
    if config.links:
        from .net.run import LinkRun

        progress = _is_terminal(sys.stderr) and _human(fmt) and "CI" not in os.environ and not quiet
        run = LinkRun(cache_dir=cache_dir, use_cache=not no_cache, suggest_archive=suggest_archive,
                      progress=progress, verbose=verbose)
    verify_run = _verify_run(config, fmt, cache_dir, no_cache)
    try:  # a settings file found beside a document may be invalid
        report = check_paths(list(paths), config, run, verify_run=verify_run, **files.arguments())
    except RefcheckError as exc:
        _fail(str(exc))
    _tell(report, quiet)
    files.finish(report)
    terminal = _is_terminal(sys.stdout)
    fmt = resolve(fmt, terminal)
    width = None
    if terminal:
        import shutil

        width = shutil.get_terminal_size((100, 24)).columns
    pieces = render_pieces(report, fmt, color=_color(color, terminal), quiet=quiet, statistics=statistics,
                           terminal=terminal, width=width)
    _write(pieces, encoding="utf-8" if fmt in ("json", "jsonl", "sarif", "junit") else None)
    code = _verified_exit(report, config)
    sys.exit(ExitCode.CLEAN if exit_zero and code == ExitCode.FINDINGS else code)


def _human(fmt: str) -> bool:
    from .output import resolve

    return resolve(fmt) in ("full", "concise")


def _color(flag: bool | None, terminal: bool) -> bool:
    """--color/--no-color; else NO_COLOR (when not empty) turns colour off and
    FORCE_COLOR (when not empty) on; else colour in a terminal."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return terminal


def _verify_run(config, fmt: str, cache_dir, no_cache):
    if not config.verify:
        return None
    from .net.verify.run import VerifyRun

    progress = sys.stderr.isatty() and _human(fmt) and "CI" not in os.environ
    return VerifyRun(cache_dir=cache_dir, use_cache=not no_cache, progress=progress)


def _verified_exit(report, config, announce: bool = True) -> int:
    """The exit status, after printing the verification summary (stderr) when
    references were verified; --verify-strict fails on cannot-determine."""
    code = report.exit_code(config.fail_on)
    if not config.verify:
        return code
    from .output.verify_table import summary_line, undetermined

    if announce:
        _say("verify", summary_line(report.files))
    unknown = undetermined(report.files) if config.verify_strict and code == ExitCode.CLEAN else 0
    if unknown:
        from .rules.base import plural

        # the summary said "No problems found": say why the status is 1 all the same
        _say("error", f"--verify-strict: {plural(unknown, 'reference')} could not be verified")
        return ExitCode.FINDINGS
    return code


def _is_terminal(stream) -> bool:
    return stream is not None and stream.isatty()


def _tell(report, quiet: bool = False) -> None:
    for note in () if quiet else report.notes:
        _say("note", note)
    for error in report.errors:
        _say("error", str(error))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"], case_sensitive=False), default="text", show_default=True,
              help="text: tables that fit the terminal; json: the JSON of `check --format json`.")
@click.option("--style", type=_STYLE, default=None, help="Citation style [default: auto, or the config].")
@click.option("--links", is_flag=True, help="Probe every URL and DOI and show each one's status.")
@click.option("--allow-private", is_flag=True, default=None, help="Let --links request hosts on loopback and private networks.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None, help="Where the link cache lives [default: the user cache dir].")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the link cache.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help="Read settings from this file.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--bib", multiple=True, metavar="FILE", help="Bibliography for documents that cite by key (repeatable).")
@_debug_option
def refs(paths, fmt, style, links, allow_private, cache_dir, no_cache, config_file, isolated, bib) -> None:
    """Show the references, citations and links refcheck understood in each file."""
    import shutil

    from .api import check_paths

    try:
        config = _config(config_file, isolated, style=style, links=links or None, allow_private=allow_private,
                         bib=bib or None)
    except RefcheckError as exc:
        _fail(str(exc))
    run = None
    if config.links:
        from .net.run import LinkRun

        run = LinkRun(cache_dir=cache_dir, use_cache=not no_cache, suggest_archive=False,
                      progress=_is_terminal(sys.stderr) and "CI" not in os.environ)
    report = check_paths(list(paths), config, run)
    _tell(report)
    if fmt.lower() == "json":
        from .output.json_format import render as render_json

        _write(render_json(report), encoding="utf-8")
    elif report.files:
        from .output.table import render_understanding

        width = shutil.get_terminal_size((120, 24)).columns if _is_terminal(sys.stdout) else None  # piped: natural widths
        _write("\n".join(render_understanding(result, width) for result in report.files))
    if report.errors or not report.files:
        sys.exit(ExitCode.USAGE)


@main.command("verify")
@click.argument("paths", nargs=-1, required=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help="Read settings from this file.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--strict", "verify_strict", is_flag=True, default=None, help="A reference that cannot be verified fails the run (exit 1).")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None, help="Where the cache lives [default: the user cache dir].")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@_debug_option
def verify_command(paths, config_file, isolated, verify_strict, cache_dir, no_cache) -> None:
    """Look every reference up and print its verdict and the record it matched.

    Exit status as for check (1 for findings at or above fail-on), and 1 with
    --strict when a reference cannot be verified.
    """
    from .api import check_paths
    from .output.verify_table import render_verification

    try:
        config = _config(config_file, isolated, verify=True, verify_strict=verify_strict)
    except RefcheckError as exc:
        _fail(str(exc))
    report = check_paths(list(paths), config, verify_run=_verify_run(config, "text", cache_dir, no_cache))
    _tell(report)
    table = "\n".join(render_verification(result) for result in report.files)
    # registry titles and document text are escaped line by line for the terminal
    _write("".join(printable(line) + "\n" for line in table.splitlines()))
    sys.exit(_verified_exit(report, config, announce=False))


@main.command("config")
@click.argument("path", default=".")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help="Read settings from this file.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
def config_command(path, config_file, isolated) -> None:
    """Print the settings PATH is checked with, and where each came from.

    Each file's settings come from the nearest refcheck.toml or pyproject.toml
    with [tool.refcheck] from its folder upwards, else the working directory's.
    """
    from .config import Finder

    try:
        base = _config(config_file, isolated)
        settings = base if (config_file or isolated) else Finder(base).for_path(path)
    except RefcheckError as exc:
        _fail(str(exc))
    from .settings import describe

    for note in settings.notes:
        _say("note", note)
    _write(describe(settings, path))


@main.group()
def cache() -> None:
    """Manage the link cache."""


@cache.command("clear")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None, help="The cache folder [default: the user cache dir].")
def cache_clear(cache_dir) -> None:
    """Forget every cached link verdict and registry record."""
    from .net.cache import Cache, default_dir

    folder = cache_dir or default_dir()
    store = Cache(folder, warn=lambda m: _write(printable(m) + "\n", err=True))
    count = store.clear()
    store.close()
    _write(f"Cleared {count} cached link{'s' if count != 1 else ''} from {printable(store.path)}.\n")
    from .net.verify.cache import RecordCache

    records = RecordCache(folder, warn=lambda m: _write(printable(m) + "\n", err=True))
    cleared = records.clear_records()
    records.close()
    if cleared:
        _write(f"Cleared {cleared} cached registry record{'s' if cleared != 1 else ''} (--verify).\n")


@main.command()
@click.argument("code")
def rule(code) -> None:
    """Print one rule's documentation: refcheck rule RC103"""
    from .output.rules_doc import render_rule
    from .rules import REGISTRY

    module = REGISTRY.get(code.upper())
    if module is None:
        _fail(f"unknown rule {code!r} (see `refcheck rules`)")
    _write(render_rule(module))


@main.command()
@click.option("--markdown", is_flag=True, help="Print the full rule reference as Markdown (docs/rules.md).")
def rules(markdown) -> None:
    """List the rules with their codes, names and default severities."""
    from .output.rules_doc import render_index, render_markdown

    _write(render_markdown() if markdown else render_index())
