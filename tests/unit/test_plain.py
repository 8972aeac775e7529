"""newslint.text.plain: on plain text (non-ASCII characters only from
PLAIN_RANGES) a translated pattern must match exactly what the ``regex``
pattern matches, so that a plain article never imports ``regex``."""

from __future__ import annotations

import random
import re

import pytest
import regex

from newslint.document import Document
from newslint.text import plain

_ALLOWED = [chr(c) for low, high in plain.PLAIN_RANGES for c in range(low, high + 1)]
_CHARS = [chr(c) for c in range(128)] + _ALLOWED


def test_no_allowed_character_is_a_letter_mark_number_or_cased():
    other = regex.compile(r"[\p{L}\p{M}\p{N}\p{Cn}\p{Cs}]")
    assert [hex(ord(c)) for c in _ALLOWED if other.match(c)] == []
    assert [
        c for c in _ALLOWED if c.isalnum() or c.lower() != c or c.upper() != c
    ] == []
    assert [c for c in _ALLOWED if c.casefold() != c] == []


def test_spaces_are_regex_s_on_every_character():
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    want = [m.start() for m in regex.finditer(r"\s", everything)]
    assert [m.start() for m in re.finditer(f"[{plain.SPACES}]", everything)] == want


def test_word_is_regex_w_on_plain_characters():
    want = [c for c in _CHARS if regex.match(r"\w", c)]
    assert [c for c in _CHARS if re.match(f"[{plain.WORD}]", c)] == want


_ATOMS = [
    r"\p{L}",
    r"\p{Lu}",
    r"\p{Ll}",
    r"\p{N}",
    r"\p{M}",
    r"\s",
    r"\S",
    r"\w",
    r"\W",
    r"\d",
    r"\D",
    r"[\p{L}\p{M}]",
    r"[\p{Lu}\p{N}£$€]",
    r"[^\p{L}]",
    r"[^\s(\[{/\\]",
    r"[\s\w]",
    r"[^\w.]",
    r"[\p{Ll}'’-]",
    r"[]\p{N}]",
    r"[^]\p{L}]",
    r"\.",
    r"[\d.]",
]


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("atom", _ATOMS)
def test_each_atom_matches_the_same_characters(atom, flags):
    slow = regex.compile(atom, flags)
    fast = re.compile(plain.translate(atom), flags)
    assert [c for c in _CHARS if fast.match(c)] == [c for c in _CHARS if slow.match(c)]


def _fuzz(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    common = [*"’‘“”—–…\u00a0«»•·€£°×\u2009\u202f\u2028\u200c\u200d\u203f™"]
    alphabet = [*"AbCdeFgHijKlmnoPqRSTuvWxyZ019 .,:;'\"-_\n\t\x1c\x1f(", *common]
    return [
        "".join(
            rng.choice(_ALLOWED) if rng.random() < 0.08 else rng.choice(alphabet)
            for _ in range(rng.randint(0, 40))
        )
        for _ in range(count)
    ]


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b",
        r"\B",
        r"\b\w+\b",
        r"\bab?\b|\?",
        r"(?<=\p{Ll})\p{Lu}",
        r"(?:[:;]\s+|[“\"]\s*)(?=\p{Lu})",
        r"\W*\b(?:get|sign)\b(?![-‐])",
        r"(?-i:\p{Lu}[\p{L}'’.-]*)(?:\s+(?-i:\p{Lu}[\p{L}'’.-]*)){0,2}",
        r"^[\p{Lu}][\p{L}\p{N}'’ -]{0,25}:\s+\S",
    ],
)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_translated_patterns_match_alike_on_plain_text(pattern, flags):
    slow = regex.compile(pattern, flags)
    fast = re.compile(plain.translate(pattern), flags)
    for text in _fuzz(3, 400):
        assert plain.is_plain(text)
        want = [(m.span(), m.groups()) for m in slow.finditer(text)]
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == want, text
        for pos in range(len(text) + 1):
            a, b = fast.match(text, pos), slow.match(text, pos)
            assert (a and a.span()) == (b and b.span()), (text, pos)


@pytest.mark.parametrize(
    "pattern",
    [r"\p{Sc}", r"\P{L}", r"[\S]", r"[\W\d]", r"\X", r"[[a]]", r"[a", r"\p{Latin}"],
)
def test_what_cannot_be_carried_over_is_refused(pattern):
    with pytest.raises(ValueError):
        plain.translate(pattern)


def test_is_plain_is_its_definition():
    texts = [*_fuzz(5, 300), "", "Café", "x²", "ª", "e\u0301", "\ud800", "❶", "Ω"]
    allowed = set(_CHARS)
    for text in texts:
        assert plain.is_plain(text) == all(c in allowed for c in text), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We’ll rebuild,” she said — €5m.\n", True),
        ("The café reopened.\n", False),
        ("See `naïve` code.\n", True),  # masked code is not prose
    ],
)
def test_document_plain_looks_at_the_prose(text, expected):
    assert Document.from_bytes("a.md", text.encode()).plain is expected


def test_plain_or_picks_by_string_and_compiles_lazily():
    pattern = plain.PlainOr(r"\b\p{Lu}\p{Ll}+\b")
    assert pattern.plain._compiled is None and pattern.unicode._compiled is None
    assert pattern.findall("“Ana” met Bo") == ["Ana", "Bo"]
    assert pattern.unicode._compiled is None
    assert pattern.findall("José met Ana") == ["José", "Ana"]
    assert pattern.unicode._compiled is not None
    assert pattern.pick(True) is pattern.plain
    assert pattern.pick(False) is pattern.unicode
    plain.PlainOr.instances.remove(pattern)
