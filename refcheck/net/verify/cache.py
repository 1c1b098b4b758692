"""Registry answers in the shared SQLite cache (the link cache's file, its own table).

A found record is kept for weeks (metadata rarely changes); an absent one for
a day (a DOI registered tomorrow must not stay "not registered"); a failure is
never stored.
"""

from __future__ import annotations

import json
import sqlite3

from ..cache import Cache
from .work import Answer, Work

FOUND_TTL = 28 * 86400.0
ABSENT_TTL = 86400.0
SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    key TEXT PRIMARY KEY, state TEXT NOT NULL, works TEXT NOT NULL, checked_at REAL NOT NULL
)
"""


class RecordCache(Cache):
    def _open(self) -> sqlite3.Connection:
        db = super()._open()
        try:
            db.execute(SCHEMA)
            db.execute("SELECT count(*) FROM records").fetchone()
        except BaseException:
            db.close()
            raise
        return db

    def get_answer(self, key: str, source: str) -> Answer | None:
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT state, works, checked_at FROM records WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._failed(exc)
            return None
        if row is None:
            return None
        state, works, checked = row
        if self.clock() - checked > (FOUND_TTL if state == "found" else ABSENT_TTL):
            return None
        try:
            return Answer(source, state, tuple(Work.from_json(w) for w in json.loads(works)), cached=True)
        except (ValueError, TypeError):
            return None

    def put_answer(self, key: str, answer: Answer) -> None:
        if self.db is None or answer.state not in ("found", "absent") or answer.cached:
            return
        try:
            self.db.execute("INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?)",
                            (key, answer.state, json.dumps([w.as_json() for w in answer.works]), self.clock()))
        except sqlite3.Error as exc:
            self._failed(exc)

    def clear_records(self) -> int:
        if self.db is None:
            return 0
        count = self.db.execute("SELECT count(*) FROM records").fetchone()[0]
        self.db.execute("DELETE FROM records")
        return count
