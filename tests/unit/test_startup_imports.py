"""What a one-article run must not import: each of these costs milliseconds
at every start (docs/performance.md), and the hook runs on every commit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = (
    "dataclasses",
    "pathlib",
    "rapidfuzz",
    "regex",
    "sqlite3",
    "importlib.metadata",
)
#: The start-up benchmark's article: plain (curly quotes, dashes, €), wrapped.
ARTICLE = Path(__file__).resolve().parents[2] / "benchmarks" / "startup" / "article.md"


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Monday. It approved the budget.\n",
        "---\ntitle: Ferry\n---\n\n# Ferry resumes\n\nThe ferry to Calder Isle"
        " returned on Monday, the authority said.\n",
        ARTICLE.read_text(encoding="utf-8"),
    ],
)
def test_a_one_article_run_stays_light(tmp_path, text):
    article = tmp_path / "one.md"
    article.write_text(text, encoding="utf-8")
    code = (
        "import builtins, sys\n"
        "before = set(sys.modules)\n"  # (an editable install's finder loads pathlib)
        f"heavy = {HEAVY!r}\n"
        "asked = set()\n"
        "real = builtins.__import__\n"
        "def spy(name, globals=None, locals=None, fromlist=(), level=0):\n"
        "    if name in heavy and (globals or {}).get('__name__', '').startswith('newslint'):\n"
        "        asked.add(name)\n"
        "    return real(name, globals, locals, fromlist, level)\n"
        "builtins.__import__ = spy\n"
        "from newslint.cli import main\n"
        f"main(['--isolated', {str(article)!r}])\n"
        "new = set(sys.modules) - before\n"
        "print(sorted(asked | {m for m in heavy if m in new}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"
