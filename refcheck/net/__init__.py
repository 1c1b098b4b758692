"""The URL stage: collect -> dedupe -> policy -> probe -> LinkStatus (cached).

Imported only when ``--links`` is used: httpx and sqlite load with it.

httpx's ``__init__`` imports its command-line client, ``httpx._main``, when it
can, and that pulls in rich, pygments and click's machinery (~40 ms, most of
importing httpx). refcheck never runs it: while httpx is first imported here,
that one module is marked as missing (httpx then defines a stub ``main``), and
the mark is taken away afterwards, so that ``import httpx._main`` still works
for anyone who wants it.
"""

from __future__ import annotations

import sys

if "httpx" not in sys.modules and "httpx._main" not in sys.modules:
    sys.modules["httpx._main"] = None  # type: ignore[assignment]  # import httpx._main -> ImportError
    try:
        import httpx  # noqa: F401
    finally:
        if sys.modules.get("httpx._main", ...) is None:
            del sys.modules["httpx._main"]
