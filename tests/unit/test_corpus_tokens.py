"""The signature's word look-ups must find exactly what tokenising finds."""

from __future__ import annotations

import random
import re

import pytest

from newslint.corpus import _TOKEN, token_starts

# The earlier form of the token pattern (a lookahead after each joiner).
_REFERENCE = re.compile(r"[^\W\d_](?:[^\W_]|['’\-](?=[^\W\d_]))*|\d[\d,]*(?:\.\d+)?")
_ALPHABET = [
    *"aAbBxXyYéÉ0123",
    "٣",
    "²",
    "_",
    "'",
    "’",
    "-",
    ",",
    " ",
    ".",
    "\n",
    "\u0301",
]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 30)))
        for _ in range(count)
    ]


def test_token_pattern_matches_the_reference_form():
    for text in _texts(1, 5000):
        assert [m.span() for m in _TOKEN.finditer(text)] == [
            m.span() for m in _REFERENCE.finditer(text)
        ], text


def test_token_starts_finds_every_token_and_nothing_else():
    for text in _texts(2, 5000):
        truth: dict[str, list[int]] = {}
        for m in _TOKEN.finditer(text):
            truth.setdefault(m.group(), []).append(m.start())
        for token, starts in truth.items():
            if token[0].isupper():
                assert list(token_starts(text, token)) == starts, (text, token)


@pytest.mark.parametrize(
    ("text", "token", "starts"),
    [
        ("Ross met Ross.", "Ross", [0, 9]),
        ("O'Ross and Ross", "Ross", [11]),  # joined: part of "O'Ross"
        ("5-Ross", "Ross", [2]),  # a number does not join
        ("a5-Ross", "Ross", []),  # a word does
        ("Rossi and Ross-", "Ross", [10]),  # "Rossi" is another word
        ("Ross-Smith", "Ross", []),
        ("12Ross", "Ross", [2]),
        ("ab12Ross", "Ross", []),
    ],
)
def test_token_starts_cases(text, token, starts):
    assert list(token_starts(text, token)) == starts
