"""Document: one article as rules see it.

The file is decoded once (UTF-8, BOM dropped, line endings kept), non-prose
spans are masked to spaces in ``prose`` (same length as ``text``), and the
line index, paragraphs and sentences are computed lazily once and shared by
every rule.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import cached_property
from itertools import accumulate
from typing import Any, NamedTuple, TypeVar

from newslint import markup
from newslint.hashing import blake2b
from newslint.patterns import lazy

T = TypeVar("T")
MARKDOWN_SUFFIXES = (".md", ".markdown")
#: A line break and one or more blank lines after it (a "\r" before the
#: first "\n" belongs to the match too: see ``paragraphs``). Starting at a
#: literal "\n" lets the scan skip to line breaks instead of trying every
#: position for an optional "\r".
_BLANK_LINES = lazy(r"\n(?:[ \t]*\r?\n)+")


class Block(NamedTuple):
    """A paragraph or sentence: offsets into ``Document.text`` and the *prose*
    (masked) characters of that span, outer whitespace trimmed. Immutable
    (a NamedTuple, which unlike a dataclass costs nothing to create at
    start-up)."""

    start: int
    end: int
    text: str


def decode(raw: bytes) -> tuple[str, int | None]:
    """Decode UTF-8 (BOM dropped); on bad bytes, decode with U+FFFD.

    Returns the text and the character offset of the first bad byte (None
    when the file is valid UTF-8).
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        good_prefix = raw[: exc.start].decode("utf-8", errors="replace")
        return raw.decode("utf-8", errors="replace"), len(good_prefix)


def _parse_front_matter(delimiter: str, body: str) -> dict[str, Any]:
    """Top-level keys of the front matter; only scalars matter to newslint."""
    if delimiter == "+++":
        try:
            import tomllib
        except ModuleNotFoundError:  # Python 3.10
            import tomli as tomllib  # type: ignore[no-redef]
        try:
            return dict(tomllib.loads(body))
        except tomllib.TOMLDecodeError:
            return {}
    data: dict[str, Any] = {}
    for line in body.splitlines():
        match = re.match(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", line)
        if match:
            value = match.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            data[match.group(1)] = value
    return data


class Document:
    """One article: path, decoded text, masked prose and lazy analyses."""

    def __init__(
        self,
        path: str,
        text: str,
        *,
        is_target: bool = True,
        decode_error_at: int | None = None,
        raw: bytes | None = None,
    ) -> None:
        self.path = path
        self.text = text
        self.is_target = is_target
        self.decode_error_at = decode_error_at
        self._raw = raw
        self._analyses: dict[str, Any] = {}

    def analysis(self, key: str, compute: Callable[[Document], T]) -> T:
        """``compute(self)``, computed once per document and shared by all rules.

        Shared analysers (names, quantities, quotes) are keyed by a name, e.g.
        ``doc.analysis("newslint.quantities", sentence_quantities)``, so that
        several rules (and their extract steps) never redo the same work.
        """
        if key not in self._analyses:
            self._analyses[key] = compute(self)
        return self._analyses[key]  # type: ignore[no-any-return]

    @classmethod
    def from_bytes(cls, path: str, raw: bytes, *, is_target: bool = True) -> Document:
        text, bad = decode(raw)
        return cls(path, text, is_target=is_target, decode_error_at=bad, raw=raw)

    # -- identity -----------------------------------------------------------
    @cached_property
    def content_hash(self) -> str:
        data = self._raw if self._raw is not None else self.text.encode("utf-8")
        return blake2b(data, digest_size=16).hexdigest()

    @property
    def is_markdown(self) -> bool:
        return self.path.lower().endswith(MARKDOWN_SUFFIXES)

    # -- front matter and masking ---------------------------------------------
    @cached_property
    def _front(self) -> tuple[markup.Span, str, str] | None:
        return markup.front_matter_span(self.text)

    @property
    def front_matter_span(self) -> markup.Span | None:
        return self._front[0] if self._front else None

    @cached_property
    def front_matter(self) -> dict[str, Any]:
        if not self._front:
            return {}
        _, delimiter, body = self._front
        return _parse_front_matter(delimiter, body)

    @cached_property
    def masked_spans(self) -> list[markup.Span]:
        """Spans that are not prose: front matter, comments, code, URLs, links."""
        text = self.text
        spans: list[markup.Span] = []
        if self._front:
            spans.append(self._front[0])
        spans.extend(markup.html_comments(text))
        if self.is_markdown:
            spans.extend(markup.fenced_code(text))
            spans.extend(markup.inline_code(text))
            spans.extend(markup.link_targets(text))
        spans.extend(markup.urls(text))
        return markup.merge(spans)

    @cached_property
    def directive_text(self) -> str:
        """``text`` with front matter and code masked: where suppression
        comments are read (a comment shown inside a code example is not one)."""
        spans: list[markup.Span] = [self._front[0]] if self._front else []
        if self.is_markdown:
            spans.extend(markup.fenced_code(self.text))
            spans.extend(markup.inline_code(self.text))
        return markup.mask(self.text, spans) if spans else self.text

    @cached_property
    def prose(self) -> str:
        """``text`` with non-prose blanked to spaces: same length, same lines."""
        return markup.mask(self.text, self.masked_spans)

    @cached_property
    def plain(self) -> bool:
        """Whether ``prose`` is plain text (its non-ASCII characters only
        punctuation, spaces and symbols) on which rules may use the exact
        stdlib ``re`` equivalents of their ``regex`` patterns
        (``newslint.text.plain.translatable``)."""
        from newslint.text.plain import translatable

        return translatable(self.prose)

    # -- positions --------------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        lines = self.text.split("\n")
        lines.pop()  # the last line has no line break after it
        return list(accumulate((len(line) + 1 for line in lines), initial=0))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset, columns in code points."""
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line without its line ending."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    # -- structure ----------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[Block]:
        """Blank-line separated blocks of prose (masked parts excluded)."""
        prose = self.prose
        blocks: list[Block] = []
        pos = 0
        if prose.count("\n") < 2:  # no blank line: one block at most
            _add_block(blocks, prose, 0, len(prose))
            return blocks
        for match in _BLANK_LINES.finditer(prose):
            start = match.start()
            if start > pos and prose[start - 1] == "\r":
                start -= 1  # "\r\n" ends the block's last line
            _add_block(blocks, prose, pos, start)
            pos = match.end()
        _add_block(blocks, prose, pos, len(prose))
        return blocks

    @cached_property
    def sentences(self) -> list[Block]:
        """Sentences of every paragraph; a list item, a table row and a
        heading line each start a new one (their marker left out), whether or
        not the line before ends with sentence punctuation."""
        from newslint.text.sentences import split_paragraph

        return [
            sentence
            for paragraph in self.paragraphs
            for sentence in split_paragraph(self.prose, paragraph.start, paragraph.end)
        ]

    @property
    def story_key(self) -> str | None:
        """The front-matter ``story`` key, when present."""
        value = self.front_matter.get("story")
        return str(value) if value not in (None, "") else None

    def __repr__(self) -> str:
        return f"Document({self.path!r}, {len(self.text)} chars)"


def _add_block(blocks: list[Block], prose: str, start: int, end: int) -> None:
    chunk = prose[start:end]
    body = chunk.lstrip()
    if not body:
        return
    text = body.rstrip()
    s = start + len(chunk) - len(body)
    blocks.append(Block(s, s + len(text), text))
