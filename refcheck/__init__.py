"""refcheck: a reference-integrity checker for author-year documents.

The public API loads lazily so that ``import refcheck`` stays fast.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "Applicability",
    "Citation",
    "Config",
    "Document",
    "FileResult",
    "Finding",
    "Fix",
    "Reference",
    "Report",
    "Severity",
    "__version__",
    "check_paths",
    "check_text",
]

_LOCATIONS = {
    "Applicability": "findings",
    "Citation": "model",
    "Config": "config",
    "Document": "model",
    "FileResult": "findings",
    "Finding": "findings",
    "Fix": "findings",
    "Reference": "model",
    "Report": "findings",
    "Severity": "findings",
    "check_paths": "api",
    "check_text": "api",
}


def __getattr__(name: str):
    if name in _LOCATIONS:
        import importlib

        return getattr(importlib.import_module(f".{_LOCATIONS[name]}", __name__), name)
    raise AttributeError(f"module 'refcheck' has no attribute {name!r}")
