"""NT: typography and garbling within one article.

Mechanical damage left by scrapers, spinners and careless edits: doubled
punctuation, a doubled speech verb, space before punctuation, words glued
together, digits inside spelled-out numbers, unbalanced quotation marks and
paragraphs fused into one huge block. Every rule works on ``Document.prose``
(front matter, code, comments and URLs masked), so offsets are file offsets.

The list of real camel-case names that NT104 keeps quiet on lives beside this
module in ``camel_case_names.txt``.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from typing import NamedTuple

from newslint import (
    Document,
    DocumentRule,
    Finding,
    Fix,
    Severity,
    hookimpl,
    lazy,
    rule_options,
)
from newslint.text.plain import SPACES, PlainOr

_HERE = os.path.dirname(os.path.realpath(__file__))

# -- shared helpers -------------------------------------------------------------

# Every pattern here is a ``re`` pattern where ``re`` reads it as ``regex``
# does on any text (literals, explicit ranges, ``regex``'s \s spelled out as
# ``SPACES``), or a ``PlainOr``: the ``regex`` pattern (Unicode properties,
# \d) and its exact ``re`` translation, which a rule picks for a plain
# document (``doc.plain``) so that such an article never imports ``regex``.
# tests/unit/test_plain_rules.py checks both kinds.

#: Markdown decoration at the start of a line: blockquote, list marker, heading,
#: emphasis.
_LINE_DECORATION = PlainOr(
    r"[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,3}[.)]|#{1,6})[ \t]+)?[*_]*"
)
#: A line of a Markdown table.
_TABLE_LINE = lazy(r"^[ \t]*\|")
#: Line-ending punctuation after which an unwrapped line is a paragraph.
_SENTENCE_END = lazy(r"[.!?:…][\"”’')\]]*[ \t]*$")
_EMPTY_QUOTE_LINE = lazy(r"[ \t]*(?:>[ \t]*)+$")
_LIST_START = PlainOr(r"[ \t]*(?:>[ \t]*)*(?:[-*+]|\d{1,3}[.)]|#{1,6})[ \t]+")


class _Unit(NamedTuple):
    """A paragraph as an editor sees it: offsets into the text."""

    start: int
    end: int


def _lines(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    while pos < end:
        nl = prose.find("\n", pos, end)
        stop = end if nl < 0 else nl
        line_end = stop - 1 if stop > pos and prose[stop - 1] == "\r" else stop
        if prose[pos:line_end].strip():
            out.append((pos, line_end))
        pos = stop + 1
    return out


def paragraph_units(doc: Document) -> list[_Unit]:
    """The editor's paragraphs, computed once per document (NT106 and NT107)."""
    return doc.analysis("newslint.rules.typography.units", _paragraph_units)


def _paragraph_units(doc: Document) -> list[_Unit]:
    """Paragraphs: blank-line separated blocks, split further where needed.

    Markdown joins the lines of a block into one paragraph except list items,
    headings and blockquote starts. In plain text, a block whose lines are long
    (over 100 characters) is unwrapped copy with one paragraph a line; a block
    of short lines is hard-wrapped, and a paragraph ends at an indented line or
    after a short line (under 70% of the block's width) that ends a sentence.
    """
    prose = doc.prose
    list_start = _LIST_START.pick(doc.plain)
    units: list[_Unit] = []
    for block in doc.paragraphs:
        if prose.find("\n", block.start, block.end) < 0:
            units.append(_Unit(block.start, block.end))  # one line
            continue
        lines = _lines(prose, block.start, block.end)
        if len(lines) <= 1:
            units.append(_Unit(block.start, block.end))
            continue
        one_a_line = not doc.is_markdown and any(e - s > 100 for s, e in lines)
        # hard-wrapped plain text: a short last line ending a sentence, or an
        # indented first line, marks a paragraph break
        width = max(e - s for s, e in lines)
        wrapped_breaks = not doc.is_markdown and not one_a_line
        current: list[tuple[int, int]] = []
        for index, (s, e) in enumerate(lines):
            if _EMPTY_QUOTE_LINE.match(prose, s, e):
                if current:
                    units.append(_Unit(current[0][0], current[-1][1]))
                    current = []
                continue
            previous = lines[index - 1] if index else None
            starts_new = (
                one_a_line
                or (
                    wrapped_breaks
                    and previous is not None
                    and (
                        prose[s] in " \t"
                        or (
                            previous[1] - previous[0] < 0.7 * width
                            and _SENTENCE_END.search(prose, previous[0], previous[1])
                        )
                    )
                )
                or list_start.match(prose, s)
                or _TABLE_LINE.match(prose, s)
                or (index and _TABLE_LINE.match(prose, lines[index - 1][0]))
            )
            if current and starts_new:
                units.append(_Unit(current[0][0], current[-1][1]))
                current = []
            current.append((s, e))
        if current:
            units.append(_Unit(current[0][0], current[-1][1]))
    return units


