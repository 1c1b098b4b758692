"""Errors that end a run (or one file's part of it) with exit status 2."""


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
