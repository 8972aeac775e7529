"""Immutable slotted records written out by hand.

``@dataclass(frozen=True, slots=True)`` would write the same methods, but
building a dataclass costs about a millisecond and a half at import, and the
records here are built on every run, which a pre-commit hook pays on every
commit (docs/performance.md).
"""

from __future__ import annotations

from typing import Any


class Record:
    """A record whose fields are its ``__slots__``: equality compares the
    fields named by ``_compared()`` (all of them unless a subclass says
    otherwise), repr shows every field. Mutable, so unhashable."""

    __slots__ = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self.__slots__])

    def _compared(self) -> tuple[Any, ...]:
        return self._values()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._compared() == other._compared()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__)
        return f"{self.__class__.__qualname__}({fields})"


class FrozenRecord(Record):
    """A ``Record`` that cannot change: hashable, and assigning raises
    ``dataclasses.FrozenInstanceError``, as for a frozen dataclass; pickled
    through its constructor."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self._compared())

    def __setattr__(self, name: str, value: Any) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (self.__class__, self._values())
