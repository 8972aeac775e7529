"""NB108-NB109: repeated paragraphs and navigation-like lines at the edges."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.rules.boilerplate.catalogue import (
    ALL,
    Line,
    _preview,
    catalogue_hits,
    doc_lines,
    ends_sentence,
    line_finding,
)
from newslint.rules.boilerplate.generic import analyse

from newslint import (
    Block,
    Document,
    DocumentRule,
    Finding,
    Fix,
    Related,
    rule_options,
)
from newslint.text.plain import PlainOr

# Each pattern is a PlainOr: the regex pattern, and its exact re translation
# that serves plain text (newslint.text.plain), so that a plain article never
# imports regex here. tests/unit/test_plain_rules.py checks them.


# -- structure ---------------------------------------------------------------------------
@rule_options
class DuplicateOptions:
    #: Paragraphs shorter than this many words are not compared.
    min_words: int = 3


#: The speaker label of a transcript or Q&A line ("HARTE:", "Q:", "**Q:**").
_SPEAKER = PlainOr(
    r"^[*_]{0,2}(?:\p{Lu}[\p{Lu}\p{M}.'’ -]{0,30}|Q|A)[*_]{0,2}:[*_]{0,2}\s+"
)


class DuplicateParagraph(DocumentRule):
    """A paragraph that appears twice in one article.

    Scrapers and careless pastes repeat blocks of text: a promo printed at
    two places on the page, a paragraph pasted twice during an edit. The
    second copy is reported, pointing at the first. A speaker's short reply
    in a transcript or Q&A ("HARTE: Thank you.", "A: No, I did not.") may
    come up twice: after a speaker label, only a paragraph of 8 words or more
    is compared.

    Bad:
        The council will vote on the budget next week.

        Critics say the plan is too expensive.

        The council will vote on the budget next week.

    Good:
        The council will vote on the budget next week.

        Critics say the plan is too expensive.

    Fix: delete the repeated paragraph (offered as a fix). Option
    ``min-words`` (default 3) under ``[tool.newslint.rules.NB108]``.
    """

    code = "NB108"
    name = "boilerplate.duplicate-paragraph"
    Options = DuplicateOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        min_words = self.options.min_words
        speaker = _SPEAKER.pick(doc.plain)
        # Candidates with their first and last word: only paragraphs that
        # share both with another can be copies, and only those are
        # normalised in full (most articles repeat nothing).
        candidates: list[tuple[Block, tuple[str, str]]] = []
        ends: dict[tuple[str, str], int] = {}
        for block in doc.paragraphs:
            text = block.text
            # "HARTE: Thank you." twice is a transcript, not a paste: after a
            # speaker label, only a full sentence counts. (A label ends in a
            # colon within its first 36 characters.)
            label = speaker.match(text) if ":" in text[:36] else None
            if label:
                spoken = len(text[label.end() :].split())
                least = max(min_words, 8)
            else:
                # the word count up to the limit is enough to compare
                least = min_words
                spoken = len(text.split(None, least)) if least > 0 else 0
            if spoken < least or not any(c.isalpha() for c in text):
                continue
            edge = (
                text.split(None, 1)[0].casefold(),
                text.rsplit(None, 1)[-1].casefold(),
            )
            candidates.append((block, edge))
            ends[edge] = ends.get(edge, 0) + 1
        seen: dict[str, int] = {}
        starts = doc.line_starts
        for block, edge in candidates:
            if ends[edge] < 2:
                continue
            key = " ".join(block.text.split()).casefold()
            first = seen.get(key)
            if first is None:
                seen[key] = block.start
                continue
            line, column = doc.position(first)
            end_line, _ = doc.position(block.end)
            line_start = starts[doc.position(block.start)[0] - 1]
            next_start = starts[end_line] if end_line < len(starts) else len(doc.text)
            yield self.finding(
                doc,
                block.start,
                block.end,
                f"paragraph repeated from line {line}: {_preview(block.text, 50)!r}",
                related=[Related(doc.path, line, column, _preview(block.text))],
                fix=Fix(line_start, next_start, ""),
            )


@rule_options
class EdgeOptions:
    #: A line of at most this many words without sentence punctuation is short.
    max_words: int = 8
    #: Report the article's tail only when it has at least this many short lines.
    min_run: int = 2


_MENU_ROW = PlainOr(
    r"[\p{L}][\p{L}\p{N}&'’ -]{0,24}(?:\s*[|•·]\s*[\p{L}][\p{L}\p{N}&'’ -]{0,24}){2,}"
)
_DATA_LINE = PlainOr(r"^[\p{Lu}][\p{L}'’ ]{0,25}:\s+[\p{Lu}\p{N}£$€]")
#: Any "Label: value" line; data when stacked with a data line (a fact box:
#: "Where: Kestrel Bay" / "Tickets: from £65" / "Under-12s: free").
_LABEL_LINE = PlainOr(r"^[\p{Lu}][\p{L}\p{N}'’ -]{0,25}:\s+\S")


def _fact_box(lines: list[Line]) -> set[int]:
    """Numbers of data lines: each "Label: Value" line, and every "Label:
    value" line in a run of stacked label lines that holds one of them."""
    data: set[int] = set()
    run: list[int] = []
    strict = False
    previous = -1
    for line in [*lines, None]:
        # a label ends in a colon within the line's first 27 characters
        label = (
            line is not None
            and ":" in line.core[:27]
            and bool(_LABEL_LINE.match(line.core))
        )
        if not label or line is None or line.number != previous + 1:
            if strict:
                data.update(run)
            run, strict = [], False
        if line is None:
            break
        if label:
            run.append(line.number)
            if _DATA_LINE.match(line.core):
                strict = True
                data.add(line.number)
        previous = line.number
    return data


