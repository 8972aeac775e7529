"""Turn command-line paths and ``corpus`` globs into the list of Sources.

Folders are walked for the configured extensions, skipping hidden folders,
what ``.gitignore`` files name and what ``exclude`` names; files named
explicitly are always read. Corpus articles are read and compared but never
reported on.
"""

from __future__ import annotations

import gc
import glob
import os
import stat as stat_module
from typing import Any

from newslint.config import Config
from newslint.errors import InputError
from newslint.records import FrozenRecord

STDIN = "-"


_set = object.__setattr__


class Source(FrozenRecord):
    """One article to read: its display path and whether it is reported on.

    Sources compare and sort by (path, is_target, stdin); ``stat`` is carried
    along but takes no part (a record, not a dataclass: see newslint.records).
    """

    __slots__ = ("path", "is_target", "stdin", "stat")  # noqa: RUF023 (field order)
    path: str
    is_target: bool
    #: Set only for standard input (the text is not on disk).
    stdin: bytes | None
    #: The file's stat when discovery took one (the fact cache reuses it).
    stat: os.stat_result | None

    def __init__(
        self,
        path: str,
        is_target: bool = True,
        stdin: bytes | None = None,
        stat: os.stat_result | None = None,
    ) -> None:
        _set(self, "path", path)
        _set(self, "is_target", is_target)
        _set(self, "stdin", stdin)
        _set(self, "stat", stat)

    def _compared(self) -> tuple[Any, ...]:
        return (self.path, self.is_target, self.stdin)

    def __lt__(self, other: Source) -> bool:
        return self._compared() < other._compared()

    def __repr__(self) -> str:
        return f"Source(path={self.path!r}, is_target={self.is_target!r}, stdin={self.stdin!r})"

    def with_text(self, data: bytes) -> Source:
        """This source with ``data`` as its text (a fixed standard input)."""
        return Source(self.path, self.is_target, data, self.stat)


def _display(path: str) -> str:
    return path if _is_normal(path) else os.path.normpath(path)


def _is_normal(path: str) -> bool:
    """True when ``os.path.normpath(path)`` is ``path`` itself, told cheaply
    (10,000 corpus paths): no empty, ``.`` or ``..`` part, no trailing slash.
    Anything unusual (a hidden name included) takes the slow way."""
    return (
        os.sep == "/"
        and bool(path)
        and not path.endswith("/")
        and "//" not in path
        and "/." not in path
        and not path.startswith(".")
    )


#: ``os.path.basename`` (a string split where "/" is the only separator).
_basename = (
    (lambda path: path.rpartition("/")[2])
    if os.sep == "/" and not os.altsep
    else os.path.basename
)


def _absolute(path: str) -> str:
    """``os.path.abspath(path)``, without the work for a path that is one."""
    return path if path.startswith("/") and _is_normal(path) else os.path.abspath(path)


class _Ignorer:
    """Applies ``exclude`` globs and every ``.gitignore`` met while walking.

    Paths are compared as absolute strings (no symlink resolution) and the
    ``.gitignore`` files that apply to a folder are looked up once per folder,
    so checking 10,000 corpus files costs string work, not file-system calls.
    """

    def __init__(self, config: Config) -> None:
        self.has_excludes = bool(config.exclude)
        # pathspec is imported only when there is something to match.
        self.exclude: Any = _spec(list(config.exclude)) if self.has_excludes else None
        self.bases = tuple(
            dict.fromkeys(
                os.path.abspath(b) + os.sep for b in (config.root, os.getcwd())
            )
        )
        self._chains: dict[str, tuple[tuple[str, object], ...]] = {}

    def _gitignore(self, folder: str) -> object | None:
        path = os.path.join(folder, ".gitignore")
        if not os.path.isfile(path):
            return None
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                lines = handle.read().splitlines()
        except OSError:
            return None
        return _spec(lines)

    def _chain(self, folder: str) -> tuple[tuple[str, object], ...]:
        """(folder + sep, spec) of every .gitignore from ``folder`` up to the repo root."""
        cached = self._chains.get(folder)
        if cached is not None:
            return cached
        spec = self._gitignore(folder)
        own = ((folder.rstrip(os.sep) + os.sep, spec),) if spec is not None else ()
        parent = os.path.dirname(folder)
        if os.path.exists(os.path.join(folder, ".git")) or parent == folder:
            chain = own
        else:
            chain = own + self._chain(parent)
        self._chains[folder] = chain
        return chain

    def excluded(self, path: str, is_dir: bool) -> bool:
        if path.startswith("/") and _is_normal(path):
            full = path
            folder = path[: path.rindex("/")] or "/"  # os.path.dirname, cheaply
        else:
            full = os.path.abspath(path)
            folder = os.path.dirname(full)
        if not self.has_excludes:
            chain = self._chains.get(folder)
            if chain == ():  # nothing to match (the usual case): no more work
                return False
        suffix = "/" if is_dir else ""
        if self.has_excludes:
            for base in self.bases:
                if full.startswith(base):
                    rel = full[len(base) :].replace(os.sep, "/")
                    if self.exclude.match_file(rel + suffix):
                        return True
            if self.exclude.match_file(os.path.basename(full) + suffix):
                return True
        for base, spec in self._chain(folder):
            rel = full[len(base) :].replace(os.sep, "/") + suffix
            if spec.match_file(rel):  # type: ignore[attr-defined]
                return True
        return False


