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
#: The characters of plain text ...
_PLAIN_CHARS = [chr(c) for c in range(128)] + _ALLOWED
#: ... and of translatable text.
_CHARS = [c for c in _PLAIN_CHARS if c not in plain.DIVERGENT]


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
    want = [c for c in _PLAIN_CHARS if regex.match(r"\w", c)]
    assert [c for c in _PLAIN_CHARS if re.match(f"[{plain.WORD}]", c)] == want


def test_re_reads_class_escapes_as_regex_does_but_on_divergent_characters():
    chars = [chr(c) for c in range(128)] + _ALLOWED
    differ = set()
    for escape in (r"\s", r"\S", r"\w", r"\W", r"\d", r"\D", r"\b"):
        fast, slow = re.compile(escape), regex.compile(escape)
        for c in chars:
            for text in (c, "a" + c, c + "a"):
                found = [m.span() for m in fast.finditer(text)]
                if found != [m.span() for m in slow.finditer(text)]:
                    differ.add(c)
    assert "".join(sorted(differ)) == plain.DIVERGENT


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


#: Atoms only the native translation carries over.
_NATIVE_ATOMS = [r"[\S]", r"[^\W\d_]", r"[\W\s]"]


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize(
    ("atom", "native"),
    [(a, False) for a in _ATOMS] + [(a, True) for a in _ATOMS + _NATIVE_ATOMS],
)
def test_each_atom_matches_the_same_characters(atom, native, flags):
    chars = _CHARS if native else _PLAIN_CHARS
    slow = regex.compile(atom, flags)
    fast = re.compile(plain.translate(atom, native=native), flags)
    assert [c for c in chars if fast.match(c)] == [c for c in chars if slow.match(c)]


def _fuzz(seed: int, count: int, native: bool = True) -> list[str]:
    """Plain texts, translatable ones for ``native``."""
    rng = random.Random(seed)
    chars = _CHARS if native else _PLAIN_CHARS
    common = [*"’‘“”—–…\u00a0«»•·€£°×\u2009\u202f\u2028\u200b\u2060™"]
    common += [*"\x1c\x1f\u200c\u200d\u203f"]
    alphabet = [*"AbCdeFgHijKlmnoPqRSTuvWxyZ019 .,:;'\"-_\n\t\x0b\x85(", *common]
    alphabet = [c for c in alphabet if c in chars]
    return [
        "".join(
            rng.choice(chars[128:]) if rng.random() < 0.08 else rng.choice(alphabet)
            for _ in range(rng.randint(0, 40))
        )
        for _ in range(count)
    ]


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b",
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
@pytest.mark.parametrize("native", [False, True])
def test_translated_patterns_match_alike_on_plain_text(pattern, flags, native):
    slow = regex.compile(pattern, flags)
    fast = re.compile(plain.translate(pattern, native=native), flags)
    for text in _fuzz(3, 400, native):
        assert plain.translatable(text) if native else plain.is_plain(text)
        want = [(m.span(), m.groups()) for m in slow.finditer(text)]
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == want, text
        for pos in range(len(text) + 1):
            a, b = fast.match(text, pos), slow.match(text, pos)
            assert (a and a.span()) == (b and b.span()), (text, pos)


@pytest.mark.parametrize(
    "pattern",
    [r"\p{Sc}", r"\P{L}", r"\X", r"\m", r"[[a]]", r"[a", r"\p{Latin}"],
)
@pytest.mark.parametrize("native", [False, True])
def test_what_cannot_be_carried_over_is_refused(pattern, native):
    with pytest.raises(ValueError):
        plain.translate(pattern, native=native)


def test_what_each_form_refuses():
    for pattern in (r"[\S]", r"[\W\d]"):
        with pytest.raises(ValueError):
            plain.translate(pattern)
        plain.translate(pattern, native=True)
    plain.translate(r"\B")
    with pytest.raises(ValueError):
        plain.translate(r"\B", native=True)  # re's \B never matches in ""


def test_spelled_boundary_is_regex_b_on_plain_text():
    slow = regex.compile(r"\B")
    fast = re.compile(plain.translate(r"\B"))
    for text in ["", *_fuzz(4, 300, native=False)]:
        want = [m.span() for m in slow.finditer(text)]
        assert [m.span() for m in fast.finditer(text)] == want, text


def test_is_plain_and_translatable_are_their_definitions():
    texts = [
        *_fuzz(5, 300, native=False),
        "",
        "Café",
        "x²",
        "ª",
        "e\u0301",
        "\ud800",
        "❶",
        "Ω",
    ]
    texts += [t + c for t in texts[:50] for c in plain.DIVERGENT]
    allowed = {chr(c) for c in range(128)} | set(_ALLOWED)
    for text in texts:
        assert plain.is_plain(text) == all(c in allowed for c in text), text
        want = all(c in allowed and c not in plain.DIVERGENT for c in text)
        assert plain.translatable(text) == want, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We’ll rebuild,” she said — €5m.\n", True),
        ("The café reopened.\n", False),
        ("See `naïve` code.\n", True),  # masked code is not prose
        ("A\u200dB joined.\n", False),  # a joiner: regex's \w differs
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
