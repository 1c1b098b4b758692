"""--jobs: files read, extracted and checked in worker processes.

The parent decides which files and settings; workers return each file's
outcome in the order given, so the report is the same for any number of
jobs. Link probing and verification run once, in the parent, between a
"prepare" phase (read and extract) and the rules.
"""

from __future__ import annotations

import os
from typing import Any, NamedTuple

from .collect import collecting
from .errors import InputError, InternalError


class Task(NamedTuple):
    path: str
    config: int  # index into the run's table of settings


class Source(NamedTuple):
    """What was read, to tell later whether the file changed (--fix)."""

    size: int
    mtime_ns: int
    sha256: str
    data: bytes


class Outcome(NamedTuple):
    error: tuple[str, str] | None = None  # (path, problem) of an InputError (which does not pickle)
    result: Any = None  # a FileResult, or (Document, Extracted) after "prepare"
    source: Source | None = None


_STATE: dict[str, Any] = {}  # in a worker: the settings table (and link status, verdicts)


def _init(state: dict[str, Any]) -> None:
    _STATE.clear()
    _STATE.update(state)


def _init_worker(state: dict[str, Any]) -> None:
    """A worker leaves Ctrl-C to the parent, which stops the pool (no traceback per worker),
    and collects cycles when the parent does (a spawned worker starts with the collector on)."""
    import gc
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not state.get("collector", True):
        gc.disable()
    _init(state)


def _read(path: str, keep: bool, bib: tuple[str, ...]):
    with collecting():  # readers' libraries (XML trees, PDF objects) make reference cycles
        return _read_file(path, keep, bib)


def _read_file(path: str, keep: bool, bib: tuple[str, ...]):
    from .readers import read_source, read_stdin

    if path == "-":
        return read_stdin(bib=bib), None
    document, data = read_source(path, bib)
    if not keep:
        return document, None
    import hashlib

    info = os.stat(path)
    return document, Source(info.st_size, info.st_mtime_ns, hashlib.sha256(data).hexdigest(), data)


def _bib_sources(document) -> dict[str, str]:
    if document.structure is None:
        return {}
    from .readers.bibliography import bib_sources

    return bib_sources(document)


def _work(task: Task) -> Outcome:
    from . import api

    mode, keep = _STATE["mode"], _STATE["keep"]
    config = _STATE["table"][task.config]
    try:
        document, source = _read(task.path, keep, config.bib)
    except InputError as exc:
        return Outcome((exc.path, exc.problem))
    except Exception as exc:
        raise InternalError(api._name(task.path), exc) from exc
    sources = _bib_sources(document)
    extracted = api._guarded(document.path, api.extract, document, *((sources,) if sources else ()))
    if mode == "prepare":
        return Outcome(None, (document, extracted), source)
    return Outcome(None, api._guarded(document.path, api.check_document, document, config, None, extracted), source)


def _rules(item: tuple[Task, Outcome]) -> Outcome:
    from . import api

    task, prepared = item
    if prepared.error:
        return prepared
    document, extracted = prepared.result
    config = _STATE["table"][task.config]
    status = _STATE["status"]
    result = api._guarded(document.path, api.check_document, document, config, status, extracted, _STATE["verification"])
    if status is not None:  # this file's links only: the whole run's table need not travel back with every file
        from .net.urls import collect

        result.link_status = {url: status[url] for url in collect(extracted.references) if url in status}
    return Outcome(None, result, prepared.source)


def _map(function, items: list, jobs: int, state: dict[str, Any]) -> list:
    """``function`` over ``items`` in order: here when one job (or one item) will
    do, else in ``jobs`` processes. The standard input is read here, never in a worker."""
    jobs = min(jobs, len(items))
    if jobs <= 1 or any(getattr(item, "path", None) == "-" for item in items):
        saved = dict(_STATE)
        _init(state)
        try:
            return [function(item) for item in items]
        finally:
            _init(saved)
    import gc
    from concurrent.futures import ProcessPoolExecutor

    state = {**state, "collector": gc.isenabled()}
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(state,))
    try:
        chunk = max(1, min(16, len(items) // (jobs * 4)))
        done = list(pool.map(function, items, chunksize=chunk))
    except BaseException:  # an interrupt or a bug: drop the work not started, do not wait for it
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return done


def run_tasks(tasks: list[Task], table: list, jobs: int, mode: str, keep: bool) -> list[Outcome]:
    return _map(_work, tasks, jobs, {"mode": mode, "keep": keep, "table": table})


def run_rules(prepared: list[Outcome], tasks: list[Task], table: list, jobs: int, status, verification) -> list[Outcome]:
    items = list(zip(tasks, prepared))
    state = {"table": table, "status": status, "verification": verification}
    return _map(_rules, items, jobs, state)
