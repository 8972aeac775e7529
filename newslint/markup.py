"""Find the spans of a file that are not prose, so they can be masked.

Every function returns ``(start, end)`` offsets into the decoded text. Masking
replaces those characters with spaces (newlines kept), so an offset found in
the masked prose is also an offset into the file's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.patterns import lazy

Span = tuple[int, int]

# Every pattern compiles on first use, and each finder first checks for a
# character sequence its pattern cannot match without (most articles have
# no comment, code, link or URL at all).
_FRONT_MATTER = {
    "---": lazy(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M),
    "+++": lazy(r"\A\+\+\+[ \t]*\r?\n(.*?)^\+\+\+[ \t]*(?:\r?\n|\Z)", re.S | re.M),
}
_HTML_COMMENT = lazy(r"<!--.*?(?:-->|\Z)", re.S)
_FENCE_OPEN = lazy(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*$", re.M)
_INLINE_CODE = lazy(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_URL = lazy(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"'“”‘’()\[\]]+", re.I)
_LINK_TARGET = lazy(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_LINK_REFDEF = lazy(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.M)
_AUTOLINK = lazy(r"<(?:[a-z][a-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>", re.I)
_TRAILING_URL_PUNCT = ".,;:!?"


def front_matter_span(text: str) -> tuple[Span, str, str] | None:
    """Return (span, delimiter, body) of leading YAML/TOML front matter, if any."""
    for delimiter, pattern in _FRONT_MATTER.items():
        if text.startswith(delimiter):
            match = pattern.match(text)
            if match:
                return (0, match.end()), delimiter, match.group(1)
    return None


def html_comments(text: str) -> Iterator[Span]:
    if "<!--" not in text:
        return
    for match in _HTML_COMMENT.finditer(text):
        yield match.span()


def fenced_code(text: str) -> Iterator[Span]:
    """Fenced code blocks (``` or ~~~), an unclosed fence running to the end."""
    if "```" not in text and "~~~" not in text:
        return
    pos = 0
    while True:
        opening = _FENCE_OPEN.search(text, pos)
        if not opening:
            return
        fence = opening.group(1)
        closing = re.compile(
            r"^[ ]{0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$",
            re.M,
        ).search(text, opening.end())
        end = closing.end() if closing else len(text)
        yield opening.start(), end
        pos = end


def inline_code(text: str) -> Iterator[Span]:
    if "`" not in text:
        return  # the common case, without scanning every position
    for match in _INLINE_CODE.finditer(text):
        if "\n\n" not in match.group(0):
            yield match.span()


def urls(text: str) -> Iterator[Span]:
    if "://" not in text and (
        # "www." needs "w." (only "w" and "W" lower to "w"): most texts have
        # neither, and need no lower-cased copy
        ("w." not in text and "W." not in text) or "www." not in text.lower()
    ):
        return  # no URL can match: skip the position-by-position scan
    for match in _URL.finditer(text):
        start, end = match.span()
        while end > start and text[end - 1] in _TRAILING_URL_PUNCT:
            end -= 1
        yield start, end


def link_targets(text: str) -> Iterator[Span]:
    """``](target "title")`` of inline links, reference definitions, autolinks."""
    for pattern, needs in (
        (_LINK_TARGET, "]("),
        (_LINK_REFDEF, "]:"),
        (_AUTOLINK, "<"),
    ):
        if needs not in text:
            continue
        for match in pattern.finditer(text):
            start = match.start() + (1 if pattern is _LINK_TARGET else 0)
            yield start, match.end()


def merge(spans: list[Span]) -> list[Span]:
    """Sort spans and merge overlapping ones."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


_NOT_NEWLINE = lazy(r"[^\r\n]")


def mask(text: str, spans: list[Span]) -> str:
    """Blank the spans to spaces, keeping line breaks so offsets do not move."""
    if not spans:
        return text
    pieces: list[str] = []
    pos = 0
    for start, end in merge(spans):
        pieces.append(text[pos:start])
        pieces.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)
