"""A sentence splitter tuned for news copy (abbreviations, initials, quotes)."""

from __future__ import annotations

import re

from newslint.document import Block

# Words after which a period does not end a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov rep sen
    pres supt insp rev hon messrs mme mlle no nos vs v etc inc ltd co corp bros
    dept univ assn est approx jan feb mar apr jun jul aug sep sept oct nov dec
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn
    miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo u.s u.k u.n
    e.g i.e a.m p.m
    """.split()
)
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9])")
#: A line that opens a unit of its own (the position after its marker):
#: a list item ("- ", "* ", "+ ", "• ", "1. ", "1) "), a table row ("| a |")
#: or an ATX heading ("# Title"). A marker needs a space after it, so
#: "**bold**", "*emphasis*", "1.5 million" or "-3C" at a line start are text.
_UNIT = re.compile(
    r"[ \t]*(?:(?P<item>[-*+•][ \t]+|(?P<num>\d{1,3})[.)][ \t]+)"
    r"|(?P<row>\|)|(?P<head>#{1,6})(?:[ \t]+|[ \t]*\r?$))",
    re.MULTILINE,
)
#: The same, found from the line break before it (one scan per paragraph).
_UNIT_AFTER_BREAK = re.compile(
    r"\n(?=[ \t]*(?:[-*+•][ \t]|\d{1,3}[.)][ \t]|\||#{1,6}(?:[ \t]|\r?$)))",
    re.MULTILINE,
)
#: Characters a paragraph opening with a unit marker starts with.
_MARKER_START = frozenset("-*+•|#0123456789")


def split_units(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """``prose[start:end]`` (a paragraph) cut into the spans that sentences
    never cross: each list item (with its wrapped continuation lines), each
    table row and each heading line is a span of its own, its marker left
    out; the prose lines between them make spans too.

    A numbered line interrupts running prose only as "1." or "1)" (as in
    CommonMark), so a wrapped line starting "12. " after a line of prose
    stays in its sentence; after a list item any number starts the next one.
    """
    if (prose[start] not in _MARKER_START or not _UNIT.match(prose, start, end)) and (
        prose.find("\n", start, end) < 0
        or not _UNIT_AFTER_BREAK.search(prose, start, end)
    ):
        return [(start, end)]  # plain prose: the common case
    units: list[tuple[int, int]] = []
    unit_start = start
    kind = ""  # of the open unit: "item", "prose" or "" (none open)
    line = start
    while line < end:
        brk = prose.find("\n", line, end)
        line_end = end if brk < 0 else brk
        nxt = end if brk < 0 else brk + 1
        m = _UNIT.match(prose, line, line_end)
        if m and m.group("num") and kind == "prose" and int(m.group("num")) != 1:
            m = None  # "... rose to\n12. The" is not a list
        if m:
            if kind:
                units.append((unit_start, line))
            if m.group("item"):
                unit_start, kind = m.end(), "item"
            else:  # a table row or a heading: one line
                body = m.end() if m.group("head") else m.end("row")
                if m.group("head") or prose[body:line_end].strip("|-: \t\r"):
                    units.append((body, line_end))  # not a "|---|:--|" rule
                kind = ""
        elif not kind:
            unit_start, kind = line, "prose"
        line = nxt
    if kind:
        units.append((unit_start, end))
    return units


def split_paragraph(prose: str, start: int, end: int) -> list[Block]:
    """The sentences of the paragraph ``prose[start:end]``: ``split_sentences``
    within each of its ``split_units`` (list items, table rows, headings)."""
    units = split_units(prose, start, end)
    if len(units) == 1:
        return split_sentences(prose, *units[0])
    return [s for u in units for s in split_sentences(prose, *u)]


def split_sentences(prose: str, start: int, end: int) -> list[Block]:
    """Split ``prose[start:end]`` into sentences; offsets are into prose."""
    out: list[Block] = []
    pos = start
    for match in _BOUNDARY.finditer(prose, start, end):
        if match.group(0)[0] == ".":
            word = _last_word(prose, pos, match.start())
            if word:
                token = word.lower().rstrip(".")
                if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                    continue
        _append(out, prose, pos, match.end())
        pos = match.end()
    _append(out, prose, pos, end)
    return out


def _last_word(prose: str, start: int, end: int) -> str:
    r"""The run of word characters and periods that ends ``prose[start:end]``
    (before one final newline), as ``re.search(r"([\w.]+)$", ...)`` finds it,
    walking back from the end instead of scanning the whole sentence."""
    if end > start and prose[end - 1] == "\n":
        end -= 1  # "$" also matches before a final newline
    first = end
    while first > start and (prose[first - 1].isalnum() or prose[first - 1] in "._"):
        first -= 1
    return prose[first:end]


def _append(out: list[Block], prose: str, start: int, end: int) -> None:
    chunk = prose[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        s = start + lead
        out.append(Block(s, s + len(stripped), stripped))
