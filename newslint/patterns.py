"""Regular expressions compiled on first use.

Compiling is the largest part of newslint's start-up: dozens of patterns, in
pure Python, on every commit's run, most of them behind a cheap trigger that a
short article never pulls. ``lazy(...)`` defers the cost to the first match
call; after that it behaves like the compiled pattern. Plugins may use it too.
"""

from __future__ import annotations

from typing import Any


class LazyPattern:
    """A ``re`` or ``regex`` pattern that compiles itself when first used."""

    def __init__(self, pattern: str, flags: int = 0, *, module: str = "re") -> None:
        self.pattern = pattern
        self._flags = flags
        self._module = module
        self._compiled: Any = None

    @property
    def compiled(self) -> Any:
        if self._compiled is None:
            if self._module == "regex":
                import regex

                self._compiled = regex.compile(self.pattern, self._flags)
            else:
                import re

                self._compiled = re.compile(self.pattern, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        # Only reached for names not set yet: search, finditer, sub, ... The
        # bound method is kept on the instance, so later calls skip this hook.
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self.compiled, name)
        self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        state = "compiled" if self._compiled is not None else "not compiled yet"
        return f"<LazyPattern {self.pattern!r} ({self._module}, {state})>"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """A stdlib ``re`` pattern compiled on first use."""
    return LazyPattern(pattern, flags, module="re")


def lazy_regex(pattern: str, flags: int = 0) -> LazyPattern:
    """A ``regex`` (Unicode properties, fuzzy matching) pattern compiled on first use."""
    return LazyPattern(pattern, flags, module="regex")
