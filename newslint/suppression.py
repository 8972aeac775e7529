"""Inline suppression directives (DESIGN section 4).

* ``<!-- newslint: disable NB101,NT -->`` ... ``<!-- newslint: enable -->``
  (no codes: all; ``enable`` with codes re-enables only those, also inside a
  wider block: ``disable NT`` ... ``enable NT101`` turns NT101 back on and keeps
  the other NT codes off),
* ``<!-- newslint: disable-next-line NN101 -->``,
* ``<!-- newslint: disable-file NB -->`` for the whole file,
* ``newslint: noqa`` or ``newslint: noqa NN101`` anywhere on a line.

The parse yields a picklable Suppressions value; ``suppresses(line, code)``
answers for a finding's first line.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newslint.patterns import lazy

# Compiled on first use: most articles carry no directive.
_DIRECTIVE = lazy(
    r"<!--\s*newslint:\s*(disable-next-line|disable-file|disable|enable)"
    r"((?:[\s,]+[A-Z]{1,3}[0-9]{0,3})*)\s*-->"
)
# Codes are upper case and stay on the noqa's line (a bare noqa at the end of a
# line must not read the next line's first word as a code).
_NOQA = lazy(
    r"(?i:newslint:[ \t]*noqa)\b(?::?((?:[ \t,]+[A-Z]{1,3}[0-9]{0,3}(?!\w))*))?"
)
_CODES = lazy(r"[A-Z]{1,3}[0-9]{0,3}")
ALL: tuple[str, ...] = ("",)


def _codes(group: str | None) -> tuple[str, ...]:
    found = tuple(_CODES.findall(group or ""))
    return found or ALL


class Directive(NamedTuple):
    """One suppression comment as written (for the unused-suppression check).

    ``start``/``end`` are offsets of the directive text in the file's text
    (the whole ``<!-- ... -->`` comment, or the ``newslint: noqa ...`` words);
    ``codes_start``/``codes_end`` the span of its code list. ``scope`` holds
    ``(code, first_line, last_line)`` for a ``disable`` block (last 0: to the end).
    """

    kind: str
    line: int
    start: int
    end: int
    codes: tuple[str, ...]
    codes_start: int
    codes_end: int
    scope: tuple[tuple[str, int, int], ...] = ()
    #: 1-based position of ``start`` and of ``end``.
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    #: What deleting the directive removes: its line when it stands alone
    #: there, else the directive (an enclosing ``<!-- -->`` included).
    removal: tuple[int, int] = (0, 0)

    def covers(self, line: int, code: str, end_line: int) -> bool:
        """Whether this directive suppresses ``code`` on ``line``."""
        if self.kind == "disable-file":
            return any(code.startswith(c) for c in self.codes)
        if self.kind == "noqa":
            return line == self.line and any(code.startswith(c) for c in self.codes)
        if self.kind == "disable-next-line":
            return line == end_line + 1 and any(code.startswith(c) for c in self.codes)
        return any(
            first <= line and (last == 0 or line <= last) and code.startswith(c)
            for c, first, last in self.scope
        )


class Suppressions(NamedTuple):
    """Per-file suppression state, built from the file's text.

    Directive and Suppressions are NamedTuples, not dataclasses, because a
    dataclass costs about a millisecond to create at import (start-up)."""

    #: (first_line, last_line, codes); last_line 0 means "to the end".
    ranges: tuple[tuple[int, int, tuple[str, ...]], ...] = ()
    #: line -> codes suppressed on that single line (noqa, disable-next-line).
    lines: dict[int, tuple[str, ...]] = {}  # noqa: RUF012 (read-only after parse)
    file_codes: tuple[str, ...] = ()
    #: Every directive, in file order (see :class:`Directive`).
    directives: tuple[Directive, ...] = ()
    #: Last line of each ``disable-next-line`` directive (same order as kinds).
    directive_end_lines: tuple[int, ...] = ()
    #: (first_line, last_line, code) where ``enable code`` carved ``code`` out
    #: of a wider ``disable`` block (last_line 0: to the end).
    carve_outs: tuple[tuple[int, int, str], ...] = ()

    def users(self, line: int, code: str) -> tuple[int, ...]:
        """Indexes of the directives that suppress ``code`` on ``line``."""
        return tuple(
            index
            for index, directive in enumerate(self.directives)
            if directive.covers(line, code, self.directive_end_lines[index])
        )

    def suppresses(self, line: int, code: str) -> bool:
        if any(code.startswith(c) for c in self.file_codes):
            return True
        codes = self.lines.get(line)
        if codes and any(code.startswith(c) for c in codes):
            return True
        return any(
            first <= line
            and (last == 0 or line <= last)
            and any(code.startswith(c) for c in codes)
            for first, last, codes in self.ranges
        ) and not self._carved_out(line, code)

    def _carved_out(self, line: int, code: str) -> bool:
        return any(
            first <= line and (last == 0 or line <= last) and code.startswith(c)
            for first, last, c in self.carve_outs
        )

    def __bool__(self) -> bool:
        return bool(self.ranges or self.lines or self.file_codes)


def parse(text: str) -> Suppressions:
    """Read every directive in ``text`` (cheap when the file has none)."""
    if "newslint:" not in text and "newslint:" not in text.lower():
        return Suppressions()  # (the second test: "NEWSLINT: noqa" counts too)
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(offset: int) -> int:
        from bisect import bisect_right

        return bisect_right(line_starts, offset)

    ranges: list[tuple[int, int, tuple[str, ...]]] = []
    open_ranges: dict[str, int] = {}
    lines: dict[int, tuple[str, ...]] = {}
    file_codes: list[str] = []
    records: list[tuple[int, Directive, int]] = []  # (offset, directive, end line)
    scopes: dict[int, list[tuple[str, int, int]]] = {}
    opened_by: dict[str, int] = {}  # code -> offset of the disable that opened it
    carve_outs: list[tuple[int, int, str]] = []
    open_carve_outs: dict[str, int] = {}  # code -> line of its enable

    def close_carve_outs(prefix: str, line: int) -> None:
        # The directive's own line belongs to the block, as for plain blocks.
        for code in [c for c in open_carve_outs if c.startswith(prefix)]:
            first = open_carve_outs.pop(code)
            if line - 1 >= first:
                carve_outs.append((first, line - 1, code))

    for match in _DIRECTIVE.finditer(text):
        kind, codes = match.group(1), _codes(match.group(2))
        line = line_of(match.start())
        end_line = line_of(match.end())
        if kind == "disable-file":
            file_codes.extend(codes)
        elif kind == "disable-next-line":
            lines[end_line + 1] = lines.get(end_line + 1, ()) + codes
        elif kind == "disable":
            for code in codes:
                close_carve_outs(code, line)
                if code not in open_ranges:
                    opened_by[code] = match.start()
                open_ranges.setdefault(code, line)
        else:  # enable
            to_close = (
                list(open_ranges)
                if codes == ALL
                else [c for c in codes if c in open_ranges]
            )
            for code in to_close:
                ranges.append((open_ranges.pop(code), line, (code,)))
                scopes.setdefault(opened_by.pop(code), []).append(
                    (code, ranges[-1][0], line)
                )
                close_carve_outs(code, line)
            if codes != ALL:
                # A code narrower than a block still open: carve it out.
                for code in codes:
                    wider = any(code.startswith(p) and p != code for p in open_ranges)
                    if wider and code not in open_carve_outs:
                        open_carve_outs[code] = line + 1
        records.append(
            (
                match.start(),
                Directive(
                    kind, line, match.start(), match.end(), codes, *match.span(2)
                ),
                end_line,
            )
        )
    for code, first in open_ranges.items():
        ranges.append((first, 0, (code,)))
        scopes.setdefault(opened_by.pop(code), []).append((code, first, 0))
    for code, first in open_carve_outs.items():
        carve_outs.append((first, 0, code))
    for match in _NOQA.finditer(text):
        line = line_of(match.start())
        lines[line] = lines.get(line, ()) + _codes(match.group(1))
        codes_span = (
            match.span(1) if match.group(1) is not None else (match.end(), match.end())
        )
        directive = Directive(
            "noqa",
            line,
            match.start(),
            match.end(),
            _codes(match.group(1)),
            *codes_span,
        )
        records.append((match.start(), directive, line))
    records.sort(key=lambda r: r[0])
    directives = tuple(
        d._replace(
            scope=tuple(scopes.get(offset, ())),
            column=d.start - line_starts[d.line - 1] + 1,
            end_line=line_of(d.end),
            end_column=d.end - line_starts[line_of(d.end) - 1] + 1,
            removal=_removal(text, d.start, d.end),
        )
        for offset, d, _ in records
    )
    return Suppressions(
        tuple(sorted(ranges)),
        lines,
        tuple(file_codes),
        directives,
        tuple(end for _, _, end in records),
        tuple(sorted(carve_outs)),
    )


def _removal(text: str, start: int, end: int) -> tuple[int, int]:
    """The span to delete to remove the directive at ``text[start:end]``."""
    opener = re.search(r"<!--[ \t]*\Z", text[max(0, start - 40) : start])
    closer = re.match(r"[ \t]*-->", text[end : end + 40])
    if opener and closer and not text.startswith("<!--", start):
        start, end = start - len(opener.group(0)), end + closer.end()
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end + 1
    if text[line_start:start].strip() or text[end:line_end].strip():
        while start > line_start and text[start - 1] in " \t":
            start -= 1
        return start, end
    blank_before = line_start == 0 or text[:line_start].endswith(("\n\n", "\n\r\n"))
    following = re.match(r"[ \t]*\r?\n", text[line_end:])
    if blank_before and following:
        line_end += following.end()
    return line_start, line_end
