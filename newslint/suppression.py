"""Inline suppression directives (DESIGN section 4).

* ``<!-- newslint: disable NB101,NT -->`` ... ``<!-- newslint: enable -->``
  (no codes: all; ``enable`` with codes re-enables only those),
* ``<!-- newslint: disable-next-line NN101 -->``,
* ``<!-- newslint: disable-file NB -->`` for the whole file,
* ``newslint: noqa`` or ``newslint: noqa NN101`` anywhere on a line.

The parse yields a picklable Suppressions value; ``suppresses(line, code)``
answers for a finding's first line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DIRECTIVE = re.compile(
    r"<!--\s*newslint:\s*(disable-next-line|disable-file|disable|enable)"
    r"((?:[\s,]+[A-Z]{1,3}[0-9]{0,3})*)\s*-->"
)
# Codes are upper case and stay on the noqa's line (a bare noqa at the end of a
# line must not read the next line's first word as a code).
_NOQA = re.compile(
    r"(?i:newslint:[ \t]*noqa)\b(?::?((?:[ \t,]+[A-Z]{1,3}[0-9]{0,3}(?!\w))*))?"
)
_CODES = re.compile(r"[A-Z]{1,3}[0-9]{0,3}")
ALL: tuple[str, ...] = ("",)


def _codes(group: str | None) -> tuple[str, ...]:
    found = tuple(_CODES.findall(group or ""))
    return found or ALL


@dataclass(frozen=True)
class Suppressions:
    """Per-file suppression state, built from the file's text."""

    #: (first_line, last_line, codes); last_line 0 means "to the end".
    ranges: tuple[tuple[int, int, tuple[str, ...]], ...] = ()
    #: line -> codes suppressed on that single line (noqa, disable-next-line).
    lines: dict[int, tuple[str, ...]] = field(default_factory=dict)
    file_codes: tuple[str, ...] = ()

    def suppresses(self, line: int, code: str) -> bool:
        if any(code.startswith(c) for c in self.file_codes):
            return True
        codes = self.lines.get(line)
        if codes and any(code.startswith(c) for c in codes):
            return True
        return any(
            first <= line and (last == 0 or line <= last)
            and any(code.startswith(c) for c in codes)
            for first, last, codes in self.ranges
        )

    def __bool__(self) -> bool:
        return bool(self.ranges or self.lines or self.file_codes)


def parse(text: str) -> Suppressions:
    """Read every directive in ``text`` (cheap when the file has none)."""
    if "newslint:" not in text:
        return Suppressions()
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(offset: int) -> int:
        from bisect import bisect_right

        return bisect_right(line_starts, offset)

    ranges: list[tuple[int, int, tuple[str, ...]]] = []
    open_ranges: dict[str, int] = {}
    lines: dict[int, tuple[str, ...]] = {}
    file_codes: list[str] = []
    for match in _DIRECTIVE.finditer(text):
        kind, codes = match.group(1), _codes(match.group(2))
        line = line_of(match.start())
        if kind == "disable-file":
            file_codes.extend(codes)
        elif kind == "disable-next-line":
            end_line = line_of(match.end())
            lines[end_line + 1] = lines.get(end_line + 1, ()) + codes
        elif kind == "disable":
            for code in codes:
                open_ranges.setdefault(code, line)
        else:  # enable
            to_close = list(open_ranges) if codes == ALL else [c for c in codes if c in open_ranges]
            for code in to_close:
                ranges.append((open_ranges.pop(code), line, (code,)))
    for code, first in open_ranges.items():
        ranges.append((first, 0, (code,)))
    for match in _NOQA.finditer(text):
        line = line_of(match.start())
        lines[line] = lines.get(line, ()) + _codes(match.group(1))
    return Suppressions(tuple(sorted(ranges)), lines, tuple(file_codes))
