"""Configuration: ``[tool.refcheck]`` in pyproject.toml, or refcheck.toml.

Validated once, up front; an unknown key, rule code or value is a
:class:`~refcheck.errors.ConfigError` (exit status 2).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any

from .errors import ConfigError
from .findings import Severity

STYLES = ("apa7", "apa6", "harvard", "chicago", "abnt", "auto")
# [tool.refcheck.links]: whether and how URLs and DOIs are probed
LINK_KEYS = ("enabled", "exclude", "allow-private", "user-agent", "cache-ttl", "concurrency", "host-concurrency",
             "url-deadline", "link-deadline")
# link settings that were once top-level keys: still read, with a deprecation note
MOVED = LINK_KEYS[2:]
KEYS = ("style", "select", "ignore", "severity", "fail-on", "links", "exclude", "extend-exclude", "per-file-ignores",
        "respect-gitignore", *MOVED, "verify", "verify-strict", "mailto", "crossref-url", "openalex-url", "datacite-url",
        "arxiv-url", "doi-url", "bib")
# folders a folder scan never enters unless `exclude` replaces this list (`extend-exclude` adds to it)
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "site-packages", "__pycache__",
                   ".tox", ".nox", "build", "dist", "_build")
# --verify's services: config key -> Config field (None: the service's public address)
SERVICE_URLS = ("crossref-url", "openalex-url", "datacite-url", "arxiv-url", "doi-url")


@dataclass(frozen=True)
class Config:
    style: str = "auto"
    select: tuple[str, ...] = ("RC",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    fail_on: Severity = Severity.ERROR
    links: bool = False  # probe URLs and DOIs (RC4xx)
    allow_private: bool = False
    exclude: tuple[str, ...] = ()  # regular expressions of URLs never probed
    user_agent: str | None = None
    cache_ttl: int = 86400  # seconds an alive, redirected or dead verdict is reused
    concurrency: int = 64
    host_concurrency: int = 10
    url_deadline: float | None = None  # seconds per URL: every hop, retry, wait and byte (None: 30)
    link_deadline: float | None = None  # seconds for the whole link phase (None: 300)
    verify: bool = False  # look references up in Crossref, OpenAlex, DataCite, arXiv (RC501-RC508)
    verify_strict: bool = False  # a reference that cannot be verified fails the run
    mailto: str | None = None  # the polite pool's contact (else REFCHECK_MAILTO)
    crossref_url: str | None = None
    openalex_url: str | None = None
    datacite_url: str | None = None
    arxiv_url: str | None = None
    doi_url: str | None = None  # doi.org's handle API
    bib: tuple[str, ...] = ()  # bibliography files (.bib, CSL-JSON, CSL-YAML) for documents that cite by key
    source: str | None = None  # the file it came from, for messages
    path_exclude: tuple[str, ...] = DEFAULT_EXCLUDE  # gitignore-style globs a folder scan skips (`exclude`)
    extend_exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, codes)
    respect_gitignore: bool = True
    root: str | None = field(default=None, compare=False)  # the folder globs are relative to (None: the working directory)
    origins: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), compare=False)  # key -> where it was set
    notes: tuple[str, ...] = field(default=(), compare=False)  # deprecation notes, one line each
    overrides: tuple[tuple[str, Any], ...] = field(default=(), compare=False)  # the command-line options applied

    def __reduce__(self):  # MappingProxyType does not pickle: --jobs sends configs to worker processes
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["severity"], values["origins"] = dict(self.severity), dict(self.origins)
        return (_rebuild, (values,))

    def enabled(self, code: str) -> bool:
        return any(code.startswith(p) for p in self.select) and not any(code.startswith(p) for p in self.ignore)

    def with_options(self, **options: Any) -> Config:
        """Apply command-line options (``None`` means not given)."""
        given = {k: v for k, v in options.items() if v is not None}
        raw = tuple(given.items())
        if "style" in given:
            given["style"] = _style(given["style"], "--style")
        for key in ("select", "ignore"):
            if key in given:
                given[key] = _codes(given[key], f"--{key}")
        if "fail_on" in given:
            given["fail_on"] = _severity(given["fail_on"], "--fail-on")
        if "exclude" in given:
            given["exclude"] = self.exclude + _patterns(list(given["exclude"]), "--exclude")
        if "bib" in given:
            given["bib"] = self.bib + tuple(given["bib"])
        for key in ("url_deadline", "link_deadline"):
            if key in given:
                given[key] = _seconds(given[key], f"--{key.replace('_', '-')}")
        if "extend_exclude" in given:
            given["extend_exclude"] = self.extend_exclude + tuple(given["extend_exclude"])
        origins = dict(self.origins)
        origins.update({_KEY_OF.get(k, k.replace("_", "-")): "command line" for k in given})
        return replace(self, **given, origins=MappingProxyType(origins), overrides=self.overrides + raw)

    def ignored_here(self, path: str) -> tuple[str, ...]:
        """The codes `per-file-ignores` turns off for ``path``."""
        if not self.per_file_ignores or path == "<stdin>":
            return ()
        from .paths import relative_to

        where = relative_to(path, self.root)
        if where is None:
            return ()
        return tuple(code for glob, codes in self.per_file_ignores if _glob(glob).match_file(where) for code in codes)


@functools.lru_cache(maxsize=256)
def _glob(pattern: str):
    """A compiled gitignore-style glob (pathspec loads only here)."""
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines([pattern])


def _rebuild(values: dict) -> Config:
    values["severity"], values["origins"] = MappingProxyType(values["severity"]), MappingProxyType(values["origins"])
    return Config(**values)


# Config field -> configuration key, where the key is not the field's name with dashes
_KEY_OF = {"exclude": "links.exclude", "links": "links.enabled", "path_exclude": "exclude", "extend_exclude": "extend-exclude",
           **{k.replace("-", "_"): f"links.{k}" for k in MOVED}}


def _seconds(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 86400:
        raise ConfigError(f"{where} must be a number of seconds above 0 (at most 86400)")
    return float(value)


def _known_codes() -> tuple[str, ...]:
    from .rules import REGISTRY

    return tuple(REGISTRY)


def _codes(value: Any, where: str) -> tuple[str, ...]:
    """Rule selectors: codes or prefixes (RC1, RC103), rule names
    (year-mismatch) or ALL; a string is split at commas and spaces, a list or
    tuple (repeated options) is taken item by item, each split the same way."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of rule codes, got {value!r}")
    from .rules import REGISTRY

    names = {module.NAME: code for code, module in REGISTRY.items()}
    codes = []
    for item in value:
        for word in (w for w in item.replace(" ", ",").split(",") if w.strip()):
            word = word.strip()
            if word.upper() == "ALL":
                codes.append("RC")
            elif word.lower() in names:
                codes.append(names[word.lower()])
            elif any(k.startswith(word.upper()) for k in REGISTRY):
                codes.append(word.upper())
            else:
                raise ConfigError(f"{where}: unknown rule code, prefix or name {word!r} (see `refcheck rules`)")
    return tuple(dict.fromkeys(codes))