def _spec(lines: list[str]) -> Any:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _walk(folder: str, config: Config, ignorer: _Ignorer) -> list[str]:
    found: list[str] = []
    extensions = tuple(e.lower() for e in config.extensions)
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and not ignorer.excluded(os.path.join(current, d), True)
        )
        for name in sorted(files):
            if name.lower().endswith(extensions):
                full = os.path.join(current, name)
                if not ignorer.excluded(full, False):
                    found.append(_display(full))
    return found


def discover(
    paths: list[str],
    config: Config,
    *,
    stdin_filename: str | None = None,
    corpus: tuple[str, ...] = (),
) -> list[Source]:
    """Sources for ``paths`` (targets) and ``corpus`` globs (references), sorted."""
    # Thousands of small acyclic objects: the cyclic collector would walk
    # them all again and again while they are built.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _discover(paths, config, stdin_filename, corpus)
    finally:
        if was_enabled:
            gc.enable()


def _discover(
    paths: list[str],
    config: Config,
    stdin_filename: str | None,
    corpus: tuple[str, ...],
) -> list[Source]:
    import sys

    ignorer = _Ignorer(config)
    targets: dict[str, Source] = {}
    for raw in paths or ["."]:
        if raw == STDIN:
            data = sys.stdin.buffer.read()
            name = stdin_filename or "stdin"
            targets[name] = Source(name, True, data)
            continue
        if not os.path.exists(raw):
            raise InputError(f"{raw}: no such file or directory")
        if os.path.isdir(raw):
            for path in _walk(raw, config, ignorer):
                targets.setdefault(path, Source(path))
        else:
            if not os.access(raw, os.R_OK):
                raise InputError(f"{raw}: permission denied")
            targets.setdefault(_display(raw), Source(_display(raw)))
    references: dict[str, Source] = {}
    target_real = {os.path.realpath(p) for p in targets}
    target_names = {os.path.basename(p) for p in targets}
    for pattern in corpus:
        for path, stat in _expand_corpus(pattern, config, ignorer):
            # realpath costs system calls: only for names that a target shares.
            if _basename(path) in target_names and (
                os.path.realpath(path) in target_real
            ):
                continue
            if path not in references:
                references[path] = Source(path, is_target=False, stat=stat)
    return sorted(targets.values()) + sorted(references.values())


def expand_corpus(
    pattern: str, config: Config, ignorer: _Ignorer | None = None
) -> list[str]:
    """Files matched by one corpus entry (a file, a folder or a glob)."""
    return [path for path, _ in _expand_corpus(pattern, config, ignorer)]


def _expand_corpus(
    pattern: str, config: Config, ignorer: _Ignorer | None = None
) -> list[tuple[str, os.stat_result | None]]:
    """``(path, stat or None)`` of the files one corpus entry matches; a glob's
    matches are told from folders by one ``stat`` each, kept for the cache."""
    ignorer = ignorer or _Ignorer(config)
    if os.path.isdir(pattern):
        return [(path, None) for path in _walk(pattern, config, ignorer)]
    if os.path.isfile(pattern):
        return [(_display(pattern), None)]
    matches = sorted(_glob(pattern))
    extensions = tuple(e.lower() for e in config.extensions)
    found: list[tuple[str, os.stat_result | None]] = []
    for match in matches:
        # Cheapest test first; a file that cannot be stat'ed is no file.
        if not match.lower().endswith(extensions) or ignorer.excluded(match, False):
            continue
        try:
            stat = os.stat(match)
        except (OSError, ValueError):
            continue
        if stat_module.S_ISREG(stat.st_mode):
            found.append((_display(match), stat))
    return found


def _glob(pattern: str) -> list[str]:
    """``glob.glob(pattern, recursive=True)``, with a faster walk for the
    usual corpus shape ``FOLDER/**/NAME`` (no wildcard in FOLDER, none but
    in NAME's own characters): one ``os.scandir`` per folder instead of
    glob's listing and joining. Same rules as glob: hidden names (a leading
    dot) are neither matched nor walked into, folder symlinks are followed,
    a folder that cannot be listed is skipped. Other patterns go to glob."""
    folder, _, name = pattern.rpartition("/")
    base, sep, last = folder.rpartition("/")
    if not (
        os.sep == "/"
        and sep
        and last == "**"
        and base
        and "//" not in pattern
        and not glob.has_magic(base)
        and name
        and not name.startswith(".")
        and "**" not in name
    ):
        return glob.glob(pattern, recursive=True)
    import fnmatch
    import re

    match = re.compile(fnmatch.translate(name)).match
    found: list[str] = []
    folders = [base]
    while folders:
        current = folders.pop()
        try:
            entries = os.scandir(current)
        except OSError:
            continue
        with entries:
            for entry in entries:
                entry_name = entry.name
                if entry_name.startswith("."):
                    continue
                if match(entry_name):
                    found.append(entry.path)
                try:
                    if entry.is_dir():
                        folders.append(entry.path)
                except OSError:
                    pass
    return found
