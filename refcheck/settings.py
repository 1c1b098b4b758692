"""`refcheck config`: the settings a file is checked with, and where each came from."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping

from .config import KEYS, LINK_KEYS, MOVED, SERVICE_URLS, Config, _field

# The keys in the order shown: [links] and the deprecated top-level spellings folded in.
SHOWN = tuple(k for k in KEYS if k != "links" and k not in MOVED) + tuple(f"links.{k}" for k in LINK_KEYS)
_UNSET = {"links.user-agent": "Mozilla/5.0 (compatible; refcheck/VERSION; +project URL)", "links.url-deadline": "30",
          "links.link-deadline": "300", "mailto": "REFCHECK_MAILTO, or none", **{k: "the public service" for k in SERVICE_URLS}}


def _toml(value) -> str:
    if hasattr(value, "label"):  # a Severity
        return json.dumps(value.label)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }" if value else "{}"
    if isinstance(value, tuple) and value and all(isinstance(v, tuple) for v in value):  # per-file-ignores
        return "{ " + ", ".join(f"{json.dumps(glob)} = {_toml(codes)}" for glob, codes in value) + " }"
    return "[" + ", ".join(_toml(v) for v in value) + "]"


def describe(config: Config, path: str) -> str:
    """``key = value  # origin`` for every setting ``path`` is checked with."""
    origin_of = dict(config.origins)
    rows = []
    for key in SHOWN:
        value = getattr(config, _field(key))
        shown = _toml(value) if value is not None else f"# not set: {_UNSET.get(key, 'none')}"
        rows.append((key, shown, origin_path(origin_of.get(key, "default"))))
    width = min(48, max(len(f"{k} = {v}") for k, v, _ in rows))
    source = origin_path(config.source) if config.source else "no settings file (defaults)"
    lines = [f"# settings for {path}", f"# from {source}"]
    for key, shown, origin in rows:
        text = f"{key} = {shown}" if not shown.startswith("#") else f"# {key} {shown[2:]}"
        lines.append(f"{text.ljust(width)}  # {origin}")
    return "\n".join(lines) + "\n"


def origin_path(origin: str) -> str:
    """An origin as shown: a settings file relative to the working directory."""
    return os.path.relpath(origin) if os.path.isabs(origin) else origin
