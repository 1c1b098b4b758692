"""The ``refcheck`` command: parses options, calls the api, prints, exits."""

from __future__ import annotations

import os
import sys

import click

from . import __version__
from .errors import RefcheckError
from .findings import ExitCode
from .output import FORMATS

_STYLE = click.Choice(["apa7", "apa6", "harvard", "chicago", "abnt", "auto"], case_sensitive=False)
_LEVEL = click.Choice(["error", "warning", "info"], case_sensitive=False)


def _fail(message: str) -> None:
    click.echo(f"refcheck: error: {message}", err=True)
    sys.exit(ExitCode.USAGE)


def _config(config_file: str | None, isolated: bool, **options):
    from . import config as config_module

    if isolated:
        base = config_module.Config()
    elif config_file:
        base = config_module.load(config_file)
    else:
        base = config_module.discover(os.getcwd())
    return base.with_options(**options)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="refcheck")
def main() -> None:
    """Check that a document's author-year citations and its reference list agree.

    Exit status: 0 no findings at or above --fail-on, 1 findings, 2 usage,
    input or configuration error.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format; auto: GitHub annotations under GitHub Actions, else text.")
@click.option("--style", type=_STYLE, default=None, help="Citation style for et al. rules [default: auto (inferred from the document), or the config].")
@click.option("--select", default=None, metavar="CODES", help="Only these rules: codes or prefixes, comma-separated (RC1, RC10, RC103).")
@click.option("--ignore", default=None, metavar="CODES", help="Skip these rules: codes or prefixes, comma-separated.")
@click.option("--fail-on", type=_LEVEL, default=None, help="Lowest severity that makes the exit status 1 [default: error].")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help="Read settings from this file instead of searching for refcheck.toml / pyproject.toml.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--color/--no-color", default=None, help="Colour the codes [default: when stdout is a terminal].")
@click.option("--links/--no-links", default=None, help="Probe every URL and DOI in the reference lists (RC4xx) [default: off, or the config].")
@click.option("--allow-private", is_flag=True, default=None, help="Let --links request hosts on loopback and private networks.")
@click.option("--exclude", multiple=True, metavar="REGEX", help="Never probe URLs matching this regular expression (repeatable).")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None, help="Where the link cache lives [default: the user cache dir].")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the link cache.")
@click.option("--suggest-archive/--no-suggest-archive", default=True, show_default=True, help="Look up archived copies of dead links.")
@click.option("-v", "--verbose", is_flag=True, help="Print a per-host summary of the link checks on stderr.")
@click.option("--verify/--no-verify", default=None, help="Look references up in Crossref, OpenAlex, DataCite and arXiv (RC501-RC508) [default: off, or the config].")
@click.option("--verify-strict", is_flag=True, default=None, help="With --verify, a reference that cannot be verified fails the run (exit 1).")
def check(paths, fmt, style, select, ignore, fail_on, config_file, isolated, color, links, allow_private, exclude,
          cache_dir, no_cache, suggest_archive, verbose, verify, verify_strict) -> None:
    """Check documents (files, folders, or - for standard input).

    Folders are searched for .txt, .text, .rst, .md and .markdown files.
    """
    from .api import check_paths
    from .output import render, resolve

    try:
        config = _config(config_file, isolated, style=style, select=select, ignore=ignore, fail_on=fail_on,
                         links=links, allow_private=allow_private, exclude=exclude or None, verify=verify,
                         verify_strict=verify_strict)
    except RefcheckError as exc:
        _fail(str(exc))
    if config.verify_strict:
        config = config.with_options(verify=True)
    run = None
    if config.links:
        from .net.run import LinkRun

        progress = sys.stderr.isatty() and resolve(fmt) == "text" and "CI" not in os.environ
        run = LinkRun(cache_dir=cache_dir, use_cache=not no_cache, suggest_archive=suggest_archive,
                      progress=progress, verbose=verbose)
    verify_run = _verify_run(config, fmt, cache_dir, no_cache)
    report = check_paths(list(paths), config, run, verify_run=verify_run)
    for error in report.errors:
        click.echo(f"refcheck: error: {error}", err=True)
    if color is None:
        color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    fmt = resolve(fmt)
    click.echo(render(report, fmt, color=color) if fmt == "text" else render(report, fmt), nl=False)
    sys.exit(_verified_exit(report, config))


def _verify_run(config, fmt: str, cache_dir, no_cache):
    if not config.verify:
        return None
    from .net.verify.run import VerifyRun
    from .output import resolve

    progress = sys.stderr.isatty() and resolve(fmt) == "text" and "CI" not in os.environ
    return VerifyRun(cache_dir=cache_dir, use_cache=not no_cache, progress=progress)


def _verified_exit(report, config, announce: bool = True) -> int:
    """The exit status, after printing the verification summary (stderr) when
    references were verified; --verify-strict fails on cannot-determine."""
    code = report.exit_code(config.fail_on)
    if not config.verify:
        return code
    from .output.verify_table import summary_line, undetermined

    if announce:
        click.echo(f"refcheck: verify: {summary_line(report.files)}", err=True)
    if config.verify_strict and code == ExitCode.CLEAN and undetermined(report.files):
        return ExitCode.FINDINGS
    return code


@main.command()
@click.argument("path")
@click.option("--style", type=_STYLE, default="auto", show_default=True)
def refs(path, style) -> None:
    """Show the references, citations and links refcheck understood."""
    from .api import check_paths
    from .config import Config
    from .output.table import render_understanding

    report = check_paths([path], Config(style=style.lower()))
    for error in report.errors:
        _fail(error)
    click.echo(render_understanding(report.files[0]), nl=False)


@main.command("verify")
@click.argument("paths", nargs=-1, required=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help="Read settings from this file.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--strict", "verify_strict", is_flag=True, default=None, help="A reference that cannot be verified fails the run (exit 1).")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None, help="Where the cache lives [default: the user cache dir].")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
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
    for error in report.errors:
        click.echo(f"refcheck: error: {error}", err=True)
    click.echo("\n".join(render_verification(result) for result in report.files), nl=False)
    sys.exit(_verified_exit(report, config, announce=False))


@main.group()
def cache() -> None:
    """Manage the link cache."""


@cache.command("clear")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None, help="The cache folder [default: the user cache dir].")
def cache_clear(cache_dir) -> None:
    """Forget every cached link verdict and registry record."""
    from .net.cache import Cache, default_dir

    folder = cache_dir or default_dir()
    store = Cache(folder, warn=lambda m: click.echo(m, err=True))
    count = store.clear()
    store.close()
    click.echo(f"Cleared {count} cached link{'s' if count != 1 else ''} from {store.path}.")
    from .net.verify.cache import RecordCache

    records = RecordCache(folder, warn=lambda m: click.echo(m, err=True))
    cleared = records.clear_records()
    records.close()
    if cleared:
        click.echo(f"Cleared {cleared} cached registry record{'s' if cleared != 1 else ''} (--verify).")


@main.command()
@click.argument("code")
def rule(code) -> None:
    """Print one rule's documentation: refcheck rule RC103"""
    from .output.rules_doc import render_rule
    from .rules import REGISTRY

    module = REGISTRY.get(code.upper())
    if module is None:
        _fail(f"unknown rule {code!r} (see `refcheck rules`)")
    click.echo(render_rule(module), nl=False)


@main.command()
@click.option("--markdown", is_flag=True, help="Print the full rule reference as Markdown (docs/rules.md).")
def rules(markdown) -> None:
    """List the rules with their codes, names and default severities."""
    from .output.rules_doc import render_index, render_markdown

    click.echo(render_markdown() if markdown else render_index(), nl=False)
