"""Errors that end a run (or one file's part of it) with exit status 2, and
the wrapper that names the file an unexpected exception happened in (exit 3)."""


class RefcheckError(Exception):
    """A problem the user can fix: bad input, bad configuration, bad usage."""


class InputError(RefcheckError):
    """A document that cannot be read: the message names the file."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ConfigError(RefcheckError):
    """An invalid configuration file or option."""


class InternalError(Exception):
    """An unexpected exception (a bug) while checking ``path``; the cause is
    chained as ``__cause__``. The command line ends with exit status 3."""

    def __init__(self, path: str, cause: BaseException) -> None:
        super().__init__(f"{path}: {type(cause).__name__}: {cause}")
        self.path = path
        self.cause = cause
