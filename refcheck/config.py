"""Configuration: ``[tool.refcheck]`` in pyproject.toml, or refcheck.toml.

Validated once, up front; an unknown key, rule code or value is a
:class:`~refcheck.errors.ConfigError` (exit status 2).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from .errors import ConfigError
from .findings import Severity

STYLES = ("apa7", "apa6", "harvard", "chicago", "abnt", "auto")
KEYS = ("style", "select", "ignore", "severity", "fail-on", "links", "allow-private", "exclude", "user-agent",
        "cache-ttl", "concurrency", "host-concurrency", "url-deadline", "link-deadline", "verify", "verify-strict", "mailto", "crossref-url",
        "openalex-url", "datacite-url", "arxiv-url", "doi-url", "bib")
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

    def enabled(self, code: str) -> bool:
        return any(code.startswith(p) for p in self.select) and not any(code.startswith(p) for p in self.ignore)

    def with_options(self, **options: Any) -> Config:
        """Apply command-line options (``None`` means not given)."""
        given = {k: v for k, v in options.items() if v is not None}
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
        return replace(self, **given)


def _seconds(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 86400:
        raise ConfigError(f"{where} must be a number of seconds above 0 (at most 86400)")
    return float(value)


def _known_codes() -> tuple[str, ...]:
    from .rules import REGISTRY

    return tuple(REGISTRY)


def _codes(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.replace(" ", ",").split(",") if v]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of rule codes, got {value!r}")
    codes = tuple(v.strip().upper() for v in value)
    known = _known_codes()
    for code in codes:
        if not any(k.startswith(code) for k in known):
            raise ConfigError(f"{where}: unknown rule code or prefix {code!r} (see `refcheck rules`)")
    return codes


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
    config = Config(source=source)
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
    for key, kind in (("links", bool), ("allow-private", bool), ("user-agent", str), ("cache-ttl", int),
                      ("concurrency", int), ("host-concurrency", int)):
        if key in table:
            value = table[key]
            if not isinstance(value, kind) or (kind is int and (isinstance(value, bool) or value < (0 if key == "cache-ttl" else 1))):
                raise ConfigError(f"{source}: {key} must be {'true or false' if kind is bool else 'a string' if kind is str else 'a positive integer'}")
            if kind is str and not (value.isascii() and value.isprintable()):
                raise ConfigError(f"{source}: {key} must be printable ASCII (it is sent as an HTTP header)")
            config = replace(config, **{key.replace("-", "_"): value})
    for key in ("url-deadline", "link-deadline"):
        if key in table:
            config = replace(config, **{key.replace("-", "_"): _seconds(table[key], f"{source}: {key}")})
    if "exclude" in table:
        config = replace(config, exclude=_patterns(table["exclude"], f"{source}: exclude"))
    for key in ("verify", "verify-strict"):
        if key in table:
            if not isinstance(table[key], bool):
                raise ConfigError(f"{source}: {key} must be true or false")
            config = replace(config, **{key.replace("-", "_"): table[key]})
    if "mailto" in table:
        if not isinstance(table["mailto"], str) or "@" not in table["mailto"]:
            raise ConfigError(f"{source}: mailto must be an e-mail address")
        config = replace(config, mailto=table["mailto"])
    if "bib" in table:
        config = replace(config, bib=_bib_files(table["bib"], source))
    for key in SERVICE_URLS:
        if key in table:
            value = table[key]
            if not isinstance(value, str) or not value.startswith(("http://", "https://")):
                raise ConfigError(f"{source}: {key} must be an http:// or https:// URL")
            config = replace(config, **{key.replace("-", "_"): value})
    return config


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


def _load_toml(path: str) -> dict[str, Any]:
    """Parse a TOML file: a regular file (never a FIFO), bounded, UTF-8."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    from .errors import InputError
    from .readers.files import read_regular

    try:
        text = read_regular(path).decode("utf-8")
        return tomllib.loads(text)
    except InputError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.problem}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start + 1}): TOML files are UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:  # the parser recurses into arrays and inline tables
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nested too deeply") from None


def _table(data: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where} must be a table, not {_type(value)}")
    return value


def _type(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "an array"}
    return names.get(type(value), f"a {type(value).__name__}")


def _refcheck_table(data: Mapping[str, Any], path: str) -> Mapping[str, Any] | None:
    """``[tool.refcheck]`` of ``data`` (None when there is none), type-checked."""
    tool = _table(data, "tool", f"{path}: [tool]")
    if "refcheck" not in tool:
        return None
    return _table(tool, "refcheck", f"{path}: [tool.refcheck]")


def load(path: str) -> Config:
    """Load an explicit configuration file."""
    data = _load_toml(path)
    if os.path.basename(path) == "pyproject.toml" or "tool" in data:
        table = _refcheck_table(data, path) or {}
    else:
        table = data
    return from_mapping(table, path)


def discover(start: str = ".") -> Config:
    """The nearest refcheck.toml, or pyproject.toml with [tool.refcheck], from
    ``start`` upwards; defaults when there is none. A candidate that exists but
    cannot be read (a FIFO, a broken link, no permission) is an error, not
    silently skipped."""
    folder = os.path.abspath(start)
    while True:
        candidate = os.path.join(folder, "refcheck.toml")
        if os.path.lexists(candidate) and not os.path.isdir(candidate):
            return load(candidate)
        candidate = os.path.join(folder, "pyproject.toml")
        if os.path.lexists(candidate) and not os.path.isdir(candidate):
            table = _refcheck_table(_load_toml(candidate), candidate)
            if table is not None:
                return from_mapping(table, candidate)
        parent = os.path.dirname(folder)
        if parent == folder:
            return Config()
        folder = parent