# -- NT101 ------------------------------------------------------------------------

# ". ." or ".." or ",," not part of an ellipsis (". . ." or "...").
_DOUBLED = lazy(
    # The first mark must follow text, not a space, bracket or slash: "../data"
    # and "./notes" are paths. (The regex form had (?<![.\s]\s?), a lookbehind
    # of varying width: here the same test as two of one width each.)
    rf"(?<=[^{SPACES}(\[{{/\\])(?<![.{SPACES}])(?<![.{SPACES}][{SPACES}])(?<!\.)"
    r"([.,;:])([\"”’»)]*)([ \t]?)(?<!\.\.)\1(?![ \t]?\.)"
)


#: Cheap trigger: every position where two marks stand (almost) together
#: (the first mark consumed, so the scan skips to marks in C).
_DOUBLED_TRIGGER = lazy(r"[.,;:](?=[\"”’»)]*[ \t]?[.,;:])")


class DoubledPunctuation(DocumentRule):
    """Sentence punctuation doubled by a bad edit or a scrape (". .", ",,").

    An editing tool or a scraper that glues fragments together leaves the
    closing punctuation twice. A spaced ellipsis (". . .") and "..." are
    deliberate and are not reported; neither is "!!" or "??", which belong to
    quoted speech and social-media posts rather than to a broken edit.

    Bad:
        The talks ended. . Officials left.

    Good:
        The talks ended. Officials left. He paused . . . then spoke.

    Fix: delete the second mark (offered as a safe fix). Suppress with
    ``newslint: noqa NT101`` on the line.
    """

    code = "NT101"
    name = "typography.doubled-punctuation"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        for hit in _DOUBLED_TRIGGER.finditer(prose):
            match = _DOUBLED.match(prose, hit.start())
            if match is None:
                continue
            start, end = match.span()
            yield self.finding(
                doc,
                start,
                end,
                f"doubled punctuation {doc.text[start:end]!r}",
                fix=Fix(match.start(3), end, ""),
            )


# -- NT102 ------------------------------------------------------------------------

_SPEECH_VERBS = (
    "said|says|added|adds|told|tells|explained|noted|stated|wrote|asked|"
    "continued|insisted|argued|claimed|warned|stressed|declared|remarked|"
    "replied|responded|announced|concluded|commented|observed|admitted|"
    "acknowledged|emphasized|emphasised|underlined|recalled|reported"
)
_DOUBLED_VERB = lazy(
    rf"\b((?i:{_SPEECH_VERBS}))\.[ \t]+({_SPEECH_VERBS})(?=[.,;]|[ \t]*$)",
    re.M,
)


#: Cheap trigger: a period, a space and a lower-case speech verb.
_SECOND_VERB = lazy(rf"\.[ \t]+(?:{_SPEECH_VERBS})\b")


class DoubledSpeechVerb(DocumentRule):
    """A speech verb doubled around a period ("he said. added.").

    Spinning tools and careless rewrites swap one attribution verb for
    another and leave both behind. A sentence never starts with a lower-case
    speech verb, so the second one is debris.

    Bad:
        "We will rebuild," the mayor said. added.

    Good:
        "We will rebuild," the mayor said. She added that funds were ready.

    Fix: keep one verb (a safe fix deletes the second). Suppress with
    ``newslint: noqa NT102``.
    """

    code = "NT102"
    name = "typography.doubled-speech-verb"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        for hit in _SECOND_VERB.finditer(prose):
            # the first verb ends at the period: look back at most 16 characters
            match = _DOUBLED_VERB.search(prose, max(0, hit.start() - 16))
            if match is None or match.end(1) != hit.start():
                continue
            start, end = match.start(1), match.end(2)
            if doc.text[end : end + 1] in (".", ",", ";"):
                end += 1
            yield self.finding(
                doc,
                start,
                end,
                f"speech verb doubled: {doc.text[start:end]!r}",
                fix=Fix(match.end(1), match.end(2), ""),
            )


