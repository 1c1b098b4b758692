"""Folder scans: which files a folder stands for.

Depth first, in sorted order, without recursion (a folder tree may be deeper
than Python's stack) and without following symlinked folders. Hidden names,
unsupported suffixes, the ``exclude`` / ``extend-exclude`` globs and what
.gitignore files ignore are skipped; pathspec loads only here.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from ..errors import InputError
from ..paths import relative_to
from .files import problem, read_regular

_GITIGNORE_LIMIT = 1024 * 1024


class _Ignores:
    """The .gitignore files that apply under a folder: (folder, spec), outermost first."""

    def __init__(self, notes: list[str]) -> None:
        self.notes = notes

    def read(self, folder: str):
        path = os.path.join(folder, ".gitignore")
        if not os.path.isfile(path):
            return None
        from pathspec import GitIgnoreSpec

        try:
            lines = read_regular(path, _GITIGNORE_LIMIT).decode("utf-8", "replace").splitlines()
        except InputError as exc:
            self.notes.append(f"{path}: not read ({exc.problem}); its patterns are not applied")
            return None
        return (folder, GitIgnoreSpec.from_lines(lines))

    def outer(self, top: str) -> list:
        """The .gitignore files above ``top``, up to the repository's root (a folder with .git)."""
        found = []
        folder = os.path.dirname(os.path.abspath(top))
        if os.path.exists(os.path.join(os.path.abspath(top), ".git")):
            return found
        while True:
            spec = self.read(folder)
            if spec:
                found.insert(0, spec)
            parent = os.path.dirname(folder)
            if os.path.exists(os.path.join(folder, ".git")) or parent == folder:
                return found
            folder = parent


def ignored(specs: list, path: str, is_dir: bool) -> bool:
    """Whether the innermost .gitignore with a say on ``path`` ignores it."""
    for folder, spec in reversed(specs):
        where = os.path.relpath(os.path.abspath(path), os.path.abspath(folder)).replace(os.sep, "/")
        result = spec.check_file(where + "/" if is_dir else where)
        if result.include is not None:
            return result.include
    return False


def excluder(config, top: str) -> Callable[[str, bool], bool]:
    """``excluded(path, is_dir)`` for the config's exclude and extend-exclude globs,
    matched against the path relative to the config's folder (else to ``top``)."""
    globs = tuple(config.path_exclude) + tuple(config.extend_exclude) if config else ()
    if not globs:
        return lambda path, is_dir: False
    from pathspec import GitIgnoreSpec

    spec = GitIgnoreSpec.from_lines(globs)
    root = config.root

    def excluded(path: str, is_dir: bool) -> bool:
        where = relative_to(path, root) or relative_to(path, top) or os.path.basename(path)
        return spec.match_file(where + "/" if is_dir else where)

    return excluded


def walk(top: str, errors: list[str], notes: list[str], wanted: Callable[[str], bool], config=None) -> list[str]:
    """The files under ``top`` whose names ``wanted`` accepts, in sorted order."""
    found: list[str] = []
    excluded = excluder(config, top)
    gitignore = _Ignores(notes) if config is None or config.respect_gitignore else None
    outer = gitignore.outer(top) if gitignore else []
    stack = [(top, outer)]
    while stack:
        folder, specs = stack.pop()
        if gitignore:
            own = gitignore.read(folder)
            specs = specs + [own] if own else specs
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as exc:
            errors.append(InputError(folder, f"cannot read this folder: {problem(exc)}"))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            is_dir = _is_folder(entry)
            if excluded(entry.path, is_dir) or (specs and ignored(specs, entry.path, is_dir)):
                continue
            if not is_dir:  # files, and links that lead nowhere (read, and reported, if supported)
                if wanted(entry.name):
                    found.append(entry.path)
            elif entry.is_symlink():
                notes.append(f"{entry.path}: symbolic link to a folder, not followed (name it to check it)")
            else:
                subfolders.append((entry.path, specs))
        stack.extend(reversed(subfolders))
    return found


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a symlink loop, a permission problem: reported when read
        return False
