"""The fast corpus walk for FOLDER/**/NAME finds exactly what glob finds."""

from __future__ import annotations

import glob
import os
from pathlib import Path

import pytest

from newslint.discovery import _glob


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for rel in [
        "a.md",
        "b.txt",
        "noext",
        ".hidden.md",
        "sub/c.md",
        "sub/deeper/d.md",
        "sub/deeper/e.MD",
        ".git/f.md",
        "sub/.cache/g.md",
        "x.md/inside.md",  # a folder named like an article
        "sp ace/h.md",
        "[br]/i.md",
    ]:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text\n", encoding="utf-8")
    os.symlink(root / "sub", root / "linked")  # folder symlink: followed
    os.symlink(root / "missing.md", root / "broken.md")  # matched by name
    return root


@pytest.mark.skipif(os.sep != "/", reason="the fast walk is POSIX only")
@pytest.mark.parametrize(
    "name", ["*.*", "*.md", "*", "?.md", "[ab].*", "*.[mM][dD]", "inside.md"]
)
def test_fast_walk_equals_glob(tree: Path, name: str, monkeypatch) -> None:
    for base in (str(tree), "corpus"):
        monkeypatch.chdir(tree.parent)
        pattern = f"{base}/**/{name}"
        assert sorted(_glob(pattern)) == sorted(glob.glob(pattern, recursive=True))


def test_other_patterns_go_to_glob(tree: Path) -> None:
    for pattern in [
        f"{tree}/*.md",
        f"{tree}/sub/**",
        f"{tree}/s*/**/*.md",
        f"{tree}/**/.hidden.md",
    ]:
        assert sorted(_glob(pattern)) == sorted(glob.glob(pattern, recursive=True))
    assert _glob(f"{tree}/nothing/**/*.md") == []
