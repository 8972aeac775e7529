"""The names extractor's ``re`` patterns for ASCII-only text must find exactly
what its ``regex`` patterns find (they exist so a plain article never imports
``regex``, which costs start-up time on every commit)."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import newslint.text.names as names
from newslint.document import Document

_SAMPLES = [
    "Recep Tayyip Erdogan met Xi Jinping in Samarkand on Thursday.",
    "Mr. Smith and John F. Kennedy's widow spoke; U.S. and U.N. officials did not.",
    "Bashar al-Assad, Valery Giscard d'Estaing and O'Neill: the Ministers' Meeting",
    "THE HEADLINE IN CAPS\nA Title Case Headline Over The Story\n\nShe said: Yes.",
    '"We won," said Ana Ruiz. "The Mayor agreed."\n- **Homes destroyed:** 122',
]
_ALPHABET = [
    *"AbCdeFgHijKlmnoPqRSTuvWxyZ .,:;'\"-\n\t\x1c\x1f(",
    "al-",
    "O'",
    "U.S.",
    "Mr. ",
]


def _texts() -> list[str]:
    rng = random.Random(7)
    fuzz = [
        "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(5, 80)))
        for _ in range(1500)
    ]
    return _SAMPLES + fuzz


def test_ascii_patterns_find_what_the_unicode_ones_find(monkeypatch):
    for text in _texts():
        assert text.isascii()
        fast = names.extract_mentions(Document.from_bytes("a.md", text.encode()))
        with monkeypatch.context() as patched:
            patched.setattr(names, "_patterns", lambda prose: names._UNICODE)
            slow = names.extract_mentions(Document.from_bytes("a.md", text.encode()))
        assert fast == slow, text


def test_a_plain_article_does_not_import_regex(tmp_path: Path):
    article = tmp_path / "a.md"
    article.write_text("The council met on Monday. It approved the budget.\n")
    code = (
        "import sys\n"
        "from newslint.cli import main\n"
        "try:\n"
        f"    main(['--isolated', '--no-cache', {str(article)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('regex' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().splitlines()[-1] == "False"
