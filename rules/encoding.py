"""NE: encoding damage within one article.

Text that went through the wrong codec, a scraper or a CMS export carries
mojibake ("donâ€™t"), replacement characters, invisible control and
zero-width characters, and HTML that was never rendered. Correct Unicode
typography (— – ’ “ ” ½ é) and every non-Latin script are never reported:
these rules look for damage, not for characters outside ASCII.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from newslint import (
    Document,
    DocumentRule,
    Finding,
    Fix,
    Severity,
    hookimpl,
    lazy,
    lazy_regex,
)
from newslint.text.plain import PlainOr

# Patterns of literals and explicit ranges only (no class escape, property or
# case folding) are ``re`` patterns: ``re`` reads them as ``regex`` does, on
# any text (tests/unit/test_plain_rules.py checks), and they never import it.
# A PlainOr is one where ``regex`` is much faster on text that is not plain.

# -- NE101 ----------------------------------------------------------------------

#: Windows-1252 characters that stand for bytes 0x80-0x9F.
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
#: A UTF-8 lead byte read as Latin-1/Windows-1252 (Â…ô) followed by a
#: continuation byte read the same way: the signature of UTF-8 mojibake.
_MOJIBAKE_SIGNATURE = PlainOr(
    "[\u00c2-\u00f4][\u0080-\u00bf" + re.escape(_CP1252_HIGH) + "]"
)
#: The lead characters (Â…ô) that plain text can hold (tested): a plain
#: article without them has no signature, and skips the scan, which ``re``
#: makes ten times slower than ``regex`` does.
_PLAIN_LEADS = ("×",)
#: "â€" with its third byte gone: U+201D (E2 80 9D) read as Windows-1252,
#: where 0x9D is undefined and is dropped by many converters.
_LOST_RIGHT_QUOTE = lazy("â€(?![\u0080-\u00bf" + re.escape(_CP1252_HIGH) + "])")
#: Characters that can belong to a mojibake run (everything but ASCII space).
_TOKEN_CHAR = lazy(r"[^ \t\r\n]")


def _token_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and _TOKEN_CHAR.match(text[start - 1]):
        start -= 1
    while end < len(text) and _TOKEN_CHAR.match(text[end]):
        end += 1
    return start, end


def _diff(old: str, new: str) -> tuple[int, int, str]:
    """The changed middle: (start, end) in ``old`` and its replacement."""
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < min(len(old), len(new)) - prefix
        and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]
    ):
        suffix += 1
    return prefix, len(old) - suffix, new[prefix : len(new) - suffix]


class Mojibake(DocumentRule):
    """Mojibake: UTF-8 text decoded with the wrong codec ("donâ€™t", "CafÃ©").

    A file saved as UTF-8 and read back as Windows-1252 or Latin-1 turns
    every accented letter, curly quote and dash into two or three junk
    characters. Candidates are tokens holding a UTF-8 lead byte seen as
    Latin-1 (Â…ô) followed by a continuation byte; ftfy's ``fix_encoding``
    and ``badness`` decide whether the token really is mojibake. Only the
    encoding is repaired: curly quotes, dashes, fractions, accented letters
    and non-Latin scripts are correct Unicode and are never reported.

    Bad:
        The minister said the plan wasnâ€™t ready for the cafÃ© owners.

    Good:
        The minister said the plan wasn’t ready — “not yet” — for the café in Москва.

    Fix: the repaired text from ftfy (safe fix). Suppress with
    ``newslint: noqa NE101``.
    """

    code = "NE101"
    name = "encoding.mojibake"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        if prose.isascii():
            return  # mojibake is made of characters beyond ASCII
        if doc.plain and not any(lead in prose for lead in _PLAIN_LEADS):
            return
        seen_until = -1
        for match in _MOJIBAKE_SIGNATURE.pick(doc.plain).finditer(prose):
            if match.start() < seen_until:
                continue
            start, end = _token_bounds(prose, match.start(), match.end())
            seen_until = end
            token = prose[start:end]
            fixed = _fix_encoding(token)
            if fixed is None:
                lost = _LOST_RIGHT_QUOTE.search(token)
                if lost:
                    a, b = start + lost.start(), start + lost.end()
                    yield self.finding(
                        doc,
                        a,
                        b,
                        "mojibake 'â€' (a ” whose last byte was lost)",
                        fix=Fix(a, b, "”", safe=False),
                    )
                continue
            a, b, replacement = _diff(token, fixed)
            if a >= b:
                continue
            if not replacement and b < len(token):
                replacement = token[b]  # "Â£" -> "£": show the junk with its neighbour
                b += 1
            bad = token[a:b]
            yield self.finding(
                doc,
                start + a,
                start + b,
                f"mojibake {bad!r} (should read {replacement!r})",
                fix=Fix(start + a, start + b, replacement),
            )


@functools.lru_cache(maxsize=1024)
def _fix_encoding(token: str) -> str | None:
    """ftfy's repair of ``token`` when it is mojibake, else None."""
    from ftfy import fix_encoding
    from ftfy.badness import is_bad

    if not is_bad(token):
        return None
    fixed = fix_encoding(token)
    return fixed if fixed != token else None


