"""What a probe found out about one URL."""

from __future__ import annotations

from dataclasses import dataclass, field

STATUSES = ("alive", "dead", "error", "unverifiable", "redirected", "excluded")


@dataclass(frozen=True)
class LinkStatus:
    url: str  # the URL probed (clean)
    status: str  # one of STATUSES
    http_status: int | None = None
    final_url: str | None = None
    reason: str = ""
    elapsed_ms: int = 0
    chain: tuple[str, ...] = field(default=())
    title: str | None = None
    archive_url: str | None = None
    cached: bool = False

    def as_json(self, written: str) -> dict:
        return {
            "url": written,
            "probed_url": self.url,
            "status": self.status,
            "http_status": self.http_status,
            "final_url": self.final_url,
            "reason": self.reason or None,
            "elapsed_ms": self.elapsed_ms,
        }
