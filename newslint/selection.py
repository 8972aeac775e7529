"""Which rules run on which file: select/ignore with ruff's prefix semantics.

``select`` (or the rules enabled by default when it is empty) is the base set;
``extend-select`` adds; ``ignore`` and ``extend-ignore`` remove. Between a
selector and an ignore that both match a code, the longer (more specific)
prefix wins, as in ruff (an ignore wins a tie); ``ALL`` is the empty prefix. Explicitly selecting a
rule that is off by default turns it on; a family prefix does not, except
when it is exactly the rule's code.
"""

from __future__ import annotations

import fnmatch
from typing import NamedTuple

from newslint.config import Config
from newslint.errors import ConfigError, UsageError
from newslint.plugins import RuleRegistry


def _specificity(selector: str) -> int:
    return 0 if selector == "ALL" else len(selector)


def _best(code: str, selectors: tuple[str, ...]) -> int:
    """Length of the longest selector matching code, or -1."""
    best = -1
    for selector in selectors:
        if selector == "ALL" or code.startswith(selector):
            best = max(best, _specificity(selector))
    return best


class Selection(NamedTuple):
    """The enabled codes, plus per-file ignores to apply to findings.

    A NamedTuple (immutable, picklable for workers), not a dataclass: cheaper
    to create at start-up."""

    enabled: tuple[str, ...]
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: The config file's folder: patterns are relative to it, whatever the cwd.
    root: str = ""

    def ignored_for(self, path: str, code: str) -> bool:
        if not self.per_file_ignores:
            return False
        candidates = {path.replace("\\", "/")}
        if self.root:
            import os

            rel = os.path.relpath(os.path.abspath(path), os.path.abspath(self.root))
            if not rel.startswith(".."):
                candidates.add(rel.replace("\\", "/"))
        for pattern, codes in self.per_file_ignores:
            if any(c == "ALL" or code.startswith(c) for c in codes) and any(
                _path_matches(candidate, pattern) for candidate in candidates
            ):
                return True
        return False


def _path_matches(path: str, pattern: str) -> bool:
    pattern = pattern.replace("\\", "/")
    while pattern.startswith("./"):
        pattern = pattern[2:]
    while path.startswith("./"):
        path = path[2:]
    if fnmatch.fnmatch(path, pattern):
        return True
    # Patterns without a folder also match the file name at any depth.
    if "/" not in pattern:
        return fnmatch.fnmatch(path.rsplit("/", 1)[-1], pattern)
    return fnmatch.fnmatch(path, "*/" + pattern.lstrip("./"))


def resolve(registry: RuleRegistry, config: Config, *, source: str = "") -> Selection:
    """Validate every selector against the registry and compute enabled codes."""
    where = source or config.where()
    for key, values in (
        ("select", config.select),
        ("ignore", config.ignore),
        ("extend-select", config.extend_select),
        ("extend-ignore", config.extend_ignore),
        *((f"per-file-ignores '{g}'", codes) for g, codes in config.per_file_ignores),
    ):
        for selector in values:
            if not registry.is_known_selector(selector):
                error = UsageError if source == "command line" else ConfigError
                raise error(
                    f"{where}: unknown rule code or prefix {selector!r} in {key}"
                    " (see 'newslint rules')"
                )
    enabled = []
    for code in registry.codes():
        rule = registry.get(code)
        if config.select:
            chosen = _best(code, config.select)
            if chosen >= 0 and not rule.enabled_by_default and chosen < len(code):
                chosen = -1
        else:
            chosen = 0 if rule.enabled_by_default else -1
        extra = _best(code, config.extend_select)
        if extra >= 0 and (rule.enabled_by_default or extra == len(code)):
            chosen = max(chosen, extra)
        ignored = max(_best(code, config.ignore), _best(code, config.extend_ignore))
        if chosen >= 0 and chosen > ignored:
            enabled.append(code)
    return Selection(tuple(enabled), config.per_file_ignores, config.root)
