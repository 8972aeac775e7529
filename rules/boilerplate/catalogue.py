"""Shared machinery of the NB rules: the phrase catalogue and agency list
(data files beside this module), the first-word index that matches a whole
line against hundreds of entries in one look-up, and the per-line analysis
(Markdown decoration stripped) that every NB rule reads."""

from __future__ import annotations

import functools
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, NamedTuple

from newslint import (
    Document,
    DocumentRule,
    Finding,
    Fix,
    lazy,
    lazy_regex,
)
from newslint.text.plain import PlainOr, translatable, translate

_HERE = os.path.dirname(os.path.realpath(__file__))


def _read(name: str) -> str:
    """A data file next to this module (no pathlib: ~4 ms of every start)."""
    with open(os.path.join(_HERE, name), encoding="utf-8") as handle:
        return handle.read()


#: Lines longer than this are article text, never a catalogue leftover.
_MAX_LEFTOVER_CHARS = 400
#: "…": a short tail (up to 10 words, no sentence punctuation inside).
_SHORT_TAIL = r"(?:[^\s!?]*[^\s.!?](?:[ \t]+[^\s!?]*[^\s.!?]){0,9})?"
#: The same after a phrase not ending in ":" must start like a name ("from TIME").
_NAME_START = r"(?-i:(?=[\p{Lu}\p{N}\p{Sc}@“\"‘'#(]|[\w.+-]+@))"
_NAME_TAIL = r"(?:[ \t]+" + _NAME_START + _SHORT_TAIL + ")?"
#: "……": a long tail (a caption or a title of up to 200 characters) that
#: starts like a title ("Video: Floods in the north", not "Watch: the union's ...").
_LONG_TAIL = r"(?:" + _NAME_START + r"[^\n]{1,200}?)?"
_SEP = r"[\s|•·,;/–—-]*"


# -- data files -----------------------------------------------------------------
@functools.cache
def catalogue() -> dict[str, tuple[str, ...]]:
    """Section name -> entries of ``boilerplate_phrases.txt``."""
    return _sections(_read("boilerplate_phrases.txt"))


def _sections(text: str) -> dict[str, tuple[str, ...]]:
    """The sections of a catalogue file: stripped lines, neither blank nor
    "#" comments, after their ``[name]`` header (before any: section "").
    Comprehensions, not a loop with a branch per line: read at every start."""
    lines = [ln for ln in map(str.strip, text.splitlines()) if ln and ln[0] != "#"]
    heads = [
        i
        for i, ln in enumerate(lines)
        if ln[0] == "[" and ln[-1] == "]" and " " not in ln
    ]
    sections: dict[str, list[str]] = {}
    start, name = 0, ""
    for head in (*heads, len(lines)):
        if head > start:  # a header without entries makes no section
            sections.setdefault(name, []).extend(lines[start:head])
        if head < len(lines):
            name = lines[head][1:-1]
        start = head + 1
    return {key: tuple(value) for key, value in sections.items()}