# -- NE102 ----------------------------------------------------------------

_REPLACEMENT = lazy("\ufffd+")


class ReplacementCharacter(DocumentRule):
    """U+FFFD replacement characters, or a file that is not valid UTF-8.

    Somewhere before this file was saved, bytes that could not be decoded
    were replaced by "�": the original characters are gone and must be
    restored from the source. A file that is itself not valid UTF-8 (often
    Windows-1252 or Latin-1 from an old CMS) is decoded by newslint with
    U+FFFD wherever a byte is bad; it is reported once, at the first bad byte,
    saying the file is not valid UTF-8, and its U+FFFD characters are then not
    reported one by one (one finding per accented letter of a Latin-1 file
    would bury everything else, and the fix is to re-save the whole file).

    Bad:
        The mayor of Bogot\ufffd spoke on Monday.

    Good:
        The mayor of Bogotá spoke on Monday.

    Fix: retype the lost characters from the source, or re-save the file as
    UTF-8 (``iconv -f windows-1252 -t utf-8``). Suppress with
    ``newslint: noqa NE102``.
    """

    code = "NE102"
    name = "encoding.replacement-character"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator[Finding]:
        at = doc.decode_error_at
        if at is not None:
            count = doc.text.count("\ufffd", at)
            yield self.finding(
                doc,
                at,
                min(at + 1, len(doc.text)),
                "file is not valid UTF-8: first undecodable byte here"
                f" ({count} character{'s' if count != 1 else ''} replaced by U+FFFD);"
                " re-save the file as UTF-8",
            )
            return
        if "\ufffd" not in doc.prose:
            return
        for match in _REPLACEMENT.finditer(doc.prose):
            n = len(match.group(0))
            yield self.finding(
                doc,
                match.start(),
                match.end(),
                f"{n} replacement character{'s' if n > 1 else ''} (U+FFFD):"
                " text lost in an earlier decode",
            )


# -- NE103 --------------------------------------------------------------------------

_INVISIBLE_NAMES = {
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "byte order mark",
    "\u00ad": "soft hyphen",
    "\u180e": "Mongolian vowel separator",
    "\u2061": "invisible function application",
    "\u2062": "invisible times",
    "\u2063": "invisible separator",
    "\u2064": "invisible plus",
}
_CONTROL_OR_INVISIBLE = lazy(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + "".join(_INVISIBLE_NAMES) + "]"
)
_EMOJI_NEIGHBOUR = lazy_regex(
    r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f\u20e3]"
)
_NON_LATIN_LETTER = lazy_regex(r"[\p{L}\p{M}](?<![\p{Latin}\p{Common}\p{Inherited}])")
#: The characters of plain text (newslint.text.plain) that ``_EMOJI_NEIGHBOUR``
#: matches; on such text no character is a non-Latin letter (both tested).
_PLAIN_PICTOGRAPHS = frozenset(
    "©®‼⁉™↔↕↖↗↘↙↩↪▪▫▶◀◻◼◽◾☀☁☂☃☄☎☑☔☕☘☝☠☢☣☦☪☮☯☸☹☺♀♂♈♉♊♋♌♍♎♏♐♑♒♓♟♠♣♥♦♨♻♾♿"
    "⚒⚓⚔⚕⚖⚗⚙⚛⚜⚠⚡⚧⚪⚫⚰⚱⚽⚾⛄⛅⛈⛎⛏⛑⛓⛔⛩⛪⛰⛱⛲⛳⛴⛵⛷⛸⛹⛺⛽✂✅✈✉✊✋✌✍✏✒✔✖✝✡✨✳✴❄❇❌❎❓❔❕❗❣❤"
    "➕➖➗➡➰➿"
)
#: The ASCII characters that ``_CONTROL_OR_INVISIBLE`` leaves alone.
_ASCII_FINE = b"\t\n\r" + bytes(range(0x20, 0x7F))
_MOJIBAKE_BEFORE_C1 = frozenset(map(chr, range(0xA0, 0x100))) | frozenset(_CP1252_HIGH)


