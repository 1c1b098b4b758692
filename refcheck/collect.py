"""When Python's cycle collector runs.

Checking a document builds a million small objects (a 10,000-reference report)
and no reference cycles: the collector would find nothing, yet each of its
passes walks the young objects, and every object that lives is walked at least
once (about 0.05 s of a 1.1 s check). The command therefore turns the collector
off for its run (:func:`paused`). The stages that do make cycles turn it back
on for their own time (:func:`collecting`): reading a file (XML, DOCX and PDF
libraries build object graphs with parent links; an exception holds its frames)
and the network (asyncio tasks and futures, httpx): a link check of 500 URLs
leaves about 45,000 objects in cycles.

A program that imports refcheck keeps its own settings: only the command pauses
the collector. Turning it back on costs one walk of every object made while it
was off (0.06 s after a 10,000-reference check), which is why the program
(``refcheck.cli.run``) leaves it off until the process ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No automatic cycle collection inside; the caller's state restored after."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def collecting() -> Iterator[None]:
    """Automatic cycle collection inside, whatever the caller set; its state restored after."""
    was = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was:
            gc.disable()