@functools.cache
def agencies() -> tuple[str, ...]:
    text = _read("credit_agencies.txt")
    return tuple(
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def _literal(text: str) -> str:
    """An entry's words as a pattern: any hyphen may be a space or missing,
    either apostrophe matches, runs of space are flexible."""
    out = []
    for word in text.split():
        escaped = re.escape(word)  # one C-level escape per word, not per char
        for hyphen in ("\\-", "‐", "–"):
            escaped = escaped.replace(hyphen, "\x00")
        escaped = escaped.replace("'", "\x01").replace("’", "\x01")
        out.append(escaped.replace("\x00", r"[-‐\s]?").replace("\x01", "['’]"))
    return r"\s*".join(out) if len(out) == 1 else r"\s+".join(out)


def _re_entry(entry: str) -> tuple[int, str | None] | None:
    """A regex entry's head, ``re:`` or ``re<first words>:``: where the pattern
    starts and the first words (None without them); None for other entries."""
    if entry.startswith("re:"):
        return 3, None
    if entry.startswith("re<"):
        close = entry.find(">", 3)
        if close >= 0 and entry[close + 1 : close + 2] == ":":
            return close + 2, entry[3:close]
    return None


_ASCII_RUN = lazy(r"[A-Za-z0-9]+")
#: The free tails of a literal entry, as ``entry_pattern`` splits them.
_TAILS = lazy(r"(……|…|\.\.\.)")


#: What a line must hold for an entry to match it (``entry_pieces``): each
#: item a lower-case text the line must contain, or a tuple of branches (each
#: Pieces again) of which the line must hold one.
Pieces = tuple[Any, ...]
#: Characters that stand for themselves in a regex (outside a class), with
#: no case to fold: a required one is a piece like a letter run.
_LITERAL_MARKS = frozenset("!\"%&',-/:;<=>@_~`")


def _required_pieces(source: str) -> Pieces | None:
    """Runs of ASCII letters and digits (lower case) that every match of the
    regex ``source`` contains, read conservatively: classes, escapes and
    quantified characters end a run and are skipped (a character made optional
    is dropped); a group adds what it requires unless it is optional or a
    lookaround; an alternation requires one of its branches (each represented
    by its longest run). None: nothing required."""
    branches = _top_branches(source)
    if len(branches) > 1:
        either = _either(branches)
        return (either,) if either else None
    pieces: list[str | tuple[str, ...]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            pieces.append("".join(run).lower())
            run.clear()

    i, size = 0, len(source)
    while i < size:
        char = source[i]
        if char == "\\":
            flush()
            i += 2
            if source[i - 1 : i].isalnum():
                # \b, \d, \p{L}, \x41, \1 ...: skip what belongs to the escape
                while i < size and (source[i].isalnum() or source[i] in "{},"):
                    i += 1
        elif char == "(":
            flush()
            end = _skip_group(source, i)
            body = _group_body(source[i + 1 : end - 1])
            if body is not None and not _optional_at(source, end):
                pieces.extend(_required_pieces(body) or ())
            i = end
        elif char == "[":
            flush()
            end = _skip_group(source, i)
            marks = _class_marks(source[i + 1 : end - 1])
            if marks and not _optional_at(source, end):
                pieces.append(tuple((mark,) for mark in marks))
            i = end
        elif char == "{":
            close = source.find("}", i)
            bounds = source[i + 1 : close] if close > 0 else "x"
            if bounds.replace(",", "").isdigit():  # a quantifier {m}, {m,}, {m,n}, {,n}
                if run and (bounds.startswith(",") or int(bounds.split(",")[0]) == 0):
                    run.pop()  # the character before is optional
                flush()
                i = close + 1
            else:
                flush()
                i += 1
        elif char in "?*":
            if run:
                run.pop()  # the character before is optional
            flush()
            i += 1
        elif char.isascii() and (char.isalnum() or char in _LITERAL_MARKS):
            run.append(char)
            i += 1
        else:  # "+" (the character before stays), ".", "^", "$", spaces, ...
            flush()
            i += 1
    flush()
    return tuple(pieces)


def _either(branches: list[str]) -> tuple[Pieces, ...] | None:
    """What each branch requires; None if some branch requires nothing."""
    out: list[Pieces] = []
    for branch in branches:
        required = _required_pieces(branch)
        if not required:
            return None
        out.append(required)
    return tuple(out)


def _class_marks(body: str) -> str | None:
    """The characters of a class of plain marks ("[:|►▶»]"), one of which
    the line must hold; None for any other class (negated, ranges, escapes,
    letters or digits, whose case or meaning would need more care)."""
    if not body or body[0] == "^" or "\\" in body or "-" in body[1:-1] or "[" in body:
        return None
    if any(c.isalnum() or c.isspace() for c in body):
        return None
    return body


def _top_branches(source: str) -> list[str]:
    """``source`` split at its top-level ``|`` (not in groups or classes)."""
    branches: list[str] = []
    start = i = 0
    size = len(source)
    while i < size:
        char = source[i]
        if char == "\\":
            i += 2
        elif char in "[(":
            i = _skip_group(source, i)
        elif char == "|":
            branches.append(source[start:i])
            start = i = i + 1
        else:
            i += 1
    branches.append(source[start:])
    return branches


def _group_body(inner: str) -> str | None:
    """What a group between its brackets must match, without its head
    ("?:", "?P<name>", "?i:" ...); None for lookarounds, comments,
    conditionals, references and inline flags, which require nothing here."""
    if not inner.startswith("?"):
        return inner  # a capturing group
    second = inner[1:2]
    if second in (":", ">", "|"):
        return inner[2:]
    if second in ("P", "<"):
        if inner[1:3] in ("<=", "<!") or inner[2:3] in ("=", ">"):
            return None
        close = inner.find(">")
        return inner[close + 1 :] if close > 0 else None
    colon = inner.find(":")
    flags = inner[1:colon] if colon > 0 else ""
    if flags and all(c.isalpha() or c == "-" for c in flags):
        return inner[colon + 1 :]
    return None


def _optional_at(source: str, i: int) -> bool:
    """Whether a quantifier at ``i`` lets what stands before it match nothing."""
    char = source[i : i + 1]
    if char in ("?", "*"):
        return True
    if char == "{":
        bounds = source[i + 1 : source.find("}", i)]
        return bounds.startswith(",") or bounds.split(",")[0] in ("0", "")
    return False


def _skip_group(source: str, i: int) -> int:
    """The index after the bracketed group or class opening at ``i``."""
    depth = 0
    size = len(source)
    while i < size:
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            # a class: up to its closing "]" (a "]" right after "[" or "[^" is literal)
            j = i + 1
            if source[j : j + 1] == "^":
                j += 1
            if source[j : j + 1] == "]":
                j += 1
            while j < size and source[j] != "]":
                j += 2 if source[j] == "\\" else 1
            i = j + 1
            if depth == 0:
                return i
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return size


def _holds(pieces: Pieces, low: str) -> bool:
    """Whether ``low`` holds every item of ``pieces`` (``entry_pieces``)."""
    for piece in pieces:
        if piece.__class__ is str:
            if piece not in low:
                return False
        elif not any(_holds(branch, low) for branch in piece):
            return False
    return True


@functools.lru_cache(maxsize=4096)
def entry_pieces(entry: str) -> Pieces | None:
    """Lower-case ASCII runs that any line an entry matches must contain
    (case-insensitively): a cheap test before its patterns are compiled.
    None: no such test (a regex entry with a top-level alternation)."""
    head = _re_entry(entry)
    if head:
        return _required_pieces(entry[head[0] :])
    # A literal entry: every run of its words (hyphens and apostrophes are
    # flexible, so they split runs; the tails of "…" are free text). A word
    # after another word of the same stretch follows blanks (``\\s+``), so its
    # first run is looked for with a space before it ("More in …" is not in
    # "More than 40,000 people lined ...").
    pieces: list[str] = []
    for stretch in _TAILS.split(entry)[::2]:
        for index, word in enumerate(stretch.split()):
            for match in _ASCII_RUN.finditer(word):
                run = match.group(0).lower()
                pieces.append(" " + run if index and match.start() == 0 else run)
    return tuple(pieces)


#: On plain text regex's [^\W\d_] is the ASCII letters and the word
#: characters of the plain set that are neither digits nor "_".
_WORD_AT = PlainOr(r"[^\W\d_]+", plain=r"[A-Za-z\u200c\u200d\u203f\u2040\u2054]+")
_ASCII_WORD_AT = lazy(r"[A-Za-z]+")
_SEP_AT = PlainOr(_SEP)
_ATTRIBUTION = PlainOr(r"\b(?:said|says|told|added|according)\b", re.IGNORECASE)
_BAR = PlainOr(r"\s[|•·]\s")


@functools.lru_cache(maxsize=4096)
def entry_pattern(entry: str) -> tuple[str, bool]:
    """A catalogue entry as a regex fragment, and whether it has a free tail."""
    head = _re_entry(entry)
    if head:
        return f"(?:{entry[head[0] :]})", True
    parts = (
        re.split(r"(……|…|\.\.\.)", entry) if "…" in entry or "..." in entry else [entry]
    )
    if len(parts) == 1:
        return f"(?:{_literal(entry)})", False
    out = []
    for index, part in enumerate(parts):
        if index % 2 == 0:
            out.append(_literal(part))
            continue
        before = parts[index - 1].strip()
        is_end = index == len(parts) - 2 and not parts[-1].strip()
        if part == "……":
            out.append(r"\s*" + _LONG_TAIL)
        elif is_end and before:
            out.append(_NAME_TAIL)
        else:
            out.append(r"\s*" + _SHORT_TAIL + r"\s*")
    return "(?:" + "".join(out) + ")", True


def entry_keys(entry: str) -> tuple[str, ...]:
    """The first-word keys a line must start with to possibly match ``entry``
    (empty: try the entry on every line)."""
    head = _re_entry(entry)
    if head:
        return tuple(head[1].split()) if head[1] else ()
    return (key_at(entry.strip(), 0),)


_ASCII_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
#: How far ``key_at`` looks for the end of an ASCII word without a regex.
_KEY_WINDOW = 40


def key_at(text: str, pos: int) -> str:
    """The index key of ``text`` at ``pos``: its first word in lower case,
    "#digit" before a digit, else the character itself."""
    if pos >= len(text):
        return ""
    char = text[pos]
    if char.isdigit():
        return "#digit"
    if char.isalpha():
        # An ASCII word ended by an ASCII character (the usual case) needs no
        # Unicode-aware pattern: for ASCII, [^\W\d_] is [A-Za-z]. A word that
        # ends within a short window needs no pattern at all (str.lstrip; a
        # one-article run then compiles none): tests/unit/test_catalogue_index.py.
        if char < "\x80":
            window = text[pos : pos + _KEY_WINDOW]
            rest = window.lstrip(_ASCII_LETTERS)
            if rest:
                if rest[0] < "\x80":
                    return window[: len(window) - len(rest)].lower()
            elif pos + _KEY_WINDOW >= len(text):
                return window.lower()
        match = _ASCII_WORD_AT.match(text, pos)
        if match is not None:
            end = match.end()
            if end == len(text) or text[end] < "\x80":
                return match.group(0).lower()
        match = _WORD_AT.match(text, pos)
        assert match is not None
        return match.group(0).casefold()
    return char


def _key(entry: str) -> str:
    return " ".join(entry.split()).casefold()


#: regex's \p{Sc} on plain text, as the body of a class: "$" and the
#: currency signs of the plain set (tests/unit/test_nb_prefilters.py).
PLAIN_SC = "$\xa2-\xa5\u20a0-\u20c0"


def plain_group(sources: tuple[str | None, ...]) -> tuple[Any, ...] | None:
    r"""``re`` forms of a group's alternations for plain lines: ``translate``
    with \p{Sc} spelled out; None when one of them has no plain form."""
    out: list[Any] = []
    for source in sources:
        if source is None:
            out.append(None)
            continue
        try:
            plain_source = translate(source.replace(r"\p{Sc}", PLAIN_SC), native=True)
            out.append(re.compile(plain_source, re.IGNORECASE))
        except (ValueError, re.error):
            return None
    return tuple(out)


class Catalogue:
    """Catalogue entries indexed by first word, compiled lazily per word.

    ``fullmatch(line)`` is true when the whole line is made of entries:
    tail-free entries may be glued in a chain ("Reach out to usSend your
    letters to"); an entry with a free tail may only close the chain. A line
    is only ever compared with the few entries that can start it, so one
    pass over an article costs a dictionary look-up per line.
    """

    def __init__(self, entries: tuple[str, ...]) -> None:
        # Only the index is made here, and a built-in catalogue's is shared,
        # made once (``_builtin_tables``); an entry becomes a pattern when a
        # line first starts with one of its keys (a short article touches few).
        self.entries = entries
        index = _builtin_tables().indexes.get(entries)
        if index is None:  # extra or disabled phrases: a catalogue of its own
            index = _index(entries)
        #: Key -> its entries (read-only: shared with ``_builtin_tables``).
        self._entries: dict[str, list[str]] = index[0]
        #: The entries tried on every line (read-only too).
        self._everywhere_entries: list[str] = index[1]
        self._everywhere = bool(index[1])
        #: (key, plain) -> the key's whole group (``re`` forms when plain).
        self._compiled: dict[tuple[str, bool], tuple[Any, Any, Any]] = {}
        #: Key -> the literal pieces of each of its entries (``_group_for``).
        self._tests: dict[str, tuple[Pieces | None, ...]] = {}
        #: (key, entry numbers, plain) -> a group of only those entries; how
        #: many such groups each key compiled, and on how many lines it tested
        #: pieces (``_group_for``).
        self._partial: dict[
            tuple[str, tuple[int, ...], bool], tuple[Any, Any, Any]
        ] = {}
        self._partials: dict[str, int] = defaultdict(int)
        self._tested: dict[str, int] = defaultdict(int)

    @staticmethod
    def _split(entries: Iterable[str]) -> tuple[list[str], list[str], list[str]]:
        """(fixed, tailed, regex) patterns of ``entries``."""
        fixed: list[str] = []
        tailed: list[str] = []
        regexes: list[str] = []
        for entry in entries:
            pattern, has_tail = entry_pattern(entry)
            if _re_entry(entry):
                regexes.append(pattern)
            else:
                (tailed if has_tail else fixed).append(pattern)
        return fixed, tailed, regexes

    def _group(self, key: str, plain_text: bool = False) -> tuple[Any, Any, Any]:
        """Every entry of ``key`` compiled as one group (kept for later lines)."""
        group = self._compiled.get((key, plain_text))
        if group is None:
            group = self._compiled[(key, plain_text)] = self._build(
                self._entries.get(key, ()), self._everywhere_entries, plain_text
            )
        return group

    @staticmethod
    def _build(
        entries: Iterable[str], everywhere: Iterable[str], plain_text: bool = False
    ) -> tuple[Any, Any, Any]:
        """(fixed, tailed, regex) alternations of ``entries``, with the
        entries that may start anywhere among the regexes. ``plain_text``: for
        plain lines only, in ``re`` (``plain_group``) where it can be."""
        fixed, tailed, regexes = Catalogue._split(entries)
        # Longest first, so "Read more stories" wins over "Read more".
        fixed.sort(key=len, reverse=True)
        regexes += [entry_pattern(e)[0] for e in everywhere]
        sources = (
            "(?:" + "|".join(fixed) + ")" if fixed else None,
            "(?:" + "|".join(tailed) + ")[.!]?" if tailed else None,
            "(?:" + "|".join(regexes) + ")[.!]?" if regexes else None,
        )
        if plain_text:
            group = plain_group(sources)
            if group is not None:
                return group
        import regex  # here, not at import: a plain article compiles no group

        flags = regex.IGNORECASE | regex.V0
        return tuple(  # type: ignore[return-value]
            None if source is None else regex.compile(source, flags)
            for source in sources
        )

    #: Groups of a few entries a key compiles before it compiles all of them.
    PARTIAL_GROUPS = 3
    #: Lines a key's pieces are tested on before its whole group compiles.
    TESTED_LINES = 64

    def _group_for(
        self, key: str, line: str, plain_text: bool = False
    ) -> tuple[Any, Any, Any] | None:
        """The group to try on ``line``: the key's whole group once compiled;
        before that only the entries whose literal pieces ``line`` holds
        (``entry_pieces``), None when there are none. Leaving out entries that
        cannot match anywhere in the line changes no match of an alternation,
        and "More than 40,000 people ..." compiles one entry, not fifteen."""
        group = self._compiled.get((key, plain_text))
        if group is not None:
            return group
        own = self._entries.get(key, ())
        tests = self._tests.get(key)
        if tests is None:
            entries = (*own, *self._everywhere_entries)
            tests = self._tests[key] = tuple(entry_pieces(e) for e in entries)
        # Lines many (a big run's "The ..." lines): past a budget, the key's
        # whole group is cheaper than testing each line's pieces.
        self._tested[key] += 1
        if self._tested[key] > self.TESTED_LINES:
            return self._group(key, plain_text)
        # "İ" folds to "i̇" and matches "i" under IGNORECASE; blanks become
        # one space, as the " word" pieces expect
        low = line.casefold()
        if not low.isascii():
            low = " ".join(low.replace("\u0307", "").split())
        elif (
            "  " in low
            or low.startswith(" ")
            or low.endswith(" ")
            or not low.isprintable()  # tabs, line breaks, \x1c-\x1f
        ):
            low = " ".join(low.split())
        chosen = tuple(
            i for i, pieces in enumerate(tests) if pieces is None or _holds(pieces, low)
        )
        if not chosen:
            return None
        if len(chosen) == len(tests) or self._partials[key] >= self.PARTIAL_GROUPS:
            return self._group(key, plain_text)
        group = self._partial.get((key, chosen, plain_text))
        if group is None:
            self._partials[key] += 1
            n = len(own)
            group = self._partial[(key, chosen, plain_text)] = self._build(
                [own[i] for i in chosen if i < n],
                [self._everywhere_entries[i - n] for i in chosen if i >= n],
                plain_text,
            )
        return group

    def fullmatch(
        self, line: str, first_key: str | None = None, plain_text: bool | None = None
    ) -> bool:
        """``plain_text``: whether ``line`` is plain (``translatable``), if the
        caller knows (a document's lines are when the document is)."""
        if plain_text is None:
            plain_text = translatable(line)
        if self._chain(line, first_key, plain_text):
            return True
        # "Posted by Newsroom | 3 min read": every segment of a bar is a leftover.
        if "|" in line or "•" in line or "·" in line:
            parts = [p.strip() for p in _BAR.pick(plain_text).split(line)]
            return len(parts) > 1 and all(
                p and self._chain(p, None, plain_text) for p in parts
            )
        return False

    def _chain(
        self, line: str, first_key: str | None, plain_text: bool = False
    ) -> bool:
        pos, size = 0, len(line)
        for _ in range(8):
            key = first_key if pos == 0 and first_key is not None else key_at(line, pos)
            if key not in self._entries and not self._everywhere:
                return False
            group = self._group_for(key, line, plain_text)
            if group is None:
                return False  # no entry of the key can match: nothing to compile
            fixed, tailed, regexes = group
            if regexes is not None and regexes.fullmatch(line, pos):
                return True
            # "Follow us on Twitter for updates, police said." is a sentence:
            # a free tail never closes a long attributed line with a period.
            if (
                tailed is not None
                and tailed.fullmatch(line, pos)
                and not (
                    line.endswith(".")
                    and len(line[pos:].split()) > 5
                    and (", " in line or _ATTRIBUTION.pick(plain_text).search(line))
                )
            ):
                return True
            match = fixed.match(line, pos) if fixed is not None else None
            if match is None or match.end() == pos:
                return False
            pos = match.end()
            if pos >= size or line[pos:] in (".", "!"):
                return True
            pos = _SEP_AT.pick(plain_text).match(line, pos).end()  # type: ignore[union-attr]
            if pos >= size:
                return True
        return False


def _index(entries: Iterable[str]) -> tuple[dict[str, list[str]], list[str]]:
    """(key -> entries, entries tried on every line) of ``entries``, in order.

    An entry whose text up to the first space is ASCII letters (nearly all)
    gets its key without ``entry_keys``: that word in lower case, as
    ``key_at`` reads it (tests/unit/test_catalogue_index.py)."""
    index: dict[str, list[str]] = {}
    everywhere: list[str] = []
    for entry in entries:
        word = entry.partition(" ")[0]
        if word.isascii() and word.isalpha():
            key = word.lower()
            bucket = index.get(key)
            if bucket is None:
                index[key] = [entry]
            else:
                bucket.append(entry)
            continue
        keys = _other_keys(entry, word)
        if not keys:
            everywhere.append(entry)
        for key in keys:
            bucket = index.get(key)
            if bucket is None:
                index[key] = [entry]
            else:
                bucket.append(entry)
    return index, everywhere


def _other_keys(entry: str, word: str) -> tuple[str, ...]:
    """``entry_keys(entry)``, ``word`` being the entry up to its first space:
    a regex entry's words; for another ASCII ``word`` ("Video:", "Don't"),
    its leading letters in lower case, as ``key_at`` reads them when an ASCII
    character follows; else the first character's key."""
    head = _re_entry(entry)
    if head:
        return tuple(head[1].split()) if head[1] else ()
    if word.isascii():
        letters = len(word) - len(word.lstrip(_ASCII_LETTERS))
        if letters:
            return (word[:letters].lower(),)
    return (key_at(entry.strip(), 0),)


class _Tables(NamedTuple):
    #: Every built-in entry, section after section (the ``ALL`` catalogue).
    everything: tuple[str, ...]
    #: Entries of a built-in catalogue (each section, ``ALL``) -> ``_index``.
    indexes: dict[tuple[str, ...], tuple[dict[str, list[str]], list[str]]]
    #: ``_section_index``.
    names: tuple[dict[str, tuple[str, ...]], tuple[str, ...], tuple[str, ...]]


@functools.cache
def _builtin_tables() -> _Tables:
    """The first-word index of every built-in catalogue, made once at
    start-up: ``ALL`` (the sections one after another) is the sections'
    indexes joined, not every entry indexed a second time, and the join
    notes which sections have each key (``_section_index``)."""
    sections = catalogue()
    indexes = {}
    joined: dict[str, list[str]] = {}
    named: dict[str, tuple[str, ...]] = {}
    everywhere: list[str] = []
    anywhere_names: list[str] = []
    for name, entries in sections.items():
        index, anywhere = indexes[entries] = _index(entries)
        for key, bucket in index.items():
            have = joined.get(key)
            if have is None:
                joined[key] = bucket  # shared until a second section adds
                named[key] = (name,)
            else:
                joined[key] = have + bucket  # a new list: never the section's
                named[key] += (name,)
        if anywhere:
            everywhere += anywhere
            anywhere_names.append(name)
    everything = tuple(e for entries in sections.values() for e in entries)
    indexes[everything] = (joined, everywhere)
    # ALL has every key; it is tried on every line when any section is.
    names = {key: (*value, ALL) for key, value in named.items()}
    if everywhere:
        anywhere_names.append(ALL)
    return _Tables(
        everything, indexes, (names, tuple(anywhere_names), (*sections, ALL))
    )


@functools.lru_cache(maxsize=64)
def compile_catalogue(entries: tuple[str, ...]) -> Catalogue:
    return Catalogue(entries)


@functools.cache
def _default_pattern(section: str) -> Any:
    return compile_catalogue(section_entries(section))


@functools.cache
def _known_pattern() -> Any:
    """Every built-in catalogue entry of every section."""
    return compile_catalogue(_builtin_tables().everything)


def is_default(pattern: Catalogue, section: str) -> bool:
    """Whether ``pattern`` holds exactly the built-in entries of ``section``
    (the rule has no ``extra-phrases`` / ``disabled-phrases`` that change it),
    so the shared per-document table of matches (``catalogue_hits``) applies."""
    default = _default_pattern(section)
    return pattern is default or pattern.entries == default.entries


def section_entries(
    section: str, extra: Iterable[str] = (), disabled: Iterable[str] = ()
) -> tuple[str, ...]:
    base = catalogue().get(section, ())
    off = {_key(d) for d in disabled}
    if not off:  # the usual rule: no entry to compare (nor to normalise)
        return base + tuple(extra) if extra else base
    return tuple(e for e in base if _key(e) not in off) + tuple(
        e for e in extra if _key(e) not in off
    )


# -- lines ----------------------------------------------------------------------
class Line(NamedTuple):
    number: int  # 1-based
    start: int  # offset of the line in Document.text
    end: int  # offset of the line's end, line ending excluded
    next: int  # offset of the next line (line ending included)
    core_start: int
    core_end: int
    core: str  # the line without Markdown decoration
    markup: str  # "", "heading", "list", "quote", "table"
    key: str  # key_at(core, 0): which catalogue entries can match
    #: The line continues a hard-wrapped sentence from the line above, so it
    #: is part of a paragraph, never a leftover line of its own.
    wrapped: bool = False


_LEAD = PlainOr(
    r"^(?P<ws>[ \t]*)(?P<quote>(?:>[ \t]?)+)?(?:(?P<h>#{1,6}[ \t]+)|(?P<li>(?:[-*+•·]|\d{1,3}[.)])[ \t]+))?"
    r"(?:[*_]{1,3}|[«‹←<|]\s*)*"
)
#: A line this long that ends mid-sentence is hard-wrapped prose (leftover
#: lines stacked one under another are short).
_WRAP_WIDTH = 50


def _continues(above: str) -> bool:
    """Whether the line above breaks off mid-sentence: long, no closing
    punctuation, and ending on a lower-case word ("... came on")."""
    if len(above) < _WRAP_WIDTH or above[-1] in _CLOSES_LINE:
        return False
    last = above.rsplit(None, 1)[-1]
    return last[:1].islower() or last[:1].isdigit() or last.endswith(",")


_CLOSES_LINE = '.!?:;"”’)]|*_>'
_TRAIL_CHARS = " \t\r\n*_»›→←‹«|>:…"


def _strip_tail(core: str) -> str:
    """Drop trailing decoration: arrows, emphasis, "...", a spaced dash."""
    last = core[-1:]
    if last and last not in _TRAIL_CHARS and last not in "-–—" and core[-3:] != "...":
        return core  # the usual line: nothing to drop
    out = core
    while True:
        before = out
        out = out.rstrip(_TRAIL_CHARS)
        if out.endswith("..."):
            out = out[:-3]
        elif out[-1:] in ("-", "–", "—"):
            head = out.rstrip("-–—")
            if head[-1:] in (" ", "\t"):
                out = head
        if out == before:
            break
    return out if out and not out.isspace() else core


def doc_lines(doc: Document) -> list[Line]:
    """The non-blank prose lines of ``doc`` with their decoration stripped.

    Every NB rule needs them, so they are computed once per document.
    """
    return doc.analysis("newslint.rules.boilerplate.lines", _lines_of)


def _lines_of(doc: Document) -> list[Line]:
    return _doc_lines(doc.text, doc.prose, doc.line_starts, doc.plain)


def _doc_lines(
    text: str, prose: str, starts: list[int], plain_text: bool = False
) -> list[Line]:
    out: list[Line] = []
    lead_pattern = _LEAD.pick(plain_text)
    previous = ""  # the prose of the line just above ("" when blank)
    last = len(starts) - 1
    for index, start in enumerate(starts):
        nxt = starts[index + 1] if index < last else len(prose)
        end = nxt
        while end > start and prose[end - 1] in "\r\n":
            end -= 1
        line = prose[start:end]
        stripped = line.strip()
        above, previous = previous, stripped
        if not stripped:
            continue
        markup = ""
        if line[0].isalpha():
            cs = start  # a letter first: no decoration to strip
        else:
            lead = lead_pattern.match(line)
            assert lead is not None
            cs = start + lead.end()
            if lead.group("h"):
                markup = "heading"
            elif lead.group("li"):
                markup = "list"
            elif lead.group("quote"):
                markup = "quote"
            elif stripped.startswith("|") and line.rstrip().endswith("|"):
                markup = "table"
        core = line if cs == start else prose[cs:end]
        # A Markdown link wrapping the whole line: [text](target) -> text.
        if core.startswith("[") and "]" in core:
            close = core.index("]")
            if (
                cs + close + 1 < len(text)
                and text[cs + close + 1] == "("
                and not core[close + 1 :].strip()
            ):
                core = core[1:close]
                cs += 1
        core = _strip_tail(core)
        lstripped = core.lstrip()
        cs += len(core) - len(lstripped)
        core = lstripped.rstrip()
        if not core:
            continue
        if text.find("](", cs, cs + len(core) + 1) >= 0:
            core = _flatten_links(core, text, cs)
        out.append(
            Line(
                index + 1,
                start,
                end,
                nxt,
                cs,
                cs + len(core),
                core,
                markup,
                key_at(core, 0),
                _continues(above) and not markup,
            )
        )
    return out


#: (literals and a class of them: re reads it as regex does, on any text)
_LINK_TEXT = lazy(r"\[([^\[\]\n]*)\]")


def _flatten_links(core: str, text: str, offset: int) -> str:
    """``[Home]   › [News]  `` (link targets masked) -> ``Home › News``."""

    def repl(match: Any) -> str:
        after = offset + match.end()
        return (
            match.group(1)
            if after < len(text) and text[after] == "("
            else match.group(0)
        )

    return " ".join(_LINK_TEXT.sub(repl, core).split())


def image_captions(doc: Document) -> frozenset[int]:
    """Line numbers of Markdown images and of the line right under each
    (``![alt](src)`` then ``*Photo: Jane Doe/Reuters*`` is a real caption)."""
    if not doc.is_markdown or "![" not in doc.text:
        return frozenset()
    out: set[int] = set()
    lines = doc_lines(doc)
    for index, line in enumerate(lines):
        if "![" in doc.text[line.start : line.end]:
            out.add(line.number)
            if index + 1 < len(lines):
                out.add(lines[index + 1].number)
    return frozenset(out)


def _visible_span(doc: Document, line: Line) -> tuple[int, int]:
    """The line without its outer whitespace, as offsets into the text."""
    raw = doc.text[line.start : line.end]
    lead = len(raw) - len(raw.lstrip())
    return line.start + lead, line.start + len(raw.rstrip())


def line_finding(
    rule: DocumentRule, doc: Document, line: Line, message: str
) -> Finding:
    """A finding over the visible part of a leftover line, with the safe fix
    that deletes the whole line."""
    start, end = _visible_span(doc, line)
    return rule.finding(doc, start, end, message, fix=Fix(line.start, line.next, ""))


def _preview(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_SENTENCE_END = lazy_regex(r"[.!?…:;”\"’)\]]$")
_SENTENCE_END_CHARS = frozenset('.!?…:;”"’)]')


def ends_sentence(text: str) -> bool:
    """``_SENTENCE_END.search(text)`` without the pattern: the last character
    (before one final newline, as ``$`` reads it) closes a sentence."""
    if text.endswith("\n"):
        text = text[:-1]
    return text != "" and text[-1] in _SENTENCE_END_CHARS


# -- the lines every built-in catalogue matches, in one pass -----------------------
_EMPHASIS = PlainOr(r"(?<![\p{L}\p{N}])[*_]{1,3}|[*_]{1,3}(?![\p{L}\p{N}])")


def plain(core: str) -> str:
    """The line without emphasis markers (``**Related:** x`` -> ``Related: x``)."""
    if "*" not in core and "_" not in core:
        return core
    return " ".join(_EMPHASIS.on(core).sub("", core).split())


#: The name under which ``catalogue_hits`` files every built-in entry at once
#: (the sections together, as ``_known_pattern``).
ALL = "*"


def _builtin(name: str) -> Catalogue:
    return _known_pattern() if name == ALL else _default_pattern(name)  # type: ignore[no-any-return]


@functools.cache
def _section_index() -> tuple[
    dict[str, tuple[str, ...]], tuple[str, ...], tuple[str, ...]
]:
    """First-word key -> the built-in catalogues (sections and ``ALL``) that
    have entries starting with it; the catalogues to try on every line; all
    names. A line whose key no catalogue lists cannot match any of them."""
    return _builtin_tables().names


class CatalogueHits(NamedTuple):
    """Which lines of a document the built-in catalogues match in full."""

    #: Section name (or ``ALL``) -> numbers of lines whose core matches.
    core: dict[str, frozenset[int]]
    #: The same for the core without emphasis, where that differs from the core.
    plain: dict[str, frozenset[int]]
    #: Line number -> ``plain(line.core)``.
    plains: dict[int, str]


def catalogue_hits(doc: Document) -> CatalogueHits:
    """Every built-in catalogue section (and all of them together) matched
    against every line in one pass, computed once per document: a line is
    compared only with the sections that have entries starting with its
    first word (one dictionary look-up for most lines), instead of each
    rule running its own section over every line."""
    return doc.analysis("newslint.rules.boilerplate.catalogue_hits", _hits_of)


def _hits_of(doc: Document) -> CatalogueHits:
    index, everywhere, names = _section_index()
    core: dict[str, set[int]] = {name: set() for name in names}
    plain_hits: dict[str, set[int]] = {name: set() for name in names}
    plains: dict[int, str] = {}
    plain_text = doc.plain  # then every line is plain too

    def match(out: dict[str, set[int]], text: str, key: str, number: int) -> None:
        if "|" in text or "•" in text or "·" in text:
            candidates = names  # a bar splits the line: any section may match
        else:
            candidates = index.get(key, ())
            if everywhere:
                candidates += everywhere
        for name in candidates:
            if _builtin(name).fullmatch(text, key, plain_text or None):
                out[name].add(number)

    for line in doc_lines(doc):
        p = plain(line.core)
        plains[line.number] = p
        match(core, line.core, line.key, line.number)
        if p != line.core:
            match(plain_hits, p, key_at(p, 0), line.number)
    return CatalogueHits(
        {k: frozenset(v) for k, v in core.items()},
        {k: frozenset(v) for k, v in plain_hits.items()},
        plains,
    )
