"""Plain text: exact stdlib ``re`` stand-ins for ``regex`` patterns.

Importing the third-party ``regex`` module, and compiling its patterns in
pure Python, costs a one-article run (a pre-commit hook) tens of
milliseconds. Most rules need ``regex`` only for Unicode properties
(``\\p{L}``, ``\\p{Lu}`` ...), and on most English news copy those reduce to
ASCII classes: the text is *plain* when each of its non-ASCII characters is
in ``PLAIN_RANGES`` (punctuation, spaces and symbols: curly quotes, dashes,
NBSP, € £ ° × ...), none of which is a letter, a mark or a number.

``translate`` turns a ``regex`` pattern into one that ``re`` reads with
exactly the same meaning on plain text: ``\\p{L}`` is ``[A-Za-z]``,
``\\p{Lu}`` ``[A-Z]``, ``\\p{Ll}`` ``[a-z]``, ``\\p{N}`` ``[0-9]``, ``\\p{M}``
nothing; ``\\s``, ``\\w`` and ``\\b`` are spelled out as ``regex`` reads them.
The two modules read those alike but on the ``DIVERGENT`` characters
(``re``'s ``\\s`` adds ``\\x1c``-``\\x1f``, ``regex``'s ``\\w`` the joiners
U+200C and U+200D and the connector punctuation ‿ ⁀ ⁔), so on plain text
without them (``translatable``: nearly all plain text) ``translate(pattern,
native=True)`` keeps ``re``'s own, which compile and match several times
faster. ``PlainOr`` holds a ``regex`` pattern and its native translation, and
picks per string.
tests/unit/test_plain.py checks every claim here.
"""

from __future__ import annotations

from typing import Any, ClassVar

from newslint.patterns import LazyPattern, lazy_regex

#: Non-ASCII characters under which the translated patterns stay exact:
#: punctuation, spaces and symbols of news copy, none a letter, mark or
#: number for ``regex`` (inclusive ranges). Most frequent first.
PLAIN_RANGES = (
    (0x2000, 0x205F),  # spaces, dashes, curly quotes, • … ′ ″ ‹ ›
    (0x00A0, 0x00A9),  # no-break space ¡ ¢ £ ¤ ¥ ¦ § ¨ © (not ª)
    (0x00AB, 0x00B1),  # « ¬ soft hyphen ® ¯ ° ± (not ² ³)
    (0x00B4, 0x00B4),  # ´ (not µ)
    (0x00B6, 0x00B8),  # ¶ · ¸ (not ¹ º)
    (0x00BB, 0x00BB),  # » (not ¼ ½ ¾)
    (0x00BF, 0x00BF),  # ¿
    (0x00D7, 0x00D7),  # ×
    (0x00F7, 0x00F7),  # ÷
    (0x20A0, 0x20C0),  # € ₹ ₽ ₺ and the other currency signs
    (0x2103, 0x2103),  # ℃
    (0x2109, 0x2109),  # ℉
    (0x2116, 0x2116),  # №
    (0x2122, 0x2122),  # ™
    (0x2190, 0x22FF),  # arrows, operators: → − ≈ ≤ ≠
    (0x25A0, 0x2775),  # shapes, symbols, dingbats: ■ ● ★ ✓ ❤ (not ❶)
    (0x2794, 0x27EF),  # dingbats, brackets ⟦ ⟧ ⟨ ⟩ ⟪ ⟫
    (0xFFFD, 0xFFFD),  # replacement character (undecodable bytes)
)
#: ``regex``'s ``\s`` as the body of a character class (``re``'s ``\s`` also
#: matches ``\x1c``-``\x1f``): for a pattern that must be exact on any text.
SPACES = r" \t\n\v\f\r\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
#: ``regex``'s ``\w`` on plain text, as the body of a character class.
WORD = r"0-9A-Z_a-z\u200c\u200d\u203f\u2040\u2054"
#: The ASCII and plain characters on which ``re``'s ``\s`` or ``\w`` is not
#: ``regex``'s.
DIVERGENT = "\x1c\x1d\x1e\x1f\u200c\u200d\u203f\u2040\u2054"
_WIDE_DIVERGENT = frozenset(DIVERGENT[4:])
_ASCII_BYTES = bytes(range(128))


def _non_ascii(text: str) -> set[str]:
    """The non-ASCII characters of ``text`` (found in C: the UTF-8 bytes
    without the ASCII ones)."""
    return set(
        text.encode("utf-8", "surrogatepass")
        .translate(None, _ASCII_BYTES)
        .decode("utf-8", "surrogatepass")
    )


def _in_ranges(chars: set[str]) -> bool:
    for char in chars:
        code = ord(char)
        for low, high in PLAIN_RANGES:
            if low <= code <= high:
                break
        else:
            return False
    return True


def is_plain(text: str) -> bool:
    """Whether every non-ASCII character of ``text`` is in ``PLAIN_RANGES``."""
    return text.isascii() or _in_ranges(_non_ascii(text))


def translatable(text: str) -> bool:
    """Whether ``translate(..., native=True)``'s patterns match on ``text``
    exactly what the ``regex`` ones match: plain, and no ``DIVERGENT``
    character."""
    if "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text:
        return False
    if text.isascii():
        return True
    chars = _non_ascii(text)
    return chars.isdisjoint(_WIDE_DIVERGENT) and _in_ranges(chars)


# -- translation ---------------------------------------------------------------------

