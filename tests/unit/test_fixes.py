"""Applying fixes: overlap handling, protected text, byte preservation, --fix runs."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.cli import main
from newslint.document import Document
from newslint.finding import Finding, Fix
from newslint.fixes import BOM, apply_fixes, atomic_write, unified_diff

HOUSE = """
[[house-rules]]
code = "H201"
message = "Use '{replacement}', not '{match}'"
substitute = { "Organisation" = "Organization", "Kiev" = "Kyiv" }
"""


def finding(
    start: int, end: int, replacement: str, code: str = "NT101", safe: bool = True
) -> Finding:
    return Finding(
        "a.md",
        1,
        1,
        1,
        1,
        code,
        "m",
        fix=Fix(start, end, replacement, safe),
        start=start,
        end=end,
    )


def test_non_overlapping_fixes_apply_and_overlapping_wait():
    doc = Document("a.md", "abcdefghij")
    out = apply_fixes(doc, [finding(1, 3, "X"), finding(2, 5, "Y"), finding(6, 7, "")])
    assert out.text == "aXdefhij"
    assert [f.replacement for f in out.skipped] == ["Y"]
    assert len(out.applied) == 2


def test_two_insertions_at_one_place_are_not_merged():
    doc = Document("a.md", "ab")
    out = apply_fixes(doc, [finding(1, 1, "X"), finding(1, 1, "Y")])
    assert out.text in ("aXb", "aYb")
    assert len(out.skipped) == 1


def test_identical_fixes_apply_once():
    doc = Document("a.md", "a. . b")
    out = apply_fixes(doc, [finding(2, 4, ""), finding(2, 4, "")])
    assert out.text == "a. b"


def test_front_matter_and_code_are_never_touched():
    text = "---\ntitle: a . .\n---\nSee `x. .` here. .\n"
    doc = Document("a.md", text)
    fm = text.index(" .")
    code = text.index("x. .") + 2
    prose = text.rindex(" .")
    out = apply_fixes(
        doc,
        [
            finding(fm, fm + 2, ""),
            finding(code, code + 2, ""),
            finding(prose, prose + 2, ""),
        ],
    )
    assert out.text == "---\ntitle: a . .\n---\nSee `x. .` here.\n"
    assert len(out.refused) == 2


def test_text_covered_by_a_suppression_is_not_fixed():
    text = "<!-- newslint: disable NT101 -->\nA. .\nB\nC\n<!-- newslint: enable -->\n"
    doc = Document("a.md", text)
    # A multi-line fix that starts outside but reaches into the block is refused.
    start = 0
    out = apply_fixes(doc, [finding(start, text.index("B"), "")])
    assert out.text == text and out.refused


def test_atomic_write_keeps_mode(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    atomic_write(str(path), b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]  # no temp file left


def test_unified_diff_names_both_sides():
    diff = unified_diff("x.md", b"One. .\n", b"One.\n")
    assert diff.startswith("--- a/x.md\n+++ b/x.md\n")
    assert "-One. .\n+One.\n" in diff


# -- whole runs ------------------------------------------------------------------


def run(tmp_path: Path, *args: str) -> int:
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        return main([*args, "--no-cache", "-q"])
    finally:
        os.chdir(cwd)


def test_crlf_bom_round_trip(tmp_path: Path, capsys):
    (tmp_path / "newslint.toml").write_text('select = ["NT101"]\n')
    raw = (
        BOM
        + b"---\r\nstory: x . .\r\n---\r\nThe talks ended. . Officials left.\r\nNo change here.\r\n"
    )
    path = tmp_path / "a.md"
    path.write_bytes(raw)
    assert run(tmp_path, "--fix", "a.md") == 0
    assert path.read_bytes() == BOM + (
        b"---\r\nstory: x . .\r\n---\r\nThe talks ended. Officials left.\r\nNo change here.\r\n"
    )


def test_diff_writes_nothing_and_exits_1(tmp_path: Path, capsys):
    (tmp_path / "newslint.toml").write_text('select = ["NT101"]\n')
    path = tmp_path / "a.md"
    path.write_text("One. .\n")
    assert run(tmp_path, "--diff", "a.md") == 1
    out = capsys.readouterr().out
    assert "-One. .\n+One.\n" in out
    assert path.read_text() == "One. .\n"
    path.write_text("One.\n")
    assert run(tmp_path, "--diff", "a.md") == 0
    assert capsys.readouterr().out == ""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_read_only_file_is_a_one_line_error_and_unchanged(tmp_path: Path, capsys):
    (tmp_path / "newslint.toml").write_text('select = ["NT101"]\n')
    path = tmp_path / "a.md"
    path.write_text("One. .\n")
    os.chmod(path, 0o444)
    try:
        assert run(tmp_path, "--fix", "a.md") == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "read-only" in err
        assert path.read_text() == "One. .\n"
    finally:
        os.chmod(path, 0o644)


def test_unsafe_fix_needs_the_flag(tmp_path: Path, capsys):
    (tmp_path / "newslint.toml").write_text('select = ["NT104"]\n')
    path = tmp_path / "a.txt"
    path.write_text("For tips, write to usSend your letters to the desk.\n")
    assert run(tmp_path, "--fix", "a.txt") == 1
    assert "usSend" in path.read_text()
    assert run(tmp_path, "--fix", "--unsafe-fixes", "a.txt") == 0
    assert "us Send" in path.read_text()


# -- property: random defects, fixed spans only -------------------------------------

WORDS = [
    "The",
    "council",
    "met",
    "on",
    "Monday",
    "and",
    "voted",
    "budget",
    "Kyiv",
    "road",
]
DEFECTS = ["doubled", "organisation", "kiev", None, None]


@st.composite
def articles(draw):
    """An article as a list of (clean, defect) sentence pieces."""
    crlf = draw(st.booleans())
    bom = draw(st.booleans())
    sentences = []
    for _ in range(draw(st.integers(1, 8))):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))
        defect = draw(st.sampled_from(DEFECTS))
        sentences.append((" ".join(words), defect))
    return sentences, crlf, bom


def render(sentences, crlf: bool, fixed: bool) -> str:
    parts = []
    for words, defect in sentences:
        if defect == "doubled":
            parts.append(f"{words}." if fixed else f"{words}. .")
        elif defect == "organisation":
            parts.append(
                f"{words} Organization." if fixed else f"{words} Organisation."
            )
        elif defect == "kiev":
            parts.append(f"{words} in Kyiv." if fixed else f"{words} in Kiev.")
        else:
            parts.append(f"{words}.")
    newline = "\r\n" if crlf else "\n"
    return newline.join(parts) + newline


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(articles())
def test_fix_removes_fixed_findings_and_keeps_every_other_byte(tmp_path_factory, data):
    sentences, crlf, bom = data
    tmp = tmp_path_factory.mktemp("prop")
    (tmp / "newslint.toml").write_text('select = ["NT101", "H201"]\n' + HOUSE)
    before = render(sentences, crlf, fixed=False)
    expected = render(sentences, crlf, fixed=True)
    prefix = BOM if bom else b""
    path = tmp / "a.txt"
    path.write_bytes(prefix + before.encode())
    code = run(tmp, "--fix", "a.txt")
    # Every byte outside the fixed spans is unchanged: the result is exactly
    # the article rendered without the defects.
    assert path.read_bytes() == prefix + expected.encode()
    assert code == 0  # the re-lint finds none of the fixed findings
