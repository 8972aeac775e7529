"""Turn command-line paths and ``corpus`` globs into the list of Sources.

Folders are walked for the configured extensions, skipping hidden folders,
what ``.gitignore`` files name and what ``exclude`` names; files named
explicitly are always read. Corpus articles are read and compared but never
reported on.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path

from newslint.config import Config
from newslint.errors import InputError

STDIN = "-"


@dataclass(frozen=True, order=True)
class Source:
    """One article to read: its display path and whether it is reported on."""

    path: str
    is_target: bool = True
    #: Set only for standard input (the text is not on disk).
    stdin: bytes | None = None


def _display(path: str) -> str:
    return os.path.normpath(path)


class _Ignorer:
    """Applies ``exclude`` globs and every ``.gitignore`` met while walking."""

    def __init__(self, config: Config) -> None:
        import pathspec

        self._pathspec = pathspec
        self.exclude = pathspec.GitIgnoreSpec.from_lines(config.exclude)
        self.root = Path(config.root).resolve()
        self._gitignores: dict[Path, object | None] = {}

    def _gitignore(self, folder: Path) -> object | None:
        if folder not in self._gitignores:
            path = folder / ".gitignore"
            spec = None
            if path.is_file():
                try:
                    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
                except OSError:
                    lines = []
                spec = self._pathspec.GitIgnoreSpec.from_lines(lines)
            self._gitignores[folder] = spec
        return self._gitignores[folder]

    def excluded(self, path: Path, is_dir: bool) -> bool:
        resolved = path.resolve()
        suffix = "/" if is_dir else ""
        for base in (self.root, Path.cwd().resolve()):
            try:
                rel = resolved.relative_to(base).as_posix()
            except ValueError:
                continue
            if self.exclude.match_file(rel + suffix):
                return True
        if self.exclude.match_file(path.name + suffix):
            return True
        for folder in resolved.parents:
            spec = self._gitignore(folder)
            if spec is not None:
                rel = resolved.relative_to(folder).as_posix() + suffix
                if spec.match_file(rel):  # type: ignore[attr-defined]
                    return True
            if (folder / ".git").exists():
                break
        return False


def _walk(folder: str, config: Config, ignorer: _Ignorer) -> list[str]:
    found: list[str] = []
    extensions = tuple(e.lower() for e in config.extensions)
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and not ignorer.excluded(Path(current, d), True)
        )
        for name in sorted(files):
            if name.lower().endswith(extensions):
                full = os.path.join(current, name)
                if not ignorer.excluded(Path(full), False):
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
    for pattern in corpus:
        for path in expand_corpus(pattern, config, ignorer):
            if os.path.realpath(path) not in target_real:
                references.setdefault(path, Source(path, is_target=False))
    return sorted(targets.values()) + sorted(references.values())


def expand_corpus(pattern: str, config: Config, ignorer: _Ignorer | None = None) -> list[str]:
    """Files matched by one corpus entry (a file, a folder or a glob)."""
    ignorer = ignorer or _Ignorer(config)
    if os.path.isdir(pattern):
        return _walk(pattern, config, ignorer)
    if os.path.isfile(pattern):
        return [_display(pattern)]
    matches = sorted(glob.glob(pattern, recursive=True))
    extensions = tuple(e.lower() for e in config.extensions)
    return [
        _display(m)
        for m in matches
        if os.path.isfile(m)
        and m.lower().endswith(extensions)
        and not ignorer.excluded(Path(m), False)
    ]
