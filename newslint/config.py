"""Find, read and validate configuration (DESIGN section 3).

Config is looked up from the folder of the first path upwards: the first of
``newslint.toml``, ``.newslint.toml`` or a ``pyproject.toml`` holding a
``[tool.newslint]`` table wins. Keys are kebab-case. Every unknown key or bad
value is a ConfigError naming the file, the key and what is allowed. Codes
are checked later, against the registry, because plugins add codes.
"""

from __future__ import annotations

import os
import sys
from typing import Any, NamedTuple

from newslint.errors import ConfigError

CONFIG_FILES = ("newslint.toml", ".newslint.toml", "pyproject.toml")
DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt")
DEFAULT_CACHE_DIR = ".newslint_cache"


class Config(NamedTuple):
    """Validated settings; immutable and picklable so worker processes get a copy.

    A NamedTuple rather than a frozen dataclass: creating a dataclass costs
    about a millisecond at import, and the CLI starts on every commit."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    corpus: tuple[str, ...] = ()
    plugins: tuple[str, ...] = ()
    cache_dir: str = DEFAULT_CACHE_DIR
    #: ``{code or prefix: {option: value}}`` from ``[rules.CODE]`` tables.
    rules: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    #: ``[names]`` table: the house name list for NN rules.
    names: tuple[tuple[str, Any], ...] = ()
    #: ``[stories]`` table: grouping thresholds.
    stories: tuple[tuple[str, Any], ...] = ()
    #: ``[[house-rules]]``: declarative rules (each a tuple of key/value pairs).
    house_rules: tuple[tuple[tuple[str, Any], ...], ...] = ()
    baseline: str | None = None
    #: The file the config came from (None: defaults) and the folder that
    #: relative paths in it are resolved against.
    path: str | None = None
    root: str = "."

    def rule_options(self, code: str) -> dict[str, Any]:
        """Options for ``code``: family tables first, the exact code last."""
        merged: dict[str, Any] = {}
        for key, values in sorted(self.rules, key=lambda kv: len(kv[0])):
            if code.startswith(key):
                merged.update(dict(values))
        return merged

    @property
    def names_table(self) -> dict[str, Any]:
        return dict(self.names)

    @property
    def stories_table(self) -> dict[str, Any]:
        return dict(self.stories)

    @property
    def fingerprint(self) -> str:
        """Changes whenever a setting that can change facts or findings changes."""
        from newslint.hashing import blake2b

        data = repr((self.rules, self.names, self.stories, self.plugins))
        return blake2b(data.encode(), digest_size=8).hexdigest()

    def where(self) -> str:
        return self.path or "command line"


_LIST_KEYS = {
    "select",
    "ignore",
    "extend-select",
    "extend-ignore",
    "exclude",
    "extensions",
    "corpus",
    "plugins",
}
_TABLE_KEYS = {"per-file-ignores", "rules", "names", "stories"}
_OTHER_KEYS = {"cache-dir", "baseline", "house-rules"}
ALLOWED_KEYS = _LIST_KEYS | _TABLE_KEYS | _OTHER_KEYS


def _path_text(path: str | os.PathLike[str]) -> str:
    """``str(Path(path))`` without importing pathlib (~4 ms of every start):
    empty and "." parts dropped, "." for nothing."""
    text = os.fspath(path)
    if os.name != "posix":  # pragma: no cover - other separators, drive letters
        from pathlib import Path

        return str(Path(text))
    root = "//" if text.startswith("//") and not text.startswith("///") else ""
    root = root or ("/" if text.startswith("/") else "")
    parts = [part for part in text.split("/") if part and part != "."]
    return root + "/".join(parts) or "."


def _parent_text(path: str) -> str:
    """``str(Path(path).parent)`` for a ``_path_text`` result."""
    root = "//" if path.startswith("//") else "/" if path.startswith("/") else ""
    parts = path[len(root) :].split("/")
    if parts == [""]:
        return path  # the root itself
    return root + "/".join(parts[:-1]) or "."


def find_config_file(start: str) -> tuple[str, dict[str, Any]] | None:
    """Walk up from ``start`` to the first folder holding a config file."""
    folder = start if os.path.isdir(start) else os.path.dirname(start) or "."
    candidate = os.path.realpath(folder)
    while True:
        for name in CONFIG_FILES:
            path = os.path.join(candidate, name)
            if not os.path.isfile(path):
                continue
            if name == "pyproject.toml" and not _mentions_newslint(path):
                continue  # another tool's pyproject: not parsed at all
            data = read_toml(path)
            if name == "pyproject.toml":
                tool = data.get("tool", {})
                if not isinstance(tool, dict) or "newslint" not in tool:
                    continue
                table = tool["newslint"]
                if not isinstance(table, dict):
                    raise ConfigError(f"{path}: [tool.newslint] must be a table")
                return path, table
            return path, data
        parent = os.path.dirname(candidate)
        if parent == candidate:
            return None
        candidate = parent


def _mentions_newslint(path: str) -> bool:
    """Cheap pre-check before parsing a pyproject.toml (a read error is
    left for read_toml to report)."""
    try:
        with open(path, "rb") as handle:
            return b"newslint" in handle.read()
    except OSError:
        return True


def read_toml(path: str | os.PathLike[str]) -> dict[str, Any]:
    # Imported here: a run without a config file never pays for the parser.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path}: invalid TOML: not UTF-8 (byte {exc.start})"
        ) from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


def load_config(
    paths: list[str], *, config_file: str | None = None, isolated: bool = False
) -> Config:
    """The Config for a run: explicit file, discovered file, or defaults."""
    if isolated:
        return Config()
    if config_file:
        path = _path_text(config_file)
        if not os.path.isfile(path):
            raise ConfigError(f"{config_file}: config file not found")
        data = read_toml(path)
        if os.path.basename(path) == "pyproject.toml":
            data = data.get("tool", {}).get("newslint", {})
        return parse_config(data, path)
    first = next((p for p in paths if p != "-"), ".")
    start = first if os.path.exists(first) else "."
    found = find_config_file(start)
    if not found:
        return Config()
    return parse_config(found[1], found[0])


def _string_list(value: Any, path: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of strings, got {value!r}")
    return tuple(value)


def parse_config(data: dict[str, Any], path: str | os.PathLike[str]) -> Config:
    path = _path_text(path)
    """Validate a config table (top level of newslint.toml or [tool.newslint])."""
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in ALLOWED_KEYS:
            allowed = ", ".join(sorted(ALLOWED_KEYS))
            raise ConfigError(f"{path}: unknown key '{key}' (allowed: {allowed})")
        attr = key.replace("-", "_")
        if key in _LIST_KEYS:
            items = _string_list(value, path, key)
            if key in _CODE_LIST_KEYS:
                items = tuple(_check_code_shape(c, path, key) for c in items)
            if key == "extensions":
                items = tuple(e if e.startswith(".") else "." + e for e in items)
            values[attr] = items
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{path}: 'per-file-ignores' must be a table")
            values[attr] = tuple(
                (
                    glob,
                    tuple(
                        _check_code_shape(c, path, key)
                        for c in _string_list(codes, path, f"per-file-ignores.{glob}")
                    ),
                )
                for glob, codes in value.items()
            )
        elif key == "rules":
            if not isinstance(value, dict) or not all(
                isinstance(v, dict) for v in value.values()
            ):
                raise ConfigError(
                    f"{path}: 'rules' must hold one table per code, e.g. [rules.NN101]"
                )
            values[attr] = tuple(
                (_check_code_shape(code, path, "rules"), tuple(sorted(opts.items())))
                for code, opts in value.items()
            )
        elif key in ("names", "stories"):
            if not isinstance(value, dict):
                raise ConfigError(f"{path}: '{key}' must be a table")
            if key == "stories":
                _check_stories(value, path)
            values[attr] = tuple(sorted(value.items()))
        elif key == "house-rules":
            if not isinstance(value, list) or not all(
                isinstance(v, dict) for v in value
            ):
                raise ConfigError(
                    f"{path}: 'house-rules' must be an array of tables ([[house-rules]])"
                )
            values[attr] = tuple(tuple(sorted(v.items())) for v in value)
        elif key in ("cache-dir", "baseline"):
            if not isinstance(value, str):
                raise ConfigError(f"{path}: '{key}' must be a string, got {value!r}")
            values[attr] = value
    return Config(**values, path=path, root=_parent_text(path))


_CODE_LIST_KEYS = {"select", "ignore", "extend-select", "extend-ignore"}

#: ``[stories]`` keys: (type, minimum, maximum, what it is).
_STORIES_KEYS: dict[str, tuple[type, float, float, str]] = {
    "threshold": (float, 0.0, 1.0, "a number from 0 to 1"),
    "year-penalty": (float, 0.0, 1.0, "a number from 0 to 1"),
    "max-posting": (int, 2, 10**9, "a whole number of at least 2"),
}


def _check_stories(table: dict[str, Any], path: str) -> None:
    """Validate the ``[stories]`` grouping options (newslint/corpus.py)."""
    for key, value in table.items():
        if key not in _STORIES_KEYS:
            allowed = ", ".join(sorted(_STORIES_KEYS))
            raise ConfigError(
                f"{path}: unknown key 'stories.{key}' (allowed: {allowed})"
            )
        kind, low, high, what = _STORIES_KEYS[key]
        ok = not isinstance(value, bool) and (
            isinstance(value, int) if kind is int else isinstance(value, (int, float))
        )
        if not ok or not low <= value <= high:
            raise ConfigError(f"{path}: 'stories.{key}' must be {what}, got {value!r}")


def _check_code_shape(code: str, path: str, key: str) -> str:
    import re

    if code == "ALL" or re.fullmatch(r"[A-Z]{1,3}[0-9]{0,3}", code):
        return code
    raise ConfigError(
        f"{path}: '{key}' has {code!r}, which is not a rule code or prefix"
        " (like NB, NT1 or NN101)"
    )


def with_overrides(config: Config, **overrides: Any) -> Config:
    """A copy of ``config`` with command-line values applied (None = unset)."""
    changes = {k: v for k, v in overrides.items() if v is not None}
    return config._replace(**changes)


__all__ = [
    "Config",
    "find_config_file",
    "load_config",
    "parse_config",
    "with_overrides",
]