def _belongs_to_neighbours(char: str, before: str, after: str, plain: bool) -> bool:
    """Whether an invisible ``char`` stands next to a letter of a non-Latin
    script, or is a zero-width joiner next to an emoji (``plain``: the text is
    plain, where neither pattern need compile)."""
    neighbours = [c for c in (before, after) if c]
    if plain:
        return char == "\u200d" and any(c in _PLAIN_PICTOGRAPHS for c in neighbours)
    if any(_NON_LATIN_LETTER.match(c) for c in neighbours):
        return True
    return char == "\u200d" and any(_EMOJI_NEIGHBOUR.match(c) for c in neighbours)


class ControlCharacter(DocumentRule):
    """Control characters and invisible zero-width characters in prose.

    They are invisible in an editor but break search, spell checking, word
    counts and name matching ("Zelensky" with a zero-width space inside is
    another word). Tabs and line breaks are fine. Not reported: a byte order
    mark at the start of the file (dropped when it is read), a zero-width
    joiner inside an emoji sequence, and zero-width (non-)joiners and spaces
    next to letters of non-Latin scripts (Persian, Indic, Thai, …), where they
    are correct. C1 controls (U+0080-U+009F) that follow mojibake are left to
    NE101; others are named with the Windows-1252 character they probably
    stand for.

    Bad:
        The minister met Zelen\u200bsky in Kyiv.

    Good:
        The minister met Zelensky in Kyiv. 👩\u200d🔬 Tabs	are fine.

    Fix: delete the character (safe fix); for a C1 control, the
    Windows-1252 character it stands for (unsafe fix). Suppress with
    ``newslint: noqa NE103``.
    """

    code = "NE103"
    name = "encoding.control-character"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        if prose.isascii() and not prose.encode("ascii").translate(None, _ASCII_FINE):
            return  # ASCII text with no control character but tab and line breaks
        plain = doc.plain
        for match in _CONTROL_OR_INVISIBLE.finditer(prose):
            pos = match.start()
            char = match.group(0)
            before = prose[pos - 1] if pos else ""
            after = prose[pos + 1] if pos + 1 < len(prose) else ""
            code = ord(char)
            if char in _INVISIBLE_NAMES:
                if char == "\ufeff" and pos == 0:
                    continue
                if _belongs_to_neighbours(char, before, after, plain):
                    continue
                what = f"invisible {_INVISIBLE_NAMES[char]} (U+{code:04X})"
                fix = Fix(pos, pos + 1, "")
            elif 0x80 <= code <= 0x9F:
                if before in _MOJIBAKE_BEFORE_C1:
                    continue  # part of mojibake, reported by NE101
                try:
                    meant = bytes([code]).decode("cp1252")
                except UnicodeDecodeError:
                    what = f"C1 control character U+{code:04X}"
                    fix = Fix(pos, pos + 1, "")
                else:
                    what = (
                        f"C1 control character U+{code:04X}"
                        f" (probably a Windows-1252 {meant!r})"
                    )
                    fix = Fix(pos, pos + 1, meant, safe=False)
            else:
                what = f"control character U+{code:04X}"
                fix = Fix(pos, pos + 1, "")
            yield self.finding(doc, pos, pos + 1, what, fix=fix)


# -- NE104 --------------------------------------------------------------------------