# -- NT103 ------------------------------------------------------------------------

#: What may stand before the stray space: a word, a figure, a closing mark.
_BEFORE_SPACE = PlainOr(r"[\p{L}\p{N}”’\"')\]*_%]")
_DOT_RUN = lazy(r"\.(?:[ \t]?\.)*")
_SPACE_BEFORE = lazy(r"([ \t]+)([,;:?!.])(?=[\s\"”’»]|$)")
#: The cheap trigger: a mark right after a space or tab (the scan visits
#: marks, not every space); ``_SPACE_BEFORE`` then matches from the start
#: of the spaces, as a scan for it would have.
_SPACED_MARK = lazy(r"[,;:?!.](?<=[ \t][,;:?!.])(?=[\s\"”’»]|$)")


_SPACED_PAIRS = tuple(" " + mark for mark in ",;:?!.")


def _space_before_marks(prose: str) -> Iterator[re.Match[str]]:
    """``_SPACE_BEFORE.finditer(prose)``, found from the marks."""
    if "\t" not in prose and not any(pair in prose for pair in _SPACED_PAIRS):
        return  # no mark right after a space (and no tab at all)
    for hit in _SPACED_MARK.finditer(prose):
        start = hit.start() - 1
        while start > 0 and prose[start - 1] in " \t":
            start -= 1
        match = _SPACE_BEFORE.match(prose, start)
        assert match is not None and match.end() == hit.end()
        yield match


def _french_quoting(prose: str, pos: int) -> bool:
    """Whether ``pos`` lies in a paragraph quoting French between guillemets,
    where a space before ``: ; ? !`` is the language's own typography."""
    start = prose.rfind("\n\n", 0, pos) + 1
    end = prose.find("\n\n", pos)
    paragraph = prose[start : end if end >= 0 else len(prose)]
    return "«" in paragraph and "»" in paragraph


class SpaceBeforePunctuation(DocumentRule):
    """A space before a comma, period, colon, semicolon, question or exclamation mark.

    English typography puts these marks against the preceding word; a space
    before them is left by bad joins of scraped fragments or by spinning
    tools. Not reported: spaced ellipses (". . .", "... ."), times and ratios
    written "10 : 30", a mark followed by a digit (".45 calibre"),
    emoticons, and French-style spacing typed with a no-break or thin space
    (U+00A0, U+202F), which is deliberate, or with a plain space before
    ``: ; ? !`` in a paragraph that quotes French between guillemets.

    Bad:
        Leaders from Asia , Europe and Africa attended.

    Good:
        Leaders from Asia, Europe and Africa attended . . . briefly.
        The meeting began at 10:30 a.m. in the U.S. capital.

    Fix: delete the space (safe fix). Suppress with ``newslint: noqa NT103``.
    """

    code = "NT103"
    name = "typography.space-before-punctuation"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        prose, text = doc.prose, doc.text
        before_space = _BEFORE_SPACE.pick(doc.plain)
        for match in _space_before_marks(prose):
            s, e = match.span(1)
            if s == 0 or not before_space.match(prose, s - 1):
                continue
            mark = match.group(2)
            if text[s:e] != prose[s:e]:
                continue  # the "space" is masked code, a URL or a link target
            before = prose[s - 1]
            after = prose[match.end() : match.end() + 2]
            if prose[max(0, s - 8) : s].rstrip('"”’»)')[-1:] == mark:
                continue  # 'over.” .': doubled punctuation, reported by NT101
            if mark == "." and (
                before in ".…" or len(_DOT_RUN.match(prose, e).group(0)) >= 5
            ):
                continue  # a spaced ellipsis: ". . ." or "... ."
            if mark in ":." and before.isdigit() and after[-1:].isdigit():
                continue  # "10 : 30", "3 . 5"
            if mark == "." and after[:1] == " " and after[1:2].isdigit():
                continue  # ". 45 calibre" is another defect, not a stray space
            if mark in ":;?!" and _french_quoting(prose, s):
                continue  # « Nous resterons ! »: French spacing, typed plainly
            yield self.finding(
                doc,
                s,
                match.end(),
                f"space before {mark!r}",
                fix=Fix(s, e, ""),
            )


# -- NT104 ------------------------------------------------------------------------

