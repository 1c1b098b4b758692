"""Bounded reads of regular files and streams; the one place refcheck opens input.

A document given by a stranger may be a FIFO (which blocks an open or a read
forever), a symlink to /dev/zero (which never ends) or a huge stream. Only
regular files are read, and no read takes more than ``limit`` bytes.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

from ..errors import InputError

MAX_BYTES = 256 * 1024 * 1024  # the largest document, file or standard input
_CHUNK = 1024 * 1024
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind(mode: int) -> str:
    """What a non-regular file is, for messages."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "a special file"


def problem(exc: OSError) -> str:
    """An OSError in words, naming symlink loops and broken links."""
    if exc.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    if exc.errno == errno.ENOENT:
        if exc.filename and os.path.islink(exc.filename):
            return "broken symbolic link (its target does not exist)"
        return "no such file or directory"
    return exc.strerror.lower() if exc.strerror else str(exc)


def read_regular(path: str, limit: int | None = None) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Anything but a regular file is refused before it is opened (opening a
    device can have effects of its own), and again after: the file is opened
    without blocking (a FIFO swapped in opens at once) and checked with fstat
    on the open descriptor. Raises :class:`InputError` with a one-line problem.
    """
    limit = MAX_BYTES if limit is None else limit
    try:
        _check_regular(path, os.stat(path).st_mode)
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        raise InputError(path, problem(exc)) from None
    try:
        info = os.fstat(fd)
        _check_regular(path, info.st_mode)
        if info.st_size > limit:
            raise InputError(path, f"file too large ({info.st_size} bytes; the limit is {limit})")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return read_stream(path, handle, limit)
    except OSError as exc:
        raise InputError(path, problem(exc)) from None
    finally:
        os.close(fd)


def _check_regular(path: str, mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise InputError(path, f"{kind(mode)}, not a regular file; only regular files are read")


def read_stream(path: str, stream: BinaryIO, limit: int | None = None) -> bytes:
    """At most ``limit`` bytes of ``stream``; more is an :class:`InputError`
    (at most ``limit + 1`` bytes are ever read)."""
    limit = MAX_BYTES if limit is None else limit
    chunks = []
    left = limit + 1
    while left > 0:
        chunk = stream.read(min(_CHUNK, left))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    if left <= 0:
        raise InputError(path, f"too large (more than {limit} bytes, the limit)")
    return b"".join(chunks)
