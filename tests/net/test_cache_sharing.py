"""The link cache under contention and with rows it did not write."""

from __future__ import annotations

import sqlite3
import time

import pytest

from refcheck.net.cache import Cache
from refcheck.net.status import LinkStatus


def test_a_locked_cache_is_waited_for_briefly_then_left_alone(tmp_path):
    first = Cache(str(tmp_path))
    first.put(LinkStatus("https://a.test/", "alive", 200))
    first.close()
    other = sqlite3.connect(str(tmp_path / "links.sqlite3"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another refcheck in the middle of a write
    other.execute("INSERT INTO links VALUES ('https://b.test/', 'dead', 404, NULL, 'HTTP 404', NULL, 1.0)")
    warnings: list[str] = []
    cache = Cache(str(tmp_path), warn=warnings.append, busy_timeout=0.2)
    assert cache.get("https://a.test/").status == "alive"  # WAL: reading goes on beside a writer
    began = time.monotonic()
    cache.put(LinkStatus("https://c.test/", "alive", 200))
    assert time.monotonic() - began < 2
    assert warnings == [(f"refcheck: warning: link cache {cache.path} is locked by another process (database is locked); "
                        "going on without it")]
    assert cache.get("https://a.test/") is None  # no cache for the rest of this run, and no second warning
    cache.put(LinkStatus("https://d.test/", "alive", 200))
    assert len(warnings) == 1
    other.execute("COMMIT")  # the other process's write survives: the file was not deleted under it
    rows = sorted(r[0] for r in other.execute("SELECT url FROM links"))
    assert rows == ["https://a.test/", "https://b.test/"]
    other.close()


def test_a_cache_locked_while_opening_is_not_deleted(tmp_path):
    path = tmp_path / "links.sqlite3"
    holder = sqlite3.connect(str(path), isolation_level=None)
    holder.execute("CREATE TABLE keep (x)")
    holder.execute("BEGIN EXCLUSIVE")  # rollback journal: nobody else may even read
    warnings: list[str] = []
    cache = Cache(str(tmp_path), warn=warnings.append, busy_timeout=0.2)
    assert cache.db is None and len(warnings) == 1 and "is locked by another process" in warnings[0]
    holder.execute("COMMIT")
    assert holder.execute("SELECT name FROM sqlite_master").fetchall() == [("keep",)]
    holder.close()


@pytest.mark.parametrize("row", [
    ("https://a.test/", "alive", 200, None, "", None, "yesterday"),
    ("https://a.test/", "alive", "two hundred", None, "", None, 1.0),
    ("https://a.test/", "alive", 2000, None, "", None, 1.0),
    ("https://a.test/", "gone", 200, None, "", None, 1.0),
    ("https://a.test/", "alive", 200, b"\x00", "", None, 1.0),
    ("https://a.test/", "alive", 200, None, "", b"title", 1.0),
])
def test_a_row_with_wrong_types_is_a_miss(tmp_path, row):
    Cache(str(tmp_path)).close()
    db = sqlite3.connect(str(tmp_path / "links.sqlite3"), isolation_level=None)
    db.execute("INSERT INTO links VALUES (?, ?, ?, ?, ?, ?, ?)", row)
    db.close()
    cache = Cache(str(tmp_path), clock=lambda: 2.0)
    assert cache.get("https://a.test/") is None
    cache.put(LinkStatus("https://a.test/", "alive", 200))  # and is replaced by a good one
    assert cache.get("https://a.test/").status == "alive"
    cache.close()


def test_a_database_of_another_shape_is_rebuilt(tmp_path):
    db = sqlite3.connect(str(tmp_path / "links.sqlite3"))
    db.execute("CREATE TABLE links (url TEXT, verdict TEXT)")
    db.commit()
    db.close()
    warnings: list[str] = []
    cache = Cache(str(tmp_path), warn=warnings.append)
    assert len(warnings) == 1 and "unexpected columns url, verdict" in warnings[0] and "rebuilding it" in warnings[0]
    cache.put(LinkStatus("https://a.test/", "alive", 200))
    assert cache.get("https://a.test/").status == "alive"
    cache.close()
