"""Settings files: reading them (bounded, UTF-8 TOML), and finding the one for
each document (the nearest from its folder upwards, else the working directory's)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import Any

from .config import Config, from_mapping
from .errors import ConfigError


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


def _file_in(folder: str) -> tuple[str, Mapping[str, Any]] | None:
    """The settings file of ``folder``, and its refcheck table: refcheck.toml,
    else a pyproject.toml with [tool.refcheck]. A candidate that exists but
    cannot be read (a FIFO, a broken link, no permission) is an error, not
    silently skipped."""
    candidate = os.path.join(folder, "refcheck.toml")
    if os.path.lexists(candidate) and not os.path.isdir(candidate):
        return candidate, _load_toml(candidate)
    candidate = os.path.join(folder, "pyproject.toml")
    if os.path.lexists(candidate) and not os.path.isdir(candidate):
        table = _refcheck_table(_load_toml(candidate), candidate)
        if table is not None:
            return candidate, table
    return None


def discover(start: str = ".") -> Config:
    """The nearest refcheck.toml, or pyproject.toml with [tool.refcheck], from
    ``start`` upwards; defaults when there is none."""
    folder = os.path.abspath(start)
    while True:
        found = _file_in(folder)
        if found is not None:
            path, table = found
            return from_mapping(table, path) if path.endswith("pyproject.toml") else load(path)
        parent = os.path.dirname(folder)
        if parent == folder:
            return Config()
        folder = parent


class Finder:
    """Each document's settings: the nearest settings file from the document's
    folder upwards, else ``base`` (the working directory's, with the command
    line applied). The command-line options apply to every file found; lookups
    are cached per folder. ``notes`` collects the files' deprecation notes."""

    def __init__(self, base: Config) -> None:
        self.base = base
        self._folders: dict[str, Config] = {}
        self.notes: list[str] = list(base.notes)

    def for_path(self, path: str) -> Config:
        if path == "-":
            return self.base
        path = os.path.abspath(path)
        folder = path if os.path.isdir(path) else os.path.dirname(path)
        walked = []
        config = None
        while config is None:
            if folder in self._folders:
                config = self._folders[folder]
                break
            walked.append(folder)
            found = _file_in(folder)
            if found is not None:
                config = self._load(*found)
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
        config = config or self.base
        for name in walked:
            self._folders[name] = config
        return config

    def _load(self, path: str, table: Mapping[str, Any]) -> Config:
        if self.base.source and os.path.abspath(self.base.source) == path:
            return self.base
        config = from_mapping(table, path) if path.endswith("pyproject.toml") else load(path)
        self.notes.extend(n for n in config.notes if n not in self.notes)
        return config.with_options(**dict(self.base.overrides))