#: Unicode properties inside a class, on plain text.
_PROPERTY = {"L": "A-Za-z", "Lu": "A-Z", "Ll": "a-z", "N": "0-9", "M": ""}
_BOUNDARY = rf"(?:(?<=[{WORD}])(?![{WORD}])|(?<![{WORD}])(?=[{WORD}]))"
_NOT_BOUNDARY = rf"(?:(?<=[{WORD}])(?=[{WORD}])|(?<![{WORD}])(?![{WORD}]))"
#: Escapes outside a class, on plain text.
_OUTSIDE = {
    "s": f"[{SPACES}]",
    "S": f"[^{SPACES}]",
    "w": f"[{WORD}]",
    "W": f"[^{WORD}]",
    "b": _BOUNDARY,
    "B": _NOT_BOUNDARY,
}
#: Escapes inside a class, on plain text (``\S`` and ``\W`` cannot be added
#: to a class as ranges: ``translate`` refuses them there).
_INSIDE = {"s": SPACES, "w": WORD}
#: ``regex``-only escapes and those whose meaning ``translate`` does not know.
_REFUSED = frozenset("pPXGKmMNRLHVh")


def translate(pattern: str, *, native: bool = False) -> str:
    """A ``re`` pattern that matches exactly what ``regex`` matches with
    ``pattern`` (same flags) on plain text; with ``native``, one that keeps
    ``re``'s own ``\\s``, ``\\w``, ``\\b``, exact on ``translatable`` text. Raises
    ValueError on a construct it cannot carry over (a property other than L,
    Lu, Ll, N, M; ``\\S`` or ``\\W`` inside a class unless ``native``; with
    ``native``, ``\\B``, which ``re`` never matches in an empty string);
    ``re`` itself refuses ``regex``-only syntax such as a lookbehind of
    varying width."""
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        char = pattern[i]
        if char == "\\" and i + 1 < n:
            code = pattern[i + 1]
            if code == "p" and pattern.startswith("{", i + 2):
                close = pattern.index("}", i + 3)
                name = pattern[i + 3 : close]
                if name not in _PROPERTY:
                    raise ValueError(f"no plain form of \\p{{{name}}}")
                body = _PROPERTY[name]
                if in_class:
                    out.append(body)
                else:
                    out.append(f"[{body}]" if body else "(?!)")
                i = close + 1
                continue
            if code in _REFUSED or (native and code == "B"):
                raise ValueError(f"no plain form of \\{code} in {pattern!r}")
            if native:
                out.append(pattern[i : i + 2])  # \s, \w, \b, \d: re's own
            elif in_class:
                if code in "SWbB":
                    raise ValueError(f"no plain form of \\{code} inside a class")
                out.append(_INSIDE.get(code, pattern[i : i + 2]))
            else:
                out.append(_OUTSIDE.get(code, pattern[i : i + 2]))
            i += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
            elif char == "[":
                raise ValueError(f"nested set in {pattern!r}")
            out.append(char)
            i += 1
            continue
        if char == "[":
            # "[", an optional "^", then a "]" right there is a literal one
            in_class = True
            j = i + 1
            if pattern.startswith("^", j):
                j += 1
            if pattern.startswith("]", j):
                j += 1
            out.append(pattern[i:j])
            i = j
            continue
        out.append(char)
        i += 1
    if in_class:
        raise ValueError(f"unclosed class in {pattern!r}")
    return "".join(out)


class _Translated(LazyPattern):
    """The ``re`` translation of a ``regex`` pattern, translated and compiled
    on first use."""

    def __init__(self, source: str, flags: int) -> None:
        super().__init__(source, flags, module="re")
        self._translated = False

    @property
    def compiled(self) -> Any:
        if not self._translated:
            self.pattern = translate(self.pattern, native=True)
            self._translated = True
        return super().compiled


def lazy_plain(pattern: str, flags: int = 0) -> LazyPattern:
    """``re`` pattern ``translate(pattern, native=True)``, translated and
    compiled on first use: for ``translatable`` text only."""
    return _Translated(pattern, flags)


class PlainOr:
    """A ``regex`` pattern and its exact ``re`` equivalent for plain text.

    The match methods take the pattern that suits their string: the ``re``
    one when the string is ``translatable`` (which never imports ``regex``).
    A rule that matches many times in one long text picks once with
    ``pick(doc.plain)``. The ``re`` pattern is ``translate(plain,
    native=True)``, where
    ``plain`` is ``pattern`` unless given: a ``regex`` pattern of the same
    meaning on plain text that ``translate`` can carry over (no lookbehind
    of varying width, for instance).
    """

    __slots__ = ("plain", "unicode")

    #: Every instance, for the equivalence tests.
    instances: ClassVar[list[PlainOr]] = []

    def __init__(self, pattern: str, flags: int = 0, plain: str | None = None) -> None:
        self.unicode = lazy_regex(pattern, flags)
        self.plain: LazyPattern = _Translated(
            pattern if plain is None else plain, flags
        )
        PlainOr.instances.append(self)

    def pick(self, plain: bool) -> LazyPattern:
        return self.plain if plain else self.unicode

    def on(self, text: str) -> LazyPattern:
        """The pattern to use on ``text``."""
        return self.plain if translatable(text) else self.unicode

    def match(self, text: str, *args: Any) -> Any:
        return self.on(text).match(text, *args)

    def fullmatch(self, text: str, *args: Any) -> Any:
        return self.on(text).fullmatch(text, *args)

    def search(self, text: str, *args: Any) -> Any:
        return self.on(text).search(text, *args)

    def finditer(self, text: str, *args: Any) -> Any:
        return self.on(text).finditer(text, *args)

    def findall(self, text: str, *args: Any) -> Any:
        return self.on(text).findall(text, *args)

    def split(self, text: str, *args: Any) -> Any:
        return self.on(text).split(text, *args)

    def __repr__(self) -> str:
        return f"<PlainOr {self.unicode.pattern!r}>"