_HTML_ELEMENTS = frozenset(
    [
        "a",
        "abbr",
        "address",
        "article",
        "aside",
        "audio",
        "b",
        "blockquote",
        "body",
        "br",
        "button",
        "caption",
        "center",
        "cite",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "embed",
        "fieldset",
        "figcaption",
        "figure",
        "font",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "i",
        "iframe",
        "img",
        "input",
        "ins",
        "kbd",
        "label",
        "legend",
        "li",
        "link",
        "main",
        "mark",
        "meta",
        "nav",
        "noscript",
        "object",
        "ol",
        "option",
        "p",
        "param",
        "picture",
        "pre",
        "q",
        "s",
        "samp",
        "script",
        "section",
        "select",
        "small",
        "source",
        "span",
        "strike",
        "strong",
        "style",
        "sub",
        "summary",
        "sup",
        "svg",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "title",
        "tr",
        "tt",
        "u",
        "ul",
        "var",
        "video",
        "wbr",
    ]
)
#: Elements that a Markdown author does not write by hand: in Markdown files
#: only these are reported (the rest is legal inline HTML).
_LAYOUT_ELEMENTS = frozenset(
    [
        "article",
        "aside",
        "body",
        "button",
        "center",
        "div",
        "fieldset",
        "font",
        "footer",
        "form",
        "head",
        "header",
        "html",
        "input",
        "label",
        "legend",
        "main",
        "meta",
        "nav",
        "noscript",
        "option",
        "script",
        "section",
        "select",
        "span",
        "style",
        "svg",
    ]
)
_TAG = lazy(r"</?([A-Za-z][A-Za-z0-9]{0,9})(?:[ \t]+[^<>\n]*?)?[ \t]*/?>")
_ENTITY = lazy(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: In Markdown: a double-escaped entity, or a numeric one (&#8217;), which
#: comes from an export; named entities (&amp; &nbsp; &mdash;) are left alone.
_MARKDOWN_ENTITY = lazy(
    r"&amp;(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});"
)


def _known_entity(name: str) -> bool:
    if name.startswith("#"):
        return True
    from html.entities import html5

    return name + ";" in html5


class HtmlLeftover(DocumentRule):
    """Leftover HTML tags and character entities in prose ("&amp;", "</div>").

    A scraper or CMS export that does not render HTML leaves tags and
    entities in the copy. In plain-text files every known HTML tag and every
    named or numeric entity is reported. In Markdown, inline HTML and
    entities are legal and render correctly, so only layout tags no author
    writes by hand (div, span, section, script, style, font, nav, …),
    double-escaped entities ("&amp;nbsp;", which renders as the literal text
    "&nbsp;"), closing tags that close nothing ("</p>" with no "<p>" before
    it in the file) and numeric character references ("&#8217;", which come from
    an export, never from an author) are reported; named entities such as
    "&amp;" or "&mdash;" are left alone there. Code spans, fenced code, comments and URLs are
    never looked at.

    Bad:
        Officials met in Paris&nbsp;on Monday.</div>

    Good:
        Officials met in Paris on Monday. Profits rose 5% at AT&T.

    Fix: decode the entity or delete the tag (safe fixes; deleting a script or
    style tag is unsafe because its content stays). Suppress with
    ``newslint: noqa NE104``.
    """

    code = "NE104"
    name = "encoding.html-leftover"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        markdown = doc.is_markdown
        elements = _LAYOUT_ELEMENTS if markdown else _HTML_ELEMENTS
        if "<" in prose:
            opened: set[str] = set()
            for match in _TAG.finditer(prose):
                name = match.group(1).lower()
                tag = match.group(0)
                if name not in elements:
                    if not markdown or name not in _HTML_ELEMENTS:
                        continue
                    if not tag.startswith("</"):
                        opened.add(name)
                        continue
                    if name in opened:
                        continue  # closes inline HTML the author wrote
                shown = tag if len(tag) <= 60 else tag[:57] + "..."
                yield self.finding(
                    doc,
                    match.start(),
                    match.end(),
                    f"leftover HTML tag {shown!r}",
                    fix=Fix(
                        match.start(),
                        match.end(),
                        "",
                        safe=name not in ("script", "style", "iframe", "noscript"),
                    ),
                )
        if "&" not in prose:
            return
        pattern = _MARKDOWN_ENTITY if markdown else _ENTITY
        html: Any = None  # the stdlib module, imported for the first entity
        for match in pattern.finditer(prose):
            name = next(g for g in match.groups() if g)
            if not _known_entity(name):
                continue
            entity = match.group(0)
            if html is None:
                import html
            double = markdown and match.group(1) is not None
            decoded = "&" + entity[5:] if double else html.unescape(entity)
            kind = (
                "double-escaped HTML entity"
                if double
                else "numeric HTML entity"
                if markdown
                else "HTML entity"
            )
            yield self.finding(
                doc,
                match.start(),
                match.end(),
                f"leftover {kind} {entity!r} (means {html.unescape(decoded)!r})",
                fix=Fix(match.start(), match.end(), decoded),
            )


@hookimpl
def register_rules() -> list[type[DocumentRule]]:
    return [Mojibake, ReplacementCharacter, ControlCharacter, HtmlLeftover]