_GLUED = PlainOr(
    r"(?<![\p{L}\p{M}\p{N}@#_'’.\-/&])(\p{Ll}{2,})(\p{Lu}\p{Ll}+)(?![\p{L}\p{M}\p{N}_@])(?!\.\p{L})"
)
#: The cheap trigger: a capital after a lower-case letter (the scan looks
#: for capitals, the rarer of the two; the match starts at the capital; for
#: ``re``, which would try the lookbehind at every position, the capital
#: comes first).
_CASE_CHANGE = PlainOr(r"(?<=\p{Ll})\p{Lu}", plain=r"[A-Z](?<=[a-z][A-Z])")
#: The trigger for plain (and ASCII-only) text.
_ASCII_CASE_CHANGE = _CASE_CHANGE.plain
#: Lower-case name particles and Irish/Gaelic mutation prefixes that start
#: real names written without a space (deGrom, vanDyke, "i nGaillimh").
_NAME_PARTICLES = frozenset(
    [
        "de",
        "la",
        "le",
        "al",
        "el",
        "van",
        "von",
        "da",
        "di",
        "du",
        "des",
        "del",
        "della",
        "der",
        "den",
        "ter",
        "ten",
        "dos",
        "das",
        "do",
        "bin",
        "ibn",
        "abu",
        "mc",
        "mac",
        "st",
        "ng",
        "dt",
        "gc",
        "bh",
        "mb",
        "bp",
        "ts",
    ]
)
#: Zipf frequency a lower-case half must reach to count as a common word.
_COMMON_LEFT = 3.5
_COMMON_RIGHT = 3.0


