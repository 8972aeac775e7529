"""The small, picklable value types that flow out of rules to reporters."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(str, enum.Enum):
    """How serious a finding is; maps onto SARIF levels and GitHub annotations."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Related:
    """Another place (usually in another source) involved in a finding."""

    path: str
    line: int
    column: int
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace ``text[start:end]`` with ``replacement`` (offsets into Document.text).

    ``safe`` fixes are applied by ``--fix``; unsafe ones (those that change
    meaning, such as a name taken from other sources) need ``--unsafe-fixes``.
    """

    start: int
    end: int
    replacement: str
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place. Positions are 1-based; columns count characters."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    message: str
    severity: Severity = Severity.WARNING
    rule: str = ""
    related: tuple[Related, ...] = field(default=())
    fix: Fix | None = None
    start: int = 0  # offset into Document.text (for suppression, fixes, baseline)
    end: int = 0

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