def _style(value: Any, where: str) -> str:
    if not isinstance(value, str) or value.lower() not in STYLES:
        raise ConfigError(f"{where}: unknown style {value!r} (use one of {', '.join(STYLES)})")
    return value.lower()


def _severity(value: Any, where: str) -> Severity:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: expected error, warning or info, got {value!r}")
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def from_mapping(table: Mapping[str, Any], source: str) -> Config:
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError(f"{source}: unknown key {unknown[0]!r} in refcheck settings (known: {', '.join(KEYS)})")
    table, notes, spelled = _links_section(table, source)
    config = Config(source=source, root=os.path.dirname(os.path.abspath(source)), notes=notes)
    set_here = {}
    if "style" in table:
        config = replace(config, style=_style(table["style"], f"{source}: style"))
    for key in ("select", "ignore"):
        if key in table:
            config = replace(config, **{key: _codes(table[key], f"{source}: {key}")})
    if "severity" in table:
        levels = table["severity"]
        if not isinstance(levels, Mapping):
            raise ConfigError(f"{source}: severity must be a table of CODE = \"error|warning|info\"")
        known = _known_codes()
        parsed = {}
        for code, level in levels.items():
            if not isinstance(code, str) or code.upper() not in known:
                raise ConfigError(f"{source}: severity: unknown rule code {code!r}")
            parsed[code.upper()] = _severity(level, f"{source}: severity.{code}")
        config = replace(config, severity=MappingProxyType(parsed))
    if "fail-on" in table:
        config = replace(config, fail_on=_severity(table["fail-on"], f"{source}: fail-on"))
    for key, kind in (("links.enabled", bool), ("respect-gitignore", bool), ("links.allow-private", bool),
                      ("links.user-agent", str), ("links.cache-ttl", int), ("links.concurrency", int),
                      ("links.host-concurrency", int)):
        if key in table:
            value = table[key]
            if not isinstance(value, kind) or (kind is int and (isinstance(value, bool) or value < (0 if key.endswith("ttl") else 1))):
                raise ConfigError(f"{source}: {spelled.get(key, key)} must be {'true or false' if kind is bool else 'a string' if kind is str else 'a positive integer'}")
            if kind is str and not (value.isascii() and value.isprintable()):
                raise ConfigError(f"{source}: {spelled.get(key, key)} must be printable ASCII (it is sent as an HTTP header)")
            set_here[_field(key)] = value
    for key in ("links.url-deadline", "links.link-deadline"):
        if key in table:
            set_here[_field(key)] = _seconds(table[key], f"{source}: {spelled.get(key, key)}")
    if "links.exclude" in table:
        set_here["exclude"] = _patterns(table["links.exclude"], f"{source}: {spelled.get('links.exclude', 'links.exclude')}")
    for key in ("exclude", "extend-exclude"):
        if key in table:
            set_here[_field(key)] = _globs(table[key], f"{source}: {key}")
    if "per-file-ignores" in table:
        set_here["per_file_ignores"] = _per_file_ignores(table["per-file-ignores"], f"{source}: per-file-ignores")
    for key in ("verify", "verify-strict"):
        if key in table:
            if not isinstance(table[key], bool):
                raise ConfigError(f"{source}: {key} must be true or false")
            set_here[_field(key)] = table[key]
    if "mailto" in table:
        if not isinstance(table["mailto"], str) or "@" not in table["mailto"]:
            raise ConfigError(f"{source}: mailto must be an e-mail address")
        set_here["mailto"] = table["mailto"]
    if "bib" in table:
        set_here["bib"] = _bib_files(table["bib"], source)
    for key in SERVICE_URLS:
        if key in table:
            value = table[key]
            if not isinstance(value, str) or not value.startswith(("http://", "https://")):
                raise ConfigError(f"{source}: {key} must be an http:// or https:// URL")
            set_here[_field(key)] = value
    config = replace(config, **set_here)
    return replace(config, origins=MappingProxyType({key: source for key in table}))


