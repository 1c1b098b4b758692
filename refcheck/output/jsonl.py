"""JSON Lines: one finding per line, the same object as in the JSON format's
``findings`` (docs/json.md), in report order; nothing else."""

from __future__ import annotations

import json

from ..findings import Report
from .escape import json_safe
from .json_format import finding_dict


def render(report: Report) -> str:
    return "".join(json_safe(json.dumps(finding_dict(f), ensure_ascii=False)) + "\n" for f in sorted(report.findings))
