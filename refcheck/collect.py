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

Only the command turns the collector off: a program that imports refcheck and
has it on keeps its own settings throughout (and one that has it off gets it on
in those stages, as the command does). Turning it back on costs one walk of
every object made while it was off (0.06 s after a 10,000-reference check),
which is why the program (``refcheck.cli.run``) leaves it off until the process
ends. ``--jobs`` workers follow the parent.
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


# While the command turns the collector back on, it runs this rarely: once every
# 100,000 new objects rather than every 700. Each object then is walked about
# once, not at every turn (with the default thresholds, 2,000 small documents read
# one after another were 6% slower than with the collector on throughout).
THRESHOLDS = (100_000, 50, 100)


@contextmanager
def collecting() -> Iterator[None]:
    """Automatic cycle collection inside. When the caller had it on, nothing changes
    (its own thresholds); when it was off, it is on at :data:`THRESHOLDS`, then
    off again with the caller's thresholds back."""
    if gc.isenabled():
        yield
        return
    thresholds = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)
    gc.enable()
    try:
        yield
    finally:
        gc.disable()
        gc.set_threshold(*thresholds)
