"""The names extractor's ``re`` patterns must find exactly what its ``regex``
ones find on text whose only non-ASCII characters are in ``_PLAIN_RANGES``
(curly quotes, dashes, symbols): such an article then skips importing
``regex``, a start-up cost paid on every commit."""

from __future__ import annotations

import random
import re
import subprocess
import sys

import pytest
import regex

import newslint.text.names as names
from newslint.document import Document

_ALLOWED = [chr(c) for low, high in names._PLAIN_RANGES for c in range(low, high + 1)]
_COMMON = [*"’‘“”—–…\u00a0«»•·€£°×\u2009\u202f\u2028™⟪⟫"]
_SAMPLES = [
    "“We’ll rebuild,” said Ana Ruiz — the Mayor’s deputy — on Monday…",
    "Turkish President Recep\u00a0Tayyip Erdogan’s office said:\u00a0“No.”",
    "She said:\u2009Yes. U.S.\u202fPresident Joe Biden met Xi\u2009Jinping.",
    "« Bashar al‑Assad » • Valery Giscard d’Estaing · O’Neill’s €5m — £3m",
    "THE HEADLINE\u2028A Title Case Headline Over The Story\u2029Mr.\u00a0Smith",
    "“\u205fYes” ⟪Ana Ruiz⟫ ¿Que? no: ¡Hola! → Jean–Pierre ™ №\u00ad5 ° ×",
]
_ALPHABET = [
    *"AbCdeFgHijKlmnoPqRSTuvWxyZ .,:;'\"-\n\t\x1c\x1f(",
    "al-",
    "O'",
    "O’",
    "U.S.",
    "Mr. ",
    "Mr.\u00a0",
    ":\u00a0",
    "“\u2009",
    *_COMMON,
    *_COMMON,
]


def _texts() -> list[str]:
    rng = random.Random(11)
    fuzz = [
        "".join(
            rng.choice(_ALLOWED) if rng.random() < 0.05 else rng.choice(_ALPHABET)
            for _ in range(rng.randint(5, 80))
        )
        for _ in range(1500)
    ]
    return _SAMPLES + fuzz


def test_no_allowed_character_is_a_letter_mark_or_number():
    other = regex.compile(r"[\p{L}\p{M}\p{N}\p{Cn}\p{Cs}]")
    assert [hex(ord(c)) for c in _ALLOWED if other.match(c)] == []


def test_each_class_is_its_unicode_property_on_the_allowed_characters():
    chars = [chr(c) for c in range(128)] + _ALLOWED
    for unicode, plain in [
        (r"[\p{L}\p{M}]", "[A-Za-z]"),
        (r"\p{Lu}", "[A-Z]"),
        (r"\p{L}", "[A-Za-z]"),
    ]:
        want = [c for c in chars if regex.match(unicode, c)]
        assert [c for c in chars if re.match(plain, c)] == want, unicode


def test_the_space_class_is_regex_s_on_every_character():
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    want = [m.start() for m in regex.finditer(r"\s", everything)]
    assert [m.start() for m in re.finditer(f"[{names._SPACES}]", everything)] == want


def test_plain_patterns_match_what_the_unicode_ones_match():
    for text in _texts():
        assert names._patterns(text) is names._PLAIN, text
        for key in ("word", "dotted", "colon_capital"):
            fast = [m.span() for m in getattr(names._PLAIN, key).finditer(text)]
            slow = [m.span() for m in getattr(names._UNICODE, key).finditer(text)]
            assert fast == slow, (key, text)
        for key in ("lead", "capitalised"):
            for pos in range(len(text)):
                fast = getattr(names._PLAIN, key).match(text, pos)
                slow = getattr(names._UNICODE, key).match(text, pos)
                assert (fast and fast.span()) == (slow and slow.span()), (key, text)


def test_plain_patterns_find_the_mentions_the_unicode_ones_find(monkeypatch):
    found = 0
    for text in _texts():
        fast = names.extract_mentions(Document.from_bytes("a.md", text.encode()))
        with monkeypatch.context() as patched:
            patched.setattr(names, "_patterns", lambda prose: names._UNICODE)
            slow = names.extract_mentions(Document.from_bytes("a.md", text.encode()))
        assert fast == slow, text
        found += len(fast)
    assert found > 500


@pytest.mark.parametrize(
    "text",
    ["Café owner", "José Ruiz", "ª", "µ", "x²", "½", "e\u0301", "\ud800", "\ufe0f"],
)
def test_a_letter_mark_number_or_surrogate_takes_the_unicode_path(text):
    assert names._patterns("“Yes” — " + text) is names._UNICODE


def _imports_regex(article: str) -> bool:
    # Only the names extraction runs: other modules may import regex for
    # such an article, names.py must not.
    code = (
        "import sys\n"
        "from newslint.document import Document\n"
        "from newslint.text import names\n"
        f"doc = Document.from_bytes('a.md', {article!r}.encode())\n"
        "assert names.mention_facts(doc)\n"
        "print('regex' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return out.strip().splitlines()[-1] == "True"


def test_an_article_with_curly_quotes_and_dashes_does_not_import_regex():
    article = (
        "“We’ll rebuild,” said Mayor Ana Ruiz — whose office met on Monday —\n"
        "as Recep\u00a0Tayyip Erdogan’s envoy promised €5m… «Soon».\n"
    )
    assert not _imports_regex(article)


def test_an_article_with_an_accented_name_imports_regex():
    assert _imports_regex("“We’ll rebuild,” said José Ruiz — on Monday.\n")
