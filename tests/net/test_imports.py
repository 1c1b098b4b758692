"""What the URL stage loads: httpx without its command-line client (rich, pygments)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
import refcheck.net.run
loaded = sorted(m for m in ("httpx._main", "rich", "pygments") if m in sys.modules)
import httpx._main  # still there for whoever wants it
print(loaded, "httpx" in sys.modules, callable(httpx._main.main))
"""


def test_the_link_stage_loads_httpx_but_not_its_cli_and_leaves_the_cli_importable():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["[]", "True", "True"]
