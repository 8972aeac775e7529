"""The small, picklable value types that flow out of rules to reporters."""

from __future__ import annotations

import enum
from typing import Any

from newslint.records import FrozenRecord


class Severity(str, enum.Enum):
    """How serious a finding is; maps onto SARIF levels and GitHub annotations."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_set = object.__setattr__


class Related(FrozenRecord):
    """Another place (usually in another source) involved in a finding."""

    __slots__ = ("path", "line", "column", "text")  # noqa: RUF023 (field order)
    path: str
    line: int
    column: int
    text: str

    def __init__(self, path: str, line: int, column: int, text: str = "") -> None:
        _set(self, "path", path)
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "text", text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "text": self.text,
        }


class Fix(FrozenRecord):
    """Replace ``text[start:end]`` with ``replacement`` (offsets into Document.text).

    ``safe`` fixes are applied by ``--fix``; unsafe ones (those that change
    meaning, such as a name taken from other sources) need ``--unsafe-fixes``.
    """

    __slots__ = ("start", "end", "replacement", "safe")  # noqa: RUF023 (field order)
    start: int
    end: int
    replacement: str
    safe: bool

    def __init__(
        self, start: int, end: int, replacement: str, safe: bool = True
    ) -> None:
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "replacement", replacement)
        _set(self, "safe", safe)


class Finding(FrozenRecord):
    """One problem at one place. Positions are 1-based; columns count characters.

    ``start`` and ``end`` are offsets into Document.text (for suppression,
    fixes and the baseline).
    """

    __slots__ = (  # noqa: RUF023 (field order: repr, pickling)
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "message",
        "severity",
        "rule",
        "related",
        "fix",
        "start",
        "end",
    )
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    message: str
    severity: Severity
    rule: str
    related: tuple[Related, ...]
    fix: Fix | None
    start: int
    end: int

    def __init__(
        self,
        path: str,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        code: str,
        message: str,
        severity: Severity = Severity.WARNING,
        rule: str = "",
        related: tuple[Related, ...] = (),
        fix: Fix | None = None,
        start: int = 0,
        end: int = 0,
    ) -> None:
        _set(self, "path", path)
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "end_line", end_line)
        _set(self, "end_column", end_column)
        _set(self, "code", code)
        _set(self, "message", message)
        _set(self, "severity", severity)
        _set(self, "rule", rule)
        _set(self, "related", related)
        _set(self, "fix", fix)
        _set(self, "start", start)
        _set(self, "end", end)

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of DESIGN section 2."""
        out: dict[str, Any] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "message": self.message,
            "severity": self.severity.value,
            "rule": self.rule,
            "related": [r.to_dict() for r in self.related],
        }
        if self.fix is not None:
            out["fix"] = {
                "start": self.fix.start,
                "end": self.fix.end,
                "replacement": self.fix.replacement,
                "safe": self.fix.safe,
            }
        return out
