"""A SQLite cache of link verdicts: URL -> status, final URL, title, checked-at.

Alive, redirected and dead verdicts are reused for a TTL; transient ones
(error, unverifiable) are never stored. WAL mode lets several refcheck
processes share the file; each write is one transaction. A file locked by
another process is waited for (``busy_timeout`` seconds), then the run goes on
without the cache and the file is left alone. Only a file SQLite calls corrupt
or "not a database" is reported and rebuilt; a row whose values have the wrong
types is a miss.
"""

from __future__ import annotations

import math
import os
import sqlite3
import time
from collections.abc import Callable

from .status import STATUSES, LinkStatus

CACHEABLE = ("alive", "redirected", "dead")
BUSY_TIMEOUT = 2.0
_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED (and their extended codes, masked)
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
COLUMNS = ("url", "status", "http_status", "final_url", "reason", "title", "checked_at")


class _WrongSchema(sqlite3.DatabaseError):
    """The file is a database, but not one this version wrote: rebuilt like a corrupt one."""
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
                 clock: Callable[[], float] = time.time, busy_timeout: float = BUSY_TIMEOUT) -> None:
        self.path = os.path.join(folder, "links.sqlite3")
        self.ttl = ttl
        self.warn = warn
        self.clock = clock
        self.busy_timeout = busy_timeout
        self.db: sqlite3.Connection | None = None
        try:
            os.makedirs(folder, exist_ok=True)
            self.db = self._open()
        except OSError as exc:
            self._disable(exc)
        except sqlite3.Error as exc:
            self._failed(exc)

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=self.busy_timeout, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(SCHEMA)
            columns = tuple(row[1] for row in db.execute("PRAGMA table_info(links)"))
            if columns != COLUMNS:
                raise _WrongSchema(f"unexpected columns {', '.join(columns)}")
            db.execute("SELECT count(*) FROM links").fetchone()
        except BaseException:
            db.close()
            raise
        return db

    def _failed(self, exc: sqlite3.Error) -> None:
        """Rebuild a corrupt file; for anything else (busy, read-only, full) go on without it."""
        if _kind(exc) == "corrupt":
            self._rebuild(exc)
        else:
            self._disable(exc)

    def _disable(self, exc: Exception) -> None:
        why = "is locked by another process" if _kind(exc) == "busy" else "cannot be used"
        self.warn(f"refcheck: warning: link cache {self.path} {why} ({exc}); going on without it")
        if self.db is not None:
            self.db.close()
        self.db = None

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
            self._failed(exc)
            return None
        if row is None or not _well_typed(row) or self.clock() - row[5] > self.ttl:
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
            self._failed(exc)

    def clear(self) -> int:
        if self.db is None:
            return 0
        try:
            count = self.db.execute("SELECT count(*) FROM links").fetchone()[0]
            self.db.execute("DELETE FROM links")
        except sqlite3.Error as exc:
            self._failed(exc)
            return 0
        return count

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


def _kind(exc: Exception) -> str:
    """"busy", "corrupt" or "other", from SQLite's error code (or its message before Python 3.11)."""
    if isinstance(exc, _WrongSchema):
        return "corrupt"
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        code &= 0xFF
        return "busy" if code in _BUSY_CODES else "corrupt" if code in _CORRUPT_CODES else "other"
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "busy"
    return "corrupt" if "malformed" in text or "not a database" in text else "other"


def _well_typed(row: tuple) -> bool:
    status, code, final, reason, title, checked = row
    return (
        status in STATUSES
        and (code is None or (type(code) is int and 100 <= code <= 999))
        and all(v is None or isinstance(v, str) for v in (final, reason, title))
        and type(checked) in (int, float) and math.isfinite(checked)
    )
