"""A SQLite cache of link verdicts: URL -> status, final URL, title, checked-at.

Alive, redirected and dead verdicts are reused for a TTL; transient ones
(error, unverifiable) are never stored. WAL mode lets several refcheck
processes share the file; each write is one transaction. A corrupt or
unreadable file is reported once and rebuilt.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable

from .status import LinkStatus

CACHEABLE = ("alive", "redirected", "dead")
SCHEMA = """
CREATE TABLE IF NOT EXISTS links (
    url TEXT PRIMARY KEY, status TEXT NOT NULL, http_status INTEGER, final_url TEXT,
    reason TEXT, title TEXT, checked_at REAL NOT NULL
)
"""


def default_dir() -> str:
    from platformdirs import user_cache_dir

    return user_cache_dir("refcheck", appauthor=False)


class Cache:
    def __init__(self, folder: str, ttl: float = 86400.0, warn: Callable[[str], None] = lambda m: None,
                 clock: Callable[[], float] = time.time) -> None:
        self.path = os.path.join(folder, "links.sqlite3")
        self.ttl = ttl
        self.warn = warn
        self.clock = clock
        self.db: sqlite3.Connection | None = None
        try:
            os.makedirs(folder, exist_ok=True)
            self.db = self._open()
        except (sqlite3.Error, OSError) as exc:
            self._rebuild(exc)

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute(SCHEMA)
        db.execute("SELECT count(*) FROM links").fetchone()
        return db

    def _rebuild(self, exc: Exception) -> None:
        self.warn(f"refcheck: warning: link cache {self.path} is unreadable ({exc}); rebuilding it")
        if self.db is not None:
            self.db.close()
        self.db = None
        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(self.path + suffix)
            except OSError:
                pass
        try:
            self.db = self._open()
        except (sqlite3.Error, OSError) as again:
            self.warn(f"refcheck: warning: link cache disabled ({again})")
            self.db = None

    def get(self, url: str) -> LinkStatus | None:
        if self.db is None:
            return None
        try:
            row = self.db.execute(
                "SELECT status, http_status, final_url, reason, title, checked_at FROM links WHERE url = ?", (url,)
            ).fetchone()
        except sqlite3.Error as exc:
            self._rebuild(exc)
            return None
        if row is None or self.clock() - row[5] > self.ttl:
            return None
        status, code, final, reason, title, _ = row
        return LinkStatus(url, status, code, final, reason or "", 0, (), title, cached=True)

    def put(self, status: LinkStatus) -> None:
        if self.db is None or status.status not in CACHEABLE or status.cached:
            return
        try:
            self.db.execute(
                "INSERT OR REPLACE INTO links VALUES (?, ?, ?, ?, ?, ?, ?)",
                (status.url, status.status, status.http_status, status.final_url, status.reason, status.title, self.clock()),
            )
        except sqlite3.Error as exc:
            self._rebuild(exc)

    def clear(self) -> int:
        if self.db is None:
            return 0
        count = self.db.execute("SELECT count(*) FROM links").fetchone()[0]
        self.db.execute("DELETE FROM links")
        return count

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