def _field(key: str) -> str:
    """The Config field of a configuration key (``links.allow-private`` -> ``allow_private``)."""
    if key == "links.enabled":
        return "links"
    if key == "exclude":
        return "path_exclude"
    return key.removeprefix("links.").replace("-", "_")


def _links_section(table: Mapping[str, Any], source: str) -> tuple[dict[str, Any], tuple[str, ...], dict[str, str]]:
    """Flatten ``[links]`` into ``links.KEY`` entries. ``links = true`` is short
    for ``links.enabled``; the link settings that were top-level keys (and a
    top-level ``exclude`` of URL patterns) still count, with a note."""
    flat = {k: v for k, v in table.items() if k != "links"}
    notes = []
    links = table.get("links")
    if isinstance(links, Mapping):
        unknown = sorted(set(links) - set(LINK_KEYS))
        if unknown:
            raise ConfigError(f"{source}: unknown key {unknown[0]!r} in [links] (known: {', '.join(LINK_KEYS)})")
        flat.update({f"links.{k}": v for k, v in links.items()})
    elif links is not None:
        if not isinstance(links, bool):
            raise ConfigError(f"{source}: links must be true or false (or a [links] table)")
        flat["links.enabled"] = links
    moved = [k for k in MOVED if k in flat]
    if _url_patterns(flat.get("exclude")):
        moved.insert(0, "exclude")
    for key in moved:
        if f"links.{key}" in flat:
            raise ConfigError(f"{source}: {key} is set both at the top level and in [links]; keep the [links] one")
        flat[f"links.{key}"] = flat.pop(key)
    spelled = {f"links.{key}": key for key in moved}
    if moved:
        notes.append(f"{source}: {', '.join(moved)} belong{'s' if len(moved) == 1 else ''} in the [links] section now "
                     f"(read from the top level for now; this will stop working)")
    return flat, tuple(notes), spelled


def _url_patterns(value: Any) -> bool:
    """A top-level ``exclude`` written for URLs, as before [links] existed: an
    entry with a scheme (``://``, ``http``) or a regular expression's ``^``."""
    return isinstance(value, list) and any(isinstance(v, str) and ("://" in v or v.startswith(("^", "http"))) for v in value)


def _globs(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: expected a list of path globs (gitignore syntax)")
    return tuple(value)


def _per_file_ignores(value: Any, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where} must be a table of \"GLOB\" = [\"CODE\", ...]")
    return tuple((glob, _codes(codes, f"{where}: {glob}")) for glob, codes in value.items())


def _bib_files(value: Any, source: str) -> tuple[str, ...]:
    """``bib = "refs.bib"`` or a list of files, relative to the configuration file."""
    files = [value] if isinstance(value, str) else value
    if not isinstance(files, list) or not all(isinstance(v, str) and v.strip() for v in files):
        raise ConfigError(f"{source}: bib must be a file name or a list of file names")
    base = os.path.dirname(source) if os.path.isfile(source) else ""
    return tuple(os.path.normpath(os.path.join(base, os.path.expanduser(v))) for v in files)


def _patterns(value: Any, where: str) -> tuple[str, ...]:
    import re

    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of regular expressions")
    for pattern in value:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(f"{where}: invalid regular expression {pattern!r}: {exc}") from None
    return tuple(value)


def __getattr__(name: str):
    """Reading settings files lives in :mod:`.discovery`; its names stay importable from here."""
    if name in ("load", "discover", "Finder"):
        from . import discovery

        return getattr(discovery, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