_SIGN_OFF = PlainOr(
    r"^(?:(?:posted\s+|written\s+|filed\s+)?by\s|[-–—(*_\[]|reporting\b|editing\b|writing\b|additional\s+reporting|compiled\b"
    r"|with\s+reporting|contact\b|correction\b|clarification\b|editor['’]s\s+note)",
    re.IGNORECASE,
)


class EdgeNavigation(DocumentRule):
    """Short navigation-like lines at the end (or a menu row at the head) of an article.

    After the last sentence of a scraped article there often follows a
    column of short unpunctuated lines: the titles of related stories, menu
    items, section names. A headline at the top is normal and never
    reported. Lines already reported by the catalogue or by the generic
    shapes of NB101-NB106 and NB111 (menu rows such as "World | Business |
    Sport" anywhere, widgets, timestamps, promos, author-bio boxes) are not
    reported again, but they count towards the tail's run of short lines, and
    a long leftover line (a cookie banner, an app promo) does not end the
    tail. Data lines ("Referee: Ann Lo", "Attendance: 4,020") and sign-offs
    belong to the article.

    Bad:
        The stadium will reopen in August, the club said.

        Most Read

        Club confirms new manager

        Transfer window: what we know

    Good:
        Stadium to reopen in August

        The stadium will reopen in August, the club said.

    Fix: delete the lines. Options ``max-words`` (default 8) and ``min-run``
    (default 2) under ``[tool.newslint.rules.NB109]``.
    """

    code = "NB109"
    name = "boilerplate.edge-navigation"
    Options = EdgeOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        lines = doc_lines(doc)
        if not lines:
            return
        known = catalogue_hits(doc).core[ALL]
        analysis = analyse(doc)
        max_words = self.options.max_words

        def leftover(line: Line) -> bool:
            return analysis.leftover(line.number) or line.number in known

        data = _fact_box(lines)

        def is_short(line: Line) -> bool:
            # "Referee: Mark Ibbotson", "Attendance: 6,204": data, not residue.
            return (
                len(line.core.split(None, max_words)) <= max_words
                and not ends_sentence(line.core)
                and line.number not in data
            )

        body = [
            i for i, ln in enumerate(lines) if not is_short(ln) and not leftover(ln)
        ]
        if not body:
            return  # no sentence at all: nothing to tell the edges from
        first, last = body[0], body[-1]
        for line in lines[:first]:
            if _MENU_ROW.fullmatch(line.core) and not leftover(line):
                yield self._report(
                    doc, line, "navigation menu row at the head of the article"
                )
        tail = [
            ln
            for ln in lines[last + 1 :]
            if ln.markup not in ("list", "table", "quote")
            and any(c.isalpha() for c in ln.core)
            and ("@" not in ln.core or leftover(ln))
            and not _SIGN_OFF.match(ln.core)
        ]
        for index, line in enumerate(tail):
            # "Saturday's other results:" and sub-headings introduce content.
            opens = doc.prose[line.start : line.end].rstrip(" \t*_").endswith(":")
            is_heading = (
                opens
                or line.markup == "heading"
                or (line.core.isupper() and len(line.core) > 3)
            )
            if (
                is_heading
                and not leftover(line)
                # ... unless all that follows is page residue ("MARTA ELLISON"
                # over an author-bio box and its buttons).
                and not all(leftover(ln) for ln in tail[index + 1 :])
            ):
                # A sub-heading opens content of its own (a factbox, a note).
                tail = tail[:index]
                break
        if len(tail) < self.options.min_run:
            for line in tail:
                if _MENU_ROW.fullmatch(line.core) and not leftover(line):
                    yield self._report(
                        doc, line, "navigation menu row after the article"
                    )
            return
        for line in tail:
            if not leftover(line):
                yield self._report(
                    doc,
                    line,
                    "short line without sentence punctuation after the end of the"
                    " article (navigation or page residue)",
                )

    def _report(self, doc: Document, line: Line, what: str) -> Finding:
        return line_finding(self, doc, line, f"{what}: {_preview(line.core)!r}")