@functools.cache
def camel_case_names() -> frozenset[str]:
    with open(os.path.join(_HERE, "camel_case_names.txt"), encoding="utf-8") as handle:
        text = handle.read()
    return frozenset(
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


@functools.cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en", wordlist="small")


@rule_options
class GluedWordsOptions:
    #: More camel-case names to keep quiet (added to camel_case_names.txt).
    allow: tuple[str, ...] = ()


#: ", the education company": news style introduces an unfamiliar name so.
_APPOSITIVE = lazy(r",[ \t]+(?:the|a|an)[ \t]+[a-z]")


def _used_as_name(prose: str, token: str) -> bool:
    """A camel-case token the article treats as a name: somewhere written
    with a possessive ("mySociety's") or introduced by an appositive ("upGrad,
    the education company"). Repetition proves nothing: a scraped template
    repeats its joins ("usSend" twice)."""
    whole = re.compile(rf"(?<![^\W_]){re.escape(token)}(?![^\W_])")
    for match in whole.finditer(prose):
        end = match.end()
        if prose[end : end + 2] in ("'s", "’s") or _APPOSITIVE.match(prose, end):
            return True
    return False


class GluedWords(DocumentRule):
    """Two words glued into one token ("usSend").

    When a scraper drops the line break between two page elements, the last
    word of one and the first word of the next merge: a lower-case run
    followed by a capitalised word, where both halves are common English
    words. Real camel-case names stay quiet: only tokens that start with two
    or more lower-case letters are considered (so iPhone, eBay, McDonald,
    YouTube, JPMorgan, PlayStation, DeSantis and O'Neill never match), and
    names such as easyJet or jetBlue are listed in ``camel_case_names.txt``.
    A token the article writes, once at least, with a possessive
    ("mySociety's") or before an appositive ("upGrad, the education
    company") is a name too. Hashtags, handles and domain names are skipped.

    Bad:
        For tips, write to usSend your letters to the desk.

    Good:
        She bought an iPhone on eBay, then flew easyJet to see McDonald.

    Fix: insert the missing line break or space (an unsafe fix inserts a
    space). Options: ``allow`` (more names). Suppress with
    ``newslint: noqa NT104``.
    """

    code = "NT104"
    name = "typography.glued-words"
    severity = Severity.WARNING
    Options = GluedWordsOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        names: frozenset[str] | None = None
        prose = doc.prose
        trigger = _CASE_CHANGE.pick(doc.plain)
        glued = _GLUED.pick(doc.plain)
        for hit in trigger.finditer(prose):
            lower = hit.start() - 1  # the lower-case letter before the capital
            start = lower
            while start > 0 and prose[start - 1].islower():
                start -= 1
            match = glued.match(prose, start)
            if match is None or match.end(1) != lower + 1:
                continue
            token = match.group(0)
            if names is None:
                names = camel_case_names() | frozenset(self.options.allow)
            if token in names:
                continue
            left, right = match.group(1), match.group(2)
            if left in _NAME_PARTICLES:
                continue
            if _zipf(left) < _COMMON_LEFT or _zipf(right.lower()) < _COMMON_RIGHT:
                continue
            if _used_as_name(prose, token):
                continue
            start, split, end = match.start(), match.end(1), match.end()
            yield self.finding(
                doc,
                start,
                end,
                f"words glued together: {token!r} ({left!r} + {right!r})",
                fix=Fix(split, split, " ", safe=False),
            )


# -- NT105 ------------------------------------------------------------------------


@functools.cache
def _number_words() -> frozenset[str]:
    """The spelled-out numbers of the shared quantity analyser (imported on
    first use: that module is large and most runs never need it)."""
    from newslint.text.quantities import TENS_WORDS, UNITS_WORDS

    return frozenset({*UNITS_WORDS, *TENS_WORDS, "hundred", "thousand"})


_DIGIT_WORDS = (
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
)
#: Real names that mix a figure and a number word.
_MIXED_NAMES = frozenset({"7-eleven", "five-0", "seven-11"})
_COMPOUND = PlainOr(
    r"(?<![\p{L}\p{N}\-‐–])[\p{L}\p{N}]+(?:[-‐–][\p{L}\p{N}]+)+(?![\p{L}\p{N}]|[-‐–][\p{L}\p{N}])"
)
#: The cheap trigger: hyphens (rare), then a figure and a letter around one.
_HYPHEN = lazy(r"[-‐–]")
_FIGURES = frozenset("0123456789")


def _figure_next_to_word(prose: str) -> Iterator[int]:
    """Offsets of the first character of "1-on", "on-1" pairs."""
    if "-" not in prose and "‐" not in prose and "–" not in prose:
        return
    last = len(prose) - 1
    for hit in _HYPHEN.finditer(prose):
        i = hit.start()
        if 0 < i < last:
            left, right = prose[i - 1], prose[i + 1]
            if (left in _FIGURES and right.isalpha()) or (
                left.isalpha() and right in _FIGURES
            ):
                yield i - 1


_PART = PlainOr(r"[\p{L}\p{N}]+")


class DigitInSpelledNumber(DocumentRule):
    """A figure inside a spelled-out number compound ("one-on-1", "twenty-1").

    Spinning tools and bad find-and-replace passes turn one part of a
    spelled-out compound into a figure. A compound that pairs a number word
    with a single-digit figure is never house style (style guides spell out
    one to nine, or use figures throughout: "1-on-1", "2-to-1"). Figures of
    10 and above next to a word ("one-in-10 chance") follow the usual
    words-below-ten rule and are left alone, as are names like 7-Eleven.

    Bad:
        The two leaders held one-on-1 talks.

    Good:
        The two leaders held one-on-one talks, a one-in-10 chance, 2-to-1.

    Fix: spell the figure out (safe fix). Suppress with
    ``newslint: noqa NT105``.
    """

    code = "NT105"
    name = "typography.digit-in-spelled-number"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        compound, part_pattern = _COMPOUND.pick(doc.plain), _PART.pick(doc.plain)
        done = -1
        for start in _figure_next_to_word(prose):
            if start < done:
                continue
            while start > 0 and (
                prose[start - 1].isalnum() or prose[start - 1] in "-‐–"
            ):
                start -= 1
            while prose[start] in "-‐–":
                start += 1
            match = compound.match(prose, start)
            if match is None:
                continue
            done = match.end()
            token = match.group(0)
            if token.lower() in _MIXED_NAMES:
                continue
            parts = list(part_pattern.finditer(token))
            words = [p.group(0) for p in parts if p.group(0).lower() in _number_words()]
            digits = [p for p in parts if p.group(0).isdigit() and len(p.group(0)) == 1]
            if not words or not [d for d in digits if d.group(0) != "0"]:
                continue
            upper = words[0].isupper() and len(words[0]) > 1
            fixed = token
            for part in reversed(digits):
                if part.group(0) == "0":
                    continue
                word = _DIGIT_WORDS[int(part.group(0))]
                word = word.upper() if upper else word
                fixed = fixed[: part.start()] + word + fixed[part.end() :]
            start, end = match.span()
            yield self.finding(
                doc,
                start,
                end,
                f"figure inside a spelled-out number: {token!r} (write {fixed!r})",
                fix=Fix(start, end, fixed),
            )


# -- NT106 ------------------------------------------------------------------------

_QUOTE_CHARS = lazy(r"[“”\"‘’]")
_QUOTE_MARKS = '“”"‘’'
#: What ``_LINE_DECORATION`` can start with (a digit starts a list number).
_DECORATION_START = frozenset(" \t>-*+#_")


def _decoration_end(prose: str, pos: int, plain: bool) -> int:
    """``_LINE_DECORATION.match(prose, pos).end()``, without the pattern when
    the line starts with no decoration at all (the usual case); ``plain``:
    whether ``prose`` is plain text."""
    char = prose[pos : pos + 1]
    if char and char not in _DECORATION_START and not char.isdecimal():
        return pos
    return _LINE_DECORATION.pick(plain).match(prose, pos).end()  # type: ignore[no-any-return]


_FEET_INCHES = lazy(r"\d['’](?: ?\d{1,2})?\"$")
_FEET_INCHES_ANY = lazy(r"\d['’](?: ?\d{1,2})?\"")
_LEFT_WORD = PlainOr(r"[\p{L}\p{N}]")


class _QuoteScan:
    """Quotation-mark events of one paragraph, and what stays open at its end."""

    def __init__(self) -> None:
        self.problems: list[tuple[int, int, str]] = []
        #: (offset, mark, offset of a ’ that may have been meant to close it)
        self.open_double: tuple[int, str, int | None] | None = None
        self.open_single: int | None = None


class UnbalancedQuotes(DocumentRule):
    """Quotation marks that do not pair up within a paragraph.

    Reported: a closing ” with no opening “ before it, an opening “ never
    closed (unless the next paragraph reopens with “, the correct style for
    a quotation running over several paragraphs), an opening “ closed by a
    single ’ after punctuation, and an opening “ typed where the open
    quotation should close. Apostrophes are not quotation marks: ’ inside a
    word (don’t, Putin’s), before a figure (’90s) or after a plural
    (leaders’) is ignored, and a single ‘…’ pair inside a quotation is fine.
    Straight double quotes are paired among themselves; an inch mark after a
    figure (6'2", 12") is skipped, but a figure may end a quoted title ("Gate
    3", "Apollo 13") when the paragraph's other marks pair up without it. Paragraphs using „ or guillemets are skipped.

    Bad:
        “We will rebuild the bridge, the mayor said.

        The council agreed.” It met on Monday.

    Good:
        “We will rebuild the bridge,” the mayor said. “It was the ’90s.

        “We start on Monday. Our leaders’ plan is ‘simple’,” she added.

    Fix: add or remove the stray mark. Suppress with ``newslint: noqa NT106``.
    """

    code = "NT106"
    name = "typography.unbalanced-quotes"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        if not any(mark in prose for mark in _QUOTE_MARKS):
            return  # no quotation mark: nothing can be unbalanced
        # an open double quote from the last paragraph: (offset, mark, a ’ that may
        # have been typed to close it)
        carry: tuple[int, str, int | None] | None = None
        for unit in paragraph_units(doc):
            if (
                prose.find("„", unit.start, unit.end) >= 0
                or prose.find("«", unit.start, unit.end) >= 0
                or prose.find("»", unit.start, unit.end) >= 0
            ):
                carry = None
                continue
            if _QUOTE_CHARS.search(prose, unit.start, unit.end) is None:
                # No mark here: a quotation still open from above is unclosed.
                if carry is not None:
                    yield self._unclosed(doc, carry)
                    carry = None
                continue
            lead = _decoration_end(prose, unit.start, doc.plain)
            reopens = prose[lead : lead + 1] in ("“", '"')
            if carry is not None and not reopens:
                first = _QUOTE_CHARS.search(prose, unit.start, unit.end)
                if (
                    first
                    and first.group(0) in '”"'
                    and carry[1] == ("“" if first.group(0) == "”" else '"')
                ):
                    line = doc.position(carry[0])[0]
                    yield self.finding(
                        doc,
                        first.start(),
                        first.end(),
                        f"closing {first.group(0)} of a quotation opened in an earlier"
                        f" paragraph (line {line}) that this paragraph does not reopen",
                    )
                    carry = None
                    scan = self._scan(prose, first.end(), unit.end, doc.plain)
                else:
                    yield self._unclosed(doc, carry)
                    carry = None
                    scan = self._scan(prose, unit.start, unit.end, doc.plain)
            else:
                carry = None
                scan = self._scan(prose, unit.start, unit.end, doc.plain)
            for start, end, message in scan.problems:
                yield self.finding(doc, start, end, message)
            carry = scan.open_double
        if carry is not None:
            yield self._unclosed(doc, carry)

    def _unclosed(self, doc: Document, carry: tuple[int, str, int | None]) -> Finding:
        if carry[2] is not None:
            return self.finding(
                doc,
                carry[2],
                carry[2] + 1,
                f"quotation opened with {carry[1]} (line {doc.position(carry[0])[0]})"
                " is never closed; was this ’ meant to close it with ”?",
            )
        return self.finding(
            doc,
            carry[0],
            carry[0] + 1,
            f"quotation opened with {carry[1]} is not closed in its paragraph"
            " (and the next paragraph does not reopen it)",
        )

    @staticmethod
    def _scan(prose: str, start: int, end: int, plain: bool) -> _QuoteScan:
        scan = _QuoteScan()
        left_word = _LEFT_WORD.pick(plain)
        decoration = _LINE_DECORATION.pick(plain)
        stray_open: int | None = None
        for match in _QUOTE_CHARS.finditer(prose, start, end):
            pos, mark = match.start(), match.group(0)
            before = prose[pos - 1] if pos > start else " "
            after = prose[pos + 1] if pos + 1 < end else " "
            after_word = bool(left_word.match(after))
            before_word = bool(left_word.match(before))
            if mark == "“":
                if (
                    scan.open_double is not None
                    and decoration.match(prose, prose.rfind("\n", 0, pos) + 1).end()
                    == pos
                ):
                    # a line that reopens the open quotation: one paragraph a
                    # line, the correct multi-paragraph style
                    scan.open_double = (pos, "“", None)
                    scan.open_single = None
                    continue
                if scan.open_double is not None and scan.open_double[1] == "“":
                    if not after_word:
                        scan.problems.append(
                            (
                                pos,
                                pos + 1,
                                "opening “ where the open quotation should close with ”",
                            )
                        )
                        scan.open_double = None
                        scan.open_single = None
                        continue
                    scan.problems.append(
                        (
                            scan.open_double[0],
                            scan.open_double[0] + 1,
                            "quotation opened with “ is not closed before the next “",
                        )
                    )
                scan.open_double = (pos, "“", None)
                scan.open_single = None
            elif mark == "”":
                if scan.open_double is not None and scan.open_double[1] == "“":
                    scan.open_double = None
                    scan.open_single = None
                elif scan.open_double is None:
                    if before.isdigit():
                        continue  # an inch mark: a 12” screen, 6’2”
                    if before.isspace() or pos == start:
                        scan.problems.append(
                            (
                                pos,
                                pos + 1,
                                "closing ” used as an opening quotation mark",
                            )
                        )
                        scan.open_double = (pos, "“", None)
                    elif stray_open is not None:
                        scan.problems.append(
                            (
                                stray_open,
                                stray_open + 1,
                                "quotation opened with ’ and closed with ” (expected “)",
                            )
                        )
                    else:
                        scan.problems.append(
                            (
                                pos,
                                pos + 1,
                                "closing ” with no opening “ in this paragraph",
                            )
                        )
                    stray_open = None
            elif mark == '"':
                if _FEET_INCHES.search(prose, max(start, pos - 6), pos + 1):
                    continue  # an inch mark: 6'2", 6' 2", 5'"
                if before.isdigit() and not (
                    scan.open_double is not None
                    and scan.open_double[1] == '"'
                    and (
                        prose.count('"', pos + 1, end)
                        - len(_FEET_INCHES_ANY.findall(prose, pos + 1, end))
                    )
                    % 2
                    == 0
                ):
                    # an inch mark (12"), unless it closes an open quotation
                    # that the paragraph's remaining marks do not: "Gate 3"
                    continue
                if scan.open_double is not None and scan.open_double[1] == '"':
                    scan.open_double = None
                    scan.open_single = None
                elif scan.open_double is None:
                    scan.open_double = (pos, '"', None)
                elif not before.isspace() and not after_word:
                    scan.problems.append(
                        (
                            pos,
                            pos + 1,
                            'quotation opened with “ is closed with a straight "',
                        )
                    )
                    scan.open_double = None
                    scan.open_single = None
            elif mark == "‘":
                if after.isdigit():
                    continue  # ‘90s typed with the wrong apostrophe
                scan.open_single = pos
            else:  # ’
                if (before_word and after_word) or after.isdigit():
                    continue  # don’t, Putin’s, ’90s
                if (before.isspace() or pos == start) and after_word:
                    if scan.open_double is None and scan.open_single is None:
                        stray_open = pos  # ’Tis, or a wrong-way opening mark
                    continue
                closing_position = not after_word and not before.isspace()
                if scan.open_single is not None:
                    if closing_position:
                        scan.open_single = None
                    continue
                if (
                    closing_position
                    and before in ".,!?"
                    and scan.open_double is not None
                    and scan.open_double[1] == "“"
                ):
                    scan.problems.append(
                        (
                            pos,
                            pos + 1,
                            "quotation opened with “ is closed with ’ (expected ”)",
                        )
                    )
                    scan.open_double = None
                elif (
                    closing_position
                    and before.isalpha()
                    and before not in "sS"
                    and scan.open_double is not None
                    and scan.open_double[1] == "“"
                    and scan.open_double[2] is None
                ):
                    scan.open_double = (*scan.open_double[:2], pos)
        return scan


# -- NT107 ------------------------------------------------------------------------

_WORD = PlainOr(r"[\p{L}\p{N}][\p{L}\p{N}'’.\-]*")
_SENTENCE_BREAK = PlainOr(r"[.!?][\"”’)]*\s+[\"“‘(]?\p{Lu}")


@rule_options
class FusedParagraphOptions:
    #: A paragraph with more words than this is reported.
    max_words: int = 350
    #: ... when it also has at least this many sentences.
    min_sentences: int = 3


class FusedParagraph(DocumentRule):
    """A huge paragraph that looks like several paragraphs fused together.

    News paragraphs run one to three sentences. A block of hundreds of words
    and many sentences is what a scrape or a copy-paste leaves when it drops
    the paragraph breaks. Reported once per paragraph, at its first word,
    with its word count. Markdown tables and list items count as separate
    paragraphs; in plain text, unwrapped copy with one paragraph a line is
    measured line by line.

    Bad:
        {fused}

    Good:
        The council met on Monday. It approved the budget.

    Fix: put the paragraph breaks back. Options ``max-words`` (350) and
    ``min-sentences`` (3). Suppress with ``newslint: noqa NT107`` on its first
    line.
    """

    code = "NT107"
    name = "typography.fused-paragraph"
    severity = Severity.INFO
    Options = FusedParagraphOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        limit = self.options.max_words
        word, sentence_break = _WORD.pick(doc.plain), _SENTENCE_BREAK.pick(doc.plain)
        for unit in paragraph_units(doc):
            if unit.end - unit.start < limit * 2:
                continue  # cannot hold that many words
            words = word.findall(prose, unit.start, unit.end)
            if len(words) <= limit or _is_structured(prose[unit.start : unit.end]):
                continue
            sentences = 1 + sum(
                1 for _ in sentence_break.finditer(prose, unit.start, unit.end)
            )
            if sentences < self.options.min_sentences:
                continue
            first = word.search(prose, unit.start, unit.end)
            start, end = first.span() if first else (unit.start, unit.start + 1)
            yield self.finding(
                doc,
                start,
                end,
                f"paragraph of {len(words)} words and {sentences} sentences"
                f" (over {limit}): paragraph breaks lost?",
            )


_STRUCTURED_LINE = lazy(r"[ \t]*(?:\||[-*+•][ \t]|\d{1,3}[.)][ \t])")


def _is_structured(block: str) -> bool:
    """A Markdown table or list: many short rows, not prose fused together."""
    lines = [line for line in block.splitlines() if line.strip()]
    rows = sum(1 for line in lines if _STRUCTURED_LINE.match(line))
    return len(lines) >= 3 and rows * 2 >= len(lines)


def _fused_example() -> str:
    sentence = "The council met again on Monday to discuss the new bridge budget."
    return " ".join([sentence] * 30)


FusedParagraph.__doc__ = (FusedParagraph.__doc__ or "").replace(
    "{fused}", _fused_example()
)


@hookimpl
def register_rules() -> list[type[DocumentRule]]:
    return [
        DoubledPunctuation,
        DoubledSpeechVerb,
        SpaceBeforePunctuation,
        GluedWords,
        DigitInSpelledNumber,
        UnbalancedQuotes,
        FusedParagraph,
    ]
